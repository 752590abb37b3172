"""Texts of the blank survey forms (``survey template``, ``init``): part of the one catalogue
in :mod:`smartcity_assess.messages`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "form_col_id": ("id", "id"),
    "form_col_pillar": ("pilar", "pillar"),
    "form_col_question": ("pertanyaan", "question"),
    "form_col_type": ("jenis", "type"),
    "form_col_unit": ("satuan", "unit"),
    "form_col_allowed": ("nilai yang diterima", "allowed values"),
    "form_col_levels": ("rubrik tingkat", "rubric levels"),
    "form_col_who": ("diisi oleh", "who answers"),
    "form_everyone": ("semua responden", "all respondents"),
    "form_type_number": ("angka", "number"),
    "form_type_percent": ("persen (0–100)", "percent (0–100)"),
    "form_type_likert": ("skala", "scale"),
    "form_type_boolean": ("ya/tidak", "yes/no"),
    "form_type_choice": ("pilihan", "choice"),
    "form_any_number": ("angka berapa pun", "any number"),
    "form_error_title": ("Nilai tidak valid", "Invalid value"),
    "form_error": ("Nilai ini tidak diterima untuk indikator ini. Lihat lembar Questions.",
                   "This value is not accepted for this indicator. See the Questions sheet."),
    "form_year_error": ("Tahun harus bilangan bulat 1900–2100.",
                        "The year must be a whole number from 1900 to 2100."),
    "form_allowed_from": ("dari {low} sampai {high}", "from {low} to {high}"),
    "form_how_title": ("Cara mengisi formulir survei ini", "How to fill in this survey form"),
    "form_how_1": (
        "1. Setiap peran punya lembarnya sendiri (warga, umkm, opd, asn, statistik). Isi "
        "lembar peran responden: satu baris per responden, mulai dari baris 5. Jangan ubah "
        "baris 1 sampai 4 (peran, pertanyaan, jawaban yang diterima, kode kolom) dan jangan "
        "ubah urutan atau nama kolom.",
        "1. Each role has a sheet of its own (warga: residents, umkm: MSME owners, opd: "
        "agencies, asn: civil servants, statistik: official statistics). Fill in the "
        "respondent's role's sheet: one row per respondent, from row 5. Do not change rows 1 "
        "to 4 (role, questions, accepted answers, column codes), and do not rename or reorder "
        "the columns."),
    "form_how_2": (
        "2. region: nama kabupaten/kota (wajib, ditulis sama persis di setiap baris). year: "
        "tahun penilaian, misalnya 2025. respondent: kode responden (unik per orang; boleh "
        "kosong). Peran responden sudah ditentukan oleh lembarnya (baris 1): tidak ada kolom "
        "peran.",
        "2. region: the regency or city (required, spelt the same on every row). year: the "
        "assessment year, e.g. 2025. respondent: a respondent code (one per person; may be "
        "left empty). The respondent's role is set by the sheet (row 1): there is no role "
        "column."),
    "form_how_3": (
        "3. Setiap kolom berikutnya adalah satu pertanyaan: teksnya di baris 2, jawaban yang "
        "diterima di baris 3. Lembar Pertanyaan memuat semua pertanyaan, nilai yang diterima "
        "dan rubrik tingkatnya.",
        "3. Every further column is one question: its text is in row 2, the answers it "
        "accepts in row 3. The Questions sheet lists every question, its allowed values and "
        "its rubric levels."),
    "form_how_4": (
        "4. Sel kosong berarti tidak dijawab (begitu juga NA atau N/A). Jangan isi 0 bila "
        "maksudnya tidak tahu.",
        "4. An empty cell means not answered (so do NA and N/A). Do not write 0 to mean "
        "'don't know'."),
    "form_how_5": (
        "5. Angka boleh memakai koma desimal (72,5) atau titik (72.5). Persen ditulis 0–100, "
        "boleh dengan tanda %.",
        "5. Numbers may use a decimal comma (72,5) or point (72.5). Percentages are 0–100, "
        "with or without a % sign."),
    "form_how_6": (
        "6. Ya/tidak: ya, tidak, yes, no, 1 atau 0. Skala: salah satu tingkat yang tertera.",
        "6. Yes/no: yes, no, ya, tidak, 1 or 0. Scales: one of the levels listed."),
    "form_how_7": (
        "7. Jangan menggabungkan sel (merge) dan jangan memakai rumus: tulis nilainya.",
        "7. Do not merge cells and do not use formulas: type the values."),
    "form_how_8": (
        "8. Simpan sebagai .xlsx dengan semua lembarnya; lembar peran yang tidak diisi "
        "dilewati. Periksa dengan: smartcity-assess validate FILE",
        "8. Save as .xlsx with all its sheets; a role's sheet left empty is skipped. Check the "
        "file with: smartcity-assess validate FILE"),
    # --- forms per role (survey/form.py, questionnaire, workbook, XLSForm) --------------------
    "form_role_warga": ("Warga", "Residents"),
    "form_role_umkm": ("Pelaku UMKM", "MSME owners"),
    "form_role_opd": ("Perangkat Daerah (OPD)", "Regional agencies (OPD)"),
    "form_role_asn": ("Aparatur Sipil Negara (ASN)", "Civil servants (ASN)"),
    "form_role_statistik": ("Statistik resmi", "Official statistics"),
    "form_note_warga": (
        "Diisi oleh pencacah bersama warga (penduduk berusia 17 tahun ke atas), satu formulir "
        "per orang.",
        "Filled in by an enumerator with a resident (aged 17 or over), one form per person."),
    "form_note_umkm": (
        "Diisi oleh pencacah bersama pemilik atau pengelola usaha mikro, kecil atau menengah, "
        "satu formulir per usaha.",
        "Filled in by an enumerator with the owner or manager of a micro, small or medium "
        "enterprise, one form per enterprise."),
    "form_note_opd": (
        "Diisi oleh pejabat yang ditunjuk di setiap Perangkat Daerah (penilaian mandiri), satu "
        "formulir per OPD.",
        "Filled in by the appointed official of each regional agency (self-assessment), one "
        "form per agency."),
    "form_note_asn": (
        "Diisi oleh Aparatur Sipil Negara, satu formulir per orang.",
        "Filled in by civil servants, one form per person."),
    "form_note_statistik": (
        "Diisi oleh Bappeda atau Diskominfo dari statistik resmi dan data yang dipublikasikan "
        "(BPS, kementerian, Pemda): satu baris per wilayah dan tahun, dengan sumber setiap "
        "angka.",
        "Filled in by Bappeda or Diskominfo from official statistics and published data (BPS, "
        "ministries, the Pemda): one row per region and year, with the source of every "
        "figure."),
    "form_note_other": ("Satu formulir per responden.", "One form per respondent."),
    "form_everybody_slug": ("semua", "all"),
    "form_yes": ("Ya", "Yes"),
    "form_no": ("Tidak", "No"),
    "form_for": ("Kuesioner untuk {role}", "Questionnaire for {role}"),
    "form_set": ("Instrumen: {title} ({id} versi {version})",
                 "Indicator set: {title} ({id} version {version})"),
    "form_respondent_heading": ("Keterangan responden", "About the respondent"),
    "form_field_region": ("Kabupaten/Kota", "Regency/city"),
    "form_field_year": ("Tahun penilaian", "Assessment year"),
    "form_field_respondent": ("Kode responden", "Respondent code"),
    "form_field_role": ("Peran", "Role"),
    "form_field_enumerator": ("Nama pencacah", "Enumerator"),
    "form_field_date": ("Tanggal pengisian", "Date"),
    "form_field_source": ("Sumber data", "Source"),
    "form_instructions_heading": ("Petunjuk pengisian", "How to fill in"),
    "form_q_1": (
        "Bacakan setiap pertanyaan apa adanya dan tandai satu jawaban.",
        "Read each question as it is written and mark one answer."),
    "form_q_2": (
        "Bila responden tidak tahu atau tidak mau menjawab, biarkan kosong: kosong berarti "
        "tidak dijawab, bukan 0.",
        "When the respondent does not know or does not want to answer, leave it empty: empty "
        "means not answered, not 0."),
    "form_q_3": (
        "Angka ditulis tanpa pemisah ribuan; persen ditulis 0–100.",
        "Write numbers without thousands separators; percentages from 0 to 100."),
    "form_q_4": (
        "Kode kolom di bawah setiap pertanyaan adalah nama kolomnya di lembar isian dan "
        "formulir elektronik.",
        "The column code under each question is its column in the workbook and in the "
        "electronic form."),
    "form_column": ("Kode kolom", "Column code"),
    "form_answer": ("Jawaban", "Answer"),
    "form_range": ("dari {low} sampai {high}", "from {low} to {high}"),
    "form_footer": ("Dibuat dengan {tool} {version} dari {set} versi {set_version}.",
                    "Made with {tool} {version} from {set} version {set_version}."),
    "form_sheet_questions": ("Pertanyaan", "Questions"),
    "form_sheet_instructions": ("Petunjuk", "Instructions"),
    "form_role_line": ("peran: {role}", "role: {role}"),
    "form_help_likert": ("pilih satu: {levels}", "choose one: {levels}"),
    "form_help_boolean": ("ya / tidak", "yes / no"),
    "form_help_choice": ("pilih satu: {choices}", "choose one: {choices}"),
    "form_help_number": ("angka {range}", "a number {range}"),
    "form_help_any": ("angka", "a number"),
    "form_constraint": ("Nilai di luar rentang yang diterima ({range}).",
                        "The value is outside the accepted range ({range})."),
    "form_year_hint": ("Tahun penilaian, misalnya 2025.", "The assessment year, e.g. 2025."),
    "form_respondent_hint": ("Kode unik per orang atau per OPD; boleh kosong.",
                             "A code unique to each person or agency; may be left empty."),
}
"""Text key → (Indonesian, English)."""
