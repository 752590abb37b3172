"""Pemda-wide facts (``kind: fact``): one authoritative answer, never an average.

A fact (the Perbup exists, the CSIRT is registered, a published statistic) has one true
value per region-year (and per area inside it, when the data names areas: a complaints
share per kecamatan differs from the regency's). Its authoritative respondents are the roles
the indicator names (``roles:``; everybody when it names none). When they give different
answers the survey is wrong, not uncertain: :func:`disagreements` finds such region-years,
and the loader lists every answer of them (file, row, respondent, value) as a problem. When
they agree, the engine's usual rule combines identical answers into that same value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..indicators.model import Indicator
from .data import Answers, RegionYear

PoolKey = tuple[RegionYear, str]


def authoritative(indicator: Indicator, role: str | None) -> bool:
    """Whether an answer from ``role`` counts for the indicator (its ``roles``, or all)."""
    return not indicator.roles or role in indicator.roles


def disagreements(pool: Mapping[PoolKey, Sequence[Answers]],
                  indicators: Mapping[str, Indicator]) -> dict[PoolKey, str]:
    """(region-year, fact id) → the distinct values its authoritative answers give, where
    there is more than one ("0 and 1"). ``pool`` holds each file's answers per key."""
    out: dict[PoolKey, str] = {}
    for (key, ind_id), parts in pool.items():
        indicator = indicators.get(ind_id)
        if indicator is None or indicator.kind != "fact":
            continue
        by_area: dict[object, list[np.ndarray]] = {}
        for part in parts:
            if not len(part):
                continue
            names = part.role_labels.names
            keep = np.array([authoritative(indicator, names[c]) for c in range(len(names))],
                            dtype=bool)[part.role_codes]
            codes = part.area_codes
            if codes is None or part.area_labels is None:
                by_area.setdefault(None, []).append(part.values[keep])
                continue
            areas = part.area_labels.names
            for code in np.unique(codes[keep]):
                area = areas[int(code)] if code >= 0 else None
                by_area.setdefault(area, []).append(part.values[keep & (codes == code)])
        for values in by_area.values():
            found = np.unique(np.concatenate(values))
            if len(found) > 1:
                shown = [f"{float(v):g}" for v in found[:5]]
                out[(key, ind_id)] = (", ".join(shown[:-1]) + f" and {shown[-1]}"
                                      if len(found) <= 5 else
                                      ", ".join(shown) + f" and {len(found) - 5} more")
                break
    return out
