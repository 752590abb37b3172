"""Open an HTML file in a real headless Chromium and report what a reader's browser sees.

Debian's ``chromium`` package is driven through playwright's Python API with
``executable_path``; playwright's own browser download (``playwright install``) is never used.
Every request other than the file itself is recorded *and aborted*, so a page that would reach
the network is caught without ever touching it.

Usage::

    report = open_in_chromium(path, screenshot=tmp / "a.png", js={"n": "document.scripts.length"})
    assert report.problems() == []

or, to reuse one browser for several files::

    with Chromium() as browser:
        a = browser.open(path_a)
        b = browser.open(path_b)
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from support import tool_missing

# Flags that work as root on a closed network (see shared/reference/tooling.md). playwright adds
# --headless and a fresh temporary --user-data-dir itself for every launch.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# axe-core impact levels that fail a page.
FAILING_IMPACTS = frozenset({"serious", "critical"})


@dataclass
class AxeViolation:
    id: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        where = ", ".join(self.targets[:5]) + (" …" if len(self.targets) > 5 else "")
        return f"axe {self.impact} {self.id}: {self.help} [{where}]"


@dataclass(frozen=True)
class JsFailure:
    """A caller's JS snippet that threw; stored in ``PageReport.js`` in place of its value."""

    expression: str
    error: str


@dataclass
class PageReport:
    """What happened when a file was opened in Chromium."""

    path: Path
    url: str
    title: str = ""
    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # alert() / confirm() / prompt() / beforeunload dialogs the page opened (each dismissed).
    dialogs: list[str] = field(default_factory=list)
    # Every request whose URL is not the file itself (aborted before it left the browser).
    # data: URLs are kept apart: they never reach the network, and Chromium does not route
    # them, so they are counted from the DOM (src/href attributes; CSS url() is not seen).
    external_requests: list[str] = field(default_factory=list)
    data_requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    # Resource Timing entries the page itself recorded (a second net under the request hook).
    resource_entries: list[str] = field(default_factory=list)
    # axe-core violations of impact serious or critical; all_axe_violations has every impact.
    axe_violations: list[AxeViolation] = field(default_factory=list)
    all_axe_violations: list[AxeViolation] = field(default_factory=list)
    axe_ran: bool = False
    # Results of the caller's JS snippets, evaluated after load and before axe is injected
    # (a JsFailure where the snippet threw).
    js: dict[str, Any] = field(default_factory=dict)
    screenshot: Path | None = None
    pdf_bytes: int = 0
    pdf_pages: int = 0

    def problems(self) -> list[str]:
        """Everything that should make a report page fail, as readable lines."""
        out = [f"console error: {m}" for m in self.console_errors]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"dialog opened: {m}" for m in self.dialogs]
        out += [f"request beyond the file: {u}" for u in dict.fromkeys(self.external_requests)]
        out += [f"websocket: {u}" for u in dict.fromkeys(self.websockets)]
        out += [f"resource loaded: {u}" for u in dict.fromkeys(self.resource_entries)]
        out += [str(v) for v in self.axe_violations]
        return out


