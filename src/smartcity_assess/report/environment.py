"""The one Jinja environment factory and the filters the templates format with.

Two kinds of output share the factory: ``html`` and ``md``. Autoescape is on for both
(:func:`jinja2.select_autoescape` by file extension), so that macros, filters and catalogue
texts return :class:`markupsafe.Markup` and are trusted; in ``md`` templates a ``finalize``
hook escapes every other printed value for Markdown (no links, images, emphasis, tables or
raw HTML can come from user text) before Jinja's own escaping sees it. Users' own templates
(``--templates DIR``) are rendered in :class:`jinja2.sandbox.SandboxedEnvironment` and read
only from inside their folder: a file or folder that links outside it is refused
(:func:`check_templates_dir`, and again by the loader when a template is read).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from ..errors import UsageError
from ..messages import MONTHS, text
from ..messages.keys import (
    AGGREGATION_KEYS,
    NORMALISATION_KEYS,
    PEOPLE_KEYS,
    ROLE_KEYS,
    RULE_KEYS,
)
from ..numbers import format_number
from ..render.escape import markdown_text, printable
from ..resources import templates_dir
from .money import millions, rupiah

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import BaseLoader, BytecodeCache, Environment

Kind = Literal["html", "md"]
MISSING = "–"


def number(value: float | int | None, lang: str, digits: int = 1) -> Markup:
    """``1234.5`` → ``1.234,5`` (id) or ``1,234.5`` (en); None → ``–``."""
    return Markup(format_number(value, lang, digits, missing=MISSING))


def percent(share: float | None, lang: str, digits: int = 0) -> Markup:
    """A share 0–1 as a percentage: ``0.725`` → ``72,5%`` (id) with one digit."""
    if share is None:
        return Markup(MISSING)
    return Markup(format_number(share * 100, lang, digits) + "%")


def date(value: dt.date, lang: str) -> Markup:
    """``28 November 2026`` with the month named in the language."""
    months = MONTHS.get(lang, MONTHS["en"])
    return Markup(f"{value.day} {months[value.month - 1]} {value.year}")


def markdown(value: object) -> Markup:
    """User text made inert in Markdown (no links, images, emphasis, tables or HTML)."""
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text("" if value is None else value))


def _html_finalize(value: Any) -> Any:
    """Every value an HTML template prints: control characters of the data (NUL, BEL, ESC,
    C1, bidi overrides) become visible stand-ins (:func:`printable`); markup stays markup."""
    if isinstance(value, str):
        shown = printable(value, keep_whitespace=True)
        if shown is value or shown == value:
            return value
        return Markup(shown) if isinstance(value, Markup) else shown
    return value


def _md_finalize(value: Any) -> Any:
    """Safety net of Markdown templates: escape whatever a template prints unescaped."""
    if value is None:
        return MISSING
    if isinstance(value, Markup | int | float):
        return value
    return markdown(value)


_CACHE: dict[tuple[str, str, str], Environment] = {}
"""Environments of the bundled templates, by kind, language and folder (see below)."""


def make_environment(kind: Kind, lang: str, *, user_dir: Path | None = None,
                     bundled_dir: Path | None = None) -> Environment:
    """The Jinja environment for one output kind and language.

    ``user_dir`` (``--templates``) is searched before the bundled templates and switches to
    the sandboxed environment. Undefined names are errors (StrictUndefined).

    An environment of the bundled templates alone is made once per process and reused: it
    keeps its compiled templates, and compiling them cost about a third of a report's time
    when a batch renders hundreds of regions. (With ``user_dir`` a new environment is made
    each time, so that edited templates are read again.)
    """
    if user_dir is not None:
        return _new_environment(kind, lang, user_dir, bundled_dir)
    key = (kind, lang, str(bundled_dir or templates_dir()))
    env = _CACHE.get(key)
    if env is None:
        env = _CACHE[key] = _new_environment(kind, lang, None, bundled_dir)
        # The languages' environments of one kind compile a template to the same code (they
        # differ only in the values of their globals and filters): compiled once, shared.
        env.bytecode_cache = _shared_code(kind)
    return env


_CODE: dict[str, BytecodeCache] = {}
CACHE_ENV = "SMARTCITY_ASSESS_CACHE"
"""Environment variable naming the folder of compiled templates (empty: none)."""


def code_folder() -> Path | None:
    """Where the bundled templates' compiled code is kept between runs: ``$SMARTCITY_ASSESS_
    CACHE``, else ``templates`` in ``smartcity-assess`` of the user's cache folder
    (``$XDG_CACHE_HOME``, else ``~/.cache``); None when the variable is set empty."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smartcity-assess" / "templates"


