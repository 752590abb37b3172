"""The plan file (``plan.yaml``): what the region adds to an assessment to get a roadmap.

Everything in it is optional; :func:`load_plan` with ``None`` gives the defaults. The shape
is checked by a pydantic schema (unknown keys are errors, so typos do not pass silently);
checks that need the indicator set (pillar ids, targets inside the scale) are in
:func:`check_plan`, which the planner runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError, Problem, shorten
from ..indicators.model import IndicatorSet
from ..text import Text
from ..yamlio import PathKey, YamlDocument, format_path, load_yaml_file

DEFAULT_YEARS = 5
"""Length of the planning horizon when the plan does not say (Kominfo: 5–10 years)."""
DEFAULT_CAPACITY = 6
"""Programs that may start per year when the plan does not say."""
DEFAULT_QUICK_WINS = 6
"""Quick wins per year when the plan does not say (Garut practice: 5–6 a year)."""

# --- the file format ----------------------------------------------------------------------

LocalText = str | dict[str, str]
Year = Annotated[int, Field(ge=1900, le=2200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class RegionSpec(_Strict):
    """Profile of the region shown on the cover and in the executive summary."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    province: str | None = Field(default=None, max_length=200)
    population: int | None = Field(default=None, ge=0)
    population_year: Year | None = None
    area_km2: float | None = Field(default=None, gt=0)
    notes: LocalText | None = None


class HorizonSpec(_Strict):
    """Planning horizon: first year of the plan and its length in years."""

    start_year: Year | None = None
    years: int = Field(default=DEFAULT_YEARS, ge=5, le=10)


class TargetsSpec(_Strict):
    """Score targets on the indicator set's scale, reached at the end of the horizon."""

    index: float | None = None
    pillars: dict[str, float] = Field(default_factory=dict)


class CapacitySpec(_Strict):
    """How many programs can start each year, in all and per agency (OPD)."""

    per_year: int = Field(default=DEFAULT_CAPACITY, ge=1, le=100)
    per_owner: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)


class PlanSpec(_Strict):
    """A plan file."""

    sample: bool = False
    prepared_by: LocalText | None = None
    region: RegionSpec = RegionSpec()
    vision: LocalText | None = None
    mission: list[LocalText] = Field(default_factory=list)
    goals: dict[str, LocalText] = Field(default_factory=dict)
    horizon: HorizonSpec = HorizonSpec()
    targets: TargetsSpec = TargetsSpec()
    opd: dict[str, LocalText] = Field(default_factory=dict)
    capacity: CapacitySpec = CapacitySpec()
    quick_wins_per_year: int = Field(default=DEFAULT_QUICK_WINS, ge=0, le=100)


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionProfile:
    """Who the plan is for. ``name`` None: use the region name found in the survey data."""

    name: str | None = None
    province: str | None = None
    population: int | None = None
    population_year: int | None = None
    area_km2: float | None = None
    notes: Text = field(default_factory=lambda: Text(()))


@dataclass(frozen=True)
class Horizon:
    """``start_year`` None: the year after the assessment year."""

    start_year: int | None = None
    years: int = DEFAULT_YEARS


@dataclass(frozen=True)
class Targets:
    """Score targets at the end of the horizon; None: derived from the indicator targets."""

    index: float | None = None
    pillars: tuple[tuple[str, float], ...] = ()

    def pillar(self, pillar_id: str) -> float | None:
        """The plan's target for one pillar, if it sets one."""
        return dict(self.pillars).get(pillar_id)


@dataclass(frozen=True)
class Capacity:
    """Programs (not quick wins) that may start per year, in all and per owner."""

    per_year: int = DEFAULT_CAPACITY
    per_owner: tuple[tuple[str, int], ...] = ()

    def owner_limit(self, owner: str) -> int | None:
        """Per-year limit of one owner, or None when only the overall limit applies."""
        return dict(self.per_owner).get(owner)


@dataclass(frozen=True)
class Plan:
    """A validated plan, with defaults filled in."""

    region: RegionProfile = field(default_factory=RegionProfile)
    vision: Text = field(default_factory=lambda: Text(()))
    mission: tuple[Text, ...] = ()
    goals: tuple[tuple[str, Text], ...] = ()
    """Strategic goal text per pillar id (the report also states each pillar's target)."""
    horizon: Horizon = field(default_factory=Horizon)
    targets: Targets = field(default_factory=Targets)
    opd: tuple[tuple[str, Text], ...] = ()
    """Agency short name (as in the actions' ``owner``) → full name."""
    capacity: Capacity = field(default_factory=Capacity)
    quick_wins_per_year: int = DEFAULT_QUICK_WINS
    sample: bool = False
    """True: the reports carry a "SAMPLE DATA" notice."""
    prepared_by: Text = field(default_factory=lambda: Text(()))
    source: str | None = None
    """Path of the plan file as given, or None for the defaults."""
    sha256: str | None = None
    positions: tuple[tuple[str, int, int], ...] = field(default=(), compare=False, repr=False)
    """(field path, line, column) of the values :func:`check_plan` may complain about."""

    def opd_name(self, short: str, lang: str = "id") -> str:
        """Full name of an agency, or the short name when the plan does not list it."""
        for name, full in self.opd:
            if name == short:
                return full.get(lang) or short
        return short

    def goal(self, pillar_id: str) -> Text:
        """The plan's strategic goal text for a pillar (empty when none)."""
        return dict(self.goals).get(pillar_id, Text(()))


