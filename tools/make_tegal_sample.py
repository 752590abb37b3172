"""Generate the bundled Kabupaten Tegal SAMPLE survey data (synthetic, not official figures).

Run from the repository root::

    .venv/bin/python tools/make_tegal_sample.py

It reads ``criteria/smartcity-id.yaml`` and writes into ``src/smartcity_assess/sample/``:

* ``tegal-citizen-survey.csv`` — ~110 residents (role ``warga``) and 40 UMKM owners
  (role ``umkm``) with the kecamatan each lives in (``kecamatan``, ``kode``), comma-separated
  UTF-8, wide layout;
* ``tegal-opd-self-assessment.xlsx`` — 18 agency officials (role ``opd``) and 20 civil
  servants (role ``asn``), first sheet ``Survey``, wide layout;
* ``tegal-official-statistics.csv`` — one row of official statistics and published facts
  (role ``statistik``), semicolon-separated with decimal commas.

Everything is deterministic: one ``random.Random(2025)`` drives every draw, rows and columns come
in file order, and the XLSX gets fixed document dates and fixed ZIP entry times, so a rerun
writes byte-identical files. Only the standard library, PyYAML and openpyxl are used.

Answers follow a simple latent-trait model: each respondent has a "digital affinity"
``z ~ N(0, 1)``; each answer draws ``x = 0.6 z + 0.8 e`` (``e ~ N(0, 1)``, so ``x ~ N(0, 1)``)
and cuts it at the normal quantiles of the wanted answer distribution. The marginal
distribution of every question is therefore the one written below, while a respondent's
answers are correlated as they are in real surveys.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from statistics import NormalDist
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CRITERIA = ROOT / "criteria" / "smartcity-id.yaml"
OUT = ROOT / "src" / "smartcity_assess" / "sample"

SEED = 2025
REGION = "Kabupaten Tegal"
YEAR = 2025
N_CITIZENS = 110
N_MSME = 40
N_ASN = 20
MISSING_RATE = 0.02
"""Share of survey cells left empty (not answered)."""
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)

OPD_NAMES = (
    "Diskominfo", "Bappeda", "BKPSDM", "Bapenda", "DPMPTSP", "Disdukcapil",
    "Dinas Pendidikan", "Dinas Kesehatan", "RSUD", "Dinas Dagkop UKM", "Dinas Pariwisata",
    "Dinas PMD", "Dinas PUPR", "Disnaker", "DLH", "Inspektorat",
    "Bagian Organisasi", "BPBD",
)
"""The 18 agencies (OPD) whose officials fill in the self-assessment (respondent ids); short
names as the indicator set's action owners use them, not the regency's organisation chart."""

PREFIX = ("region", "year", "respondent", "role")
"""Columns before the answers (the citizen survey adds ``kecamatan`` and ``kode`` after them,
see :func:`with_kecamatan`)."""


def prefix(respondent: str, role: str) -> list[str | int | None]:
    """The leading cells of one respondent's row (see ``PREFIX``)."""
    return [REGION, YEAR, respondent, role]

