"""Names the code knows (methods, phases, types …) → the catalogue keys of their words.

Several outputs name the same things; they look the words up through these tables, so that
every key stays a literal the catalogue test can find (keys are never built at run time).
"""

from __future__ import annotations

AGGREGATION_KEYS = {"arithmetic": "agg_arithmetic", "geometric": "agg_geometric"}
BASIS_KEYS = {"respondents": "basis_respondents", "answers": "basis_answers"}
"""Bootstrap level (what was resampled) → key."""
PHASE_KEYS = {"quick-win": "phase_quick-win", "short": "phase_short",
              "medium": "phase_medium", "long": "phase_long", "deferred": "phase_deferred"}
EFFORT_KEYS = {"low": "effort_low", "medium": "effort_medium", "high": "effort_high"}
TYPE_KEYS = {"number": "form_type_number", "percent": "form_type_percent",
             "likert": "form_type_likert", "boolean": "form_type_boolean",
             "choice": "form_type_choice"}
"""Indicator type → key of its name."""
DIRECTION_KEYS = {"higher": "direction_higher", "lower": "direction_lower"}
RULE_KEYS = {"mean": "rule_mean", "median": "rule_median", "share": "rule_share",
             "min": "rule_min", "max": "rule_max"}
"""How an indicator combines its answers → key of the words."""
NORMALISATION_KEYS = {"goalposts": "norm_goalposts", "distance-to-target": "norm_distance",
                      "minmax": "norm_minmax", "zscore": "norm_zscore"}
FUNDING_KEYS = {"APBD": "funding_apbd", "DAK": "funding_dak", "DanaDesa": "funding_dana_desa",
                "BOS": "funding_bos", "CSR": "funding_csr", "KPBU": "funding_kpbu",
                "APBN": "funding_apbn", "BAKTI": "funding_bakti", "Hibah": "funding_hibah"}
"""Funding source (plan file and set vocabulary) → key of its name in a document."""
EXISTING_KEYS = {"running": "existing_running", "done": "existing_done"}
"""An existing program's status (plan file) → key of its word."""
ROLE_KEYS = {"statistik": "role_statistik", "opd": "role_opd", "asn": "role_asn",
             "warga": "role_warga", "umkm": "role_umkm"}
"""Canonical respondent role → key of its name in words (the kind of survey)."""
PEOPLE_KEYS = {"statistik": "form_role_statistik", "opd": "form_role_opd",
               "asn": "form_role_asn", "warga": "form_role_warga", "umkm": "form_role_umkm"}
"""Canonical respondent role → key of who answers under it (a table's row or column)."""


# --- maps, layers, sources, the citizens' scorecard (report/maps.py) ----------------------

LAYER_TITLE_KEYS = {"dengue": "layer_dengue", "flood": "layer_flood", "crime": "layer_crime",
                    "complaints": "layer_complaints", "generic": "layer_generic"}
"""A problem layer's type → its default title."""
LAYER_UNIT_KEYS = {"dengue": "unit_cases", "flood": "unit_events", "crime": "unit_reports",
                   "complaints": "unit_complaints", "generic": "unit_events"}
"""A problem layer's type → what its count counts."""
MEASURE_KEYS = {"count": "measure_count", "per_km2": "measure_per_km2",
                "per_100k": "measure_per_100k", "value": "measure_value"}
"""How a layer becomes one number per area → its words."""
SOURCE_KIND_KEYS = {"survey": "kind_survey", "layer": "kind_layer",
                    "complaints": "kind_complaints", "boundaries": "kind_boundaries"}
"""A data source's kind → its words."""
BASIS_KEYS_SOURCES = {"data": "basis_data", "declared": "basis_declared",
                      "unknown": "basis_unknown"}
"""Where a source's date comes from → its words."""
CHANNEL_KEYS = {"app": "channel_app", "web": "channel_web", "whatsapp": "channel_whatsapp",
                "sms": "channel_sms", "phone": "channel_phone", "social": "channel_social",
                "office": "channel_office"}
"""A complaint channel's kind → its words."""
