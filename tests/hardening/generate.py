"""Binary and large members of the bad-input corpus, written at test time.

The text cases live in ``corpus/`` as files; the ones below are binary (workbooks, OLE
containers, images) or large (a zip bomb, an oversized YAML file), so they are made here,
byte for byte the same on every run. Run this file to look at them::

    .venv/bin/python tests/hardening/generate.py /tmp/corpus
"""

from __future__ import annotations

import gzip
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

# ---------------------------------------------------------------------------------------------
# A minimal XLSX writer: every byte under our control (formulas with or without a saved result,
# error cells, merged cells, dates, odd dimensions), deterministic (fixed timestamps).

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
STAMP = (2025, 1, 1, 0, 0, 0)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>")
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    "</Relationships>")
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" xfId="0"/>'
    '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>")

Cell = str
"""The XML of one ``<c>`` element, without its ``r`` attribute (added by :func:`sheet`)."""


def text(value: str) -> Cell:
    return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def number(value: float) -> Cell:
    return f"<c><v>{value!r}</v></c>" if isinstance(value, float) else f"<c><v>{value}</v></c>"


def formula(expression: str, saved: float | None = None) -> Cell:
    """A formula cell; ``saved`` is its cached result (None: never calculated)."""
    cached = "" if saved is None else f"<v>{saved}</v>"
    return f"<c><f>{escape(expression)}</f>{cached}</c>"


def date(serial: int) -> Cell:
    """A number shown as a date (style 1 = built-in format 14, m/d/yyyy)."""
    return f'<c s="1"><v>{serial}</v></c>'


def error(code: str) -> Cell:
    return f'<c t="e"><v>{escape(code)}</v></c>'


def _letters(index: int) -> str:
    index += 1
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def sheet(rows: Sequence[Sequence[Cell | None]], *, merges: Sequence[str] = (),
          dimension: str | None = None, prolog: str = "") -> str:
    """Worksheet XML: ``rows`` from row 1, None for an empty cell."""
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell.replace("<c", f'<c r="{_letters(c)}{r}"', 1)
                        for c, cell in enumerate(row) if cell is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    merged = ""
    if merges:
        merged = f'<mergeCells count="{len(merges)}">' + "".join(
            f'<mergeCell ref="{ref}"/>' for ref in merges) + "</mergeCells>"
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<worksheet xmlns="{MAIN}">{dim}<sheetData>{"".join(body)}</sheetData>'
            f"{merged}</worksheet>")


def package(parts: dict[str, str | bytes]) -> bytes:
    """A ZIP file of ``parts`` with fixed timestamps (deterministic bytes)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def workbook(worksheet: str) -> bytes:
    """An XLSX file with one sheet, "Data"."""
    return package({
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES, "xl/worksheets/sheet1.xml": worksheet,
    })


HEADER: list[Cell | None] = [text(h) for h in (
    "region", "year", "respondent", "role", "net", "wifi", "online", "plan", "open")]


def answers(respondent: str, *cells: Cell | None) -> list[Cell | None]:
    return [text("Tegal"), number(2025), text(respondent), text("opd"), *cells]


GOOD_ROWS: list[list[Cell | None]] = [
    HEADER, answers("r1", number(72.5), number(3), number(4), text("ya"), text("full"))]

# ---------------------------------------------------------------------------------------------
# A minimal OLE2 compound file (what Excel writes for a password-protected workbook, and
# what old .xls files are): one FAT sector, one directory sector, streams of 4096 bytes
# (the mini-stream cutoff, so no mini FAT is needed).

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _entry(name: str, kind: int, *, child: int = NOSTREAM, right: int = NOSTREAM,
           start: int = ENDOFCHAIN, size: int = 0) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4
            + b"\0" * 16 + struct.pack("<IQ", start, size))


def compound_file(streams: Sequence[tuple[str, bytes]]) -> bytes:
    """An OLE2 file holding ``streams`` (each padded to a multiple of 512, at least 4096)."""
    sectors: list[bytes] = []
    fat = [FATSECT, ENDOFCHAIN]  # sector 0: the FAT, sector 1: the directory
    entries = [b""]
    for index, (name, data) in enumerate(streams):
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0")
        first = 2 + len(sectors)
        count = len(data) // 512
        sectors += [data[i * 512:(i + 1) * 512] for i in range(count)]
        fat += [first + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
        right = index + 2 if index + 1 < len(streams) else NOSTREAM
        entries.append(_entry(name, 2, right=right, start=first, size=len(data)))
    entries[0] = _entry("Root Entry", 5, child=1 if streams else NOSTREAM)
    directory = b"".join(entries).ljust(512, b"\0")
    assert len(fat) <= 128 and len(directory) == 512
    fat_sector = struct.pack("<128I", *(fat + [FREESECT] * (128 - len(fat))))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<109I", 0, *([FREESECT] * 108)))
    assert len(header) == 512
    return header + fat_sector + directory + b"".join(sectors)


ENCRYPTION_INFO = (b"\x04\x00\x04\x00\x40\x00\x00\x00"
                   b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                   b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
                   b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
                   b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
                   b'hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
                   b"</encryption>")


def encrypted_workbook() -> bytes:
    """What Excel saves for "Encrypt with Password": an OLE file, not a ZIP."""
    package_bytes = struct.pack("<Q", 8192) + bytes(range(256)) * 32
    return compound_file([("EncryptionInfo", ENCRYPTION_INFO),
                          ("EncryptedPackage", package_bytes)])


def old_xls() -> bytes:
    """An Excel 97–2003 workbook's container (a BIFF8 BOF record at the start)."""
    return compound_file([("Workbook", b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 8)])