# --- where the citizens live ----------------------------------------------------------------
# ILLUSTRATIVE fieldwork: the survey team reached 13 kecamatan with 10 or more respondents,
# four with only a few and one (Kedungbanteng) not at all; two respondents did not say where
# they live. Kemendagri codes as in sample/geo/tegal-kecamatan.geojson. The "level" is an
# invented digital level (urban lowland around Slawi high, the southern highland low) that
# makes respondents with more digital answers more likely to live in the higher-level
# kecamatan, so that the map shows a plausible pattern. The counts and the pattern are
# invented; the answers themselves are drawn exactly as before (the area is assigned after
# them, from its own random generator), so the regency's scores do not depend on it.
KECAMATAN: tuple[tuple[str, str, int, float], ...] = (
    # (name, Kemendagri code, respondents, digital level)
    ("Margasari", "33.28.01", 10, -0.4),
    ("Bumijawa", "33.28.02", 10, -1.0),
    ("Bojong", "33.28.03", 2, -1.0),
    ("Balapulang", "33.28.04", 10, -0.3),
    ("Pagerbarang", "33.28.05", 1, -0.5),
    ("Lebaksiu", "33.28.06", 10, 0.0),
    ("Jatinegara", "33.28.07", 2, -0.8),
    ("Kedungbanteng", "33.28.08", 0, -0.6),
    ("Pangkah", "33.28.09", 11, 0.2),
    ("Slawi", "33.28.10", 14, 1.0),
    ("Adiwerna", "33.28.11", 13, 0.8),
    ("Talang", "33.28.12", 12, 0.7),
    ("Dukuhturi", "33.28.13", 11, 0.6),
    ("Tarub", "33.28.14", 10, 0.4),
    ("Kramat", "33.28.15", 11, 0.2),
    ("Suradadi", "33.28.16", 10, -0.2),
    ("Warureja", "33.28.17", 1, -0.5),
    ("Dukuhwaru", "33.28.18", 10, 0.1),
)
UNKNOWN_AREA = 2
"""Respondents who left the kecamatan empty (their answers count for the regency only)."""
AREA_SEED = SEED + 13
AREA_NOISE = 0.9
"""Spread added to both sides of the match: the larger, the weaker the pattern."""


def respondent_level(row: Sequence[str | int | None], start: int) -> float:
    """A respondent's answers as one number: the mean of Likert answers (1–5 → 0–1) and
    yes/no answers (1/0)."""
    found = []
    for cell in row[start:]:
        if isinstance(cell, int):
            found.append((cell - 1) / 4)
        elif cell == "ya":
            found.append(1.0)
        elif cell == "tidak":
            found.append(0.0)
    return sum(found) / len(found) if found else 0.5


def with_kecamatan(rows: list[list[str | int | None]]) -> list[list[str | int | None]]:
    """The citizen rows with ``kecamatan`` and ``kode`` after the prefix: slots (one per
    respondent of each kecamatan, ordered by the kecamatan's level plus noise) matched to the
    respondents ordered by their answers plus noise."""
    rng = random.Random(AREA_SEED)
    slots = [(name, code) for name, code, count, _ in KECAMATAN for _ in range(count)]
    levels = {name: level for name, _, _, level in KECAMATAN}
    slots += [("", "")] * UNKNOWN_AREA
    assert len(slots) == len(rows), (len(slots), len(rows))
    keyed_slots = sorted(slots, key=lambda s: (levels.get(s[0], 0.0)
                                               + rng.gauss(0.0, AREA_NOISE), s))
    width = len(PREFIX)
    people = sorted(range(len(rows)), key=lambda i: (
        (respondent_level(rows[i], width) - 0.5) * 4 + rng.gauss(0.0, AREA_NOISE), i))
    place = dict(zip(people, keyed_slots, strict=True))
    return [[*row[:width], place[i][0], place[i][1], *row[width:]]
            for i, row in enumerate(rows)]

# --- answer distributions ------------------------------------------------------------------
# Likert: probabilities of answers 1..5. Boolean: probability of "ya". Choice: key → probability.
# Keyed by indicator id, then by role where the question goes to several roles.