def load_plan(path: str | Path | None) -> Plan:
    """Read and validate a plan file; ``None`` gives the defaults.

    Raises :class:`InputError` listing every problem of the file, each with its line.
    """
    if path is None:
        return Plan()
    document = load_yaml_file(path)
    return build_plan(document)


def build_plan(document: YamlDocument) -> Plan:
    """Validate a parsed plan document and build the model."""
    from ..indicators.loader import schema_problems

    data = document.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem(document.label, "a plan must be a YAML mapping",
                                  expected="keys such as region, vision, horizon, targets",
                                  found=type(data).__name__, line=1)])
    try:
        spec = PlanSpec.model_validate(data)
    except ValidationError as exc:
        raise InputError(schema_problems(exc, document)) from None
    problems = list(_check_spec(spec, document))
    if problems:
        raise InputError(problems)
    return _to_model(spec, document)


def _text(value: LocalText | None) -> Text:
    return Text.of(value)


def _check_spec(spec: PlanSpec, document: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []

    def problem(path: PathKey, message: str, expected: str | None = None,
                found: object = None) -> None:
        line, column = document.locate(path)
        problems.append(Problem(document.label, message, line=line, column=column,
                                field=format_path(path), expected=expected,
                                found=None if found is None else shorten(found)))

    for key, text in [("vision", spec.vision), ("prepared_by", spec.prepared_by),
                      *((f"goals.{k}", v) for k, v in spec.goals.items())]:
        if isinstance(text, dict) and not text:
            problem(tuple(key.split(".")), "empty text", "a string or {id: ..., en: ...}")
    for name, full in spec.opd.items():
        if not name.strip():
            problem(("opd", name), "an agency short name cannot be blank")
        if isinstance(full, str) and not full.strip():
            problem(("opd", name), f"agency {name!r} has a blank full name")
    return problems


def _to_model(spec: PlanSpec, document: YamlDocument) -> Plan:
    positions = tuple(
        (format_path(path), line, column) for path, (line, column) in document.positions.items()
        if path[:1] in (("targets",), ("goals",), ("capacity",), ("horizon",))
    )
    region = spec.region
    return Plan(
        region=RegionProfile(
            name=region.name, province=region.province, population=region.population,
            population_year=region.population_year, area_km2=region.area_km2,
            notes=_text(region.notes)),
        vision=_text(spec.vision),
        mission=tuple(_text(m) for m in spec.mission),
        goals=tuple((k, _text(v)) for k, v in spec.goals.items()),
        horizon=Horizon(start_year=spec.horizon.start_year, years=spec.horizon.years),
        targets=Targets(index=spec.targets.index,
                        pillars=tuple(spec.targets.pillars.items())),
        opd=tuple((k, _text(v)) for k, v in spec.opd.items()),
        capacity=Capacity(per_year=spec.capacity.per_year,
                          per_owner=tuple(spec.capacity.per_owner.items())),
        quick_wins_per_year=spec.quick_wins_per_year,
        sample=spec.sample,
        prepared_by=_text(spec.prepared_by),
        source=document.label,
        sha256=hashlib.sha256(document.raw).hexdigest(),
        positions=positions,
    )


def check_plan(plan: Plan, indicator_set: IndicatorSet) -> list[Problem]:
    """Problems of a plan against the indicator set it is used with (empty when fine).

    Pillar ids in ``targets`` and ``goals`` must exist, and targets must lie on the scale.
    """
    label = plan.source or "<plan>"
    where: Mapping[str, tuple[int, int]] = {p: (line, col) for p, line, col in plan.positions}
    pillar_ids = [p.id for p in indicator_set.pillars]
    low, high = indicator_set.scale
    problems: list[Problem] = []

    def problem(path: str, message: str, expected: str, found: Any) -> None:
        line, column = where.get(path, (None, None))
        problems.append(Problem(label, message, line=line, column=column, field=path,
                                expected=expected, found=shorten(found)))

    known = ", ".join(pillar_ids)
    for pillar_id, value in plan.targets.pillars:
        path = f"targets.pillars.{pillar_id}"
        if pillar_id not in pillar_ids:
            problem(path, f"unknown pillar {pillar_id!r} in targets",
                    f"a pillar id of {indicator_set.id}: {known}", pillar_id)
        elif not low <= value <= high:
            problem(path, "pillar target is outside the scale",
                    f"between {low:g} and {high:g}", value)
    if plan.targets.index is not None and not low <= plan.targets.index <= high:
        problem("targets.index", "index target is outside the scale",
                f"between {low:g} and {high:g}", plan.targets.index)
    for pillar_id, _ in plan.goals:
        if pillar_id not in pillar_ids:
            problem(f"goals.{pillar_id}", f"unknown pillar {pillar_id!r} in goals",
                    f"a pillar id of {indicator_set.id}: {known}", pillar_id)
    return problems
