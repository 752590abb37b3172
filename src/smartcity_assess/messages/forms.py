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
        "1. Isi lembar Survey: satu baris per responden, mulai dari baris 2. Jangan ubah baris "
        "judul (baris 1) dan jangan ubah urutan atau nama kolom.",
        "1. Fill in the Survey sheet: one row per respondent, starting at row 2. Do not change "
        "the header (row 1), and do not rename or reorder its columns."),
    "form_how_2": (
        "2. region: nama kabupaten/kota (wajib, sama persis di setiap baris). year: tahun "
        "penilaian, misalnya 2025. respondent: kode responden (unik per orang; boleh kosong). "
        "role: peran responden, misalnya opd, asn, warga, umkm.",
        "2. region: the regency or city (required, spelt the same on every row). year: the "
        "assessment year, e.g. 2025. respondent: a respondent code (one per person; may be "
        "left empty). role: the respondent's role, e.g. opd, asn, citizen, msme."),
    "form_how_3": (
        "3. Setiap kolom berikutnya adalah satu indikator. Arahkan kursor ke judul kolom untuk "
        "membaca pertanyaannya; lembar Questions memuat semua pertanyaan, nilai yang diterima "
        "dan rubrik tingkatnya.",
        "3. Every further column is one indicator. Point at a column header to read its "
        "question; the Questions sheet lists every question, its allowed values and its "
        "rubric levels."),
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
        "8. Simpan sebagai .xlsx, atau sebagai CSV UTF-8. Periksa dengan: "
        "smartcity-assess validate FILE",
        "8. Save as .xlsx, or as CSV UTF-8. Check the file with: "
        "smartcity-assess validate FILE"),
}
"""Text key → (Indonesian, English)."""
