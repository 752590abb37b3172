"""HTML → PDF through WeasyPrint (the optional ``pdf`` extra), imported only when asked."""

from __future__ import annotations

from ..errors import UsageError


def html_to_pdf(html: str) -> bytes:
    """Render a self-contained HTML document to PDF bytes (A4, from the print CSS).

    WeasyPrint writes no creation date unless asked, so the same HTML gives the same bytes.
    """
    try:
        from weasyprint import HTML
    except ImportError:
        raise UsageError("PDF output needs WeasyPrint: pip install 'smartcity-assess[pdf]'"
                         ) from None
    except OSError as exc:  # WeasyPrint is installed but Pango or its fonts are missing
        raise UsageError(f"PDF output needs WeasyPrint's system libraries (Pango): {exc}"
                         ) from None
    document = HTML(string=html, base_url=None)
    data: bytes = document.write_pdf()
    return data