# ---------------------------------------------------------------------------------------------
# A real zip bomb: a workbook whose sheet is 4 × 1 GiB of spaces (valid XML whitespace),
# deflated to about 4 MB. Built from one compressed megabyte repeated (a full flush makes each
# repetition independent of the previous one) with the CRC combined arithmetically, so making
# it costs milliseconds, not the minutes it would take to compress 4 GiB.

BOMB_PARTS = 4
BOMB_PART_BYTES = 1 << 30
_CHUNK = 1 << 20


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, index = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[index]
        vector >>= 1
        index += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, row) for row in matrix]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine: the CRC of A+B from crc(A), crc(B) and len(B)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _repeat_crc(crc: int, length: int, times: int) -> int:
    """CRC of ``times`` copies of a block of ``length`` bytes whose CRC is ``crc``."""
    result, first = 0, True
    block_crc, block_len = crc, length
    while times:
        if times & 1:
            result = block_crc if first else crc32_combine(result, block_crc, block_len)
            first = False
        block_crc = crc32_combine(block_crc, block_crc, block_len)
        block_len *= 2
        times >>= 1
    return result


def _bomb_member(head: bytes, tail: bytes, filler: int) -> tuple[bytes, int, int]:
    """(raw deflate data, CRC-32, size) of head + filler spaces + tail."""
    chunk = b" " * _CHUNK
    assert filler % _CHUNK == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "a full flush must make repeated blocks identical"
    end = compressor.compress(tail) + compressor.flush()
    count = filler // _CHUNK
    crc = zlib.crc32(head)
    crc = crc32_combine(crc, _repeat_crc(zlib.crc32(chunk), _CHUNK, count), filler)
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    return start + block * count + end, crc, len(head) + filler + len(tail)


def zip_bomb() -> bytes:
    """An XLSX whose parts unpack to 4 GiB (limit: 1 GiB), about 4 MB on disk."""
    members: list[tuple[str, bytes, int, int, int]] = []  # name, data, crc, size, method
    for name, content in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                          ("xl/workbook.xml", WORKBOOK),
                          ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                          ("xl/styles.xml", STYLES)):
        raw = content.encode()
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        members.append((name, compressor.compress(raw) + compressor.flush(), zlib.crc32(raw),
                        len(raw), 8))
    head = sheet([]).split("<sheetData>")[0].encode() + b"<sheetData>"
    tail = b"</sheetData></worksheet>"
    for part in range(BOMB_PARTS):
        filler = BOMB_PART_BYTES - (1 << 20)
        data, crc, size = _bomb_member(head, tail, filler)
        members.append((f"xl/worksheets/sheet{part + 1}.xml", data, crc, size, 8))
    out = bytearray()
    central = bytearray()
    dos_time, dos_date = 0, (2025 - 1980) << 9 | 1 << 5 | 1
    for name, data, crc, size, method in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, dos_time, dos_date, crc,
                           len(data), size, len(encoded), 0) + encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, dos_time,
                               dos_date, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                                 len(central), len(out), 0)
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# The generated cases

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082")
XXE = ('<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n')
LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY a "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                    for i in range(8)) + "]>\n")


