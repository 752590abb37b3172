"""The plan file (``plan.yaml``): what the region adds to an assessment to get a roadmap.

Everything in it is optional; :func:`load_plan` with ``None`` gives the defaults. The shape
is checked by a pydantic schema (unknown keys are errors listed with the valid keys, so typos
do not pass silently); checks that need the indicator set (pillar ids, targets inside the
scale, action ids, agency names) are in :func:`check_plan`, which the planner runs.

Version 2 of the file (``docs/plan-file.md``) adds the planning cycle (``period``), what
already exists, mandatory and pinned actions, boosts, costs and funding per action, yearly
budget envelopes per funding source, agency aliases and the smart-city institutions. The
version-1 keys ``horizon``, ``opd`` and ``quick_wins_per_year`` still load; each gives a
notice (:attr:`Plan.notices`) naming the key that replaces it.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Problem, shorten
from ..freshness import MaxAge
from ..indicators.model import Action, IndicatorSet
from ..indicators.vocabulary import COST_CLASS_RANGES, CostClass
from ..scoring.design import SurveyDesign
from ..text import Text
from ..yamlio import PathKey, YamlDocument, format_path, load_yaml_file
from ..yamlspec import build
from .design import DesignSpec, check_design, to_design

DEFAULT_YEARS = 5
"""Length of the masterplan when the plan does not say (Kominfo: 5–10 years)."""
DEFAULT_CAPACITY = 6
"""Programs (quick wins included) that may start per year when the plan does not say."""
DEFAULT_QUICK_WINS = 6
"""Quick wins in all when the plan does not say: about one per Kominfo dimension."""
DEFAULT_QUICK_WIN_YEARS = 2
"""Quick wins start in the first one or two years of the plan (Kominfo practice)."""

FundingSource = Literal["APBD", "DAK", "DanaDesa", "BOS", "CSR", "KPBU", "APBN", "BAKTI",
                        "Hibah"]
FUNDING_SOURCES: tuple[FundingSource, ...] = get_args(FundingSource)
"""Funding sources a program may draw on (docs/plan-file.md explains each)."""
DEFAULT_FUNDING: tuple[FundingSource, ...] = ("APBD",)
"""Funding of an action when neither the plan nor the indicator set names one."""

XL_HIGH = 50_000_000_000
"""Upper bound the planner assumes for cost class XL, which the set format leaves open
(Rp10 billion and more): an XL program without a cost in the plan is budgeted at up to
Rp50 billion. Give its cost in the plan (``actions.<id>.cost``) instead."""
COST_CLASSES: dict[str, tuple[int, int]] = {
    name: (int(low), int(high) if high is not None else XL_HIGH)
    for name, (low, high) in COST_CLASS_RANGES.items()
}
"""Rupiah range of each cost class for a whole program (all its years), from the set
format's classes (``indicators.vocabulary.COST_CLASS_RANGES``): the tool's own
order-of-magnitude classes, not a regulation."""
DEFAULT_COST_CLASS: CostClass = "S"
"""Cost class assumed for an action whose cost neither the plan nor the set gives
(Rp100–500 million)."""

Dimension = Literal["governance", "branding", "economy", "living", "society", "environment"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
"""The six Kominfo smart-city dimensions."""

ExistingStatus = Literal["running", "done"]

_NOMENCLATURE = r"^[0-9X]{1,2}(\.[0-9X]{1,4}){0,5}$"
_ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-:]*$"

# --- the file format ----------------------------------------------------------------------

LocalText = str | dict[str, str]
Year = Annotated[int, Field(ge=1900, le=2200)]
Rupiah = Annotated[float, Field(ge=0, le=1e16)]


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


class FigureSpec(_Strict):
    """One published figure of the regional profile, with its source."""

    value: float = Field(ge=0, le=1e16)
    year: Year | None = None
    source: str = Field(min_length=1, max_length=500)


class ProfileSpec(_Strict):
    """Published figures on the region (BPS, the regional budget …), each with its source."""

    population: FigureSpec | None = None
    area_km2: FigureSpec | None = None
    kecamatan: FigureSpec | None = None
    desa: FigureSpec | None = None
    kelurahan: FigureSpec | None = None
    apbd: FigureSpec | None = None
    ipm: FigureSpec | None = None
    poverty: FigureSpec | None = None


class YearsSpec(_Strict):
    """A span of calendar years, both included."""

    start: Year
    end: Year


class PeriodSpec(_Strict):
    """The planning cycle: the RPJMD in force and the masterplan's own years."""

    rpjmd: YearsSpec | None = None
    masterplan: YearsSpec | None = None
    first_year: Year | None = None


class HorizonSpec(_Strict):
    """Version 1: first year of the plan and its length (now ``period.masterplan``)."""

    start_year: Year | None = None
    years: int = Field(default=DEFAULT_YEARS, ge=5, le=10)


class TargetsSpec(_Strict):
    """Score targets on the indicator set's scale, reached at the end of the horizon."""

    index: float | None = None
    pillars: dict[str, float] = Field(default_factory=dict)


