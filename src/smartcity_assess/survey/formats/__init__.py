"""Survey file formats: one module per format, each filling a :class:`~..table.Table`.

- :mod:`.detect`: which format a file is in (extension, checked against the content) and
  text decoding.
- :mod:`.csv`, :mod:`.xlsx`, :mod:`.json`: the readers of the three formats people send.
- :mod:`.parquet`: Parquet, for data teams (optional: needs pyarrow).

A reader is ``read(data, table, sheet)``: it sets the header, the blocks of typed cells and a
locator, and records problems; it never raises for bad content. Adding a format: write a
module with such a function, register it in :data:`smartcity_assess.survey.readers.READERS`
and its extensions in :data:`.detect.EXTENSIONS`, and add its cases to the hardening corpus.
Nothing is imported here, so that importing one format does not import the others.
"""
