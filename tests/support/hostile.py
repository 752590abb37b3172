"""Hostile text for the output-safety tests (issue 5, item 3), and files that carry it.

Every payload, if it ever became markup, script, a link, a formula or a template expression,
sets ``window.__pwned`` (or calls ``alert``) — so a browser test only has to look for that —
and the tests check that each payload is shown *as text* instead.

:func:`write_project` writes an indicator set, a survey, a plan and the matching harmless
"twin" files (the same structure with plain text), so that a test can compare the structure
of a hostile report with that of a harmless one: hostile text must not add a single element,
link or token.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------- payloads

SCRIPT = "<script>window.__pwned='script';alert(1)</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';alert(2)\">"
ATTR = "\" onmouseover=\"window.__pwned='attr'\" autofocus onfocus=\"alert(3)\" x=\""
SQUOTE = "' onfocus='window.__pwned=1' autofocus x='"
JS_URL = "javascript:window.__pwned='js-url'"
HTML_LINK = "<a href=\"javascript:window.__pwned='a'\">click me</a>"
MD_LINK = "[click](javascript:window.__pwned='md-link')"
MD_IMAGE = "![pixel](http://evil.example/p.png)"
STYLE = "</style><script>window.__pwned='style'</script><style>"
SCRIPT_CLOSE = "</script><script>window.__pwned='close'</script>"
SVG = "<svg/onload=window.__pwned='svg'>"
IFRAME = "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>"
JINJA = "{{ 7*191 }}{% if true %}JINJA{% endif %}{# gone #}"
SSTI = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
MD_BLOCKS = "# Heading | a | b |\n```\ncode\n```\n> quote\n- item\n\n| x | y |\n|---|---|"
MD_INLINE = "**bold** _it_ `code` <b>raw</b> &amp; [ref]: http://evil.example ~~s~~"
FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"
DDE = "=cmd|' /C calc'!A0"
PLUS = "+1+1"
AT = "@SUM(1,1)"
MINUS = "-2+3"

PAYLOADS = {
    "script": SCRIPT, "img": IMG, "attr": ATTR, "squote": SQUOTE, "js-url": JS_URL,
    "html-link": HTML_LINK, "md-link": MD_LINK, "md-image": MD_IMAGE, "style": STYLE,
    "script-close": SCRIPT_CLOSE, "svg": SVG, "iframe": IFRAME, "jinja": JINJA, "ssti": SSTI,
    "md-blocks": MD_BLOCKS, "md-inline": MD_INLINE, "formula": FORMULA, "dde": DDE,
}
"""Every payload by name; :data:`MARKERS` are the strings whose presence proves a leak."""

JINJA_EVALUATED = "1337"
"""What ``{{ 7*191 }}`` would print if user text were ever rendered as a template."""


def q(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


# --------------------------------------------------------------------------- files

# Where each payload goes. Region names and roles come from the survey; the rest from the
# indicator set and the plan. Ids must match ``[A-Za-z0-9][A-Za-z0-9_.-]*`` (the loader
# rejects anything else), so they carry no payload.
REGION = SCRIPT_CLOSE + " " + IMG
"""The survey's region name: ends a ``<script>`` (the embedded scores) and adds an image."""
DISPLAY_NAME = SCRIPT + " " + MD_LINK
"""The plan's ``region.name`` (shown on the cover instead of the survey's name)."""
ROLES = (ATTR, FORMULA)
RESPONDENTS = (SQUOTE, DDE, PLUS)


@dataclass(frozen=True)
class Project:
    """The files of one report run."""

    criteria: Path
    survey: Path
    plan: Path


def _texts(hostile: bool) -> dict[str, str]:
    """The text of every slot: a payload, or a plain twin of about the same shape."""
    slots = {
        "set_title": SCRIPT, "set_description": STYLE, "set_reference": MD_LINK,
        "version": SVG, "band_low": ATTR, "band_low_desc": IFRAME, "band_high": FORMULA,
        "band_high_desc": JINJA, "pillar_a": SCRIPT_CLOSE, "pillar_a_desc": HTML_LINK,
        "pillar_b": JINJA, "pillar_b_desc": MD_BLOCKS, "ind_a": IMG, "ind_a_q": SSTI,
        "ind_a_desc": MD_INLINE, "ind_a_unit": "<b>u</b>", "ind_a_ref": JS_URL,
        "ind_b": MD_LINK, "ind_b_desc": MD_IMAGE, "ind_c": STYLE, "ind_c_level1": SCRIPT,
        "ind_c_level5": MD_BLOCKS, "ind_d": FORMULA, "ind_d_choice_no": DDE,
        "ind_d_choice_yes": AT, "action_a": SCRIPT, "action_a_desc": SSTI, "owner": ATTR,
        "action_a_ref": MD_LINK, "action_b": IFRAME, "action_b_desc": STYLE, "owner_b": MD_INLINE,
        "action_c": JINJA, "action_c_desc": MD_BLOCKS, "owner_c": SCRIPT_CLOSE,
        "action_d": FORMULA, "owner_name": IMG, "owner_b_name": SCRIPT, "prepared_by": SVG,
        "province": STYLE, "notes": MD_BLOCKS, "vision": SCRIPT + " " + MD_IMAGE,
        "mission_1": HTML_LINK, "mission_2": JINJA, "goal_a": SSTI, "goal_b": MD_INLINE,
        "region": REGION, "display_name": DISPLAY_NAME, "role_1": ROLES[0], "role_2": ROLES[1],
        "respondent_1": RESPONDENTS[0], "respondent_2": RESPONDENTS[1],
        "respondent_3": RESPONDENTS[2],
    }
    if hostile:
        return slots
    return {key: f"Plain {key.replace('_', ' ')} text" for key in slots}


