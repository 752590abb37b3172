"""A chart to draw: its name, accessible texts and a typed spec of what to draw.

A :class:`ChartJob` holds everything needed to draw one chart and nothing that cannot be
pickled, so a worker process can draw it (:mod:`.workers`). The spec is a frozen dataclass
of the chart family's module (:class:`.scores.PillarChart`, :class:`.plan.Gantt` …) whose
``draw`` calls that module's drawing function: no function is looked up by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .common import Chart


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
        """Draw the chart."""
        return self.spec.draw(self.name, self.title, self.description)

    @property
    def cost(self) -> float:
        """Rough drawing time in milliseconds, to share the work between two processes."""
        return 45.0 + 3.0 * self.spec.size
