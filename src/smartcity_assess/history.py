"""Earlier scores: region-year snapshots read from ``scores.json`` files or taken from a run.

A :class:`Snapshot` is the part of one region-year's result that comparisons and trends need:
the index, band and coverage, every pillar, dimension and indicator score, and the indicator
set (id, version, hash) it was scored with, so that a change of set shows as a *break*.
:func:`read_scores` reads any file ``score --format json``, ``report`` or ``run`` wrote;
:func:`read_history` reads a folder of them (the ``history`` of an assessment config).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, Problem, shorten
from .notices import Notice
from .scoring.results import Assessment, GroupResult, IndicatorResult

MAX_SCORES_BYTES = 512 * 1024 * 1024
"""Largest scores file read (all 514 kab/kota over five years is about 8 MB)."""
MAX_DEPTH = 32
"""Deepest nesting of pillars, dimensions and indicators read (the bundled set needs 3)."""
DEFAULT_SCALE = (0.0, 100.0)
"""The scale of a scores file that does not state one."""
_SURROGATE = re.compile("[\ud800-\udfff]")
KINDS = ("pillar", "dimension", "indicator")


@dataclass(frozen=True)
class Criteria:
    """The indicator set a snapshot was scored with."""

    id: str
    version: str
    sha256: str | None = None

    @property
    def label(self) -> str:
        """``smartcity-id 1.0``."""
        return f"{self.id} {self.version}"


@dataclass(frozen=True)
class NodeScore:
    """The score of one pillar, dimension or indicator."""

    id: str
    kind: str
    """``pillar``, ``dimension`` or ``indicator``."""
    pillar: str
    """Id of the pillar the node belongs to (its own id for a pillar)."""
    score: float | None
    value: float | None = None
    """The combined raw value (indicators only)."""


@dataclass(frozen=True)
class Snapshot:
    """One region-year as scored once."""

    region: str
    year: int | None
    score: float | None
    band: str | None
    coverage: float
    criteria: Criteria
    nodes: tuple[NodeScore, ...]
    """Every pillar, dimension and indicator, in the order of the set (depth first)."""
    source: str = ""
    """Where it came from: a file as the user gave it, or ``<this run>``."""

    @property
    def key(self) -> tuple[str, int | None]:
        """(region, year)."""
        return (self.region, self.year)

    @property
    def label(self) -> str:
        """``Kabupaten Tegal 2025`` (or the region alone without a year)."""
        return self.region if self.year is None else f"{self.region} {self.year}"

    def of_kind(self, kind: str) -> Iterator[NodeScore]:
        """Nodes of one kind, in set order."""
        return (node for node in self.nodes if node.kind == kind)

    def node(self, node_id: str) -> NodeScore | None:
        """A node by id, or None when this snapshot has no such node."""
        return next((node for node in self.nodes if node.id == node_id), None)


def from_assessment(assessment: Assessment, lang: str = "id", source: str = "<this run>"
                    ) -> list[Snapshot]:
    """The snapshots of an assessment made in this process."""
    iset = assessment.indicator_set
    criteria = Criteria(iset.id, iset.version, iset.sha256 or None)
    snapshots = []
    for result in assessment.results:
        nodes: list[NodeScore] = []
        for pillar in result.pillars:
            _collect(pillar, pillar.id, nodes)
        snapshots.append(Snapshot(
            region=result.region, year=result.year, score=result.score,
            band=result.band.label.get(lang) if result.band else None,
            coverage=result.coverage, criteria=criteria, nodes=tuple(nodes), source=source))
    return snapshots


def _collect(node: GroupResult | IndicatorResult, pillar: str, into: list[NodeScore]) -> None:
    if isinstance(node, IndicatorResult):
        into.append(NodeScore(node.id, "indicator", pillar, node.score, node.value))
        return
    into.append(NodeScore(node.id, node.kind, pillar, node.score))
    for child in node.children:
        _collect(child, pillar, into)


def read_scores(path: str | Path, label: str | None = None) -> list[Snapshot]:
    """Every region-year of one scores file; :class:`InputError` lists all its problems."""
    label = label or str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError([Problem(label, "is a folder, not a scores file",
                                      expected="a scores.json file")])
        size = file.stat().st_size
        if size > MAX_SCORES_BYTES:
            raise InputError([Problem(label, "file is too large",
                                      expected=f"at most {MAX_SCORES_BYTES:,} bytes",
                                      found=f"{size:,} bytes")])
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(label, "file not found")]) from None
    except OSError as exc:
        raise InputError([Problem(label, f"file cannot be read ({exc.strerror})")]) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError([Problem(label, "file is not UTF-8 text", expected="UTF-8 JSON",
                                  found=f"byte {raw[exc.start]:#04x} at offset {exc.start}")]
                         ) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(label, f"not valid JSON: {exc.msg}", line=exc.lineno,
                                  column=exc.colno, expected="a scores.json file")]) from None
    except RecursionError:
        raise InputError([Problem(label, "the document is nested too deeply",
                                  expected=f"at most {MAX_DEPTH} levels, as in a scores.json "
                                  "file")]) from None
    except ValueError as exc:  # a whole number of thousands of digits
        raise InputError([Problem(label, "not valid JSON: a number is too large",
                                  expected="a scores.json file",
                                  found=str(exc).split(":")[0])]) from None
    return from_dict(data, label)


def from_dict(data: Any, label: str) -> list[Snapshot]:
    """Snapshots from the parsed JSON of a scores file (see docs/scores-json.md)."""
    problems: list[Problem] = []

    def problem(field: str, message: str, expected: str | None = None,
                found: object = None) -> None:
        problems.append(Problem(label, message, field=field, expected=expected,
                                found=None if found is None else _shown(found)))

    if not isinstance(data, dict) or "results" not in data or "criteria" not in data:
        problem("(document)", "not a scores file",
                "an object with criteria and results, as written by "
                "`smartcity-assess score --format json`",
                type(data).__name__ if not isinstance(data, dict) else sorted(data)[:6])
        raise InputError(problems)
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version > 1:
        problem("schema_version", "scores file from a newer smartcity-assess",
                "schema_version 1", version)
    raw_criteria = data["criteria"]
    criteria = Criteria("?", "?")
    if not isinstance(raw_criteria, dict):
        problem("criteria", "criteria must be an object", "{id, version, ...}", raw_criteria)
    else:
        cid, cversion, sha = (raw_criteria.get(k) for k in ("id", "version", "sha256"))
        if not isinstance(cid, str) or not cid:
            problem("criteria.id", "criteria id missing or not text", "text", cid)
        if not isinstance(cversion, str | int | float) or isinstance(cversion, bool):
            problem("criteria.version", "criteria version missing", "text", cversion)
        criteria = Criteria(str(cid), str(cversion), sha if isinstance(sha, str) else None)
        for field, value in (("criteria.id", cid), ("criteria.version", cversion)):
            if isinstance(value, str) and _SURROGATE.search(value):
                problem(field, _HALF_CHARACTER, "whole characters", value)
    scale = _scale(raw_criteria.get("scale") if isinstance(raw_criteria, dict) else None,
                   problem)
    results = data["results"]
    snapshots: list[Snapshot] = []
    if not isinstance(results, list):
        problem("results", "results must be a list", "a list of region-years", results)
    else:
        for index, result in enumerate(results):
            snapshot = _snapshot(result, f"results[{index}]", criteria, label, problem, scale)
            if snapshot is not None:
                snapshots.append(snapshot)
        seen: dict[tuple[str, int | None], int] = {}
        for index, snapshot in enumerate(snapshots):
            if snapshot.key in seen:
                problem(f"results[{index}]", f"{snapshot.label} appears twice",
                        "each region-year once", f"also results[{seen[snapshot.key]}]")
            seen.setdefault(snapshot.key, index)
    if problems:
        raise InputError(problems)
    return snapshots


_HALF_CHARACTER = "text holds half of a character (a lone surrogate)"


def _shown(value: Any) -> str:
    """A found value for a message; a value nested too deeply to print is named by type."""
    try:
        return shorten(value)
    except (RecursionError, ValueError):
        return f"a {type(value).__name__} nested too deeply to show"


def _number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # a whole number beyond any float
        return False


def _scale(value: Any, problem: Any) -> tuple[float, float]:
    """The file's scale (``criteria.scale``), or :data:`DEFAULT_SCALE` when it has none."""
    if value is None:
        return DEFAULT_SCALE
    if (isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value)
            and value[0] < value[1] and math.isfinite(value[1] - value[0])):
        return (float(value[0]), float(value[1]))
    problem("criteria.scale", "scale must be two numbers, low then high", "e.g. [0, 100]",
            value)
    return DEFAULT_SCALE


