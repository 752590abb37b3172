"""Which format a survey file is in: from its extension, checked against its content.

A workbook renamed to ``.csv`` gets a clear message instead of garbage; a file without an
extension is sniffed. Also the text decoding shared by the text formats (CSV, JSON).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ...errors import shorten
from ...filekinds import OLE_MAGIC, ZIP_MAGIC, binary_kind, ole_kind
from ..table import Table

EXTENSIONS: dict[str, str] = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".json": "json",
    ".parquet": "parquet",
}
"""File extension → format name."""

UNSUPPORTED: dict[str, str] = {
    ".xls": "an old Excel workbook (.xls): save it as .xlsx (Excel Workbook) or CSV UTF-8",
    ".ods": "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV UTF-8",
    ".numbers": "a Numbers spreadsheet: export it as .xlsx or CSV",
    ".yaml": "a YAML file: survey data must be CSV, XLSX or JSON",
    ".yml": "a YAML file: survey data must be CSV, XLSX or JSON",
}

FORMAT_NAMES = {"csv": "CSV text", "json": "JSON text", "xlsx": "an XLSX workbook",
                "parquet": "a Parquet file"}
PARQUET_MAGIC = b"PAR1"


def format_for(path: Path) -> str | None:
    """Format name from the extension, or None when there is none."""
    return EXTENSIONS.get(path.suffix.lower())


def what_is(data: bytes) -> str:
    """A few words on what the bytes look like, for mismatch messages."""
    if data.startswith(ZIP_MAGIC):
        return "ZIP data (an XLSX workbook or another Office file)"
    kind = binary_kind(data)
    if kind is not None:
        return kind
    if data.startswith(PARQUET_MAGIC):
        return "a Parquet file"
    head = data[:40].decode("utf-8", errors="replace")
    return "text starting " + shorten(head, 50)


def size_text(count: int) -> str:
    """``536870912`` → ``512 MB``; sizes under a megabyte in bytes."""
    return f"{count // 2**20} MB" if count >= 2**20 else f"{count:,} bytes"


def looks_like_json(data: bytes) -> bool:
    """True when text starts as a JSON list of objects or an object with a quoted key."""
    head = data[:256].lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] == b"{":
        return head[1:].lstrip()[:1] in (b'"', b"}")
    if head[:1] == b"[":
        return head[1:].lstrip()[:1] in (b"{", b"]", b"[")
    return False


def sniff(data: bytes) -> str:
    """``xlsx``, ``ole``, ``parquet``, ``json`` or ``csv`` by content alone."""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.startswith(PARQUET_MAGIC) and data.endswith(PARQUET_MAGIC):
        return "parquet"
    head = data[:64].lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"[", b"{"):
        return "json"
    return "csv"


def mismatch(fmt: str, data: bytes) -> tuple[str, str, str] | None:
    """(message, expected, found) when the content is not what the format says."""
    found = what_is(data)
    if data.startswith(OLE_MAGIC):
        kind = ole_kind(data)
        if "password" in kind:
            return ("the workbook is password-protected: open it, remove the password (Excel: "
                    "File › Info › Protect Workbook › Encrypt with Password) and save it again",
                    "a file without a password", kind)
        if kind.startswith("an OLE2"):  # no stream names found: say what it usually is
            if fmt == "xlsx":
                return ("the workbook is password-protected or in the old .xls format: save "
                        "it as .xlsx without a password", "an XLSX workbook (a ZIP file)", kind)
            return (f"this is an old Excel .xls file or a password-protected workbook, not "
                    f"{fmt.upper()} text: save it as CSV UTF-8 or .xlsx", f"{fmt.upper()} text",
                    kind)
        target = "CSV UTF-8 or .xlsx" if fmt != "xlsx" else ".xlsx (Excel Workbook)"
        return (f"this is {kind}, not {FORMAT_NAMES[fmt]}: open it in Excel or LibreOffice "
                f"and save it as {target}", FORMAT_NAMES[fmt], kind)
    if fmt == "parquet":
        if data.startswith(PARQUET_MAGIC):
            return None
        return (f"this is {found}, not a Parquet file", "a Parquet file", found)
    if fmt == "xlsx":
        if data.startswith(ZIP_MAGIC):
            return None
        if binary_kind(data) is None:
            rename = ".json" if looks_like_json(data) else ".csv"
            what = "JSON" if rename == ".json" else "CSV"
            return ("this is not an XLSX workbook (it is not a ZIP file): if it is "
                    f"{what} text, rename it to {rename}", "an XLSX workbook (a ZIP file)", found)
        return (f"this is {found}, not an XLSX workbook", "an XLSX workbook (a ZIP file)",
                found)
    if data.startswith(ZIP_MAGIC):
        return (f"this is a ZIP file (probably an Excel workbook), not {fmt.upper()} text: "
                "rename it to .xlsx", f"{fmt.upper()} text", found)
    binary = binary_kind(data)
    if binary is not None:
        return f"this is {binary}, not {fmt.upper()} text", f"{fmt.upper()} text", binary
    if fmt == "csv" and looks_like_json(data):
        return ("this is JSON, not CSV text: rename it to .json", "CSV text", found)
    return None


def decode_text(data: bytes, *, fallback: bool = True) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252.

    cp1252 leaves five byte values undefined; a file using them is read as Latin-1.
    A file that starts with a byte-order mark says what it is: when it is not that, this
    raises UnicodeDecodeError whatever ``fallback`` says (reading it as cp1252 would turn
    damaged text into wrong region names without a word). Otherwise raises
    UnicodeDecodeError only when ``fallback`` is False and the text is not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if not fallback:
            raise
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def not_encoded(table: Table, data: bytes, exc: UnicodeDecodeError, what: str) -> None:
    """Fail a file whose bytes are not the encoding it declares (or must have)."""
    offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
    bad = data[offset:offset + 1]
    table.fail(what, line=data.count(b"\n", 0, offset) + 1,
               expected=f"{exc.encoding.upper().replace('-SIG', '')} text",
               found=f"byte 0x{bad.hex() or '??'} at offset {offset}")