LIKERT: dict[str, dict[str, Sequence[float]]] = {
    # residents and UMKM owners (agree scale)
    "infra.signal_quality": {"warga": (0.06, 0.17, 0.27, 0.38, 0.12),
                             "umkm": (0.05, 0.15, 0.30, 0.38, 0.12)},
    "gov.reports_back": {"warga": (0.10, 0.24, 0.32, 0.26, 0.08),
                         "umkm": (0.12, 0.25, 0.33, 0.23, 0.07)},
    "soc.skill_critical": {"warga": (0.05, 0.15, 0.30, 0.38, 0.12)},
    "soc.skill_safety": {"warga": (0.08, 0.20, 0.30, 0.32, 0.10)},
    "soc.skill_eservices": {"warga": (0.12, 0.24, 0.28, 0.27, 0.09)},
    "soc.service_satisfaction": {"warga": (0.05, 0.14, 0.33, 0.38, 0.10),
                                 "umkm": (0.06, 0.16, 0.34, 0.35, 0.09)},
    "eco.msme_digital_capability": {"umkm": (0.15, 0.28, 0.30, 0.20, 0.07)},
    "eco.msme_support": {"umkm": (0.18, 0.30, 0.30, 0.17, 0.05)},
    "brand.resident_pride": {"warga": (0.04, 0.10, 0.26, 0.42, 0.18),
                             "umkm": (0.05, 0.12, 0.28, 0.40, 0.15)},
    "dampak.rasa_aman": {"warga": (0.07, 0.18, 0.25, 0.38, 0.12)},
    # civil servants (agree scale)
    "gov.asn_digital": {"asn": (0.03, 0.10, 0.25, 0.45, 0.17)},
    # OPD self-assessment on the SPBE maturity ladder 1 Rintisan .. 5 Optimum
    "infra.datacenter_cloud": {"opd": (0.10, 0.35, 0.35, 0.20, 0.00)},
    "infra.intra_gov_network": {"opd": (0.05, 0.25, 0.45, 0.25, 0.00)},
    "infra.service_bus": {"opd": (0.25, 0.40, 0.25, 0.10, 0.00)},
    "gov.kebijakan_internal": {"opd": (0.02, 0.15, 0.45, 0.33, 0.05)},
    "gov.arsitektur_peta_rencana": {"opd": (0.05, 0.20, 0.45, 0.25, 0.05)},
    "gov.plan_budget": {"opd": (0.15, 0.35, 0.35, 0.15, 0.00)},
    "gov.tim_koordinasi": {"opd": (0.00, 0.12, 0.40, 0.40, 0.08)},
    "gov.collaboration": {"opd": (0.10, 0.35, 0.35, 0.18, 0.02)},
    "gov.manajemen_data": {"opd": (0.08, 0.30, 0.40, 0.20, 0.02)},
    "gov.keamanan_informasi": {"opd": (0.15, 0.45, 0.30, 0.10, 0.00)},
    "gov.audit_tik": {"opd": (0.40, 0.40, 0.15, 0.05, 0.00)},
    "gov.process_innovation": {"opd": (0.12, 0.35, 0.35, 0.15, 0.03)},
    "gov.app_development": {"opd": (0.15, 0.35, 0.35, 0.15, 0.00)},
    "gov.complaints": {"opd": (0.00, 0.05, 0.35, 0.50, 0.10)},
}

BOOLEAN: dict[str, dict[str, float]] = {
    "infra.public_wifi_use": {"warga": 0.27},
    "gov.eservice_use": {"warga": 0.40, "umkm": 0.55},
    "soc.literacy_training": {"warga": 0.21},
    "soc.e_participation": {"warga": 0.13},
    "eco.consumer_online": {"warga": 0.45},
    "eco.umkm_online_sales": {"umkm": 0.38},
    "eco.qris_acceptance": {"umkm": 0.42},
    "gov.asn_training": {"asn": 0.45},
}

CHOICE: dict[str, dict[str, dict[str, float]]] = {
    # No Pemkab command centre was found (only the police traffic centre GTMC): most officials
    # answer "planned" or "single-sector".
    "infra.command_center": {"opd": {"belum-ada": 0.10, "direncanakan": 0.40,
                                     "sektoral": 0.40, "terpadu": 0.10}},
}

