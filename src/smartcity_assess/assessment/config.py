"""The assessment config (``assessment.yaml``): what ``smartcity-assess run`` does.

Paths in the file are relative to the file's own folder, so a project runs the same from
any working directory. The shape is checked by pydantic (unknown keys are errors, so a typo
never passes silently) and every problem is reported with its line, as for indicator sets.
Checks that need the indicator set (pillar and indicator ids, thresholds on the scale) are in
:func:`check_against_set`.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..errors import InputError, Problem, shorten
from ..indicators.model import IndicatorSet
from ..yamlio import PathKey, YamlDocument, format_path, load_yaml_file
from ..yamlspec import require_mapping, validate

if TYPE_CHECKING:
    from ..geo.inputs import GeoOptions

DEFAULT_CONFIG = "assessment.yaml"
DEFAULT_OUTPUT = "scorecard"
LEVELS = ("off", "warn", "error")
CHECKS = ("min_score", "max_drop")
WILDCARD = "*"
"""An assertion for every pillar (or indicator) that has none of its own."""



def _yaml_off(value: object) -> object:
    """YAML 1.1 reads a bare ``off`` as false: take it for the level ``off``."""
    return "off" if value is False else value


Level = Annotated[Literal["off", "warn", "error"], BeforeValidator(_yaml_off)]
ReportFormat = Literal["html", "md", "pdf"]
Language = Literal["id", "en"]
DEFAULT_FORMATS: tuple[ReportFormat, ...] = ("html", "md")
DEFAULT_LANGUAGES: tuple[Language, ...] = ("id",)
Finite = Annotated[float, Field(allow_inf_nan=False)]
Points = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1, max_length=4096)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThresholdSpec(_Strict):
    """The long form of a check, with its own level: ``{value: 60, level: warn}``."""

    value: Finite
    level: Level | None = None


class AssertionSpec(_Strict):
    """Checks on one node. ``level`` applies to each check that does not set its own."""

    level: Level = "error"
    min_score: Finite | ThresholdSpec | None = Field(
        default=None, description="Lowest acceptable score (not assessed counts as failing).")
    max_drop: Points | ThresholdSpec | None = Field(
        default=None, description="Largest acceptable fall in score points since the "
        "previous year (from the data or the history folder).")


class AssertionsSpec(_Strict):
    """Lighthouse-CI-style assertions on the index, pillars and indicators."""

    scope: Literal["latest", "all"] = Field(
        default="latest", description="latest: each region's latest year in the data; "
        "all: every region-year.")
    index: AssertionSpec | None = None
    pillars: dict[Name, AssertionSpec] = Field(default_factory=dict)
    indicators: dict[Name, AssertionSpec] = Field(default_factory=dict)


class OutputsSpec(_Strict):
    """Where and what ``run`` writes."""

    folder: Name = DEFAULT_OUTPUT
    formats: list[ReportFormat] = Field(default_factory=lambda: list(DEFAULT_FORMATS))
    reports: Literal["latest", "all", "none"] = Field(
        default="latest", description="Region-years that get a masterplan and roadmap: each "
        "region's latest year, every region-year, or none.")


class LayerSpec(_Strict):
    """A problem layer with its type, title and unit (docs/maps.md)."""

    file: Name
    type: Literal["flood", "dengue", "crime", "complaints", "generic"] | None = Field(
        default=None, description="What the layer shows (default: guessed from the file "
        "name, else generic).")
    name: Name | None = None
    unit: Name | None = None
    measure: Literal["count", "per_km2", "per_100k", "value"] | None = None
    illustrative: bool = False


class MapsSpec(_Strict):
    """Areas on the map: a boundary file, problem layers, a complaints export."""

    boundaries: Name | None = Field(default=None, description="GeoJSON boundary file of "
                                    "the areas inside the region (kecamatan or desa).")
    boundary_key: Literal["kode", "name"] = "kode"
    layers: list[Name | LayerSpec] = Field(default_factory=list)
    complaints: Name | None = Field(default=None, description="Complaints export (CSV) "
                                    "that measures the dampak.aduan_* indicators.")
    complaints_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    indicators: list[Name] = Field(default_factory=list, description="Indicator ids to "
                                   "map by area besides the index and the pillars.")
    min_respondents: Annotated[int, Field(ge=1, le=10_000)] | None = None


class ConfigSpec(_Strict):
    """An ``assessment.yaml`` file."""

    version: Literal[1] = 1
    criteria: Name | None = Field(
        default=None, description="Indicator set: a bundled id, or a YAML file relative to "
        "this file. Default: the bundled smartcity-id.")
    inputs: Annotated[list[Name], Field(min_length=1)] = Field(
        description="Survey files or glob patterns (data/*.csv, data/**/*.xlsx), relative to "
        "this file. Every pattern must match at least one file.")
    sheet: Name | None = None
    ignore_columns: list[Name] = Field(default_factory=list)
    plan: Name | None = None
    languages: Annotated[list[Language], Field(min_length=1)] = Field(
        default_factory=lambda: list(DEFAULT_LANGUAGES))
    history: Name | None = Field(
        default=None, description="Folder of earlier scores files (scores*.json), searched "
        "recursively, for year-over-year deltas and max_drop.")
    uncertainty: bool = Field(
        default=True, description="Bootstrap intervals and the sensitivity analysis in the "
        "scores and reports (seeded: reruns give the same numbers). false skips both.")
    seed: int = Field(default=20250101, description="Seed of the bootstrap and the "
                      "sensitivity analysis.")
    outputs: OutputsSpec = OutputsSpec()
    assertions: AssertionsSpec = AssertionsSpec()
    maps: MapsSpec = MapsSpec()


# --- the resolved config ---------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One check of one assertion, with the level that applies."""

    name: str
    """``min_score`` or ``max_drop``."""
    value: float
    level: str


