"""Compare scores: files against files, years against years, regions against regions.

The things compared are *sides*. Each side holds snapshots keyed by what is matched across
sides:

============ ==================================== ===================
mode          a side is                            matched by
============ ==================================== ===================
``files``     one scores file (latest year each)   region
``years``     one year (from one or more files)    region
``regions``   one region                           year
============ ==================================== ===================

Every side is compared with the side before it (``against="previous"``, the default: year
over year) or with the first side (``against="first"``). A pair of snapshots gives deltas of
the index and of every pillar, dimension and indicator, the change of band and of rank (the
rank among all regions of the same file and year), and a *break* flag when the indicator
set's id or version differs, because then the numbers were not made the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .errors import UsageError
from .history import Snapshot, Timeline
from .messages import text, tr
from .notices import Notice
from .numbers import format_number
from .render.escape import markdown_text

Mode = Literal["files", "years", "regions"]
Against = Literal["previous", "first"]
SCHEMA_VERSION = 1
DETAIL_LIMIT = 5
"""With this many pairs or fewer, Markdown and table output show every pillar and indicator."""


@dataclass(frozen=True)
class Delta:
    """One node (or the index) in the base and the other snapshot."""

    id: str
    kind: str
    """``index``, ``pillar``, ``dimension`` or ``indicator``."""
    pillar: str | None
    base: float | None
    other: float | None

    @property
    def delta(self) -> float | None:
        """``other - base``; None when either is not assessed."""
        if self.base is None or self.other is None:
            return None
        return self.other - self.base


@dataclass(frozen=True)
class Rank:
    """Place among the regions of the same file and year (1 = highest index)."""

    rank: int
    of: int


@dataclass(frozen=True)
class Pair:
    """Two snapshots compared."""

    key: str
    """What matched them: the region (files, years) or the year (regions)."""
    base_side: str
    other_side: str
    base: Snapshot
    other: Snapshot
    index: Delta
    base_rank: Rank | None
    other_rank: Rank | None
    groups: tuple[Delta, ...]
    """Pillars and dimensions, in set order."""
    indicators: tuple[Delta, ...]
    notes: tuple[Notice, ...] = ()

    @property
    def is_break(self) -> bool:
        """True when the two snapshots were scored with a different set id or version."""
        return (self.base.criteria.id, self.base.criteria.version) != (
            self.other.criteria.id, self.other.criteria.version)

    @property
    def break_reason(self) -> str | None:
        """``indicator set changed: smartcity-id 1.0 → smartcity-id 2.0``."""
        if not self.is_break:
            return None
        return (f"indicator set changed: {self.base.criteria.label} → "
                f"{self.other.criteria.label}")

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive: moved up)."""
        if self.base_rank is None or self.other_rank is None:
            return None
        return self.base_rank.rank - self.other_rank.rank

    def pillars(self) -> tuple[Delta, ...]:
        """Pillar deltas only."""
        return tuple(d for d in self.groups if d.kind == "pillar")


@dataclass(frozen=True)
class Side:
    """One side of a comparison."""

    label: str
    records: dict[str, Snapshot]
    """Matched key → snapshot, in display order."""


@dataclass(frozen=True)
class Comparison:
    """Every pair of a comparison, and the keys a side lacked."""

    mode: Mode
    against: Against
    sides: tuple[Side, ...]
    pairs: tuple[Pair, ...]
    unmatched: tuple[tuple[str, str, str], ...]
    """(key, side that has it, side that lacks it)."""


# --- building --------------------------------------------------------------------------------


def ranks(snapshots: Sequence[Snapshot]) -> dict[tuple[str, str, int | None], Rank]:
    """Competition rank (1, 2, 2, 4) of every assessed snapshot among those of the same
    source and year; keyed by (source, region, year)."""
    groups: dict[tuple[str, int | None], list[Snapshot]] = {}
    for snapshot in snapshots:
        if snapshot.score is not None:
            groups.setdefault((snapshot.source, snapshot.year), []).append(snapshot)
    found: dict[tuple[str, str, int | None], Rank] = {}
    for members in groups.values():
        scores = sorted((s.score for s in members if s.score is not None), reverse=True)
        first: dict[float, int] = {}
        for position, score in enumerate(scores, start=1):
            first.setdefault(score, position)
        for snapshot in members:
            assert snapshot.score is not None
            found[(snapshot.source, snapshot.region, snapshot.year)] = Rank(
                first[snapshot.score], len(scores))
    return found


