"""The plan file's ``design:`` section: how the survey was sampled (docs/plan-file.md).

```yaml
design:
  post_stratify: role          # or: stratum (the survey's stratum column); default none
  population:                  # population size of each post-stratum
    warga: 1596996
    umkm: 140042
  roles:
    opd: {size: 18, selection: census}    # every OPD answered: no sampling error
    umkm: {selection: purposive}          # chosen, not drawn: the interval is no sampling error
  source: "BPS SP2020; Dinas Dagkop UKM 2019 (illustrative for the sample)"
```

Self-contained: the plan's loader reads it with :class:`DesignSpec`, checks it with
:func:`check_design` and keeps :func:`to_design`'s :class:`~..scoring.design.SurveyDesign`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ..scoring.design import PostStratify, RoleDesign, Selection, SurveyDesign
from ..yamlio import PathKey

Size = Annotated[float, Field(gt=0, le=1e10)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class RoleDesignSpec(_Strict):
    """How one role's respondents were chosen."""

    size: int | None = Field(
        default=None, ge=1, le=10_000_000_000,
        description="Units of the role in the population (for the finite-population "
        "correction), e.g. the number of OPD.")
    selection: Selection = Field(
        default="random", description="random (a probability sample), census (every unit "
        "was asked) or purposive (chosen: the interval is not a sampling error).")


class DesignSpec(_Strict):
    """The survey's design: post-strata and their population sizes, and each role's sample."""

    post_stratify: PostStratify | None = Field(
        default=None, description="Reweight the answers to the population shares of each "
        "role, or of each value of the survey's stratum column. Default: none.")
    population: dict[str, Size] = Field(
        default_factory=dict, description="Population size of each post-stratum (a role or a "
        "stratum value).")
    roles: dict[str, RoleDesignSpec] = Field(default_factory=dict)
    source: str | None = Field(
        default=None, min_length=1, max_length=400,
        description="Where the population figures come from (or that they are illustrative).")


def check_design(spec: DesignSpec | None,
                 problem: Callable[[PathKey, str, str | None, Any], None]) -> None:
    """Rules that span fields: post-strata need population sizes; role names in lower case;
    a census role whose size is given."""
    if spec is None:
        return
    if spec.post_stratify is not None and len(spec.population) < 2:
        problem(("design", "population"), "post-stratification needs the population size of "
                "at least two post-strata", "population: {name: size, ...}",
                len(spec.population))
    if spec.population and spec.post_stratify is None:
        problem(("design", "post_stratify"), "population sizes are given but nothing says "
                "what they post-stratify", "post_stratify: role or stratum", None)
    names = list(spec.roles)
    if spec.post_stratify == "role":
        names += list(spec.population)
    for name in names:
        if name != name.strip().lower():
            where = ("design", "roles" if name in spec.roles else "population", name)
            problem(where, f"role {name!r} is not in lower case, as the survey's roles are read",
                    repr(name.strip().lower()), name)


def to_design(spec: DesignSpec | None) -> SurveyDesign | None:
    """The scoring's :class:`SurveyDesign` from the section (None without one)."""
    if spec is None:
        return None
    return SurveyDesign(
        post_stratify=spec.post_stratify,
        population=tuple(sorted(spec.population.items())),
        roles=tuple(RoleDesign(role, found.size, found.selection)
                    for role, found in sorted(spec.roles.items())),
        source=spec.source or "")
