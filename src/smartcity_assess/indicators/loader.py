"""Load an indicator set: YAML → shape check (pydantic) → cross-field checks → frozen model."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, UsageError, shorten
from ..resources import criteria_dir
from ..text import Text
from ..yamlio import PathKey, YamlDocument, format_path, load_yaml_file, parse_yaml
from ..yamlspec import build
from .model import (
    Action,
    Aggregation,
    Band,
    Group,
    GroupKind,
    Imputation,
    Indicator,
    IndicatorSet,
    Normalisation,
    Outliers,
    RespondentRule,
)
from .schema import (
    ActionSpec,
    GroupSpec,
    IndicatorSetSpec,
    IndicatorSpec,
    OutliersSpec,
)
from .vocabulary import CROSSWALK_KEYS, FUNDING_SOURCES, crosswalk_problem, unknown_value

DEFAULT_SET = "smartcity-id"
"""Id of the bundled four-pillar set used when no ``--criteria`` is given."""

DEFAULT_LIKERT_LEVELS = (1, 2, 3, 4, 5)


def bundled_sets() -> dict[str, Path]:
    """Bundled indicator sets by name: the file name without ``.yaml``.

    The current version of a set is ``criteria/<id>.yaml``; an earlier major version that stays
    loadable is ``criteria/<id>@<major>.yaml`` (name ``<id>@<major>``).
    """
    folder = criteria_dir()
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


_VERSION_LINE = re.compile(r"""^version:[ \t]*["']?(\d+)""", re.MULTILINE)


def _major_version(path: Path) -> str | None:
    """Major version of a bundled set, read from its top-level ``version:`` line."""
    found = _VERSION_LINE.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def resolve_set(spec: str | Path | None) -> tuple[Path, str]:
    """Turn a bundled name, ``<id>@<major>`` or a path into (file, label).

    ``smartcity-id@1`` names the file ``criteria/smartcity-id@1.yaml``, or the current file
    ``criteria/smartcity-id.yaml`` when its major version is 1. Unknown names are a usage error.
    """
    if spec is None or spec == "":
        spec = DEFAULT_SET
    text = str(spec)
    bundled = bundled_sets()
    if text in bundled and not Path(text).exists():
        return bundled[text], f"bundled:{text}"
    base, at, major = text.partition("@")
    if at and base in bundled and not Path(text).exists():
        if major.isdigit() and _major_version(bundled[base]) == str(int(major)):
            return bundled[base], f"bundled:{base}"
        versions = sorted(name for name in bundled if name.startswith(base + "@"))
        current = _major_version(bundled[base])
        if current is not None:
            versions.append(f"{base}@{current}")
        known = ", ".join(versions)
        raise UsageError(f"unknown version {text!r} of the bundled set {base!r}: "
                         f"available {known}")
    path = Path(text)
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists() or "/" in text:
        return path, text
    known = ", ".join(bundled) or "(none)"
    raise UsageError(f"unknown indicator set {text!r}: not a bundled set ({known}) nor a file")


def load_indicator_set(spec: str | Path | None = None) -> IndicatorSet:
    """Load a bundled set by id, or a YAML file by path; raise InputError listing every problem."""
    path, label = resolve_set(spec)
    if label.startswith("bundled:"):
        raw = path.read_bytes()
        key = (label, hashlib.sha256(raw).hexdigest())
        found = _BUNDLED.get(key)
        if found is None:
            found = _BUNDLED[key] = build_indicator_set(parse_yaml(raw, label))
        return found
    return build_indicator_set(load_yaml_file(path))


_BUNDLED: dict[tuple[str, str], IndicatorSet] = {}
"""Bundled sets already read in this process, by label and content: a set is a frozen value,
and reading the default set takes about half a second (a run that loads it twice, such as
``demo`` or a test session, reads it once)."""


def build_indicator_set(document: YamlDocument) -> IndicatorSet:
    """Validate a parsed document and build the model."""
    return build(document, IndicatorSetSpec, what="an indicator set",
                 expected="keys such as id, version, title, pillars", check=_check,
                 make=_to_model)


# --- cross-field checks ----------------------------------------------------------------


def _walk_groups(
    groups: list[GroupSpec], path: PathKey
) -> Iterator[tuple[GroupSpec, PathKey]]:
    for index, group in enumerate(groups):
        gpath = (*path, index)
        yield group, gpath
        if group.dimensions:
            yield from _walk_groups(group.dimensions, (*gpath, "dimensions"))


