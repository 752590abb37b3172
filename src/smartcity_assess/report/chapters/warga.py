"""The citizens' scorecard (``warga.html``, ``warga.md``): one printed A4 page in plain words.

What was measured, how the region stands, the three things that will change this year and by
when, how to report a problem and how reports were answered, and the map of the kecamatan.
No method, no jargon: the masterplan holds those. Templates: ``templates/warga.html`` and
``warga.md`` with the page's partial ``templates/chapters/warga/page.*``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import MONTHS, text
from ...messages.keys import CHANNEL_KEYS
from ..facts import ReportFacts, ReportSources
from ..maps import INDEX_MAP, AreaRow
from ..views import ActionView, BandView
from . import Chapter, Document

CHANGES = 3
"""Programs shown as "what will change this year"."""
PEOPLE_ROLES = ("warga", "umkm")
"""Roles counted as residents and business owners."""
OFFICE_ROLES = ("opd", "asn")
"""Roles counted as local government staff."""


@dataclass(frozen=True)
class Change:
    """A program that starts this year: what, who, by when."""

    title: str
    owner: str
    when: str
    """``Desember 2026``: the end of its last year."""


@dataclass(frozen=True)
class ChannelView:
    """A complaint channel as a resident reads it."""

    name: str
    kind: str
    address: str
    link: str | None
    """``https://…``, ``tel:…`` or ``sms:…`` (None for an office or a social account)."""
    note: str


@dataclass(frozen=True)
class Answered:
    """How reports were answered: from a complaints export, or the set's statistics."""

    year: int | None
    total: int | None
    closed: float | None
    """Share 0–1 resolved."""
    median_days: float | None
    answered: float | None
    """Share 0–1 of reporters who got an answer."""


@dataclass(frozen=True, kw_only=True)
class WargaPage(Chapter):
    """Everything on the one page."""

    TITLE = "warga"
    ANCHOR = "warga"
    PARTIAL = "chapters/warga/page"

    people: int
    offices: int
    score: float | None
    band: BandView | None
    best: str | None
    worst: str | None
    year: int
    changes: tuple[Change, ...]
    channels: tuple[ChannelView, ...]
    answered: Answered | None
    map: str | None
    """Name of the index map's chart (None: no boundary file)."""
    not_enough: int
    """Areas shown hatched on the map."""
    areas: tuple[AreaRow, ...] = ()
    """Every area with its score, by name: the map in a list a phone can read (the map's
    text is small there) and a screen reader can follow."""


def _when(action: ActionView, lang: str) -> str:
    end = action.end if action.end is not None else action.start
    return f"{MONTHS['id' if lang == 'id' else 'en'][11]} {end}"


def changes_this_year(facts: ReportFacts, year: int) -> tuple[Change, ...]:
    """The quick wins that start in ``year``, by rank, then other programs that start then."""
    quick = [a for a in facts.quick_wins if a.start == year]
    others = [a for a in facts.scheduled if a.start == year and not a.quick_win]
    chosen = sorted(quick, key=lambda a: a.rank)[:CHANGES]
    chosen += sorted(others, key=lambda a: a.rank)[:CHANGES - len(chosen)]
    return tuple(Change(a.title, a.owner_name, _when(a, facts.lang)) for a in chosen)


def this_year(facts: ReportFacts) -> int:
    """The year the page speaks of: the report's year, or the plan's first year when the
    plan starts later."""
    starts = sorted({a.start for a in facts.quick_wins if a.start is not None})
    year = facts.date.year
    later = [s for s in starts if s >= year]
    return later[0] if later else max(year, facts.period.start)


def _channel(plan_channel: object, lang: str) -> ChannelView:
    from ...planning.plan import Channel

    assert isinstance(plan_channel, Channel)
    address = plan_channel.address
    digits = "".join(c for c in address if c.isdigit() or c == "+")
    link = {"app": address, "web": address, "phone": f"tel:{digits}",
            "sms": f"sms:{digits}",
            "whatsapp": f"https://wa.me/{_international(digits)}"}.get(plan_channel.kind)
    return ChannelView(plan_channel.name.get(lang), text(CHANNEL_KEYS[plan_channel.kind], lang),
                       address, link, plan_channel.note.get(lang))


def _international(digits: str) -> str:
    """An Indonesian number for wa.me: ``0856…`` → ``62856…`` (wa.me wants no leading 0)."""
    if digits.startswith("+"):
        return digits[1:]
    return "62" + digits[1:] if digits.startswith("0") else digits


def page(facts: ReportFacts, src: ReportSources) -> WargaPage:
    roles = {r.role: r.n for r in facts.respondents.roles}
    scored = [p for p in facts.pillars if p.score is not None]
    best = max(scored, key=lambda p: (p.score or 0.0, p.id), default=None)
    worst = min(scored, key=lambda p: (p.score or 0.0, p.id), default=None)
    year = this_year(facts)
    maps = src.maps
    answered = None
    if maps is not None and maps.complaints is not None:
        c = maps.complaints
        answered = Answered(c.year, c.total, c.closed, c.median_days, c.answered)
    else:
        values = {r.id: r.value for r in facts.indicators}
        closed, days, reply = (values.get("dampak.aduan_selesai"),
                               values.get("dampak.aduan_hari_selesai"),
                               values.get("dampak.aduan_dijawab"))
        if closed is not None or reply is not None:
            answered = Answered(None, None, None if closed is None else closed / 100, days,
                                None if reply is None else reply / 100)
    return WargaPage(
        people=sum(roles.get(r, 0) for r in PEOPLE_ROLES),
        offices=sum(roles.get(r, 0) for r in OFFICE_ROLES),
        score=facts.index.score, band=facts.index.band,
        best=best.title if best is not None and len(scored) > 1 else None,
        worst=worst.title if worst is not None and len(scored) > 1 else None,
        year=year, changes=changes_this_year(facts, year),
        channels=tuple(_channel(c, facts.lang) for c in src.plan.channels),
        answered=answered,
        map=INDEX_MAP if maps is not None and maps.index_map is not None else None,
        not_enough=sum(1 for a in maps.areas if a.status == "not_enough") if maps else 0,
        areas=maps.areas if maps is not None and maps.index_map is not None else ())


WARGA: Document[ReportFacts, ReportSources] = Document("warga", (page,))
"""The citizens' scorecard: one page."""