def _year_label(year: int | None) -> str:
    return "(no year)" if year is None else str(year)


def _unique(snapshots: Sequence[Snapshot], what: str) -> dict[tuple[str, int | None], Snapshot]:
    found: dict[tuple[str, int | None], Snapshot] = {}
    for snapshot in snapshots:
        earlier = found.get(snapshot.key)
        if earlier is not None:
            raise UsageError(f"{snapshot.label} is in both {earlier.source} and "
                             f"{snapshot.source}; {what}")
        found[snapshot.key] = snapshot
    return found


def build_sides(files: Sequence[tuple[str, Sequence[Snapshot]]], *,
                regions: Sequence[str] = (), years: Sequence[int] = ()
                ) -> tuple[Mode, list[Side]]:
    """Decide what is compared and group the snapshots into sides.

    - two or more ``regions``: one side per region, matched by year (``years`` narrows);
    - two or more ``years``: one side per year, matched by region (one region narrows);
    - two or more files: one side per file, matched by region; a file holding several years
      of a region contributes its latest (one ``years`` value picks the year);
    - one file holding several years: one side per year, in order.
    """
    pool = [s for _, snapshots in files for s in snapshots]
    known_regions = sorted({s.region for s in pool})
    for region in regions:
        if region not in known_regions:
            close = [r for r in known_regions if r.casefold() == region.casefold()]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"region {region!r} is not in the scores{hint}")
    known_years = sorted({s.year for s in pool if s.year is not None})
    for year in years:
        if year not in known_years:
            raise UsageError(f"year {year} is not in the scores (found: "
                             f"{', '.join(map(str, known_years)) or 'none'})")
    if len(set(regions)) != len(regions) or len(set(years)) != len(years):
        raise UsageError("each --region and --year may be given once")

    if len(regions) >= 2:
        chosen = [s for s in pool if not years or s.year in years]
        unique = _unique(chosen, "compare regions within one file, or pass --year")
        sides = [Side(region, {_year_label(s.year): s for s in sorted(
            (s for s in unique.values() if s.region == region), key=_by_year)})
            for region in regions]
        return "regions", sides
    region_filter = set(regions)

    def keep(snapshot: Snapshot) -> bool:
        return not region_filter or snapshot.region in region_filter

    if len(years) >= 2 or (len(files) == 1 and not years):
        chosen_years: list[int | None] = list(years) if years else sorted(
            {s.year for s in pool}, key=lambda y: -1 if y is None else y)
        if len(chosen_years) < 2:
            raise UsageError("nothing to compare: give two or more scores files, or "
                             "--year A --year B, or --region A --region B (this file holds "
                             f"one year: {_year_label(chosen_years[0] if chosen_years else None)})")
        unique = _unique([s for s in pool if keep(s)],
                         "pass one file per year, or --region to pick one region")
        sides = [Side(_year_label(year), {s.region: s for s in sorted(
            (s for s in unique.values() if s.year == year), key=lambda s: s.region)})
            for year in chosen_years]
        return "years", sides

    sides = []
    for label, snapshots in files:
        latest: dict[str, Snapshot] = {}
        for snapshot in sorted(snapshots, key=_by_year):
            if keep(snapshot) and (not years or snapshot.year == years[0]):
                latest[snapshot.region] = snapshot
        sides.append(Side(label, dict(sorted(latest.items()))))
    return "files", sides


def _by_year(snapshot: Snapshot) -> int:
    return -1 if snapshot.year is None else snapshot.year