@dataclass(frozen=True)
class Assertion:
    """The checks on one node: the index, a pillar id or an indicator id (or ``*``)."""

    kind: str
    """``index``, ``pillar`` or ``indicator``."""
    id: str
    checks: tuple[Check, ...]
    field: str
    """Where it is in the config (``assertions.pillars.economy``), for messages."""


@dataclass(frozen=True)
class AssessmentConfig:
    """A checked config with its paths resolved and its inputs expanded."""

    path: Path
    """The config file as the user named it."""
    folder: Path
    """Its folder: every relative path in the config starts here."""
    sha256: str
    criteria: str | Path | None
    """For :func:`~smartcity_assess.indicators.loader.load_indicator_set`."""
    inputs: tuple[str, ...]
    """The patterns as written."""
    input_files: tuple[Path, ...]
    """Every file the patterns matched, once, in pattern order then sorted."""
    sheet: str | None
    ignore_columns: tuple[str, ...]
    plan: Path | None
    languages: tuple[str, ...]
    history: Path | None
    output: Path
    formats: tuple[str, ...]
    reports: str
    scope: str
    assertions: tuple[Assertion, ...]
    spec: ConfigSpec = field(repr=False, compare=False)
    document: YamlDocument = field(repr=False, compare=False)
    uncertainty: bool = True
    seed: int = 20250101
    geo: GeoOptions | None = None
    """Boundaries, problem layers and complaints (``maps:``); None when the config names
    none."""

    @property
    def geo_files(self) -> tuple[Path, ...]:
        """The files of ``maps:`` (read by the run, never written over)."""
        if self.geo is None:
            return ()
        found = [self.geo.boundaries, self.geo.complaints,
                 *(layer.path for layer in self.geo.layers)]
        return tuple(p for p in found if p is not None)

    def relative(self, path: Path) -> str:
        """A path as the config would write it: relative to its folder, with ``/``."""
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return Path(os.path.relpath(path, self.folder)).as_posix()

    def resolved(self) -> dict[str, Any]:
        """The config with defaults filled in and inputs expanded (for provenance.json)."""
        data = self.spec.model_dump(mode="json")
        data["input_files"] = [self.relative(p) for p in self.input_files]
        data["outputs"]["folder"] = self.relative(self.output)  # after a --out override
        return data


def load_config(path: str | Path) -> AssessmentConfig:
    """Read, check and resolve a config; :class:`InputError` lists every problem at once."""
    document = load_yaml_file(path)
    return build_config(document, Path(path))