# Official statistics and published facts, one row. None = no data (the indicator shows as
# "not assessed"). "fact" marks values that follow a published figure (tegal-facts.md); the
# rest are invented for the sample.
OFFICIAL: dict[str, tuple[float | str | None, str]] = {
    "infra.household_internet": (80.1, "invented"),
    "infra.household_computer": (17.9, "invented"),
    "infra.fixed_broadband": (19.4, "invented"),
    "infra.fiber_backbone": (72.2, "invented: 13 of 18 kecamatan"),
    "infra.desa_4g": (89.5, "derived: 257 of 287 desa/kelurahan without a blank-spot area"),
    "infra.public_wifi": (1.6, "invented"),
    "infra.schools_online": (86.5, "invented"),
    "gov.spbe_index": (None, "no data: Kab. Tegal's SPBE index was not found"),
    "gov.sc_masterplan": ("ya", "fact: Perbup Tegal 20/2024, Masterplan Smart City 2024–2033"),
    "gov.ict_budget_share": (1.1, "invented"),
    "gov.csirt_registered": ("tidak", "invented: no public record found either way"),
    "gov.data_protection": ("tidak", "invented: no public record found either way"),
    "gov.services_online": (46.0, "invented"),
    "gov.mpp": ("fisik-dan-daring", "fact: MPP Satya Dahayu (2023) and the MPP Digital quick win"),
    "gov.e_procurement": (88.0, "invented"),
    "gov.open_data": (35.0, "invented"),
    "gov.lapor_integrated": ("tidak", "invented: SP4N-LAPOR! integration not confirmed in sources"),
    "gov.ombudsman_compliance": (92.05, "fact: Ombudsman compliance 92.05 (2022)"),
    "gov.information_openness": (41.6, "fact: KIP qualification 41.60 (2018)"),
    "soc.internet_users": (72.6, "invented"),
    "soc.imdi": (44.8, "invented, below Jawa Tengah 47.42 and above national 43.34 (2024)"),
    "soc.student_ict": (63.0, "invented"),
    "soc.imdi_skills": (55.9, "invented, below national 58.25 (2024)"),
    "soc.ehr": (38.0, "invented"),
    "soc.desa_digital": (21.6, "invented: 62 of 287 (25 desa piloted Desa Digital Plus in 2020)"),
    "eco.umkm_digital": (27.5, "invented"),
    "eco.imdi_empowerment": (23.9, "invented, below national 25.66 (2024)"),
    "eco.imdi_work": (35.4, "invented, below national 38.09 (2024)"),
    "eco.digital_talent": (6.8, "invented"),
    "eco.startups": (None, "no data: no start-up count found"),
    "eco.digital_payments": (61.6, "fact: SIAP QRIS, 814 of 1,322 target traders in 4 markets"),
    "eco.etpd": ("digital", "context: all Jawa-Bali pemda at level 'digital' in IETPD 2024 S1"),
    "brand.destinations_online": (40.0, "invented"),
    "brand.investment_profile": ("tidak", "invented"),
    "dampak.aduan_selesai": (89.2, "fact: Lapor Bupati Jan–Sep 2024, 743 complaints: 348 via "
                             "the app 97% resolved, 344 via WhatsApp 82%, 51 via social media "
                             "84.3%; (348×97 + 344×82 + 51×84.3) / 743 = 89.2%"),
    "dampak.aduan_hari_selesai": (9.0, "invented"),
    "dampak.aduan_dijawab": (78.0, "invented"),
    "dampak.dbd_insiden": (57.0, "invented"),
    "dampak.health_online": (55.0, "invented (RSUD dr Soeselo runs the Soeselo Online quick win)"),
    "dampak.sampah_tertangani": (58.0, "invented"),
    "dampak.sampah_berkurang": (14.5, "invented"),
    "dampak.peringatan_dini": (35.0, "invented"),
    "dampak.desa_tangguh": (22.0, "invented"),
}


# --- the indicator set -----------------------------------------------------------------------


