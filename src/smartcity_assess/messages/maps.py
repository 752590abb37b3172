"""Texts of the maps chapter, the problem layers, the sources and the citizens' scorecard
(``warga``), and of their notices: part of the one catalogue in :mod:`smartcity_assess.messages`.

Like every report text they may hold ``{name}`` placeholders and must not contain ``<``,
``>`` or ``&``. The citizens' scorecard is written for residents: plain words, no method.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the maps chapter of the masterplan ------------------------------------------------
    "ch_areas": ("Peta Wilayah", "Areas on the Map"),
    "areas_intro": (
        "Bab ini memecah hasil {region} per wilayah ({count} wilayah). Nilai suatu wilayah "
        "dihitung dengan cara yang sama seperti nilai daerah, dari jawaban responden yang "
        "tinggal di wilayah itu. Nilai daerah tidak berubah karena pemecahan ini.",
        "This chapter breaks the results of {region} down by area ({count} areas). An "
        "area's score is made the same way as the region's, from the answers of the "
        "respondents who live there. The region's score does not change with the breakdown."),
    "areas_region_wide": (
        "Data yang hanya ada untuk seluruh daerah (statistik resmi, penilaian mandiri OPD) "
        "dipakai dengan nilai daerah di setiap wilayah dan tidak membedakan wilayah. Kolom "
        "“diukur di wilayah” menunjukkan berapa bagian bobot nilai yang benar-benar diukur "
        "di wilayah itu: dua wilayah yang hanya berbeda sedikit pada kolom itu berbeda hanya "
        "pada bagian tersebut. Indikator yang dijawab per wilayah tidak pernah diisi dengan "
        "nilai daerah: wilayah tanpa jawaban untuk indikator itu tidak dinilai untuknya.",
        "Data that exists for the whole region only (official statistics, the agencies' "
        "self-assessment) enters every area with the region's value and does not tell areas "
        "apart. The column “measured in the area” shows how much of the score's weight was "
        "actually measured in the area: two areas differ only in that part. An indicator "
        "answered by area is never filled with the region's value: an area without answers "
        "to it is not assessed on it."),
    "areas_rule": (
        "Wilayah dengan kurang dari {n} responden survei tidak diberi nilai (“tidak cukup "
        "jawaban”): angka dari sedikit orang tidak stabil dan dapat membuka jawaban pribadi "
        "tetangga. Batas {n} mengikuti standar pelaporan angka kecil dinas kesehatan Negara "
        "Bagian Washington, Amerika Serikat (2018).",
        "Areas with fewer than {n} survey respondents get no score (“not enough answers”): "
        "figures from few people are unstable and can reveal the answers of neighbours. The "
        "limit of {n} follows the Washington State Department of Health's small-numbers "
        "standard (2018)."),
    "areas_no_boundaries": (
        "Tabel ini belum bergambar peta: tambahkan berkas batas wilayah (GeoJSON) dengan "
        "opsi --boundaries.",
        "This table has no map yet: add a boundary file (GeoJSON) with the --boundaries "
        "option."),
    "areas_match_h": ("Pencocokan wilayah dengan berkas batas",
                      "Matching areas to the boundary file"),
    "areas_all_matched": (
        "Semua {count} wilayah dalam data ditemukan di berkas batas {file}.",
        "All {count} areas in the data were found in the boundary file {file}."),
    "areas_not_in_file": (
        "Wilayah dalam data yang tidak ada di berkas batas {file} ({count}); jawabannya "
        "hanya dihitung untuk daerah:",
        "Areas in the data that the boundary file {file} lacks ({count}); their answers count "
        "for the region only:"),
    "areas_did_you_mean": ("mungkin maksudnya: {names}", "did you mean: {names}"),
    "areas_ambiguous": ("ada lebih dari satu: {names}", "more than one: {names}"),
    "areas_not_in_data": (
        "Wilayah di berkas batas tanpa data survei ({count}):",
        "Areas in the boundary file without survey data ({count}):"),
    "map_index_title": ("Nilai kesiapan per wilayah", "Readiness score by area"),
    "map_pillar_title": ("{pillar} per wilayah", "{pillar} by area"),
    "map_indicator_title": ("{indicator} per wilayah", "{indicator} by area"),
    "map_layer_title": ("Nilai kesiapan dan {layer}", "Readiness score and {layer}"),
    "map_bivariate_title": ("Kesiapan dan {layer}", "Readiness and {layer}"),
    "map_caption": (
        "Warna mengikuti predikat instrumen; wilayah berarsir: tidak cukup jawaban; putih: "
        "tidak ada data. Data lengkap ada di tabel di bawah peta.",
        "Colours follow the framework's grades; hatched areas: not enough answers; white: no "
        "data. The full data is in the table below the map."),
    "map_files": ("Berkas peta: {svg} dan {png}.", "Map files: {svg} and {png}."),
    "map_table_caption": ("Data peta: {title}", "Map data: {title}"),
    "col_area": ("Wilayah", "Area"),
    "col_kecamatan": ("Kecamatan", "Kecamatan"),
    "col_respondents": ("Responden", "Respondents"),
    "col_complaints": ("Pengaduan", "Complaints"),
    "col_value_unit": ("Nilai ({unit})", "Value ({unit})"),
    "col_local": ("Diukur di wilayah", "Measured in the area"),
    "area_not_enough": ("Tidak cukup jawaban", "Not enough answers"),
    "area_no_data": ("Tidak ada data", "No data"),
    "map_north": ("U", "N"),
    "map_legend_score": ("Skor", "Score"),
    "map_alt_table_note": ("Data lengkap ada di tabel di bawah peta.",
                           "The full data is in the table below the map."),
    "map_credit": ("Batas wilayah: {source}", "Boundaries: {source}"),
    "map_credit_notice": ("Batas wilayah: {source} (lisensi: NOTICE.txt)",
                          "Boundaries: {source} (licence: NOTICE.txt)"),
    "map_low": ("rendah", "low"),
    "map_high": ("tinggi", "high"),
    "map_readiness": ("Kesiapan", "Readiness"),
    # --- problem layers --------------------------------------------------------------------
    "layers_h": ("Masalah di peta: {layer}", "Problems on the map: {layer}"),
    "layer_intro": (
        "Sumber: {source} ({date}). Angka per wilayah: {measure}. Peta pertama menggambar "
        "lapisan ini di atas nilai kesiapan; peta kedua menggabungkan keduanya.",
        "Source: {source} ({date}). Figure per area: {measure}. The first map draws this "
        "layer over the readiness score; the second combines both."),
    "layer_illustrative": ("ILUSTRATIF — bukan data resmi.", "ILLUSTRATIVE — not official data."),
    "layer_illustrative_short": ("ILUSTRATIF", "ILLUSTRATIVE"),
    "layer_outside": (
        "{count} titik berada di luar semua wilayah dan tidak dihitung untuk wilayah mana pun "
        "(baris {rows}).",
        "{count} points lie outside every area and count for none (rows {rows})."),
    "layer_unmatched": (
        "Wilayah dalam lapisan yang tidak ada di berkas batas: {areas}.",
        "Areas of the layer that the boundary file lacks: {areas}."),
    "layer_dengue": ("Kasus DBD", "Dengue cases"),
    "layer_flood": ("Kejadian banjir", "Flood events"),
    "layer_crime": ("Laporan kejahatan", "Crime reports"),
    "layer_complaints": ("Aduan warga", "Citizens' complaints"),
    "layer_generic": ("Lapisan {name}", "Layer {name}"),
    "unit_cases": ("kasus", "cases"),
    "unit_events": ("kejadian", "events"),
    "unit_reports": ("laporan", "reports"),
    "unit_complaints": ("aduan", "complaints"),
    "measure_count": ("jumlah {unit}", "number of {unit}"),
    "measure_per_km2": ("{unit} per km²", "{unit} per km²"),
    "measure_per_100k": ("{unit} per 100.000 penduduk", "{unit} per 100,000 residents"),
    "measure_value": ("nilai dari berkas", "the file's value"),
    "priority_h": ("Di mana kesiapan rendah dan {layer} tinggi?",
                   "Where is readiness low and {layer} high?"),
    "priority_intro": (
        "Setiap wilayah dibagi tiga kelas untuk kesiapan dan tiga kelas untuk masalah "
        "(sepertiga wilayah per kelas). Prioritas = kelas masalah + kelas kesiapan, dari 6 "
        "(kesiapan rendah, masalah tinggi: tangani dulu) sampai 2. Dengan sedikit wilayah, "
        "kelas-kelas ini kasar: bacalah tabelnya, bukan hanya warnanya.",
        "Every area is put into three classes of readiness and three of the problem (a third "
        "of the areas each). Priority = problem class + readiness class, from 6 (readiness "
        "low, problem high: act here first) to 2. With few areas the classes are coarse: read "
        "the table, not only the colours."),
    "col_readiness": ("Kesiapan", "Readiness"),
    "col_readiness_class": ("Kelas kesiapan", "Readiness class"),
    "col_problem_class": ("Kelas masalah", "Problem class"),
    "class_high": ("tinggi", "high"),
    "class_middle": ("sedang", "middle"),
    "class_low": ("rendah", "low"),
    # --- complaints in the methodology annex -----------------------------------------------
    "complaints_h": ("Indikator aduan dari ekspor pengaduan", "Complaint indicators from an "
                     "export of complaints"),
    "complaints_method": (
        "Tiga indikator umpan balik diukur dari ekspor {source}, bukan ditanyakan: {total} "
        "aduan yang diterima pada {year} ({archived} diarsipkan dan tidak dihitung). Selesai: "
        "{closed}; median hari sampai selesai: {days}; pelapor yang mendapat jawaban: "
        "{answered}. Angka ini menggantikan jawaban lain untuk ketiga indikator. {areas} "
        "wilayah dengan sedikitnya 5 aduan mendapat angka sendiri.",
        "Three feedback-loop indicators are measured from the export {source}, not asked: "
        "{total} complaints received in {year} ({archived} archived and not counted). Closed: "
        "{closed}; median days to close: {days}; reporters who got an answer: {answered}. "
        "These figures replace any other answer to the three indicators. {areas} areas with "
        "at least 5 complaints get figures of their own."),
    "complaints_nowhere": (
        "{count} aduan tidak dapat ditempatkan di wilayah mana pun (tanpa lokasi atau di luar "
        "berkas batas) dan hanya dihitung untuk daerah.",
        "{count} complaints could not be placed in any area (no location, or outside the "
        "boundary file) and count for the region only."),
    # --- sources and freshness -------------------------------------------------------------
    "ch_sources": ("Sumber Data dan Kebaruannya", "Data Sources and How Fresh They Are"),
    "sources_intro": (
        "Setiap sumber diberi tanggal dari isinya (tahun survei, tanggal aduan atau kejadian "
        "terakhir) atau dari tanggal yang dinyatakan berkasnya, tidak pernah dari tanggal "
        "berkas di komputer.",
        "Each source is dated by its content (the survey year, the latest complaint or "
        "event) or by a date the file declares, never by the file's date on a computer."),
    "sources_max_age": (
        "Rencana membolehkan sumber berumur paling lama {max_age} pada tanggal laporan "
        "({date}); sumber yang lebih tua ditandai.",
        "The plan allows sources at most {max_age} old on the report's date ({date}); older "
        "sources are flagged."),
    "sources_no_max_age": (
        "Rencana tidak menetapkan umur maksimum sumber (max_age), sehingga tidak ada sumber "
        "yang ditandai usang.",
        "The plan sets no maximum age for sources (max_age), so no source is flagged as "
        "stale."),
    "sources_stale_count": (
        "{count} sumber lebih tua dari batas itu: perbarui sebelum memakai hasilnya.",
        "{count} source(s) are older than that: update them before relying on the results."),
    "col_kind": ("Jenis", "Kind"),
    "col_data_date": ("Tanggal data", "Date of the data"),
    "col_basis": ("Dasar tanggal", "Dated by"),
    "col_state": ("Keadaan", "State"),
    "kind_survey": ("Survei atau statistik", "Survey or statistics"),
    "kind_layer": ("Lapisan masalah", "Problem layer"),
    "kind_complaints": ("Ekspor aduan", "Complaints export"),
    "kind_boundaries": ("Batas wilayah", "Boundaries"),
    "basis_data": ("isi data", "the data"),
    "basis_declared": ("tanggal dalam berkas", "a date in the file"),
    "basis_unknown": ("tidak diketahui", "unknown"),
    "state_fresh": ("mutakhir", "fresh"),
    "state_stale": ("USANG (lebih tua dari {max_age})", "STALE (older than {max_age})"),
    "state_no_date": ("tanpa tanggal", "no date"),
    "state_unchecked": ("–", "–"),
    "age_years": ("{n} tahun", "{n} year(s)"),
    "age_months": ("{n} bulan", "{n} month(s)"),
    "age_days": ("{n} hari", "{n} day(s)"),
    # --- the citizens' scorecard (warga) ---------------------------------------------------
    "warga": ("Rapor Smart City untuk Warga", "Smart City Scorecard for Citizens"),
    "warga_kicker": ("{region} · hasil penilaian {year}", "{region} · assessed in {year}"),
    "warga_measured_h": ("Apa yang diukur?", "What was measured?"),
    "warga_measured": (
        "Seberapa siap {region} memakai teknologi untuk melayani warga. Kami bertanya kepada "
        "{people} warga dan pelaku usaha, {offices} petugas pemerintah daerah, dan memakai "
        "data resmi. Hasilnya satu nilai dari 0 sampai 100.",
        "How ready {region} is to use technology to serve its residents. We asked {people} "
        "residents and business owners and {offices} local government staff, and used "
        "official figures. The result is one score from 0 to 100."),
    "warga_measured_total": (
        "Seberapa siap {region} memakai teknologi untuk melayani warga. Kami memakai jawaban "
        "{people} responden dan data resmi. Hasilnya satu nilai dari 0 sampai 100.",
        "How ready {region} is to use technology to serve its residents. We used the answers "
        "of {people} respondents and official figures. The result is one score from 0 to "
        "100."),
    "warga_stand_h": ("Bagaimana posisi {region}?", "How does {region} stand?"),
    "warga_score": ("Nilai: {score} dari 100 — {band}", "Score: {score} out of 100 — {band}"),
    "warga_no_score": ("Belum ada nilai: datanya belum cukup.",
                       "No score yet: there is not enough data."),
    "warga_best_worst": ("Paling kuat: {best}. Paling perlu dibenahi: {worst}.",
                         "Strongest: {best}. Most in need of work: {worst}."),
    "warga_changes_h": ("Tiga hal yang akan berubah pada {year}",
                        "Three things that will change in {year}"),
    "warga_change": ("{owner}, selesai paling lambat {when}", "{owner}, done by {when}"),
    "warga_changes_none": ("Belum ada program cepat yang dijadwalkan tahun ini.",
                           "No quick program is scheduled this year."),
    "warga_report_h": ("Ada masalah? Laporkan", "A problem? Report it"),
    "warga_report_none": ("Daftar kanal pengaduan belum diisi dalam rencana.",
                          "The plan lists no complaint channels yet."),
    "warga_answered_h": ("Bagaimana laporan dijawab pada {year}",
                         "How reports were answered in {year}"),
    "warga_answered": (
        "{total} laporan masuk. {closed} selesai ditangani, separuh di antaranya dalam "
        "{days} hari atau kurang.",
        "{total} reports came in. {closed} were resolved, half of them within {days} days "
        "or less."),
    "warga_answered_plain_h": ("Bagaimana laporan warga dijawab", "How reports were answered"),
    "warga_answered_reply": ("{answered} pelapor mendapat jawaban.",
                             "{answered} of reporters got an answer."),
    "warga_answered_share": ("{closed} laporan selesai ditangani.",
                             "{closed} of reports were resolved."),
    "warga_answered_none": ("Belum ada angka tentang jawaban atas laporan warga.",
                            "There are no figures yet on how reports were answered."),
    "warga_map_h": ("Nilai per kecamatan", "Score by kecamatan"),
    "warga_areas_summary": ("Nilai setiap kecamatan", "Every kecamatan's score"),
    "warga_col_score": ("Nilai", "Score"),
    "warga_map_note": (
        "Berarsir: terlalu sedikit jawaban untuk diberi nilai. Rincian setiap kecamatan "
        "ada di masterplan.",
        "Hatched: too few answers for a score. The details of every kecamatan are in the "
        "masterplan."),
    "warga_more": ("Laporan lengkap: {file}. Diterbitkan {date}.",
                   "Full report: {file}. Published {date}."),
    "channel_app": ("Aplikasi", "App"),
    "channel_web": ("Situs web", "Website"),
    "channel_whatsapp": ("WhatsApp", "WhatsApp"),
    "channel_sms": ("SMS", "SMS"),
    "channel_phone": ("Telepon", "Phone"),
    "channel_social": ("Media sosial", "Social media"),
    "channel_office": ("Datang langsung", "In person"),
    # --- notices ---------------------------------------------------------------------------
    "notice_complaints_replaced": (
        "{where}: {indicator} diukur dari {source}; {count} jawaban lain untuk indikator itu "
        "digantikan",
        "{where}: {indicator} is measured from {source}; {count} other answer(s) to it were "
        "replaced"),
    "notice_complaints_none_in_year": (
        "{where}: {source} tidak memuat aduan yang diterima pada {year}; indikator aduan "
        "tidak diukur darinya",
        "{where}: {source} holds no complaint received in {year}; the complaint indicators "
        "are not measured from it"),
    "notice_complaints_not_scored": (
        "instrumen ini tidak memiliki indikator dampak.aduan_*: {source} hanya dipakai untuk "
        "peta",
        "the indicator set has no dampak.aduan_* indicators: {source} is used for maps only"),
    "notice_areas_not_in_file": (
        "{where}: {count} wilayah dalam data tidak ada di berkas batas {file}: {areas}",
        "{where}: {count} area(s) in the data are not in the boundary file {file}: {areas}"),
    "notice_areas_not_in_data": (
        "{where}: {count} wilayah di berkas batas {file} tidak punya data survei: {areas}",
        "{where}: {count} area(s) of the boundary file {file} have no survey data: {areas}"),
    "notice_stale_source": (
        "sumber {source} bertanggal {date}, lebih tua dari batas rencana {max_age}",
        "the source {source} is dated {date}, older than the plan's limit of {max_age}"),
}
"""Text key → (Indonesian, English)."""