def _on_scale(score: Any, scale: tuple[float, float]) -> bool:
    """``score`` lies on the scale (within rounding)."""
    low, high = scale
    slack = (high - low) * 1e-9
    return bool(low - slack <= score <= high + slack)


def _snapshot(result: Any, where: str, criteria: Criteria, label: str,
              problem: Any, scale: tuple[float, float] = DEFAULT_SCALE) -> Snapshot | None:
    if not isinstance(result, dict):
        problem(where, "a result must be an object", "{region, year, score, pillars}", result)
        return None
    region, year, score = result.get("region"), result.get("year"), result.get("score")
    ok = True
    if not isinstance(region, str) or not region.strip():
        problem(f"{where}.region", "region missing or not text", "text", region)
        ok = False
    elif _SURROGATE.search(region):
        problem(f"{where}.region", _HALF_CHARACTER, "whole characters", region)
        ok = False
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        problem(f"{where}.year", "year must be a whole number or null", "e.g. 2025", year)
        ok = False
    if score is not None and not _number(score):
        problem(f"{where}.score", "score must be a number or null", "a number", score)
        ok = False
    elif score is not None and not _on_scale(score, scale):
        problem(f"{where}.score", "score is outside the scale",
                f"between {scale[0]:g} and {scale[1]:g}", score)
        ok = False
    coverage = result.get("coverage", 0.0)
    if not _number(coverage) or not 0 <= coverage <= 1:
        problem(f"{where}.coverage", "coverage must be a number from 0 to 1", "0–1", coverage)
        ok = False
    band = result.get("band")
    if isinstance(band, str) and _SURROGATE.search(band):
        band = None
    nodes: list[NodeScore] = []
    pillars = result.get("pillars", [])
    if not isinstance(pillars, list):
        problem(f"{where}.pillars", "pillars must be a list", "a list", pillars)
        ok = False
    else:
        for index, pillar in enumerate(pillars):
            ok = _nodes(pillar, f"{where}.pillars[{index}]", None, nodes, problem,
                        scale) and ok
    if not ok:
        return None
    return Snapshot(region=str(region), year=year, score=score,
                    band=band if isinstance(band, str) else None, coverage=float(coverage),
                    criteria=criteria, nodes=tuple(nodes), source=label)


