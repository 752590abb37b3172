"""Roles: Indonesian names, English aliases, whose an answer without a role is, and every
answer counted as used or not (issue: answers silently discarded by role)."""

from __future__ import annotations

from pathlib import Path

import pytest
from survey_helpers import only_problem, problems, write
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.errors import Problem
from smartcity_assess.indicators.loader import build_indicator_set, load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import Assessment, IndicatorResult, Unused
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.roles import Roles, canonical, role_key
from smartcity_assess.yamlio import parse_yaml

V2 = load_indicator_set("smartcity-id")
V1 = load_indicator_set("smartcity-id@1")


def indicator(assessment: Assessment, ind_id: str) -> IndicatorResult:
    (result,) = assessment.results
    return result.indicator(ind_id)


def small_set(extra: str = "", roles: str = "[warga, umkm]") -> str:
    return f"""\
id: roles
version: "1"
title: Roles
{extra}
pillars:
  - id: p
    title: P
    indicators:
      - id: puas
        title: Satisfied
        type: likert
        roles: {roles}
      - id: fakta
        title: A fact
        type: percent
        roles: [statistik]
      - id: opd.q
        title: Agency question
        type: boolean
        roles: [opd]
"""


def load_text(text: str) -> IndicatorSet:
    return build_indicator_set(parse_yaml(text.encode(), "roles.yaml"))


# -- names ------------------------------------------------------------------------------------


def test_role_names_fold_case_spaces_and_english_aliases() -> None:
    assert role_key("  Civil Servant ") == "civil-servant"
    assert [canonical(n) for n in ("Citizen", "MSME", "agency", "civil_servant", "Official",
                                   "resmi", "WARGA", "kader")] == [
        "warga", "umkm", "opd", "asn", "statistik", "statistik", "warga", "kader"]


def test_a_role_is_read_as_the_set_spells_it() -> None:
    v2, v1 = Roles(V2), Roles(V1)
    assert v2.asked == {"warga", "umkm", "opd", "asn", "statistik"} and not v2.open
    assert [v2.resolve_name(n) for n in ("Citizen", "msme", "OPD", "official")] == [
        "warga", "umkm", "opd", "statistik"]
    # version 1 asks the English names: the Indonesian ones are read as those
    assert [v1.resolve_name(n) for n in ("warga", "UMKM", "statistik", "opd")] == [
        "citizen", "msme", "official", "opd"]
    assert v2.unknown("warga") is None and v1.unknown("warga") is None
    found = v2.unknown("wrga")
    assert found is not None and found.guess == "warga"
    found = v1.unknown("wrga")
    assert found is not None and found.guess == "citizen"


def test_a_set_that_asks_everybody_knows_every_role() -> None:
    spbe = Roles(load_indicator_set("spbe-2020"))
    assert spbe.open and spbe.unknown("kader") is None
    assert spbe.resolve_name("Citizen") == "warga"


# -- the three cases of the issue -------------------------------------------------------------


def test_warga_rows_score_under_version_1(tmp_path: Path) -> None:
    # version 1 asks 'citizen': rows written 'warga' are its answers, not "no answers"
    path = write(tmp_path / "w.csv", "region,year,respondent,role,gov.eservice_use\n"
                 "Kabupaten Tegal,2025,W1,warga,ya\nKabupaten Tegal,2025,W2,Warga,tidak\n"
                 "Kabupaten Tegal,2025,W3,citizen,ya\n")
    survey = read_survey([path], V1)
    result = indicator(assess(V1, survey), "gov.eservice_use")
    assert result.n == 3 and result.value == pytest.approx(200 / 3)  # 2 of 3 say yes
    assert survey.files[0].answers == 3 and survey.files[0].used == 3


def test_umkm_rows_score_under_both_versions(tmp_path: Path) -> None:
    path = write(tmp_path / "u.csv", "region,year,respondent,role,eco.umkm_online_sales\n"
                 "Kabupaten Tegal,2025,U1,umkm,ya\nKabupaten Tegal,2025,U2,UMKM,ya\n"
                 "Kabupaten Tegal,2025,U3,msme,tidak\nKabupaten Tegal,2025,U4,umkm,tidak\n")
    for iset in (V1, V2):
        result = indicator(assess(iset, read_survey([path], iset)), "eco.umkm_online_sales")
        assert (result.n, result.value) == (4, 50.0)


def test_a_statistics_file_without_roles_scores(tmp_path: Path) -> None:
    # every fact of the set asks 'statistik' alone: an answer without a role is its answer
    path = write(tmp_path / "bps.csv", "region,year,soc.internet_users,infra.desa_4g\n"
                 "Kabupaten Tegal,2025,71.2,96\n")
    survey = read_survey([path], V2)
    assessment = assess(V2, survey)
    assert indicator(assessment, "soc.internet_users").value == 71.2
    assert indicator(assessment, "infra.desa_4g").value == 96.0
    assert survey.files[0].used == 2 and survey.files[0].unused == ()
    # the answers carry the role they count for
    region = survey.regions[("Kabupaten Tegal", 2025)]
    assert region.answers["soc.internet_users"].roles == ["statistik"]


def test_a_role_no_indicator_asks_stops_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,role,soc.service_satisfaction\n"
                 "Kabupaten Tegal,2025,W1,wrga,4\nKabupaten Tegal,2025,W2,wrga,3\n"
                 "Kabupaten Tegal,2025,W3,warga,3\n")
    assert only_problem([path], V2) == Problem(
        str(path), "role 'wrga' is not asked by any indicator of 'smartcity-id' (did you mean "
        "'warga'?) (on 2 rows)", line=2, row=2, column=4, field="role",
        expected="a role the set asks: asn, opd, statistik, umkm, warga", found="'wrga'")
    result = CliRunner().invoke(app, ["score", str(path)])
    assert result.exit_code == 2 and "role 'wrga'" in result.stderr