def compare(files: Sequence[tuple[str, Sequence[Snapshot]]], *, regions: Sequence[str] = (),
            years: Sequence[int] = (), against: Against = "previous") -> Comparison:
    """Compare scores (see the module text for what is compared with what).

    ``files`` are (label, snapshots) per scores file, in the order given. Raises
    :class:`UsageError` when there is nothing to compare or the choice is ambiguous.
    """
    if against not in ("previous", "first"):
        raise UsageError(f"unknown baseline {against!r}: use previous or first")
    if not files:
        raise UsageError("no scores files given")
    mode, sides = build_sides(files, regions=regions, years=years)
    if len(sides) < 2:
        raise UsageError("nothing to compare: give two or more scores files, or "
                         "--year A --year B, or --region A --region B")
    ranked = ranks([s for _, snapshots in files for s in snapshots])
    pairs: list[Pair] = []
    unmatched: list[tuple[str, str, str]] = []
    for position in range(1, len(sides)):
        base_side = sides[0] if against == "first" else sides[position - 1]
        other_side = sides[position]
        for key, other in other_side.records.items():
            base = base_side.records.get(key)
            if base is None:
                unmatched.append((key, other_side.label, base_side.label))
                continue
            pairs.append(pair(key, base_side.label, other_side.label, base, other, ranked))
        for key in base_side.records:
            if key not in other_side.records:
                unmatched.append((key, base_side.label, other_side.label))
    if not pairs:
        raise UsageError("nothing to compare: the sides have no region (or year) in common")
    return Comparison(mode, against, tuple(sides), tuple(pairs), tuple(unmatched))


def pair(key: str, base_side: str, other_side: str, base: Snapshot, other: Snapshot,
         ranked: dict[tuple[str, str, int | None], Rank] | None = None) -> Pair:
    """Deltas between two snapshots."""
    ranked = ranked or {}
    groups: list[Delta] = []
    indicators: list[Delta] = []
    base_nodes = {n.id: n for n in base.nodes}
    other_ids = {n.id for n in other.nodes}
    for node in other.nodes:
        was = base_nodes.get(node.id)
        delta = Delta(node.id, node.kind, node.pillar, was.score if was else None, node.score)
        (indicators if node.kind == "indicator" else groups).append(delta)
    for node in base.nodes:  # dropped from the set since
        if node.id not in other_ids:
            delta = Delta(node.id, node.kind, node.pillar, node.score, None)
            (indicators if node.kind == "indicator" else groups).append(delta)
    notes = []
    same_set = (base.criteria.id, base.criteria.version) == (other.criteria.id,
                                                             other.criteria.version)
    hashes = (base.criteria.sha256, other.criteria.sha256)
    if same_set and all(hashes) and hashes[0] != hashes[1]:
        notes.append(Notice("set-file-changed", (("set", other.criteria.label),)))
    return Pair(
        key=key, base_side=base_side, other_side=other_side, base=base, other=other,
        index=Delta("index", "index", None, base.score, other.score),
        base_rank=ranked.get((base.source, base.region, base.year)),
        other_rank=ranked.get((other.source, other.region, other.year)),
        groups=tuple(groups), indicators=tuple(indicators), notes=tuple(notes))


# --- output ----------------------------------------------------------------------------------


def _delta_dict(delta: Delta) -> dict[str, Any]:
    return {"id": delta.id, "kind": delta.kind, "pillar": delta.pillar, "base": delta.base,
            "other": delta.other, "delta": delta.delta}


def _rank_dict(rank: Rank | None) -> dict[str, int] | None:
    return None if rank is None else {"rank": rank.rank, "of": rank.of}


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data with a fixed key order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "mode": comparison.mode,
        "against": comparison.against,
        "sides": [{"label": side.label, "keys": list(side.records)} for side in comparison.sides],
        "pairs": [{
            "key": p.key,
            "base": {"side": p.base_side, "region": p.base.region, "year": p.base.year,
                     "source": p.base.source, "criteria": _criteria(p.base),
                     "band": p.base.band, "coverage": p.base.coverage,
                     "rank": _rank_dict(p.base_rank)},
            "other": {"side": p.other_side, "region": p.other.region, "year": p.other.year,
                      "source": p.other.source, "criteria": _criteria(p.other),
                      "band": p.other.band, "coverage": p.other.coverage,
                      "rank": _rank_dict(p.other_rank)},
            "break": p.is_break,
            "break_reason": p.break_reason,
            "index": {"base": p.index.base, "other": p.index.other, "delta": p.index.delta},
            "band_changed": p.base.band != p.other.band,
            "rank_change": p.rank_change,
            "pillars": [_delta_dict(d) for d in p.groups if d.kind == "pillar"],
            "dimensions": [_delta_dict(d) for d in p.groups if d.kind == "dimension"],
            "indicators": [_delta_dict(d) for d in p.indicators],
            "notes": [str(note) for note in p.notes],
        } for p in comparison.pairs],
        "unmatched": [{"key": key, "in": has, "missing_from": lacks}
                      for key, has, lacks in comparison.unmatched],
    }


