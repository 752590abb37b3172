"""Survey data after reading and checking: answers grouped by region-year and indicator.

Answers are held as columns (numpy arrays), not as one Python object per answer: a national
year of 514 regions × 1,000 respondents × 50 indicators is 25 million answers. Each
:class:`Answers` holds one indicator's answers in one region-year as three parallel arrays:
the value (float64), the respondent's role as a small code and, when known, the respondent
as a code and the area inside the region the answer is about (a kecamatan or desa, see
:class:`AreaRef`; −1 for none). Codes index a :class:`Labels` table; the reader shares one
table of respondents, one of roles and one of areas between all the answers of a survey, so
that codes compare directly (the
scoring lines an indicator's answers up across region-years with a region-year code, see
:mod:`smartcity_assess.scoring.columns`).

:meth:`Answers.add` appends one answer at a time (tests and small programs build surveys this
way); the arrays are made on first use.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..geo.model import AreaRef
from ..notices import Notice
from ..scoring.results import InputFile

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    CodeArray = npt.NDArray[np.integer[Any]]

RegionYear = tuple[str, int | None]
_Pending = tuple[list[float], list[int], list[int] | None, list[int]]
"""Values, role codes, respondent codes (None: unknown) and area codes while answers are
added one at a time."""


class Labels:
    """Distinct values (respondent ids, roles) numbered in the order they are first seen."""

    __slots__ = ("names", "index")

    def __init__(self, names: Sequence[Hashable] = ()) -> None:
        self.names: list[Any] = []
        """Code → value."""
        self.index: dict[Any, int] = {}
        """Value → code."""
        self.codes(names)

    def code(self, name: Hashable) -> int:
        """The code of ``name`` (a new one the first time it is seen)."""
        found = self.index.get(name)
        if found is None:
            found = self.index[name] = len(self.names)
            self.names.append(name)
        return found

    def codes(self, names: Sequence[Hashable]) -> list[int]:
        """The codes of ``names``, in order (new ones numbered in order of appearance)."""
        index = self.index
        fresh = [name for name in dict.fromkeys(names) if name not in index]
        if fresh:
            index.update(zip(fresh, range(len(self.names), len(self.names) + len(fresh)),
                             strict=True))
            self.names.extend(fresh)
        return list(map(index.__getitem__, names))

    def __len__(self) -> int:
        return len(self.names)


class Answers:
    """All answers to one indicator in one region-year, as parallel columns.

    ``values`` are the raw numbers; ``role_codes`` index ``role_labels`` (a role or None);
    ``respondent_codes`` index ``respondent_labels`` (respondent ids), or are None when the
    answers do not say who gave them. With ids the bootstrap resamples whole respondents and
    Cronbach's alpha can be computed; without, the bootstrap resamples each indicator's
    answers independently. ``area_codes`` index ``area_labels`` (:class:`AreaRef`), −1 for an
    answer about the whole region; None when no answer names an area.
    """

    __slots__ = ("_values", "_roles", "_respondents", "_areas", "role_labels",
                 "respondent_labels", "area_labels", "_pending")

    def __init__(self) -> None:
        import numpy as np

        self._values: FloatArray = np.empty(0)
        self._roles: CodeArray = np.empty(0, dtype=np.uint8)
        self._respondents: CodeArray | None = np.empty(0, dtype=np.int32)
        self._areas: CodeArray | None = None
        self.role_labels = Labels()
        self.respondent_labels: Labels | None = Labels()
        self.area_labels: Labels | None = None
        self._pending: _Pending | None = None

    @classmethod
    def of(cls, values: FloatArray, role_codes: CodeArray, role_labels: Labels,
           respondent_codes: CodeArray | None = None,
           respondent_labels: Labels | None = None, area_codes: CodeArray | None = None,
           area_labels: Labels | None = None) -> Answers:
        """Answers from ready columns (the reader's way; the arrays are not copied)."""
        answers = cls.__new__(cls)
        answers._values = values
        answers._roles = role_codes
        answers._respondents = respondent_codes
        answers.role_labels = role_labels
        answers.respondent_labels = respondent_labels if respondent_codes is not None else None
        answers._areas = area_codes if area_labels is not None else None
        answers.area_labels = area_labels if area_codes is not None else None
        answers._pending = None
        return answers

    @classmethod
    def concat(cls, parts: Sequence[Answers]) -> Answers:
        """One indicator's answers from several files of the same region-year, in order.
        All parts must share their label tables (they do when one reader made them)."""
        import numpy as np

        if len(parts) == 1:
            return parts[0]
        first = parts[0]
        codes = [p.respondent_codes for p in parts]
        known = [c for c in codes if c is not None]
        area_labels = next((p.area_labels for p in parts if p.area_labels is not None), None)
        areas = None
        if area_labels is not None:
            areas = np.concatenate([
                p.area_codes.astype(np.int32) if p.area_codes is not None
                else np.full(len(p), -1, dtype=np.int32) for p in parts])
        return cls.of(np.concatenate([p.values for p in parts]),
                      np.concatenate([p.role_codes for p in parts]), first.role_labels,
                      np.concatenate(known) if len(known) == len(codes) else None,
                      first.respondent_labels, areas, area_labels)

    # -- one answer at a time ----------------------------------------------------------------

    def add(self, value: float, role: str | None, respondent: str | None = None,
            area: AreaRef | None = None) -> None:
        """Append one answer (with its respondent's id and its area when known)."""
        if self._pending is None:
            self._thaw()
        assert self._pending is not None
        values, roles, respondents, areas = self._pending
        values.append(float(value))
        roles.append(self.role_labels.code(role))
        if respondents is not None:
            if respondent is None or self.respondent_labels is None:
                self._pending = (values, roles, None, areas)
                self.respondent_labels = None
            else:
                respondents.append(self.respondent_labels.code(respondent))
        if area is not None and self.area_labels is None:
            self.area_labels = Labels()
            areas.extend([-1] * (len(values) - 1 - len(areas)))
        if self.area_labels is not None:
            areas.append(-1 if area is None else self.area_labels.code(area))

    def _thaw(self) -> None:
        codes = self._respondents
        self._pending = (self._values.tolist(), self._roles.tolist(),
                         codes.tolist() if codes is not None else None,
                         self._areas.tolist() if self._areas is not None else [])

    def _freeze(self) -> None:
        import numpy as np

        assert self._pending is not None
        values, roles, respondents, areas = self._pending
        self._pending = None
        self._values = np.array(values, dtype=np.float64)
        self._roles = np.array(roles, dtype=np.uint8 if len(self.role_labels) <= 256
                               else np.int32)
        self._respondents = (np.array(respondents, dtype=np.int32)
                             if respondents is not None else None)
        self._areas = (np.array(areas, dtype=np.int32) if self.area_labels is not None
                       else None)

    # -- the columns ---------------------------------------------------------------------------

    @property
    def values(self) -> FloatArray:
        """The answers' raw values."""
        if self._pending is not None:
            self._freeze()
        return self._values

    @property
    def role_codes(self) -> CodeArray:
        """Each answer's role, as a code of :attr:`role_labels`."""
        if self._pending is not None:
            self._freeze()
        return self._roles

    @property
    def respondent_codes(self) -> CodeArray | None:
        """Each answer's respondent, as a code of :attr:`respondent_labels` (None: unknown)."""
        if self._pending is not None:
            self._freeze()
        return self._respondents

    @property
    def area_codes(self) -> CodeArray | None:
        """Each answer's area, as a code of :attr:`area_labels` (−1: the whole region); None
        when no answer names an area."""
        if self._pending is not None:
            self._freeze()
        return self._areas

    @property
    def areas(self) -> list[AreaRef | None]:
        """Each answer's area, or None (a list: for reading, not for computing)."""
        codes = self.area_codes
        if codes is None or self.area_labels is None:
            return [None] * len(self)
        names = self.area_labels.names
        return [None if code < 0 else names[code] for code in codes.tolist()]

    @property
    def roles(self) -> list[str | None]:
        """Each answer's role (a list: for reading, not for computing)."""
        names = self.role_labels.names
        return [names[code] for code in self.role_codes.tolist()]

    @property
    def respondents(self) -> list[str]:
        """Each answer's respondent id, or an empty list when they are not known."""
        codes = self.respondent_codes
        if codes is None or self.respondent_labels is None:
            return []
        names = self.respondent_labels.names
        return [names[code] for code in codes.tolist()]

    def __len__(self) -> int:
        if self._pending is not None:
            return len(self._pending[0])
        return len(self._values)

    def __repr__(self) -> str:
        return f"Answers({len(self)} answers)"

    def __eq__(self, other: object) -> bool:
        """The same answers in the same order, from the same roles and respondents."""
        if not isinstance(other, Answers):
            return NotImplemented
        import numpy as np

        return (bool(np.array_equal(self.values, other.values)) and self.roles == other.roles
                and self.respondents == other.respondents and self.areas == other.areas)



@dataclass
class RegionData:
    """Everything known about one region-year."""

    answers: dict[str, Answers] = field(default_factory=dict)
    """Indicator id → answers."""
    respondents: set[str] = field(default_factory=set)
    """Distinct respondent ids (or ``file#row`` where the data has no respondent column)."""
    roles: dict[str, int] = field(default_factory=dict)
    """Respondents per role."""
    weights: dict[str, float] = field(default_factory=dict)
    """Design weight of each respondent (the survey's ``weight`` column); 1 when absent."""
    strata: dict[str, str] = field(default_factory=dict)
    """Stratum of each respondent (the survey's ``stratum`` column), for post-stratification
    and stratified resampling."""
    areas: dict[AreaRef, int] = field(default_factory=dict)
    """Respondents per area inside the region (a kecamatan, a desa), for data that names
    areas; in the order the areas first appear."""
    area_answers: dict[str, Answers] = field(default_factory=dict)
    """Indicator id → answers that describe one area only and not the region: statistics
    (``kind: fact``) given per area where the region has its own figure (a complaints
    export's figures per kecamatan beside the regency's). The region is scored from
    :attr:`answers`; the breakdown by area reads both."""


@dataclass
class SurveyData:
    """Survey data merged from one or more files, checked against an indicator set."""

    regions: dict[RegionYear, RegionData] = field(default_factory=dict)
    files: list[InputFile] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    """What the analyst's checks found (:mod:`.checks`): warnings, not errors."""

    def region_years(self) -> list[RegionYear]:
        """Region-years present, sorted by region then year."""
        return sorted(self.regions, key=lambda ry: (ry[0], -1 if ry[1] is None else ry[1]))