def test_an_answer_without_role_to_a_question_of_several_roles_is_an_error(
        tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,soc.service_satisfaction\n"
                 "Kabupaten Tegal,2025,W1,4\nKabupaten Tegal,2025,W2,\n"
                 "Kabupaten Tegal,2025,W3,5\n")
    assert only_problem([path], V2) == Problem(
        str(path), "'soc.service_satisfaction' is answered without a role, but it asks several "
        "roles (warga, umkm): the role says whose answer it is (on 2 rows)", line=2, row=2,
        column=4, field="soc.service_satisfaction",
        expected="a role column (role or peran) naming one of warga, umkm, or a default_role "
        "in the set", found="no role column")


def test_the_long_layout_follows_the_same_rules(tmp_path: Path) -> None:
    path = write(tmp_path / "l.csv", "region,year,respondent,role,indicator,value\n"
                 "Kabupaten Tegal,2025,BPS,,soc.internet_users,70\n"
                 "Kabupaten Tegal,2025,W1,citizen,gov.eservice_use,ya\n"
                 "Kabupaten Tegal,2025,W2,,gov.eservice_use,ya\n"
                 "Kabupaten Tegal,2025,W3,pegawai,gov.eservice_use,ya\n")
    found = problems([path], V2)
    assert sorted((p.line, p.message.split(":")[0]) for p in found) == [
        (4, "'gov.eservice_use' is answered without a role, but it asks several roles "
            "(warga, umkm)"),
        (5, "role 'pegawai' is not asked by any indicator of 'smartcity-id'")]


def test_a_declared_default_role(tmp_path: Path) -> None:
    iset = load_text(small_set("default_role: warga"))
    path = write(tmp_path / "s.csv", "region,year,puas,fakta,opd.q\nTegal,2025,4,50,ya\n")
    survey = read_survey([path], iset)
    region = survey.regions[("Tegal", 2025)]
    assert region.roles == {"warga": 1}  # the row is warga's, not "no role"
    assert region.answers["puas"].roles == ["warga"]
    # a default role the indicator does not ask: read, and counted as not used
    assert survey.files[0].unused == (
        Unused("role-not-asked", 1, indicator="fakta", role="warga"),
        Unused("role-not-asked", 1, indicator="opd.q", role="warga"))
    assert (survey.files[0].answers, survey.files[0].used) == (3, 1)


def test_default_role_must_be_asked() -> None:
    from smartcity_assess.errors import InputError

    with pytest.raises(InputError) as caught:
        load_text(small_set("default_role: kader"))
    (problem,) = caught.value.problems
    assert problem.message == "default_role 'kader' is not asked by any indicator"
    assert problem.expected == "one of opd, statistik, umkm, warga"


# -- what is used -----------------------------------------------------------------------------


def test_unused_answers_are_counted_by_reason(tmp_path: Path) -> None:
    iset = load_text(small_set("role_weights: {warga: 1, umkm: 0, opd: 1, statistik: 1}\n"
                               "ignore_columns: [catatan]"))
    path = write(tmp_path / "s.csv", "region,year,respondent,role,puas,fakta,opd.q,catatan\n"
                 "Tegal,2025,W1,warga,4,,ya,ok\n"      # opd.q from warga: not asked
                 "Tegal,2025,U1,umkm,3,,,\n"           # umkm weighs 0
                 "Tegal,2025,O1,opd,,,tidak,lihat\n"   # used
                 "Tegal,2025,S1,statistik,,40,,\n")    # used
    survey = read_survey([path], iset)
    (file,) = survey.files
    # answers: puas 2, opd.q 2, fakta 1 = 5, plus 2 notes in the ignored column = 7
    assert (file.answers, file.used) == (7, 3)
    assert file.unused == (
        Unused("role-not-asked", 1, indicator="opd.q", role="warga"),
        Unused("role-weight-zero", 1, indicator="puas", role="umkm"),
        Unused("ignored-column", 2, column="catatan"))


def test_answers_below_min_answers_are_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,role,soc.service_satisfaction\n"
                 + "".join(f"Kabupaten Tegal,2025,W{i},warga,4\n" for i in range(3))
                 + "".join(f"Kabupaten Tegal,2024,W{i},warga,4\n" for i in range(50)))
    survey = read_survey([path], V2)
    (file,) = survey.files
    # 2024 has its 50 answers; 2025 has 3 of the 50 it needs
    assert (file.answers, file.used) == (53, 50)
    assert file.unused == (Unused("below-min-answers", 3,
                                  indicator="soc.service_satisfaction"),)
    (notice,) = [n for n in survey.notices if n.code == "below-min-answers-one"]
    assert notice.text("en") == ("Kabupaten Tegal 2025: 1 indicator needs 50 answers; there "
                                 "are 3: 'soc.service_satisfaction'")


def test_validate_prints_what_is_used(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,role,eco.umkm_online_sales\n"
                 "Kabupaten Tegal,2025,U1,umkm,ya\nKabupaten Tegal,2025,W1,warga,ya\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}: ok — csv, wide layout, 2 rows; 2 answers, 1 used",
        "  not used: 1 answer to “MSMEs selling online” (eco.umkm_online_sales) from role "
        "warga: the question is for umkm only",
        "1 region-year(s), 2 answers read, 1 used, checked against smartcity-id 2.0"]
