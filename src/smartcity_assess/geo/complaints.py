"""Complaint exports (SP4N-LAPOR!, Lapor Bupati and the like) turned into feedback-loop figures.

The feedback loop is measured, not asked: from one row per complaint this module computes, for
the region and for every area, the share of complaints closed (``dampak.aduan_selesai``), the
median calendar days from received to closed (``dampak.aduan_hari_selesai``, lower is better)
and the share of reporters who got an answer (``dampak.aduan_dijawab``). They are written as a
long answers table with role ``statistik`` that the survey loader reads like any statistics.

Columns are matched by name, in any case (see :data:`COLUMNS` for every accepted name): a date
received is required; a status or a date closed says whether a complaint is closed; the rest
is optional. The exact column set of an SP4N-LAPOR! export could not be verified from a public
document, so the names an export is likely to use, in Indonesian and English, are accepted, and
a file with other names can be renamed in a spreadsheet first. Archived complaints ("Arsip":
outside the agency's authority, unclear, duplicates) are counted apart and left out of every
share, as they are never handled.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from ..errors import InputError, Problem, shorten
from .layers import find_columns, parse_number, read_csv_rows
from .model import (
    AnswerRow,
    AreaRef,
    Boundaries,
    Complaint,
    ComplaintExport,
    ComplaintFigures,
    LayerPoint,
    MatchReport,
    ProblemLayer,
)
from .read import MAX_BYTES, clean_text

INDICATOR_CLOSED = "dampak.aduan_selesai"
INDICATOR_DAYS = "dampak.aduan_hari_selesai"
INDICATOR_ANSWERED = "dampak.aduan_dijawab"
ROLE = "statistik"
MIN_COMPLAINTS = 5
"""Fewest complaints for an area to get figures (a share of 2 complaints says little)."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "nomor", "no", "no_tiket", "nomor_tiket", "tracking_id", "trackingid",
           "nomor_laporan", "kode_laporan", "id_laporan"),
    "received": ("tanggal", "tanggal_laporan", "tanggal_masuk", "tgl_laporan", "tgl_masuk",
                 "tanggal_aduan", "waktu_laporan", "received", "date", "created_at"),
    "closed": ("tanggal_selesai", "tgl_selesai", "tanggal_ditutup", "waktu_selesai",
               "closed", "date_closed", "closed_at", "resolved_at"),
    "days": ("hari_selesai", "lama_penyelesaian", "lama_hari", "durasi_hari", "days_to_close"),
    "status": ("status", "status_laporan", "status_aduan"),
    "answered": ("dijawab", "ditanggapi", "tanggapan_ke_pelapor", "dibalas",
                 "pelapor_dijawab", "answered", "reporter_answered"),
    "channel": ("kanal", "sumber", "media", "channel", "source"),
    "category": ("kategori", "topik", "category", "topic"),
    "code": ("kode", "kode_wilayah", "kode_desa", "kode_kecamatan"),
    "name": ("desa", "kelurahan", "desa_kelurahan", "kecamatan", "wilayah", "area", "lokasi"),
    "parent": ("kecamatan",),
    "lon": ("lon", "lng", "longitude", "bujur"),
    "lat": ("lat", "latitude", "lintang"),
}
"""Accepted column names (any case; spaces or hyphens for underscores), canonical first."""

CLOSED = frozenset({"selesai", "sudah selesai", "ditutup", "tuntas", "closed", "resolved",
                    "done", "completed", "complete"})
OPEN = frozenset({"proses", "diproses", "dalam proses", "sedang diproses", "belum diproses",
                  "belum diverifikasi", "belum terverifikasi", "terverifikasi",
                  "diverifikasi", "belum ditindaklanjuti", "ditindaklanjuti",
                  "tindak lanjut", "didisposisikan", "disposisi", "menunggu", "baru",
                  "pending", "open", "in progress", "new"})
ARCHIVED = frozenset({"arsip", "diarsipkan", "bukan kewenangan", "ditolak", "tidak valid",
                      "archived", "rejected"})
_YES = frozenset({"ya", "y", "yes", "1", "true", "sudah", "benar"})
_NO = frozenset({"tidak", "t", "no", "n", "0", "false", "belum", "salah"})
_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$")