def _truncated() -> bytes:
    whole = workbook(sheet(GOOD_ROWS))
    return whole[: len(whole) // 2]


def _sparse() -> bytes:
    """A valid workbook that claims to span every cell of the sheet (A1:XFD1048576) and has
    a blank cell in the last row: trusting the claim means 17 billion empty cells."""
    far = ('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>'
           "</sheetData>")
    return workbook(sheet(GOOD_ROWS, dimension="A1:XFD1048576").replace("</sheetData>", far))


def workbook_of(sheets: Sequence[tuple[str, str, str]],
                shared: Sequence[str] | None = None) -> bytes:
    """An XLSX file with several sheets: (name, worksheet XML, state: visible or hidden), and
    an optional shared-strings part."""
    names = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
        + ("" if state == "visible" else f' state="{state}"') + "/>"
        for i, (name, _, state) in enumerate(sheets, start=1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    count = len(sheets)
    rels += f'<Relationship Id="rId{count + 1}" Type="{REL}/styles" Target="styles.xml"/>'
    types = CONTENT_TYPES.replace(
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
        "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, count + 1)))
    parts: dict[str, str | bytes] = {
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK.replace(
            '<sheet name="Data" sheetId="1" r:id="rId1"/>', names),
        "xl/styles.xml": STYLES,
        **{f"xl/worksheets/sheet{i}.xml": xml
           for i, (_, xml, _) in enumerate(sheets, start=1)}}
    if shared is not None:
        rels += (f'<Relationship Id="rId{count + 2}" Type="{REL}/sharedStrings" '
                 'Target="sharedStrings.xml"/>')
        types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" '
                              'ContentType="application/vnd.openxmlformats-officedocument.'
                              'spreadsheetml.sharedStrings+xml"/></Types>')
        parts["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">'
            + "".join(f"<si><t>{escape(t)}</t></si>" for t in shared) + "</sst>")
    parts["[Content_Types].xml"] = types
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG}">{rels}</Relationships>')
    return package(parts)


def _hidden_first_sheet() -> bytes:
    """A hidden sheet of old, wrong answers in front of the visible "Data" sheet."""
    old = sheet([HEADER, answers("r1", text("lots"), number(3), number(4), text("ya"),
                                 text("full"))])
    return workbook_of([("Lama", old, "hidden"), ("Data", sheet(GOOD_ROWS), "visible")])


def _shared_string_minus_one() -> bytes:
    """The region of row 2 is shared string -1: Python's negative index would read the last
    string ("Tegal") instead of refusing the cell."""
    rows = [HEADER, ['<c t="s"><v>-1</v></c>', number(2025), text("r1"), text("opd"),
                     number(72.5), number(3), number(4), text("ya"), text("full")]]
    return workbook_of([("Data", sheet(rows), "visible")], shared=["note", "Tegal"])


def _row_billion() -> bytes:
    """A 2 KB workbook whose second row is numbered 1,000,000,000."""
    xml = sheet(GOOD_ROWS).replace('<row r="2">', '<row r="1000000000">')
    return workbook(xml.replace('r="A2"', 'r="A1000000000"').replace(
        'r="B2"', 'r="B1000000000"'))


def _damaged_cell() -> bytes:
    """A number cell whose value is not a number."""
    return workbook(sheet([HEADER, answers("r1", "<c><v>seventy</v></c>", number(3),
                                           number(4), text("ya"), text("full"))]))


LONG_TEXT = 200_000
"""Characters of the over-long region names (the limit is 131,072)."""


def _long_text_workbook() -> bytes:
    rows = [HEADER, [text("Tegal " + "x" * LONG_TEXT), *answers(
        "r1", number(72.5), number(3), number(4), text("ya"), text("full"))[1:]]]
    return workbook(sheet(rows))


def _long_text_json() -> bytes:
    return (b'[{"region": "Tegal ' + b"x" * LONG_TEXT + b'", "year": 2025, "net": 72.5}]\n')


GENERATED: dict[str, Callable[[], bytes]] = {
    # survey workbooks
    "survey/xlsx-truncated.xlsx": _truncated,
    "survey/xlsx-password-protected.xlsx": encrypted_workbook,
    "survey/xls-renamed.xlsx": old_xls,
    "survey/xlsx-zip-bomb.xlsx": zip_bomb,
    "survey/xlsx-formulas-without-results.xlsx": lambda: workbook(sheet([
        HEADER, answers("r1", formula("50+20"), formula("SUM(1,2)"), number(4), text("ya"),
                        text("full")),
        answers("r2", number(60), formula("F2*2"), formula("3"), text("tidak"),
                text("none"))])),
    "survey/xlsx-formulas-with-results.xlsx": lambda: workbook(sheet([
        HEADER, answers("r1", formula("50+20", 70), formula("SUM(1,2)", 3), number(4),
                        text("ya"), text("full"))])),
    "survey/xlsx-merged-cells.xlsx": lambda: workbook(sheet([
        HEADER, answers("r1", number(72.5), number(3), number(4), text("ya"), text("full")),
        [None, number(2025), text("r2"), text("opd"), number(60), number(2), number(3),
         text("tidak"), text("none")]], merges=["A2:A3", "F2:G2"])),
    "survey/xlsx-dates.xlsx": lambda: workbook(sheet([
        HEADER, [text("Tegal"), date(45658), text("r1"), text("opd"), date(45000),
                 number(3), date(4), text("ya"), text("full")]])),
    "survey/xlsx-error-values.xlsx": lambda: workbook(sheet([
        HEADER, answers("r1", error("#DIV/0!"), error("#N/A"), number(4), text("ya"),
                        error("#REF!"))])),
    "survey/xlsx-huge-dimension.xlsx": _sparse,
    "survey/xlsx-hidden-first-sheet.xlsx": _hidden_first_sheet,
    "survey/xlsx-shared-string-minus-one.xlsx": _shared_string_minus_one,
    "survey/xlsx-row-billion.xlsx": _row_billion,
    "survey/xlsx-damaged-cell.xlsx": _damaged_cell,
    "survey/xlsx-long-text.xlsx": _long_text_workbook,
    "survey/json-long-text.json": _long_text_json,
    "survey/xlsx-malformed-xml.xlsx": lambda: workbook(
        sheet(GOOD_ROWS).replace("</sheetData>", "<row><c>")),
    "survey/xlsx-xml-entities.xlsx": lambda: workbook(
        sheet([HEADER, answers("r1", text("&i;"), number(3), number(4), text("ya"),
                               text("full"))], prolog=LAUGHS).replace("&amp;i;", "&i;")),
    "survey/xlsx-external-entity.xlsx": lambda: workbook(
        sheet([HEADER, answers("r1", number(50), number(3), number(4), text("ya"),
                               text("full"))], prolog=XXE).replace(
            "<t>Tegal</t>", "<t>&secret;</t>", 1)),
    "survey/docx-renamed.xlsx": lambda: package({"word/document.xml": "<w:document/>"}),
    "survey/zip-renamed.xlsx": lambda: package({"notes.txt": "not a workbook"}),
    "survey/png-renamed.csv": lambda: PNG,
    "survey/png-renamed.json": lambda: PNG,
    "survey/gzip-renamed.csv": lambda: gzip.compress(b"region,net\nTegal,50\n", mtime=0),
    "survey/utf16-without-bom.csv": lambda: "region,net\nTegal,50\n".encode("utf-16-le"),
    "survey/very-long-line.csv": lambda: (
        b"region,year,net\nTegal,2025," + b"9" * 200_000 + b"\nTegal,2025,50\n"),
    "survey/json-deep.json": lambda: b"[" * 100_000 + b"]" * 100_000,
    # indicator sets and plans
    "criteria/too-large.yaml": lambda: b"id: big\nversion: '1'\ntitle: Big\n"
                                       + b"# padding\n" * (2 * 1024 * 1024 // 10 + 1),
    "criteria/xlsx-renamed.yaml": lambda: workbook(sheet(GOOD_ROWS)),
    "criteria/png-renamed.yaml": lambda: PNG,
    "plan/png-renamed.yaml": lambda: PNG,
}
"""Path in the corpus → bytes."""


CORPUS = Path(__file__).parent / "corpus"
"""The committed text cases."""
READ_ONLY = "read-only"
"""A folder made read-only by :func:`prepare` (for the unwritable-output cases)."""


def prepare(folder: Path) -> Path:
    """A working copy of the whole corpus in ``folder``: the committed files, the generated
    ones, and a read-only folder. Returns ``folder``."""
    import shutil

    shutil.copytree(CORPUS, folder, dirs_exist_ok=True)
    generate(folder)
    readonly = folder / READ_ONLY
    readonly.mkdir(exist_ok=True)
    readonly.chmod(0o555)
    return folder


def generate(folder: Path) -> list[Path]:
    """Write every generated case under ``folder``; returns the paths written."""
    written = []
    for name, make in GENERATED.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in generate(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out")):
        print(written_path, written_path.stat().st_size)
