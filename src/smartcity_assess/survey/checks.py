"""The checks a careful analyst makes on survey data, as warnings (:class:`~..notices.Notice`).

None of these is an error: each may be right. They are said, with the file and row, so that
somebody looks:

``region-spelling``
    two region names that are probably one region written two ways ("Kab. Tegal" and
    "Kabupaten Tegal", "Kabupaten Tgeal"): the administrative prefixes are read as one
    (Kab./Kab/Kabupaten, Kota/Kot./Kotamadya), the words of direction (Utara, Tengah,
    Tenggara …) must match, and the rest may differ by a normalised edit distance of at most
    0.2 (one typo in five letters). Without a prefix, "Tegal" is like both.
``value-jump``
    a number or percentage that changes by a factor of 10 or more from one year of a region
    to the next one in the data (the mean of the year's answers);
``percent-fraction``
    a percentage between 0 and 1 next to other answers of the same indicator that are about
    100 times larger (0.25 beside 27.5: a fraction typed into a percent column);
``respondent-regions``
    one respondent id in two regions (two people sharing an id, or a copied row);
``below-min-answers``
    indicators with answers, but fewer than their ``min_answers`` in a region-year: they are
    not scored there ("6 indicators need 50 answers; there are 3: …").

Each works on the columns the reader keeps (:class:`Sightings`), not row by row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Problem
from ..indicators.model import Indicator
from ..notices import Notice

if TYPE_CHECKING:
    from .data import RegionYear

JUMP_FACTOR = 10.0
"""A value this many times larger (or smaller) than the year before is a jump."""
FRACTION_BAND = 4.0
"""A fraction v is "typed into a percent column" when some other answer lies within this
factor of 100·v."""
SPELLING_DISTANCE = 0.2
"""Largest edit distance between two region names (without prefix and directions), as a
share of the shorter name: one typo in five letters."""
MAX_PER_CHECK = 20
"""Findings listed per check; the rest are counted in one more notice."""
MAX_CANDIDATES = 1000
"""Fractions remembered per file while reading (enough for any real file; bounds memory)."""

PREFIXES = {"kab": "kabupaten", "kabupaten": "kabupaten", "kab.": "kabupaten",
            "kota": "kota", "kot": "kota", "kot.": "kota", "kotamadya": "kota",
            "kodya": "kota", "kabupaten.": "kabupaten"}
"""How the prefix of a regency or city may be written → the prefix."""
DIRECTIONS = frozenset({
    "utara", "selatan", "barat", "timur", "tengah", "tenggara", "daya", "laut", "raya",
    "jaya", "hulu", "hilir", "ilir", "ulu", "kepulauan", "induk", "baru", "pesisir", "darat",
    "north", "south", "west", "east", "central"})
"""Words that tell two regions apart (Maluku Tengah and Maluku Tenggara are two regions)."""

DISTINCT = frozenset({frozenset(("badung", "bandung"))})
"""Real regions whose names pass for one another (Kabupaten Badung in Bali, Kabupaten
Bandung in West Java): of the 514 regencies and cities in BPS's list (Indeks Pembangunan
Manusia 2020–2024, bps.go.id), the only pair the check would otherwise join."""

_WORD = re.compile(r"[^\w]+")


@dataclass
class Sightings:
    """What the reader keeps for the checks, filled while the files are read."""

    paths: list[str] = field(default_factory=list)
    """File index → path (as the user gave it)."""
    first: dict[tuple[int, int], str] = field(default_factory=dict)
    """(file index, region-year code) → where it first appears (``file:line``)."""
    origin: dict[tuple[int, str], int] = field(default_factory=dict)
    """(region-year code, indicator id) → the first file that answers it."""
    fractions: list[tuple[int, str, float, str]] = field(default_factory=list)
    """(region-year code, indicator id, value, where) of percentages between 0 and 1."""
    clashes: list[tuple[str, int, int, str]] = field(default_factory=list)
    """(respondent, region code, region code seen before, where) of ids in two regions."""
    clash_count: int = 0
    regions: list[str] = field(default_factory=list)
    """Region code → region name (for :attr:`clashes`)."""
    region_index: dict[str, int] = field(default_factory=dict)
    seen_in: Any = None
    """Respondent code → region code of its first row (−1: not seen); a numpy array."""

    def region_code(self, name: str) -> int:
        found = self.region_index.get(name)
        if found is None:
            found = self.region_index[name] = len(self.regions)
            self.regions.append(name)
        return found

    def respondents(self, codes: np.ndarray[Any, Any], regions: np.ndarray[Any, Any],
                    where: Sequence[str] | None, ids: Sequence[str]) -> None:
        """Note each respondent's region; an id met before in another region is a clash.
        ``where`` and ``ids`` are looked up only for clashes (row → place, code → id)."""
        if not len(codes):
            return
        size = int(codes.max()) + 1
        seen = self.seen_in
        if seen is None or len(seen) < size:
            grown = np.full(max(size, 2 * (0 if seen is None else len(seen))), -1,
                            dtype=np.int32)
            if seen is not None:
                grown[:len(seen)] = seen
            seen = self.seen_in = grown
        fresh = np.flatnonzero(seen[codes] < 0)
        if len(fresh):  # the first row of a respondent sets its region
            unique, first = np.unique(codes[fresh], return_index=True)
            seen[unique] = regions[fresh[first]]
        clash = np.flatnonzero(seen[codes] != regions)
        if not len(clash):
            return
        self.clash_count += len(clash)
        for i in clash[:MAX_PER_CHECK - len(self.clashes)].tolist():
            code = int(codes[i])
            self.clashes.append((ids[code], int(regions[i]), int(seen[code]),
                                 where[i] if where is not None else ""))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def region_parts(name: str) -> tuple[str | None, frozenset[str], str, str]:
    """(prefix, direction words, the letters of the name without prefix or spaces, the same
    without the direction words), folded: ``"Kab. Maluku Tengah"`` → ``("kabupaten",
    {"tengah"}, "malukutengah", "maluku")``."""
    folded = _fold(name)
    if folded.startswith("kabupaten") and len(folded) > 9 and folded[9].isalpha():
        folded = "kabupaten " + folded[9:]  # "KabupatenTegal"
    words = folded.replace(".", ". ").split()
    prefix = None
    if words and words[0] in PREFIXES:
        prefix = PREFIXES[words[0]]
        words = words[1:]
    elif len(words) > 1 and distance(words[0], "kabupaten", 2) <= 2:
        prefix, words = "kabupaten", words[1:]  # "Kabupten Tegal"
    words = [w for w in (_WORD.sub("", word) for word in words) if w]
    return (prefix, frozenset(w for w in words if w in DIRECTIONS), "".join(words),
            "".join(w for w in words if w not in DIRECTIONS))


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance of ``a`` and ``b`` (a swap of two neighbouring
    letters counts one), or ``limit + 1`` once it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def similar_regions(names: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of names that are probably one region written two ways.

    Candidates share a variant of their name with up to two letters deleted (the symmetric
    deletion method: linear in the number of names), and are then checked one by one: the
    same prefix (or one without), direction words that do not contradict (Tengah against
    Tenggara), and an edit distance of at most :data:`SPELLING_DISTANCE` of the shorter name
    — of the names without their direction words when both have the same ones (Maluku and
    Mamuju Tengah differ in two of six letters), of the whole names when one lacks a
    direction word of the other (it may be misspelt: "Aceh Tenah")."""
    parts = [region_parts(name) for name in names]
    buckets: defaultdict[str, list[int]] = defaultdict(list)
    for i, (_, _, letters, _) in enumerate(parts):
        if not letters:
            continue
        depth = min(2, int(SPELLING_DISTANCE * len(letters)))
        for variant in _deletions(letters, depth):
            buckets[variant].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if i == j or names[i] == names[j] or (min(i, j), max(i, j)) in pairs:
                    continue
                (pi, di, li, ci), (pj, dj, lj, cj) = parts[i], parts[j]
                if pi is not None and pj is not None and pi != pj:
                    continue  # Kabupaten Tegal and Kota Tegal are two regions
                if not (di <= dj or dj <= di):
                    continue  # Maluku Tengah and Maluku Tenggara are two regions
                if di == dj:  # the same directions: the rest of the names must be alike
                    li, lj = ci, cj
                limit = int(SPELLING_DISTANCE * min(len(li), len(lj)))
                if distance(li, lj, limit) <= limit and frozenset((li, lj)) not in DISTINCT:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _limited(code: str, notices: list[Notice]) -> list[Notice]:
    """The first :data:`MAX_PER_CHECK` notices, and one that counts the rest."""
    if len(notices) <= MAX_PER_CHECK:
        return notices
    rest = len(notices) - MAX_PER_CHECK
    return [*notices[:MAX_PER_CHECK],
            Notice("more-checks", (("n", rest), ("check", code)))]