def parse_date(text: str) -> dt.date | None:
    """``2024-03-05``, ``2024/03/05`` or ``05/03/2024`` (day first, as Indonesian exports
    write it; ``-`` and ``.`` work too), with or without a time; None for an empty cell;
    ValueError otherwise."""
    value = text.strip()
    if not value:
        return None
    iso = _DATE.match(value)
    if iso:
        return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    dmy = _DATE_DMY.match(value)
    if dmy:
        return dt.date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    raise ValueError(value)


def _status(text: str) -> Literal["closed", "open", "archived"] | None:
    value = " ".join(text.casefold().replace("_", " ").split())
    if value in CLOSED:
        return "closed"
    if value in OPEN:
        return "open"
    if value in ARCHIVED:
        return "archived"
    return None


def read_complaints(path: str | Path, *, label: str | None = None,
                    data: bytes | None = None) -> ComplaintExport:
    """A complaints export (CSV) read and checked; every problem raised at once."""
    shown = label or str(path)
    if data is None:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError([Problem(shown, f"cannot read the file: {exc.strerror or exc}")]
                             ) from None
    header, rows = read_csv_rows(data, shown)
    columns = find_columns(header, COLUMNS)
    if columns.get("parent") == columns.get("name"):
        columns.pop("parent", None)
    problems: list[Problem] = []
    if "received" not in columns:
        problems.append(Problem(shown, "the export has no date-received column", line=1,
                                expected="a column " + ", ".join(COLUMNS["received"][:4])
                                + " …", found=shorten(", ".join(header), 120)))
    if "status" not in columns and "closed" not in columns and "days" not in columns:
        problems.append(Problem(shown, "the export says nowhere whether a complaint is closed",
                                line=1, expected="a status column or a date-closed column",
                                found=shorten(", ".join(header), 120)))
    if problems:
        raise InputError(problems)
    complaints = [c for c in (_complaint(shown, header, columns, line, cells, problems)
                              for line, cells in rows) if c is not None]
    if problems:
        raise InputError(problems)
    return ComplaintExport(source=shown, complaints=tuple(complaints),
                           columns=tuple((k, header[i]) for k, i in sorted(columns.items())))


def _complaint(label: str, header: list[str], columns: dict[str, int], line: int,
               cells: list[str], problems: list[Problem]) -> Complaint | None:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    def fail(key: str, message: str, expected: str, found: str) -> None:
        index = columns[key]
        problems.append(Problem(label, message, line=line, column=index + 1,
                                field=header[index], expected=expected, found=shorten(found)))

    before = len(problems)
    dates: dict[str, dt.date | None] = {}
    for key in ("received", "closed"):
        if key not in columns:
            dates[key] = None
            continue
        try:
            dates[key] = parse_date(cell(key))
        except ValueError:
            fail(key, "not a date", "a date such as 2024-03-05 or 05/03/2024", cell(key))
            dates[key] = None
    received, closed = dates["received"], dates["closed"]
    if received is None and "received" in columns and len(problems) == before:
        fail("received", "the complaint has no date received", "a date", "")
    status: Literal["closed", "open", "archived"] | None = None
    if "status" in columns and cell("status").strip():
        status = _status(cell("status"))
        if status is None:
            fail("status", "unknown status", "a status such as Selesai, Proses, Belum "
                 "Terverifikasi or Arsip", cell("status"))
    days = None
    if "days" in columns:
        try:
            days = parse_number(cell("days"), whole=True)
        except ValueError:
            fail("days", "not a number of days", "a whole number of days", cell("days"))
        if days is not None and (days < 0 or not float(days).is_integer()):
            fail("days", "not a number of days", "a whole number 0 or more", cell("days"))
            days = None
    if status is None:
        status = "closed" if closed is not None else "open"
    if status == "closed" and closed is None and days is not None and received is not None:
        closed = received + dt.timedelta(days=int(days))
    if closed is not None and received is not None and closed < received:
        fail("closed", "closed before it was received", f"a date on or after {received}",
             cell("closed"))
    answered = None
    if "answered" in columns and cell("answered").strip():
        word = cell("answered").strip().casefold()
        answered = True if word in _YES else False if word in _NO else None
        if answered is None:
            fail("answered", "not yes or no", "ya/tidak (yes/no)", cell("answered"))
    lon = lat = None
    if "lon" in columns and "lat" in columns and (cell("lon").strip() or cell("lat").strip()):
        try:
            lon, lat = parse_number(cell("lon")), parse_number(cell("lat"))
        except ValueError:
            fail("lon", "not a position", "longitude and latitude in degrees",
                 f"{cell('lon')}, {cell('lat')}")
        if lon is not None and lat is not None and not (-180 <= lon <= 180 and -90 <= lat <= 90):
            fail("lon", "the position is out of range", "longitude −180..180, latitude "
                 "−90..90", f"{cell('lon')}, {cell('lat')}")
    code = clean_text(cell("code")) or None
    name = clean_text(cell("name"))
    parent = clean_text(cell("parent")) or None
    if len(problems) > before or received is None:
        return None
    return Complaint(
        row=line, id=clean_text(cell("id")) or str(line), received=received.isoformat(),
        closed=None if status != "closed" or closed is None else closed.isoformat(),
        status=status, answered=answered, channel=clean_text(cell("channel")),
        category=clean_text(cell("category")),
        ref=AreaRef(name, parent, code) if (name or code) else None, lon=lon, lat=lat)