class OwnersSpec(_Strict):
    """Agencies (OPD): full names, and other spellings of one agency."""

    names: dict[str, LocalText] = Field(default_factory=dict)
    aliases: dict[str, str] = Field(default_factory=dict)


class CapacitySpec(_Strict):
    """How many programs can start each year, in all and per agency (OPD)."""

    per_year: int = Field(default=DEFAULT_CAPACITY, ge=1, le=100)
    per_owner: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)


class QuickWinsSpec(_Strict):
    """How many quick wins, in which first years, how many per Kominfo dimension."""

    max: int = Field(default=DEFAULT_QUICK_WINS, ge=0, le=50)
    years: int = Field(default=DEFAULT_QUICK_WIN_YEARS, ge=1, le=5)
    per_dimension: int = Field(default=1, ge=1, le=10)


class ExistingSpec(_Strict):
    """A program already running or done: never proposed again, shown as the baseline."""

    id: str = Field(pattern=_ID, max_length=100)
    title: LocalText
    since: Year | None = None
    status: ExistingStatus
    evidence: str | list[str]
    owner: str | None = Field(default=None, min_length=1, max_length=200)
    action: str | None = Field(default=None, max_length=100)
    provides: list[str] = Field(default_factory=list)
    dimension: Dimension | None = None


class MandatorySpec(_Strict):
    """An action a regulation requires."""

    action: str = Field(max_length=100)
    regulation: str | None = Field(default=None, min_length=1, max_length=200)


class BoostSpec(_Strict):
    """A political priority: the action's priority is multiplied by ``factor``."""

    factor: float = Field(gt=0, le=10)
    reason: LocalText | None = None


class ActionSpec(_Strict):
    """The plan's word on one action: its cost, funding and budget nomenclature."""

    cost: tuple[Rupiah, Rupiah] | None = None
    cost_class: CostClass | None = None
    funding: list[FundingSource] | None = None
    nomenclature: str | None = Field(default=None, pattern=_NOMENCLATURE)


class BodySpec(_Strict):
    """A smart-city body (council, implementing team)."""

    name: LocalText
    chair: LocalText | None = None
    members: list[LocalText] = Field(default_factory=list)
    basis: str | None = Field(default=None, max_length=300)


class InstitutionsSpec(_Strict):
    """Who steers, who implements, which agency leads each Kominfo dimension."""

    council: BodySpec | None = None
    team: BodySpec | None = None
    secretariat: str | None = Field(default=None, min_length=1, max_length=200)
    leads: dict[Dimension, str] = Field(default_factory=dict)


class IssueSpec(_Strict):
    """A problem the region names (a strategic issue): what the masterplan must solve."""

    title: LocalText
    description: LocalText | None = None
    dimension: Dimension | None = None
    indicators: list[str] = Field(default_factory=list)
ChannelKind = Literal["app", "web", "whatsapp", "sms", "phone", "social", "office"]
CHANNEL_KINDS: tuple[ChannelKind, ...] = get_args(ChannelKind)
"""How citizens reach a complaint channel (docs/plan-file.md, "contact")."""
_URL = r"^https?://[^\s<>\"]+$"
_NUMBER = r"^\+?[0-9][0-9 .\-]{1,18}[0-9]$"
_HANDLE = r"^@?[A-Za-z0-9_.]{1,60}$"
CHANNEL_ADDRESS = {"app": (_URL, "a web address starting with https:// (the app's page)"),
                   "web": (_URL, "a web address starting with https://"),
                   "whatsapp": (_NUMBER, "a telephone number such as 0856-0008-0709"),
                   "sms": (_NUMBER, "a number such as 1708"),
                   "phone": (_NUMBER, "a telephone number such as (0283) 491 234"),
                   "social": (_HANDLE, "an account name such as @humaskabtegal")}
"""The address each kind of channel takes (an office takes any text: its street address)."""


class ChannelSpec(_Strict):
    """One way to report a problem (printed on the citizens' scorecard)."""

    name: LocalText
    kind: ChannelKind
    address: str = Field(min_length=1, max_length=200)
    note: LocalText | None = None


class ContactSpec(_Strict):
    """How citizens report a problem: the complaint channels of the region."""

    channels: list[ChannelSpec] = Field(default_factory=list, max_length=8)


class PlanSpec(_Strict):
    """A plan file."""

    sample: bool = False
    prepared_by: LocalText | None = None
    region: RegionSpec = RegionSpec()
    profile: ProfileSpec = ProfileSpec()
    vision: LocalText | None = None
    mission: list[LocalText] = Field(default_factory=list)
    goals: dict[str, LocalText] = Field(default_factory=dict)
    issues: list[IssueSpec] = Field(default_factory=list)
    period: PeriodSpec | None = None
    targets: TargetsSpec = TargetsSpec()
    owners: OwnersSpec = OwnersSpec()
    capacity: CapacitySpec = CapacitySpec()
    quick_wins: QuickWinsSpec | None = None
    existing: list[ExistingSpec] = Field(default_factory=list)
    mandatory: list[str | MandatorySpec] = Field(default_factory=list)
    pin: dict[str, Year] = Field(default_factory=dict)
    boost: dict[str, Annotated[float, Field(gt=0, le=10)] | BoostSpec] = Field(
        default_factory=dict)
    actions: dict[str, ActionSpec] = Field(default_factory=dict)
    budget: dict[Year, dict[FundingSource, Rupiah]] | None = None
    institutions: InstitutionsSpec = InstitutionsSpec()
    design: DesignSpec | None = None
    contact: ContactSpec = ContactSpec()
    max_age: str | None = Field(default=None, max_length=20)
    # version 1 keys, read with a notice
    horizon: HorizonSpec | None = None
    opd: dict[str, LocalText] | None = None
    quick_wins_per_year: int | None = Field(default=None, ge=0, le=100)