def _walk_indicators(spec: IndicatorSetSpec) -> Iterator[tuple[IndicatorSpec, PathKey]]:
    for group, gpath in _walk_groups(spec.pillars, ("pillars",)):
        for index, indicator in enumerate(group.indicators or []):
            yield indicator, (*gpath, "indicators", index)


def _check(spec: IndicatorSetSpec, doc: YamlDocument) -> Iterator[Problem]:
    def problem(path: PathKey, message: str, expected: str | None = None,
                found: object = None) -> Problem:
        line, column = doc.locate(path)
        return Problem(doc.label, message, line=line, column=column, field=format_path(path),
                       expected=expected, found=None if found is None else shorten(found))

    low, high = spec.scale
    if not low < high:
        yield problem(("scale",), "scale must go from low to high", "min < max", spec.scale)
    elif not math.isfinite(high - low):
        yield problem(("scale",), "scale is too wide to compute with", "a width below 1e308",
                      spec.scale)
    for name, weights in (("role_weights", spec.role_weights),):
        for role in weights:
            if role != role.strip().lower():
                yield problem((name, role), f"role {role!r} is not in lower case, as the roles "
                              "of the survey data are read", repr(role.strip().lower()), role)

    previous: float | None = None
    for index, band in enumerate(spec.bands):
        if previous is not None and band.from_ <= previous:
            yield problem(("bands", index, "from"), "bands must be in ascending order",
                          f"more than {previous:g}", band.from_)
        if not low <= band.from_ <= high:
            yield problem(("bands", index, "from"), "band starts outside the scale",
                          f"between {low:g} and {high:g}", band.from_)
        previous = band.from_
    if spec.bands and spec.bands[0].from_ > low:
        yield problem(("bands", 0, "from"), "the lowest band must start at the bottom of the scale",
                      f"{low:g}", spec.bands[0].from_)

    seen: dict[str, PathKey] = {}

    def unique(kind: str, ident: str, path: PathKey) -> Iterator[Problem]:
        if ident in seen:
            yield problem((*path, "id"), f"duplicate id {ident!r} ({kind})",
                          "ids unique across pillars, dimensions, indicators and actions",
                          f"also at {format_path(seen[ident])}")
        else:
            seen[ident] = path

    for group, gpath in _walk_groups(spec.pillars, ("pillars",)):
        yield from unique("group", group.id, gpath)
        if group.dimensions is not None and group.indicators is not None:
            yield problem(gpath, f"group {group.id!r} has both dimensions and indicators",
                          "either dimensions or indicators")
        children: list[Any] = list(group.dimensions or group.indicators or [])
        if not children:
            yield problem(gpath, f"group {group.id!r} is empty",
                          "at least one dimension or indicator")
        elif sum(c.weight for c in children) <= 0:
            yield problem(gpath, f"all weights in group {group.id!r} are zero",
                          "at least one positive weight")
    if sum(p.weight for p in spec.pillars) <= 0:
        yield problem(("pillars",), "all pillar weights are zero", "at least one positive weight")

    action_ids: dict[str, PathKey] = {}
    for indicator, ipath in _walk_indicators(spec):
        yield from unique("indicator", indicator.id, ipath)
        yield from _check_indicator(indicator, ipath, spec, problem)
        yield from _check_crosswalk(indicator, ipath, problem)
        for index, action in enumerate(indicator.actions):
            apath = (*ipath, "actions", index)
            yield from unique("action", action.id, apath)
            action_ids[action.id] = apath
            if action.applies_below is not None and not low <= action.applies_below <= high:
                yield problem((*apath, "applies_below"), "applies_below is outside the scale",
                              f"between {low:g} and {high:g}", action.applies_below)
            yield from _check_action_fields(action, apath, problem)
    yield from _check_dependencies(spec, action_ids, problem)
    yield from _check_methods(spec, problem)
    yield from _check_default_role(spec, problem)


def _check_default_role(spec: IndicatorSetSpec, problem: Any) -> Iterator[Problem]:
    """``default_role`` must be a role some indicator asks (any role when one asks everybody)."""
    role = spec.default_role
    if role is None:
        return
    asked = sorted({r for ind, _ in _walk_indicators(spec) for r in ind.roles})
    everybody = any(not ind.roles for ind, _ in _walk_indicators(spec))
    if role != role.strip().lower():
        yield problem(("default_role",), f"role {role!r} is not in lower case, as the roles "
                      "of the survey data are read", repr(role.strip().lower()), role)
    elif not everybody and role not in asked:
        yield problem(("default_role",), f"default_role {role!r} is not asked by any "
                      "indicator", "one of " + ", ".join(asked), role)


