"""Where the geo tests find the boundary files: the bundled sample and shared/data/geo."""

from __future__ import annotations

from pathlib import Path

from smartcity_assess.resources import sample_dir

SAMPLE = sample_dir() / "geo"
KECAMATAN = SAMPLE / "tegal-kecamatan.geojson"
DESA = SAMPLE / "tegal-desa.geojson"


def shared_geo() -> Path | None:
    """``shared/data/geo`` beside the checkout (or above it), where the 35 kab/kota are."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "data" / "geo"
        if (candidate / "jateng-kabkota.geojson").is_file():
            return candidate
    return None