RENAMED = {"horizon": "period.masterplan (and period.first_year)",
           "opd": "owners.names",
           "quick_wins_per_year": "quick_wins.max"}
"""Version-1 keys and the version-2 keys that replace them."""


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


ProfileKey = Literal["population", "area_km2", "kecamatan", "desa", "kelurahan", "apbd", "ipm",
                     "poverty"]
PROFILE_KEYS: tuple[ProfileKey, ...] = get_args(ProfileKey)
"""Figures a plan's ``profile`` may give, in the order the reports show them: population
(people), area (km²), kecamatan, desa and kelurahan (counts), the APBD's spending (rupiah),
the human development index IPM (BPS, 0–100) and the share of people below the poverty line
(BPS, %)."""
WHOLE_FIGURES = frozenset({"population", "kecamatan", "desa", "kelurahan", "apbd"})
"""Profile figures that are counts (or whole rupiah)."""
PERCENT_FIGURES = frozenset({"ipm", "poverty"})
"""Profile figures on a 0–100 scale."""


@dataclass(frozen=True)
class Figure:
    """A published figure of the regional profile: its value, reference year and source
    (a public citation: publisher, title, year, URL)."""

    key: ProfileKey
    value: float
    year: int | None
    source: str


@dataclass(frozen=True)
class Issue:
    """A problem the plan names: a strategic issue with the indicators that measure it."""

    title: Text
    description: Text = field(default_factory=lambda: Text(()))
    dimension: str | None = None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Period:
    """The planning cycle.

    ``masterplan`` None: the masterplan runs ``years`` years from the first plan year.
    ``rpjmd`` None: the RPJMD is taken to be the masterplan period. ``first_year`` None: the
    year after the assessment (never before the masterplan starts).
    """

    masterplan: tuple[int, int] | None = None
    rpjmd: tuple[int, int] | None = None
    first_year: int | None = None
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
    """Programs that may start per year (quick wins included), in all and per owner."""

    per_year: int = DEFAULT_CAPACITY
    per_owner: tuple[tuple[str, int], ...] = ()

    def owner_limit(self, owner: str) -> int | None:
        """Per-year limit of one owner, or None when only the overall limit applies."""
        return dict(self.per_owner).get(owner)


@dataclass(frozen=True)
class QuickWinRule:
    """At most ``max`` quick wins, starting in the first ``years`` plan years, at most
    ``per_dimension`` in one Kominfo dimension."""

    max: int = DEFAULT_QUICK_WINS
    years: int = DEFAULT_QUICK_WIN_YEARS
    per_dimension: int = 1


@dataclass(frozen=True)
class Existing:
    """A program the region already runs or has done (the baseline)."""

    id: str
    title: Text
    since: int | None
    """First year it ran (None: the year is not published)."""
    status: ExistingStatus
    evidence: tuple[str, ...]
    owner: str | None = None
    action: str | None = None
    """Id of the catalogue action it realises: that action is never proposed."""
    provides: tuple[str, ...] = ()
    """Artefacts it provides (``data:...``, ``dokumen:...``) to actions that require them."""
    dimension: str | None = None


@dataclass(frozen=True)
class Mandate:
    """An action required by a regulation (``regulation`` None: the action's own)."""

    action: str
    regulation: str | None = None


@dataclass(frozen=True)
class Boost:
    """A political priority: the action's priority × ``factor``."""

    action: str
    factor: float
    reason: Text = field(default_factory=lambda: Text(()))


@dataclass(frozen=True)
class ActionTerms:
    """The plan's cost, funding and nomenclature for one action (None: from the set)."""

    action: str
    cost: tuple[int, int] | None = None
    cost_class: CostClass | None = None
    funding: tuple[FundingSource, ...] = ()
    nomenclature: str | None = None


@dataclass(frozen=True)
class Body:
    """A smart-city body: the council (Dewan Smart City) or the implementing team."""

    name: Text
    chair: Text = field(default_factory=lambda: Text(()))
    members: tuple[Text, ...] = ()
    basis: str | None = None
    """Legal basis (e.g. the Keputusan Bupati that forms it)."""


@dataclass(frozen=True)
class Institutions:
    """Who steers, who implements, and which agency leads each Kominfo dimension."""

    council: Body | None = None
    team: Body | None = None
    secretariat: str | None = None
    leads: tuple[tuple[str, str], ...] = ()
    """(dimension, agency short name) as the plan names them."""


