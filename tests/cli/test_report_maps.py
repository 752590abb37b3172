"""``report`` and ``run`` with maps: bad geographic inputs stop the command (exit 2, nothing
written); ``run``'s ``maps:`` block end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.resources import sample_dir

pytestmark = pytest.mark.slow  # end-to-end report commands with boundary files

SAMPLE = [str(sample_dir() / name) for name in (
    "tegal-citizen-survey.csv", "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv")]
GEO = sample_dir() / "geo"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


def test_a_broken_boundary_file_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "kecamatan.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                      '"properties": {"kode": "1", "nama": "A"}, "geometry": {"type": '
                      '"Polygon", "coordinates": [[[-7.0, 109.1], [-7.0, 109.2], '
                      '[-7.1, 109.2], [-7.0, 109.1]]]}}]}', encoding="utf-8")
    out = tmp_path / "out"
    code, err = invoke("report", *SAMPLE, "--no-uncertainty", "--out", str(out),
                       "--boundaries", str(broken))
    assert code == 2 and not out.exists()
    assert "kecamatan.geojson" in err and "feature 1" in err
    assert "latitude, longitude" in err  # the pair looks swapped: said so


def test_a_layer_needs_boundaries(tmp_path: Path) -> None:
    code, err = invoke("report", *SAMPLE, "--no-uncertainty", "--out", str(tmp_path / "o"),
                       "--layer", f"dengue={GEO / 'tegal-dbd-2024.csv'}")
    assert code == 2 and "needs a boundary file (--boundaries)" in err


def test_an_unknown_map_indicator(tmp_path: Path) -> None:
    code, err = invoke("report", *SAMPLE, "--no-uncertainty", "--out", str(tmp_path / "o"),
                       "--map-indicator", "dampak.aduan_seleai")
    assert code == 2 and "did you mean 'dampak.aduan_selesai'?" in err


def project(tmp_path: Path, maps: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in SAMPLE:
        shutil.copy(name, data)
    shutil.copytree(GEO, tmp_path / "geo")
    config = tmp_path / "assessment.yaml"
    config.write_text("inputs: [data/*.csv, data/*.xlsx]\nuncertainty: false\n"
                      "outputs: {formats: [md]}\n" + maps, encoding="utf-8")
    return config


def test_run_names_a_missing_map_file_with_its_line(tmp_path: Path) -> None:
    config = project(tmp_path, "maps:\n  boundaries: geo/kecamatan.geojson\n"
                               "  indicators: [nope]\n")
    code, err = invoke("run", str(config))
    assert code == 2 and not (tmp_path / "scorecard").exists()
    assert "assessment.yaml:5:3 (field maps.boundaries): boundary file " \
           "'geo/kecamatan.geojson' not found; expected a boundary file relative to the " \
           "config" in " ".join(err.split())


def test_run_names_an_unknown_map_indicator_with_its_line(tmp_path: Path) -> None:
    config = project(tmp_path, "maps:\n  boundaries: geo/tegal-kecamatan.geojson\n"
                               "  indicators: [dampak.aduan_selesai, nope]\n")
    code, err = invoke("run", str(config))
    assert code == 2 and not (tmp_path / "scorecard").exists()
    assert "assessment.yaml:6:38 (field maps.indicators[1]): unknown indicator 'nope' in " \
           "maps.indicators" in " ".join(err.split())


@pytest.mark.slow
def test_run_with_maps(tmp_path: Path) -> None:
    config = project(tmp_path, """\
maps:
  boundaries: geo/tegal-kecamatan.geojson
  layers: [{file: geo/tegal-banjir-2024.geojson, illustrative: true}]
  complaints: geo/tegal-aduan-2024.csv
""")
    code, err = invoke("run", str(config))
    assert code == 0, err
    assert "Kedungbanteng (33.28.08)" in err  # the kecamatan without survey data, named
    folder = tmp_path / "scorecard" / "reports" / "id" / "kabupaten-tegal-2025"
    for name in ("masterplan.md", "warga.md", "scores.geojson", "NOTICE.txt",
                 "maps/peta-indeks.svg", "maps/peta-lapisan-1.png", "maps/peta-bivariat-1.svg"):
        assert (folder / name).is_file(), name
    record = json.loads((tmp_path / "scorecard" / "provenance.json").read_text("utf-8"))
    inputs = {item["path"]: item for item in record["inputs"]}
    flood = inputs["geo/tegal-banjir-2024.geojson"]
    assert flood["layout"] == "layer" and flood["rows"] == 64
    assert flood["bytes"] == (tmp_path / "geo" / "tegal-banjir-2024.geojson").stat().st_size
    assert inputs["geo/tegal-aduan-2024.csv"]["rows"] == 743
    md = (folder / "masterplan.md").read_text(encoding="utf-8")
    assert "ILUSTRATIF" in md and "Kejadian banjir" in md
    # the inputs are never written over, and the output names them as the config does
    assert (tmp_path / "geo" / "tegal-kecamatan.geojson").read_bytes() == \
        (GEO / "tegal-kecamatan.geojson").read_bytes()
