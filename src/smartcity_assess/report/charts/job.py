"""A chart to draw: its name, accessible texts and a typed spec of what to draw.

A :class:`ChartJob` holds everything needed to draw one chart and nothing that cannot be
pickled, so a worker process can draw it (:mod:`.workers`). The spec is a frozen dataclass
of the chart family's module (:class:`.scores.PillarChart`, :class:`.plan.Gantt` …) whose
``draw`` calls that module's drawing function: no function is looked up by name.

A process keeps the last charts it drew by their job's content: a job equal to one drawn
before (the same chart of two regions whose plans hold the same actions, say) gets the same
chart again without drawing it. A chart depends on its job alone, so the bytes are the same.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from .common import Chart

KEPT = 64
"""Charts a process keeps for jobs that come again."""
_DRAWN: OrderedDict[bytes, Chart] = OrderedDict()


class ChartSpec(Protocol):
    """What a chart family's spec offers."""

    def draw(self, name: str, title: str, description: str) -> Chart:
        """The chart, drawn (imports matplotlib on first use)."""

    @property
    def size(self) -> int:
        """Rows, bars or points drawn: how long the drawing takes, roughly."""


@dataclass(frozen=True)
class ChartJob:
    """One chart of a document: ``name`` is its file stem (``charts/<name>.svg``)."""

    name: str
    title: str
    description: str
    spec: ChartSpec

    def draw(self) -> Chart:
        """Draw the chart (or take it from the charts this process drew for an equal
        job: equal pickles mean equal names, texts and data)."""
        key = hashlib.sha256(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)).digest()
        chart = _DRAWN.get(key)
        if chart is None:
            chart = self.spec.draw(self.name, self.title, self.description)
            _DRAWN[key] = chart
            if len(_DRAWN) > KEPT:
                _DRAWN.popitem(last=False)
        else:
            _DRAWN.move_to_end(key)
        return chart

    @property
    def cost(self) -> float:
        """Rough drawing time in milliseconds, to share the work between two processes."""
        return 45.0 + 3.0 * self.spec.size