@dataclass(frozen=True)
class Channel:
    """A complaint channel: its name, kind (app, web, whatsapp …) and address."""

    name: Text
    kind: str
    address: str
    note: Text = field(default_factory=lambda: Text(()))


@dataclass(frozen=True)
class Plan:
    """A validated plan, with defaults filled in."""

    region: RegionProfile = field(default_factory=RegionProfile)
    profile: tuple[Figure, ...] = ()
    """Published figures on the region, in :data:`PROFILE_KEYS` order."""
    vision: Text = field(default_factory=lambda: Text(()))
    mission: tuple[Text, ...] = ()
    goals: tuple[tuple[str, Text], ...] = ()
    """Strategic goal text per pillar id (the report also states each pillar's target)."""
    issues: tuple[Issue, ...] = ()
    """Problems the region names (strategic issues), in the plan's order."""
    period: Period = field(default_factory=Period)
    targets: Targets = field(default_factory=Targets)
    opd: tuple[tuple[str, Text], ...] = ()
    """Agency short name (as in the actions' ``owner``) → full name (``owners.names``)."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Other spelling → the one name of the agency (``owners.aliases``)."""
    capacity: Capacity = field(default_factory=Capacity)
    quick_wins: QuickWinRule = field(default_factory=QuickWinRule)
    existing: tuple[Existing, ...] = ()
    mandatory: tuple[Mandate, ...] = ()
    pin: tuple[tuple[str, int], ...] = ()
    boost: tuple[Boost, ...] = ()
    terms: tuple[ActionTerms, ...] = ()
    budget: tuple[tuple[int, tuple[tuple[str, int], ...]], ...] | None = None
    """Envelope per year and funding source in rupiah; None: no budget limit."""
    institutions: Institutions = field(default_factory=Institutions)
    channels: tuple[Channel, ...] = ()
    """Where citizens report a problem (``contact.channels``)."""
    max_age: MaxAge | None = None
    """How old a data source may be on the report's date (None: no limit)."""
    sample: bool = False
    """True: the reports carry a "SAMPLE DATA" notice."""
    prepared_by: Text = field(default_factory=lambda: Text(()))
    design: SurveyDesign | None = None
    """How the survey was sampled (``design:``; planning/design.py); None: not given."""
    source: str | None = None
    """Path of the plan file as given, or None for the defaults."""
    sha256: str | None = None
    positions: tuple[tuple[str, int, int], ...] = field(default=(), compare=False, repr=False)
    """(field path, line, column) of the values :func:`check_plan` may complain about."""
    notices: tuple[Problem, ...] = field(default=(), compare=False)
    """Things the reader of the plan should know (version-1 keys that were renamed)."""

    def owner(self, name: str) -> str:
        """The one name of an agency: an alias resolved, any other name unchanged."""
        return dict(self.aliases).get(name, name)

    def opd_name(self, short: str, lang: str = "id") -> str:
        """Full name of an agency, or its (resolved) short name when the plan has none."""
        canonical = self.owner(short)
        for name, full in self.opd:
            if name == canonical:
                return full.get(lang) or canonical
        return canonical

    def figure(self, key: str) -> Figure | None:
        """A figure of the profile by key (None: the plan does not give it)."""
        for found in self.profile:
            if found.key == key:
                return found
        return None

    def goal(self, pillar_id: str) -> Text:
        """The plan's strategic goal text for a pillar (empty when none)."""
        return dict(self.goals).get(pillar_id, Text(()))

    def terms_for(self, action_id: str) -> ActionTerms | None:
        """The plan's cost and funding terms of one action, if it gives any."""
        for terms in self.terms:
            if terms.action == action_id:
                return terms
        return None

    def envelope(self, year: int) -> dict[str, int] | None:
        """Budget per funding source of one year: None without ``budget``, {} for a year
        the budget does not list (nothing that costs money can run in it)."""
        if self.budget is None:
            return None
        return dict(dict(self.budget).get(year, ()))


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
    return build(document, PlanSpec, what="a plan",
                 expected="keys such as region, vision, period, budget", check=_check_spec,
                 make=_to_model, empty_ok=True,
                 adjust=lambda p: _with_valid_keys(_relocated(p, document), document.data))


