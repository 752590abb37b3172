"""Survey data: reading, checking and merging answer files, and blank survey forms.

- :mod:`.readers`: opens a file (checks common to all formats, the limits) and reads it with
  the reader of its format, :mod:`.formats` (``detect``, ``csv``, ``xlsx``, ``json``,
  ``parquet``), into a :class:`~.table.Table`: a header and blocks of typed cells (text, or
  numbers where the format stores numbers), with a locator for problems.
- :mod:`.values`: cell → raw value, one memoised converter per kind of indicator.
- :mod:`.load`: :func:`~.load.read_survey` checks every cell and merges files into
  :class:`~.data.SurveyData`, raising one :class:`~smartcity_assess.errors.InputError`; the
  answers are collected as columns (:mod:`.collect`) and held as numpy arrays
  (:class:`~.data.Answers`).
- :mod:`.template`: :func:`~.template.write_template` writes a blank CSV or XLSX form.

Nothing is imported here, so that ``import smartcity_assess.survey`` stays cheap.
"""