def _private(folder: Path) -> bool:
    """True when ``folder`` is this user's own and nobody else may write into it (code is
    only ever read from such a folder)."""
    try:
        info = folder.stat()
    except OSError:
        return False
    owner = getattr(os, "getuid", None)
    return (owner is None or info.st_uid == owner()) and not info.st_mode & 0o022


def _shared_code(kind: Kind) -> BytecodeCache:
    """A bytecode cache for the bundled templates of ``kind`` (html or md): in memory, and
    in :func:`code_folder` between runs.

    Compiling the bundled templates takes longer than rendering a region's documents, and a
    command starts afresh each time (each report worker too). The compiled code is kept in
    the user's cache folder, one file per template and kind, written whole (a temporary file
    renamed) and checked when read: Jinja's own header (its version and Python's) and the
    template's checksum; a file that does not match, cannot be read or sits in a folder
    others may write to is ignored and the template compiled again.
    """
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

    class Shared(BytecodeCache):
        def __init__(self) -> None:
            self.codes: dict[str, tuple[str, Any]] = {}

        def _file(self, bucket: Bucket) -> Path | None:
            folder = code_folder()
            return None if folder is None else folder / f"{bucket.key}.{kind}.code"

        def load_bytecode(self, bucket: Bucket) -> None:
            found = self.codes.get(bucket.key)
            if found is not None and found[0] == bucket.checksum:
                bucket.code = found[1]
                return
            path = self._file(bucket)
            if path is None or not _private(path.parent):
                return
            try:
                bucket.bytecode_from_string(path.read_bytes())
            except Exception:  # a damaged file: compile again
                bucket.reset()
            if bucket.code is not None:
                self.codes[bucket.key] = (bucket.checksum, bucket.code)

        def dump_bytecode(self, bucket: Bucket) -> None:
            self.codes[bucket.key] = (bucket.checksum, bucket.code)
            path = self._file(bucket)
            if path is None:
                return
            name: str | None = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                if not _private(path.parent):
                    return
                handle, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
                with os.fdopen(handle, "wb") as stream:
                    stream.write(bucket.bytecode_to_string())
                os.replace(name, path)
            except OSError:  # a read-only home, a full disk: compile next time again
                if name is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(name)

    if kind not in _CODE:
        _CODE[kind] = Shared()
    return _CODE[kind]


