"""What a file is, from its first bytes: for messages such as "this is a PNG image, not CSV".

Input files are recognised by content as well as by name, so that a file saved or renamed
wrongly gets a message saying what it really is instead of a parse error about its bytes.
"""

from __future__ import annotations

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""OLE2 compound file: old Office formats, and password-protected new ones."""

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
"""Magic numbers of binary formats people are likely to pick by mistake."""

_OLE_STREAMS: tuple[tuple[str, str], ...] = (
    ("EncryptedPackage", "a password-protected (encrypted) Office file"),
    ("Workbook", "an Excel 97–2003 workbook (.xls)"),
    ("Book", "an Excel 5.0/95 workbook (.xls)"),
    ("WordDocument", "a Word 97–2003 document (.doc)"),
    ("PowerPoint Document", "a PowerPoint 97–2003 presentation (.ppt)"),
)


def ole_kind(data: bytes) -> str:
    """What an OLE2 compound file holds, from the stream names in its directory."""
    for stream, kind in _OLE_STREAMS:
        if stream.encode("utf-16-le") + b"\x00\x00" in data:
            return kind
    return "an OLE2 compound file (an old Office file?)"


def binary_kind(data: bytes) -> str | None:
    """A few words naming a binary format, or None when ``data`` does not start like one.

    ZIP and OLE2 files are named as such (an XLSX workbook is a ZIP file; readers that expect
    one check that themselves).
    """
    if data.startswith(ZIP_MAGIC):
        return "a ZIP file (an XLSX workbook or another Office file)"
    if data.startswith(OLE_MAGIC):
        return ole_kind(data)
    for magic, kind in SIGNATURES:
        if data.startswith(magic):
            return kind
    return None
