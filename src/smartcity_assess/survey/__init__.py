"""Survey data: reading, checking and merging answer files, and blank survey forms.

- :mod:`.readers`: a file (CSV, XLSX, JSON) → header and rows of cell strings, with positions.
- :mod:`.values`: cell text → raw value, one memoised converter per kind of indicator.
- :mod:`.load`: :func:`~.load.read_survey` checks every cell and merges files into
  :class:`~.data.SurveyData`, raising one :class:`~smartcity_assess.errors.InputError`.
- :mod:`.template`: :func:`~.template.write_template` writes a blank CSV or XLSX form.

Nothing is imported here, so that ``import smartcity_assess.survey`` stays cheap.
"""