def build_config(document: YamlDocument, path: Path) -> AssessmentConfig:
    """Validate a parsed config document."""
    label = document.label
    data = require_mapping(document, "an assessment config",
                           "keys such as inputs, criteria, outputs, assertions")
    folder = path.parent
    spec, problems = validate(document, ConfigSpec, data)

    def problem(where: PathKey, message: str, expected: str | None = None,
                found: object = None) -> None:
        line, column = document.locate(where)
        problems.append(Problem(label, message, line=line, column=column,
                                field=format_path(where), expected=expected,
                                found=None if found is None else shorten(found)))

    # The paths are checked even when the shape is wrong elsewhere: every problem at once.
    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) and value else None

    raw_inputs = data.get("inputs")
    files = _expand(raw_inputs if isinstance(raw_inputs, list)
                    and all(isinstance(i, str) and i for i in raw_inputs) else [],
                    folder, problem)
    plan_name, history_name = text("plan"), text("history")
    plan = folder / plan_name if plan_name is not None else None
    if plan is not None and not plan.is_file():
        problem(("plan",), "plan file not found" if not plan.exists() else "plan is not a file",
                "a plan YAML file relative to the config", plan_name)
    history = folder / history_name if history_name is not None else None
    if history is not None and not history.is_dir():
        problem(("history",), "history folder not found" if not history.exists()
                else "history is not a folder", "a folder of earlier scores.json files",
                history_name)
    criteria = _criteria(text("criteria"), folder, problem)
    if spec is None:
        raise InputError(problems)
    geo = _geo(spec.maps, folder, problem)
    if len(set(spec.languages)) != len(spec.languages):
        problem(("languages",), "a language is listed twice", "each language once",
                spec.languages)
    if len(set(spec.outputs.formats)) != len(spec.outputs.formats):
        problem(("outputs", "formats"), "a format is listed twice", "each format once",
                spec.outputs.formats)
    output = folder / spec.outputs.folder
    project, real_output = os.path.realpath(folder), os.path.realpath(output)
    if real_output == project:
        problem(("outputs", "folder"), "the output folder is the project folder itself",
                "a folder of its own, such as scorecard", spec.outputs.folder)
    elif not real_output.startswith(project.rstrip(os.sep) + os.sep):
        # Outside the project, a run would replace and remove files beside or above it.
        problem(("outputs", "folder"), "the output folder is outside the project folder",
                "a folder inside the folder of this config, such as scorecard (or --out "
                "on the command line)", spec.outputs.folder)
    assertions = _assertions(spec.assertions)
    if problems:
        raise InputError(problems)
    return AssessmentConfig(
        path=path, folder=folder, sha256=hashlib.sha256(document.raw).hexdigest(),
        criteria=criteria, inputs=tuple(spec.inputs), input_files=tuple(files),
        sheet=spec.sheet, ignore_columns=tuple(spec.ignore_columns), plan=plan,
        languages=tuple(spec.languages), history=history, output=output,
        formats=tuple(spec.outputs.formats), reports=spec.outputs.reports,
        scope=spec.assertions.scope, assertions=assertions, uncertainty=spec.uncertainty,
        seed=spec.seed, spec=spec, document=document, geo=geo)


def _geo(spec: MapsSpec, folder: Path, problem: Any) -> GeoOptions | None:
    """The ``maps:`` block with its paths resolved (each missing file a problem)."""
    from ..geo.inputs import GeoOptions, guess_type
    from ..geo.inputs import LayerSpec as Layer

    def found(value: str, where: PathKey, what: str) -> Path | None:
        target = folder / value
        if not target.is_file():
            problem(where, f"{what} {value!r} not found", f"a {what} relative to the config",
                    value)
            return None
        return target

    def label(path: Path) -> str:
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            return Path(os.path.relpath(path, folder)).as_posix()

    boundaries = complaints = None
    if spec.boundaries is not None:
        boundaries = found(spec.boundaries, ("maps", "boundaries"), "boundary file")
    if spec.complaints is not None:
        complaints = found(spec.complaints, ("maps", "complaints"), "complaints export")
    layers = []
    for index, item in enumerate(spec.layers):
        entry = item if isinstance(item, LayerSpec) else LayerSpec(file=item)
        where: PathKey = ("maps", "layers", index) if isinstance(item, str) else (
            "maps", "layers", index, "file")
        path = found(entry.file, where, "layer file")
        if path is None:
            continue
        layers.append(Layer(path, entry.type or guess_type(path), name=entry.name,
                            unit=entry.unit, measure=entry.measure,
                            illustrative=entry.illustrative, label=label(path)))
    if layers and spec.boundaries is None:
        problem(("maps", "layers"), "problem layers need a boundary file",
                "maps.boundaries: a GeoJSON file of the areas")
    options = GeoOptions(
        boundaries=boundaries, key=spec.boundary_key,
        boundaries_label=label(boundaries) if boundaries is not None else None,
        layers=tuple(layers), complaints=complaints,
        complaints_label=label(complaints) if complaints is not None else None,
        complaints_year=spec.complaints_year, map_indicators=tuple(spec.indicators),
        min_respondents=spec.min_respondents)
    return None if options.empty and spec.min_respondents is None else options


def _expand(patterns: list[str], folder: Path, problem: Any) -> list[Path]:
    files: dict[str, Path] = {}
    for index, pattern in enumerate(patterns):
        if any(char in pattern for char in "*?["):
            matches = sorted(glob.glob(pattern, root_dir=folder, recursive=True))
            found = [m for m in matches if (folder / m).is_file()]
            if not found:
                problem(("inputs", index), f"no file matches {pattern!r}",
                        "at least one survey file (paths are relative to the config)")
        else:
            found = [pattern]
            target = folder / pattern
            if not target.exists():
                problem(("inputs", index), f"input file {pattern!r} not found",
                        "a survey file relative to the config")
                continue
            if target.is_dir():
                problem(("inputs", index), f"input {pattern!r} is a folder",
                        "a file or a pattern such as data/*.csv")
                continue
        for match in found:
            target = folder / match
            files.setdefault(os.path.realpath(target), target)
    return list(files.values())


