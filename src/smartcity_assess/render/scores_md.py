"""Scores as a Markdown scorecard (for $GITHUB_STEP_SUMMARY or a pull-request comment)."""

from __future__ import annotations

from ..numbers import format_number, format_percent
from ..scoring.results import Assessment, RegionResult
from .escape import markdown_text

_LABELS = {
    "id": {"region": "Wilayah", "year": "Tahun", "index": "Indeks", "band": "Kategori",
           "coverage": "Cakupan data", "pillar": "Pilar", "score": "Skor",
           "respondents": "Responden", "title": "Kartu skor", "not": "tidak dinilai"},
    "en": {"region": "Region", "year": "Year", "index": "Index", "band": "Band",
           "coverage": "Data coverage", "pillar": "Pillar", "score": "Score",
           "respondents": "Respondents", "title": "Scorecard", "not": "not assessed"},
}


def to_markdown(assessment: Assessment, lang: str = "id") -> str:
    """A heading, one summary table of all region-years, then pillars per region-year."""
    labels = _LABELS.get(lang, _LABELS["en"])
    iset = assessment.indicator_set
    pillar_titles = [markdown_text(p.title.get(lang)) for p in iset.pillars]
    lines = [
        f"# {labels['title']}: {markdown_text(iset.title.get(lang))}",
        "",
        f"{markdown_text(iset.id)} {markdown_text(iset.version)} · "
        f"smartcity-assess {markdown_text(assessment.tool_version)}",
        "",
        "| " + " | ".join([labels["region"], labels["year"], labels["index"], labels["band"],
                          labels["coverage"], *pillar_titles]) + " |",
        "| " + " | ".join(["---", "---:", "---:", "---", "---:"]
                          + ["---:"] * len(pillar_titles)) + " |",
    ]
    for result in assessment.results:
        lines.append("| " + " | ".join(_summary_row(result, lang, labels["not"])) + " |")
    lines.append("")
    return "\n".join(lines)


def _summary_row(result: RegionResult, lang: str, not_assessed: str) -> list[str]:
    def score(value: float | None) -> str:
        return not_assessed if value is None else format_number(value, lang, 1)

    return [
        markdown_text(result.region),
        "" if result.year is None else str(result.year),
        score(result.score),
        markdown_text(result.band.label.get(lang)) if result.band else "",
        format_percent(result.coverage, lang),
        *(score(p.score) for p in result.pillars),
    ]
