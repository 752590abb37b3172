"""Survey instruments a field team can use: the forms per role, the printable questionnaire,
the XLSForm (converted by pyxform), and the exports of KoboToolbox read back as they are."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import Unused
from smartcity_assess.survey.form import build_form, form_roles
from smartcity_assess.survey.instruments import instruments
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.questionnaire import questionnaire_html
from smartcity_assess.survey.xlsform import xlsform, xlsform_rows

pytestmark = pytest.mark.slow  # pyxform, ODK Validate and whole survey template commands

V2 = load_indicator_set("smartcity-id")
BUNDLED = ("smartcity-id", "smartcity-id@1", "spbe-2020", "kominfo-evaluasi")
KOBO_METADATA = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
                 "_submitted_by", "__version__", "_tags", "_index"]
"""The columns KoboToolbox adds after the form's fields in every export."""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the forms --------------------------------------------------------------------------------


def test_the_roles_with_a_form() -> None:
    assert form_roles(V2) == ["warga", "umkm", "opd", "asn", "statistik"]
    assert form_roles(load_indicator_set("smartcity-id@1")) == [
        "citizen", "msme", "opd", "asn", "official"]
    assert form_roles(load_indicator_set("spbe-2020")) == [None]  # asks everybody everything


def test_a_form_holds_its_roles_questions_with_options() -> None:
    warga = build_form(V2, "warga", "id")
    ids = [q.id for q in warga.questions]
    assert len(ids) == 13 and ids[0] == "infra.signal_quality"
    assert all("warga" in V2.indicator_map()[i].roles for i in ids)
    likert = warga.questions[0]
    assert [(o.value, o.label) for o in likert.options] == [
        ("1", "1 — Sangat tidak setuju"), ("2", "2 — Tidak setuju"), ("3", "3 — Ragu-ragu"),
        ("4", "4 — Setuju"), ("5", "5 — Sangat setuju")]
    yes_no = build_form(V2, "warga", "en").questions[1]
    assert [(o.value, o.label) for o in yes_no.options] == [("ya", "Yes"), ("tidak", "No")]
    opd = build_form(V2, "opd", "id")
    centre = next(q for q in opd.questions if q.id == "infra.command_center")
    assert [o.value for o in centre.options] == ["belum-ada", "direncanakan", "sektoral",
                                                  "terpadu", "terpadu-dimanfaatkan"]
    assert centre.options[4].label == "Terpadu dimanfaatkan"
    wifi = next(q for q in build_form(V2, "statistik", "id").questions
                if q.id == "infra.public_wifi")
    assert (wifi.low, wifi.high, wifi.unit) == (0.0, 1000.0, "titik per 10.000 penduduk")


# -- the printable questionnaire --------------------------------------------------------------


def test_the_questionnaire_of_a_role() -> None:
    html = questionnaire_html(build_form(V2, "warga", "id"), region="Kabupaten Tegal",
                              year=2025)
    assert "<title>Kuesioner untuk Warga — Indeks Kesiapan dan Dampak Smart City</title>" in html
    assert "<td>Kabupaten Tegal</td>" in html and "<td>2025</td>" in html
    assert ("<h3>1. Sinyal internet (seluler atau Wi-Fi) di tempat tinggal saya cukup stabil "
            "untuk panggilan video.</h3>") in html
    assert "<li>4 — Setuju</li>" in html and "<code>infra.signal_quality</code>" in html
    assert html.count('<div class="question">') == 13
    assert "<script" not in html
    english = questionnaire_html(build_form(V2, "statistik", "en"))
    assert "Questionnaire for Official statistics" in english
    assert "Answer: <span class=\"line\"></span> hotspots per 10,000 residents (from 0 to " \
           "1000)" in english
    assert english.count("Source: <span") == 43  # the source of every figure


