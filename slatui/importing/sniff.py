"""Find out how a CSV export is written before reading a single row of it.

Real exports differ in three ways that silently corrupt an import if guessed
wrong: the text encoding (UTF-8, UTF-8 with a byte-order mark, Windows-1252),
the delimiter (comma, semicolon in European locales, tab from "Unicode text"
saves) and where the header is (report exports put a title and filter lines
above it). `sniff` decides all three from the bytes, and refuses with a reason a
person can act on (an Excel workbook, an empty file) rather than guess.

Decisions:

* Encoding is decided over the *whole* file, streamed in chunks through an
  incremental UTF-8 decoder: one Latin-1 byte on row 900,000 makes the file
  not UTF-8, and finding that out after 899,999 rows were imported is too late.
  A file that is not valid UTF-8 is Windows-1252 (``cp1252``); when it contains
  one of the five bytes 1252 does not define it is ``cp1252-latin1`` (see
  `slatui.importing.cp1252_latin1`). No decoding ever produces U+FFFD.
  A UTF-16 or UTF-32 byte-order mark (Excel's "Unicode Text") selects that
  codec; NUL bytes without one, a zip (.xlsx) or OLE (.xls) signature are
  refused with what to do instead.
* The delimiter is the candidate (``,`` ``;`` tab) that splits the most sample
  records into the same number of cells, counting only delimiters outside
  quotes (the sample is parsed with `csv.reader` once per candidate, which also
  handles quoted cells that span lines). `csv.Sniffer` is not used: it
  guesses from character frequencies and may return any character (a space,
  a letter, ``:``), and it does not handle preamble lines.
* The header is the first record with the data's cell count (the most common
  count of at least two cells in the sample) that looks like names: at least
  half its cells non-empty and at most a quarter of those numeric or date-like.
  If no record of that width looks like names (most rows are broken), the
  first record that does; failing that, the first record. Everything above
  it is preamble; ``preamble_lines`` counts physical lines.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from slatui.importing import cp1252_latin1

DELIMITERS: tuple[str, ...] = (",", ";", "\t")
"""Candidates in order of preference when two split the sample equally well."""

CHUNK_BYTES = 1 << 20
SAMPLE_LINES = 200
SAMPLE_CHARS = 1 << 20

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_NUMERIC_OR_DATE = re.compile(r"[\d\s.,:/+\-$€£%()]+\Z")


class SniffError(ValueError):
    """The file cannot be read as a CSV export; the message says what to do instead."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Sniffed:
    """How a file is written.

    ``encoding`` is a Python codec name to open the file with (``utf-8-sig``
    strips the BOM). ``header_line`` is the 1-based physical line on which the
    header record starts; ``preamble_lines`` is the number of physical lines
    above it (title, filter and blank lines), i.e. ``header_line - 1``.
    """

    encoding: str
    bom: bool
    delimiter: str
    header_line: int
    preamble_lines: int


def sniff(path: str | Path) -> Sniffed:
    """Decide encoding, delimiter and header line of ``path`` (reads the whole file once)."""
    path = Path(path)
    encoding, bom = detect_encoding(path)
    lines = _sample_lines(path, encoding)
    if not any(line.strip() for line in lines):
        raise SniffError(path, "the file is empty: there is no header line to read")
    delimiter = detect_delimiter(lines)
    header_line = detect_header_line(lines, delimiter)
    return Sniffed(
        encoding=encoding,
        bom=bom,
        delimiter=delimiter,
        header_line=header_line,
        preamble_lines=header_line - 1,
    )


def detect_encoding(path: Path) -> tuple[str, bool]:
    """Return ``(codec name, has BOM)``, streaming the file in 1 MiB chunks.

    Refuses workbooks and binary files: decoding those as 1252 would "succeed"
    and import garbage.
    """
    with path.open("rb") as handle:
        head = handle.read(CHUNK_BYTES)
        _refuse_binary(path, head)
        if head.startswith(_UTF32_BOMS):
            return "utf-32", True
        if head.startswith(_UTF16_BOMS):
            return "utf-16", True
        bom = head.startswith(_UTF8_BOM)
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head[len(_UTF8_BOM) :] if bom else head
        utf8 = True
        undefined_1252 = False
        while chunk:
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            # Checked in every chunk, the UTF-8-valid ones too: if a later chunk
            # proves the file is not UTF-8, an "Á" (C3 81) seen earlier is a 0x81.
            if not undefined_1252:
                undefined_1252 = _has_undefined_1252(chunk)
            if not utf8 and undefined_1252:
                break
            chunk = handle.read(CHUNK_BYTES)
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        return ("utf-8-sig" if bom else "utf-8"), bom
    return (cp1252_latin1.NAME if undefined_1252 else "cp1252"), bom


