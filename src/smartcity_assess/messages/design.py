"""Texts of the masterplan's chapter on the survey design (report/chapters/design.py): part
of the one catalogue in :mod:`smartcity_assess.messages`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "ch_design": ("Desain survei: siapa yang menjawab", "Survey design: who answered"),
    "design_intro": (
        "Sampel jarang sebanding dengan penduduk. Bab ini menunjukkan siapa yang menjawab, "
        "bagaimana mereka dipilih, dan berapa indeks bila jawaban ditimbang menurut desain "
        "survei dibandingkan bila setiap jawaban dihitung sama.",
        "Samples are rarely proportional to the population. This chapter shows who answered, "
        "how they were chosen, and what the index is when the answers are weighted by the "
        "survey's design compared with every answer counting once."),
    "design_index_line": (
        "Indeks tertimbang desain: {index}{margin}. Tanpa pembobotan (setiap jawaban "
        "dihitung sama): {unweighted}{shift}.",
        "Design-weighted index: {index}{margin}. Unweighted (every answer counting once): "
        "{unweighted}{shift}."),
    "design_shift_up": ("; pembobotan menaikkan indeks sebesar {points} poin",
                        "; weighting raises the index by {points} points"),
    "design_shift_down": ("; pembobotan menurunkan indeks sebesar {points} poin",
                          "; weighting lowers the index by {points} points"),
    "design_shift_none": ("; pembobotan tidak mengubah indeks",
                          "; weighting leaves the index unchanged"),
    "design_margin": (" (± {margin}; interval {low}–{high})",
                      " (± {margin}; interval {low}–{high})"),
    "design_poststratified_role": (
        "Jawaban atas pertanyaan yang diajukan kepada beberapa peran diboboti ulang agar "
        "setiap peran mendapat proporsinya dalam populasi (post-stratifikasi menurut peran).",
        "Answers to questions asked of several roles are reweighted so that each role carries "
        "its share of the population (post-stratification by role)."),
    "design_poststratified_stratum": (
        "Jawaban diboboti ulang agar setiap strata survei mendapat proporsinya dalam populasi "
        "(post-stratifikasi menurut kolom strata).",
        "Answers are reweighted so that each stratum of the survey carries its share of the "
        "population (post-stratification by the stratum column)."),
    "design_weighted": (
        "Setiap responden menghitung dengan bobot desainnya (kolom bobot survei).",
        "Each respondent counts with their design weight (the survey's weight column)."),
    "design_roles": ("Responden menurut peran", "Respondents by role"),
    "col_design_role": ("Peran", "Role"),
    "col_design_n": ("Responden", "Respondents"),
    "col_design_effective": ("n efektif", "Effective n"),
    "col_design_selection": ("Pemilihan", "Selection"),
    "col_design_population": ("Populasi", "Population"),
    "col_design_sample_share": ("Porsi sampel", "Sample share"),
    "col_design_population_share": ("Porsi populasi", "Population share"),
    "col_design_role_index": ("Indeks menurut peran ini", "Index as this role sees it"),
    "design_selection_random": ("acak", "random"),
    "design_selection_census": ("sensus", "census"),
    "design_selection_purposive": ("purposif", "purposive"),
    "design_role_index_note": (
        "Indeks menurut satu peran: indeks bila setiap pertanyaan yang dijawab beberapa peran "
        "memakai jawaban peran itu saja. n efektif (Kish): (Σw)²/Σw².",
        "The index as one role sees it: the index when every question several roles answer "
        "takes that role's answers alone. Effective n (Kish): (Σw)²/Σw²."),
    "design_compare": ("Di mana peran-peran berbeda pendapat", "Where the roles disagree"),
    "design_compare_intro": (
        "Skor setiap peran (± 1,96 galat baku) untuk pertanyaan yang dijawab beberapa peran, "
        "di samping skor gabungan tertimbang. {count} dari {total} pertanyaan berbeda nyata "
        "(selisih lebih dari 1,96 galat baku selisihnya).",
        "Each role's score (± 1.96 standard errors) on the questions several roles answer, "
        "next to the weighted pooled score. {count} of {total} questions differ clearly (by "
        "more than 1.96 standard errors of the difference)."),
    "col_design_pooled": ("Gabungan", "Pooled"),
    "col_design_differ": ("Berbeda nyata", "Differ clearly"),
    "design_differ_yes": ("ya", "yes"),
    "design_differ_no": ("tidak", "no"),
    "design_purposive_note": (
        "Responden kelompok {roles} dipilih secara purposif, tidak diundi: interval pada "
        "jawaban mereka menggambarkan sebaran jawaban yang diberikan, bukan galat sampling.",
        "The respondents among {roles} were chosen purposively, not drawn at random: the "
        "interval on their answers describes the spread of the answers given, not a sampling "
        "error."),
    "design_census_note": (
        "Kelompok {roles} dijawab oleh seluruh populasinya (sensus): jawaban mereka tidak "
        "mengandung galat sampling (koreksi populasi terhingga).",
        "The whole population of {roles} answered (a census): their answers carry no "
        "sampling error "
        "(finite-population correction)."),
    "design_source": ("Sumber angka populasi: {source}",
                      "Source of the population figures: {source}"),
}
"""Text key → (Indonesian, English)."""
