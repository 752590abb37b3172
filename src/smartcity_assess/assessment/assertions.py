"""Assertions in the style of Lighthouse CI: per index, pillar or indicator, a minimum score
and a maximum drop since the previous year, each at level ``off``, ``warn`` or ``error``.

Only an ``error`` that fails makes ``run`` exit 1; a failing ``warn`` is reported and the run
stays green; ``off`` checks are not evaluated at all. A check that cannot be evaluated is
*skipped* with the reason (no earlier year, or the earlier year was scored with another
indicator set: a drop across such a break would compare different measures).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..history import Snapshot, Timeline
from ..indicators.model import IndicatorSet
from ..messages import tr
from ..numbers import format_number
from .config import WILDCARD, Assertion, Check

TOLERANCE = 1e-9
"""Scores closer than this to a limit count as on it (floating-point noise)."""


@dataclass(frozen=True)
class Outcome:
    """The result of one check on one node of one region-year."""

    status: str
    """``pass``, ``fail`` or ``skip``."""
    level: str
    """``warn`` or ``error``."""
    check: str
    """``min_score`` or ``max_drop``."""
    limit: float
    kind: str
    """``index``, ``pillar`` or ``indicator``."""
    node: str
    """``index`` or the pillar or indicator id."""
    region: str
    year: int | None
    score: float | None
    """The node's score in this region-year (None: not assessed)."""
    previous: float | None = None
    previous_year: int | None = None
    previous_source: str | None = None
    code: str = "pass"
    """Why it ended so: ``pass``; failures ``below``, ``not-assessed``, ``fell``; skips
    ``no-earlier-year``, ``break``, ``earlier-missing``, ``not-assessed-now``."""
    sets: tuple[str, str] | None = None
    """For a break: the previous and the current indicator set (``id version``)."""

    @property
    def drop(self) -> float | None:
        """Points lost since the previous year (negative: gained)."""
        if self.score is None or self.previous is None:
            return None
        return self.previous - self.score

    @property
    def found(self) -> float | None:
        """What was checked against the limit: the score, or the drop."""
        return self.score if self.check == "min_score" else self.drop

    @property
    def target(self) -> str:
        """``index``, ``pillar economy``, ``indicator gov.open_data``."""
        return "index" if self.kind == "index" else f"{self.kind} {self.node}"

    @property
    def where(self) -> str:
        """``Kabupaten Tegal 2025``."""
        return self.region if self.year is None else f"{self.region} {self.year}"

    def message(self, lang: str = "en") -> str:
        """One line for the terminal, in ``lang``."""
        reason = describe(self, lang)
        return f"{self.where}: {reason}" if reason else (
            f"{self.where}: " + tr("assert_passed", lang, target=_target(self, lang),
                                   check=self.check, limit=f"{self.limit:g}"))

    @property
    def is_error(self) -> bool:
        """True for a failed ``error`` check: these make the run exit 1."""
        return self.status == "fail" and self.level == "error"


REASON_KEYS = {
    "below": "assert_below", "not-assessed": "assert_not-assessed", "fell": "assert_fell",
    "no-earlier-year": "assert_no-earlier-year", "break": "assert_break",
    "earlier-missing": "assert_earlier-missing", "not-assessed-now": "assert_not-assessed-now",
}
"""Outcome code → catalogue key of its sentence."""
TARGET_KEYS = {"index": "assert_target_index", "pillar": "assert_target_pillar",
               "indicator": "assert_target_indicator"}


def _target(outcome: Outcome, lang: str) -> str:
    return tr(TARGET_KEYS[outcome.kind], lang, node=outcome.node)


def describe(outcome: Outcome, lang: str = "en") -> str:
    """Why a check failed or was skipped, in a sentence in ``lang`` (empty for a pass)."""
    if outcome.code == "pass":
        return ""

    def number(value: float) -> str:
        return format_number(value, lang, 2) if lang != "en" else f"{value:.2f}"

    drop = outcome.drop
    return tr(REASON_KEYS[outcome.code], lang,
              target=_target(outcome, lang),
              limit=f"{outcome.check} {outcome.limit:g}",
              score="–" if outcome.score is None else number(outcome.score),
              previous="–" if outcome.previous is None else number(outcome.previous),
              drop="–" if drop is None else number(drop),
              year=outcome.year, previous_year=outcome.previous_year,
              previous_set=outcome.sets[0] if outcome.sets else "",
              current_set=outcome.sets[1] if outcome.sets else "")


