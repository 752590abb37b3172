"""Benchmark: reading the Tegal boundaries, drawing the kecamatan and the 287-desa maps, joining
points and writing scores.geojson; SVG/PNG sizes.

Run: MPLCONFIGDIR=/tmp/mpl python benchmarks/bench_maps.py [--repeat 3]
Figures are printed, not asserted: speed is measured here, never in timed tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from smartcity_assess.geo.draw import choropleth, map_texts
from smartcity_assess.geo.export import scores_geojson
from smartcity_assess.geo.layers import join_points
from smartcity_assess.geo.model import AreaScores, AreaValue, LayerPoint, MapBand, ProblemLayer
from smartcity_assess.geo.read import read_boundaries
from smartcity_assess.resources import sample_dir

BANDS = [MapBand(0, "Kurang", "#d7191c"), MapBand(20, "Cukup", "#fdae61"),
         MapBand(40, "Baik", "#ffffbf"), MapBand(62.5, "Sangat Baik", "#abd9e9"),
         MapBand(80, "Memuaskan", "#2c7bb6")]


def timed(label: str, repeat: int, call: Callable[[], Any]) -> Any:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    print(f"{label:<46} median {statistics.median(times):7.3f} s  (min {min(times):.3f})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--points", type=int, default=100_000)
    args = parser.parse_args()
    folder = sample_dir() / "geo"
    rng = random.Random(1)
    kecamatan = timed("read 18 kecamatan", args.repeat,
                      lambda: read_boundaries(folder / "tegal-kecamatan.geojson"))
    desa = timed("read 287 desa", args.repeat,
                 lambda: read_boundaries(folder / "tegal-desa.geojson"))
    k_values = [AreaValue(a.key, rng.uniform(10, 90), n=20) for a in kecamatan.areas]
    d_values = [AreaValue(a.key, rng.uniform(10, 90)) for a in desa.areas]
    k_map = timed("draw kecamatan map (SVG + PNG)", args.repeat,
                  lambda: choropleth("k", kecamatan, k_values, BANDS, map_texts("id")))
    d_map = timed("draw 287-desa map with kecamatan (SVG + PNG)", args.repeat,
                  lambda: choropleth("d", desa, d_values, BANDS, map_texts("id"),
                                     overlay=kecamatan))
    west, south, east, north = desa.bounds()
    points = tuple(LayerPoint(row=i, lon=rng.uniform(west, east), lat=rng.uniform(south, north))
                   for i in range(args.points))
    layer = ProblemLayer(id="p", title="p", kind="points", source="p", points=points)
    timed(f"join {args.points:,} points to 287 desa", args.repeat,
          lambda: join_points(desa, layer))
    scores = [AreaScores(key=a.key, status="ok", index=50.0) for a in desa.areas]
    data = timed("write scores.geojson (287 desa)", args.repeat,
                 lambda: scores_geojson(desa, scores, pillars=(), region="r", year=2025,
                                        set_id="s"))
    print(f"kecamatan map: SVG {len(k_map.svg):,} B, PNG {len(k_map.png):,} B")
    print(f"desa map:      SVG {len(d_map.svg):,} B, PNG {len(d_map.png):,} B")
    print(f"scores.geojson (287 desa): {len(data):,} B")


if __name__ == "__main__":
    main()
