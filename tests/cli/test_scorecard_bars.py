"""The terminal scorecard's score bar, for scores inside and beyond the scale."""

from __future__ import annotations

from smartcity_assess.cli.scorecard import _bar


def test_bar_fills_its_share_of_the_scale() -> None:
    assert _bar(50.0, (0.0, 100.0), None, 10).plain == "█████░░░░░"
    assert _bar(None, (0.0, 100.0), None, 10).plain == ""


def test_a_score_beyond_the_scale_shows_an_arrow_at_that_end() -> None:
    # clip: false: −10 is below the scale (empty bar, arrow left), 120 above (full, arrow right)
    assert _bar(-10.0, (0.0, 100.0), None, 10).plain == "◂░░░░░░░░░"
    assert _bar(120.0, (0.0, 100.0), None, 10).plain == "█████████▸"
