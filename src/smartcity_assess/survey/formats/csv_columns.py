"""The cells of a plain CSV file found and read with numpy over its bytes, a column at a time.

The usual survey file is *plain*: UTF-8, no quote character, ``\\n`` line ends, and every line
has as many fields as the header. Then a cell is exactly the bytes between two separators,
and a column can be read without making a Python object per cell:

* :func:`split` finds every separator in one pass and keeps where each cell ends and its length
  (``None`` when the text is not plain: the reader's own path handles it);
* :meth:`Fields.numbers` reads the cells that are plain numbers (``72``, ``-3``, ``72.5``,
  ``72,5``: at most 15 digits) in vectorised steps, exactly as ``float`` reads them — the
  digits make an integer below 2**53 and a power of ten up to 10**15 divides it, both exact
  in binary, and one correctly rounded division gives the correctly rounded value;
* :meth:`Fields.factorize` numbers the distinct texts of a column (in the order they first
  appear) and gives each cell the number of its text, so that a column of ``ya``/``tidak``,
  a region or a role becomes a few Python strings and an array of codes.

Nothing here knows about indicators or checks a value: the survey loader decides what the
numbers and texts mean (:meth:`smartcity_assess.survey.load._Rows.fast_wide`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

    Offsets = npt.NDArray[np.signedinteger[Any]]
    Bools = npt.NDArray[np.bool_]
    FloatArray = npt.NDArray[np.float64]

MAX_FIGURES = 15
"""Most digits and decimal marks of a plain number, its sign aside: the integer of its
digits, each weighted by its place, stays below 10**15 < 2**53 (exact in a float64)."""
_POWERS = 10.0 ** np.arange(MAX_FIGURES + 2)
"""10**0 … 10**16, each exact in binary."""
POINT, COMMA = 1, 2
"""Decimal marks of plain numbers, as :meth:`Fields.numbers` reports them."""
_PAD = 64
"""Zero bytes before and after the text, so that any cell's window of bytes is inside."""
WORD = 8
"""Bytes of a cell held in its word (:attr:`Fields.words`)."""
_MASKS = np.array([((1 << 64) - 1) << (8 * (WORD - n)) & ((1 << 64) - 1)
                   for n in range(WORD + 1)], dtype=np.uint64)
"""Length → the bytes of a little-endian word that hold the last ``length`` bytes."""


def split(data: bytes, delimiter: str, width: int, limit: int, start: int = 0
          ) -> Fields | None:
    """The cells of the data lines ``data[start:]`` (UTF-8, ``\\n`` line ends), or None
    when the text is not plain: a quote, a ``\\r``, a line (blank lines at the very end
    aside) whose number of fields is not ``width``, a cell longer than ``limit``
    characters, or a one-column file."""
    end = len(data)
    while end > start and data[end - 1] == 10:  # blank lines at the end are no rows
        end -= 1
    if (width < 2 or len(delimiter) != 1 or end == start or data.find(b'"', start) >= 0
            or data.find(b"\r", start) >= 0):
        return None
    if start >= WORD and end < len(data):  # read in place: the last line ends in "\n"
        first, stop = start, end + 1
    else:  # a copy with room around it (a tiny header, or no "\n" at the end)
        padding = b"\0" * _PAD
        data = b"".join((padding, memoryview(data)[start:end], b"\n", padding))
        first, stop = _PAD, _PAD + end - start + 1
    buffer = np.frombuffer(data, dtype=np.uint8)
    lines = data.count(b"\n", first, stop)
    index = np.int32 if len(buffer) < 2**31 else np.int64
    ends: Offsets = np.empty(lines * width, dtype=index)
    found = 0
    for at in range(first, stop, CHUNK):  # a chunk at a time: no full-size temporaries
        part = buffer[at:min(at + CHUNK, stop)]
        here = np.flatnonzero((part == ord(delimiter)) | (part == ord("\n"))) + at
        if found + len(here) > len(ends):
            return None  # more fields than lines × width
        ends[found:found + len(here)] = here
        found += len(here)
    if found != len(ends) or not (buffer[ends[width - 1::width]] == ord("\n")).all():
        return None  # some line has another number of fields (or is blank)
    fields = Fields(data, buffer, ends.reshape(lines, width), first)
    if int(fields.lengths(slice(None)).max()) > limit:
        return None  # csv.reader refuses a field this long: the reader's path says so
    return fields


CHUNK = 1 << 20
"""Bytes of text (or of words) handled at once by :func:`split`."""


