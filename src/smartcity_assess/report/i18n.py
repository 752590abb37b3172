"""UI texts of the reports in Indonesian and English: one catalogue, one entry per text.

Texts may hold ``{name}`` placeholders filled by the templates' ``t()`` with values that
are escaped for the output format. Catalogue texts are trusted: they must not contain
``<``, ``>`` or ``&`` (a test checks), so they need no escaping themselves.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
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
    "document_navigation": ("Navigasi dokumen", "Document navigation"),
    # --- chapters: masterplan --------------------------------------------------------------
    "ch_summary": ("Ringkasan Eksekutif", "Executive Summary"),
    "ch_pillars": ("Kesiapan per Pilar", "Readiness by Pillar"),
    "ch_gaps": ("Analisis Kesenjangan", "Gap Analysis"),
    "ch_vision": ("Visi, Misi dan Sasaran Strategis", "Vision, Mission and Strategic Goals"),
    "ch_programs": ("Program Prioritas per Pilar", "Priority Programs by Pillar"),
    "ch_quick_wins": ("Quick Win", "Quick Wins"),
    "ch_governance": ("Tata Kelola dan Monitoring", "Governance and Monitoring"),
    "ch_method": ("Lampiran Metodologi", "Methodology Annex"),
    # --- chapters: roadmap -----------------------------------------------------------------
    "ch_overview": ("Ikhtisar Peta Jalan", "Roadmap Overview"),
    "ch_years": ("Tahapan per Tahun", "Phases by Year"),
    "ch_timeline": ("Linimasa Program", "Program Timeline"),
    "ch_trajectory": ("Proyeksi Capaian", "Projected Trajectory"),
    "ch_kpis": ("Target KPI per Tahun", "KPI Targets by Year"),
    "ch_owners": ("Tanggung Jawab per OPD", "Responsibilities by Agency (OPD)"),
    "ch_dependencies": ("Ketergantungan Antarprogram", "Dependencies between Programs"),
    "ch_deferred": ("Program di Luar Horizon", "Programs beyond the Horizon"),
    "ch_roadmap_method": ("Catatan Metode", "Method Notes"),
    # --- key figures -----------------------------------------------------------------------
    "index": ("Indeks kesiapan", "Readiness index"),
    "index_short": ("Indeks", "Index"),
    "band": ("Predikat", "Grade"),
    "coverage": ("Cakupan data", "Data coverage"),
    "respondents": ("Responden", "Respondents"),
    "programs": ("Program diusulkan", "Proposed programs"),
    "quick_wins": ("Quick win", "Quick wins"),
    "projected": ("Proyeksi", "Projected"),
    "projected_index_end": ("Proyeksi indeks {year}", "Projected index {year}"),
    "target_index_end": ("target {value}", "target {value}"),
    "of_scale": ("dari {value}", "out of {value}"),
    "interval_note": ("interval {level}: {low}–{high}", "{level} interval: {low}–{high}"),
    "col_interval": ("Interval {level}", "{level} interval"),
    "interval_text": (
        "Rentang kepercayaan {level} indeks (bootstrap {draws} kali atas {basis}): "
        "{low}–{high}.",
        "The index's {level} confidence interval ({draws} bootstrap draws over {basis}): "
        "{low}–{high}."),
    "basis_respondents": ("responden", "respondents"),
    "basis_answers": ("jawaban", "answers"),
    "warnings_heading": ("Catatan data", "Notes on the data"),
    "key_figures": ("Angka kunci", "Key figures"),
    "tile_scheduled": ("{n} terjadwal, {d} di luar horizon",
                       "{n} scheduled, {d} beyond the horizon"),
    "tile_quick_limit": ("maksimal {n} per tahun", "at most {n} a year"),
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
        "Peta jalan {start}–{end} mengusulkan {programs} program, termasuk {quick_wins} "
        "quick win. Bila dilaksanakan sesuai jadwal, indeks diproyeksikan mencapai "
        "{projected} pada tahun {end} (target {target}).",
        "The {start}–{end} roadmap proposes {programs} programs, including {quick_wins} quick "
        "wins. If carried out on schedule, the index is projected to reach {projected} by "
        "{end} (target {target})."),
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
    "col_weighted_gap": ("Kesenjangan tertimbang", "Weighted gap"),
    "col_rank": ("No.", "No."),
    "col_program": ("Program", "Program"),
    "col_owner": ("OPD", "Agency"),
    "col_owner_full": ("Nama OPD", "Agency name"),
    "col_effort": ("Upaya", "Effort"),
    "col_phase": ("Tahap", "Phase"),
    "col_years": ("Tahun", "Years"),
    "col_year": ("Tahun", "Year"),
    "col_gain": ("Tambahan skor", "Score gain"),
    "col_impact": ("Dampak", "Impact"),
    "col_priority": ("Prioritas", "Priority"),
    "col_duration": ("Durasi", "Duration"),
    "col_depends_on": ("Bergantung pada", "Depends on"),
    "col_status": ("Status", "Status"),
    "col_kpi": ("Indikator kinerja", "Performance indicator"),
    "col_baseline": ("Baseline {year}", "Baseline {year}"),
    "col_baseline_plain": ("Baseline", "Baseline"),
    "col_projected_end": ("Proyeksi {year}", "Projected {year}"),
    "col_target_end": ("Target {year}", "Target {year}"),
    "col_goal": ("Sasaran strategis", "Strategic goal"),
    "col_role": ("Peran", "Role"),
    "col_count": ("Jumlah", "Count"),
    "col_file": ("Berkas", "File"),
    "col_format": ("Format", "Format"),
    "col_rows": ("Baris", "Rows"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_aggregation": ("Agregasi", "Aggregation"),
    "col_goalposts": ("Batas normalisasi", "Goalposts"),
    "col_direction": ("Arah", "Direction"),
    "col_respondent_rule": ("Penggabungan jawaban", "Answers combined by"),
    "col_references": ("Rujukan", "References"),
    "col_quick_win": ("Quick win", "Quick win"),
    "col_dimension": ("Dimensi", "Dimension"),
    "col_actions_count": ("Program", "Programs"),
    "col_running": ("Berjalan", "Under way"),
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
    "matrix_title": ("Matriks dampak–upaya program usulan",
                     "Impact–effort matrix of the proposed programs"),
    "matrix_desc": (
        "Setiap titik adalah satu program usulan, bernomor sesuai peringkat prioritas. "
        "Sumbu mendatar: upaya (rendah, sedang, tinggi); sumbu tegak: dampak dalam poin "
        "indeks. Garis putus-putus mendatar: median dampak {median}. Quick win ditandai "
        "belah ketupat.",
        "Each point is one proposed program, numbered by priority rank. Horizontal axis: "
        "effort (low, medium, high); vertical axis: impact in index points. Dashed "
        "horizontal line: median impact {median}. Quick wins are diamonds."),
    "matrix_intro": (
        "Dampak program = bobot efektif indikator × min(tambahan skor yang diharapkan, "
        "kesenjangan). Prioritas = dampak ÷ poin upaya (rendah 1, sedang 2, tinggi 3). "
        "Nomor pada matriks merujuk ke kolom No. pada tabel di bawah.",
        "Program impact = the indicator's effective weight × min(expected score gain, gap). "
        "Priority = impact ÷ effort points (low 1, medium 2, high 3). The numbers in the "
        "matrix refer to the No. column of the table below."),
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
        "Program diusulkan dari katalog aksi instrumen penilaian untuk setiap indikator yang "
        "skornya berada di bawah ambang program. Setiap program tercatat beserta kesenjangan "
        "yang mendasarinya, OPD penanggung jawab, tahap dan tahun pelaksanaan.",
        "Programs are proposed from the assessment framework's action catalogue for every "
        "indicator scoring below the program's threshold. Each program is listed with the "
        "gap that called for it, the responsible agency, its phase and its years."),
    "programs_none_pillar": ("Tidak ada program usulan untuk pilar ini.",
                             "No program is proposed for this pillar."),
    "gap_reason": ("{indicator}: skor {score} → target {target}",
                   "{indicator}: score {score} → target {target}"),
    "gap_reason_threshold": ("{indicator}: skor {score}, ambang {threshold}",
                             "{indicator}: score {score}, threshold {threshold}"),
    # --- quick wins -----------------------------------------------------------------------
    "quick_wins_intro": (
        "Quick win adalah program berupaya rendah dengan dampak tinggi atau yang ditandai "
        "sebagai quick win dalam katalog, dilaksanakan dalam satu tahun dengan OPD "
        "penanggung jawab yang jelas. Rencana ini membatasi {limit} quick win per tahun.",
        "Quick wins are low-effort, high-impact programs, or programs marked as quick wins "
        "in the catalogue, carried out within one year by a named agency. This plan allows "
        "{limit} quick wins a year."),
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
    "governance_intro": (
        "Pelaksanaan masterplan memerlukan pembagian peran yang jelas antar-OPD. Tabel "
        "berikut merangkum jumlah program dan quick win yang menjadi tanggung jawab setiap "
        "OPD selama periode rencana.",
        "Carrying out the masterplan needs clear roles among the agencies (OPD). The table "
        "below sums up the programs and quick wins each agency is responsible for over the "
        "plan period."),
    "owners_caption": ("Tanggung jawab OPD", "Agency responsibilities"),
    "monitoring": ("Indikator kinerja utama dan target", "Key performance indicators and "
                   "targets"),
    "monitoring_intro": (
        "Kemajuan dipantau setiap tahun dengan mengulang penilaian memakai instrumen dan "
        "versi yang sama, lalu membandingkan skor dengan target tahunan pada Peta Jalan.",
        "Progress is monitored every year by repeating the assessment with the same "
        "framework and version, and comparing the scores with the yearly targets of the "
        "roadmap."),
    "evaluation": ("Evaluasi", "Evaluation"),
    "evaluation_intro": (
        "Evaluasi implementasi smart city oleh Kementerian Kominfo (kini Komdigi) menilai "
        "lima dimensi; bobotnya ditetapkan dalam pedoman evaluasi tahun berjalan:",
        "The ministry's evaluation of smart-city implementation (Kominfo, now Komdigi) looks "
        "at five dimensions; their weights are set by the evaluation guideline of the year:"),
    "eval_baseline": ("Baseline — kondisi awal daerah;", "Baseline — the starting point;"),
    "eval_output": ("Output — kebijakan, kelembagaan dan anggaran smart city;",
                    "Output — smart-city policy, institutions and budget;"),
    "eval_outcome": ("Outcome — pelaksanaan rencana dalam masterplan;",
                     "Outcome — execution of the masterplan;"),
    "eval_impact": ("Impact — manfaat yang dirasakan warga;",
                    "Impact — benefits felt by citizens;"),
    "eval_quick_win": ("Quick Win — inovasi dan kreativitas program percepatan.",
                       "Quick Win — innovation and creativity of acceleration programs."),
    "kpi_index": ("Indeks kesiapan smart city", "Smart-city readiness index"),
    "kpi_pillar": ("Pilar {pillar}", "{pillar} pillar"),
    # --- methodology -------------------------------------------------------------------------
    "method_set": ("Instrumen penilaian", "Assessment framework"),
    "method_set_text": (
        "Penilaian memakai instrumen {title} (id {id}, versi {version}), dibaca dari {source}.",
        "The assessment uses the framework {title} (id {id}, version {version}), read from "
        "{source}."),
    "method_normalisation": ("Normalisasi", "Normalisation"),
    "method_normalisation_text": (
        "Nilai mentah setiap indikator dipetakan secara linear ke skala {scale} di antara dua "
        "batas normalisasi (goalposts); nilai di luar batas dipotong. Untuk indikator yang "
        "makin rendah makin baik, arah skala dibalik; transformasi log dipakai bila "
        "ditetapkan.",
        "Each indicator's raw value is mapped linearly onto the {scale} scale between two "
        "goalposts; values outside are clipped. For lower-is-better indicators the scale is "
        "reversed; a log transform is applied where the framework says so."),
    "method_aggregation": ("Pembobotan dan agregasi", "Weights and aggregation"),
    "method_aggregation_text": (
        "Bobot dinormalisasi agar berjumlah satu di antara saudara sekelompok. Skor kelompok "
        "adalah rata-rata tertimbang ({groups}) dari anak-anaknya; pilar digabung menjadi "
        "indeks dengan rata-rata {index}. Bobot efektif adalah hasil kali bobot sepanjang "
        "jalur ke indeks.",
        "Weights are normalised to sum to one among siblings. A group's score is the weighted "
        "{groups} mean of its children; pillars combine into the index by a {index} mean. The "
        "effective weight is the product of the weights along the path to the index."),
    "agg_arithmetic": ("aritmetika", "arithmetic"),
    "agg_geometric": ("geometrik", "geometric"),
    "method_missing": ("Data yang hilang dan cakupan", "Missing data and coverage"),
    "method_missing_text": (
        "Indikator tanpa jawaban tidak dinilai (bukan dianggap nol); bobot dibagi ulang di "
        "antara indikator yang dinilai. Kelompok dengan cakupan di bawah {minimum} tidak "
        "dinilai. Cakupan indeks: {coverage}.",
        "An indicator nobody answered is not assessed (not counted as zero); weights are "
        "renormalised over the assessed siblings. A group whose coverage is under {minimum} "
        "is not assessed. Index coverage: {coverage}."),
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
    "method_planning_text": (
        "Program diusulkan bila skor indikator di bawah ambang program (atau di bawah skor "
        "target). Dampak = bobot efektif × min(tambahan skor, kesenjangan); prioritas = "
        "dampak ÷ poin upaya. Quick win: maksimal {quick_wins} per tahun. Program lain "
        "dijadwalkan menurut prioritas, maksimal {capacity} program dimulai per tahun, "
        "setelah program prasyaratnya selesai. Durasi: quick win dan jangka pendek 1 tahun, "
        "menengah 2 tahun, panjang 3 tahun. Tahap: tahun ke-1–2 jangka pendek, ke-3–5 "
        "jangka menengah, ke-6–10 jangka panjang. Proyeksi menambahkan tambahan skor setiap "
        "program secara merata selama durasinya, lalu menghitung ulang pilar dan indeks "
        "dengan metode agregasi yang sama.",
        "A program is proposed when its indicator scores below the program's threshold (or "
        "below the target score). Impact = effective weight × min(score gain, gap); priority "
        "= impact ÷ effort points. Quick wins: at most {quick_wins} a year. Other programs "
        "are scheduled by priority, at most {capacity} starts a year, once their "
        "prerequisites are finished. Duration: quick wins and short programs 1 year, medium "
        "2 years, long 3 years. Phases: years 1–2 short term, 3–5 medium term, 6–10 long "
        "term. The projection adds each program's score gain evenly over its duration, then "
        "recomputes pillars and index with the same aggregation."),
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
    "status_scheduled": ("Dijadwalkan lebih dahulu", "Scheduled before"),
    "status_in-place": ("Sudah tersedia (indikator di atas ambang)",
                        "Already in place (indicator above threshold)"),
    "status_unverified": ("Perlu verifikasi (indikator belum terukur)",
                          "To verify (indicator not assessed)"),
    "status_deferred": ("Ditunda di luar horizon", "Deferred beyond the horizon"),
    "years_count": ("{n} tahun", "{n} years"),
    "year_count_one": ("1 tahun", "1 year"),
    # --- roadmap prose -------------------------------------------------------------------------
    "overview_text": (
        "Peta jalan ini menjabarkan {programs} program usulan untuk {region} selama "
        "{years} tahun ({start}–{end}): {scheduled} terjadwal dalam periode rencana, "
        "termasuk {quick_wins} quick win, dan {deferred} berada di luar horizon karena "
        "batas kapasitas atau ketergantungan.",
        "This roadmap sets out {programs} proposed programs for {region} over {years} years "
        "({start}–{end}): {scheduled} are scheduled within the plan period, including "
        "{quick_wins} quick wins, and {deferred} fall beyond the horizon because of capacity "
        "limits or dependencies."),
    "phase_table_caption": ("Ringkasan tahapan", "Phases at a glance"),
    "col_programs_started": ("Program dimulai", "Programs started"),
    "col_agencies": ("OPD terlibat", "Agencies involved"),
    "year_heading": ("Tahun {year} — {phase}", "{year} — {phase}"),
    "year_starting": ("Program yang dimulai", "Programs starting"),
    "year_continuing": ("Program yang berlanjut: {items}.", "Programs continuing: {items}."),
    "year_nothing": ("Tidak ada program baru yang dimulai pada tahun ini.",
                     "No new program starts this year."),
    "gantt_title": ("Linimasa program {start}–{end}", "Program timeline {start}–{end}"),
    "gantt_desc": (
        "Diagram Gantt {count} program terjadwal, diwarnai menurut pilar; quick win "
        "berarsir. Rincian per tahun ada di bab Tahapan per Tahun.",
        "Gantt chart of {count} scheduled programs, coloured by pillar; quick wins are "
        "hatched. The yearly detail is in the Phases by Year chapter."),
    "timeline_intro": (
        "Setiap batang menunjukkan tahun pelaksanaan satu program. Latar berwarna menandai "
        "tahap jangka pendek, menengah dan panjang.",
        "Each bar shows the years of one program. The shaded background marks the short-, "
        "medium- and long-term phases."),
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
        "Target tahunan ditarik secara linear dari baseline {year} ke target akhir periode. "
        "Indikator yang dicantumkan adalah indikator yang memiliki program dalam peta jalan.",
        "Yearly targets run linearly from the {year} baseline to the end-of-period target. "
        "The indicators listed are those with programs in the roadmap."),
    "kpi_table_caption": ("Target skor per tahun", "Score targets by year"),
    "owners_intro": (
        "Setiap program memiliki satu OPD penanggung jawab. Kapasitas rencana: maksimal "
        "{capacity} program baru per tahun.",
        "Each program has one responsible agency. Plan capacity: at most {capacity} new "
        "programs a year."),
    "owner_heading": ("{name}", "{name}"),
    "dependencies_intro": (
        "Program hanya dimulai setelah program prasyaratnya selesai. Prasyarat yang tidak "
        "diusulkan dianggap sudah tersedia bila indikatornya di atas ambang, atau perlu "
        "diverifikasi bila indikatornya belum terukur.",
        "A program starts only after its prerequisites are finished. A prerequisite that is "
        "not proposed is taken as already in place when its indicator is above the "
        "threshold, or marked to verify when its indicator is not assessed."),
    "deferred_none": ("Semua program usulan muat dalam periode rencana.",
                      "Every proposed program fits in the plan period."),
    "dependencies_none": ("Tidak ada ketergantungan antarprogram.",
                          "There are no dependencies between the programs."),
    "deferred_intro": (
        "Program berikut belum muat dalam periode rencana karena batas kapasitas tahunan "
        "atau karena prasyaratnya belum selesai. Program ini menjadi masukan bagi periode "
        "berikutnya atau bagi penambahan kapasitas.",
        "The programs below do not fit in the plan period because of the yearly capacity "
        "limit or unfinished prerequisites. They feed the next period, or a case for more "
        "capacity."),
    "roadmap_method_text": (
        "Peta jalan ini disusun dari hasil penilaian dalam Masterplan. Aturan usulan, "
        "prioritas, penjadwalan dan proyeksi dijelaskan dalam Lampiran Metodologi Masterplan.",
        "This roadmap is built from the assessment in the Masterplan. The rules for "
        "proposals, priorities, scheduling and projection are explained in the Masterplan's "
        "Methodology Annex."),
    "chart_data_note": ("Data grafik tersedia dalam tabel di bawah.",
                        "The chart's data are in the table below."),
    "figure": ("Gambar {n}", "Figure {n}"),
    "table": ("Tabel {n}", "Table {n}"),
    "unit_points": ("poin", "points"),
}
"""Text key → (Indonesian, English)."""

MONTHS: dict[str, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def text(key: str, lang: str) -> str:
    """The catalogue text of ``key`` in ``lang`` (English for unknown languages)."""
    indonesian, english = CATALOGUE[key]
    return indonesian if lang == "id" else english