def figures(complaints: Sequence[Complaint], label: str, min_complaints: int = 1
            ) -> ComplaintFigures:
    """Share closed, median days to close and share answered of ``complaints`` (vectorised).

    Shares are percentages of the complaints that are not archived; the median is over the
    closed complaints whose closing date is known. Below ``min_complaints`` complaints the
    figures are None (the counts stay).
    """
    import numpy as np

    counted = [c for c in complaints if c.status != "archived"]
    total = len(counted)
    closed_flags = np.asarray([c.status == "closed" for c in counted], dtype=bool)
    days = np.asarray([c.days_to_close for c in counted if c.days_to_close is not None],
                      dtype=float)
    said = [c.answered for c in counted if c.answered is not None]
    enough = total >= max(min_complaints, 1)
    closed = int(closed_flags.sum())
    answered = int(sum(said)) if said else None
    return ComplaintFigures(
        label=label, total=total, closed=closed, answered=answered,
        share_closed=100.0 * closed / total if enough else None,
        median_days=float(np.median(days)) if enough and len(days) else None,
        share_answered=(100.0 * answered / len(said)
                        if enough and answered is not None and said else None),
        archived=len(complaints) - total)


def in_year(export: ComplaintExport, year: int | None) -> tuple[Complaint, ...]:
    """The complaints received in ``year`` (all when None)."""
    if year is None:
        return export.complaints
    return tuple(c for c in export.complaints if c.received.startswith(f"{year:04d}-"))


def as_layer(export: ComplaintExport, layer_id: str = "aduan", title: str = "Aduan warga"
             ) -> ProblemLayer:
    """The located complaints as a point layer (those with a position)."""
    return ProblemLayer(id=layer_id, title=title, kind="points", source=export.source,
                        points=tuple(LayerPoint(row=c.row, lon=c.lon, lat=c.lat)
                                     for c in export.complaints
                                     if c.lon is not None and c.lat is not None))


def by_area(complaints: Sequence[Complaint], boundaries: Boundaries
            ) -> tuple[dict[str, list[Complaint]], MatchReport, tuple[int, ...]]:
    """Complaints grouped by area key: by position (point-in-polygon) when they have one,
    else by their area code or name. Returns (groups, match report of the named areas, rows
    of complaints placed nowhere: no position or area, or a position outside every area, or
    an area the file lacks)."""
    import numpy as np
    import shapely

    from .names import match_areas

    groups: dict[str, list[Complaint]] = {a.key: [] for a in boundaries.areas}
    located = [c for c in complaints if c.lon is not None and c.lat is not None]
    named = [c for c in complaints if (c.lon is None or c.lat is None) and c.ref is not None]
    nowhere = [c.row for c in complaints
               if (c.lon is None or c.lat is None) and c.ref is None]
    if located:
        tree = shapely.STRtree([a.geometry for a in boundaries.areas])
        points = shapely.points(np.asarray([(c.lon, c.lat) for c in located], dtype=float))
        hits = tree.query(points, predicate="intersects")
        order = np.lexsort((hits[1], hits[0]))
        first = np.unique(hits[0][order], return_index=True)[1]
        found = dict(zip(hits[0][order][first].tolist(), hits[1][order][first].tolist(),
                         strict=True))
        for index, complaint in enumerate(located):
            if index in found:
                groups[boundaries.areas[found[index]].key].append(complaint)
            else:
                nowhere.append(complaint.row)
    refs = [coarser(c.ref, boundaries) for c in named if c.ref is not None]
    report = match_areas(boundaries, refs)
    mapping = report.mapping()
    for complaint, ref in zip(named, refs, strict=True):
        key = mapping.get(ref.label())
        if key is None:
            nowhere.append(complaint.row)
        else:
            groups[key].append(complaint)
    return groups, report, tuple(sorted(nowhere))


