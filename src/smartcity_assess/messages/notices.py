"""Sentences of the notices the engine and the history reader record
(:class:`smartcity_assess.notices.Notice`): part of the one catalogue in
:mod:`smartcity_assess.messages`.

The English texts are the sentences ``scores.json`` has always held; keep them word for word.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "notice_negative_item": (
        "{where}: butir {item} berkorelasi negatif (r = {r}) dengan butir Likert lain di "
        "{group}; periksa kalimat dan arah pertanyaannya",
        "{where}: item {item} correlates negatively (r = {r}) with the other Likert items of "
        "{group}; check its wording and its direction"),
    "notice_flat_normalisation": (
        "indikator {indicator}: {method} memerlukan nilai yang berbeda antarwilayah-tahun; "
        "{count} nilai dalam proses ini, semuanya sama — setiap wilayah-tahun mendapat skor "
        "tengah skala",
        "indicator {indicator}: {method} needs values that differ between region-years; "
        "{count} value(s) in this run, all equal — every region-year scores the middle of the "
        "scale"),
    "notice_history_conflict": (
        "{label} ada di {first} dan {second} dengan skor berbeda; yang dipakai {second}",
        "{label} is in {first} and {second} with different scores; using {second}"),
    "notice_geometric_zero": (
        "{where}: {group} tidak dinilai — rata-rata geometriknya memuat {item} dengan skor 0 "
        "atau kurang (logaritma tidak terdefinisi); tetapkan geometric_floor pada instrumen "
        "untuk menaikkan skor serendah itu ke batas bawah",
        "{where}: {group} is not assessed — its geometric mean includes {item} with a score "
        "of 0 or less (its logarithm is undefined); give the set a geometric_floor to raise "
        "such scores to a floor"),
    "notice_poststratification_skipped": (
        "{where}: jawaban {indicator} tidak diboboti ulang ke proporsi populasi karena peran "
        "{roles} tidak punya angka populasi di rencana (design.population)",
        "{where}: the answers to {indicator} are not reweighted to the population shares "
        "because the role(s) {roles} have no population figure in the plan "
        "(design.population)"),
    "notice_set_file_changed": (
        "berkas instrumen berubah tetapi id dan versinya tetap ({set})",
        "the indicator set file changed but kept its id and version ({set})"),
}
"""Text key → (Indonesian, English)."""
