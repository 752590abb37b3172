"""Benchmark (issue 14, table row 2): ``score`` against a short pandas script.

The same generated survey as bench_score_vs_csv.py (100,000 respondents × 40 indicators in 50
regions). The reference is the pandas script below: ``read_csv``, yes/no to 1/0, the mean
of every indicator per region-year, goalposts normalisation onto 0–100, and equal-weight means
of the assessed indicators into dimensions (with the set's 50 % minimum coverage), dimensions
into pillars and pillars into the index, written as JSON. Both run as whole commands
(interpreter start-up and imports included), side by side in one process tree, alternating;
the benchmark then checks that both computed the same index and pillar scores (to 1e-9).

``score`` does more than the script: it checks every cell (type, range, decimal separator,
repeated respondents) with located error messages, keeps spreads and per-role values, and
computes Cronbach's alpha and the item–rest correlations of the Likert groups. ``--format
json`` computes no bootstrap (the terminal table would compute 1,000 draws by default).

Needs pandas (a benchmark-only tool, not a dependency: ``pip install pandas``).
Goal: score ≤ 1.0× the pandas script (then 0.5×). Figures are printed, never asserted.

Run: .venv/bin/python benchmarks/bench_score_vs_pandas.py [--respondents 100000]
     [--regions 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import best, goalposts, machine, side_by_side, write_csv, write_set  # noqa: E402

PANDAS = """\
import json, sys
import numpy as np
import pandas as pd

survey, out, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
ids = [i for i, _, _, _ in spec]
frame = pd.read_csv(survey, dtype={"region": str, "year": "Int64", "respondent": str,
                                   "role": str})
for ind, kind, low, high in spec:
    if kind == "boolean":
        frame[ind] = frame[ind].map({"ya": 100.0, "tidak": 0.0})
means = frame.groupby(["region", "year"])[ids].mean()
low = np.array([s[2] for s in spec])
high = np.array([s[3] for s in spec])
scores = ((means - low) / (high - low)).clip(0, 1) * 100

def combine(frame, groups):
    out = {}
    for name, members in groups.items():
        part = frame[members]
        mean = part.mean(axis=1, skipna=True)
        mean[part.notna().mean(axis=1) + 1e-12 < 0.5] = np.nan
        out[name] = mean
    return pd.DataFrame(out)

dims = combine(scores, {d: [i for i in ids if i.rsplit(".", 1)[0] == d]
                        for d in dict.fromkeys(i.rsplit(".", 1)[0] for i in ids)})
pillars = combine(dims, {p: [d for d in dims.columns if d.split(".")[0] == p]
                         for p in dict.fromkeys(d.split(".")[0] for d in dims.columns)})
index = combine(pillars, {"index": list(pillars.columns)})["index"]
results = [{"region": region, "year": int(year), "score": index[(region, year)],
            "pillars": {p: pillars.loc[(region, year), p] for p in pillars.columns}}
           for region, year in index.index]
with open(out, "w", encoding="utf-8") as stream:
    json.dump(results, stream, indent=2)
"""


def compare(score_json: Path, pandas_json: Path) -> float:
    """Largest difference between the two outputs' index and pillar scores."""
    ours = {(r["region"], r["year"]): r for r in
            json.loads(score_json.read_text(encoding="utf-8"))["results"]}
    theirs = json.loads(pandas_json.read_text(encoding="utf-8"))
    worst = 0.0
    assert len(ours) == len(theirs)
    for row in theirs:
        mine = ours[(row["region"], row["year"])]
        worst = max(worst, abs(mine["score"] - row["score"]))
        for pillar in mine["pillars"]:
            worst = max(worst, abs(pillar["score"] - row["pillars"][pillar["id"]]))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        indicator_set = root / "set.yaml"
        survey = root / "survey.csv"
        indicators = write_set(indicator_set, args.indicators)
        write_csv(survey, indicators, args.respondents, args.regions)
        spec = json.dumps([[i, kind, *goalposts(kind)] for i, kind in indicators])
        print(f"survey: {args.respondents:,} respondents × {len(indicators)} indicators in "
              f"{args.regions} regions, {survey.stat().st_size / 2**20:.1f} MB")
        figures = side_by_side({
            "pandas": [sys.executable, "-c", PANDAS, str(survey), str(root / "pandas.json"),
                       spec],
            "score": [sys.executable, "-m", "smartcity_assess", "score", str(survey),
                      "--criteria", str(indicator_set), "--format", "json",
                      "-o", str(root / "scores.json")],
        }, args.runs)
        reference, score = best(figures["pandas"]), best(figures["score"])
        difference = compare(root / "scores.json", root / "pandas.json")
        print(f"pandas script:       best {reference:.3f} s of {args.runs} (peak RSS "
              f"{max(f['rss_mb'] for f in figures['pandas']):.0f} MB)")
        print(f"score --format json: best {score:.3f} s of {args.runs} (peak RSS "
              f"{max(f['rss_mb'] for f in figures['score']):.0f} MB)")
        print(f"ratio: {score / reference:.2f}×  (goal ≤ 1.0×, then 0.5×); largest difference "
              f"between the two results: {difference:.2g}")


if __name__ == "__main__":
    main()
