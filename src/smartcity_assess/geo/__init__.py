"""Areas inside a region on a map: boundaries, matching, choropleths, problem layers, export.

One module per concern, all pure functions returning frozen dataclasses:

* :mod:`.model` — the dataclasses (no heavy imports);
* :mod:`.read` — safe GeoJSON reading of boundary files (:func:`.read.read_boundaries`);
* :mod:`.names` — area names normalised and matched to a boundary file, with a match report;
* :mod:`.project` — equal-area sizes and the local equidistant projection maps are drawn in;
* :mod:`.draw` — choropleth and bivariate maps as deterministic SVG and PNG;
* :mod:`.layers` — problem layers (points or area values) joined to the areas, rates, priority;
* :mod:`.complaints` — SP4N-LAPOR / Lapor Bupati exports turned into indicators;
* :mod:`.export` — ``scores.geojson``.

shapely, numpy and matplotlib are imported inside the functions that use them, so that
importing this package (and ``smartcity-assess --help``) stays fast.
"""