class Fields:
    """Where each cell of a plain CSV text ends (``ends[row, column]``, the offset of the
    separator after it), and each cell's last bytes as a word (``words[column, row]``)."""

    def __init__(self, data: bytes, buffer: npt.NDArray[np.uint8], ends: Offsets,
                 first: int, words: npt.NDArray[np.uint64] | None = None,
                 text: dict[str, str] | None = None) -> None:
        self.data = data
        self.buffer = buffer
        self.ends = ends
        self.first = first
        """Where the first cell starts."""
        self._text = text if text is not None else {}
        """The text decoded once (when it is ASCII), shared with selections."""
        self.words = self._words() if words is None else words
        """``words[column, row]``: the cell's last :data:`WORD` bytes (all of a cell of at
        most that many) as an integer, zeros before the cell's first byte."""

    def _words(self) -> npt.NDArray[np.uint64]:
        """Each cell's last 8 bytes as one little-endian word (zeros before a shorter cell's
        first byte), gathered in the order of the text and put column after column."""
        lines, width = self.ends.shape
        flat = self.ends.reshape(-1)
        every = np.ndarray(shape=(len(self.buffer) - WORD + 1,), dtype="<u8",
                           buffer=self.buffer, strides=(1,))  # the word at each byte
        words = np.empty((width, lines), dtype=np.uint64)
        rows = max(CHUNK // (8 * width), 1)
        for row in range(0, lines, rows):
            cut = slice(row * width, (row + rows) * width)
            keys = every[flat[cut] - WORD]
            keys &= _MASKS[np.minimum(self._flat_lengths(cut), WORD)]
            words[:, row:row + rows] = keys.reshape(-1, width).T
        return words

    def _flat_lengths(self, cut: slice) -> Offsets:
        """The lengths of the cells ``cut`` of the cells in the order of the text."""
        flat = self.ends.reshape(-1)
        ends = flat[cut]
        begin = cut.start or 0
        starts = np.empty_like(ends)
        if len(ends):
            starts[0] = flat[begin - 1] + 1 if begin else self.first
            starts[1:] = ends[:-1] + 1
        lengths: Offsets = ends - starts
        return lengths

    def lengths(self, col: int | slice) -> Offsets:
        """The length in bytes of each cell of column ``col`` (a slice: of every cell, in the
        order of the text)."""
        if isinstance(col, slice):
            return self._flat_lengths(col)
        ends = self.ends[:, col]
        if col:
            before = self.ends[:, col - 1]
        else:
            before = np.empty_like(ends)
            before[0] = self.first - 1
            before[1:] = self.ends[:-1, -1]
        lengths: Offsets = ends - before - 1
        return lengths

    @property
    def rows(self) -> int:
        return int(self.ends.shape[0])

    def select(self, keep: Bools) -> Fields:
        """The rows where ``keep`` is True."""
        return _Selection(self, keep)

    def blank(self) -> Bools:
        """The rows whose cells are all empty."""
        empty: Bools = (self.words == 0).all(axis=0)  # (no cell holds a NUL)
        return empty

    def texts(self, col: int, rows: Offsets | None = None) -> list[str]:
        """The cells of column ``col`` (of the rows ``rows``) as Python strings."""
        ends = self.ends[:, col]
        starts = ends - self.lengths(col)
        if rows is not None:
            starts, ends = starts[rows], ends[rows]
        pairs = zip(starts.tolist(), ends.tolist(), strict=True)
        data = self.data
        if data.isascii():  # a character per byte: slices of the text
            text = self._text.get("ascii")
            if text is None:
                text = self._text["ascii"] = data.decode("ascii")
            return [text[a:b] for a, b in pairs]
        return [data[a:b].decode("utf-8") for a, b in pairs]

    def numbers(self, col: int) -> tuple[FloatArray, Bools, npt.NDArray[np.int8]]:
        """(value, plain, mark) of each cell of column ``col``: ``plain`` where the cell is a
        plain number — an optional ``-``, then digits with at most one decimal mark (``.``
        or ``,``) between two of them, at most :data:`MAX_FIGURES` of both, nothing else —
        and then ``value`` is exactly ``float`` of it (``,`` read as ``.``; ``-0`` as
        ``0.0``) and ``mark`` says which decimal mark it has (0, :data:`POINT` or
        :data:`COMMA`). Other cells: value NaN, plain False, mark 0.

        The cells are read right-aligned: byte ``j`` from a cell's end weighs ``10**j``.
        With a decimal mark ``f`` places from the end, the weighted sum is the integer part
        times ``10**(f + 1)`` plus the ``f`` decimals, whence the integer of all digits;
        divided by ``10**f`` (both exact) it rounds once, as ``float`` does.
        """
        lengths = self.lengths(col)
        count = len(lengths)
        widest = int(lengths.max()) if count else 0
        if widest == 0:
            return np.full(count, np.nan), np.zeros(count, bool), np.zeros(count, np.int8)
        if widest <= WORD:
            return _word_numbers(self.words[col], lengths)
        widest = min(widest, MAX_FIGURES + 1)
        ends = self.ends[:, col]
        # data[j, i]: the byte j places from the end of cell i (a row per place)
        data = self.buffer[(ends - 1)[None, :] - np.arange(widest)[:, None]]
        place = np.arange(widest)[:, None]
        inside = place < lengths[None, :]
        figure = data - np.uint8(ord("0"))  # bytes below "0" wrap around to above 9
        digit = (figure < 10) & inside
        comma = (data == ord(",")) & inside
        mark = ((data == ord(".")) & inside) | comma
        sign = (data == ord("-")) & inside
        marks = mark.sum(axis=0)
        signs = sign.sum(axis=0)
        mark_at = (mark * place).sum(axis=0)
        negative = signs == 1
        plain = ((lengths <= widest) & (marks <= 1) & (signs <= 1)
                 & (lengths - marks - signs >= 1) & (lengths - signs <= MAX_FIGURES)
                 & ~(inside & ~(digit | mark | sign)).any(axis=0)
                 # the sign in front, a digit on either side of the mark
                 & (~negative | ((sign * place).sum(axis=0) == lengths - 1))
                 & ((marks == 0) | ((mark_at >= 1) & (mark_at < lengths - 1 - negative))))
        whole = np.zeros(count, dtype=np.int64)
        figure *= digit
        for j in range(widest):
            whole += figure[j].astype(np.int64) * 10 ** j
        return _values(whole, plain, negative, np.where(marks == 1, mark_at, 0),
                       comma.any(axis=0))

    def factorize(self, col: int, rows: Offsets | None = None
                  ) -> tuple[list[str], npt.NDArray[np.int64]]:
        """The distinct texts of column ``col`` (of the rows ``rows``) in the order they first
        appear, and each cell's position in that list."""
        ends, lengths, key = self.ends[:, col], self.lengths(col), self.words[col]
        starts = ends - lengths
        if rows is not None:
            starts, ends, lengths, key = starts[rows], ends[rows], lengths[rows], key[rows]
        if not len(starts):
            return [], np.empty(0, dtype=np.int64)
        data = self.data
        widest = int(lengths.max())
        if widest > WORD:  # longer texts
            if (widest <= _PAD and len(starts) > 4 * FEW  # a run of rows with one text: one
                    and int(starts.max()) + widest + WORD <= len(self.buffer)):
                span = -(-widest // WORD) * WORD
                matrix = np.lib.stride_tricks.sliding_window_view(self.buffer, span)[starts]
                matrix *= np.arange(span) < lengths[:, None]
                same = (matrix[1:] == matrix[:-1]).all(axis=1)
                if np.count_nonzero(~same) <= len(same) // 16:
                    runs = np.concatenate(([0], np.cumsum(~same)))
                    heads = np.flatnonzero(np.concatenate(([True], ~same)))
                    texts, codes = self.factorize(col, heads if rows is None else rows[heads])
                    return texts, codes[runs]
            index: dict[bytes, int] = {}
            found = [index.setdefault(data[a:b], len(index))
                     for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
            return ([text.decode("utf-8") for text in index],
                    np.array(found, dtype=np.int64))
        first, inverse = _distinct(key)
        texts = [data[a:b].decode("utf-8") for a, b in
                 zip(starts[first].tolist(), ends[first].tolist(), strict=True)]
        return texts, inverse


class _Selection(Fields):
    """Some rows of :class:`Fields` (their cells' lengths as the whole text had them)."""

    def __init__(self, every: Fields, keep: Bools) -> None:
        self._lengths = [every.lengths(col) for col in range(every.ends.shape[1])]
        super().__init__(every.data, every.buffer, every.ends[keep], every.first,
                         every.words[:, keep], every._text)
        self._lengths = [lengths[keep] for lengths in self._lengths]

    def lengths(self, col: int | slice) -> Offsets:
        if isinstance(col, slice):
            raise NotImplementedError("a selection's cells are not in the order of a text")
        return self._lengths[col]


def _values(whole: Offsets, plain: Bools, negative: Bools, mark_at: Offsets,
            comma: Bools) -> tuple[FloatArray, Bools, npt.NDArray[np.int8]]:
    """(value, plain, mark) from each cell's digits weighed by their places from the end
    (``whole``), its sign and where its decimal mark is (0: none)."""
    has_mark = plain & (mark_at > 0)
    decimals = np.where(has_mark, mark_at, 0).astype(np.int64)
    if has_mark.any():  # the integer part sits a place further left than the mark
        scale = 10 ** decimals
        whole = np.where(has_mark, whole // (scale * 10) * scale + whole % scale, whole)
    values = whole / _POWERS[decimals]
    values[negative] = -values[negative]
    values += 0.0  # -0 is 0.0, as the careful parser makes it
    values[~plain] = np.nan
    kind = np.where(has_mark, np.where(comma, COMMA, POINT), 0).astype(np.int8)
    return values, plain, kind


_ONES = np.uint64(0x0101010101010101)
_HIGH = np.uint64(0x8080808080808080)
_LOW7 = np.uint64(0x7F7F7F7F7F7F7F7F)
_SIGN_AT = np.array([0] + [1 << (8 * (WORD - n) + 7) for n in range(1, WORD + 1)],
                    dtype=np.uint64)
"""Length → the flag of a sign in front of a cell of that length (its first byte)."""


def _equal(words: npt.NDArray[np.uint64], byte: int) -> npt.NDArray[np.uint64]:
    """The high bit of each byte of ``words`` that is ``byte`` (exact: no carries)."""
    t = words ^ (np.uint64(byte) * _ONES)
    flags: npt.NDArray[np.uint64] = ~(((t & _LOW7) + _LOW7) | t) & _HIGH
    return flags


def _word_numbers(words: npt.NDArray[np.uint64], lengths: Offsets
                  ) -> tuple[FloatArray, Bools, npt.NDArray[np.int8]]:
    """:meth:`Fields.numbers` of cells of at most 8 bytes, each held in a word: the bytes
    are classified eight at a time (a flag in the high bit of each byte, carry-free
    arithmetic) and the digits put together in three multiplications."""
    count = np.bitwise_count
    nonzero = (((words & _LOW7) + _LOW7) | words) & _HIGH
    digit = (((words | _HIGH) - np.uint64(0x30) * _ONES)
             & (np.uint64(0xB9) * _ONES - (words & _LOW7)) & ~words & _HIGH)
    comma = _equal(words, ord(","))
    mark = _equal(words, ord(".")) | comma
    sign = _equal(words, ord("-"))
    marks, signs = count(mark), count(sign)
    negative = signs == 1
    # the mark's place from the end: its flag is bit 8 * (7 - place) + 7
    mark_at = np.where(marks == 1, 7 - (np.log2(mark.astype(np.float64) + (marks == 0))
                                        .astype(np.int64) - 7) // 8, 0)
    plain = ((nonzero & ~(digit | mark | sign)) == 0) & (marks <= 1) & (signs <= 1)
    plain &= (digit != 0) & (~negative | (sign == _SIGN_AT[lengths]))
    plain &= (marks == 0) | ((mark_at >= 1) & (mark_at < lengths - 1 - negative))
    # the digits (0 elsewhere), the first byte the highest place: 8 digits to a number
    value = words & np.uint64(0x0F0F0F0F0F0F0F0F) & ((digit >> np.uint64(7)) * np.uint64(255))
    value = (value * np.uint64(2561)) >> np.uint64(8)
    value = ((value & np.uint64(0x00FF00FF00FF00FF)) * np.uint64(6553601)) >> np.uint64(16)
    value = ((value & np.uint64(0x0000FFFF0000FFFF)) * np.uint64(42949672960001)
             ) >> np.uint64(32)
    return _values(value.astype(np.int64), plain, negative, mark_at, comma != 0)


FEW = 8
"""Distinct keys found one by one (a pass each) before sorting them out."""


def _distinct(key: npt.NDArray[np.uint64]) -> tuple[Offsets, Offsets]:
    """(where each distinct key first appears, in the order they do; each key's position in
    that list). Runs of equal keys (a sorted column) are told apart by their first keys; a
    column of a few distinct keys key by key; others by sorting."""
    count = len(key)
    heads = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    if len(heads) <= max(count // 16, FEW):
        index: dict[int, int] = {}
        firsts: list[int] = []
        codes = []
        for at, value in zip(heads.tolist(), key[heads].tolist(), strict=True):
            code = index.get(value)
            if code is None:
                code = index[value] = len(firsts)
                firsts.append(at)
            codes.append(code)
        return (np.array(firsts, dtype=np.int64),
                np.repeat(np.array(codes, dtype=np.int64), np.diff(heads, append=count)))
    inverse = np.full(count, -1, dtype=np.int64)
    found: list[int] = []
    at = 0
    while len(found) < FEW:
        inverse[key == key[at]] = len(found)
        found.append(at)
        left = inverse < 0
        at = int(np.argmax(left))
        if not left[at]:
            return np.array(found, dtype=np.int64), inverse
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(first), dtype=np.int64)
    rank[order] = np.arange(len(first))
    return first[order], rank[inverse.reshape(-1)]