def _criteria(value: str | None, folder: Path, problem: Any) -> str | Path | None:
    from ..indicators.loader import bundled_sets

    if value is None:
        return None
    candidate = folder / value
    looks_like_path = (Path(value).suffix.lower() in (".yaml", ".yml", ".json")
                       or "/" in value or "\\" in value)
    if candidate.is_file():
        return candidate
    if looks_like_path:
        problem(("criteria",), f"indicator set file {value!r} not found",
                "a bundled set id or a YAML file relative to the config")
        return None
    bundled = bundled_sets()
    if value not in bundled:
        problem(("criteria",), f"unknown indicator set {value!r}",
                f"a bundled set ({', '.join(bundled) or 'none'}) or a YAML file", value)
        return None
    return value


def _checks(spec: AssertionSpec) -> tuple[Check, ...]:
    checks = []
    for name in CHECKS:
        given = getattr(spec, name)
        if given is None:
            continue
        if isinstance(given, ThresholdSpec):
            checks.append(Check(name, given.value, given.level or spec.level))
        else:
            checks.append(Check(name, float(given), spec.level))
    return tuple(checks)


def _assertions(spec: AssertionsSpec) -> tuple[Assertion, ...]:
    found = []
    if spec.index is not None:
        found.append(Assertion("index", "index", _checks(spec.index), "assertions.index"))
    for kind, table in (("pillar", spec.pillars), ("indicator", spec.indicators)):
        for node_id, node_spec in table.items():
            found.append(Assertion(kind, node_id, _checks(node_spec),
                                   f"assertions.{kind}s.{node_id}"))
    return tuple(found)


def check_against_set(config: AssessmentConfig, indicator_set: IndicatorSet) -> list[Problem]:
    """Assertion ids that the set does not have, thresholds off its scale, max_drop wider than
    the scale, and a ``max_drop`` of the form ``{value: -1}`` (each with its line)."""
    document = config.document
    problems: list[Problem] = []
    low, high = indicator_set.scale
    pillars = [p.id for p in indicator_set.pillars]
    indicators = [i.id for i in indicator_set.indicators()]
    known = {"pillar": pillars, "indicator": indicators}
    for assertion in config.assertions:
        where: PathKey = ("assertions", "index") if assertion.kind == "index" else (
            "assertions", f"{assertion.kind}s", assertion.id)

        def problem(path: PathKey, message: str, expected: str, found: object) -> None:
            line, column = document.locate(path)
            problems.append(Problem(document.label, message, line=line, column=column,
                                    field=format_path(path), expected=expected,
                                    found=shorten(found)))

        if assertion.kind in known and assertion.id != WILDCARD and \
                assertion.id not in known[assertion.kind]:
            ids = known[assertion.kind]
            close = [i for i in ids if i.casefold() == assertion.id.casefold()]
            hint = f"did you mean {close[0]!r}? " if close else ""
            listed = ", ".join(ids[:12]) + (" …" if len(ids) > 12 else "")
            problem(where, f"unknown {assertion.kind} {assertion.id!r} in assertions",
                    f"{hint}{'an' if assertion.kind[0] in 'aeiou' else 'a'} "
                    f"{assertion.kind} id of {indicator_set.id}: {listed}",
                    assertion.id)
        for check in assertion.checks:
            path = (*where, check.name)
            if check.name == "min_score" and not low <= check.value <= high:
                problem(path, "min_score is outside the scale",
                        f"between {low:g} and {high:g}", check.value)
            if check.name == "max_drop" and not 0 <= check.value <= high - low:
                problem(path, "max_drop must be score points between 0 and the scale's width",
                        f"between 0 and {high - low:g}", check.value)
        if not assertion.checks:
            problem(where, f"assertion on {assertion.kind} {assertion.id!r} checks nothing",
                    "min_score and/or max_drop", "no checks")
    if config.geo is not None:
        for index, indicator_id in enumerate(config.geo.map_indicators):
            if indicator_id not in indicators:
                line, column = document.locate(("maps", "indicators", index))
                problems.append(Problem(document.label, f"unknown indicator {indicator_id!r} "
                                        "in maps.indicators", line=line, column=column,
                                        field=f"maps.indicators[{index}]",
                                        expected=f"an indicator id of {indicator_set.id}",
                                        found=shorten(indicator_id)))
    return problems
