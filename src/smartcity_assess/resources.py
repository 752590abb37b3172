"""Where the bundled criteria, templates and sample data live, installed or from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """``criteria`` and ``templates`` sit inside the wheel; in a checkout they sit at the top."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name


def criteria_dir() -> Path:
    """Folder of the bundled indicator sets (``*.yaml``)."""
    return _shipped("criteria")


def templates_dir() -> Path:
    """Folder of the bundled report templates."""
    return _shipped("templates")


def sample_dir() -> Path:
    """Folder of the bundled Kabupaten Tegal sample (sample data, not official figures)."""
    return _PACKAGE / "sample"
