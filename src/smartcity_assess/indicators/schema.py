"""The indicator-set file format (v1) as pydantic models: the source of the JSON Schema.

The value types (``IndicatorType``, ``Normalisation`` …) are the model's (:mod:`.model`) and
the vocabulary's (:mod:`.vocabulary`), so the file format and the engine cannot drift apart.
These models check shapes and types only; rules that span fields (unique ids, goalposts in
order, dependencies that exist) live in :mod:`.checks`, so that one pass reports every problem.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

from .model import (
    Aggregation,
    Direction,
    Effort,
    Horizon,
    Imputation,
    IndicatorType,
    Normalisation,
    OutlierMethod,
    OutlierScope,
    RespondentRule,
    Transform,
)
from .vocabulary import (
    ARTEFACT_PATTERN,
    FUNDING_SOURCES,
    IMDI_PILLARS,
    KOMINFO_DIMENSIONS,
    NOMENCLATURE_PATTERN,
    CitizenImpact,
    CostClass,
    IndicatorKind,
)

LocalText = str | dict[str, str]
"""A plain string, or a map from language code (``id``, ``en``) to text."""

IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
"""What an id may look like (ids are survey column names and parts of file names)."""
Identifier = Annotated[
    str,
    Field(pattern=IDENTIFIER_PATTERN, max_length=80,
          description="Letters, digits, '.', '_' and '-'; starts with a letter or digit."),
]
Pair = Annotated[list[float], Field(min_length=2, max_length=2)]



class _Strict(BaseModel):
    # Infinite and NaN numbers (YAML's .inf, .nan, 1e400) are never meaningful weights,
    # goalposts or targets: refuse them with the field's line, like any other wrong value.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class OutliersSpec(_Strict):
    """Outlier treatment of raw values before normalisation."""

    method: OutlierMethod = Field(
        "winsorise", description="winsorise: cap values at the percentiles in limits; "
        "none: no treatment (to switch off a setting inherited from the set or a group).")
    limits: Pair = Field(
        default_factory=lambda: [0.05, 0.95],
        description="Lower and upper percentile, as fractions between 0 and 1.")
    over: OutlierScope = Field(
        "regions", description="regions: the combined values of all region-years in the run; "
        "answers: the raw answers of each region-year before they are combined.")


_NORMALISATION_HELP = ("How a combined value becomes a score: goalposts (default), "
                       "distance-to-target, minmax (across the region-years in the run) or "
                       "zscore (mean at the middle of the scale, one standard deviation = a "
                       "tenth of it). Inherited by the groups and indicators below.")
_IMPUTATION_HELP = ("How a missing indicator is filled: none (default: not assessed), "
                    "group-mean or group-median (of the sibling indicators' scores), "
                    "previous-year (the same region's latest earlier value). Inherited.")
_OUTLIERS_HELP = "Outlier treatment before normalisation (default none). Inherited."
_CLIP_HELP = ("true (default): a value beyond a goalpost scores the end of the scale. false: "
              "fixed bounds without clipping (as the EU's DESI): it scores beyond the scale. "
              "Inherited.")
_FLOOR_HELP = ("For geometric means: child scores below this value (on the scale, above 0) "
               "are raised to it first. Without it, a child scoring 0 or less leaves the "
               "group not assessed. Inherited.")


_CROSSWALK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Where the indicator sits in other frameworks; all keys optional.",
    "additionalProperties": False,
    "properties": {
        "kominfo": {"enum": list(KOMINFO_DIMENSIONS),
                    "description": "Dimension of Kominfo's Gerakan Menuju 100 Smart City."},
        "spbe": {"type": ["string", "integer"], "pattern": r"^\d{1,2}([-,]\d{1,2})*$",
                 "description": "SPBE indicator number(s) of PermenPANRB 59/2020 (1-47): "
                 "\"16\", \"11,12\" or \"29-31\"."},
        "imdi": {"enum": list(IMDI_PILLARS),
                 "description": "Pillar of IMDI (Indeks Masyarakat Digital Indonesia)."},
        "iso37122": {"type": ["string", "number"],
                     "description": "ISO 37122:2019 indicator number, e.g. \"10.2\"."},
        "u4ssc": {"type": "string",
                  "description": "U4SSC KPI code (ITU-T Y.4903), e.g. \"EC:ICT:ICT:1C\"."},
    },
}
Crosswalk = Annotated[dict[str, Any], WithJsonSchema(_CROSSWALK_SCHEMA)]
"""Checked key by key in the loader (unknown keys and values with a did-you-mean)."""
Funding = Annotated[list[str], WithJsonSchema({
    "type": "array", "items": {"enum": list(FUNDING_SOURCES)},
    "description": "Funding sources of the action."})]
Artefacts = list[Annotated[str, Field(pattern=ARTEFACT_PATTERN, max_length=120)]]


class ActionSpec(_Strict):
    """A measure the roadmap may propose when its indicator falls short."""

    id: Identifier
    title: LocalText
    description: LocalText | None = None
    applies_below: float | None = Field(
        None, description="Indicator score under which the action is proposed.")
    effort: Effort = "medium"
    horizon: Horizon = "short"
    owner: str = Field(..., min_length=1, description="Agency (OPD) responsible.")
    gain: float = Field(10.0, ge=0, description="Expected indicator score gain in points.")
    depends_on: list[Identifier] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    requires: Artefacts = Field(
        default_factory=list, description="Named data or documents that must exist before the "
        "action can start, e.g. data:daftar-data-prioritas.")
    provides: Artefacts = Field(
        default_factory=list, description="Named data or documents the action produces, e.g. "
        "dokumen:arsitektur-spbe.")
    regulation: str | None = Field(
        None, min_length=1, max_length=200,
        description="Legal basis when a regulation obliges the action, e.g. "
        "\"PermenPANRB 59/2020\".")
    citizen_impact: CitizenImpact = Field(
        "low", description="How directly citizens feel the action or get feedback from it.")
    cost_class: CostClass | None = Field(
        None, description="Order of magnitude of the cost (rupiah ranges in the docs).")
    funding: Funding = Field(default_factory=list)
    nomenclature: str | None = Field(
        None, pattern=NOMENCLATURE_PATTERN,
        description="Permendagri 90/2019 programme (or activity) code, e.g. 2.16.03.")


class IndicatorSpec(_Strict):
    """One indicator; its id is the survey column name."""

    id: Identifier
    title: LocalText
    question: LocalText | None = None
    description: LocalText | None = None
    kind: IndicatorKind = Field(
        "measure", description="measure: answers are combined; fact: a pemda-wide fact with "
        "one authoritative answer.")
    type: IndicatorType = "number"
    unit: LocalText | None = Field(
        None, description="Unit shown after values: a string, or a map such as "
        "{id: hari, en: days}.")
    goalposts: Pair | None = Field(
        None, description="Raw values mapped onto the scale's ends; outside values are clipped.")
    range: Pair | None = Field(None, description="Valid raw values; outside is a data error.")
    direction: Direction = "higher"
    transform: Transform | None = None
    target: float | None = None
    respondents: RespondentRule | None = None
    share_from: float | None = None
    weight: float = Field(1.0, ge=0)
    levels: dict[int, LocalText] | None = None
    choices: dict[str, float] | None = None
    actions: list[ActionSpec] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    min_answers: int = Field(1, ge=1)
    normalisation: Normalisation | None = Field(None, description=_NORMALISATION_HELP)
    imputation: Imputation | None = Field(None, description=_IMPUTATION_HELP)
    outliers: OutliersSpec | None = Field(None, description=_OUTLIERS_HELP)
    clip: bool | None = Field(None, description=_CLIP_HELP)
    crosswalk: Crosswalk | None = None


class GroupSpec(_Strict):
    """A pillar or dimension: holds either dimensions or indicators."""

    id: Identifier
    title: LocalText
    description: LocalText | None = None
    weight: float = Field(1.0, ge=0)
    aggregation: Aggregation | None = None
    min_coverage: float | None = Field(None, ge=0, le=1)
    normalisation: Normalisation | None = Field(None, description=_NORMALISATION_HELP)
    imputation: Imputation | None = Field(None, description=_IMPUTATION_HELP)
    outliers: OutliersSpec | None = Field(None, description=_OUTLIERS_HELP)
    clip: bool | None = Field(None, description=_CLIP_HELP)
    geometric_floor: float | None = Field(None, description=_FLOOR_HELP)
    dimensions: list[GroupSpec] | None = None
    indicators: list[IndicatorSpec] | None = None


class BandSpec(_Strict):
    """A grade that applies from ``from`` upward."""

    from_: float = Field(..., alias="from")
    label: LocalText
    color: str | None = Field(None, pattern=r"^#[0-9A-Fa-f]{6}$")
    description: LocalText | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              allow_inf_nan=False)


class IndicatorSetSpec(_Strict):
    """An indicator set file."""

    id: Identifier
    version: str
    title: LocalText
    description: LocalText | None = None
    scale: Pair = Field(default_factory=lambda: [0.0, 100.0])
    aggregation: Aggregation = "arithmetic"
    min_coverage: float = Field(0.5, ge=0, le=1)
    normalisation: Normalisation = Field("goalposts", description=_NORMALISATION_HELP)
    imputation: Imputation = Field("none", description=_IMPUTATION_HELP)
    outliers: OutliersSpec | None = Field(None, description=_OUTLIERS_HELP)
    clip: bool = Field(True, description=_CLIP_HELP)
    geometric_floor: float | None = Field(None, description=_FLOOR_HELP)
    references: list[str] = Field(default_factory=list)
    based_on: str | None = Field(
        None, min_length=1, max_length=120,
        description="Short citation of what the set follows, shown by `criteria list` "
        "(e.g. \"PermenPANRB 59/2020\").")
    role_weights: dict[str, float] = Field(default_factory=dict)
    default_role: str | None = Field(
        None, min_length=1, max_length=64,
        description="Role of a survey answer whose row has no role (e.g. statistik for a "
        "set of published facts); without it, such an answer counts for the one role its "
        "indicator asks (docs/survey-data.md, Roles).")
    ignore_columns: list[str] = Field(default_factory=list)
    bands: list[BandSpec] = Field(default_factory=list)
    pillars: list[GroupSpec] = Field(..., min_length=1)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        # `version: 2` is the text "2"; `version: 1.10` is the number 1.1 by the time it is
        # read, so a version with a point must be quoted to keep its digits.
        if isinstance(value, float):
            raise ValueError("the version is written as a number, which loses digits (1.10 "
                             "reads as 1.1): write it in quotes, e.g. version: \"1.10\"")
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the indicator-set format, for editors."""
    schema = IndicatorSetSpec.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "smartcity-assess indicator set (format v1)"
    return schema