def _with_valid_keys(problem: Problem, data: Any) -> Problem:
    """An "unknown key" problem that also lists the keys valid at that place."""
    if not problem.message.startswith("unknown key") or problem.field is None:
        return problem
    model: type[BaseModel] | None = PlanSpec
    parts = _split_field(problem.field)
    for part in parts[:-1]:
        model = _sub_model(model, part)
        if model is None:
            return problem
    if model is None:
        return problem
    valid = [k for k in model.model_fields if not (model is PlanSpec and k in RENAMED)]
    close = difflib.get_close_matches(str(parts[-1]), valid, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return Problem(problem.file, problem.message + hint, line=problem.line,
                   column=problem.column, field=problem.field,
                   expected="one of " + ", ".join(valid), found=problem.found)


def _relocated(problem: Problem, document: YamlDocument) -> Problem:
    """A problem under a map with number keys (``budget: {2026: ...}``) located at its own
    line: the YAML positions name map keys as text."""
    if problem.field is None or not problem.field.startswith("budget["):
        return problem
    path = tuple(str(p) for p in _split_field(problem.field))
    line, column = document.locate(path)
    return Problem(problem.file, problem.message, line=line, column=column,
                   field=problem.field, expected=problem.expected, found=problem.found)


def _split_field(text: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in text.replace("[", ".[").split("."):
        if not chunk:
            continue
        if chunk.startswith("[") and chunk.endswith("]") and chunk[1:-1].isdigit():
            parts.append(int(chunk[1:-1]))
        else:
            parts.append(chunk)
    return parts


def _sub_model(model: type[BaseModel] | None, part: str | int) -> type[BaseModel] | None:
    """The model one step down ``part`` (list items and dict values pass through)."""
    if model is None:
        return None
    if isinstance(part, int):
        return model
    info = model.model_fields.get(part)
    if info is None:
        return None
    return _model_in(info.annotation)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


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
                      *((f"goals.{k}", v) for k, v in spec.goals.items()),
                      *((f"issues.{n}.title", i.title) for n, i in enumerate(spec.issues))]:
        if isinstance(text, dict) and not text:
            problem(tuple(int(k) if k.isdigit() else k for k in key.split(".")),
                    "empty text", "a string or {id: ..., en: ...}")
    names = {**(spec.opd or {}), **spec.owners.names}
    where = "opd" if spec.opd is not None else "owners.names"
    for name, full in names.items():
        path: PathKey = (*where.split("."), name)
        if not name.strip():
            problem(path, "an agency short name cannot be blank")
        if isinstance(full, str) and not full.strip():
            problem(path, f"agency {name!r} has a blank full name")
    for old, new in RENAMED.items():
        if getattr(spec, old) is not None and _new_key_given(spec, old):
            problem((old,), f"{old!r} (version 1) and {new.split(' ')[0]!r} are both given",
                    f"only {new.split(' ')[0]!r}", old)
    _check_period(spec, problem)
    _check_profile(spec, problem)
    _check_aliases(spec, problem)
    _check_existing(spec, problem)
    _check_actions(spec, problem)
    check_design(spec.design, problem)
    _check_contact(spec, problem)
    return problems


def _check_contact(spec: PlanSpec, problem: Any) -> None:
    import re

    for index, channel in enumerate(spec.contact.channels):
        rule = CHANNEL_ADDRESS.get(channel.kind)
        if rule is not None and not re.fullmatch(rule[0], channel.address.strip()):
            problem(("contact", "channels", index, "address"),
                    f"not an address for a {channel.kind} channel", rule[1], channel.address)
        if channel.kind == "office" and not channel.address.strip():
            problem(("contact", "channels", index, "address"), "the address is blank",
                    "a street address")
        if isinstance(channel.name, dict) and not channel.name or (
                isinstance(channel.name, str) and not channel.name.strip()):
            problem(("contact", "channels", index, "name"), "the channel has no name",
                    "a name such as Lapor Bupati")
    if spec.max_age is not None:
        try:
            MaxAge.parse(spec.max_age)
        except ValueError:
            problem(("max_age",), "not a duration", "a number and a unit: 2y (years), "
                    "18m (months) or 90d (days)", spec.max_age)


def _new_key_given(spec: PlanSpec, old: str) -> bool:
    if old == "horizon":
        return spec.period is not None and spec.period.masterplan is not None
    if old == "opd":
        return bool(spec.owners.names)
    return spec.quick_wins is not None


def _check_period(spec: PlanSpec, problem: Any) -> None:
    period = spec.period
    if period is None:
        return
    for key in ("rpjmd", "masterplan"):
        span = getattr(period, key)
        if span is None:
            continue
        if span.end < span.start:
            problem(("period", key, "end"), f"period.{key} ends before it starts",
                    f"an end year at or after {span.start}", span.end)
        elif span.end - span.start + 1 > 20:
            problem(("period", key, "end"), f"period.{key} is longer than 20 years",
                    "at most 20 years (an RPJMD has 5, a masterplan 5–10)",
                    span.end - span.start + 1)
    master = period.masterplan
    if master is not None and period.first_year is not None and \
            not master.start <= period.first_year <= master.end:
        problem(("period", "first_year"), "first_year lies outside the masterplan",
                f"a year from {master.start} to {master.end}", period.first_year)
    if master is not None and spec.budget is not None:
        for year in spec.budget:
            if not master.start <= year <= master.end:
                problem(("budget", str(year)), f"budget year {year} lies outside the masterplan",
                        f"a year from {master.start} to {master.end}", year)
    if master is not None:
        for action_id, year in spec.pin.items():
            if not master.start <= year <= master.end:
                problem(("pin", action_id), f"pin year {year} lies outside the masterplan",
                        f"a year from {master.start} to {master.end}", year)


def _check_profile(spec: PlanSpec, problem: Any) -> None:
    for key in PROFILE_KEYS:
        figure: FigureSpec | None = getattr(spec.profile, key)
        if figure is None:
            continue
        path: PathKey = ("profile", key, "value")
        if key in WHOLE_FIGURES and figure.value != int(figure.value):
            problem(path, f"profile.{key} must be a whole number", "a whole number",
                    figure.value)
        if key in PERCENT_FIGURES and figure.value > 100:
            problem(path, f"profile.{key} lies outside 0–100", "a value from 0 to 100",
                    figure.value)
        if key == "area_km2" and figure.value == 0:
            problem(path, "profile.area_km2 must be above 0", "an area above 0 km²", 0)
        if not figure.source.strip():
            problem(("profile", key, "source"), f"profile.{key} needs its source",
                    "a public citation: publisher, title, year, URL", figure.source)
    region = spec.region
    for key, given in (("population", region.population), ("area_km2", region.area_km2)):
        figure = getattr(spec.profile, key)
        if figure is not None and given is not None and float(given) != figure.value:
            problem(("region", key), f"region.{key} and profile.{key} disagree",
                    f"one value (profile.{key}, with its source)", given)


def _check_aliases(spec: PlanSpec, problem: Any) -> None:
    aliases = spec.owners.aliases
    for alias, target in aliases.items():
        path = ("owners", "aliases", alias)
        if not alias.strip() or not target.strip():
            problem(path, "an agency alias and its name cannot be blank")
        elif alias == target:
            problem(path, f"agency alias {alias!r} names itself", "another agency name",
                    target)
        elif target in aliases:
            problem(path, f"agency alias {alias!r} points to another alias {target!r}",
                    f"the one name of the agency ({aliases[target]!r})", target)
    names = set(spec.owners.names) | set(spec.opd or {})
    for alias in aliases:
        if alias in names:
            problem(("owners", "aliases", alias),
                    f"{alias!r} is both an alias and a name with its own full name",
                    "list the full name under the agency's one name only", alias)


def _check_existing(spec: PlanSpec, problem: Any) -> None:
    seen: dict[str, int] = {}
    for number, entry in enumerate(spec.existing):
        path: PathKey = ("existing", number)
        if entry.id in seen:
            problem((*path, "id"), f"existing program {entry.id!r} is listed twice",
                    "a unique id", entry.id)
        seen.setdefault(entry.id, number)
        evidence = [entry.evidence] if isinstance(entry.evidence, str) else entry.evidence
        if not evidence or not all(e.strip() for e in evidence):
            problem((*path, "evidence"), "an existing program needs its evidence",
                    "a URL or document reference (or a list of them)", entry.evidence)
        if isinstance(entry.title, dict) and not entry.title:
            problem((*path, "title"), "empty text", "a string or {id: ..., en: ...}")


def _check_actions(spec: PlanSpec, problem: Any) -> None:
    for action_id, terms in spec.actions.items():
        path: PathKey = ("actions", action_id)
        if terms.cost is not None and terms.cost[0] > terms.cost[1]:
            problem((*path, "cost"), "cost range is reversed", "[low, high] with low ≤ high",
                    list(terms.cost))
        if terms.cost is not None and terms.cost_class is not None:
            problem((*path, "cost_class"), "give either cost or cost_class, not both",
                    "one of them", terms.cost_class)
        if terms.funding is not None and not terms.funding:
            problem((*path, "funding"), "an empty funding list",
                    "one or more of " + ", ".join(FUNDING_SOURCES), [])
    seen: set[str] = set()
    for number, entry in enumerate(spec.mandatory):
        action_id = entry if isinstance(entry, str) else entry.action
        if action_id in seen:
            problem(("mandatory", number), f"action {action_id!r} is listed twice",
                    "each mandatory action once", action_id)
        seen.add(action_id)
    for action_id in spec.pin:
        if action_id in spec.boost:
            problem(("boost", action_id), f"action {action_id!r} is both pinned and boosted",
                    "a pin (a fixed year) or a boost (a higher priority)", action_id)


def _to_model(spec: PlanSpec, document: YamlDocument) -> Plan:
    positions = tuple(
        (format_path(path), line, column) for path, (line, column) in document.positions.items()
        if path[:1] in (("targets",), ("goals",), ("issues",), ("capacity",), ("horizon",),
                        ("period",), ("owners",), ("opd",), ("existing",), ("mandatory",),
                        ("pin",),
                        ("boost",), ("actions",), ("budget",), ("institutions",))
    )
    notices = tuple(_notice(document, old, new) for old, new in RENAMED.items()
                    if getattr(spec, old) is not None)
    region = spec.region
    names = spec.owners.names if spec.opd is None else spec.opd
    quick = spec.quick_wins or QuickWinsSpec()
    if spec.quick_wins is None and spec.quick_wins_per_year is not None:
        quick = QuickWinsSpec(max=min(50, spec.quick_wins_per_year))
    budget = None
    if spec.budget is not None:
        budget = tuple((year, tuple((source, int(round(amount)))
                                    for source, amount in sorted(sources.items())))
                       for year, sources in sorted(spec.budget.items()))
    return Plan(
        region=RegionProfile(
            name=region.name, province=region.province, population=region.population,
            population_year=region.population_year, area_km2=region.area_km2,
            notes=_text(region.notes)),
        profile=tuple(Figure(key, getattr(spec.profile, key).value,
                             getattr(spec.profile, key).year,
                             getattr(spec.profile, key).source.strip())
                      for key in PROFILE_KEYS if getattr(spec.profile, key) is not None),
        vision=_text(spec.vision),
        mission=tuple(_text(m) for m in spec.mission),
        goals=tuple((k, _text(v)) for k, v in spec.goals.items()),
        issues=tuple(Issue(_text(i.title), _text(i.description), i.dimension,
                           tuple(i.indicators)) for i in spec.issues),
        period=_period(spec),
        targets=Targets(index=spec.targets.index,
                        pillars=tuple(spec.targets.pillars.items())),
        opd=tuple((k, _text(v)) for k, v in names.items()),
        aliases=tuple(sorted(spec.owners.aliases.items())),
        capacity=Capacity(per_year=spec.capacity.per_year,
                          per_owner=tuple(spec.capacity.per_owner.items())),
        quick_wins=QuickWinRule(max=quick.max, years=quick.years,
                                per_dimension=quick.per_dimension),
        existing=tuple(_existing(e) for e in spec.existing),
        mandatory=tuple(Mandate(e) if isinstance(e, str) else
                        Mandate(e.action, e.regulation) for e in spec.mandatory),
        pin=tuple(spec.pin.items()),
        boost=tuple(Boost(k, v, Text(())) if isinstance(v, float | int) else
                    Boost(k, v.factor, _text(v.reason)) for k, v in spec.boost.items()),
        terms=tuple(ActionTerms(
            action=k,
            cost=None if v.cost is None else (int(round(v.cost[0])), int(round(v.cost[1]))),
            cost_class=v.cost_class, funding=tuple(v.funding or ()),
            nomenclature=v.nomenclature) for k, v in spec.actions.items()),
        budget=budget,
        institutions=_institutions(spec.institutions),
        channels=tuple(Channel(_text(c.name), c.kind, c.address.strip(), _text(c.note))
                       for c in spec.contact.channels),
        max_age=None if spec.max_age is None else MaxAge.parse(spec.max_age),
        sample=spec.sample,
        prepared_by=_text(spec.prepared_by),
        design=to_design(spec.design),
        source=document.label,
        sha256=hashlib.sha256(document.raw).hexdigest(),
        positions=positions,
        notices=notices,
    )


def _notice(document: YamlDocument, old: str, new: str) -> Problem:
    line, column = document.locate((old,))
    return Problem(document.label, f"{old!r} is a version-1 key, read as {new}; "
                   f"write {new.split(' ')[0]!r} instead", line=line, column=column, field=old)


def _period(spec: PlanSpec) -> Period:
    period = spec.period or PeriodSpec()

    def span(years: YearsSpec | None) -> tuple[int, int] | None:
        return None if years is None else (years.start, years.end)

    masterplan, first, length = span(period.masterplan), period.first_year, DEFAULT_YEARS
    if spec.horizon is not None and masterplan is None:
        length = spec.horizon.years
        if spec.horizon.start_year is not None:
            start = spec.horizon.start_year
            masterplan = (start, start + length - 1)
            first = first if first is not None else start
    return Period(masterplan=masterplan, rpjmd=span(period.rpjmd), first_year=first,
                  years=length)


def _existing(entry: ExistingSpec) -> Existing:
    evidence = (entry.evidence,) if isinstance(entry.evidence, str) else tuple(entry.evidence)
    return Existing(id=entry.id, title=_text(entry.title), since=entry.since,
                    status=entry.status, evidence=evidence, owner=entry.owner,
                    action=entry.action, provides=tuple(entry.provides),
                    dimension=entry.dimension)


def _institutions(spec: InstitutionsSpec) -> Institutions:
    def body(item: BodySpec | None) -> Body | None:
        if item is None:
            return None
        return Body(name=_text(item.name), chair=_text(item.chair),
                    members=tuple(_text(m) for m in item.members), basis=item.basis)

    return Institutions(council=body(spec.council), team=body(spec.team),
                        secretariat=spec.secretariat,
                        leads=tuple((d, spec.leads[d]) for d in DIMENSIONS if d in spec.leads))


# --- checks against the indicator set -------------------------------------------------------


def known_owners(plan: Plan, indicator_set: IndicatorSet) -> set[str]:
    """Agency names the plan may use: the actions' owners, the plan's names and aliases and
    the owners of existing programs, every one under its one name."""
    owners = {plan.owner(a.owner) for a in indicator_set.actions()}
    owners |= {name for name, _ in plan.opd}
    owners |= {target for _, target in plan.aliases}
    owners |= {plan.owner(e.owner) for e in plan.existing if e.owner}
    return owners


def check_plan(plan: Plan, indicator_set: IndicatorSet) -> list[Problem]:
    """Problems of a plan against the indicator set it is used with (empty when fine).

    Pillar ids in ``targets`` and ``goals`` must exist and targets lie on the scale; action
    ids (``existing``, ``mandatory``, ``pin``, ``boost``, ``actions``) must be actions of the
    set; agencies in ``capacity.per_owner`` and ``institutions`` must be agencies the plan or
    the set knows (a typo there would silently lift a limit); a mandatory action needs a
    regulation; an action realised by an existing program cannot be pinned or boosted.
    """
    label = plan.source or "<plan>"
    where: Mapping[str, tuple[int, int]] = {p: (line, col) for p, line, col in plan.positions}
    pillar_ids = [p.id for p in indicator_set.pillars]
    low, high = indicator_set.scale
    problems: list[Problem] = []

    def problem(path: str, message: str, expected: str, found: Any) -> None:
        line, column = where.get(path, (None, None))
        if line is None:  # the nearest located ancestor
            probe = path
            while line is None and "." in probe:
                probe = probe.rsplit(".", 1)[0]
                line, column = where.get(probe, (None, None))
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
    indicator_ids = [i.id for i in indicator_set.indicators()]
    for number, issue in enumerate(plan.issues):
        for k, indicator_id in enumerate(issue.indicators):
            if indicator_id not in indicator_ids:
                close = difflib.get_close_matches(indicator_id, indicator_ids, n=3)
                problem(f"issues[{number}].indicators[{k}]",
                        f"unknown indicator {indicator_id!r} in issues",
                        f"an indicator id of {indicator_set.id}"
                        + (", such as " + ", ".join(close) if close else ""), indicator_id)
    _check_action_ids(plan, indicator_set, problem)
    _check_owners(plan, indicator_set, problem)
    return problems


def _expected_action(action_ids: Sequence[str], found: str, set_id: str) -> str:
    close = difflib.get_close_matches(found, action_ids, n=3)
    if close:
        return f"an action id of {set_id}, such as " + ", ".join(close)
    return f"an action id of {set_id} (smartcity-assess show-set lists them)"


def _check_action_ids(plan: Plan, indicator_set: IndicatorSet, problem: Any) -> None:
    actions = {a.id: a for a in indicator_set.actions()}
    ids = sorted(actions)

    def unknown(path: str, action_id: str, what: str) -> None:
        problem(path, f"unknown action {action_id!r} in {what}",
                _expected_action(ids, action_id, indicator_set.id), action_id)

    realised: dict[str, str] = {}
    for number, entry in enumerate(plan.existing):
        if entry.action is None:
            continue
        if entry.action not in actions:
            unknown(f"existing[{number}].action", entry.action, "existing")
        elif entry.action in realised:
            problem(f"existing[{number}].action",
                    f"action {entry.action!r} is realised by two existing programs",
                    f"one existing program per action ({realised[entry.action]!r} has it)",
                    entry.id)
        else:
            realised[entry.action] = entry.id
    for number, mandate in enumerate(plan.mandatory):
        path = f"mandatory[{number}]"
        action = actions.get(mandate.action)
        if action is None:
            unknown(path, mandate.action, "mandatory")
        elif mandate.regulation is None and not regulation_of(action):
            problem(path, f"mandatory action {mandate.action!r} names no regulation",
                    "{action: ..., regulation: ...} naming the regulation that requires it",
                    mandate.action)
    for key, entries in (("pin", [a for a, _ in plan.pin]),
                         ("boost", [b.action for b in plan.boost]),
                         ("actions", [t.action for t in plan.terms])):
        for action_id in entries:
            path = f"{key}.{action_id}"
            if action_id not in actions:
                unknown(path, action_id, key)
            elif key in ("pin", "boost") and action_id in realised:
                problem(path, f"action {action_id!r} is realised by existing program "
                        f"{realised[action_id]!r}", "an action that does not exist yet",
                        action_id)


def regulation_of(action: Action) -> str | None:
    """The regulation an action names in the set (``regulation``), if any."""
    return action.regulation or None


def _check_owners(plan: Plan, indicator_set: IndicatorSet, problem: Any) -> None:
    owners = known_owners(plan, indicator_set)
    listing = sorted(owners)

    def expected(name: str) -> str:
        close = difflib.get_close_matches(name, listing, n=3)
        return ("an agency of the plan or the set, such as " + ", ".join(close)) if close \
            else "an agency of the plan or the set: " + ", ".join(listing)

    for name, _ in plan.capacity.per_owner:
        if plan.owner(name) not in owners:
            problem(f"capacity.per_owner.{name}", f"unknown agency {name!r} in per_owner",
                    expected(name), name)
    limits: dict[str, str] = {}
    for name, _ in plan.capacity.per_owner:
        canonical = plan.owner(name)
        if canonical in limits:
            problem(f"capacity.per_owner.{name}",
                    f"agency {canonical!r} has two limits ({limits[canonical]!r} and "
                    f"{name!r})", "one limit per agency", name)
        limits[canonical] = name
    institutions = plan.institutions
    for dimension, name in institutions.leads:
        if plan.owner(name) not in owners:
            problem(f"institutions.leads.{dimension}", f"unknown agency {name!r}",
                    expected(name), name)
    if institutions.secretariat and plan.owner(institutions.secretariat) not in owners:
        problem("institutions.secretariat", f"unknown agency {institutions.secretariat!r}",
                expected(institutions.secretariat), institutions.secretariat)