def _nodes(node: Any, where: str, pillar: str | None, into: list[NodeScore],
           problem: Any, scale: tuple[float, float] = DEFAULT_SCALE, depth: int = 1) -> bool:
    if depth > MAX_DEPTH:
        problem(where, "pillars, dimensions and indicators are nested too deeply",
                f"at most {MAX_DEPTH} levels", "more")
        return False
    if not isinstance(node, dict):
        problem(where, "a node must be an object", "{id, kind, score}", node)
        return False
    node_id, kind, score = node.get("id"), node.get("kind", "pillar"), node.get("score")
    ok = True
    if not isinstance(node_id, str) or not node_id:
        problem(f"{where}.id", "id missing or not text", "text", node_id)
        ok = False
    elif _SURROGATE.search(node_id):
        problem(f"{where}.id", _HALF_CHARACTER, "whole characters", node_id)
        ok = False
    if kind not in KINDS:
        problem(f"{where}.kind", "unknown node kind", ", ".join(KINDS), kind)
        ok = False
    if score is not None and not _number(score):
        problem(f"{where}.score", "score must be a number or null", "a number", score)
        ok = False
    elif score is not None and not _on_scale(score, scale):
        problem(f"{where}.score", "score is outside the scale",
                f"between {scale[0]:g} and {scale[1]:g}", score)
        ok = False
    value = node.get("value")
    if not ok:
        return False
    own_pillar = pillar or str(node_id)
    into.append(NodeScore(str(node_id), str(kind), own_pillar, score,
                          value if _number(value) else None))
    children = node.get("children", [])
    if kind != "indicator" and isinstance(children, list):
        for index, child in enumerate(children):
            ok = _nodes(child, f"{where}.children[{index}]", own_pillar, into, problem,
                        scale, depth + 1) and ok
    return ok


