"""Texts of the reports (masterplan, roadmap, overview, their charts): part of the one
catalogue in :mod:`smartcity_assess.messages`.

Texts may hold ``{name}`` placeholders filled by the templates' ``t()`` with values that
are escaped for the output format. Report texts are trusted: they must not contain ``<``,
``>`` or ``&`` (a test checks), so they need no escaping themselves.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- documents and cover ---------------------------------------------------------------
    "masterplan": ("Masterplan Smart City", "Smart City Masterplan"),
    "roadmap": ("Peta Jalan Smart City", "Smart City Roadmap"),
    "masterplan_subtitle": ("Kajian kesiapan, analisis kesenjangan dan program prioritas",
                            "Readiness assessment, gap analysis and priority programs"),
    "roadmap_subtitle": ("Tahapan, linimasa, proyeksi capaian dan tanggung jawab OPD",
                         "Phases, timeline, projected results and agency responsibilities"),
    "period": ("Periode", "Period"),
    "assessment_year": ("Tahun penilaian", "Assessment year"),
    "instrument": ("Instrumen penilaian", "Assessment framework"),
    "version": ("versi", "version"),
    "date": ("Tanggal", "Date"),
    "prepared_by": ("Disusun oleh", "Prepared by"),
    "province": ("Provinsi", "Province"),
    "population": ("Jumlah penduduk", "Population"),
    "area": ("Luas wilayah", "Area"),
    "people": ("jiwa", "people"),
    "sample_notice": (
        "Dokumen ini dibuat dari data sintetis untuk demonstrasi dan tidak memuat angka resmi.",
        "This document was generated from synthetic data for demonstration and contains no "
        "official figures."),
    "sample_badge": ("DATA CONTOH", "SAMPLE DATA"),
    "contents": ("Daftar Isi", "Contents"),
    "generated_by": ("Dibuat dengan {tool} {version}.", "Generated with {tool} {version}."),
    "companion_roadmap": ("Dokumen pendamping: Peta Jalan Smart City ({file}).",
                          "Companion document: Smart City Roadmap ({file})."),
    "companion_masterplan": ("Dokumen induk: Masterplan Smart City ({file}).",
                             "Parent document: Smart City Masterplan ({file})."),
    # --- chapters: masterplan --------------------------------------------------------------
    "ch_summary": ("Ringkasan Eksekutif", "Executive Summary"),
    "ch_pillars": ("Kesiapan per Pilar", "Readiness by Pillar"),
    "ch_gaps": ("Analisis Kesenjangan", "Gap Analysis"),
    "ch_vision": ("Visi, Misi dan Sasaran Strategis", "Vision, Mission and Strategic Goals"),
    "ch_programs": ("Program Prioritas", "Priority Programs"),
    "ch_quick_wins": ("Quick Win", "Quick Wins"),
    "ch_method": ("Lampiran Metodologi", "Methodology Annex"),
    # --- chapters: roadmap -----------------------------------------------------------------
    "ch_overview": ("Ikhtisar Peta Jalan", "Roadmap Overview"),
    "ch_years": ("Tahapan Pelaksanaan", "Stages of Implementation"),
    "ch_timeline": ("Linimasa Program", "Program Timeline"),
    "ch_trajectory": ("Proyeksi Capaian", "Projected Trajectory"),
    "ch_kpis": ("Target Indikator Kinerja per Tahun", "Performance Targets by Year"),
    "ch_owners": ("Tanggung Jawab per OPD", "Responsibilities by Agency (OPD)"),
    "ch_dependencies": ("Ketergantungan Antarprogram", "Dependencies between Programs"),
    "ch_deferred": ("Program yang Belum Terjadwal", "Programs Not Scheduled"),
    "ch_roadmap_method": ("Catatan Metode", "Method Notes"),
    # --- key figures -----------------------------------------------------------------------
    "index": ("Indeks kesiapan", "Readiness index"),
    "index_short": ("Indeks", "Index"),
    "band": ("Predikat", "Grade"),
    "coverage": ("Cakupan data", "Data coverage"),
    "respondents": ("Responden", "Respondents"),
    "programs": ("Program diusulkan", "Proposed programs"),
    "quick_wins": ("Quick win", "Quick wins"),
    "projected_index_end": ("Proyeksi indeks {year}", "Projected index {year}"),
    "target_index_end": ("target {value}", "target {value}"),
    "of_scale": ("dari {value}", "out of {value}"),
    "interval_note": ("interval {level}: {low}–{high}", "{level} interval: {low}–{high}"),
    "col_interval": ("Interval {level}", "{level} interval"),
    "basis_respondents": ("responden", "respondents"),
    "basis_answers": ("jawaban", "answers"),
    # --- how sure are we? (report/certainty.py, _certainty.html/.md) ------------------------
    "word_or": ("atau", "or"),
    "cert_heading": ("Seberapa yakin?", "How sure are we?"),
    "cert_intro": (
        "Setiap skor dalam laporan ini adalah perkiraan. Hasilnya bisa berbeda karena dua "
        "hal: orang lain bisa saja yang menjawab survei (sampel), dan indeks disusun dengan "
        "pilihan — bobot, cara menggabungkan pilar, cara menangani data yang kosong — yang "
        "dapat dibuat berbeda oleh orang lain (pilihan metodologis). Bagian ini menunjukkan "
        "seberapa jauh masing-masing dapat menggeser hasil.",
        "Every score in this report is an estimate. It could have come out differently for "
        "two reasons: other people could have answered the survey (sampling), and the index "
        "rests on choices — weights, how the pillars are combined, how missing data are "
        "handled — that others could reasonably make differently (judgement calls). This "
        "section shows how far each of them could move the result."),
    "cert_verdict_label": ("Kesimpulan", "Conclusion"),
    "cert_verdict_solid": (
        "predikat {band} kokoh. Interval 95% indeks ({low}–{high}) berada di dalam rentang "
        "{band} ({lower}–{upper}), dan predikat tetap {band} pada {p} skenario dengan "
        "pilihan metodologis lain.",
        "the grade {band} is solid. The index's 95% interval ({low}–{high}) lies inside the "
        "{band} range ({lower}–{upper}), and the grade stays {band} in {p} of the scenarios "
        "with other judgement calls."),
    "cert_verdict_solid_sampling": (
        "predikat {band} kokoh terhadap pemilihan responden: interval 95% indeks "
        "({low}–{high}) berada di dalam rentang {band} ({lower}–{upper}).",
        "the grade {band} holds whichever respondents answered: the index's 95% interval "
        "({low}–{high}) lies inside the {band} range ({lower}–{upper})."),
    "cert_verdict_solid_judgement": (
        "predikat {band} kokoh: predikat tetap {band} pada {p} skenario dengan pilihan "
        "metodologis lain.",
        "the grade {band} is solid: it stays {band} in {p} of the scenarios with other "
        "judgement calls."),
    "cert_verdict_sampling": (
        "predikat {band} belum pasti. Interval 95% indeks ({low}–{high}) melewati batas "
        "{boundary} antara {band} dan {other}: dengan responden lain predikatnya bisa "
        "{other}. Bacalah predikat ini sebagai {band}, mendekati {other}.",
        "the grade {band} is not certain. The index's 95% interval ({low}–{high}) crosses "
        "the boundary {boundary} between {band} and {other}: with other respondents the "
        "grade could be {other}. Read it as {band}, close to {other}."),
    "cert_verdict_likely": (
        "predikat {band} mungkin, tetapi belum pasti: predikat ini berlaku pada {p} "
        "skenario; pada skenario lain indeks masuk {other} ({other_p}). Bacalah predikat "
        "ini sebagai {band}, mendekati {other}.",
        "the grade {band} is likely but not certain: it holds in {p} of the scenarios; in "
        "the others the index falls in {other} ({other_p}). Read it as {band}, close to "
        "{other}."),
    "cert_verdict_borderline": (
        "indeks berada di dekat batas predikat: {band} pada {p} skenario, {other} pada "
        "{other_p}. Sampaikan predikat sebagai perbatasan antara {band} dan {other}, dan "
        "perhatikan skor pilar daripada predikatnya.",
        "the index sits near a grade boundary: {band} in {p} of the scenarios, {other} in "
        "{other_p}. Report the grade as borderline between {band} and {other}, and look at "
        "the pillar scores rather than the grade."),
    "cert_summary_more": ("Rincian: bagian {section}.", "Details: section {section}."),
    "cert_chart_title": ("Skor beserta ketidakpastiannya", "Scores with their uncertainty"),
    "cert_chart_desc": (
        "Untuk indeks dan setiap pilar: skor (titik), interval 95% dari pengambilan ulang "
        "responden (garis hitam) dan rentang skor di bawah pilihan metodologis lain, "
        "persentil {plow}–{phigh} (batang biru muda). {items}.",
        "For the index and each pillar: the score (dot), the 95% interval from re-drawing "
        "the respondents (black line) and the range under other judgement calls, "
        "{plow}th–{phigh}th percentile (light blue bar). {items}."),
    "cert_chart_score": ("Skor", "Score"),
    "cert_chart_interval": ("Interval {level} (responden)", "{level} interval (respondents)"),
    "cert_chart_range": ("Rentang pilihan metodologis ({plow}–{phigh}%)",
                         "Range under other judgement calls ({plow}–{phigh}%)"),
    "cert_chart_axis": ("Skor ({scale}); latar: predikat", "Score ({scale}); background: grades"),
    "cert_table_caption": ("Skor dan rentang ketidakpastiannya",
                           "Scores and their uncertainty"),
    "col_margin": ("±", "±"),
    "col_interval_short": ("Interval", "Interval"),
    "col_range": ("Rentang skenario {plow}–{phigh}%", "Scenario range {plow}–{phigh}%"),
    "col_reach": ("Predikat yang mungkin", "Grades within reach"),
    "cert_sampling_heading": ("Siapa yang menjawab: interval sampel",
                              "Who answered: the sampling interval"),
    "cert_sampling_text": (
        "Survei ini menanyai {respondents} responden, bukan seluruh warga, OPD atau pelaku "
        "usaha. Untuk melihat pengaruhnya, seluruh penilaian dihitung ulang {draws} kali, "
        "setiap kali dengan responden yang diambil acak, dengan pengembalian, dari mereka "
        "yang menjawab (bootstrap). Pada {level} dari pengulangan itu indeks berada antara "
        "{low} dan {high}: indeks adalah {score} ± {margin}.",
        "The survey asked {respondents} respondents, not every resident, agency or business. "
        "To see how much that matters, the whole assessment was recomputed {draws} times, "
        "each time with respondents drawn at random, with replacement, from those who "
        "answered (the bootstrap). In {level} of these repetitions the index lay between "
        "{low} and {high}: it is {score} ± {margin}."),
    "cert_sampling_answers": (
        "Data ini tidak mencatat identitas responden, sehingga jawaban diambil ulang per "
        "pertanyaan; interval pilar dan indeks karenanya cenderung sedikit terlalu sempit.",
        "The data carry no respondent ids, so answers were re-drawn question by question; "
        "the intervals of pillars and index are therefore likely somewhat too narrow."),
    "cert_exact": (
        "{count} indikator berasal dari statistik resmi (satu baris data) dan tidak memiliki "
        "interval sampel: tidak ada responden yang dapat diambil ulang.",
        "{count} indicators come from official statistics (one row of data) and have no "
        "sampling interval: there are no respondents to re-draw."),
    "cert_exact_one": (
        "1 indikator berasal dari statistik resmi (satu baris data) dan tidak memiliki "
        "interval sampel: tidak ada responden yang dapat diambil ulang.",
        "1 indicator comes from official statistics (one row of data) and has no sampling "
        "interval: there are no respondents to re-draw."),
    "cert_widest": (
        "Interval paling lebar ada pada pilar {pillar} (± {margin}). Interval melebar bila "
        "sedikit orang menjawab atau bila jawaban mereka sangat berbeda-beda. Indikator yang "
        "paling melebarkan interval indeks:",
        "The interval is widest for the {pillar} pillar (± {margin}). An interval widens "
        "when few people answered or when their answers differ a lot. The indicators that "
        "widen the index's interval most:"),
    "cert_driver": (
        "{title} ({pillar}): ± {margin} poin dari {n} jawaban, simpangan baku {sd}",
        "{title} ({pillar}): ± {margin} points from {n} answers, standard deviation {sd}"),
    "cert_drivers_advice": (
        "Menambah jumlah jawaban untuk pertanyaan-pertanyaan ini paling mempersempit "
        "interval pada penilaian berikutnya.",
        "More answers to these questions would narrow the interval most at the next "
        "assessment."),
    "cert_sens_heading": ("Pilihan metodologis: analisis sensitivitas",
                          "Judgement calls: the sensitivity analysis"),
    "cert_sens_text": (
        "Indeks juga dihitung ulang dalam {scenarios} skenario yang mengubah pilihan di "
        "baliknya: setiap bobot diubah acak hingga ±{range}, pilar digabung dengan rata-rata "
        "{aggs}, dan indikator tanpa data {imps}. Pada {share} skenario indeks berada antara "
        "{low} dan {high} (median {median}).",
        "The index was also recomputed in {scenarios} scenarios that change the choices "
        "behind it: every weight varied at random by up to ±{range}, the pillars combined "
        "by an {aggs} mean, and indicators without data {imps}. In {share} of the scenarios "
        "the index lay between {low} and {high} (median {median})."),
    "cert_effects_caption": ("Pilihan mana yang paling menggeser indeks",
                             "Which choice moves the index most"),
    "col_choice": ("Pilihan", "Choice"),
    "col_tried": ("Yang dicoba", "What was tried"),
    "col_alone": ("Indeks bila hanya ini berubah", "Index when only this changes"),
    "col_share": ("Bagian dari variasi", "Share of the variation"),
    "cert_factor_weights": ("Bobot", "Weights"),
    "cert_factor_aggregation": ("Penggabungan pilar", "Combining the pillars"),
    "cert_factor_imputation": ("Indikator tanpa data", "Indicators without data"),
    "cert_factor_normalisation": ("Normalisasi", "Normalisation"),
    "cert_factor_goalposts": ("Batas normalisasi (goalposts)", "Goalposts"),
    "cert_factor_bands": ("Batas predikat", "Grade thresholds"),
    "cert_norm_set": ("cara instrumen", "the set's own"),
    "cert_norm_goalposts": ("goalposts", "goalposts"),
    "cert_norm_distance-to-target": ("jarak ke target", "distance to the target"),
    "cert_norm_minmax": ("min–maks antarwilayah", "min–max across regions"),
    "cert_norm_zscore": ("skor-z antarwilayah", "z-scores across regions"),
    "cert_tried_goalposts": ("{draws} set acak: setiap batas digeser hingga ±{shift} "
                             "rentangnya",
                             "{draws} random sets: each goalpost moved within ±{shift} of "
                             "its span"),
    "cert_tried_bands": ("setiap batas predikat digeser acak hingga ±{points} poin",
                         "each threshold moved at random by up to ±{points} points"),
    "cert_grade_change": ("predikat berubah pada {share} undian",
                          "the grade changes in {share} of the draws"),
    "cert_sens_more": (
        "Juga diubah: {choices}.",
        "Also varied: {choices}."),
    "cert_more_normalisation": ("normalisasi ({names})", "the normalisation ({names})"),
    "cert_more_goalposts": ("batas normalisasi ({draws} set acak, setiap batas digeser "
                            "seragam hingga ±{shift} rentang indikatornya)",
                            "the goalposts ({draws} random sets, each goalpost moved "
                            "uniformly within ±{shift} of its indicator's span)"),
    "cert_more_bands": ("batas predikat (digeser acak seragam hingga ±{points} poin di "
                        "setiap skenario; mengubah predikat, bukan indeks)",
                        "the grade thresholds (moved uniformly by up to ±{points} points in "
                        "every scenario; they change the grade, not the index)"),
    "cert_tried_weights": ("setiap bobot × {low}–{high}", "each weight × {low}–{high}"),
    "cert_tried_aggregation": ("rata-rata {aggs}", "{aggs} mean"),
    "cert_most": (
        "Pilihan yang paling menggeser indeks adalah {choice}: sendirian ia menjelaskan "
        "{share} dari variasi antarskenario; bila hanya pilihan ini yang berubah, indeks "
        "berkisar {low}–{high}.",
        "The choice that moves the index most is {choice}: on its own it explains {share} "
        "of the variation between scenarios; if only it changes, the index ranges from "
        "{low} to {high}."),
    "cert_interaction": (
        "Sisanya ({share}) berasal dari pilihan-pilihan yang bekerja bersama.",
        "The rest ({share}) comes from the choices acting together."),
    "cert_nothing_moves": ("Tidak satu pun pilihan ini menggeser indeks.",
                           "None of these choices moves the index."),
    "cert_bands_caption": ("Peluang setiap predikat", "Probability of each grade"),
    "cert_bands_text": (
        "Bagian dari {scenarios} skenario yang menempatkan indeks pada setiap predikat.",
        "Share of the {scenarios} scenarios that put the index in each grade."),
    "col_probability": ("Peluang", "Probability"),
    "cert_bands_lead": (
        "Peluang setiap predikat: bagian dari {scenarios} skenario yang menempatkan indeks "
        "pada predikat itu.",
        "Probability of each grade: the share of the {scenarios} scenarios that put the index "
        "in it."),
    "col_score_range": ("Rentang skor", "Score range"),
    "cert_rank_heading": ("Peringkat antarwilayah", "Ranking among regions"),
    "cert_rank_text": (
        "Di antara {of} wilayah yang dinilai, {region} berada di peringkat {rank}; di bawah "
        "pilihan metodologis lain peringkatnya berkisar {low}–{high} (pada {share} "
        "skenario).",
        "Among the {of} regions assessed, {region} ranks {rank}; under other judgement calls "
        "its rank lies between {low} and {high} (in {share} of the scenarios)."),
    "cert_rank_text_fixed": (
        "Di antara {of} wilayah yang dinilai, {region} berada di peringkat {rank}, dan tetap "
        "di peringkat itu pada {share} skenario dengan pilihan metodologis lain.",
        "Among the {of} regions assessed, {region} ranks {rank}, and it keeps that rank in "
        "{share} of the scenarios with other judgement calls."),
    "cert_ranks_caption": ("Peringkat dan rentangnya", "Ranks and their range"),
    "col_region": ("Wilayah", "Region"),
    "col_rank_nominal": ("Peringkat", "Rank"),
    "col_rank_range": ("Rentang peringkat", "Rank range"),
    "cert_consistency_heading": ("Apakah pertanyaannya mengukur satu hal?",
                                 "Do the questions measure one thing?"),
    "cert_consistency_text": (
        "Bila satu pilar atau dimensi menanyakan beberapa pertanyaan berskala 1–5 kepada "
        "responden yang sama, alfa Cronbach menunjukkan apakah jawabannya saling sejalan: "
        "0,7 atau lebih biasanya dianggap dapat diterima, 0,8 atau lebih baik. Alfa yang "
        "rendah berarti pertanyaan-pertanyaan itu mengukur hal yang berbeda, sehingga rata-"
        "ratanya perlu dibaca dengan hati-hati.",
        "Where a pillar or dimension asks the same respondents several questions on a 1–5 "
        "scale, Cronbach's alpha shows whether the answers hang together: 0.7 or more is "
        "usually taken as acceptable, 0.8 or more as good. A low alpha means the questions "
        "measure different things, so their average should be read with care."),
    "cert_consistency_caption": ("Konsistensi internal pertanyaan berskala",
                                 "Internal consistency of the rated questions"),
    "col_group": ("Pilar / dimensi", "Pillar / dimension"),
    "col_items": ("Pertanyaan", "Questions"),
    "col_respondents_n": ("Responden", "Respondents"),
    "col_alpha": ("Alfa Cronbach", "Cronbach's alpha"),
    "col_reading": ("Penilaian", "Reading"),
    "col_weakest": ("Tanpa pertanyaan terlemah", "Without its weakest question"),
    "cert_unchanged": ("{value} (tidak berubah)", "{value} (unchanged)"),
    "cert_alpha_excellent": ("sangat baik", "excellent"),
    "cert_alpha_good": ("baik", "good"),
    "cert_alpha_acceptable": ("dapat diterima", "acceptable"),
    "cert_alpha_questionable": ("diragukan", "questionable"),
    "cert_alpha_poor": ("lemah", "poor"),
    "cert_warning": ("Peringatan", "Warning"),
    "cert_negative": (
        "pertanyaan “{item}” berlawanan dengan pertanyaan lain dalam {group} (korelasi "
        "butir–sisa {r}): responden yang menilai pertanyaan lain tinggi cenderung menilai "
        "pertanyaan ini rendah. Periksa kalimat dan arah skalanya (apakah jawaban tinggi "
        "berarti baik?) sebelum memakai skor ini.",
        "the question “{item}” works against the other questions of {group} (item–rest "
        "correlation {r}): respondents who rate the others high tend to rate it low. Check "
        "its wording and its direction (is a high answer good?) before relying on this "
        "score."),
    "cert_no_negative": ("Tidak ada pertanyaan yang berlawanan dengan kelompoknya.",
                         "No question works against its group."),
    "cert_not_computed": (
        "Ketidakpastian tidak dihitung untuk laporan ini (misalnya karena --no-uncertainty). "
        "Jalankan report tanpa opsi itu untuk melihat interval dan analisis sensitivitas.",
        "Uncertainty was not computed for this report (with --no-uncertainty, for example). "
        "Run report without that option to see the intervals and the sensitivity analysis."),
    "cert_imp_none": ("dibiarkan tidak dinilai", "left out"),
    "cert_imp_group-mean": ("diisi rata-rata kelompoknya", "filled with their group's mean"),
    "cert_imp_group-median": ("diisi median kelompoknya", "filled with their group's median"),
    "cert_imp_previous-year": ("diisi nilai tahun sebelumnya",
                               "carried forward from the previous year"),
    "cert_over_regions": ("nilai semua wilayah-tahun dalam penghitungan",
                          "the values of all region-years in the run"),
    "cert_over_answers": ("jawaban setiap wilayah-tahun", "each region-year's answers"),
    # --- methodology annex: uncertainty and data treatment -------------------------------
    "cert_annex_heading": ("Ketidakpastian dan perlakuan data",
                           "Uncertainty and data treatment"),
    "cert_annex_bootstrap": (
        "Interval kepercayaan: bootstrap {draws} kali (benih acak {seed}), interval persentil "
        "{level}; {basis} diambil ulang dengan pengembalian di dalam setiap wilayah-tahun "
        "dan setiap peran.",
        "Confidence intervals: bootstrap with {draws} draws (seed {seed}), {level} "
        "percentile intervals; {basis} re-drawn with replacement within each region-year "
        "and each role."),
    "cert_annex_no_bootstrap": ("Interval kepercayaan: tidak dihitung.",
                                "Confidence intervals: not computed."),
    "cert_annex_sensitivity": (
        "Analisis sensitivitas: {draws} set bobot acak × agregasi ({aggs}) × imputasi "
        "({imps}) = {scenarios} skenario (benih acak {seed}); setiap bobot dikalikan faktor acak "
        "seragam antara {low} dan {high}; rentang = persentil {plow}–{phigh}.",
        "Sensitivity analysis: {draws} random weight sets × aggregation ({aggs}) × "
        "imputation ({imps}) = {scenarios} scenarios (seed {seed}); each weight multiplied "
        "by a factor drawn uniformly between {low} and {high}; ranges are the "
        "{plow}th–{phigh}th percentiles."),
    "cert_annex_no_sensitivity": ("Analisis sensitivitas: tidak dihitung.",
                                  "Sensitivity analysis: not computed."),
    "cert_annex_imputation": ("Imputasi indikator tanpa data: {items}.",
                              "Imputation of indicators without data: {items}."),
    "cert_imputation_item": ("{method} ({count} indikator)", "{method} ({count} indicators)"),
    "cert_annex_imputation_none": (
        "Imputasi: tidak ada — indikator tanpa data tidak dinilai dan bobotnya dibagi ulang "
        "di antara indikator lain dalam kelompoknya.",
        "Imputation: none — an indicator without data is not assessed and its weight is "
        "shared among the other indicators of its group."),
    "cert_annex_imputed": ("Diimputasi dalam penilaian ini: {items}.",
                           "Imputed in this assessment: {items}."),
    "cert_annex_outliers": ("Perlakuan pencilan: {items}.", "Outlier treatment: {items}."),
    "cert_outlier_item": (
        "winsorisasi pada kuantil {low} dan {high} dari {over} ({count} indikator)",
        "winsorised at the {low} and {high} quantiles of {over} ({count} indicators)"),
    "cert_annex_outliers_none": ("Perlakuan pencilan: tidak ada.",
                                 "Outlier treatment: none."),
    "cert_annex_winsorised": ("Nilai yang dipangkas dalam penilaian ini: {items}.",
                              "Values capped in this assessment: {items}."),
    "cert_annex_normalisation": ("Normalisasi selain batas minimum–maksimum: {items}.",
                                 "Normalisation other than goalposts: {items}."),
    "cert_annex_normalisation_default": ("Normalisasi: batas minimum–maksimum untuk semua "
                                         "indikator.",
                                         "Normalisation: goalposts for every indicator."),
    "cert_annex_roles": (
        "Bobot peran saat jawaban digabung: {items}; peran lain berbobot 1.",
        "Role weights when answers are combined: {items}; other roles count 1."),
    "cert_annex_roles_equal": ("Bobot peran: setiap responden dihitung sama.",
                               "Role weights: every respondent counts the same."),
    "cert_annex_min_answers": (
        "Jumlah jawaban minimum: {items}; dengan jawaban lebih sedikit indikator tidak "
        "dinilai.",
        "Minimum answers: {items}; with fewer answers the indicator is not assessed."),
    "cert_min_item": ("{count} indikator memerlukan sedikitnya {n} jawaban",
                      "{count} indicators need at least {n} answers"),
    "cert_min_item_one": ("1 indikator memerlukan sedikitnya {n} jawaban",
                          "1 indicator needs at least {n} answers"),
    "cert_annex_min_answers_default": (
        "Jumlah jawaban minimum: satu jawaban cukup untuk setiap indikator.",
        "Minimum answers: one answer suffices for every indicator."),
    "cert_answers_heading": ("Sebaran jawaban per indikator", "Spread of answers by indicator"),
    "cert_answers_text": (
        "n: jawaban yang dipakai (minimum dalam kurung); simpangan baku jawaban; setuju/ya: "
        "bagian jawaban pada atau di atas ambang positif indikator (misalnya 4 atau lebih "
        "pada skala 1–5, atau “ya”); per peran: nilai dari jawaban satu peran saja. "
        "Statistik resmi hanya satu baris dan tidak memiliki sebaran.",
        "n: answers used (the minimum in brackets); the standard deviation of the answers; "
        "agree/yes: share of answers at or above the indicator's positive threshold (for "
        "example 4 or more on a 1–5 scale, or “yes”); by role: the value from one role's "
        "answers alone. Official statistics are one row and have no spread."),
    "cert_answers_caption": ("Sebaran jawaban dan interval per indikator",
                             "Spread of answers and interval by indicator"),
    "col_roles": ("Peran yang ditanya", "Roles asked"),
    "col_n": ("n", "n"),
    "col_sd": ("Simpangan baku", "Std. dev."),
    "col_agree": ("Setuju/ya", "Agree/yes"),
    "col_by_role": ("Per peran", "By role"),
    "cert_all_roles": ("semua", "all"),
    "warnings_heading": ("Catatan data", "Notes on the data"),
    "key_figures": ("Angka kunci", "Key figures"),
    "tile_respondents": ("{n} responden", "{n} respondents"),
    # --- executive summary prose ------------------------------------------------------------
    "summary_index": (
        "Indeks kesiapan smart city {region} pada tahun {year} adalah {score} dari skala "
        "{scale}, dengan predikat {band}. Cakupan data mencapai {coverage} dari bobot "
        "indikator, dihimpun dari {respondents} responden.",
        "The smart-city readiness index of {region} in {year} is {score} on a scale of "
        "{scale}, graded {band}. Data cover {coverage} of the indicator weight, gathered "
        "from {respondents} respondents."),
    "summary_index_no_year": (
        "Indeks kesiapan smart city {region} adalah {score} dari skala {scale}, dengan "
        "predikat {band}. Cakupan data mencapai {coverage} dari bobot indikator, dihimpun "
        "dari {respondents} responden.",
        "The smart-city readiness index of {region} is {score} on a scale of {scale}, graded "
        "{band}. Data cover {coverage} of the indicator weight, gathered from {respondents} "
        "respondents."),
    "summary_not_assessed": (
        "Indeks belum dapat dihitung karena cakupan data di bawah batas minimum.",
        "The index cannot be computed because data coverage is below the minimum."),
    "summary_pillars": (
        "Pilar terkuat adalah {best} ({best_score}); pilar yang paling perlu diperkuat adalah "
        "{worst} ({worst_score}).",
        "The strongest pillar is {best} ({best_score}); the pillar most in need of "
        "strengthening is {worst} ({worst_score})."),
    "summary_plan": (
        "Peta jalan {start}–{end} menjadwalkan {programs} program baru, termasuk {quick_wins} "
        "quick win dan {mandatory} program wajib menurut regulasi, di atas {existing} program "
        "yang sudah berjalan. Bila dilaksanakan sesuai jadwal, indeks diproyeksikan mencapai "
        "{projected} pada tahun {end} (target {target}).",
        "The {start}–{end} roadmap schedules {programs} new programs, including {quick_wins} "
        "quick wins and {mandatory} programs a regulation requires, on top of {existing} "
        "programs already running. If carried out on schedule, the index is projected to "
        "reach {projected} by {end} (target {target})."),
    "summary_no_actions": (
        "Tidak ada program yang perlu diusulkan: semua indikator yang terukur telah memenuhi "
        "ambang program dalam katalog.",
        "No program needs to be proposed: every assessed indicator meets the thresholds of "
        "the action catalogue."),
    "pillar_overview": ("Skor per pilar", "Scores by pillar"),
    "strongest": ("Indikator terkuat", "Strongest indicators"),
    "weakest": ("Indikator terlemah", "Weakest indicators"),
    "radar_title": ("Skor pilar terhadap target", "Pillar scores against targets"),
    "radar_desc": ("Skor setiap pilar: {items}.", "Score of each pillar: {items}."),
    # --- pillars --------------------------------------------------------------------------
    "pillars_intro": (
        "Bab ini menyajikan hasil penilaian setiap pilar: nilai gabungan jawaban, skor "
        "ternormalisasi pada skala {scale}, target, kesenjangan, cakupan dan jumlah jawaban "
        "untuk setiap indikator.",
        "This chapter presents the results of each pillar: the combined value of the "
        "answers, the score normalised to the {scale} scale, the target, the gap, the "
        "coverage and the number of answers for each indicator."),
    "pillar_score_line": (
        "Skor pilar {score} ({band}), bobot {weight} dari indeks, cakupan data {coverage}.",
        "Pillar score {score} ({band}), weight {weight} of the index, data coverage "
        "{coverage}."),
    "pillar_not_assessed_line": (
        "Pilar ini belum dapat dinilai: cakupan data {coverage} di bawah batas minimum.",
        "This pillar cannot be assessed: data coverage {coverage} is below the minimum."),
    "bars_title": ("Skor indikator pilar {pillar}", "Indicator scores of the {pillar} pillar"),
    "bars_desc": ("Skor dan target setiap indikator: {items}.",
                  "Score and target of each indicator: {items}."),
    "col_indicator": ("Indikator", "Indicator"),
    "col_value": ("Nilai", "Value"),
    "col_score": ("Skor", "Score"),
    "col_target": ("Target", "Target"),
    "col_target_score": ("Skor target", "Target score"),
    "col_gap": ("Kesenjangan", "Gap"),
    "col_coverage": ("Cakupan", "Coverage"),
    "col_answers": ("Jawaban", "Answers"),
    "col_pillar": ("Pilar", "Pillar"),
    "col_band": ("Predikat", "Grade"),
    "col_weight": ("Bobot", "Weight"),
    "col_effective_weight": ("Bobot efektif", "Effective weight"),
    "col_carried_weight": ("Bobot terpakai", "Carried weight"),
    "col_weighted_gap": ("Kesenjangan tertimbang", "Weighted gap"),
    "col_rank": ("No.", "No."),
    "col_program": ("Program", "Program"),
    "col_owner": ("OPD", "Agency"),
    "col_effort": ("Upaya", "Effort"),
    "col_phase": ("Tahap", "Phase"),
    "col_years": ("Tahun", "Years"),
    "col_year": ("Tahun", "Year"),
    "col_gain": ("Tambahan skor", "Score gain"),
    "col_impact": ("Dampak", "Impact"),
    "col_priority": ("Prioritas", "Priority"),
    "col_depends_on": ("Bergantung pada", "Depends on"),
    "col_status": ("Status", "Status"),
    "col_kpi": ("Indikator kinerja", "Performance indicator"),
    "col_baseline": ("Skor awal {year}", "Baseline {year}"),
    "col_projected_end": ("Proyeksi {year}", "Projected {year}"),
    "col_target_end": ("Target {year}", "Target {year}"),
    "col_goal": ("Sasaran strategis", "Strategic goal"),
    "col_role": ("Peran", "Role"),
    "col_count": ("Jumlah", "Count"),
    "col_file": ("Berkas", "File"),
    "col_format": ("Format", "Format"),
    "col_rows": ("Baris", "Rows"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_goalposts": ("Batas normalisasi", "Goalposts"),
    "col_direction": ("Arah", "Direction"),
    "col_respondent_rule": ("Penggabungan jawaban", "Answers combined by"),
    "col_references": ("Rujukan", "References"),
    "col_quick_win": ("Quick win", "Quick win"),
    "col_why": ("Kesenjangan yang dijawab", "Gap addressed"),
    "not_assessed": ("belum terukur", "not assessed"),
    "none": ("–", "–"),
    "note_no_answers": ("tidak ada jawaban", "no answers"),
    "note_fewer": ("kurang dari {n} jawaban", "fewer than {n} answers"),
    "note_imputed": ("nilai diimputasi ({method})", "imputed value ({method})"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "direction_higher": ("makin tinggi makin baik", "higher is better"),
    "direction_lower": ("makin rendah makin baik", "lower is better"),
    "dimension_row": ("Dimensi: {name} — skor {score}", "Dimension: {name} — score {score}"),
    # --- gaps -----------------------------------------------------------------------------
    "gaps_intro": (
        "Kesenjangan adalah selisih antara skor target dan skor saat ini. Kesenjangan "
        "tertimbang mengalikan kesenjangan dengan bobot efektif indikator dalam indeks, "
        "sehingga menunjukkan berapa poin indeks yang tertahan oleh setiap indikator.",
        "The gap is the difference between the target score and the current score. The "
        "weighted gap multiplies it by the indicator's effective weight in the index, so it "
        "shows how many index points each indicator holds back."),
    "gaps_none": ("Semua indikator yang terukur telah mencapai targetnya.",
                  "Every assessed indicator has reached its target."),
    "gap_table_caption": ("Indikator dengan kesenjangan, diurutkan menurut kesenjangan "
                          "tertimbang", "Indicators with a gap, by weighted gap"),
    "matrix_title": ("Matriks manfaat–upaya program usulan",
                     "Benefit–effort matrix of the proposed programs"),
    "matrix_desc": (
        "Setiap titik adalah satu program usulan, bernomor sesuai peringkat prioritas. "
        "Sumbu mendatar: upaya (rendah, sedang, tinggi); sumbu tegak: manfaat (suku indeks "
        "ditambah suku warga). Garis putus-putus mendatar: median manfaat {median}; quick "
        "win hanya dipilih di atasnya dan ditandai belah ketupat.",
        "Each point is one proposed program, numbered by priority rank. Horizontal axis: "
        "effort (low, medium, high); vertical axis: benefit (index term plus citizen term). "
        "Dashed line: the median benefit {median}; quick wins are chosen only above it and "
        "are drawn as diamonds."),
    "matrix_intro": (
        "Dampak program = bobot efektif indikator × min(tambahan skor yang diharapkan, "
        "kesenjangan), dalam poin indeks. Manfaat = dampak dibagi dampak terbesar ditambah "
        "suku warga (0 sampai 1 menurut seberapa langsung warga merasakannya). Prioritas = "
        "manfaat ÷ poin upaya (rendah 1, sedang 2, tinggi 3), dikalikan faktor dorongan "
        "rencana bila ada. Nomor pada matriks merujuk ke kolom No. pada tabel di bawah.",
        "Program impact = the indicator's effective weight × min(expected score gain, gap), "
        "in index points. Benefit = impact divided by the largest impact, plus the citizen "
        "term (0 to 1 by how directly citizens feel it). Priority = benefit ÷ effort points "
        "(low 1, medium 2, high 3), times the plan's boost where it gives one. The numbers "
        "in the matrix refer to the No. column of the table below."),
    "q_quick": ("Quick win", "Quick wins"),
    "q_major": ("Program strategis", "Major programs"),
    "q_fill": ("Pelengkap", "Fill-ins"),
    "q_review": ("Tinjau ulang", "Reconsider"),
    "effort_axis": ("Upaya", "Effort"),
    "impact_axis": ("Dampak (poin indeks)", "Impact (index points)"),
    "score_axis": ("Skor ({scale})", "Score ({scale})"),
    "score": ("Skor", "Score"),
    "target": ("Target", "Target"),
    "program": ("Program", "Program"),
    "not_assessed_heading": ("Indikator yang belum terukur", "Indicators not assessed"),
    "not_assessed_intro": (
        "Indikator berikut belum memiliki data yang cukup sehingga kesenjangannya belum "
        "dapat dihitung. Pengumpulan datanya direkomendasikan sebelum penilaian berikutnya.",
        "The indicators below do not have enough data, so their gap cannot be computed. "
        "Collecting their data before the next assessment is recommended."),
    "ranked_actions_caption": ("Program usulan menurut peringkat prioritas",
                               "Proposed programs by priority rank"),
    # --- vision ---------------------------------------------------------------------------
    "vision": ("Visi", "Vision"),
    "mission": ("Misi", "Mission"),
    "vision_missing": ("Visi belum dicantumkan dalam berkas rencana (plan.yaml).",
                       "No vision was given in the plan file (plan.yaml)."),
    "goals": ("Sasaran strategis per pilar", "Strategic goals by pillar"),
    "goal_default": (
        "Meningkatkan skor pilar {pillar} dari {baseline} menjadi {target} pada tahun {year}.",
        "Raise the {pillar} pillar score from {baseline} to {target} by {year}."),
    "goal_keep": ("Mempertahankan skor pilar {pillar} pada {baseline} atau lebih.",
                  "Keep the {pillar} pillar score at {baseline} or above."),
    "goal_collect": ("Melengkapi data pilar {pillar} agar dapat dinilai.",
                     "Complete the data of the {pillar} pillar so that it can be assessed."),
    "region_notes": ("Catatan wilayah", "Notes on the region"),
    # --- programs ---------------------------------------------------------------------------
    "programs_intro": (
        "Program diusulkan dari katalog aksi instrumen penilaian untuk indikator yang skornya "
        "di bawah ambang program, ditambah program yang diwajibkan regulasi atau ditetapkan "
        "rencana daerah. Seperti masterplan Gerakan Menuju Smart City, program dikelompokkan "
        "menurut enam dimensi. Setiap program tercatat dengan OPD penanggung jawab, tahun dan "
        "biaya indikatifnya; baris kecil di bawah judulnya menyebut pilar penilaian dan "
        "kesenjangan yang dijawabnya.",
        "Programs are proposed from the assessment framework's action catalogue for the "
        "indicators scoring below the program's threshold, plus those a regulation requires "
        "or the regional plan sets. As in the Smart City Movement's masterplans, they are "
        "grouped by the six dimensions. Each program is listed with the responsible agency, "
        "its years and its indicative cost; the small line under its title names its "
        "assessment pillar and the gap it answers."),
    "gap_reason": ("{indicator}: skor {score} → target {target}",
                   "{indicator}: score {score} → target {target}"),
    "gap_reason_threshold": ("{indicator}: skor {score}, ambang {threshold}",
                             "{indicator}: score {score}, threshold {threshold}"),
    # --- quick wins -----------------------------------------------------------------------
    "quick_wins_none": ("Tidak ada quick win yang memenuhi kriteria.",
                        "No program meets the quick-win criteria."),
    "quick_wins_note": (
        "Dalam evaluasi Gerakan Menuju Smart City, quick win dinilai sebagai salah satu "
        "dimensi evaluasi; quick win sebaiknya berasal dari masterplan dan selaras dengan "
        "RPJMD.",
        "In the Gerakan Menuju Smart City evaluation, quick wins are one of the evaluation "
        "dimensions; they should come from the masterplan and be aligned with the RPJMD "
        "(the regional medium-term development plan)."),
    # --- governance -------------------------------------------------------------------------
    "monitoring": ("Indikator kinerja utama dan target", "Key performance indicators and "
                   "targets"),
    "monitoring_intro": (
        "Kemajuan dipantau setiap tahun dengan mengulang penilaian memakai instrumen dan "
        "versi yang sama, lalu membandingkan hasilnya dengan nilai awal {year} dan target "
        "tahunan Peta Jalan. Setiap indikator kinerja di bawah memiliki nilai awal, target "
        "dan sumber datanya.",
        "Progress is monitored every year by repeating the assessment with the same "
        "framework and version and comparing the results with the {year} baseline and the "
        "roadmap's yearly targets. Every performance indicator below has a baseline, targets "
        "and its data source."),
    "evaluation": ("Evaluasi", "Evaluation"),
    "evaluation_intro": (
        "Kementerian Komunikasi dan Digital (sebelumnya Kominfo) mengevaluasi anggota "
        "Gerakan Menuju Smart City setiap tahun dalam lima dimensi. Tabel menunjukkan bobot "
        "setiap dimensi dan bagian masterplan ini yang menjawabnya.",
        "The Ministry of Communication and Digital Affairs (formerly Kominfo) evaluates the "
        "members of the Smart City Movement every year in five dimensions. The table gives "
        "each dimension's weight and the part of this masterplan that answers it."),
    "kpi_index": ("Indeks kesiapan smart city", "Smart-city readiness index"),
    "kpi_pillar": ("Pilar {pillar}", "{pillar} pillar"),
    # --- trends (masterplan, with two years or more) -----------------------------------------
    "trends_heading": ("Tren {first}–{last}", "Trends {first}–{last}"),
    "trends_intro": (
        "Bagian ini membandingkan hasil penilaian {region} pada {count} tahun ({years}): "
        "indeks dan skor pilar per tahun, perubahan dari tahun ke tahun, dan indikator yang "
        "paling banyak berubah.",
        "This section compares the assessments of {region} over {count} years ({years}): the "
        "index and pillar scores by year, the change from year to year, and the indicators "
        "that moved most."),
    "trends_summary": (
        "Indeks bergerak dari {first_score} pada {first} menjadi {last_score} pada {last} "
        "({change} poin); dibandingkan {previous}, perubahannya {latest} poin.",
        "The index moved from {first_score} in {first} to {last_score} in {last} ({change} "
        "points); against {previous} the change is {latest} points."),
    "trends_sources": (
        "Sumber: {data} dari data penilaian ini; {history} dari berkas skor terdahulu "
        "(riwayat).",
        "Sources: {data} from this assessment's data; {history} from earlier scores files "
        "(history)."),
    "trend_break": ("Jeda seri", "Series break"),
    "trend_break_reason": ("instrumen berubah dari {old} menjadi {new}",
                           "the indicator set changed from {old} to {new}"),
    "trend_break_note": (
        "Skor sebelum dan sesudah jeda dihitung dengan instrumen yang berbeda sehingga tidak "
        "sepenuhnya sebanding: perubahan yang melintasi jeda ditandai † dan garis pada grafik "
        "diputus.",
        "Scores before and after the break were computed with different indicator sets and "
        "are not fully comparable: changes across the break are marked † and the lines of "
        "the chart are broken."),
    "trend_break_chart": ("Instrumen berubah", "Indicator set changed"),
    "trend_dagger": ("† Melintasi jeda seri: {reasons}.", "† Across a series break: {reasons}."),
    "trend_chart_title": ("Tren indeks dan pilar {first}–{last}",
                          "Index and pillar trends {first}–{last}"),
    "trend_chart_desc": (
        "Skor indeks dan setiap pilar per tahun. Indeks: {items}.",
        "Index and pillar scores by year. Index: {items}."),
    "trend_chart_desc_break": (
        "Jeda seri pada {year} ({reason}): garis diputus di titik ini.",
        "Series break in {year} ({reason}): the lines are broken there."),
    "trend_table_caption": ("Indeks dan skor pilar per tahun, dengan perubahan dari tahun "
                            "sebelumnya", "Index and pillar scores by year, with the change "
                            "from the year before"),
    "col_change_span": ("Perubahan {first}–{last}", "Change {first}–{last}"),
    "col_change": ("Perubahan", "Change"),
    "trend_indicators_heading": ("Perubahan indikator {previous}–{last}",
                                 "Indicator changes {previous}–{last}"),
    "trend_indicators_intro": (
        "Indikator dengan kenaikan dan penurunan skor terbesar dari {previous} ke {last}. "
        "Skor semua indikator untuk setiap tahun ada pada tabel lengkap.",
        "The indicators whose scores rose and fell most from {previous} to {last}. Every "
        "indicator's score in every year is in the full table."),
    "trend_rises": ("Kenaikan terbesar", "Largest rises"),
    "trend_falls": ("Penurunan terbesar", "Largest falls"),
    "trend_no_rises": ("Tidak ada indikator yang naik.", "No indicator rose."),
    "trend_no_falls": ("Tidak ada indikator yang turun.", "No indicator fell."),
    "trend_all": ("Semua indikator: skor per tahun ({n} indikator)",
                  "All indicators: scores by year ({n} indicators)"),
    "trend_all_caption": ("Skor setiap indikator per tahun, dengan perubahan dari tahun "
                          "sebelumnya", "Each indicator's score by year, with the change from "
                          "the year before"),
    "trend_not_in_set": ("tidak ada dalam instrumen saat ini", "not in the current set"),
    # --- methodology -------------------------------------------------------------------------
    "method_set": ("Instrumen penilaian", "Assessment framework"),
    "method_set_text": (
        "Penilaian memakai instrumen {title} (id {id}, versi {version}), dibaca dari berkas "
        "{source}.",
        "The assessment uses the framework {title} (id {id}, version {version}), read from "
        "the file {source}."),
    "method_set_bundled": (
        "Penilaian memakai instrumen {title}, versi {version}, yang disertakan dalam "
        "perangkat ini (nama {id}).",
        "The assessment uses the framework {title}, version {version}, that comes with this "
        "tool (name {id})."),
    "method_normalisation": ("Normalisasi", "Normalisation"),
    "method_normalisation_text": (
        "Nilai mentah setiap indikator dipetakan secara linear ke skala {scale} di antara dua "
        "batas normalisasi (nilai minimum dan maksimum); nilai di luar batas dipotong. Untuk "
        "indikator yang makin rendah makin baik, arah skala dibalik; transformasi logaritma "
        "dipakai bila ditetapkan.",
        "Each indicator's raw value is mapped linearly onto the {scale} scale between two "
        "goalposts; values outside are clipped. For lower-is-better indicators the scale is "
        "reversed; a log transform is applied where the framework says so."),
    "method_unclipped_text": (
        "Untuk {count} indikator nilai di luar batas normalisasi tidak dipotong (batas tetap "
        "tanpa pemotongan, seperti DESI Uni Eropa): skornya dapat berada di bawah atau di atas "
        "skala {scale}. Skor di bawah predikat terendah mendapat predikat terendah.",
        "For {count} indicators values beyond the goalposts are not clipped (fixed bounds "
        "without clipping, as in the EU's DESI): their scores may fall below or above the "
        "{scale} scale. A score below the lowest grade gets the lowest grade."),
    "method_geometric_floor_text": (
        "Sebelum rata-rata geometrik, skor anak di bawah {floor} dinaikkan ke {floor} "
        "(pergeseran menurut Handbook OECD/JRC: logaritma nol tidak terdefinisi).",
        "Before a geometric mean, child scores below {floor} are raised to {floor} (a shift, "
        "after the OECD/JRC Handbook: the logarithm of zero is undefined)."),
    "method_geometric_refuse_text": (
        "Rata-rata geometrik tidak dihitung bila satu anak berskor 0 atau kurang (logaritma "
        "tidak terdefinisi): kelompok itu tidak dinilai, bukan diberi nol.",
        "A geometric mean is refused when a child scores 0 or less (its logarithm is "
        "undefined): the group is not assessed rather than scored zero."),
    "method_aggregation": ("Pembobotan dan agregasi", "Weights and aggregation"),
    "method_aggregation_text": (
        "Bobot dinormalisasi agar berjumlah satu di antara saudara sekelompok. Skor kelompok "
        "adalah rata-rata tertimbang ({groups}) dari anak-anaknya; pilar digabung menjadi "
        "indeks dengan rata-rata {index}. Bobot efektif adalah hasil kali bobot sepanjang "
        "jalur ke indeks; bobot terpakai adalah bobot yang benar-benar dipikul indikator "
        "dalam indeks tahun ini, setelah bobot dibagi ulang di antara saudara yang dinilai "
        "(nol bila tidak dinilai).",
        "Weights are normalised to sum to one among siblings. A group's score is the weighted "
        "{groups} mean of its children; pillars combine into the index by a {index} mean. The "
        "effective weight is the product of the weights along the path to the index; the "
        "carried weight is what an indicator actually carries in this year's index, after "
        "the weights are renormalised over the assessed siblings (zero when not assessed)."),
    "agg_arithmetic": ("aritmetika", "arithmetic"),
    "agg_geometric": ("geometrik", "geometric"),
    "method_missing": ("Data yang hilang dan cakupan", "Missing data and coverage"),
    "method_missing_text": (
        "Indikator tanpa jawaban tidak dinilai (bukan dianggap nol); bobot dibagi ulang di "
        "antara indikator yang dinilai. Cakupan kelompok hanya menghitung anak yang dinilai; "
        "kelompok dengan cakupan di bawah {minimum} tidak dinilai. Cakupan indeks: "
        "{coverage}.",
        "An indicator nobody answered is not assessed (not counted as zero); weights are "
        "renormalised over the assessed siblings. A group's coverage counts only the children "
        "that are assessed; a group whose coverage is under {minimum} is not assessed. Index "
        "coverage: {coverage}."),
    "method_respondents": ("Responden", "Respondents"),
    "method_respondents_text": (
        "Data dari {respondents} responden. Jawaban atas satu indikator digabung menurut "
        "aturan indikator tersebut (rata-rata, median, proporsi, minimum atau maksimum).",
        "Data from {respondents} respondents. The answers to one indicator are combined by "
        "that indicator's rule (mean, median, share, minimum or maximum)."),
    "method_weights": ("Bobot dan parameter indikator", "Indicator weights and parameters"),
    "method_files": ("Berkas data yang dipakai", "Data files used"),
    "method_files_none": ("Tidak ada berkas yang tercatat.", "No file was recorded."),
    "method_planning": ("Metode perencanaan", "Planning method"),
    "method_references": ("Rujukan instrumen", "Framework references"),
    "method_provenance": ("Jejak data", "Provenance"),
    "set_hash": ("SHA-256 instrumen", "Framework SHA-256"),
    "plan_file": ("Berkas rencana", "Plan file"),
    "plan_default": ("(bawaan: tanpa berkas rencana)", "(defaults: no plan file)"),
    "tool": ("Perangkat", "Tool"),
    "index_row": ("Indeks", "Index"),
    "role_unknown": ("(tanpa peran)", "(no role)"),
    # --- phases, efforts, statuses --------------------------------------------------------
    "phase_quick-win": ("Quick win", "Quick win"),
    "phase_short": ("Jangka pendek", "Short term"),
    "phase_medium": ("Jangka menengah", "Medium term"),
    "phase_long": ("Jangka panjang", "Long term"),
    "phase_deferred": ("Di luar horizon", "Beyond the horizon"),
    "effort_low": ("Rendah", "Low"),
    "effort_medium": ("Sedang", "Medium"),
    "effort_high": ("Tinggi", "High"),
    "low": ("Rendah", "Low"),
    "medium": ("Sedang", "Medium"),
    "high": ("Tinggi", "High"),
    # --- roadmap prose -------------------------------------------------------------------------
    "overview_text": (
        "Peta jalan ini menjabarkan masterplan {region} {start}–{end} menurut periode RPJMD: "
        "rinci per tahun selama RPJMD {rpjmd_start}–{rpjmd_end}, per tahap sesudahnya. "
        "Program baru dimulai {first} di atas {existing} program yang sudah berjalan: "
        "{scheduled} terjadwal, termasuk {quick_wins} quick win; {unfunded} tidak terdanai "
        "dan {beyond} belum terjadwal, masing-masing dengan alasannya.",
        "This roadmap sets out the {start}–{end} masterplan of {region} by RPJMD period: "
        "year by year within the RPJMD {rpjmd_start}–{rpjmd_end}, by phase after it. New "
        "programs start in {first} on top of {existing} programs already running: "
        "{scheduled} are scheduled, including {quick_wins} quick wins; {unfunded} are "
        "unfunded and {beyond} not scheduled, each with its reason."),
    "col_programs_started": ("Program dimulai", "Programs started"),
    "col_agencies": ("OPD terlibat", "Agencies involved"),
    "year_starting": ("Program yang dimulai", "Programs starting"),
    "year_continuing": ("Program yang berlanjut dari tahun sebelumnya: {items}.",
                        "Programs continuing from earlier years: {items}."),
    "year_nothing": ("Tidak ada program baru yang dimulai pada tahun ini.",
                     "No new program starts this year."),
    "gantt_title": ("Linimasa program {start}–{end}", "Program timeline {start}–{end}"),
    "gantt_desc": (
        "Diagram Gantt {count} program terjadwal, diwarnai menurut dimensi smart city; quick "
        "win berarsir; latar menandai periode RPJMD. Rincian per tahun ada di bab Tahapan.",
        "Gantt chart of {count} scheduled programs, coloured by smart-city dimension; quick "
        "wins are hatched; the background marks the RPJMD periods. The yearly detail is in "
        "the Stages chapter."),
    "timeline_intro": (
        "Setiap batang menunjukkan tahun pelaksanaan satu program. Latar berwarna menandai "
        "periode RPJMD.",
        "Each bar shows the years of one program. The shaded background marks the RPJMD "
        "periods."),
    "timeline_none": ("Tidak ada program terjadwal.", "No program is scheduled."),
    "trajectory_title": ("Proyeksi skor terhadap target", "Projected scores against targets"),
    "trajectory_desc": (
        "Proyeksi indeks per tahun: {items}. Target {target} pada {year}.",
        "Projected index by year: {items}. Target {target} by {year}."),
    "trajectory_intro": (
        "Proyeksi mengasumsikan setiap program selesai sesuai jadwal dan memberi tambahan "
        "skor sebagaimana diperkirakan dalam katalog. Angka ini adalah perkiraan perencanaan, "
        "bukan hasil pengukuran.",
        "The projection assumes every program finishes on schedule and adds the score gain "
        "estimated in the catalogue. These are planning estimates, not measurements."),
    "projection_caption": ("Proyeksi skor per tahun (akhir tahun)",
                           "Projected scores by year (end of year)"),
    "index_projected": ("Indeks (proyeksi)", "Index (projected)"),
    "index_target_path": ("Indeks (target)", "Index (target)"),
    "kpis_intro": (
        "Target tahunan ditarik secara linear dari nilai awal {year} ke target akhir "
        "masterplan bila ada target kebijakan; bila tidak ada, target tahunan adalah capaian "
        "yang diharapkan dari program terjadwal. Indikator yang dicantumkan adalah indikator "
        "yang memiliki program terjadwal.",
        "Yearly targets run in a straight line from the {year} baseline to the masterplan's "
        "end-of-period target where a policy target exists; where none does, they are what "
        "the scheduled programs are expected to reach. The indicators listed are those with "
        "scheduled programs."),
    "kpi_table_caption": ("Target skor per tahun", "Score targets by year"),
    "dependencies_intro": (
        "Program hanya dimulai setelah prasyaratnya selesai: program yang disebut dalam "
        "katalog, atau program yang menyediakan dokumen atau data yang dibutuhkannya. "
        "Prasyarat yang sudah dipenuhi program berjalan atau statistik resmi tidak "
        "dijadwalkan lagi.",
        "A program starts only after its prerequisites have ended: the programs the "
        "catalogue names, or those that provide the documents or data it needs. A "
        "prerequisite a running program or official statistics already meets is not "
        "scheduled again."),
    "dependencies_none": ("Tidak ada ketergantungan antarprogram.",
                          "There are no dependencies between the programs."),
    "deferred_intro": (
        "Program berikut belum dijadwalkan dalam masterplan. Program ini tidak dihapus: "
        "setiap program mencantumkan alasannya (pagu habis, batas program per tahun atau per "
        "OPD, prasyarat yang belum selesai, atau selesai sesudah akhir masterplan) dan "
        "menjadi masukan bagi tambahan pagu, penjadwalan ulang atau periode berikutnya.",
        "The programs below are not scheduled in the masterplan. They are not dropped: each "
        "states its reason (the envelope ran out, the yearly or agency limit, an unfinished "
        "prerequisite, or it would end after the masterplan) and feeds a larger envelope, a "
        "new schedule or the next period."),
    "roadmap_method_text": (
        "Peta jalan ini disusun dari hasil penilaian dalam Masterplan. Aturan usulan, "
        "prioritas, penjadwalan dan proyeksi dijelaskan dalam Lampiran Metodologi Masterplan.",
        "This roadmap is built from the assessment in the Masterplan. The rules for "
        "proposals, priorities, scheduling and projection are explained in the Masterplan's "
        "Methodology Annex."),
    "chart_data_note": ("Data grafik tersedia dalam tabel di bawah.",
                        "The chart's data are in the table below."),
    "table": ("Tabel {n}", "Table {n}"),
    # --- overview of many region-years (index.html, index.md; report/overview.py) ---------
    "overview": ("Ikhtisar Wilayah", "Regional Overview"),
    "ov_subtitle": ("Peringkat, skor pilar dan sebaran indeks",
                    "Ranking, pillar scores and distribution of the index"),
    "ov_regions": ("{n} wilayah", "{n} regions"),
    "ov_region_years": ("{n} wilayah-tahun", "{n} region-years"),
    "ov_count": ("Cakupan", "Scope"),
    "ch_ov_summary": ("Ringkasan", "Summary"),
    "ch_ov_heatmap": ("Skor Pilar per Wilayah", "Pillar Scores by Region"),
    "ch_ov_ranking": ("Peringkat Wilayah", "Regional Ranking"),
    "ch_ov_method": ("Catatan Metode", "Method Notes"),
    "ov_tile_assessed": ("Wilayah dinilai", "Regions assessed"),
    "ov_tile_assessed_note": ("dari {n} wilayah", "of {n} regions"),
    "ov_tile_median": ("Median indeks", "Median index"),
    "ov_tile_highest": ("Tertinggi", "Highest"),
    "ov_tile_lowest": ("Terendah", "Lowest"),
    "ov_summary": (
        "Pada tahun {year}, {n} wilayah dinilai dengan {set}. Median indeks adalah {median} "
        "pada skala {scale}; tertinggi {best} ({best_score}) dan terendah {worst} "
        "({worst_score}).",
        "In {year}, {n} regions were assessed with {set}. The median index is {median} on a "
        "scale of {scale}; the highest is {best} ({best_score}) and the lowest {worst} "
        "({worst_score})."),
    "ov_summary_no_year": (
        "{n} wilayah dinilai dengan {set}. Median indeks adalah {median} pada skala "
        "{scale}; tertinggi {best} ({best_score}) dan terendah {worst} ({worst_score}).",
        "{n} regions were assessed with {set}. The median index is {median} on a scale of "
        "{scale}; the highest is {best} ({best_score}) and the lowest {worst} "
        "({worst_score})."),
    "ov_not_assessed": (
        "Wilayah-tahun yang belum terukur karena cakupan datanya di bawah ambang (tanpa "
        "peringkat): {n}.",
        "Region-years not assessed because their data coverage is under the threshold "
        "(not ranked): {n}."),
    "ov_years_caption": ("Indeks per tahun", "The index by year"),
    "ov_col_regions": ("Wilayah", "Regions"),
    "ov_col_assessed": ("Dinilai", "Assessed"),
    "ov_col_median": ("Median", "Median"),
    "ov_col_lowest": ("Terendah", "Lowest"),
    "ov_col_highest": ("Tertinggi", "Highest"),
    "ov_col_region": ("Wilayah", "Region"),
    "ov_col_index": ("Indeks", "Index"),
    "ov_col_documents": ("Dokumen", "Documents"),
    "ov_link_masterplan": ("Masterplan", "Masterplan"),
    "ov_link_roadmap": ("Peta jalan", "Roadmap"),
    "ov_doc_of": ("{doc} {region}", "{doc} of {region}"),
    "ov_ranking_caption": (
        "Diurutkan menurut tahun lalu peringkat (1 = indeks tertinggi pada tahun itu). "
        "Warna sel mengikuti predikat skor.",
        "Sorted by year, then rank (1 = the highest index of that year). Cell colours "
        "follow the grade of the score."),
    "ov_ranking_intro": (
        "Setiap wilayah memiliki masterplan dan peta jalan sendiri; tautan di kolom "
        "terakhir membukanya.",
        "Each region has its own masterplan and roadmap; the links in the last column "
        "open them."),
    "ov_dist_title": ("Sebaran indeks", "Distribution of the index"),
    "ov_dist_desc": (
        "Histogram indeks dari {n} wilayah-tahun, lebar kelas {width} poin, dengan zona "
        "predikat sebagai latar. Median tahun terakhir {median}. Jumlah per predikat: "
        "{counts}.",
        "Histogram of the index of {n} region-years, bins {width} points wide, over the "
        "grade zones. Median of the latest year {median}. Count per grade: {counts}."),
    "ov_median_mark": ("median {value}", "median {value}"),
    "ov_count_axis": ("Jumlah wilayah", "Number of regions"),
    "ov_heat_title": ("Skor indeks dan pilar per wilayah",
                      "Index and pillar scores by region"),
    "ov_heat_title_year": ("Skor indeks dan pilar per wilayah, {year}",
                           "Index and pillar scores by region, {year}"),
    "ov_heat_desc": (
        "Peta panas skor indeks dan pilar dari {n} wilayah, diurutkan menurut peringkat; "
        "warna sel mengikuti kelas kuantil skor dari {low} sampai {high} (makin gelap makin "
        "tinggi). Teratas: {items}.",
        "Heatmap of the index and pillar scores of {n} regions, in rank order; cell "
        "colours follow quantile classes of the scores from {low} to {high} (darker is "
        "higher). Top: {items}."),
    "ov_heat_key": ("Kelas skor", "Score class"),
    "ov_heat_gap": ("… {n} wilayah lain, lihat tabel peringkat …",
                    "… {n} more regions, see the ranking table …"),
    "ov_heat_truncated": (
        "Ditampilkan {top} wilayah teratas dan {bottom} terbawah dari {total}; semua "
        "wilayah ada di tabel peringkat.",
        "Showing the top {top} and bottom {bottom} of {total} regions; every region is in "
        "the ranking table."),
    "ov_heat_all": ("Semua wilayah, diurutkan menurut peringkat.",
                    "Every region, in rank order."),
    "ov_method_text": (
        "Setiap wilayah-tahun dinilai dengan instrumen yang sama: {set} ({id}, versi "
        "{version}). Peringkat adalah peringkat kompetisi (1, 2, 2, 4) di antara wilayah yang "
        "dinilai pada tahun yang sama; wilayah yang belum terukur tidak diberi peringkat.",
        "Every region-year is assessed with the same framework: {set} ({id}, version "
        "{version}). Ranks are competition ranks (1, 2, 2, 4) among the regions assessed in "
        "the same year; regions not assessed are not ranked."),
    "ov_method_folders": (
        "Dokumen setiap wilayah ada di foldernya sendiri, dinamai dari nama wilayah dan "
        "tahun (huruf kecil, angka dan tanda hubung). Skor lengkap setiap wilayah ada di "
        "berkas scores.json di folder tersebut.",
        "Each region's documents are in a folder of its own, named after the region and "
        "the year (lower-case letters, digits and hyphens). The full scores of each region "
        "are in the scores.json file in that folder."),
}
"""Text key → (Indonesian, English)."""