def region_spelling(first: dict[str, str]) -> list[Notice]:
    """Region names that look like a name seen before them (``first``: name → where it
    first appears, in reading order). Names that look alike form a group; each later name of
    a group is compared with the group's first."""
    names = list(first)
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in similar_regions(names):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the group's root is its first name
    found = [Notice("region-spelling", (("at", first[names[j]]), ("region", names[j]),
                                        ("other", names[root(j)]),
                                        ("other_at", first[names[root(j)]])),
                    region=names[j])
             for j in range(len(names)) if root(j) != j]
    return _limited("region-spelling", found)


def value_jumps(keys: Sequence[RegionYear], means: dict[tuple[int, str], tuple[float, int]],
                indicators: dict[str, Indicator], where: dict[tuple[int, str], str],
                explained: Iterable[tuple[int, str]] = ()) -> list[Notice]:
    """Numbers and percentages that change by :data:`JUMP_FACTOR` or more between two
    consecutive years of a region (``means``: (region-year, indicator) → (mean, answers)).
    Region-years in ``explained`` (a fraction in a percent column, already said) are left
    out."""
    skip = set(explained)
    rows = [(key_code, ind_id, mean) for (key_code, ind_id), (mean, _) in means.items()
            if keys[key_code][1] is not None and (key_code, ind_id) not in skip
            and indicators[ind_id].type in ("number", "percent")]
    if not rows:
        return []
    regions = {name: i for i, name in enumerate(sorted({keys[r[0]][0] for r in rows}))}
    ids = {ind_id: i for i, ind_id in enumerate(sorted({r[1] for r in rows}))}
    region = np.array([regions[keys[r[0]][0]] for r in rows])
    indicator = np.array([ids[r[1]] for r in rows])
    year = np.array([keys[r[0]][1] for r in rows])
    value = np.array([r[2] for r in rows], dtype=np.float64)
    order = np.lexsort((year, indicator, region))
    region, indicator, year, value = region[order], indicator[order], year[order], value[order]
    same = (region[1:] == region[:-1]) & (indicator[1:] == indicator[:-1])
    before, after = value[:-1], value[1:]
    sign = (before > 0) & (after > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(sign, after / np.where(sign, before, 1.0), 1.0)
    jump = same & ((ratio >= JUMP_FACTOR) | (ratio <= 1 / JUMP_FACTOR))
    found = []
    for k in np.flatnonzero(jump).tolist():
        first, second = rows[int(order[k])], rows[int(order[k + 1])]
        factor = max(ratio[k], 1 / ratio[k])
        name, year_before = keys[first[0]]
        found.append(Notice("value-jump", (
            ("at", where.get((second[0], second[1]), "")), ("indicator", second[1]),
            ("region", name), ("factor", round(factor)), ("before", float(first[2])),
            ("year_before", year_before or ""), ("after", float(second[2])),
            ("year_after", keys[second[0]][1] or "")), region=name,
            year=keys[second[0]][1]))
    return _limited("value-jump", found)


def percent_fractions(candidates: Iterable[tuple[int, str, float, str]],
                      values: dict[str, np.ndarray[Any, Any]],
                      keys: Sequence[RegionYear]
                      ) -> tuple[list[Notice], set[tuple[int, str]]]:
    """Percentages between 0 and 1 with another answer of the indicator near 100 times them
    (``values``: indicator id → all its answers), and the (region-year, indicator) pairs
    they are in."""
    found = []
    flagged: set[tuple[int, str]] = set()
    others: dict[str, np.ndarray[Any, Any]] = {}
    for code, ind_id, value, at in candidates:
        larger = others.get(ind_id)
        if larger is None:
            every = values.get(ind_id, np.empty(0))
            larger = others[ind_id] = np.sort(every[every >= 1.0])
        if not len(larger):
            continue
        low, high = 100 * value / FRACTION_BAND, 100 * value * FRACTION_BAND
        at_low = int(np.searchsorted(larger, low, side="left"))
        if at_low >= len(larger) or larger[at_low] > high:
            continue
        region, year = keys[code]
        flagged.add((code, ind_id))
        found.append(Notice("percent-fraction", (
            ("at", at), ("indicator", ind_id), ("value", value),
            ("other", float(larger[at_low])), ("percent", round(100 * value, 8))),
            region=region, year=year))
    return _limited("percent-fraction", found), flagged


def respondent_regions(sightings: Sightings) -> list[Notice]:
    """One respondent id in two regions."""
    found = [Notice("respondent-regions", (
        ("at", at), ("respondent", respondent), ("other", sightings.regions[other])),
        region=sightings.regions[region])
        for respondent, region, other, at in sightings.clashes]
    rest = sightings.clash_count - len(found)
    if rest > 0:
        found.append(Notice("more-checks", (("n", rest), ("check", "respondent-regions"))))
    return found


def below_min_answers(short: dict[tuple[int, str], int], keys: Sequence[RegionYear],
                      indicators: dict[str, Indicator]) -> list[Notice]:
    """Per region-year and minimum: the indicators with answers, but fewer than needed."""
    grouped: defaultdict[tuple[int, int], list[tuple[str, int]]] = defaultdict(list)
    for (code, ind_id), n in short.items():
        grouped[(code, indicators[ind_id].min_answers)].append((ind_id, n))
    order = {ind_id: i for i, ind_id in enumerate(indicators)}
    found = []
    for (code, need), members in sorted(grouped.items(),
                                        key=lambda g: (keys[g[0][0]][0],
                                                       keys[g[0][0]][1] or 0, g[0][1])):
        members.sort(key=lambda m: order[m[0]])
        low, high = min(n for _, n in members), max(n for _, n in members)
        region, year = keys[code]
        found.append(Notice("below-min-answers" if len(members) > 1 else
                            "below-min-answers-one", (
            ("count", len(members)), ("need", need),
            ("have", str(low) if low == high else f"{low}–{high}"),
            ("indicators", ",".join(ind_id for ind_id, _ in members))),
            region=region, year=year))
    return found


def as_problems(notices: Sequence[Notice]) -> list[Problem]:
    """Warnings as problems (``validate --strict``): English, as bad-input messages are."""
    problems = []
    for notice in notices:
        at = str(dict(notice.params).get("at", ""))
        sentence = notice.text("en")
        path, _, line = at.rpartition(":")
        if at and line.isdigit():
            problems.append(Problem(path, sentence.removeprefix(f"{at}: "), line=int(line),
                                    expected="data that passes the checks (or no --strict)"))
        else:
            problems.append(Problem(at or "survey data", sentence,
                                    expected="data that passes the checks (or no --strict)"))
    return problems