class Chromium:
    """One headless Debian Chromium, opened with playwright; each page gets a fresh context."""

    def __init__(self) -> None:
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if executable is None:
            tool_missing("Debian's chromium is not installed (no `chromium` on PATH)")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            tool_missing(
                "the playwright Python package is not installed (pip install -e '.[test]')"
            )
        self._executable = executable
        self._manager = sync_playwright()
        self._playwright = self._manager.start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
        except Exception:
            self._manager.__exit__(None, None, None)
            raise

    def __enter__(self) -> Chromium:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._browser.close()
        finally:
            self._manager.__exit__(None, None, None)

    @property
    def version(self) -> str:
        return str(self._browser.version)

    def open(
        self,
        html_path: Path | str,
        *,
        screenshot: Path | str | None = None,
        js: Mapping[str, str] | None = None,
        axe: bool = True,
        pdf: bool = True,
        pdf_path: Path | str | None = None,
        viewport: tuple[int, int] = (1280, 900),
    ) -> PageReport:
        """Load ``html_path`` from disk and report what happened.

        ``js`` maps names to JavaScript expressions, evaluated after the page has loaded and
        before axe-core is injected (so they see the page as shipped, e.g. its <script> count).
        """
        path = Path(html_path).resolve()
        url = path.as_uri()
        report = PageReport(path=path, url=url)

        context = self._browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            locale="en-US",
            timezone_id="UTC",
            service_workers="block",
            java_script_enabled=True,
        )
        try:
            page = context.new_page()

            def on_console(msg: Any) -> None:
                loc = msg.location or {}
                where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc else ""
                if msg.type == "error":
                    report.console_errors.append(msg.text + where)
                elif msg.type == "warning":
                    report.console_warnings.append(msg.text + where)

            def on_route(route: Any) -> None:
                req_url = route.request.url
                if _same_document(req_url, url):
                    route.continue_()
                    return
                if req_url.startswith("data:"):
                    report.data_requests.append(req_url[:80])
                    route.continue_()
                    return
                report.external_requests.append(req_url)
                route.abort()

            page.on("console", on_console)
            page.on("pageerror", lambda err: report.page_errors.append(str(err)))

            def on_dialog(dialog: Any) -> None:
                report.dialogs.append(f"{dialog.type}: {dialog.message}")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("websocket", lambda ws: report.websockets.append(ws.url))
            context.route("**/*", on_route)

            page.goto(url, wait_until="networkidle")
            report.title = page.title()

            for name, expression in (js or {}).items():
                try:
                    report.js[name] = page.evaluate(expression)
                except Exception as err:  # one failing snippet must not hide the others
                    report.js[name] = JsFailure(expression, str(err).splitlines()[0])

            entries = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
            data_urls = page.evaluate(
                '[...document.querySelectorAll(\'[src^="data:" i],[href^="data:" i]\')]'
                ".map(e => (e.getAttribute('src') || e.getAttribute('href')).slice(0, 80))"
            )
            report.data_requests += [u for u in data_urls if u not in report.data_requests]
            report.resource_entries = [
                e for e in entries if not e.startswith("data:") and not _same_document(e, url)
            ]

            if screenshot is not None:
                shot = Path(screenshot)
                shot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shot), full_page=True)
                report.screenshot = shot

            if axe:
                _run_axe(page, report)

            if pdf:
                data = page.pdf(format="A4", print_background=True)
                if pdf_path is not None:
                    Path(pdf_path).parent.mkdir(parents=True, exist_ok=True)
                    Path(pdf_path).write_bytes(data)
                report.pdf_bytes = len(data)
                report.pdf_pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
                if not data.startswith(b"%PDF-"):
                    report.page_errors.append("print to PDF did not produce a PDF")
        finally:
            context.close()
        return report


def open_in_chromium(html_path: Path | str, **options: Any) -> PageReport:
    """Open one file in a freshly launched Chromium; see :meth:`Chromium.open` for options."""
    with Chromium() as browser:
        return browser.open(html_path, **options)


@contextmanager
def chromium() -> Iterator[Chromium]:
    """A browser shared by several ``open`` calls (launching costs about a second)."""
    browser = Chromium()
    try:
        yield browser
    finally:
        browser.close()


def _same_document(request_url: str, page_url: str) -> bool:
    """The page's own URL (a #fragment does not make it another request)."""
    return request_url.split("#", 1)[0] == page_url


def _run_axe(page: Any, report: PageReport) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
    except ImportError:
        tool_missing(
            "the axe-playwright-python package is not installed (pip install -e '.[test]')"
        )
    results = Axe().run(page)
    report.axe_ran = True
    for v in results.response.get("violations", []):
        violation = AxeViolation(
            id=str(v.get("id")),
            impact=str(v.get("impact")),
            help=str(v.get("help")),
            targets=[" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])],
        )
        report.all_axe_violations.append(violation)
        if violation.impact in FAILING_IMPACTS:
            report.axe_violations.append(violation)
