"""What a survey form asks each role, in a language: the model every instrument is made from.

An indicator set asks each indicator of some roles (``roles``; none: everybody). The form of
a role holds every question asked of it, grouped by pillar, each with its text, its kind of
answer, the answer options with the value written in the data (a Likert level, ``ya`` /
``tidak``, a choice key) and their labels, and the range and unit of a number. The printable
questionnaire (:mod:`.questionnaire`), the XLSX workbook (:mod:`.template`) and the XLSForm
(:mod:`.xlsform`) are drawn from it, and the reader of form-tool exports (:mod:`.kobo`) reads
the labels back.

Texts come from the indicator set (questions, titles, level texts, units) and the message
catalogue (role names, answer words); nothing here is hard-wired in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..indicators.model import Indicator, IndicatorSet
from ..messages import text
from ..messages.keys import PEOPLE_KEYS
from .roles import ROLES, Roles, canonical

ROLE_NOTE_KEYS = {"warga": "form_note_warga", "umkm": "form_note_umkm",
                  "opd": "form_note_opd", "asn": "form_note_asn",
                  "statistik": "form_note_statistik"}
"""Canonical role → catalogue key of who fills the form in."""
YES_NO = (("ya", "form_yes"), ("tidak", "form_no"))
"""The values of a yes/no answer in the data, and the catalogue keys of their labels."""


@dataclass(frozen=True)
class Option:
    """One answer a question offers: the value written in the data, and its label."""

    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One indicator as a question of a form."""

    id: str
    section: str
    """The pillar's id (the form's group)."""
    text: str
    title: str
    type: str
    options: tuple[Option, ...] = ()
    low: float | None = None
    high: float | None = None
    unit: str = ""
    integer: bool = False
    """Answers are whole numbers (a count)."""


@dataclass(frozen=True)
class Section:
    """A pillar of the set: its questions asked of the form's role."""

    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Form:
    """The form of one role in one language."""

    role: str | None
    """The role as the set spells it (None: a set that asks everybody everything)."""
    title: str
    """The role's name on the form (``Warga``)."""
    note: str
    """Who fills the form in."""
    lang: str
    set_id: str
    set_version: str
    set_title: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for section in self.sections for q in section.questions)

    @property
    def slug(self) -> str:
        """A file and sheet name for the form: the role (``semua``: everybody)."""
        return self.role or text("form_everybody_slug", self.lang)


def form_roles(indicator_set: IndicatorSet) -> list[str | None]:
    """The roles with a form, in the order of :data:`.roles.ROLES` (then by name), and
    None — the form for everybody else — when some indicator asks everybody."""
    indicators = list(indicator_set.indicators())
    order = {name: i for i, name in enumerate(ROLES)}

    def rank(role: str) -> tuple[int, str]:
        return order.get(canonical(role), len(order)), role

    asked: set[str] = {role for ind in indicators for role in ind.roles}
    named: list[str] = sorted(asked, key=rank)
    ranked: list[str | None] = [*named]
    if any(not ind.roles for ind in indicators):
        ranked.append(None)
    return ranked


def asks(indicator: Indicator, role: str | None) -> bool:
    """The indicator is a question of ``role``'s form (None: the form for everybody, with
    the questions that ask everybody)."""
    return not indicator.roles or (role is not None and role in indicator.roles)


def question(indicator: Indicator, section: str, lang: str) -> Question:
    """An indicator as a question in ``lang``."""
    title = indicator.title.get(lang) or indicator.id
    wording = indicator.question.get(lang) or title
    unit = (indicator.unit_text.get(lang) or indicator.unit or "") if indicator.unit else ""
    options: tuple[Option, ...] = ()
    low = high = None
    if indicator.type == "likert":
        texts = dict(indicator.levels)
        levels = indicator.level_values() or (1, 2, 3, 4, 5)
        options = tuple(Option(str(level), _level_label(level, texts.get(level), lang))
                        for level in levels)
    elif indicator.type == "boolean":
        options = tuple(Option(value, text(key, lang)) for value, key in YES_NO)
    elif indicator.type == "choice":
        options = tuple(Option(key, choice_label(key)) for key, _ in indicator.choices)
    else:
        bounds = indicator.valid_range
        if indicator.type == "percent" and bounds is None:
            bounds = (0.0, 100.0)
        if bounds is not None:
            low, high = bounds
        if indicator.type == "percent" and not unit:
            unit = "%"
    return Question(id=indicator.id, section=section, text=wording, title=title,
                    type=indicator.type, options=options, low=low, high=high, unit=unit,
                    integer=indicator.unit is not None and indicator.unit.strip().lower()
                    in ("count", "jumlah"))


def _level_label(level: int, words: object, lang: str) -> str:
    from ..text import Text

    said = words.get(lang) if isinstance(words, Text) else ""
    return f"{level} — {said}" if said and said != str(level) else str(level)


def choice_label(key: str) -> str:
    """A choice key as words: ``fisik-dan-daring`` → ``Fisik dan daring``."""
    words = key.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else key


def build_form(indicator_set: IndicatorSet, role: str | None, lang: str) -> Form:
    """The form of ``role`` (as :func:`form_roles` gives it) in ``lang``."""
    sections = []
    for pillar in indicator_set.pillars:
        questions = tuple(question(ind, pillar.id, lang) for ind in pillar.indicators()
                          if asks(ind, role))
        if questions:
            sections.append(Section(pillar.id, pillar.title.get(lang) or pillar.id, questions))
    name = canonical(role) if role is not None else None
    if name in PEOPLE_KEYS:
        title, note = text(PEOPLE_KEYS[name], lang), text(ROLE_NOTE_KEYS[name], lang)
    elif role is not None:
        title, note = role, text("form_note_other", lang)
    else:
        title, note = text("form_everyone", lang), text("form_note_other", lang)
    return Form(role=role, title=title, note=note, lang=lang, set_id=indicator_set.id,
                set_version=indicator_set.version,
                set_title=indicator_set.title.get(lang) or indicator_set.id,
                sections=tuple(sections))


def build_forms(indicator_set: IndicatorSet, lang: str,
                roles: list[str | None] | None = None) -> list[Form]:
    """The forms of every role (or of ``roles``), in :func:`form_roles` order."""
    return [build_form(indicator_set, role, lang)
            for role in (form_roles(indicator_set) if roles is None else roles)]


def resolve_role(indicator_set: IndicatorSet, written: str) -> str | None:
    """The role a user asked a form for (``--role citizen``), as the set spells it; None
    when the set has no such role."""
    found = Roles(indicator_set).resolve_name(written)
    return found if found in form_roles(indicator_set) else None
