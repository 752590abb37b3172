"""Texts of the terminal — scorecard tables, ``compare``, ``criteria show``, progress and
the notices of every command — and of ``compare``'s Markdown: part of the one catalogue in
:mod:`smartcity_assess.messages`.

Errors about bad input are not here: they stay English (see the package text).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- notices of the commands (cli/) ------------------------------------------------------
    "cli_wrote": ("ditulis: {path}", "wrote {path}"),
    "cli_wrote_form": ("ditulis: {path} ({n} indikator)", "wrote {path} ({n} indicators)"),
    "cli_wrote_forms": ("ditulis: {n} formulir, satu per peran, ke {folder}",
                        "wrote {n} forms, one per role, into {folder}"),
    "cli_created": ("dibuat: {path}", "created {path}"),
    "cli_init_next": ("berikutnya: cd {folder} && smartcity-assess run",
                      "next: cd {folder} && smartcity-assess run"),
    "cli_warning": ("peringatan", "warning"),
    "cli_error": ("galat", "error"),
    "cli_note": ("catatan", "note"),
    "cli_more_warnings_json": ("… dan {n} peringatan lain (semuanya ada di --format json)",
                               "… and {n} more warnings (all of them are in --format json)"),
    "cli_more_warnings_scores": ("… dan {n} peringatan lain (semuanya ada di scores.json)",
                                 "… and {n} more warnings (all of them are in scores.json)"),
    "cli_sensitivity_not_in_csv": (
        "catatan: hasil --sensitivity hanya ditampilkan dalam format table, json dan md",
        "note: --sensitivity results are shown in the table, json and md formats only"),
    "cli_view_not_in_format": (
        "catatan: --view ditampilkan dalam tabel terminal; --format json memuatnya di "
        "views.{view}",
        "note: --view is shown in the terminal table; --format json has it under views.{view}"),
    "cli_fewer_draws": (
        "catatan: {answers} jawaban: {draws} ulangan bootstrap, bukan {default}, agar tabel "
        "tetap cepat; --bootstrap N untuk memilih",
        "note: {answers} answers: {draws} bootstrap draws instead of {default} to keep the "
        "table quick; --bootstrap N chooses"),
    "cli_no_draws": (
        "catatan: {answers} jawaban: tanpa interval bootstrap agar tabel tetap cepat; "
        "--bootstrap N untuk memilih",
        "note: {answers} answers: no bootstrap intervals to keep the table quick; "
        "--bootstrap N chooses"),
    "cli_threshold_not_met": ("ambang tidak tercapai: indeks {region} {found} < {limit}",
                              "threshold not met: {region} index {found} < {limit}"),
    "cli_run_wrote": ("ditulis {n} berkas ke {folder}", "wrote {n} files into {folder}"),
    "cli_run_wrote_removed": (
        "ditulis {n} berkas ke {folder}, {removed} berkas sisa proses sebelumnya dihapus",
        "wrote {n} files into {folder}, removed {removed} left from an earlier run"),
    "cli_errors_failed": ("{n} asersi galat gagal", "{n} error assertions failed"),
    "cli_one_error_failed": ("1 asersi galat gagal", "1 error assertion failed"),
    "cli_also_warnings": ("({n} peringatan)", "({n} warnings)"),
    "cli_also_one_warning": ("(1 peringatan)", "(1 warning)"),
    "cli_all_pass": ("semua asersi galat lulus", "all error assertions pass"),
    "cli_progress_reports": ("laporan", "reports"),
    "cli_report_set": (
        "ditulis {n} berkas ke {folder}: laporan {regions} wilayah-tahun, masing-masing di "
        "foldernya sendiri",
        "wrote {n} files into {folder}: the reports of {regions} region-years, one folder each"),
    "cli_report_set_overview": (
        "ditulis {n} berkas ke {folder}: laporan {regions} wilayah-tahun, masing-masing di "
        "foldernya sendiri, dan ikhtisarnya {overview}",
        "wrote {n} files into {folder}: the reports of {regions} region-years, one folder "
        "each, and the overview {overview}"),
    "cli_demo_banner": ("Kabupaten Tegal — DATA CONTOH (sintetis, untuk demonstrasi)",
                        "Kabupaten Tegal — SAMPLE DATA (synthetic, for demonstration)"),
    "cli_validate_file": ("{path}: ok — {format}, tata letak {layout}, {rows} baris",
                          "{path}: ok — {format}, {layout} layout, {rows} rows"),
    "cli_set_ok": ("{path}: ok — {set}, {pillars} pilar, {indicators} indikator",
                   "{path}: ok — {set}, {pillars} pillars, {indicators} indicators"),
    "cli_bundled_sets": ("Set indikator bawaan (pakai namanya dengan --criteria)",
                         "Bundled sets (use the name with --criteria)"),
    "cli_col_name": ("nama", "name"),
    "cli_col_version": ("versi", "version"),
    "cli_col_title": ("judul", "title"),
    "cli_col_source": ("sumber", "source"),
    "cli_col_indicators": ("indikator", "indicators"),
    # --- criteria show (cli/tree.py) ----------------------------------------------------------
    "tree_set": ("{set} · skala {scale} · {aggregation} · {n} indikator",
                 "{set} · scale {scale} · {aggregation} · {n} indicators"),
    "tree_bands": ("predikat: {bands}", "grades: {bands}"),
    "tree_group": ("[{id}] bobot {weight} · {aggregation}",
                   "[{id}] weight {weight} · {aggregation}"),
    "tree_indicator": ("[{id}] {type}, batas normalisasi {low}–{high}",
                       "[{id}] {type}, goalposts {low}–{high}"),
    "tree_target": ("target {target}", "target {target}"),
    "tree_weight": ("bobot {weight}", "weight {weight}"),
    # --- the scorecard (cli/scorecard.py) and why a score is missing (render/missing.py) ------
    "term_bootstrap_note": (
        "± = setengah lebar interval kepercayaan bootstrap {level} ({draws} ulangan, {basis} "
        "diambil ulang)",
        "± = half the width of the {level} bootstrap interval ({draws} draws, {basis} "
        "resampled)"),
    "term_col_indicators": ("Indikator", "Indicators"),
    "term_pillar_legend": ("Pilar: {items}", "Pillars: {items}"),
    "term_why": ("Mengapa ada skor yang kosong:", "Why some scores are missing:"),
    "term_missing_many": (
        "{n} wilayah-tahun punya skor yang kosong; misalnya {region}: {why}",
        "{n} region-years have missing scores; for example {region}: {why}"),
    "why_no_answers": ("{count} indikator tanpa jawaban", "{count} indicators have no answers"),
    "why_no_answers_one": ("{count} indikator tanpa jawaban", "{count} indicator has no answers"),
    "why_fewer": ("{count} indikator perlu {need} jawaban; ada {have}",
                  "{count} indicators need {need} answers; there are {have}"),
    "why_fewer_one": ("{count} indikator perlu {need} jawaban; ada {have}",
                      "{count} indicator needs {need} answers; there are {have}"),
    "why_coverage": ("{name}: cakupan {coverage}, di bawah minimum {minimum}",
                     "{name}: coverage {coverage}, below the minimum {minimum}"),
    "why_index": ("indeks: cakupan {coverage}, di bawah minimum {minimum}",
                  "the index: coverage {coverage}, below the minimum {minimum}"),
    "why_geometric_zero": ("{name}: rata-rata geometrik memuat skor 0 atau kurang",
                           "{name}: its geometric mean includes a score of 0 or less"),
    "why_the_index": ("indeks", "the index"),
    # --- score --view (cli/views.py) -------------------------------------------------------------
    "view_kominfo": ("Dimensi Kominfo", "Kominfo dimension"),
    "view_imdi": ("Pilar IMDI", "IMDI pillar"),
    "view_spbe": ("Indikator SPBE", "SPBE indicator"),
    "view_iso37122": ("ISO 37122", "ISO 37122"),
    "view_u4ssc": ("KPI U4SSC", "U4SSC KPI"),
    "view_caption": (
        "Skor kelompok = rata-rata skor indikatornya, berbobot bobot efektif indikator dalam "
        "indeks; cakupan = bagian bobot yang dinilai.",
        "Group score = mean of its indicator scores weighted by each indicator's effective "
        "weight in the index; coverage = share of that weight assessed."),
    # --- compare (compare.py, cli/compare.py) ---------------------------------------------------
    "cmp_title": ("Perbandingan", "Comparison"),
    "cmp_intro": ("{n} pasangan ({mode}: {sides}); masing-masing dibandingkan dengan sisi "
                  "{against}.",
                  "{n} pairs ({mode}: {sides}); each against the {against} side."),
    "cmp_intro_one": ("{n} pasangan ({mode}: {sides}); dibandingkan dengan sisi {against}.",
                      "{n} pair ({mode}: {sides}); each against the {against} side."),
    "cmp_mode_files": ("berkas", "files"),
    "cmp_mode_years": ("tahun", "years"),
    "cmp_mode_regions": ("wilayah", "regions"),
    "cmp_against_previous": ("sebelumnya", "previous"),
    "cmp_against_first": ("pertama", "first"),
    "cmp_from": ("Dari", "From"),
    "cmp_to": ("Ke", "To"),
    "cmp_delta_index": ("Δ indeks", "Δ index"),
    "cmp_rank": ("Peringkat", "Rank"),
    "cmp_note": ("Catatan", "Note"),
    "cmp_node": ("Komponen", "Node"),
    "cmp_kind": ("Jenis", "Kind"),
    "cmp_kind_index": ("indeks", "index"),
    "cmp_kind_pillar": ("pilar", "pillar"),
    "cmp_kind_dimension": ("dimensi", "dimension"),
    "cmp_kind_indicator": ("indikator", "indicator"),
    "cmp_break_reason": ("instrumen berubah: {old} → {new}",
                         "indicator set changed: {old} → {new}"),
    "cmp_break_cell": ("**jeda**: {reason}", "**break**: {reason}"),
    "cmp_break_plain": ("jeda: {reason}", "break: {reason}"),
    "cmp_break_detail": (
        "**Jeda**: {reason}. Selisihnya membandingkan skor yang dibuat dengan set indikator "
        "yang berbeda.",
        "**Break**: {reason}. Deltas compare scores made with different indicator sets."),
    "cmp_note_line": ("Catatan: {note}.", "Note: {note}."),
    "cmp_note_plain": ("catatan: {note}", "note: {note}"),
    "cmp_unmatched": ("Tidak dibandingkan (hanya ada di satu sisi)",
                      "Not compared (found on one side only)"),
    "cmp_unmatched_item": ("{key}: ada di {has}, tidak ada di {lacks}",
                           "{key}: in {has}, not in {lacks}"),
}
"""Text key → (Indonesian, English)."""
