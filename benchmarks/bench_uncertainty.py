"""Benchmark: the cost of bootstrap intervals and of the sensitivity Monte Carlo (issue 6).

Run: python benchmarks/bench_uncertainty.py [--runs 3] [--batch 0]

Measured with the defaults (bootstrap 1000 draws; sensitivity 500 weight sets × 2 aggregations
× 2 imputations × 5 sets of goalposts, × 2 normalisations when the set has targets: 10,000 or
20,000 scenarios) on
  * the bundled Kabupaten Tegal sample (3 files, read as users read them),
  * the same sample's shape with respondent ids (synthetic answers: whole respondents are
    resampled, which the reader does not support yet),
  * BPS's IPM for the 514 kabupaten/kota in 2024 (official statistics: one row each),
  * optionally --batch N synthetic Tegal-shaped regions (a batch of region reports).
Figures are printed, not asserted: speed is measured here, never in timed tests.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import Indicator, IndicatorSet
from smartcity_assess.resources import sample_dir
from smartcity_assess.scoring.engine import DEFAULT_BOOTSTRAP_DRAWS, ScoringOptions, assess
from smartcity_assess.scoring.sensitivity import DEFAULT_DRAWS, SensitivityOptions, sensitivity
from smartcity_assess.survey.data import Answers, RegionData, SurveyData
from smartcity_assess.survey.load import read_survey

ROOT = Path(__file__).resolve().parents[1]
IPM = ROOT / "examples" / "bps-ipm"
SAMPLE = ("tegal-citizen-survey.csv", "tegal-official-statistics.csv",
          "tegal-opd-self-assessment.xlsx")


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(label: str, iset: IndicatorSet, survey: SurveyData, runs: int) -> None:
    answers = sum(len(a.values) for d in survey.regions.values() for a in d.answers.values())
    print(f"\n{label}: {len(survey.regions)} region-year(s), {answers:,} answers")
    plain = best_of(runs, lambda: assess(iset, survey))
    boot_options = ScoringOptions(bootstrap=DEFAULT_BOOTSTRAP_DRAWS)
    level = assess(iset, survey, boot_options).bootstrap
    boot = best_of(runs, lambda: assess(iset, survey, boot_options))
    sens = best_of(runs, lambda: sensitivity(iset, survey))
    print(f"  assess (no intervals)                 {plain:8.3f} s")
    print(f"  assess + bootstrap {DEFAULT_BOOTSTRAP_DRAWS} draws "
          f"({level.level if level else '?'}) {boot:8.3f} s  "
          f"({(boot - plain) / DEFAULT_BOOTSTRAP_DRAWS * 1000:.2f} ms per draw)")
    scenarios = sensitivity(iset, survey).scenarios
    print(f"  sensitivity {DEFAULT_DRAWS} draws ({scenarios:,} scenarios)  {sens:8.3f} s  "
          f"({sens / len(survey.regions) * 1000:.1f} ms per region-year)")


def answer(indicator: Indicator, rng: random.Random) -> float:
    if indicator.type == "likert":
        return float(rng.choice(indicator.level_values()))
    if indicator.type == "boolean":
        return float(rng.random() < 0.5)
    if indicator.type == "choice":
        return rng.choice([value for _, value in indicator.choices])
    low, high = indicator.valid_range or indicator.goalposts
    return round(rng.uniform(low, high), 2)


def tegal_shaped(iset: IndicatorSet, template: RegionData, regions: int,
                 seed: int = 1) -> SurveyData:
    """Synthetic surveys shaped like the sample: same roles, sizes and response rates."""
    rng = random.Random(seed)
    asked = {ind.id: ind for ind in iset.indicators()}
    rates: dict[str, dict[str, float]] = {}
    for role, count in template.roles.items():
        rates[role] = {}
        for ind_id, ind in asked.items():
            if ind.roles and role not in ind.roles:
                continue
            got = template.answers.get(ind_id)
            n = sum(1 for r in got.roles if r == role) if got else 0
            if n:
                rates[role][ind_id] = n / count
    survey = SurveyData()
    for number in range(regions):
        data = survey.regions.setdefault((f"Kabupaten {number:03d}", 2025), RegionData())
        for role, count in sorted(template.roles.items()):
            data.roles[role] = count
            for k in range(count):
                rid = f"{role}-{k}"
                data.respondents.add(rid)
                for ind_id, rate in rates[role].items():
                    if rng.random() < rate:
                        data.answers.setdefault(ind_id, Answers()).add(
                            answer(asked[ind_id], rng), role, rid)
    return survey


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=0,
                        help="also measure this many synthetic Tegal-shaped regions")
    args = parser.parse_args()
    default_set = load_indicator_set()
    files = [sample_dir() / name for name in SAMPLE]
    if all(f.exists() for f in files):
        survey = read_survey(files, default_set)
        measure("Kabupaten Tegal sample (as read)", default_set, survey, args.runs)
        template = next(iter(survey.regions.values()))
        measure("Tegal-shaped survey with respondent ids", default_set,
                tegal_shaped(default_set, template, 1), args.runs)
        if args.batch:
            measure(f"{args.batch} Tegal-shaped regions with respondent ids", default_set,
                    tegal_shaped(default_set, template, args.batch), 1)
    else:
        print("the bundled Tegal sample is missing: skipped")
    ipm_set = load_indicator_set(IPM / "ipm.yaml")
    lines = (IPM / "bps-ipm-kabkota-2020-2024.csv").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ipm-2024.csv"
        path.write_text("\n".join([lines[0], *(x for x in lines[1:] if ",2024," in x)]) + "\n",
                        encoding="utf-8")
        ipm = read_survey([path], ipm_set)
    measure("BPS IPM 2024, 514 kabupaten/kota", ipm_set, ipm, args.runs)
    sens = sensitivity(ipm_set, ipm, SensitivityOptions())
    tegal = sens.for_region("Kabupaten Tegal", 2024)
    print(f"  e.g. Kabupaten Tegal 2024: index {tegal.index.nominal:.2f}, 5–95% "
          f"{tegal.index.low:.2f}–{tegal.index.high:.2f}, rank "
          f"{tegal.rank.nominal if tegal.rank else '?'} "
          f"({tegal.rank.low if tegal.rank else '?'}–{tegal.rank.high if tegal.rank else '?'}) "
          f"of {tegal.rank.of if tegal.rank else '?'}")


if __name__ == "__main__":
    main()