def _check_indicator(ind: IndicatorSpec, path: PathKey, spec: IndicatorSetSpec,
                     problem: Any) -> Iterator[Problem]:
    from ..survey.load import RESERVED  # survey column names with a meaning of their own

    if ind.id.strip().casefold() in RESERVED:
        yield problem((*path, "id"), f"indicator id {ind.id!r} is a reserved survey column name",
                      "an id other than " + ", ".join(sorted(RESERVED)), ind.id)
    if ind.type == "number" and ind.goalposts is None:
        yield problem(path, f"indicator {ind.id!r} of type number needs goalposts",
                      "goalposts: [min, max]")
    if ind.type == "likert" and ind.levels is not None and len(ind.levels) < 2:
        yield problem((*path, "levels"), "a likert indicator needs at least two levels")
    if ind.type == "choice" and not ind.choices:
        yield problem(path, f"indicator {ind.id!r} of type choice needs choices",
                      "choices: {answer: value, ...}")
    if ind.type != "choice" and ind.choices:
        yield problem((*path, "choices"), "choices only apply to type choice", found=ind.type)
    if ind.type != "likert" and ind.levels and ind.type not in ("number", "percent"):
        yield problem((*path, "levels"), "levels only apply to likert or maturity indicators",
                      found=ind.type)
    goalposts = ind.goalposts or list(_default_goalposts(ind))
    if goalposts and not goalposts[0] < goalposts[1]:
        yield problem((*path, "goalposts"), "goalposts must be in increasing order",
                      "min < max (use direction: lower for lower-is-better)", goalposts)
    elif goalposts and not math.isfinite(goalposts[1] - goalposts[0]):
        yield problem((*path, "goalposts"), "goalposts are too far apart to compute with",
                      "a distance below 1e308", goalposts)
    if ind.transform == "log" and goalposts and goalposts[0] <= 0:
        yield problem((*path, "goalposts"), "a log transform needs positive goalposts",
                      "min > 0", goalposts)
    for name, pair in (("goalposts", ind.goalposts), ("range", ind.range)):
        if pair is not None and not all(math.isfinite(v) for v in pair):
            yield problem((*path, name), f"{name} must be finite numbers", found=pair)
    if ind.range is not None and not ind.range[0] <= ind.range[1]:
        yield problem((*path, "range"), "range must be in increasing order", "min <= max",
                      ind.range)
    if ind.type == "percent" and ind.range is not None and (
            ind.range[0] < 0 or ind.range[1] > 100):
        yield problem((*path, "range"), "a percent range must lie within 0–100", found=ind.range)
    valid = ind.range or ([0.0, 100.0] if ind.type == "percent" else None)
    if ind.target is not None and valid is not None and not valid[0] <= ind.target <= valid[1]:
        yield problem((*path, "target"), "target is outside the valid range",
                      f"between {valid[0]:g} and {valid[1]:g}", ind.target)
    if ind.transform == "log" and ind.target is not None and ind.target <= 0:
        yield problem((*path, "target"), "a log transform needs a positive target", "> 0",
                      ind.target)
    if (ind.respondents == "share" and ind.share_from is None
            and ind.type in ("number", "percent", "choice")):
        yield problem((*path, "share_from"),
                      "respondents: share needs share_from for this type",
                      "the raw value from which an answer counts as positive")
    for index, role in enumerate(ind.roles):
        if role != role.strip().lower():
            yield problem((*path, "roles", index), f"role {role!r} is not in lower case, as the "
                          "roles of the survey data are read", repr(role.strip().lower()), role)
        elif spec.role_weights and role not in spec.role_weights:
            yield problem((*path, "roles"), f"role {role!r} has no entry in role_weights",
                          ", ".join(sorted(spec.role_weights)))