def test_hostile_text_in_a_set_stays_text() -> None:
    import dataclasses

    from smartcity_assess.text import Text

    pillar = V2.pillars[0]
    first = pillar.children[0].children[0]  # type: ignore[union-attr]  # a dimension's indicator
    hostile = dataclasses.replace(first, question=Text.of("<script>alert(1)</script> & co"))
    dimension = dataclasses.replace(pillar.children[0], children=(  # type: ignore[type-var]
        hostile, *pillar.children[0].children[1:]))  # type: ignore[union-attr]
    changed = dataclasses.replace(V2, pillars=(dataclasses.replace(
        pillar, children=(dimension, *pillar.children[1:])), *V2.pillars[1:]))
    html = questionnaire_html(build_form(changed, "statistik", "en"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


@pytest.mark.slow
@pytest.mark.validator
def test_every_questionnaire_passes_the_nu_validator(tmp_path: Path) -> None:
    from support.validators import vnu_errors

    paths = []
    for lang in ("id", "en"):
        files = instruments(V2, "html", lang, region="Kabupaten Tegal", year=2025)
        for name, data in files.items():
            path = tmp_path / lang / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            paths.append(path)
    assert len(paths) == 10
    assert vnu_errors(paths) == []


@pytest.mark.slow
@pytest.mark.browser
def test_every_questionnaire_passes_axe(tmp_path: Path) -> None:
    from support.browser import chromium

    files = instruments(V2, "html", "id")
    with chromium() as browser:
        for name, data in files.items():
            path = tmp_path / name
            path.write_bytes(data)
            report = browser.open(path, pdf=False)
            assert report.axe_ran and report.problems() == [], name


def test_pdf_when_weasyprint_is_installed() -> None:
    pytest.importorskip("weasyprint")
    (data,) = instruments(V2, "pdf", "id", role="asn").values()
    assert data.startswith(b"%PDF-")


# -- the XLSForm ------------------------------------------------------------------------------


def test_the_xlsform_of_a_role() -> None:
    survey, choices, settings = xlsform_rows(V2, "warga", "id", region="Kabupaten Tegal")
    names = [(row["type"], row["name"]) for row in survey]
    assert names[:6] == [("start", "start"), ("end", "end"), ("calculate", "role"),
                         ("text", "region"), ("integer", "year"), ("text", "respondent")]
    assert survey[2]["calculation"] == "'warga'"
    assert survey[3]["default"] == "Kabupaten Tegal" and survey[3]["required"] == "yes"
    assert survey[3]["label::Indonesian (id)"] == "Kabupaten/Kota"
    assert survey[3]["label::English (en)"] == "Regency/city"
    assert names[6] == ("begin_group", "infrastructure")
    assert names[7] == ("select_one tingkat_1", "infra.signal_quality")
    assert ("select_one ya_tidak", "infra.public_wifi_use") in names
    assert [(c["name"], c["label::Indonesian (id)"], c["label::English (en)"])
            for c in choices if c["list_name"] == "ya_tidak"] == [
        ("ya", "Ya", "Yes"), ("tidak", "Tidak", "No")]
    assert settings == {"form_title": "Indeks Kesiapan dan Dampak Smart City — Warga",
                        "form_id": "smartcity_id_warga", "version": "f_2_0",
                        "default_language": "Indonesian (id)"}
    statistik, _, _ = xlsform_rows(V2, "statistik", "en")
    wifi = next(row for row in statistik if row["name"] == "infra.public_wifi")
    assert (wifi["type"], wifi["constraint"]) == ("decimal", ". >= 0 and . <= 1000")
    assert wifi["constraint_message::English (en)"] == (
        "The value is outside the accepted range (from 0 to 1000).")


@pytest.mark.parametrize("set_id", BUNDLED)
def test_pyxform_converts_every_form_of_the_bundled_sets(set_id: str) -> None:
    pyxform = pytest.importorskip("pyxform.xls2xform")
    iset = load_indicator_set(set_id)
    for role in form_roles(iset):
        for lang in ("id", "en"):
            warnings: list[str] = []
            result = pyxform.convert(io.BytesIO(xlsform(iset, role, lang)), warnings=warnings,
                                     file_type=".xlsx")
            assert "<h:html" in result.xform and warnings == [], (role, lang)


@pytest.mark.slow
def test_odk_validate_accepts_the_forms() -> None:
    pyxform = pytest.importorskip("pyxform.xls2xform")
    if shutil.which("java") is None:
        pytest.skip("ODK Validate needs Java")
    for role in form_roles(V2):
        pyxform.convert(io.BytesIO(xlsform(V2, role, "id")), file_type=".xlsx", validate=True)


def test_the_xlsform_is_byte_identical() -> None:
    assert xlsform(V2, "opd", "id") == xlsform(V2, "opd", "id")


# -- exports of KoboToolbox, read back ----------------------------------------------------------


def kobo_rows(labels: bool = False) -> tuple[list[str], list[list[object]]]:
    """An export of the warga form in KoboToolbox's layout: the form's fields (groups
    before a '/'), then Kobo's own columns; XML names as headers and values, or labels."""
    form = build_form(V2, "warga", "id")
    fields = ["start", "end", "role", "region", "year", "respondent"]
    if labels:
        fields[3:6] = ["Kabupaten/Kota", "Tahun penilaian", "Kode responden"]
    section = {s.id: s.title for s in form.sections}
    for q in form.questions:
        fields.append(f"{section[q.section] if labels else q.section}/"
                      f"{q.text if labels else q.id}")
    header = fields + KOBO_METADATA
    rows = []
    for n, (likert, yes) in enumerate([("4", "ya"), ("5", "tidak"), ("3", "ya")], start=1):
        answers: list[object] = []
        for q in form.questions:
            value = likert if q.type == "likert" else yes
            option = next(o for o in q.options if o.value == value)
            answers.append(option.label if labels else value)
        rows.append([f"2025-03-0{n}T09:00:00.000+07:00", f"2025-03-0{n}T09:20:00.000+07:00",
                     "warga", "Kabupaten Tegal", 2025, f"W{n}", *answers,
                     1000 + n, f"5c0a6f1e-0000-4000-8000-00000000000{n}",
                     f"2025-03-0{n}T02:21:00", "", "[]", "submitted_via_web", "", "vXyZ",
                     "[]", n])
    return header, rows


def write_kobo_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Indeks Kesiapan dan Dampak Smar"  # the form title, cut at 31 characters
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_a_kobo_xlsx_export_scores_without_edits(tmp_path: Path) -> None:
    header, rows = kobo_rows()
    path = write_kobo_xlsx(tmp_path / "kobo-export.xlsx", header, rows)
    code, out, err = invoke("score", str(path), "--format", "json", "--lang", "en")
    assert code == 0, err
    survey = read_survey([path], V2)
    region = survey.regions[("Kabupaten Tegal", 2025)]
    # the role comes from the form's calculate field
    assert region.roles == {"warga": 3}
    assert sorted(region.answers["infra.public_wifi_use"].values) == [0.0, 1.0, 1.0]
    assert region.answers["soc.service_satisfaction"].respondents == ["W1", "W2", "W3"]
    result = assess(V2, survey).results[0].indicator("gov.eservice_use")
    assert (result.n, result.value) == (3, pytest.approx(200 / 3))
    (file,) = survey.files
    # 13 questions × 3 submissions; the Likert questions need 50 answers (a pilot)
    assert file.answers == 39
    pilot = ("brand.resident_pride", "dampak.rasa_aman", "gov.reports_back",
             "infra.signal_quality", "soc.service_satisfaction", "soc.skill_critical",
             "soc.skill_eservices", "soc.skill_safety")
    assert file.unused == tuple(Unused("below-min-answers", 3, indicator=i) for i in pilot)
    assert file.used == 39 - 8 * 3


def test_a_kobo_csv_export_with_labels_and_a_duplicate(tmp_path: Path) -> None:
    header, rows = kobo_rows(labels=True)
    rows.append(list(rows[0]))  # the same submission in two overlapping exports
    rows[-1][-1] = 4  # with its own _index
    gone = header.index("Kode responden")  # a form without a respondent code
    header, rows = header[:gone] + header[gone + 1:], [r[:gone] + r[gone + 1:] for r in rows]

    def quoted(value: object) -> str:
        return '"' + str(value).replace('"', '""') + '"'

    text = "\n".join(";".join(quoted(v) for v in line) for line in [header, *rows]) + "\n"
    path = tmp_path / "kobo-export.csv"
    path.write_text(text, encoding="utf-8")
    survey = read_survey([path], V2)
    region = survey.regions[("Kabupaten Tegal", 2025)]
    assert sorted(region.answers["infra.signal_quality"].values) == [3.0, 4.0, 5.0]
    assert sorted(region.answers["gov.eservice_use"].values) == [0.0, 1.0, 1.0]
    # without a respondent column, the submission's _uuid is the respondent
    assert sorted(region.respondents) == [f"5c0a6f1e-0000-4000-8000-00000000000{n}"
                                          for n in (1, 2, 3)]
    (file,) = survey.files
    assert file.rows == 4 and file.answers == 52  # 13 answers in the copy
    assert Unused("duplicate", 13) in file.unused
    code, _, err = invoke("validate", str(path))
    assert code == 0 and "13 answers in duplicate submissions (the same _uuid with the same " \
                         "answers)" in err


def test_other_group_separators_and_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("region;year;_uuid;_submission_time;dampak-dampak.aduan_selesai;"
                    "grp:sub:infra.desa_4g;kolom_lain\n"
                    "Kabupaten Tegal;2025;u1;2025-03-01;80;96;x\n", encoding="utf-8")
    code, _, err = invoke("validate", str(path))
    assert code == 2
    assert "unknown column 'kolom_lain'" in err and "aduan" not in err
    path.write_text("region;year;_uuid;_submission_time;dampak-dampak.aduan_selesai;"
                    "grp:sub:infra.desa_4g\nKabupaten Tegal;2025;u1;2025-03-01;80;96\n",
                    encoding="utf-8")
    region = read_survey([path], V2).regions[("Kabupaten Tegal", 2025)]
    assert region.answers["dampak.aduan_selesai"].values.tolist() == [80.0]
    assert region.answers["infra.desa_4g"].values.tolist() == [96.0]


def test_metadata_columns_are_only_skipped_in_an_export(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("region,year,start,infra.desa_4g\nKabupaten Tegal,2025,x,96\n",
                    encoding="utf-8")
    code, _, err = invoke("validate", str(path))
    assert code == 2 and "unknown column 'start'" in err


# -- the command ------------------------------------------------------------------------------


def test_survey_template_writes_every_role_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "forms"
    code, _, err = invoke("survey", "template", "--format", "xlsform", "-o", str(out),
                          "--region", "Kabupaten Tegal")
    assert code == 0 and err == f"ditulis: 5 formulir, satu per peran, ke {out}\n"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"smartcity-id-{r}.xlsform.xlsx" for r in ("asn", "opd", "statistik", "umkm", "warga")]
    code, _, err = invoke("survey", "template", "--role", "citizen", "-o",
                          str(tmp_path / "warga.html"), "--lang", "en")
    assert code == 0 and err == f"wrote {tmp_path / 'warga.html'} (13 indicators)\n"
    assert "Questionnaire for Residents" in (tmp_path / "warga.html").read_text("utf-8")


def test_survey_template_refuses_an_unknown_role(tmp_path: Path) -> None:
    code, _, err = invoke("survey", "template", "--role", "wrga", "-o", str(tmp_path / "x.html"))
    assert code == 2
    assert "the set 'smartcity-id' has no role 'wrga' (did you mean 'warga'?); its roles: " \
           "warga, umkm, opd, asn, statistik" in err
    assert not (tmp_path / "x.html").exists()