def indicators(path: Path) -> list[dict[str, Any]]:
    """All indicators of the set, in file order."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    found: list[dict[str, Any]] = []

    def walk(group: dict[str, Any]) -> None:
        for child in group.get("dimensions") or []:
            walk(child)
        found.extend(group.get("indicators") or [])

    for pillar in data["pillars"]:
        walk(pillar)
    return found


def columns_for(inds: Iterable[dict[str, Any]], roles: set[str]) -> list[str]:
    """Ids of the indicators asked of any of ``roles``, in file order."""
    return [ind["id"] for ind in inds if roles & set(ind.get("roles") or [])]


def check_specs(inds: list[dict[str, Any]]) -> None:
    """Every generated answer must be valid for its indicator; every indicator has a rule."""
    by_id = {ind["id"]: ind for ind in inds}
    for ind_id, per_role in LIKERT.items():
        assert by_id[ind_id]["type"] == "likert", ind_id
        for role, probs in per_role.items():
            assert role in by_id[ind_id]["roles"], (ind_id, role)
            assert len(probs) == 5 and abs(sum(probs) - 1) < 1e-9, (ind_id, role)
    for ind_id, per_role_p in BOOLEAN.items():
        assert by_id[ind_id]["type"] == "boolean", ind_id
        assert set(per_role_p) <= set(by_id[ind_id]["roles"]), ind_id
    for ind_id, per_role_c in CHOICE.items():
        for role, dist in per_role_c.items():
            assert role in by_id[ind_id]["roles"], (ind_id, role)
            assert set(dist) <= set(by_id[ind_id]["choices"]), ind_id
            assert abs(sum(dist.values()) - 1) < 1e-9, ind_id
    for ind_id, (value, _) in OFFICIAL.items():
        assert by_id[ind_id]["roles"] == ["statistik"], ind_id
        if isinstance(value, str) and by_id[ind_id]["type"] == "choice":
            assert value in by_id[ind_id]["choices"], ind_id
    survey_roles = {"warga", "umkm", "opd", "asn"}
    for ind in inds:
        roles = set(ind.get("roles") or [])
        if "statistik" in roles:
            assert ind["id"] in OFFICIAL, f"no official value for {ind['id']}"
        for role in roles & survey_roles:
            rules = (LIKERT.get(ind["id"], {}), BOOLEAN.get(ind["id"], {}),
                     CHOICE.get(ind["id"], {}))
            assert any(role in rule for rule in rules), f"no rule for {ind['id']} / {role}"


# --- drawing answers ---------------------------------------------------------------------------

_NORMAL = NormalDist()


def _latent(rng: random.Random, affinity: float) -> float:
    return 0.6 * affinity + 0.8 * rng.gauss(0.0, 1.0)


def draw_likert(rng: random.Random, affinity: float, probs: Sequence[float]) -> int:
    """An answer 1..5 with marginal distribution ``probs``."""
    x = _latent(rng, affinity)
    cumulative = 0.0
    for level, p in enumerate(probs[:-1], start=1):
        cumulative += p
        if cumulative <= 0.0:
            continue
        if cumulative >= 1.0 - 1e-9 or x < _NORMAL.inv_cdf(cumulative):
            return level
    return len(probs)


def draw_boolean(rng: random.Random, affinity: float, p_yes: float) -> str:
    """``ya`` with probability ``p_yes`` (marginally), else ``tidak``."""
    return "ya" if _latent(rng, affinity) > _NORMAL.inv_cdf(1.0 - p_yes) else "tidak"


def draw_choice(rng: random.Random, affinity: float, dist: dict[str, float]) -> str:
    """A choice key; the keys are ordered from worst to best as written."""
    x = _latent(rng, affinity)
    cumulative = 0.0
    keys = list(dist)
    for key in keys[:-1]:
        cumulative += dist[key]
        if cumulative > 0.0 and x < _NORMAL.inv_cdf(min(cumulative, 1 - 1e-12)):
            return key
    return keys[-1]


def answer(rng: random.Random, ind_id: str, role: str, affinity: float) -> str | int | None:
    """One respondent's answer to one indicator, or None when the role is not asked."""
    if role in LIKERT.get(ind_id, {}):
        return draw_likert(rng, affinity, LIKERT[ind_id][role])
    if role in BOOLEAN.get(ind_id, {}):
        return draw_boolean(rng, affinity, BOOLEAN[ind_id][role])
    if role in CHOICE.get(ind_id, {}):
        return draw_choice(rng, affinity, CHOICE[ind_id][role])
    return None


