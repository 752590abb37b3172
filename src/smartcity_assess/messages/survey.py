"""Texts about survey data once read: answers that do not count and why, the analyst's checks
(:mod:`smartcity_assess.survey.checks`), and what ``validate`` prints. Part of the one catalogue
in :mod:`smartcity_assess.messages`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- answers read but not used (survey/usage.py) -------------------------------------------
    "unused_role_not_asked": (
        "{n} jawaban untuk {indicator} dari peran {role}: pertanyaan ini hanya untuk {asked}",
        "{n} answers to {indicator} from role {role}: the question is for {asked} only"),
    "unused_role_not_asked_one": (
        "{n} jawaban untuk {indicator} dari peran {role}: pertanyaan ini hanya untuk {asked}",
        "{n} answer to {indicator} from role {role}: the question is for {asked} only"),
    "unused_role_weight_zero": (
        "{n} jawaban untuk {indicator} dari peran {role}: bobot peran ini 0 (role_weights)",
        "{n} answers to {indicator} from role {role}: the set gives this role weight 0 "
        "(role_weights)"),
    "unused_role_weight_zero_one": (
        "{n} jawaban untuk {indicator} dari peran {role}: bobot peran ini 0 (role_weights)",
        "{n} answer to {indicator} from role {role}: the set gives this role weight 0 "
        "(role_weights)"),
    "unused_below_min_answers": (
        "{n} jawaban untuk {indicator}: kurang dari {need} jawaban per wilayah-tahun yang "
        "diperlukan, jadi belum dinilai",
        "{n} answers to {indicator}: fewer than the {need} answers per region-year it "
        "needs, so it is not scored"),
    "unused_below_min_answers_one": (
        "{n} jawaban untuk {indicator}: kurang dari {need} jawaban per wilayah-tahun yang "
        "diperlukan, jadi belum dinilai",
        "{n} answer to {indicator}: fewer than the {need} answers per region-year it "
        "needs, so it is not scored"),
    "unused_ignored_column": (
        "{n} nilai di kolom {column}, yang diabaikan (ignore_columns / --ignore-column)",
        "{n} values in column {column}, which is ignored (ignore_columns / "
        "--ignore-column)"),
    "unused_ignored_column_one": (
        "{n} nilai di kolom {column}, yang diabaikan (ignore_columns / --ignore-column)",
        "{n} value in column {column}, which is ignored (ignore_columns / "
        "--ignore-column)"),
    "unused_duplicate": (
        "{n} jawaban dalam kiriman ganda (_uuid yang sama, jawaban yang sama)",
        "{n} answers in duplicate submissions (the same _uuid with the same answers)"),
    "unused_duplicate_one": (
        "{n} jawaban dalam kiriman ganda (_uuid yang sama, jawaban yang sama)",
        "{n} answer in a duplicate submission (the same _uuid with the same answers)"),
    "unused_no_role": ("tanpa peran", "no role"),
    "reason_role-not-asked": ("peran tidak ditanya", "role not asked"),
    "reason_role-weight-zero": ("bobot peran 0", "role weight 0"),
    "reason_below-min-answers": ("jawaban kurang dari minimum", "fewer answers than needed"),
    "reason_ignored-column": ("kolom diabaikan", "ignored column"),
    "reason_duplicate": ("kiriman ganda", "duplicate submission"),
    "method_answers_text": (
        "Dari berkas survei dibaca {read} jawaban; {used} di antaranya dipakai dalam skor.",
        "{read} answers were read from the survey files; {used} of them count in a score."),
    # --- validate (cli/validate.py) and score (cli/usage.py) ---------------------------------
    "cli_validate_usage": ("{answers} jawaban, {used} dipakai",
                           "{answers} answers, {used} used"),
    "cli_validate_sum": (
        "{regions} wilayah-tahun, {answers} jawaban dibaca, {used} dipakai, diperiksa "
        "terhadap {set}",
        "{regions} region-year(s), {answers} answers read, {used} used, checked against "
        "{set}"),
    "cli_unused": ("  tidak dipakai: {what}", "  not used: {what}"),
    "cli_unused_more": ("  … dan {n} baris lain (semuanya di scores.json)",
                        "  … and {n} more lines (all of them are in scores.json)"),
    "cli_unused_total": (
        "{unused} dari {answers} jawaban tidak dipakai ({reasons}); rinciannya: "
        "smartcity-assess validate",
        "{unused} of {answers} answers not used ({reasons}); the details: "
        "smartcity-assess validate"),
    "cli_strict": (
        "--strict: peringatan data dianggap galat ({n})",
        "--strict: the data warnings count as errors ({n})"),
    # --- the analyst's checks (survey/checks.py), as notices ----------------------------------
    "notice_region_spelling": (
        "{at}: wilayah {region} mirip {other} ({other_at}); satu wilayah yang ditulis dua "
        "cara dihitung sebagai dua wilayah: samakan penulisannya",
        "{at}: region {region} looks like {other} ({other_at}); one region written two ways "
        "is scored as two regions: write it the same way"),
    "notice_value_jump": (
        "{at}: {indicator} di {region} berubah {factor}× dari {before} ({year_before}) ke "
        "{after} ({year_after}); periksa satuan dan angkanya",
        "{at}: {indicator} in {region} changes {factor}× from {before} ({year_before}) to "
        "{after} ({year_after}); check the value and its unit"),
    "notice_percent_fraction": (
        "{at}: {indicator} = {value} sedangkan jawaban lain seperti {other}: pecahan yang "
        "ditulis di kolom persen? ({percent} %)",
        "{at}: {indicator} = {value} next to answers such as {other}: a fraction typed into "
        "a percent column? ({percent} %)"),
    "notice_respondent_regions": (
        "{at}: responden {respondent} juga menjawab untuk {other}; satu kode untuk dua orang? "
        "Beri setiap orang kode sendiri",
        "{at}: respondent {respondent} also answers for {other}; one id for two people? Give "
        "everyone an id of their own"),
    "notice_below_min_answers": (
        "{where}: {count} indikator perlu {need} jawaban; ada {have}: {indicators}",
        "{where}: {count} indicators need {need} answers; there are {have}: {indicators}"),
    "notice_below_min_answers_one": (
        "{where}: {count} indikator perlu {need} jawaban; ada {have}: {indicators}",
        "{where}: {count} indicator needs {need} answers; there are {have}: {indicators}"),
    "notice_more_checks": (
        "… dan {n} temuan lain dari pemeriksaan {check}",
        "… and {n} more findings of the {check} check"),
}
"""Text key → (Indonesian, English)."""