def _crosswalk_text(value: Any) -> str | None:
    """A crosswalk value as text: strings as they are, numbers (``spbe: 16``) as written."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _check_crosswalk(ind: IndicatorSpec, path: PathKey, problem: Any) -> Iterator[Problem]:
    for key, value in (ind.crosswalk or {}).items():
        kpath = (*path, "crosswalk", key)
        if key not in CROSSWALK_KEYS:
            message, expected = unknown_value("crosswalk key", str(key), CROSSWALK_KEYS)
            yield problem(kpath, message, expected)
            continue
        text = _crosswalk_text(value)
        if text is None:
            yield problem(kpath, f"crosswalk {key} must be a text or a number",
                          "e.g. kominfo: governance, spbe: \"16\"", value)
            continue
        found = crosswalk_problem(key, text)
        if found is not None:
            message, expected = found
            yield problem(kpath, message, expected, None if "unknown" in message else text)


def _check_action_fields(action: ActionSpec, path: PathKey, problem: Any
                         ) -> Iterator[Problem]:
    for index, source in enumerate(action.funding):
        if source not in FUNDING_SOURCES:
            message, expected = unknown_value("funding source", source, FUNDING_SOURCES)
            yield problem((*path, "funding", index), message, expected)
    for index, artefact in enumerate(action.requires):
        if artefact in action.provides:
            yield problem((*path, "requires", index),
                          f"action {action.id!r} requires {artefact!r}, which it provides itself",
                          "an artefact made by another action or already in place")
    for name in ("requires", "provides", "funding"):
        items = getattr(action, name)
        for index, item in enumerate(items):
            if item in items[:index]:
                yield problem((*path, name, index), f"{item!r} is listed twice in {name}")


def _check_dependencies(spec: IndicatorSetSpec, action_ids: dict[str, PathKey],
                        problem: Any) -> Iterator[Problem]:
    graph: dict[str, list[str]] = {}
    for indicator, _ in _walk_indicators(spec):
        for action in indicator.actions:
            graph[action.id] = list(action.depends_on)
            apath = action_ids.get(action.id, ())
            for index, dep in enumerate(action.depends_on):
                if dep not in action_ids:
                    yield problem((*apath, "depends_on", index),
                                  f"action {action.id!r} depends on unknown action {dep!r}",
                                  "the id of an action in this set", dep)
    # Cycles: depth-first search, reporting each cycle once. Iterative, with an explicit
    # stack: a chain of thousands of actions must not exhaust Python's recursion.
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for root in graph:
        if state.get(root, 0) != 0:
            continue
        state[root] = 1
        path = [root]
        pending = [iter(graph.get(root, []))]
        while pending:
            node = path[-1]
            after: str | None = next(pending[-1], None)
            if after is None:
                pending.pop()
                path.pop()
                state[node] = 2
                continue
            if after not in graph:
                continue
            if state.get(after) == 1:
                cycle = path[path.index(after):]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    yield problem((*action_ids[node], "depends_on"),
                                  "actions depend on each other in a cycle: "
                                  + " → ".join([*cycle, after]), "no cycles")
            elif state.get(after, 0) == 0:
                state[after] = 1
                path.append(after)
                pending.append(iter(graph.get(after, [])))


@dataclass(frozen=True)
class _Inherited:
    """Method settings handed down the tree (set → group → dimension → indicator)."""

    normalisation: Normalisation
    imputation: Imputation
    outliers: OutliersSpec | None
    clip: bool = True

    def below(self, node: GroupSpec | IndicatorSpec) -> _Inherited:
        return _Inherited(
            normalisation=node.normalisation or self.normalisation,
            imputation=node.imputation or self.imputation,
            outliers=node.outliers if node.outliers is not None else self.outliers,
            clip=node.clip if node.clip is not None else self.clip,
        )


def _resolved_indicators(spec: IndicatorSetSpec
                         ) -> Iterator[tuple[IndicatorSpec, PathKey, _Inherited]]:
    """Every indicator with its path and the method settings that apply to it."""
    def walk(groups: list[GroupSpec], path: PathKey, inherited: _Inherited
             ) -> Iterator[tuple[IndicatorSpec, PathKey, _Inherited]]:
        for index, group in enumerate(groups):
            gpath = (*path, index)
            own = inherited.below(group)
            if group.dimensions:
                yield from walk(group.dimensions, (*gpath, "dimensions"), own)
            for position, indicator in enumerate(group.indicators or []):
                yield indicator, (*gpath, "indicators", position), own.below(indicator)

    yield from walk(spec.pillars, ("pillars",),
                    _Inherited(spec.normalisation, spec.imputation, spec.outliers, spec.clip))


def _check_methods(spec: IndicatorSetSpec, problem: Any) -> Iterator[Problem]:
    for outliers, path in _outlier_specs(spec):
        low, high = outliers.limits
        if not 0.0 <= low < high <= 1.0:
            yield problem((*path, "outliers", "limits"),
                          "outlier limits must be two percentiles in increasing order",
                          "0 <= low < high <= 1, e.g. [0.05, 0.95]", outliers.limits)
    for floor, path in _floors(spec):
        high = spec.scale[1]
        if not 0 < floor <= high:
            yield problem((*path, "geometric_floor"),
                          "geometric_floor must lie above 0 and within the scale",
                          f"a score above 0 and at most {high:g}", floor)
    for ind, ipath, methods in _resolved_indicators(spec):
        if not methods.clip and ind.transform == "log" and (ind.range is None
                                                             or ind.range[0] <= 0):
            yield problem((*ipath, "range"),
                          f"indicator {ind.id!r} has clip: false and transform: log, so every "
                          "value must be positive: give a range whose lower end is above 0",
                          "range: [min, max] with min > 0", ind.range)
        if methods.normalisation != "distance-to-target":
            continue
        if ind.target is None:
            yield problem((*ipath, "target"),
                          f"indicator {ind.id!r} uses normalisation distance-to-target but has "
                          "no target", "target: the raw value that scores the top of the scale")
            continue
        goalposts = _default_goalposts(ind)
        if not goalposts:
            continue
        worst = goalposts[0] if ind.direction == "higher" else goalposts[1]
        if (ind.target <= worst) if ind.direction == "higher" else (ind.target >= worst):
            side = "above the lower" if ind.direction == "higher" else "below the upper"
            yield problem((*ipath, "target"),
                          f"for distance-to-target the target must lie {side} goalpost",
                          f"{'>' if ind.direction == 'higher' else '<'} {worst:g}", ind.target)


def _floors(spec: IndicatorSetSpec) -> Iterator[tuple[float, PathKey]]:
    if spec.geometric_floor is not None:
        yield spec.geometric_floor, ()
    for group, gpath in _walk_groups(spec.pillars, ("pillars",)):
        if group.geometric_floor is not None:
            yield group.geometric_floor, gpath


def _outlier_specs(spec: IndicatorSetSpec) -> Iterator[tuple[OutliersSpec, PathKey]]:
    if spec.outliers is not None:
        yield spec.outliers, ()
    for group, gpath in _walk_groups(spec.pillars, ("pillars",)):
        if group.outliers is not None:
            yield group.outliers, gpath
        for index, indicator in enumerate(group.indicators or []):
            if indicator.outliers is not None:
                yield indicator.outliers, (*gpath, "indicators", index)


# --- building the model -----------------------------------------------------------------


def _default_goalposts(ind: IndicatorSpec) -> tuple[float, float] | tuple[()]:
    if ind.goalposts is not None:
        return (ind.goalposts[0], ind.goalposts[1])
    if ind.type in ("percent", "boolean") or _default_respondents(ind) == "share":
        # `share` turns answers into the percentage of positive answers.
        return (0.0, 100.0)
    if ind.type == "likert":
        levels = sorted(ind.levels) if ind.levels else list(DEFAULT_LIKERT_LEVELS)
        return (float(levels[0]), float(levels[-1]))
    if ind.type == "choice" and ind.choices:
        return (min(ind.choices.values()), max(ind.choices.values()))
    return ()


def _default_respondents(ind: IndicatorSpec) -> RespondentRule:
    if ind.respondents is not None:
        return ind.respondents
    return "share" if ind.type == "boolean" else "mean"


def _default_share_from(ind: IndicatorSpec) -> float | None:
    if ind.share_from is not None:
        return ind.share_from
    if ind.type == "boolean":
        return 1.0
    if ind.type == "likert":
        levels = sorted(ind.levels) if ind.levels else list(DEFAULT_LIKERT_LEVELS)
        # The level just above the middle: 4 on 1–5 ("agree"), 5 on 1–7 is 5.
        return float(levels[len(levels) // 2 + (0 if len(levels) % 2 == 0 else 1)])
    return ind.target


def _text(value: Any) -> Text:
    return Text.of(value)


def _to_action(spec: ActionSpec, indicator_id: str) -> Action:
    return Action(
        id=spec.id, title=_text(spec.title), indicator=indicator_id,
        applies_below=spec.applies_below, effort=spec.effort, horizon=spec.horizon,
        owner=spec.owner, gain=spec.gain, depends_on=tuple(spec.depends_on),
        description=_text(spec.description), references=tuple(spec.references),
        requires=tuple(spec.requires), provides=tuple(spec.provides),
        regulation=spec.regulation, citizen_impact=spec.citizen_impact,
        cost_class=spec.cost_class, funding=tuple(spec.funding),
        nomenclature=spec.nomenclature,
    )


def _to_outliers(spec: OutliersSpec | None) -> Outliers | None:
    if spec is None or spec.method == "none":
        return None
    return Outliers(method=spec.method, limits=(spec.limits[0], spec.limits[1]), over=spec.over)


def _to_indicator(spec: IndicatorSpec, inherited: _Inherited) -> Indicator:
    goalposts = _default_goalposts(spec)
    assert goalposts, "checked before building"
    levels: tuple[tuple[int, Text], ...]
    if spec.type == "likert":
        source = spec.levels or {level: str(level) for level in DEFAULT_LIKERT_LEVELS}
        levels = tuple((level, _text(source[level])) for level in sorted(source))
    else:
        levels = tuple((level, _text(text)) for level, text in sorted((spec.levels or {}).items()))
    unit = _text(spec.unit) if spec.unit else _text("%" if spec.type == "percent" else None)
    valid = (spec.range[0], spec.range[1]) if spec.range else None
    if spec.type == "percent" and valid is None:
        valid = (0.0, 100.0)
    return Indicator(
        id=spec.id, title=_text(spec.title), type=spec.type, goalposts=goalposts,
        direction=spec.direction, weight=spec.weight, question=_text(spec.question),
        description=_text(spec.description), unit=unit.get("en") if unit else None,
        unit_text=unit,
        valid_range=valid, transform=spec.transform, target=spec.target,
        respondents=_default_respondents(spec),
        share_from=_default_share_from(spec), levels=levels,
        choices=tuple((spec.choices or {}).items()),
        actions=tuple(_to_action(a, spec.id) for a in spec.actions),
        references=tuple(spec.references), roles=tuple(spec.roles),
        min_answers=spec.min_answers,
        normalisation=inherited.normalisation,
        imputation=inherited.imputation,
        outliers=_to_outliers(inherited.outliers),
        kind=spec.kind,
        clip=inherited.clip,
        crosswalk=tuple(sorted((key, text) for key, value in (spec.crosswalk or {}).items()
                               if (text := _crosswalk_text(value)) is not None)),
    )


def _to_group(spec: GroupSpec, kind: GroupKind, aggregation: Aggregation, min_coverage: float,
              inherited: _Inherited, floor: float | None = None) -> Group:
    own_aggregation = spec.aggregation or aggregation
    own_coverage = spec.min_coverage if spec.min_coverage is not None else min_coverage
    own_floor = spec.geometric_floor if spec.geometric_floor is not None else floor
    own = inherited.below(spec)
    children: tuple[Group | Indicator, ...]
    if spec.dimensions is not None:
        children = tuple(_to_group(d, "dimension", own_aggregation, own_coverage, own,
                                   own_floor) for d in spec.dimensions)
    else:
        children = tuple(_to_indicator(i, own.below(i)) for i in spec.indicators or [])
    return Group(
        id=spec.id, title=_text(spec.title), kind=kind,
        children=children, weight=spec.weight, aggregation=own_aggregation,
        min_coverage=own_coverage, description=_text(spec.description),
        geometric_floor=own_floor,
    )


def _to_model(spec: IndicatorSetSpec, document: YamlDocument) -> IndicatorSet:
    # Groups without their own aggregation use arithmetic means (PRODUCT.md: the set-level
    # `aggregation` says how *pillars* combine into the index).
    methods = _Inherited(spec.normalisation, spec.imputation, spec.outliers, spec.clip)
    return IndicatorSet(
        id=spec.id, version=spec.version, title=_text(spec.title),
        pillars=tuple(_to_group(p, "pillar", "arithmetic", spec.min_coverage, methods,
                                spec.geometric_floor) for p in spec.pillars),
        scale=(spec.scale[0], spec.scale[1]), aggregation=spec.aggregation,
        min_coverage=spec.min_coverage,
        bands=tuple(Band(lower=b.from_, label=_text(b.label), color=b.color,
                         description=_text(b.description)) for b in spec.bands),
        description=_text(spec.description), references=tuple(spec.references),
        based_on=spec.based_on or "",
        role_weights=tuple(sorted(spec.role_weights.items())),
        ignore_columns=tuple(spec.ignore_columns), default_role=spec.default_role,
        geometric_floor=spec.geometric_floor,
        source=document.label, sha256=hashlib.sha256(document.raw).hexdigest(),
    )