def in_scope(snapshots: Sequence[Snapshot], scope: str) -> list[Snapshot]:
    """The region-years assertions apply to: each region's latest year, or all."""
    if scope == "all":
        return list(snapshots)
    latest: dict[str, Snapshot] = {}
    for snapshot in snapshots:
        held = latest.get(snapshot.region)
        if held is None or (snapshot.year or -1) > (held.year or -1):
            latest[snapshot.region] = snapshot
    return [s for s in snapshots if latest[s.region] is s]


def targets(assertions: Sequence[Assertion], indicator_set: IndicatorSet
            ) -> list[tuple[str, str, tuple[Check, ...]]]:
    """(kind, node id, checks) for every node asserted on, in the set's order; ``*`` covers
    the pillars (or indicators) without an assertion of their own."""
    own = {(a.kind, a.id): a.checks for a in assertions}
    found: list[tuple[str, str, tuple[Check, ...]]] = []
    if ("index", "index") in own:
        found.append(("index", "index", own[("index", "index")]))
    nodes = (("pillar", [p.id for p in indicator_set.pillars]),
             ("indicator", [i.id for i in indicator_set.indicators()]))
    for kind, ids in nodes:
        for node_id in ids:
            checks = own.get((kind, node_id), own.get((kind, WILDCARD)))
            if checks:
                found.append((kind, node_id, checks))
    return found


def _score(snapshot: Snapshot, kind: str, node_id: str) -> tuple[bool, float | None]:
    """(node exists, score)."""
    if kind == "index":
        return True, snapshot.score
    node = snapshot.node(node_id)
    return (node is not None, node.score if node is not None else None)


def evaluate(assertions: Sequence[Assertion], indicator_set: IndicatorSet,
             current: Sequence[Snapshot], earlier: Iterable[Snapshot] | Timeline,
             scope: str = "latest"
             ) -> list[Outcome]:
    """Every check on every region-year in scope, in a fixed order.

    ``earlier`` are the snapshots a drop is measured against (the history, then this run's
    results); for each region-year the latest earlier year is used.
    """
    wanted = targets(assertions, indicator_set)
    timeline = earlier if isinstance(earlier, Timeline) else Timeline(earlier)
    outcomes: list[Outcome] = []
    chosen = sorted(in_scope(current, scope),
                    key=lambda s: (s.region, -1 if s.year is None else s.year))
    for snapshot in chosen:
        prior = timeline.before(snapshot.region, snapshot.year)
        for kind, node_id, checks in wanted:
            _, score = _score(snapshot, kind, node_id)
            for check in checks:
                if check.level == "off":
                    continue
                outcomes.append(_one(check, kind, node_id, snapshot, score, prior))
    return outcomes


def _one(check: Check, kind: str, node_id: str, snapshot: Snapshot, score: float | None,
         prior: Snapshot | None) -> Outcome:
    passed = Outcome("pass", check.level, check.name, check.value, kind, node_id,
                     snapshot.region, snapshot.year, score)
    if check.name == "min_score":
        if score is None:
            return replace(passed, status="fail", code="not-assessed")
        if score < check.value - TOLERANCE:
            return replace(passed, status="fail", code="below")
        return passed

    if prior is None:
        return replace(passed, status="skip", code="no-earlier-year")
    _, previous = _score(prior, kind, node_id)
    passed = replace(passed, previous=previous, previous_year=prior.year,
                     previous_source=prior.source)
    if (prior.criteria.id, prior.criteria.version) != (snapshot.criteria.id,
                                                       snapshot.criteria.version):
        return replace(passed, status="skip", code="break",
                       sets=(prior.criteria.label, snapshot.criteria.label))
    if previous is None:
        return replace(passed, status="skip", code="earlier-missing")
    if score is None:
        return replace(passed, status="skip", code="not-assessed-now")
    if previous - score > check.value + TOLERANCE:
        return replace(passed, status="fail", code="fell")
    return passed


def failures(outcomes: Iterable[Outcome], level: str | None = None) -> list[Outcome]:
    """Failed checks (of one level, or of any)."""
    return [o for o in outcomes if o.status == "fail" and (level is None or o.level == level)]
