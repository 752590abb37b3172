"""The pieces the report templates read: frozen dataclasses of plain values.

Numbers stay numbers (the templates format them with the ``num``/``pct`` filters); texts are
already in the report's language. These views are shared by the facts of a document
(:mod:`.facts`) and its chapters (:mod:`.chapters`); docs/reports.md lists their fields for
authors of their own templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..planning.planner import Money


@dataclass(frozen=True)
class Tool:
    name: str
    version: str


@dataclass(frozen=True)
class RegionInfo:
    """The region as the plan file describes it (``data_name``: as the survey names it)."""

    name: str
    data_name: str
    province: str | None
    population: int | None
    population_year: int | None
    area_km2: float | None
    notes: str


@dataclass(frozen=True)
class Period:
    """The plan's horizon: first and last year, its length and the baseline year."""

    start: int
    end: int
    years: int
    baseline: int
    masterplan: tuple[int, int] = (0, 0)
    """The masterplan's first and last year (the plan years run from ``start``)."""
    rpjmd: tuple[int, int] = (0, 0)
    """The current RPJMD."""


@dataclass(frozen=True)
class SetInfo:
    """The indicator set the scores were made with."""

    id: str
    version: str
    title: str
    description: str
    source: str
    sha256: str
    references: tuple[str, ...]
    aggregation: str
    group_aggregations: tuple[str, ...]
    min_coverage: float


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    text: str
    """``0–100`` in the report's number format."""


@dataclass(frozen=True)
class BandView:
    """The grade of a score: its label and colour."""

    label: str
    color: str


@dataclass(frozen=True)
class BandRange:
    """A grade with its range of scores, lowest grade first."""

    label: str
    lower: float
    upper: float
    color: str
    description: str


@dataclass(frozen=True)
class IntervalView:
    """A bootstrap interval: ``margin`` is half its width."""

    low: float
    high: float
    margin: float


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator with its result, as the tables of the masterplan show it."""

    id: str
    title: str
    dimension: str | None
    pillar: str
    value: float | None
    value_digits: int
    target: float | None
    target_digits: int
    unit_suffix: str
    score: float | None
    target_score: float | None
    score_gap: float | None
    weighted_gap: float | None
    coverage: float
    n: int
    note: str | None
    weight: float
    effective_weight: float
    band: BandView | None
    interval: IntervalView | None
    sd: float | None
    type: str
    unit: str | None
    direction: str
    goalposts: tuple[float, float]
    respondents_rule: str
    normalisation: str
    references: tuple[str, ...]
    question: str
    kind: str = "indicator"


@dataclass(frozen=True)
class DimensionRow:
    """A dimension heading in a pillar's table of indicators."""

    id: str
    title: str
    score: float | None
    coverage: float
    band: BandView | None
    kind: str = "dimension"


@dataclass(frozen=True)
class GapView:
    """The gap an action answers."""

    indicator: str
    indicator_title: str
    score: float | None
    target_score: float | None
    threshold: float
    gap: float
    effective_weight: float
    below_threshold_only: bool


@dataclass(frozen=True)
class ActionView:
    """A proposed program with its rank, schedule and the gap it answers."""

    id: str
    rank: int
    title: str
    description: str
    owner: str
    owner_name: str
    effort: str
    effort_label: str
    effort_points: int
    horizon: str
    phase: str
    phase_label: str
    quick_win: bool
    scheduled: bool
    start: int | None
    end: int | None
    duration: int
    gain: float
    impact: float
    priority: float
    pillar: str
    pillar_title: str
    depends_on: tuple[str, ...]
    required_by: tuple[str, ...]
    references: tuple[str, ...]
    gap: GapView
    status: str = "scheduled"
    """``scheduled``, ``unfunded`` or ``beyond_horizon``."""
    status_label: str = ""
    """The year span when scheduled, else the status in words."""
    reason: str = ""
    """Why it stands where it stands, one line (programs referred to by number)."""
    cost_low: int = 0
    cost_high: int = 0
    """The whole program's cost range in rupiah."""
    cost_source: str = "default-class"
    funding: tuple[str, ...] = ()
    dimension: str = ""
    """Kominfo dimension id (else the pillar id)."""
    dimension_title: str = ""
    mandatory: str | None = None
    """The regulation that obliges it (None: not mandatory)."""
    benefit: float = 0.0
    """The planner's benefit: index term + citizen term (what the matrix plots)."""
    citizen_impact: str = "low"
    stage: str = ""
    """The RPJMD cycle it starts in (``RPJMD 2025–2029``), empty when not scheduled."""


