"""Texts of the Markdown scorecard (``score --format md``), ``summary.md`` of ``run`` and the
assertion outcomes: part of the one catalogue in :mod:`smartcity_assess.messages`.

Column words shared with the reports (``col_region``, ``col_year``, ``col_band``,
``col_coverage``, ``not_assessed`` …) are the reports' keys, so that a grade is a
"Predikat"/"Grade" and an unscored node "belum terukur"/"not assessed" everywhere.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the Markdown scorecard (render/scores_md.py) ---------------------------------------
    "sc_title": ("Kartu skor", "Scorecard"),
    "sc_bootstrap_note": (
        "± = setengah lebar interval kepercayaan bootstrap {level} ({draws} ulangan, "
        "{basis} diambil ulang; seed {seed}).",
        "± = half the width of the {level} bootstrap interval ({draws} draws, {basis} "
        "resampled; seed {seed})."),
    "sc_sensitivity": ("Analisis sensitivitas", "Sensitivity analysis"),
    "sc_range": ("Rentang {p}", "Range {p}"),
    "sc_likely": ("Predikat paling mungkin", "Most likely grade"),
    "sc_rank": ("Peringkat {p}", "Rank {p}"),
    "sc_moves": ("Paling berpengaruh", "Moves it most"),
    "sc_factor_weights": ("bobot", "weights"),
    "sc_factor_aggregation": ("agregasi", "aggregation"),
    "sc_factor_imputation": ("imputasi", "imputation"),
    "sc_factor_normalisation": ("normalisasi", "normalisation"),
    "sc_factor_goalposts": ("goalposts", "goalposts"),
    "sc_factor_bands": ("batas predikat", "grade thresholds"),
    "sc_grade_change": ("predikat berubah {share}", "grade changes {share}"),
    "sc_nothing": ("tidak ada", "nothing"),
    "sc_sensitivity_note": (
        "{scenarios} skenario: {draws} set bobot acak (±{range}) × agregasi ({aggs}) × "
        "imputasi ({imps}); seed {seed}. Dalam kurung: bagian varians indeks yang dijelaskan "
        "pilihan itu sendiri.",
        "{scenarios} scenarios: {draws} random weight sets (±{range}) × aggregation ({aggs}) × "
        "imputation ({imps}); seed {seed}. In brackets: the share of the index's variance "
        "that choice explains on its own."),
    # --- summary.md of run (assessment/summary.py) ------------------------------------------
    "sum_inputs": ("berkas masukan", "input files"),
    "sum_region_years": ("wilayah-tahun", "region-years"),
    "sum_provenance": ("hash di provenance.json", "hashes in provenance.json"),
    "sum_none": ("Tidak ada asersi", "No assertions configured"),
    "sum_ok": ("Semua asersi lulus", "All assertions pass"),
    "sum_errors_failed": ("{n} galat gagal", "{n} errors failed"),
    "sum_error_failed": ("1 galat gagal", "1 error failed"),
    "sum_warnings": ("{n} peringatan", "{n} warnings"),
    "sum_warning": ("1 peringatan", "1 warning"),
    "sum_passed": ("{n} lulus", "{n} passed"),
    "sum_skipped": ("{n} dilewati", "{n} skipped"),
    "sum_break": ("jeda", "break"),
    "sum_break_note": (
        "*jeda*: tahun sebelumnya dinilai dengan set indikator lain ({sets}), sehingga "
        "perubahannya tidak ditampilkan",
        "a *break*: the previous year was scored with another indicator set ({sets}), so its "
        "change is not shown"),
    "sum_assertions": ("Asersi", "Assertions"),
    "sum_result": ("Hasil", "Result"),
    "sum_level": ("Tingkat", "Level"),
    "sum_target": ("Sasaran", "Target"),
    "sum_check": ("Uji", "Check"),
    "sum_found": ("Nilai", "Found"),
    "sum_limit": ("Batas", "Limit"),
    "sum_detail": ("Keterangan", "Detail"),
    "sum_fail_word": ("GAGAL", "FAIL"),
    "sum_warn_word": ("PERINGATAN", "WARN"),
    "sum_skips": ("Uji yang dilewati", "Skipped checks"),
    "sum_movers": ("Indikator dengan perubahan terbesar", "Indicators that moved most"),
    # --- assertion outcomes (assessment/assertions.py) --------------------------------------
    "assert_target_index": ("indeks", "index"),
    "assert_target_pillar": ("pilar {node}", "pillar {node}"),
    "assert_target_indicator": ("indikator {node}", "indicator {node}"),
    "assert_below": ("{target} {score} di bawah {limit}", "{target} {score} is below {limit}"),
    "assert_not-assessed": ("{target} belum terukur ({limit})",
                            "{target} is not assessed ({limit})"),
    "assert_fell": (
        "{target} turun {drop} poin sejak {previous_year} ({previous} → {score}), lebih dari "
        "{limit}",
        "{target} fell {drop} points since {previous_year} ({previous} → {score}), more than "
        "{limit}"),
    "assert_no-earlier-year": (
        "{target} {limit}: tidak ada tahun sebelumnya untuk dibandingkan",
        "{target} {limit}: no earlier year to compare with"),
    "assert_break": (
        "{target} {limit}: tidak dibandingkan karena jeda ({previous_year} dinilai dengan "
        "{previous_set}, {year} dengan {current_set})",
        "{target} {limit}: not compared across a break ({previous_year} was scored with "
        "{previous_set}, {year} with {current_set})"),
    "assert_earlier-missing": ("{target} {limit}: belum terukur pada {previous_year}",
                               "{target} {limit}: not assessed in {previous_year}"),
    "assert_not-assessed-now": ("{target} {limit}: belum terukur pada {year}",
                                "{target} {limit}: not assessed in {year}"),
    "assert_passed": ("{target} {check} {limit} lulus", "{target} {check} {limit} passed"),
}
"""Text key → (Indonesian, English)."""
