"""The charts of the reports: one module per chart family, drawn as deterministic SVG.

:mod:`.common` holds what every chart shares (style, figure, margins, the finished
:class:`~.common.Chart`); :mod:`.scores`, :mod:`.plan`, :mod:`.certainty`, :mod:`.trends` and
:mod:`.overview` draw; :mod:`.job` describes a chart to draw and :mod:`.jobs` makes the jobs of
a document from its facts; :mod:`.workers` draws them in the background.
"""