def _criteria(snapshot: Snapshot) -> dict[str, str | None]:
    return {"id": snapshot.criteria.id, "version": snapshot.criteria.version,
            "sha256": snapshot.criteria.sha256}


def to_json(comparison: Comparison) -> str:
    """Pretty, stable JSON ending in a newline."""
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def signed(value: float | None, lang: str = "en", digits: int = 1) -> str:
    """``+1.2`` / ``−0.4`` / ``±0.0`` (minus sign U+2212), locale separators; ``–`` for None."""
    if value is None:
        return "–"
    text = format_number(abs(value), lang, digits)
    if text.strip("0,.") == "":
        return "±" + text
    return ("+" if value > 0 else "−") + text


def rank_text(rank: Rank | None) -> str:
    """``12/514``."""
    return "–" if rank is None else f"{rank.rank}/{rank.of}"


def rank_change_text(change: int | None) -> str:
    """``▲3``, ``▼2`` or ``=``."""
    if change is None:
        return "–"
    if change == 0:
        return "="
    return ("▲" if change > 0 else "▼") + str(abs(change))


def pair_title(p: Pair) -> str:
    """``Kabupaten Tegal: 2024 → 2025`` (years/files) or ``2025: Kota A → Kota B`` (regions)."""
    return f"{p.key}: {p.base_side} → {p.other_side}"


MODE_KEYS = {"files": "cmp_mode_files", "years": "cmp_mode_years",
             "regions": "cmp_mode_regions"}
AGAINST_KEYS = {"previous": "cmp_against_previous", "first": "cmp_against_first"}
KIND_KEYS = {"index": "cmp_kind_index", "pillar": "cmp_kind_pillar",
             "dimension": "cmp_kind_dimension", "indicator": "cmp_kind_indicator"}
"""Words of the comparison's mode, baseline and node kinds → catalogue keys."""


def break_text(p: Pair, lang: str) -> str:
    """Why a pair is a break, in ``lang`` (empty when it is not one)."""
    if not p.is_break:
        return ""
    return tr("cmp_break_reason", lang, old=p.base.criteria.label, new=p.other.criteria.label)


def node_name(delta: Delta, names: Mapping[str, str], lang: str) -> str:
    """What a person reads for a node: the index, or the node's name (its id without one)."""
    if delta.kind == "index":
        return text("index_short", lang)
    return names.get(delta.id) or delta.id


def summary_heads(comparison: Comparison, lang: str, sides: str) -> tuple[str, str]:
    """The line that says what was compared (``sides``: their labels, made safe for the
    output) and the heading of the key column."""
    mode, count = comparison.mode, len(comparison.pairs)
    title = tr("cmp_intro_one" if count == 1 else "cmp_intro", lang, n=count,
               mode=text(MODE_KEYS[mode], lang), sides=sides,
               against=text(AGAINST_KEYS[comparison.against], lang))
    return title, text("col_year" if mode == "regions" else "col_region", lang)