def survey_rows(rng: random.Random, columns: list[str],
                respondents: list[tuple[str, str]]) -> list[list[str | int | None]]:
    """Rows ``region, year, respondent, role, answers...`` for (respondent, role) pairs."""
    rows: list[list[str | int | None]] = []
    for respondent, role in respondents:
        affinity = rng.gauss(0.0, 1.0)
        row = prefix(respondent, role)
        for ind_id in columns:
            value = answer(rng, ind_id, role, affinity)
            if value is not None and rng.random() < MISSING_RATE:
                value = None  # not answered
            row.append(value)
        rows.append(row)
    return rows


# --- writing -------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str | int | None]],
              delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def decimal_comma(value: float | str | None) -> str:
    """Official values as an Indonesian spreadsheet writes them: ``92,05``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def write_xlsx(path: Path, header: list[str], rows: list[list[str | int | None]]) -> None:
    """First sheet ``Survey`` with the data, a second sheet with a SAMPLE DATA note."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Survey"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "E2"
    notes = workbook.create_sheet("Catatan")
    for line in (
        "DATA CONTOH (SAMPLE DATA) — sintetis, bukan angka resmi.",
        "Synthetic sample generated by tools/make_tegal_sample.py (random seed 2025).",
        "Sheet 'Survey': peran opd = penilaian mandiri OPD (skala SPBE 1–5); "
        "peran asn = survei ASN.",
        "Kolom = id indikator dari set indikator smartcity-id versi 2; sel kosong = tidak dijawab.",
    ):
        notes.append([line])
    props = workbook.properties
    props.creator = "smartcity-assess tools/make_tegal_sample.py"
    props.title = "Kabupaten Tegal — SAMPLE OPD self-assessment (synthetic)"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.lastModifiedBy = None
    raw = io.BytesIO()
    workbook.save(raw)
    path.write_bytes(_normalise_zip(raw.getvalue()))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed entry times, so that the file is byte-identical on rerun.

    openpyxl's ``save`` stamps ``dcterms:modified`` with the current time whatever the
    workbook properties say, so the core properties get the fixed time back here.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def main() -> int:
    inds = indicators(CRITERIA)
    check_specs(inds)
    rng = random.Random(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    head = list(PREFIX)

    citizen_cols = columns_for(inds, {"warga", "umkm"})
    people = [(f"W-{i:03d}", "warga") for i in range(1, N_CITIZENS + 1)]
    people += [(f"U-{i:03d}", "umkm") for i in range(1, N_MSME + 1)]
    write_csv(OUT / "tegal-citizen-survey.csv", head + ["kecamatan", "kode"] + citizen_cols,
              with_kecamatan(survey_rows(rng, citizen_cols, people)), ",")

    opd_cols = columns_for(inds, {"opd", "asn"})
    staff = [(name, "opd") for name in OPD_NAMES]
    staff += [(f"ASN-{i:02d}", "asn") for i in range(1, N_ASN + 1)]
    write_xlsx(OUT / "tegal-opd-self-assessment.xlsx", head + opd_cols,
               survey_rows(rng, opd_cols, staff))

    official_cols = columns_for(inds, {"statistik"})
    row = prefix("BPS/Pemda (contoh)", "statistik")
    row += [decimal_comma(OFFICIAL[ind_id][0]) for ind_id in official_cols]
    write_csv(OUT / "tegal-official-statistics.csv", head + official_cols, [row], ";")

    print(f"wrote {len(people)} survey rows ({len(citizen_cols)} questions), "
          f"{len(staff)} OPD/ASN rows ({len(opd_cols)} questions), "
          f"1 official row ({len(official_cols)} indicators) to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