def _has_undefined_1252(chunk: bytes) -> bool:
    return any(byte in chunk for byte in _UNDEFINED_SINGLE)


_UNDEFINED_SINGLE: tuple[bytes, ...] = tuple(bytes([b]) for b in cp1252_latin1.UNDEFINED_IN_CP1252)


def _refuse_binary(path: Path, head: bytes) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise SniffError(
            path,
            "this is an Excel workbook (.xlsx) or another zip file, not a CSV: "
            'open it and save it as "CSV UTF-8 (comma delimited)"',
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SniffError(
            path,
            'this is an old Excel workbook (.xls), not a CSV: save it as "CSV UTF-8"',
        )
    if b"\x00" in head and not head.startswith(_UTF16_BOMS + _UTF32_BOMS):
        raise SniffError(
            path,
            "the file contains NUL bytes, so it is not a text CSV (perhaps UTF-16 "
            'without a byte-order mark): save it as "CSV UTF-8"',
        )


def _sample_lines(path: Path, encoding: str) -> list[str]:
    """The first physical lines (line endings kept, as `csv.reader` wants them)."""
    lines: list[str] = []
    size = 0
    with path.open(encoding=encoding, newline="") as handle:
        for line in handle:
            lines.append(line)
            size += len(line)
            if len(lines) >= SAMPLE_LINES or size >= SAMPLE_CHARS:
                break
    return lines


def _records(lines: Sequence[str], delimiter: str) -> list[tuple[int, list[str]]]:
    """Parse sample lines into ``(start line, cells)``; a cut-off last record is kept."""
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True)
    out: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for cells in reader:
            out.append((previous + 1, cells))
            previous = reader.line_num
    except csv.Error:
        pass  # a sample cut inside a huge quoted cell; what we have is enough
    return out


def _nonblank(records: Iterable[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    return [(line, cells) for line, cells in records if any(c.strip() for c in cells)]


def _data_width(records: Sequence[tuple[int, list[str]]]) -> tuple[int, int]:
    """``(most common cell count of at least 2, how many records have it)``; ``(1, 0)`` if none."""
    counts = Counter(len(cells) for _, cells in records if len(cells) >= 2)
    if not counts:
        return 1, 0
    width, freq = max(counts.items(), key=lambda item: (item[1], item[0]))
    return width, freq


def detect_delimiter(lines: Sequence[str]) -> str:
    """The candidate splitting the most records into one consistent cell count.

    Ties go to the wider split, then to the order of `DELIMITERS`. A file where
    no candidate yields two cells is a single-column file: comma.
    """
    best = ","
    best_score = (0, 0)
    for delimiter in DELIMITERS:
        width, freq = _data_width(_nonblank(_records(lines, delimiter)))
        score = (freq, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def looks_like_names(cells: Sequence[str]) -> bool:
    """A header names columns: mostly non-empty, mostly not numbers or dates."""
    stripped = [c.strip().lstrip("\ufeff") for c in cells]
    while stripped and not stripped[-1]:
        stripped.pop()  # a trailing delimiter on the header (x_education) is not a name
    filled = [c for c in stripped if c]
    if not filled or len(filled) * 2 < len(stripped):
        return False
    numeric = sum(1 for c in filled if _NUMERIC_OR_DATE.match(c))
    return numeric * 4 <= len(filled)


def _fits_width(cells: Sequence[str], width: int) -> bool:
    """Has ``width`` cells, or more where the extra trailing cells are empty."""
    if len(cells) == width:
        return True
    return len(cells) > width and not any(c.strip() for c in cells[width:])


def detect_header_line(lines: Sequence[str], delimiter: str) -> int:
    """1-based physical line of the header record (see the module docstring)."""
    records = _nonblank(_records(lines, delimiter))
    if not records:
        return 1
    width, freq = _data_width(records)
    if freq == 0:
        return records[0][0]  # single-column file: the first non-blank line names it
    for line, cells in records:
        if _fits_width(cells, width) and looks_like_names(cells):
            return line
    # No record of the data's width reads as names: most rows are probably
    # broken; the first record that does read as names is still the header.
    for line, cells in records:
        if looks_like_names(cells):
            return line
    return records[0][0]