def to_markdown(comparison: Comparison, lang: str = "en", detail: bool | None = None,
                names: Mapping[str, str] | None = None) -> str:
    """A summary table (one row per pair) and, for a few pairs, every pillar and indicator,
    in ``lang``; ``names`` (node id → name) names the pillars and indicators."""
    names = names or {}
    show_detail = len(comparison.pairs) <= DETAIL_LIMIT if detail is None else detail
    pillar_ids = list(dict.fromkeys(d.id for p in comparison.pairs for d in p.pillars()))
    sides = " · ".join(markdown_text(s.label) for s in comparison.sides)
    breaks = any(p.is_break for p in comparison.pairs)
    intro, key_head = summary_heads(comparison, lang, sides)

    def w(key: str) -> str:
        return text(key, lang)

    note_head = [w("cmp_note")] if breaks else []
    lines = [
        f"# {w('cmp_title')}",
        "",
        intro,
        "",
        "| " + " | ".join([key_head, w("cmp_from"), w("cmp_to"), w("index_short"),
                          w("cmp_delta_index"), w("col_band"), w("cmp_rank"),
                          *(f"Δ {markdown_text(names.get(pid) or pid)}" for pid in pillar_ids),
                          *note_head]) + " |",
        "| " + " | ".join(["---", "---", "---", "---:", "---:", "---", "---",
                          *(["---:"] * len(pillar_ids)), *(["---"] if breaks else [])]) + " |",
    ]
    for p in comparison.pairs:
        deltas = {d.id: d for d in p.pillars()}
        band = (markdown_text(p.other.band or "–") if p.base.band == p.other.band
                else f"{markdown_text(p.base.band or '–')} → {markdown_text(p.other.band or '–')}")
        rank = f"{rank_text(p.base_rank)} → {rank_text(p.other_rank)}"
        if p.rank_change:
            rank += f" ({rank_change_text(p.rank_change)})"
        note_cell = [tr("cmp_break_cell", lang, reason=markdown_text(break_text(p, lang)))
                     if p.is_break else "–"] if breaks else []
        lines.append("| " + " | ".join([
            markdown_text(p.key), markdown_text(p.base_side), markdown_text(p.other_side),
            format_number(p.index.other, lang, 1), signed(p.index.delta, lang), band, rank,
            *(signed(deltas[pid].delta, lang) if pid in deltas else "–" for pid in pillar_ids),
            *note_cell]) + " |")
    if comparison.unmatched:
        lines += ["", w("cmp_unmatched") + ":", ""]
        for key, has, lacks in comparison.unmatched:
            lines.append("- " + tr("cmp_unmatched_item", lang, key=markdown_text(key),
                                   has=markdown_text(has), lacks=markdown_text(lacks)))
    if show_detail:
        for p in comparison.pairs:
            lines += ["", f"## {markdown_text(pair_title(p))}", ""]
            if p.is_break:
                lines += [tr("cmp_break_detail", lang,
                             reason=markdown_text(break_text(p, lang))), ""]
            for note in p.notes:
                lines += [tr("cmp_note_line", lang, note=markdown_text(note.text(lang))), ""]
            lines += [
                "| " + " | ".join([w("cmp_node"), w("cmp_kind"), w("cmp_from"), w("cmp_to"),
                                  "Δ"]) + " |",
                "| --- | --- | ---: | ---: | ---: |",
            ]
            for d in (p.index, *p.groups, *p.indicators):
                lines.append(f"| {markdown_text(node_name(d, names, lang))} | "
                             f"{w(KIND_KEYS[d.kind])} | "
                             f"{format_number(d.base, lang, 1)} | "
                             f"{format_number(d.other, lang, 1)} | {signed(d.delta, lang)} |")
    lines.append("")
    return "\n".join(lines)


# --- trends ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    """One year of a region's trend, with its change from the year before (if any)."""

    snapshot: Snapshot
    change: Pair | None

    @property
    def is_break(self) -> bool:
        """True when this year was scored with another indicator set than the year before."""
        return self.change is not None and self.change.is_break


def trend(timeline: Timeline, region: str, until: int | None = None) -> list[TrendPoint]:
    """The years of ``region`` up to ``until`` (all when None), oldest first, each compared
    with the year before it."""
    series = [s for s in timeline.series(region) if s.year is not None
              and (until is None or s.year <= until)]
    points: list[TrendPoint] = []
    for position, snapshot in enumerate(series):
        before = series[position - 1] if position else None
        change = None if before is None else pair(region, str(before.year), str(snapshot.year),
                                                  before, snapshot)
        points.append(TrendPoint(snapshot, change))
    return points