def indicator_set_yaml(hostile: bool = True) -> str:
    t = _texts(hostile)
    return f"""\
id: hostile
version: {q(t['version'])}
title: {q(t['set_title'])}
description: {q(t['set_description'])}
references: [{q(t['set_reference'])}]
bands:
  - {{from: 0, label: {q(t['band_low'])}, description: {q(t['band_low_desc'])}}}
  - {{from: 50, label: {q(t['band_high'])}, description: {q(t['band_high_desc'])}}}
pillars:
  - id: pa
    title: {q(t['pillar_a'])}
    description: {q(t['pillar_a_desc'])}
    indicators:
      - id: a
        title: {q(t['ind_a'])}
        question: {q(t['ind_a_q'])}
        description: {q(t['ind_a_desc'])}
        type: number
        unit: {q(t['ind_a_unit'])}
        goalposts: [0, 100]
        target: 80
        references: [{q(t['ind_a_ref'])}]
        actions:
          - id: a.fix
            title: {q(t['action_a'])}
            description: {q(t['action_a_desc'])}
            applies_below: 95
            effort: low
            horizon: quick-win
            owner: {q(t['owner'])}
            gain: 10
            references: [{q(t['action_a_ref'])}]
          - id: a.more
            title: {q(t['action_b'])}
            description: {q(t['action_b_desc'])}
            applies_below: 95
            effort: high
            horizon: medium
            owner: {q(t['owner_b'])}
            gain: 20
            depends_on: [a.fix]
      - id: b
        title: {q(t['ind_b'])}
        description: {q(t['ind_b_desc'])}
        type: percent
        target: 90
  - id: pb
    title: {q(t['pillar_b'])}
    description: {q(t['pillar_b_desc'])}
    indicators:
      - id: c
        title: {q(t['ind_c'])}
        type: likert
        target: 4
        levels:
          1: {q(t['ind_c_level1'])}
          2: Two
          3: Three
          4: Four
          5: {q(t['ind_c_level5'])}
        actions:
          - id: c.fix
            title: {q(t['action_c'])}
            description: {q(t['action_c_desc'])}
            effort: medium
            horizon: short
            owner: {q(t['owner_c'])}
            gain: 15
      - id: d
        title: {q(t['ind_d'])}
        type: choice
        target: 100
        choices: {{{q(t['ind_d_choice_no'])}: 0, {q(t['ind_d_choice_yes'])}: 100}}
        actions:
          - id: d.fix
            title: {q(t['action_d'])}
            effort: low
            horizon: short
            owner: {q(t['owner'])}
            gain: 30
"""


def plan_yaml(hostile: bool = True, *, display_name: bool = True) -> str:
    t = _texts(hostile)
    name = f"  name: {q(t['display_name'])}\n" if display_name else ""
    return f"""\
prepared_by: {q(t['prepared_by'])}
region:
{name}  province: {q(t['province'])}
  population: 1234
  notes: {q(t['notes'])}
vision: {q(t['vision'])}
mission:
  - {q(t['mission_1'])}
  - {q(t['mission_2'])}
goals:
  pa: {q(t['goal_a'])}
  pb: {q(t['goal_b'])}
horizon: {{start_year: 2026, years: 5}}
opd:
  {q(t['owner'])}: {q(t['owner_name'])}
  {q(t['owner_b'])}: {q(t['owner_b_name'])}
"""


def survey_csv(hostile: bool = True, *, year: int = 2025) -> str:
    import csv
    import io

    t = _texts(hostile)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["region", "year", "respondent", "role", "a", "b", "c", "d"])
    writer.writerow([t["region"], year, t["respondent_1"], t["role_1"], 40, 55, 2,
                     t["ind_d_choice_no"]])
    writer.writerow([t["region"], year, t["respondent_2"], t["role_2"], 60, 65, 3,
                     t["ind_d_choice_yes"]])
    writer.writerow([t["region"], year, t["respondent_3"], t["role_1"], 50, 45, 2,
                     t["ind_d_choice_no"]])
    return buffer.getvalue()


SURVEY_NAME = "survey <img src=x onerror=alert(9)> {{7*191}}.csv"
"""A survey file name is user text too: it is shown in the reports' annex."""


def write_project(folder: Path, *, hostile: bool = True, display_name: bool = True,
                  survey_name: str | None = None) -> Project:
    """The indicator set, survey and plan of a (hostile or plain) report run in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    criteria = folder / "set.yaml"
    criteria.write_text(indicator_set_yaml(hostile), encoding="utf-8")
    survey = folder / (survey_name or (SURVEY_NAME if hostile else "survey plain.csv"))
    survey.write_text(survey_csv(hostile), encoding="utf-8")
    plan = folder / "plan.yaml"
    plan.write_text(plan_yaml(hostile, display_name=display_name), encoding="utf-8")
    return Project(criteria, survey, plan)


def visible(text: str) -> str:
    """A payload as a reader should see it: whitespace runs collapse to one space."""
    return " ".join(text.split())
