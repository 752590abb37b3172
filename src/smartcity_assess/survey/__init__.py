"""Survey data: reading, checking and merging answer files, and the survey instruments.

- :mod:`.readers`: opens a file (checks common to all formats, the limits) and reads it with
  the reader of its format, :mod:`.formats` (``detect``, ``csv``, ``xlsx``, ``json``,
  ``parquet``), into a :class:`~.table.Table`: a header and blocks of typed cells (text, or
  numbers where the format stores numbers), with a locator for problems.
- :mod:`.values`: cell → raw value, one memoised converter per kind of indicator.
- :mod:`.load`: :func:`~.load.read_survey` checks every cell and merges files into
  :class:`~.data.SurveyData`, raising one :class:`~smartcity_assess.errors.InputError`; the
  answers are collected as columns (:mod:`.collect`) and held as numpy arrays
  (:class:`~.data.Answers`).
- :mod:`.roles`: the role names (Indonesian, English aliases) and whose answer counts for
  which indicator; :mod:`.usage`: every answer read, counted as used or not, by reason;
  :mod:`.checks`: the analyst's checks (region spelling, jumps, fractions, respondents in two
  regions, too few answers), as notices; :mod:`.kobo`: exports of form tools read as they are.
- The instruments (:mod:`.instruments`): :mod:`.form` (what each role's form asks),
  :mod:`.template` (the CSV header and the XLSX workbook of one sheet per role),
  :mod:`.questionnaire` (the printable questionnaire, HTML or PDF) and :mod:`.xlsform`
  (the XLSForm of ODK Collect, KoboToolbox, SurveyCTO).

Nothing is imported here, so that ``import smartcity_assess.survey`` stays cheap.
"""
