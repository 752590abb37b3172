"""Third-party validators, so "valid HTML5" and "clean Markdown" are not our own opinion.

- :func:`vnu_errors`: the W3C Nu HTML Checker (npm package ``vnu-jar``, run with the system Java).
- :func:`markdownlint`: markdownlint-cli2 with the repository's ``.markdownlint.json``.
- :func:`broken_image_links`: every Markdown image points at a file beside the document.

Tools come from ``scripts/install-test-tools.sh`` (into ``.tools/``); when one is missing the
test is skipped on a developer machine and fails in CI.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from support import tool_missing

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / ".tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MARKDOWNLINT = TOOLS / "node_modules" / ".bin" / "markdownlint-cli2"
MARKDOWNLINT_CONFIG = REPO / ".markdownlint.json"


# --------------------------------------------------------------------------- W3C Nu validator


def vnu_errors(paths: Iterable[Path | str], *, timeout: float = 300) -> list[str]:
    """Errors the W3C Nu HTML validator reports for ``paths`` (HTML; SVG files are checked too).

    Every message of type ``error`` or ``non-document-error`` (e.g. unreadable file) counts;
    warnings are not requested (``--errors-only``). One JVM start for all files.
    """
    files = [Path(p).resolve() for p in paths]
    if not files:
        raise ValueError("vnu_errors: no files given")
    java = shutil.which("java")
    if java is None:
        tool_missing("java is not installed (the W3C Nu validator needs Java 11+)")
    if not VNU_JAR.is_file():
        tool_missing(f"the W3C Nu validator is not installed ({VNU_JAR} missing)")
    proc = subprocess.run(
        [
            java,
            "-Xss4m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--also-check-svg",
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    try:
        report = json.loads(proc.stderr or proc.stdout)
    except json.JSONDecodeError:
        return [f"vnu did not produce JSON (exit {proc.returncode}): {proc.stderr[-2000:]}"]
    errors: list[str] = []
    for msg in report.get("messages", []):
        if msg.get("type") not in ("error", "non-document-error"):
            continue
        where = Path(unquote(urlsplit(msg.get("url", "")).path)).name
        line = msg.get("lastLine") or msg.get("firstLine")
        col = msg.get("firstColumn") or msg.get("lastColumn")
        loc = f"{where}:{line}:{col}" if line else where
        extract = (msg.get("extract") or "").strip().replace("\n", " ")[:120]
        errors.append(
            f"{loc}: {msg.get('message', '').strip()}" + (f"  «{extract}»" if extract else "")
        )
    return errors


# --------------------------------------------------------------------------- markdownlint

_MDLINT_LINE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+)(?::(?P<col>\d+))?\s+(?P<rest>.+)$")


def markdownlint(
    paths: Iterable[Path | str], *, config: Path | str = MARKDOWNLINT_CONFIG, timeout: float = 120
) -> list[str]:
    """markdownlint-cli2 findings for ``paths``, with the repository's configuration.

    Files are linted from their own folder, given as literal paths (``:`` prefix), and the
    repository's ``.markdownlint.json`` is passed with ``--config`` so that files outside the
    repository (pytest's tmp folders) get the same rules.
    """
    files = [Path(p).resolve() for p in paths]
    if not files:
        raise ValueError("markdownlint: no files given")
    if shutil.which("node") is None:
        tool_missing("node is not installed (markdownlint-cli2 needs Node.js)")
    if not MARKDOWNLINT.exists():
        tool_missing(f"markdownlint-cli2 is not installed ({MARKDOWNLINT} missing)")
    findings: list[str] = []
    by_dir: dict[Path, list[Path]] = {}
    for f in files:
        if not f.is_file():
            findings.append(f"{f}: no such file")
            continue
        by_dir.setdefault(f.parent, []).append(f)
    for folder, group in sorted(by_dir.items()):
        proc = subprocess.run(
            [
                str(MARKDOWNLINT),
                "--config",
                str(Path(config).resolve()),
                *(":" + f.name for f in group),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        lines = [ln for ln in proc.stderr.splitlines() if _MDLINT_LINE.match(ln)]
        findings += lines
        if proc.returncode not in (0, 1) or (proc.returncode == 1 and not lines):
            findings.append(
                f"markdownlint-cli2 failed (exit {proc.returncode}): "
                f"{(proc.stderr or proc.stdout)[-2000:]}"
            )
        summary = re.search(r"Linting: (\d+) file", proc.stdout)
        if summary is None or int(summary.group(1)) != len(group):
            findings.append(
                f"markdownlint-cli2 linted {summary.group(1) if summary else 'no'} file(s) "
                f"in {folder}, expected {len(group)}: {proc.stdout[-500:]}"
            )
    return findings


# --------------------------------------------------------------------------- image links

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_ALT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_INLINE_IMAGE = re.compile(
    r"(?<!\\)!\[(?P<alt>"
    + _ALT
    + r")\]\(\s*(?P<dest><[^>\n]*>|[^\s)]+)(?:\s+[\"'(].*?[\"')])?\s*\)"
)
_REF_IMAGE = re.compile(r"(?<!\\)!\[(?P<alt>" + _ALT + r")\]\[(?P<ref>[^\]]*)\]")
_REF_DEF = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<dest><[^>\n]*>|\S+)", re.M)


def image_links(md_path: Path | str) -> list[str]:
    """Destinations of every image in a Markdown file (inline and reference style), in order."""
    text = Path(md_path).read_text(encoding="utf-8")
    text = _FENCE.sub("", text)
    text = _CODE_SPAN.sub("", text)
    refs = {m["ref"].strip().lower(): m["dest"].strip("<>") for m in _REF_DEF.finditer(text)}
    dests = [m["dest"].strip("<>") for m in _INLINE_IMAGE.finditer(text)]
    for m in _REF_IMAGE.finditer(text):
        key = (m["ref"] or m["alt"]).strip().lower()
        dests.append(refs.get(key, f"[undefined reference: {key}]"))
    return dests


def broken_image_links(md_path: Path | str) -> list[str]:
    """Images of a Markdown file that do not resolve to a file beside it (in its folder tree).

    Remote URLs, absolute paths and paths leaving the document's folder count as broken: the
    Markdown must travel as a folder and render on any host without network.
    """
    md = Path(md_path).resolve()
    base = md.parent
    broken: list[str] = []
    for dest in image_links(md):
        parts = urlsplit(dest)
        if parts.scheme or parts.netloc or dest.startswith(("/", "[undefined")):
            broken.append(f"{md.name}: {dest} is not a relative file path")
            continue
        target = (base / unquote(parts.path)).resolve()
        if not target.is_relative_to(base):
            broken.append(f"{md.name}: {dest} leaves the document's folder")
        elif not target.is_file():
            broken.append(f"{md.name}: {dest} does not exist")
        elif target.stat().st_size == 0:
            broken.append(f"{md.name}: {dest} is empty")
    return broken