@dataclass(frozen=True)
class PillarView:
    """A pillar: its score, targets, projection, the rows of its table and its programs."""

    id: str
    title: str
    description: str
    score: float | None
    band: BandView | None
    coverage: float
    weight: float
    effective_weight: float
    aggregation: str
    interval: IntervalView | None
    target: float | None
    projected_end: float | None
    projection: tuple[float | None, ...]
    target_path: tuple[float | None, ...]
    goal: str
    rows: tuple[IndicatorRow | DimensionRow, ...]
    """Dimension headings and indicators, in the set's order."""
    indicators: tuple[IndicatorRow, ...]
    actions: tuple[ActionView, ...]
    chart: str
    """Name of its bar chart (``bars-<id>``)."""


@dataclass(frozen=True)
class IndexView:
    """The readiness index: score, grade, target and projection."""

    score: float | None
    interval: IntervalView | None
    band: BandView | None
    coverage: float
    target: float | None
    projected_end: float | None
    projection: tuple[float | None, ...]
    target_path: tuple[float | None, ...]


@dataclass(frozen=True)
class RoleCount:
    role: str | None
    n: int


@dataclass(frozen=True)
class Respondents:
    total: int
    roles: tuple[RoleCount, ...]


@dataclass(frozen=True)
class BootstrapInfo:
    """How the intervals were made: draws, seed and what was resampled (in words)."""

    draws: int
    seed: int
    basis: str


@dataclass(frozen=True)
class OwnerLimit:
    owner: str
    limit: int


@dataclass(frozen=True)
class PlanningInfo:
    capacity: int
    per_owner: tuple[OwnerLimit, ...]
    quick_wins_per_year: int
    median_impact: float
    median_benefit: float = 0.0
    """The candidates' median benefit: the matrix's line and the quick-win floor."""


@dataclass(frozen=True)
class MethodsInfo:
    """The methods the engine recorded, in its words."""

    normalisation: str
    aggregation: str
    respondents: str
    missing: str


@dataclass(frozen=True)
class PlanFile:
    path: str | None
    sha256: str | None


@dataclass(frozen=True)
class ChartRef:
    """A chart as a template places it: inline (``svg``, HTML) or as a file (Markdown)."""

    name: str
    title: str
    description: str
    svg: Markup
    file: Markup


@dataclass(frozen=True)
class PhaseView:
    """A phase of the roadmap with its years, actions and agencies."""

    key: str
    """``quick-win``, ``short``, ``medium``, ``long`` or ``deferred``."""
    label: str
    first: int | None
    last: int | None
    actions: tuple[ActionView, ...]
    owners: tuple[str, ...]


@dataclass(frozen=True)
class OwnerView:
    """An agency (OPD) and the actions it leads."""

    short: str
    name: str
    actions: tuple[ActionView, ...]
    programs: int
    quick_wins: int
    deferred: int
    pillars: tuple[str, ...]


@dataclass(frozen=True)
class KpiRow:
    """A performance indicator: the index, a pillar or an indicator, with its target path."""

    kind: str
    id: str
    title: str
    baseline: float | None
    target: float | None
    path: tuple[float | None, ...]
    projection: tuple[float | None, ...]


@dataclass(frozen=True)
class YearView:
    """One year of the plan: what starts, what continues."""

    year: int
    offset: int
    phase: str
    phase_label: str
    starting: tuple[ActionView, ...]
    continuing: tuple[ActionView, ...]
    quick_wins: tuple[ActionView, ...]


@dataclass(frozen=True)
class DependencyView:
    """An action waiting for another, and how the roadmap treats that."""

    action: ActionView
    depends_on: str
    depends_title: str
    depends_start: int | None
    status: str
    status_label: str


@dataclass(frozen=True)
class WeightRow:
    """A pillar, dimension or indicator in the annex's table of weights and parameters."""

    kind: str
    id: str
    title: str
    depth: int
    weight: float
    effective_weight: float
    goalposts: tuple[float, float] | None
    direction: str | None
    direction_label: str | None
    target: float | None
    respondents_rule: str | None
    transform: str | None
    references: tuple[str, ...]
    normalisation: str | None
    aggregation: str | None
    carried_weight: float = 0.0
    """The weight it actually carries in this region-year's index (0: not assessed)."""


@dataclass(frozen=True)
class DimensionScore:
    """A Kominfo dimension's score: the crosswalk view of the indicator scores."""

    id: str
    title: str
    score: float | None
    band: BandView | None
    coverage: float
    weight: float
    """Its share of the index (the sum of its indicators' effective weights)."""
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class YearCostView:
    """One plan year: scheduled cost by funding source against the year's envelope."""

    year: int
    stage: str
    """``RPJMD 2025–2029``: the cycle the year lies in."""
    by_source: tuple[tuple[str, Money], ...]
    """Every funding source the plan uses, in the format's order (zero when unused)."""
    labels: tuple[str, ...]
    """The names of :attr:`by_source`'s sources in the report's language."""
    total: Money
    envelope: tuple[tuple[str, int], ...] | None
    envelope_total: int | None
    left: int | None
    """What is left of the envelope after the upper bound of the year's cost."""
    starting: int
    """Programs starting in the year."""