# --- history folders -------------------------------------------------------------------------


def is_scores_file(path: Path) -> bool:
    """Files a history folder is searched for: ``scores.json``, ``scores-2024.json``,
    ``2024.scores.json`` … (``provenance.json`` and other JSON files are left alone)."""
    name = path.name.lower()
    return name.endswith(".json") and (name.startswith("scores") or name.endswith("scores.json"))


def history_files(folder: str | Path) -> list[Path]:
    """Scores files anywhere under ``folder``, in a fixed (sorted) order."""
    root = Path(folder)
    if not root.is_dir():
        kind = "is a file, not a folder" if root.exists() else "folder not found"
        raise InputError([Problem(str(folder), f"history {kind}",
                                  expected="a folder of earlier scores.json files")])
    return sorted((p for p in root.rglob("*.json") if p.is_file() and is_scores_file(p)),
                  key=lambda p: p.relative_to(root).as_posix())


@dataclass(frozen=True)
class History:
    """Earlier snapshots by region-year, with what was noticed while merging them."""

    snapshots: tuple[Snapshot, ...]
    files: tuple[Path, ...]
    notes: tuple[Notice, ...] = ()

    def by_key(self) -> dict[tuple[str, int | None], Snapshot]:
        """Snapshot of each region-year."""
        return {s.key: s for s in self.snapshots}


def read_history(folder: str | Path, labels: Mapping[Path, str] | None = None) -> History:
    """Read every scores file under ``folder``. A region-year found in several files is taken
    from the last file in path order (a note says so when their scores differ). Every problem
    of every file is reported at once."""
    files = history_files(folder)
    problems: list[Problem] = []
    chosen: dict[tuple[str, int | None], Snapshot] = {}
    notes: list[Notice] = []
    for file in files:
        label = (labels or {}).get(file, str(file))
        try:
            snapshots = read_scores(file, label)
        except InputError as error:
            problems.extend(error.problems)
            continue
        for snapshot in snapshots:
            earlier = chosen.get(snapshot.key)
            if earlier is not None and (earlier.score, earlier.criteria) != (
                    snapshot.score, snapshot.criteria):
                notes.append(Notice("history-conflict", (
                    ("label", snapshot.label), ("first", earlier.source),
                    ("second", snapshot.source)), region=snapshot.region, year=snapshot.year))
            chosen[snapshot.key] = snapshot
    if problems:
        raise InputError(problems)
    ordered = sorted(chosen.values(), key=_order)
    return History(tuple(ordered), tuple(files), tuple(notes))


def _order(snapshot: Snapshot) -> tuple[str, int]:
    return (snapshot.region, -1 if snapshot.year is None else snapshot.year)


class Timeline:
    """Snapshots by region, in year order, to find "the previous year" fast.

    Later snapshots of the same region-year replace earlier ones: give history first and this
    run's results last, so the data (scored with today's set) wins over an old file.
    """

    def __init__(self, snapshots: Iterable[Snapshot]) -> None:
        merged: dict[tuple[str, int | None], Snapshot] = {}
        for snapshot in snapshots:
            merged[snapshot.key] = snapshot
        self.regions: dict[str, list[Snapshot]] = {}
        for snapshot in sorted(merged.values(), key=_order):
            self.regions.setdefault(snapshot.region, []).append(snapshot)

    def before(self, region: str, year: int | None) -> Snapshot | None:
        """The latest snapshot of ``region`` from a year before ``year`` (None without one,
        or when ``year`` is None)."""
        if year is None:
            return None
        found = None
        for snapshot in self.regions.get(region, []):
            if snapshot.year is not None and snapshot.year < year:
                found = snapshot
        return found

    def series(self, region: str) -> list[Snapshot]:
        """Every year of ``region``, oldest first."""
        return list(self.regions.get(region, []))
