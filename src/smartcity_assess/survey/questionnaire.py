"""The printable questionnaire of a role: HTML (and PDF through WeasyPrint when installed).

One page per role, in the form's language: who fills it in, the respondent's fields (region,
year and respondent code, as the data columns are named, and the enumerator and the date for
the paper), how to fill it in, and every question of the role grouped by pillar, with its
column code, its answer options (boxes to tick, with the level texts) or a line for a number
with its unit and range. The template is ``templates/forms/questionnaire.html``; every text
comes from the set or the message catalogue. The page is self-contained (no scripts, no
requests) and prints on A4.
"""

from __future__ import annotations

from .. import __version__
from .form import Form
from .roles import canonical
from .template import range_text


def questionnaire_html(form: Form, *, region: str | None = None,
                       year: int | None = None) -> str:
    """The questionnaire of ``form`` as one HTML document (``region`` and ``year`` filled
    in when given)."""
    from ..report.environment import make_environment

    env = make_environment("html", form.lang)
    ranges = {q.id: range_text(q, form.lang) for q in form.questions
              if q.low is not None and q.high is not None}
    return env.get_template("forms/questionnaire.html").render(
        form=form, region=region, year=year, ranges=ranges, tool="smartcity-assess",
        version=__version__,
        statistics=form.role is not None and canonical(form.role) == "statistik")


def questionnaire_pdf(form: Form, *, region: str | None = None,
                      year: int | None = None) -> bytes:
    """The questionnaire as PDF (needs the optional WeasyPrint: ``smartcity-assess[pdf]``)."""
    from ..report.pdf import html_to_pdf

    return html_to_pdf(questionnaire_html(form, region=region, year=year))
