"""Respondent roles: the names a file may use, and whose answer counts for which indicator.

The canonical roles are Indonesian: ``warga`` (residents), ``umkm`` (MSME owners), ``opd``
(an agency's self-assessment), ``asn`` (civil servants) and ``statistik`` (official
statistics and published facts). A survey file may write them in any letter case, or by
their English names (``citizen``, ``msme``, ``agency``, ``civil-servant``, ``official``):
each is read as the name the indicator set uses, so ``warga`` rows count for a set that asks
``citizen`` (``smartcity-id@1``) and ``citizen`` rows for one that asks ``warga``.

One rule decides the role of an answer (docs/survey-data.md, "Roles"):

1. the row's role, when it has one; it must be a role some indicator of the set asks (a
   role nobody asks is an error, never a silent zero);
2. otherwise the set's ``default_role``, when it declares one;
3. otherwise the one role the indicator asks, when it asks exactly one (a file of official
   statistics needs no role column: every fact indicator asks ``statistik`` alone);
4. an indicator that asks everybody (no ``roles``) takes the answer as it is;
5. an indicator that asks several roles cannot tell whose answer it is: an error.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..indicators.model import Indicator, IndicatorSet

ROLES = ("warga", "umkm", "opd", "asn", "statistik")
"""The canonical (Indonesian) roles, in the order forms list them."""

ALIASES: dict[str, str] = {
    "citizen": "warga", "msme": "umkm", "agency": "opd", "civil-servant": "asn",
    "official": "statistik", "resmi": "statistik",
}
"""Other names of the canonical roles, accepted in survey files."""

ENGLISH = {"warga": "citizen", "umkm": "msme", "opd": "agency", "asn": "civil-servant",
           "statistik": "official"}
"""The English name of each canonical role (as the lead's decision lists them)."""


def role_key(text: str) -> str:
    """A role as written, folded for comparison: ``" Civil Servant "`` → ``civil-servant``."""
    return "-".join(text.strip().casefold().replace("_", " ").split())


def canonical(name: str) -> str:
    """The canonical name of a role (``citizen`` → ``warga``; an unknown name unchanged)."""
    key = role_key(name)
    return ALIASES.get(key, key)


@dataclass(frozen=True)
class Unknown:
    """A role no indicator of the set asks, with the nearest one it knows (or None)."""

    written: str
    guess: str | None


class Roles:
    """The roles of one indicator set: which names it knows, and whose answer counts."""

    def __init__(self, indicator_set: IndicatorSet) -> None:
        indicators = list(indicator_set.indicators())
        asked = {role for ind in indicators for role in ind.roles}
        self.open = any(not ind.roles for ind in indicators)
        """Some indicator asks everybody: any role is asked."""
        if self.open:
            asked.update(role for role, _ in indicator_set.role_weights)
        self.asked = frozenset(asked)
        """The roles some indicator asks, as the set spells them."""
        by_canonical: dict[str, str] = {}
        for role in sorted(asked):
            by_canonical.setdefault(canonical(role), role)
        self.spelling = by_canonical
        """Canonical name → the set's own spelling (``warga`` → ``citizen`` for v1)."""
        default = getattr(indicator_set, "default_role", None)
        self.default: str | None = self.resolve_name(default) if default else None
        """The set's ``default_role`` as the set spells it (None: not declared)."""
        self.weights = dict(indicator_set.role_weights)

    def resolve_name(self, written: str) -> str:
        """The set's spelling of a role written in a file (``Citizen`` → ``warga``);
        a role the set does not know comes back folded (check with :meth:`known`)."""
        key = role_key(written)
        if key in self.asked:
            return key
        found = self.spelling.get(ALIASES.get(key, key))
        if found is not None:
            return found
        if not self.open:
            return key
        # A set that asks everybody keeps a role it has no name for as written (lower case):
        # it is the data's own label, shown as it is.
        return ALIASES.get(key) or written.strip().lower()

    def known(self, role: str) -> bool:
        """Some indicator of the set asks ``role`` (as :meth:`resolve_name` gives it)."""
        return self.open or role in self.asked

    def unknown(self, written: str) -> Unknown | None:
        """None when ``written`` names a role the set asks, else what to say about it."""
        role = self.resolve_name(written)
        if self.known(role):
            return None
        names = {name: name for name in self.asked}
        names.update((name, spelt) for name, spelt in self.spelling.items() if name != spelt)
        for alias, target in ALIASES.items():
            if target in self.spelling:
                names.setdefault(alias, self.spelling[target])
        found = difflib.get_close_matches(role_key(written), list(names), n=1, cutoff=0.6)
        return Unknown(written, names[found[0]] if found else None)

    def listed(self) -> str:
        """The roles the set knows, for a message: ``asn, opd, statistik, umkm, warga``."""
        return ", ".join(sorted(self.asked)) if self.asked else "any role"

    def implied(self, indicator: Indicator) -> str | None:
        """Whose an answer without a role is, for ``indicator`` (rule 3): its one role, or
        None (it asks everybody, or several roles)."""
        return indicator.roles[0] if len(indicator.roles) == 1 else None

    def ambiguous(self, indicator: Indicator) -> bool:
        """An answer without a role cannot be placed (rule 5): no default role, and the
        indicator asks several roles."""
        return self.default is None and len(indicator.roles) > 1

    def weight(self, indicator: Indicator, role: str | None) -> float:
        """The weight of an answer from ``role`` (0: not used), as the engine gives it."""
        if indicator.roles and role not in indicator.roles:
            return 0.0
        return self.weights.get(role or "", 1.0)