def coarser(ref: AreaRef, boundaries: Boundaries) -> AreaRef:
    """A desa reference read against a kecamatan file: its kecamatan (by the parent name, or
    by the code's prefix ``33.28.10`` of ``33.28.10.1006``)."""
    from .names import normalise_code, normalise_name

    codes = {normalise_code(a.code) for a in boundaries.areas if a.code}
    names = {normalise_name(a.name) for a in boundaries.areas}
    if ref.code and normalise_code(ref.code) not in codes and "." in ref.code:
        prefix = ref.code.rsplit(".", 1)[0]
        if normalise_code(prefix) in codes:
            return AreaRef(ref.parent or "", None, prefix, "kecamatan")
    if (boundaries.key == "name" or not ref.code) and ref.parent \
            and normalise_name(ref.name) not in names \
            and normalise_name(ref.parent) in names:
        return AreaRef(ref.parent, level="kecamatan")
    return ref


def answers(region: str, year: int | None, export: ComplaintExport,
            boundaries: Boundaries | None = None, *, respondent: str = "",
            min_complaints: int = MIN_COMPLAINTS) -> tuple[AnswerRow, ...]:
    """The three indicators for the region and (with ``boundaries``) each area, as rows of a
    long answers table (role ``statistik``). Only complaints received in ``year`` count when
    a year is given. Areas with fewer than ``min_complaints`` complaints get no rows."""
    chosen = in_year(export, year)
    who = respondent or f"{Path(export.source).name} ({len(chosen)} aduan)"
    rows: list[AnswerRow] = []

    def add(area: str | None, kode: str | None, result: ComplaintFigures) -> None:
        for indicator, value in ((INDICATOR_CLOSED, result.share_closed),
                                 (INDICATOR_DAYS, result.median_days),
                                 (INDICATOR_ANSWERED, result.share_answered)):
            if value is not None and math.isfinite(value):
                rows.append(AnswerRow(region=region, year=year, area=area, kode=kode,
                                      respondent=who, role=ROLE, indicator=indicator,
                                      value=round(value, 2)))

    add(None, None, figures(chosen, region))
    if boundaries is not None:
        groups, _report, _nowhere = by_area(chosen, boundaries)
        for area in boundaries.areas:
            add(area.key, area.code, figures(groups[area.key], area.key, min_complaints))
    return tuple(rows)


ANSWER_COLUMNS = ("region", "year", "area", "kode", "respondent", "role", "indicator", "value")


def answers_csv(rows: Sequence[AnswerRow]) -> bytes:
    """The long answers table as UTF-8 CSV (comma, ``\\n``, decimal point); text cells that a
    spreadsheet could read as a formula are prefixed with ``'``."""
    from ..render.escape import spreadsheet_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ANSWER_COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.region),
                         "" if row.year is None else str(row.year),
                         spreadsheet_cell(row.area or ""), spreadsheet_cell(row.kode or ""),
                         spreadsheet_cell(row.respondent), row.role, row.indicator,
                         _number(row.value)])
    return buffer.getvalue().encode("utf-8")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def by_channel(complaints: Sequence[Complaint]) -> Mapping[str, ComplaintFigures]:
    """Figures per channel (app, WhatsApp, social media …), channels in first-seen order."""
    groups: dict[str, list[Complaint]] = {}
    for complaint in complaints:
        groups.setdefault(complaint.channel or "–", []).append(complaint)
    return {name: figures(group, name) for name, group in groups.items()}