def _new_environment(kind: Kind, lang: str, user_dir: Path | None,
                     bundled_dir: Path | None) -> Environment:
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        StrictUndefined,
        pass_context,
        select_autoescape,
    )
    from jinja2.sandbox import SandboxedEnvironment

    bundled = FileSystemLoader(str(bundled_dir or templates_dir()))
    loader: BaseLoader = bundled
    if user_dir is not None:
        loader = ChoiceLoader([_inside_loader(user_dir), bundled])
    cls = SandboxedEnvironment if user_dir is not None else Environment
    options: dict[str, Any] = {}
    options["finalize"] = _md_finalize if kind == "md" else _html_finalize
    env = cls(
        loader=loader,
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "svg", "md"),
                                     default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        **options,
    )
    escape_arg = markdown if kind == "md" else _html_arg

    def translate(key: str, **values: Any) -> Markup:
        """Catalogue text in the report's language, placeholders escaped for the format."""
        template = text(key, lang)
        if not values:
            return Markup(template)
        return Markup(template.format(**{k: escape_arg(v) for k, v in values.items()}))

    env.globals.update(t=translate, lang=lang)
    # The filters in the report's language take the template's context (which they do not
    # use) so that Jinja never evaluates them while compiling ({{ 1.5 | num }} would be
    # compiled to this language's "1,5"): the compiled code is shared by the languages.
    aggregation = _aggregation(lang)
    env.filters.update(
        num=pass_context(lambda _, value, digits=1: number(value, lang, digits)),
        pct=pass_context(lambda _, share, digits=0: percent(share, lang, digits)),
        date=pass_context(lambda _, value: date(value, lang)),
        md=markdown,
        agg=pass_context(lambda _, method: aggregation(method)),
        rp=pass_context(lambda _, amount: Markup(rupiah(amount, lang))),
        jt=pass_context(lambda _, amount: Markup(millions(amount, lang))),
        rule=_in_context(_words(RULE_KEYS, lang)),
        norm=_in_context(_words(NORMALISATION_KEYS, lang)),
        role=_in_context(_words(ROLE_KEYS, lang)),
        people=_in_context(_words(PEOPLE_KEYS, lang)),
    )
    return env


def _html_arg(value: object) -> Markup:
    from markupsafe import escape

    return escape(value)




def _aggregation(lang: str) -> Callable[[str], str]:
    """The ``agg`` filter: an aggregation's name in the report's language."""
    def name(method: str) -> str:
        key = AGGREGATION_KEYS.get(method)
        return method if key is None else Markup(text(key, lang))

    return name


def _in_context(name: Callable[[str | None], str]) -> Callable[..., str]:
    """A one-argument filter that takes the template's context first (see the filters)."""
    from jinja2 import pass_context

    return pass_context(lambda _, value: name(value))


def _words(keys: dict[str, str], lang: str) -> Callable[[str | None], str]:
    """A filter that names a method or role in the report's language (a name the catalogue
    lacks is shown as it is)."""
    def name(value: str | None) -> str:
        if value is None:
            return MISSING
        key = keys.get(value)
        return value if key is None else Markup(text(key, lang))

    return name


def check_templates_dir(folder: Path) -> None:
    """Refuse a ``--templates`` folder that does not exist, or that holds a file or folder
    which is a link leading outside it (``ln -s /etc tpl/etc``, a template linked to
    ``/proc/self/environ``): templates are read only from inside the folder."""
    if not Path(folder).is_dir():
        raise UsageError(f"templates folder {str(folder)!r} does not exist")
    root = Path(folder).resolve()
    for here, folders, files in os.walk(folder, followlinks=False):
        for name in sorted([*folders, *files]):
            path = Path(here, name)
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # a broken link or a loop of links
                raise UsageError(f"template {path.relative_to(folder).as_posix()!r} in "
                                 f"{str(folder)!r} is a link that leads nowhere; templates "
                                 "must be files inside the templates folder") from None
            if not target.is_relative_to(root):
                raise UsageError(f"template {path.relative_to(folder).as_posix()!r} in "
                                 f"{str(folder)!r} is a link to {str(target)!r}, outside "
                                 "the templates folder; copy the file into the folder "
                                 "instead") from None


def _inside_loader(folder: Path) -> BaseLoader:
    """A loader of ``folder`` that reads no file whose real path is outside it, whatever
    links lead there (checked when each template is read, after
    :func:`check_templates_dir` checked the folder)."""
    from jinja2 import FileSystemLoader, TemplateNotFound

    root = os.path.realpath(folder)

    class InsideLoader(FileSystemLoader):
        def get_source(self, environment: Environment, template: str
                       ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            real = os.path.realpath(filename)
            if os.path.commonpath([root, real]) != root:
                raise TemplateNotFound(template)
            return source, filename, uptodate

    return InsideLoader(str(folder))
