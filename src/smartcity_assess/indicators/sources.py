"""The source table of an indicator set as Markdown (``criteria sources``).

``docs/indicator-sources.md`` is this function's output for the bundled default set, so the
table can never drift from the set (a test compares them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Group, Indicator, IndicatorSet
from .vocabulary import KOMINFO_DIMENSIONS, KOMINFO_TITLES

_TYPES = {"percent": "percent", "number": "number", "likert": "likert 1–5",
          "boolean": "yes/no", "choice": "choice"}


def _cell(text: str) -> str:
    """Table-cell text: pipes escaped, line breaks flattened."""
    return " ".join(text.replace("|", "\\|").split())


def _number(value: float) -> str:
    return f"{value:g}"


def _type(ind: Indicator) -> str:
    text = _TYPES[ind.type]
    if ind.type == "number":
        text += f", {_number(ind.goalposts[0])}–{_number(ind.goalposts[1])}"
    elif ind.type == "percent" and ind.goalposts != (0.0, 100.0):
        text += f", {_number(ind.goalposts[0])}–{_number(ind.goalposts[1])}%"
    elif ind.type == "choice":
        text += " (" + ", ".join(f"{k} {_number(v)}" for k, v in ind.choices) + ")"
    if ind.respondents == "share" and ind.type == "likert":
        text += ", % agreeing"
    if ind.direction == "lower":
        text += ", lower is better"
    return text


def _unit(ind: Indicator) -> str:
    unit = ind.unit_text.get("en") or ind.unit or ""
    return "" if unit in ("", "%") else f" {unit}"


def _target(ind: Indicator, value: float) -> str:
    """A target as a reader says it: ``82.3%``, ``49 cases per …``, or the choice's name."""
    if ind.type == "percent":
        return f"{_number(value)}%"
    if ind.type == "choice":
        names = [name for name, choice in ind.choices if choice == value]
        if names:
            return f"{names[0]} ({_number(value)})"
    return f"{_number(value)}{_unit(ind)}"


def _dimension(group: Group, ind: Indicator) -> str:
    for child in group.children:
        if isinstance(child, Group) and any(i.id == ind.id for i in child.indicators()):
            return child.title.get("en")
    return ""


def sources_markdown(iset: IndicatorSet, set_path: str | None = None) -> str:
    """A Markdown page listing every indicator with its crosswalks, target and sources."""
    refs: list[str] = []

    def ref_ids(references: Iterable[str]) -> str:
        out = []
        for ref in references:
            if ref not in refs:
                refs.append(ref)
            out.append(f"S{refs.index(ref) + 1}")
        return ", ".join(out)

    indicators = list(iset.indicators())
    lines = [f"# Indicator sources — `{iset.id}` {iset.version}", ""]
    lines += [
        f"<!-- Generated from the indicator set by `smartcity-assess criteria sources "
        f"{iset.id}`. Do not edit by hand: change the set and regenerate. -->",
        "",
        "This page lists, for every indicator of the set, what it measures, who answers it, "
        "where it sits among Kominfo's six smart-city dimensions and the SPBE indicators of "
        "PermenPANRB 59/2020, its target when a policy document sets one, and its sources "
        "(numbered S1, S2 … and listed at the end).",
    ]
    if set_path:
        lines[-1] += f" The set itself is [{set_path.split('/')[-1]}]({set_path})."
    lines += ["", "## At a glance", ""]
    lines += ["| pillar | id | weight | dimensions | indicators | shown with weight 0 |",
              "| --- | --- | --- | --- | --- | --- |"]
    for pillar in iset.pillars:
        inds = list(pillar.indicators())
        dims = sum(1 for g in pillar.groups() if g is not pillar)
        zero = sum(1 for i in inds if i.weight == 0)
        lines.append(f"| {_cell(pillar.title.get('en'))} | `{pillar.id}` | "
                     f"{_number(pillar.weight)} | {dims} | {len(inds)} | {zero} |")
    lines.append(f"| **total** | | | | **{len(indicators)}** | "
                 f"**{sum(1 for i in indicators if i.weight == 0)}** |")
    roles = Counter(r for i in indicators for r in i.roles)
    kinds = Counter(i.kind for i in indicators)
    lines += ["", "Who answers (`roles`): " + ", ".join(
        f"`{role}` {count}" for role, count in sorted(roles.items())) + ". "
        f"Indicators declared `kind: fact` (one authoritative answer): {kinds['fact']}; "
        f"measured from several answers: {kinds['measure']}."]
    dims_count = Counter(i.crosswalk_value("kominfo") for i in indicators)
    if any(dims_count.values()):
        lines += ["", "| Kominfo dimension | indicators |", "| --- | --- |"]
        for dim in KOMINFO_DIMENSIONS:
            lines.append(f"| {KOMINFO_TITLES[dim].get('en')} (`{dim}`) | {dims_count[dim]} |")
    actions = list(iset.actions())
    if actions:
        horizons = Counter(a.horizon for a in actions)
        lines += ["", f"The action catalogue holds **{len(actions)} actions**: "
                  + ", ".join(f"{horizons[h]} {h}" for h in ("quick-win", "short", "medium",
                                                             "long") if horizons[h])
                  + f"; {sum(1 for a in actions if a.regulation)} name the regulation that "
                  "obliges them, "
                  f"{sum(1 for a in actions if a.citizen_impact == 'high')} have a high citizen "
                  f"impact, {sum(1 for a in actions if a.requires)} require a document or data "
                  "set that another action provides."]
    lines += ["", "## Indicators", "",
              "Types: `percent` maps 0–100 onto the scale unless other goalposts are shown; "
              "`number` between the goalposts shown; `likert` 1–5 as the mean of the answers "
              "(or the share agreeing where marked); `yes/no` as the percentage of yes; "
              "`choice` by the value of each answer. A target is given only where a policy "
              "document sets one; “—” means the region sets it in its plan."]
    for pillar in iset.pillars:
        lines += ["", f"### {_cell(pillar.title.get('en'))} (`{pillar.id}`)", "",
                  "| id | dimension | title | type | answered by | Kominfo | SPBE | target "
                  "| sources |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for ind in pillar.indicators():
            title = ind.title.get("en")
            if ind.weight == 0:
                title += " (weight 0)"
            target = "—" if ind.target is None else _target(ind, ind.target)
            lines.append(
                f"| `{ind.id}` | {_cell(_dimension(pillar, ind))} | {_cell(title)} | "
                f"{_cell(_type(ind))} | {', '.join(ind.roles) or 'everybody'} | "
                f"{ind.crosswalk_value('kominfo') or '—'} | {ind.crosswalk_value('spbe') or '—'}"
                f" | {target} | {ref_ids(ind.references)} |")
    targeted = [i for i in indicators if i.target is not None]
    if targeted:
        lines += ["", "## Targets", "", "| id | title | target | source |",
                  "| --- | --- | --- | --- |"]
        for ind in targeted:
            target = _target(ind, ind.target if ind.target is not None else 0.0)
            if ind.direction == "lower":
                target = "at most " + target
            lines.append(f"| `{ind.id}` | {_cell(ind.title.get('en'))} | {target} | "
                         f"{ref_ids(ind.references)} |")
    lines += ["", "## Source list", ""]
    set_refs = ref_ids(iset.references)
    for number, ref in enumerate(refs, start=1):
        text, _, url = ref.rpartition(" http")
        if text and url:
            ref = f"{text} <http{url}>"
        lines.append(f"- **S{number}** {_cell(ref)}")
    if set_refs:
        lines += ["", f"Sources of the set as a whole: {set_refs}."]
    return "\n".join(lines) + "\n"
