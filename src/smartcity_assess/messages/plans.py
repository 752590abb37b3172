"""Texts of the planning chapters of the masterplan and the roadmap (profile, six dimensions,
strategic issues, existing programs, mandates, stages, money, institutions, monitoring):
part of the one catalogue in :mod:`smartcity_assess.messages`.

Report texts are trusted: they must not contain ``<``, ``>`` or ``&`` (a test checks).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- chapters ------------------------------------------------------------------------
    "ch_profile": ("Gambaran Umum Daerah", "Regional Profile"),
    "ch_dimensions": ("Kesiapan per Dimensi Smart City", "Readiness by Smart City Dimension"),
    "ch_issues": ("Isu Strategis", "Strategic Issues"),
    "ch_institutions": ("Kelembagaan", "Institutions"),
    "ch_financing": ("Pembiayaan", "Financing"),
    "ch_monitoring": ("Pemantauan dan Evaluasi", "Monitoring and Evaluation"),
    "ch_baseline": ("Kondisi Awal: Program yang Sudah Berjalan",
                    "Baseline: Programs Already Running"),
    "ch_mandates": ("Program Wajib menurut Regulasi", "Programs Required by Regulation"),
    "ch_costs": ("Biaya per Tahun dan Sumber Dana", "Cost by Year and Funding Source"),
    # --- cover and shared words --------------------------------------------------------------
    "rpjmd": ("RPJMD berjalan", "Current RPJMD"),
    "period_new_programs": ("program baru {start}–{end}", "new programs {start}–{end}"),
    "program_ref": ("program {n}", "program {n}"),
    "and_more": ("dan {n} lainnya", "and {n} more"),
    "word_score": ("skor", "score"),
    "tag_mandatory": ("wajib", "mandatory"),
    "status_unfunded": ("Tidak terdanai", "Unfunded"),
    "status_beyond": ("Belum terjadwal", "Not scheduled"),
    "status_existing": ("Sudah berjalan", "Already running"),
    "rp_trillion": ("Rp{value} triliun", "Rp{value} trillion"),
    "rp_billion": ("Rp{value} miliar", "Rp{value} billion"),
    "rp_million": ("Rp{value} juta", "Rp{value} million"),
    "role_statistik": ("statistik resmi", "official statistics"),
    "role_opd": ("penilaian mandiri OPD", "agency self-assessment"),
    "role_asn": ("survei ASN", "civil-servant survey"),
    "role_warga": ("survei warga", "resident survey"),
    "role_umkm": ("survei pelaku UMKM", "MSME survey"),
    "role_all": ("semua responden", "all respondents"),
    "rule_mean": ("rata-rata", "mean"),
    "rule_median": ("median", "median"),
    "rule_share": ("proporsi", "share"),
    "rule_min": ("minimum", "minimum"),
    "rule_max": ("maksimum", "maximum"),
    "norm_goalposts": ("batas minimum–maksimum", "goalposts"),
    "norm_distance": ("jarak ke target", "distance to target"),
    "norm_minmax": ("minimum–maksimum antarwilayah", "min–max across regions"),
    "norm_zscore": ("skor baku (z)", "z-score"),
    "transform_log": ("logaritma", "logarithm"),
    # --- columns --------------------------------------------------------------------------------
    "col_no": ("No.", "No."),
    "pillar_word": ("pilar {pillar}", "pillar {pillar}"),
    "value_of_scale": ("{value} dari {high}", "{value} of {high}"),
    "col_figure": ("Data", "Figure"),
    "col_source": ("Sumber", "Source"),
    "col_dimension": ("Dimensi", "Dimension"),
    "col_dimensions": ("Dimensi", "Dimensions"),
    "col_index_share": ("Bobot", "Weight"),
    "col_indicators_count": ("Indikator", "Indicators"),
    "col_indicators_scores": ("Indikator dan skornya", "Indicators and their scores"),
    "col_programs_scheduled": ("Program terjadwal / usulan", "Programs scheduled / proposed"),
    "col_programs_count": ("Program", "Programs"),
    "col_lead": ("OPD pengampu", "Lead agency"),
    "col_issue": ("Isu strategis", "Strategic issue"),
    "col_evidence": ("Bukti (nilai awal)", "Evidence (baseline)"),
    "col_answered_by": ("Dijawab oleh", "Answered by"),
    "col_cost_million": ("Biaya (juta Rp)", "Cost (Rp million)"),
    "col_funding": ("Sumber dana", "Funding"),
    # funding sources as a document names them (messages.keys.FUNDING_KEYS); the
    # Indonesian budget names stay as they are in English, as planners use them
    "funding_apbd": ("APBD", "APBD"),
    "funding_dak": ("DAK", "DAK"),
    "funding_dana_desa": ("Dana Desa", "Dana Desa"),
    "funding_bos": ("BOS", "BOS"),
    "funding_csr": ("CSR", "CSR"),
    "funding_kpbu": ("KPBU", "KPBU"),
    "funding_apbn": ("APBN", "APBN"),
    "funding_bakti": ("BAKTI", "BAKTI"),
    "funding_hibah": ("Hibah", "Grants"),
    "col_reason": ("Alasan penempatan", "Why here"),
    "col_since": ("Sejak", "Since"),
    "col_evidence_source": ("Bukti", "Evidence"),
    "col_benefit": ("Manfaat", "Benefit"),
    "col_scheduled": ("Terjadwal", "Scheduled"),
    "col_not_scheduled": ("Belum terjadwal", "Not scheduled"),
    "col_total": ("Jumlah", "Total"),
    "col_envelope": ("Pagu", "Envelope"),
    "col_left": ("Sisa pagu", "Left"),
    "col_cost_share": ("Porsi", "Share"),
    "col_value_baseline": ("Nilai {year}", "Value {year}"),
    "col_target_year": ("Target {year}", "Target {year}"),
    "col_target_basis": ("Dasar target", "Target from"),
    "col_data_source": ("Sumber data dan pelaksana", "Data source and agencies"),
    "col_eval_dimension": ("Dimensi evaluasi", "Evaluation dimension"),
    "col_eval_assessed": ("Yang dinilai", "What is assessed"),
    "col_eval_here": ("Jawaban dalam masterplan ini", "Where this masterplan answers it"),
    "col_stage": ("Tahap", "Stage"),
    "col_rpjmd": ("Periode RPJMD", "RPJMD period"),
    "col_regulation": ("Dasar hukum", "Legal basis"),
    "col_deadline": ("Batas waktu", "Deadline"),
    "col_limit": ("Batas per tahun", "Limit a year"),
    # --- summary --------------------------------------------------------------------------------
    "tile_programs": ("{quick_wins} quick win, {mandatory} wajib; {deferred} belum terjadwal",
                      "{quick_wins} quick wins, {mandatory} mandatory; {deferred} not scheduled"),
    "programs_scheduled": ("Program terjadwal", "Programs scheduled"),
    "tile_cost": ("Biaya indikatif", "Indicative cost"),
    "tile_cost_note": ("batas atas; batas bawah {low}; {start}–{end}",
                       "upper bound; lower bound {low}; {start}–{end}"),
    "summary_money": (
        "Biaya indikatif program terjadwal mencapai {cost} (batas bawah {low}) dan muat dalam "
        "pagu setiap tahun. {deferred} program belum terjadwal, {unfunded} di antaranya karena "
        "pagu tidak mencukupi; semuanya dicantumkan beserta alasannya.",
        "The scheduled programs cost up to {cost} (at least {low}) and fit every year's "
        "envelope. {deferred} programs are not scheduled, {unfunded} of them because the "
        "envelopes fall short; each is listed with its reason."),
    "summary_money_free": (
        "Biaya indikatif program terjadwal mencapai {cost} (batas bawah {low}); rencana tidak "
        "menetapkan pagu. {deferred} program belum terjadwal ({unfunded} karena pagu); "
        "semuanya dicantumkan beserta alasannya.",
        "The scheduled programs cost up to {cost} (at least {low}); the plan sets no "
        "envelopes. {deferred} programs are not scheduled ({unfunded} for lack of money); "
        "each is listed with its reason."),
    "gap_reason_met": (
        "{indicator}: skor {score}, sudah di atas ambang {threshold}",
        "{indicator}: score {score}, already above the threshold {threshold}"),
    "bands_note": ("Rentang predikat mengikuti {source}", "The grades follow {source}"),
    "bands_spbe": (
        "batas predikat indeks SPBE menurut PermenPANRB 59/2020: Kurang di bawah 1,8; Cukup; "
        "Baik mulai 2,6; Sangat Baik mulai 3,5; Memuaskan mulai 4,2 pada skala 1–5.",
        "the SPBE index predicates of PermenPANRB 59/2020: Kurang below 1.8; Cukup; Baik from "
        "2.6; Sangat Baik from 3.5; Memuaskan from 4.2 on the 1–5 scale."),
    "bands_spbe_rescaled": (
        "batas predikat indeks SPBE menurut PermenPANRB 59/2020 (1,8; 2,6; 3,5 dan 4,2 pada "
        "skala 1–5) yang dipetakan secara linear ke skala {scale}. Penggolongan IMDI tidak "
        "dipakai karena batasnya tidak dipublikasikan.",
        "the SPBE index predicates of PermenPANRB 59/2020 (boundaries 1.8, 2.6, 3.5 and 4.2 "
        "on the 1–5 scale) mapped linearly onto the {scale} scale. IMDI categories are not "
        "used: their thresholds are not published."),
    "bands_own": ("rentang yang ditetapkan instrumen penilaian (lihat Lampiran Metodologi).",
                  "the ranges the assessment framework sets (see the Methodology Annex)."),
    # --- profile -------------------------------------------------------------------------------
    "profile_intro": (
        "Gambaran umum {region} ({province}) menurut angka resmi yang dipublikasikan. Setiap "
        "angka disertai tahun dan sumbernya.",
        "{region} ({province}) in published official figures, each with its year and source."),
    "profile_caption": ("Data pokok daerah", "Key figures of the region"),
    "source_missing": ("sumber belum dicantumkan dalam rencana",
                       "the plan gives no source"),
    "profile_none": (
        "Rencana belum memuat data profil daerah (jumlah penduduk, luas, kecamatan dan desa, "
        "APBD, IPM) beserta sumbernya.",
        "The plan gives no profile figures (population, area, kecamatan and villages, budget, "
        "human development index) with their sources."),
    "profile_population": ("Jumlah penduduk", "Population"),
    "profile_area": ("Luas wilayah", "Area"),
    "profile_kecamatan": ("Kecamatan", "Districts (kecamatan)"),
    "profile_desa": ("Desa", "Villages (desa)"),
    "profile_kelurahan": ("Kelurahan", "Urban villages (kelurahan)"),
    "profile_apbd": ("Belanja APBD", "Regional budget spending (APBD)"),
    "profile_ipm": ("Indeks Pembangunan Manusia (IPM)", "Human Development Index (IPM)"),
    "profile_poverty": ("Persentase penduduk miskin", "Share of people in poverty"),
    "profile_density": ("kepadatan {value} jiwa per km²", "density {value} people per km²"),
    "ipm_category": ("status pembangunan manusia {category} menurut BPS",
                     "human development status {category} by BPS"),
    "ipm_low": ("rendah", "low"),
    "ipm_medium": ("sedang", "medium"),
    "ipm_high": ("tinggi", "high"),
    "ipm_very_high": ("sangat tinggi", "very high"),
    "profile_cycle": ("Siklus perencanaan", "Planning cycle"),
    "profile_cycle_text": (
        "Masterplan smart city berlaku {start}–{end}; RPJMD yang berjalan mencakup "
        "{rpjmd_start}–{rpjmd_end}. Penilaian dilakukan pada {baseline}, sehingga program "
        "baru dijadwalkan mulai {first}: rinci per tahun selama RPJMD berjalan dan per tahap "
        "sesudahnya.",
        "The smart-city masterplan runs {start}–{end}; the current RPJMD covers "
        "{rpjmd_start}–{rpjmd_end}. The assessment was made in {baseline}, so new programs "
        "are scheduled from {first}: year by year within the current RPJMD and by phase "
        "after it."),
    "profile_existing": (
        "{existing} program yang sudah berjalan menjadi kondisi awal dan tidak diusulkan lagi "
        "(bab Program Prioritas).",
        "{existing} programs already running are the baseline and are not proposed again "
        "(Priority Programs chapter)."),
    # --- dimensions ------------------------------------------------------------------------------
    "dimensions_intro": (
        "Gerakan Menuju Smart City menyusun masterplan menurut enam dimensi: Smart "
        "Governance, Smart Branding, Smart Economy, Smart Living, Smart Society dan Smart "
        "Environment. Setiap indikator instrumen ini dipetakan ke satu dimensi; skor dimensi "
        "adalah rata-rata skor indikatornya dengan bobot efektif masing-masing dalam indeks. "
        "Dimensi tidak mengubah indeks: ini cara lain membaca skor yang sama.",
        "The Smart City Movement organises masterplans by six dimensions: Smart Governance, "
        "Smart Branding, Smart Economy, Smart Living, Smart Society and Smart Environment. "
        "Every indicator of this framework is mapped to one dimension; a dimension's score is "
        "the mean of its indicators' scores weighted by their effective weights in the index. "
        "The dimensions do not change the index: they read the same scores another way."),
    "dimensions_caption": ("Skor per dimensi smart city", "Scores by smart-city dimension"),
    "dimensions_members_caption": ("Indikator setiap dimensi", "The indicators of each dimension"),
    "dimensions_note": (
        "Bobot: bagian indeks yang dibawa indikator dimensi itu. OPD pengampu "
        "ditetapkan dalam rencana; bila rencana tidak menetapkannya, diusulkan OPD dengan "
        "program terjadwal terbanyak pada dimensi itu.",
        "Weight: the part of the index the dimension's indicators carry. Lead "
        "agencies are named by the plan; where it names none, the agency with the most "
        "scheduled programs in the dimension is proposed."),
    "dimensions_chart_title": ("Skor enam dimensi smart city", "The six smart-city dimensions"),
    "dimensions_chart_desc": ("Skor setiap dimensi: {items}.", "Score of each dimension: {items}."),
    # --- strategic issues ------------------------------------------------------------------
    "issues_intro": (
        "Isu strategis adalah masalah yang harus dijawab masterplan. Isu yang dinyatakan "
        "dalam rencana daerah dicantumkan lebih dahulu, diikuti kelompok indikator dengan skor "
        "di bawah {threshold}, yaitu batas bawah predikat indeks saat ini: kelompok inilah "
        "yang menahan predikat daerah.",
        "Strategic issues are the problems the masterplan must answer. The issues the "
        "regional plan names come first, then the groups of indicators scoring below "
        "{threshold}, the lower bound of the index's current grade: these groups hold the "
        "region's grade down."),
    "issues_caption": ("Isu strategis dan buktinya", "Strategic issues and their evidence"),
    "issues_note": (
        "Nomor program merujuk ke kolom No. pada tabel program. Bukti menampilkan nilai awal "
        "indikator yang paling lemah dalam setiap isu.",
        "Program numbers refer to the No. column of the program tables. The evidence shows "
        "the baseline of the weakest indicators of each issue."),
    "issue_named": ("dinyatakan dalam rencana daerah", "named in the regional plan"),
    "issue_derived": ("dari skor penilaian", "from the assessment's scores"),
    "issue_derived_title": ("Belum optimalnya {group}", "{group} falls short"),
    "issue_derived_text": (
        "Skor kelompok {score} ({band}), di bawah {threshold}.",
        "Group score {score} ({band}), below {threshold}."),
    "issue_no_program": ("belum ada program", "no program yet"),
    # --- programs ------------------------------------------------------------------------------
    "existing_heading": ("Program yang sudah berjalan", "Programs already running"),
    "existing_intro": (
        "Program berikut sudah berjalan atau selesai. Program ini menjadi kondisi awal "
        "masterplan dan tidak diusulkan lagi; aksi katalog yang diwujudkannya tidak "
        "dijadwalkan.",
        "These programs already run or are done. They are the masterplan's baseline and are "
        "not proposed again; the catalogue actions they realise are not scheduled."),
    "existing_running": ("berjalan", "running"),
    "existing_done": ("selesai", "done"),
    "existing_realises": ("mewujudkan: {title}", "realises: {title}"),
    "evidence_link": ("sumber {n}", "source {n}"),
    "programs_matrix_heading": ("Sebaran program per dimensi dan pilar",
                                "Programs by dimension and pillar"),
    "programs_matrix_caption": ("Jumlah program usulan per dimensi dan pilar",
                                "Proposed programs by dimension and pillar"),
    "programs_lead": ("OPD pengampu dimensi: {owner}.", "Lead agency of the dimension: {owner}."),
    "programs_none_group": ("Tidak ada program usulan pada dimensi ini.",
                            "No program is proposed in this dimension."),
    # --- quick wins -------------------------------------------------------------------------
    "quick_wins_rule": (
        "Quick win adalah program singkat berupaya rendah yang hasilnya cepat terlihat warga. "
        "Rencana ini memilih paling banyak {most} quick win yang dimulai {start}–{end}, paling "
        "banyak {per_dimension} per dimensi, dan hanya program dengan manfaat paling sedikit "
        "median semua usulan ({median}).",
        "Quick wins are short, low-effort programs whose results citizens see soon. This "
        "plan picks at most {most} quick wins starting {start}–{end}, at most {per_dimension} "
        "per dimension, and only programs whose benefit is at least the median of all "
        "proposals ({median})."),
    "benefit_axis": ("Manfaat (indeks dan warga)", "Benefit (index and citizens)"),
    # --- institutions ------------------------------------------------------------------------
    "institutions_intro": (
        "Masterplan dijalankan oleh dewan yang mengarahkan dan tim yang melaksanakan, dengan "
        "satu OPD pengampu untuk setiap dimensi dan satu OPD penanggung jawab untuk setiap "
        "program.",
        "The masterplan is steered by a council and carried out by a team, with one lead "
        "agency for each dimension and one responsible agency for each program."),
    "institutions_none": (
        "Rencana belum menetapkan Dewan Smart City dan Tim Pelaksana.",
        "The plan names no Smart City Council or implementation team."),
    "institutions_secretariat": ("Sekretariat: {name} ({short}).",
                                 "Secretariat: {name} ({short})."),
    "body_chair": ("Ketua", "Chair"),
    "body_members": ("Anggota", "Members"),
    "body_basis": ("Dasar hukum", "Legal basis"),
    "body_not_named": ("belum ditetapkan", "not named"),
    "body_basis_missing": (
        "belum dicantumkan (sebutkan keputusan kepala daerah yang membentuknya)",
        "not given (name the regional head's decree that forms it)"),
    "leads_caption": ("OPD pengampu, program dan biaya per dimensi",
                      "Lead agency, programs and cost by dimension"),
    "leads_heading": ("OPD pengampu setiap dimensi", "Lead agency of each dimension"),
    "lead_proposed": ("usulan", "proposed"),
    "owners_heading": ("OPD pelaksana", "Implementing agencies"),
    "owners_intro": (
        "Jumlah program, quick win dan biaya indikatif yang menjadi tanggung jawab setiap OPD "
        "selama masterplan.",
        "The programs, quick wins and indicative cost each agency is responsible for over "
        "the masterplan."),
    "owner_leads": ("pengampu {dimensions}", "leads {dimensions}"),
    # --- financing ---------------------------------------------------------------------------
    "financing_intro": (
        "Biaya dalam bab ini bersifat indikatif: dari rencana daerah bila tersedia, selain "
        "itu dari kelas biaya katalog. Biaya setiap program dibagi rata selama tahun "
        "pelaksanaannya dan dibebankan ke sumber dananya sesuai urutan, dalam batas pagu "
        "setiap tahun. Tabel memakai batas atas, yaitu angka yang diuji terhadap pagu.",
        "The costs in this chapter are indicative: from the regional plan where it gives "
        "them, else from the catalogue's cost class. Each program's cost is spread evenly "
        "over its years and charged to its funding sources in order, within each year's "
        "envelope. The tables use the upper bound, the figure checked against the "
        "envelope."),
    "financing_total": (
        "Program terjadwal {start}–{end} membutuhkan {low} sampai {high}; {rpjmd_cost} di "
        "antaranya jatuh pada tahun RPJMD {rpjmd_start}–{rpjmd_end}.",
        "The scheduled programs of {start}–{end} need {low} to {high}; {rpjmd_cost} of it "
        "falls in the years of the RPJMD {rpjmd_start}–{rpjmd_end}."),
    "financing_envelope": ("Pagu seluruh tahun: {envelope} ({share} terpakai).",
                           "All years' envelopes: {envelope} ({share} used)."),
    "financing_no_budget": ("Rencana tidak menetapkan pagu, sehingga biaya tidak dibatasi.",
                            "The plan sets no envelopes, so money limits nothing."),
    "financing_years_caption": ("Biaya indikatif per tahun dan sumber dana (juta Rp, batas "
                                "atas)",
                                "Indicative cost by year and funding source (Rp million, "
                                "upper bound)"),
    "financing_sources_caption": ("Per sumber dana", "By funding source"),
    "financing_dimensions_caption": ("Per dimensi", "By dimension"),
    "financing_owners_caption": ("Per OPD", "By agency"),
    "financing_note": (
        "Kelas biaya katalog (untuk seluruh program): XS sampai Rp100 juta, S Rp100–500 juta, "
        "M Rp500 juta–2 miliar, L Rp2–10 miliar, XL Rp10 miliar ke atas. Angka ini perkiraan "
        "perencanaan untuk diuji dalam penyusunan RKPD dan Renja OPD, bukan pagu anggaran.",
        "The catalogue's cost classes (whole program): XS up to Rp100 million, S Rp100–500 "
        "million, M Rp500 million–2 billion, L Rp2–10 billion, XL Rp10 billion and more. "
        "These are planning estimates to be tested when the RKPD and the agencies' work "
        "plans are drawn up, not budget ceilings."),
    "unfunded_heading": ("Program yang tidak terdanai", "Unfunded programs"),
    "unfunded_intro": (
        "{n} program tidak muat dalam pagu sumber dananya pada tahun mana pun. Program ini "
        "tidak dihapus: program ini menjadi usulan tambahan pagu atau sumber dana lain.",
        "{n} programs fit no year's envelope of their funding sources. They are not dropped: "
        "they are the case for a larger envelope or another funding source."),
    "unfunded_none": ("Semua program yang diusulkan muat dalam pagu.",
                      "Every proposed program fits the envelopes."),
    "cost_axis": ("Miliar rupiah", "Billion rupiah"),
    "costs_chart_title": ("Biaya indikatif per tahun dan sumber dana",
                          "Indicative cost by year and funding source"),
    "costs_chart_desc": (
        "Batang bertumpuk biaya program terjadwal per tahun menurut sumber dana (batas atas, "
        "miliar rupiah); garis putus-putus: pagu tahun itu. Per tahun, biaya / pagu: {items}.",
        "Stacked bars of the scheduled programs' cost per year by funding source (upper "
        "bound, billion rupiah); dashed line: that year's envelope. Per year, cost / "
        "envelope: {items}."),
    "costs_chart_desc_free": (
        "Batang bertumpuk biaya program terjadwal per tahun menurut sumber dana (batas atas, "
        "miliar rupiah); rencana tidak menetapkan pagu. Per tahun: {items}.",
        "Stacked bars of the scheduled programs' cost per year by funding source (upper "
        "bound, billion rupiah); the plan sets no envelopes. Per year: {items}."),
    "costs_intro": (
        "Biaya indikatif seluruh program terjadwal: {low} sampai {high}. Grafik dan tabel "
        "menunjukkan batas atas per tahun dan sumber dana terhadap pagu.",
        "Indicative cost of all scheduled programs: {low} to {high}. The chart and table show "
        "the upper bound per year and funding source against the envelopes."),
    # --- monitoring --------------------------------------------------------------------------
    "monitoring_caption": (
        "Indikator kinerja: nilai awal {baseline}, target akhir RPJMD {rpjmd} dan akhir "
        "masterplan {end}",
        "Performance indicators: baseline {baseline}, targets at the end of the RPJMD "
        "{rpjmd} and of the masterplan {end}"),
    "monitoring_note": (
        "Target berasal dari dokumen kebijakan bila ada (target nasional atau target rencana "
        "daerah); bila tidak ada, target adalah capaian yang diharapkan dari program "
        "terjadwal. Skor berada pada skala instrumen; nilai awal menampilkan angka asli "
        "beserta satuannya.",
        "Targets come from a policy document where one exists (a national target or the "
        "regional plan's); where none does, the target is what the scheduled programs are "
        "expected to achieve. Scores are on the framework's scale; the baseline value shows "
        "the raw figure with its unit."),
    "kpi_basis_policy": ("target kebijakan", "policy target"),
    "kpi_basis_plan": ("target rencana daerah", "regional plan target"),
    "kpi_basis_programs": ("capaian program terjadwal", "what the scheduled programs reach"),
    "kpi_source": ("{roles}, setiap tahun", "{roles}, every year"),
    "kpi_source_index": ("penilaian ulang tahunan dengan instrumen ini",
                         "yearly reassessment with this framework"),
    "kpi_owners": ("pelaksana {owners}", "carried out by {owners}"),
    "cycle_heading": ("Siklus pemantauan tahunan", "The yearly monitoring cycle"),
    "cycle_assess": (
        "Januari–Februari: mengulang penilaian dengan instrumen dan versi yang sama, "
        "termasuk statistik terbaru dan survei warga.",
        "January–February: repeat the assessment with the same framework and version, "
        "including the latest statistics and the resident survey."),
    "cycle_review": (
        "Maret: Tim Pelaksana membandingkan capaian dengan target tahunan dan melaporkannya "
        "kepada Dewan Smart City.",
        "March: the implementation team compares results with the yearly targets and reports "
        "to the Smart City Council."),
    "cycle_plan": (
        "April–Juni: program tahun berikutnya dan perubahan jadwal dibawa ke Musrenbang, RKPD "
        "dan Renja OPD.",
        "April–June: next year's programs and schedule changes go into the Musrenbang, the "
        "RKPD and the agencies' work plans."),
    "cycle_report": (
        "Triwulan III–IV: bahan evaluasi tahunan Gerakan Menuju Smart City disiapkan dari "
        "hasil ini.",
        "Third and fourth quarters: the material for the Smart City Movement's yearly "
        "evaluation is prepared from these results."),
    "evaluation_note": (
        "Bobot dari pedoman evaluasi 2022–2024, sebagaimana dicatat dalam instrumen bawaan "
        "Evaluasi Smart City Kominfo (kominfo-evaluasi); pedoman tahun berjalan dapat "
        "mengubahnya.",
        "Weights of the 2022–2024 evaluation guidance, as the bundled framework Kominfo "
        "Smart City Evaluation (kominfo-evaluasi) records them; the guidance of the year may "
        "change them."),
    "eval_evidence_baseline": (
        "Nilai awal: indeks {index} pada {year} dan {existing} program yang sudah berjalan.",
        "The baseline: index {index} in {year} and {existing} programs already running."),
    "eval_evidence_output": (
        "Bab Kelembagaan (dewan, tim, OPD pengampu) dan Pembiayaan (biaya per tahun dan "
        "sumber dana).",
        "The Institutions chapter (council, team, lead agencies) and the Financing chapter "
        "(cost per year and funding source)."),
    "eval_evidence_outcome": (
        "{scheduled} program terjadwal dengan tahun, OPD dan biaya; indikator kinerja di "
        "atas.",
        "{scheduled} scheduled programs with their years, agencies and costs; the "
        "performance indicators above."),
    "eval_evidence_impact": (
        "Pilar Dampak bagi Warga (skor awal {impact}): aduan yang dijawab dan diselesaikan, "
        "peringatan dini, demam berdarah, rasa aman, sampah.",
        "The Impact on Citizens pillar (baseline {impact}): complaints answered and closed, "
        "early warning, dengue, safety, waste."),
    "eval_evidence_impact_none": (
        "Instrumen ini tidak memuat pilar dampak bagi warga; tambahkan indikator hasil "
        "(aduan yang diselesaikan, layanan yang dirasakan warga) untuk dimensi ini.",
        "This framework has no impact-on-citizens pillar; add outcome indicators (complaints "
        "closed, services citizens feel) for this dimension."),
    "eval_evidence_quick_win": ("{quick_wins} quick win yang dimulai {first}–{last}.",
                                "{quick_wins} quick wins starting {first}–{last}."),
    # --- roadmap -----------------------------------------------------------------------------
    "stages_caption": ("Tahapan peta jalan menurut periode RPJMD",
                       "The roadmap's stages by RPJMD period"),
    "stage_baseline": ("{span} — kondisi awal", "{span} — baseline"),
    "stage_year": ("Tahun {span} — {rpjmd}", "Year {span} — {rpjmd}"),
    "stage_phase": ("Tahap {span} — {rpjmd}", "Phase {span} — {rpjmd}"),
    "stage_line": ("{n} program dimulai; biaya tahap ini {low} sampai {cost}.",
                   "{n} programs start; this stage costs {low} to {cost}."),
    "stage_line_free": ("{n} program dimulai; tidak ada biaya terjadwal pada tahap ini.",
                        "{n} programs start; nothing is spent in this stage."),
    "stage_envelope": ("Pagu: {envelope}.", "Envelope: {envelope}."),
    "years_intro": (
        "Selama RPJMD berjalan, program dirinci per tahun sebagai bahan RKPD; sesudahnya per "
        "tahap RPJMD berikutnya. Setiap program mencantumkan alasan penempatannya: regulasi "
        "yang mewajibkan, keputusan rencana, quick win, prasyarat bagi program lain atau "
        "peringkat prioritasnya, beserta pagu yang menampungnya.",
        "Within the current RPJMD the programs are set out year by year, as input to the "
        "RKPD; after it, by the phases of the next RPJMD. Every program states why it stands "
        "where it does: the regulation that requires it, the plan's decision, a quick win, a "
        "prerequisite of another program or its priority rank, and the envelope that "
        "carries it."),
    "overview_text_new": (
        "Peta jalan ini menjabarkan masterplan {region} {start}–{end} menurut periode RPJMD: "
        "rinci per tahun selama RPJMD {rpjmd_start}–{rpjmd_end}, per tahap sesudahnya. "
        "Program dimulai {first}: {scheduled} terjadwal, termasuk {quick_wins} quick win; "
        "{unfunded} tidak terdanai dan {beyond} belum terjadwal, masing-masing dengan "
        "alasannya. Rencana belum mencatat program yang sudah berjalan.",
        "This roadmap sets out the {start}–{end} masterplan of {region} by RPJMD period: "
        "year by year within the RPJMD {rpjmd_start}–{rpjmd_end}, by phase after it. "
        "Programs start in {first}: {scheduled} are scheduled, including {quick_wins} quick "
        "wins; {unfunded} are unfunded and {beyond} not scheduled, each with its reason. The "
        "plan records no program already running."),
    "baseline_intro": (
        "{n} program berikut sudah berjalan sebelum {first}. Program ini tidak diusulkan "
        "lagi; program baru dibangun di atasnya.",
        "These {n} programs were running before {first}. They are not proposed again; new "
        "programs build on them."),
    "mandates_intro": (
        "Program yang diwajibkan regulasi dijadwalkan lebih dahulu, apa pun bobotnya, dan "
        "harus dimulai paling lambat {deadline}, tahun terakhir RPJMD berjalan.",
        "Programs a regulation requires are scheduled first, whatever their weight, and must "
        "start by {deadline}, the last year of the current RPJMD."),
    "mandate_existing": ("sudah berjalan", "already running"),
    "mandate_on_time": ("terpenuhi (paling lambat {year})", "met (by {year})"),
    "mandate_late": ("terlambat (batas {year})", "late (deadline {year})"),
    "owners_load_intro": (
        "Setiap program memiliki satu OPD penanggung jawab. Paling banyak {per_year} program "
        "dimulai setiap tahun; batas per OPD (bila ditetapkan) berlaku juga untuk quick win. "
        "Tabel menunjukkan jumlah program yang dimulai setiap OPD per tahun.",
        "Every program has one responsible agency. At most {per_year} programs start each "
        "year; an agency's own limit (where set) covers quick wins too. The table shows the "
        "programs each agency starts per year."),
    "owner_programs_caption": ("Program {owner}", "Programs of {owner}"),
    "owners_load_caption": ("Program yang dimulai per OPD dan tahun",
                            "Programs started by agency and year"),
    "warnings_planner": ("Perlu diperhatikan perencana", "For the planner's attention"),
    "missing_heading": ("Prasyarat yang belum tersedia", "Prerequisites nothing provides"),
    "missing_intro": (
        "Program berikut membutuhkan dokumen atau data yang tidak disediakan program mana pun "
        "dan belum tercatat sebagai kondisi awal. Pastikan tersedia sebelum program dimulai.",
        "These programs need a document or data that no program provides and that is not "
        "recorded as in place. Make sure it exists before the program starts."),
    "missing_item": ("Program {n} ({title}) membutuhkan {artefact}.",
                     "Program {n} ({title}) needs {artefact}."),
    "dep_scheduled": ("prasyarat dijadwalkan lebih dahulu", "prerequisite scheduled first"),
    "dep_existing": ("sudah tersedia (program berjalan)", "in place (a running program)"),
    "dep_fact": ("sudah tersedia menurut statistik resmi", "in place by official statistics"),
    "dep_unfunded": ("prasyarat tidak terdanai", "prerequisite unfunded"),
    "dep_beyond": ("prasyarat belum terjadwal", "prerequisite not scheduled"),
    "dep_missing": ("belum tersedia: perlu diverifikasi", "missing: to be verified"),
    "beyond_heading": ("Program yang belum terjadwal", "Programs not scheduled"),
    "beyond_none": ("Semua program lain terjadwal.", "Every other program is scheduled."),
    "method_planning_text_v2": (
        "Program diusulkan bila skor indikatornya di bawah ambang program (atau skor "
        "target); program wajib dan program yang dipatok rencana selalu diusulkan, program "
        "yang sudah berjalan tidak pernah. Prioritas = faktor dorongan × (suku indeks + suku "
        "warga) ÷ poin upaya: suku indeks adalah poin indeks yang ditambahkan program "
        "(bobot efektif × min(tambahan skor, kesenjangan)) dibagi yang terbesar di antara "
        "usulan, suku warga 0, ⅓, ⅔ atau 1 menurut dampak langsungnya bagi warga. Penjadwalan "
        "per tahun: program yang dipatok, lalu program wajib, quick win, kemudian sisanya "
        "menurut prioritas, paling banyak {capacity} program dimulai per tahun, setelah "
        "prasyaratnya selesai dan bila pagu sumber dananya cukup. Quick win paling banyak "
        "{quick_wins}. Durasi: quick win dan jangka pendek 1 tahun, menengah 2 tahun, "
        "panjang 3 tahun. Proyeksi menambahkan tambahan skor setiap program secara merata "
        "selama durasinya, lalu menghitung ulang pilar dan indeks dengan metode agregasi "
        "yang sama.",
        "A program is proposed when its indicator scores below the program's threshold (or "
        "the target score); mandatory programs and those the plan pins are always proposed, "
        "programs already running never. Priority = boost × (index term + citizen term) ÷ "
        "effort points: the index term is the index points the program adds (effective "
        "weight × min(score gain, gap)) divided by the largest among the proposals, the "
        "citizen term 0, ⅓, ⅔ or 1 by how directly citizens feel it. Year by year the "
        "pinned programs come first, then the mandatory ones, the quick wins and the rest "
        "by priority, at most {capacity} starting a year, after their prerequisites have "
        "ended and when their funding sources' envelopes allow. At most {quick_wins} quick "
        "wins. Duration: quick win and short 1 year, medium 2 years, long 3 years. The "
        "projection adds each program's score gain evenly over its duration, then "
        "recomputes the pillars and the index with the same aggregation."),
    # --- the planner's reasons and warnings (planning/planner.py, roadmap_json.py) ---------
    # a scheduled program: "{year}: {why}; {money}", then what held it back in earlier years
    "reason_scheduled": ("{year}: {why}; {money}", "{year}: {why}; {money}"),
    "reason_held_back": ("{reason}; tertunda dari {block}", "{reason}; held back from {block}"),
    "reason_pinned": ("dipatok pada {year} oleh rencana", "pinned to {year} by the plan"),
    "reason_mandatory": ("wajib menurut {regulation}", "mandatory under {regulation}"),
    "reason_quick_win": ("quick win dimensi {dimension}",
                         "quick win of the {dimension} dimension"),
    "reason_prerequisite": ("prasyarat bagi {waiting}", "prerequisite of {waiting}"),
    "reason_priority": ("prioritas {rank} dari {count}", "priority {rank} of {count}"),
    "reason_boosted": ("{why} (didorong ×{factor})", "{why} (boosted ×{factor})"),
    "reason_no_budget": ("tanpa batas pagu", "no budget limit set"),
    "reason_budget_allows": ("pagu {sources} {years} cukup", "budget {sources} {years} allows"),
    # a program not scheduled, and what stopped it ("{year}: {block}" for the first year)
    "reason_unfunded": ("tidak terdanai: {block}", "unfunded: {block}"),
    "reason_beyond": ("belum terjadwal: {block}", "beyond the horizon: {block}"),
    "reason_blocked_in": ("{year}: {block}", "{year}: {block}"),
    "block_cycle": ("ketergantungan melingkar antarprogram", "the prerequisites form a cycle"),
    "block_does_not_fit": ("tidak muat dalam masterplan", "does not fit"),
    "block_waits": ("menunggu {action}", "waits for {action}"),
    "block_waits_until": ("menunggu {action} ({start}–{end})",
                          "waits for {action} ({start}–{end})"),
    "block_past_end": ("akan selesai {end}, setelah akhir masterplan {last}",
                       "would end in {end}, after the masterplan ends in {last}"),
    "block_capacity": ("kapasitas {limit} program per tahun penuh",
                       "the capacity of {limit} starts a year is used"),
    "block_owner_limit": ("batas {owner} {limit} program per tahun",
                          "{owner} may start {limit} a year"),
    "block_money": ("biaya {cost} melebihi sisa pagu {sources} {year} ({left})",
                    "its cost of {cost} exceeds what is left of {sources} in {year} ({left})"),
    # the planner's warnings
    "warn_mandatory_late": (
        "{action} wajib menurut {regulation} tetapi tidak dapat dimulai sampai {deadline}",
        "{action} is mandatory under {regulation} but cannot start by {deadline}"),
    "warn_no_envelope": (
        "anggaran rencana tidak memuat pagu untuk {span}: program berbiaya tidak dapat "
        "berjalan pada tahun tersebut",
        "the plan's budget has no envelope for {span}: no program that costs money can run "
        "then"),
    "warn_pin_moved": ("{action} dipatok {pinned} tetapi baru dapat dimulai {start}",
                       "{action} is pinned to {pinned} but can only start in {start}"),
    "warn_pin_unscheduled": ("{action} dipatok {pinned} tetapi tidak dapat dijadwalkan",
                             "{action} is pinned to {pinned} but cannot be scheduled"),
    # a stage's label (roadmap.json) and a program already running or done (its reason)
    "stage_label_baseline": ("{span} (kondisi awal)", "{span} (baseline)"),
    "stage_label_rpjmd": ("{span} (RPJMD {start}–{end})", "{span} (RPJMD {start}–{end})"),
    "existing_reason": ("sudah {status}", "already {status}"),
    "existing_reason_since": ("sudah {status} sejak {year}", "already {status} since {year}"),
}
