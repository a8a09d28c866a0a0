"""Sniffing: encoding, delimiter and header line, each on a small file of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.importing import sniff as sniff_module
from slatui.importing.sniff import Sniffed, SniffError, sniff

from .support import FIXTURES


def test_utf8_bom() -> None:
    assert sniff(FIXTURES / "utf8_bom.csv") == Sniffed(
        encoding="utf-8-sig", bom=True, delimiter=",", header_line=1, preamble_lines=0
    )


def test_plain_utf8_has_no_bom() -> None:
    found = sniff(FIXTURES / "multiline_cell.csv")
    assert (found.encoding, found.bom) == ("utf-8", False)


def test_cp1252_with_a_byte_1252_does_not_define() -> None:
    # é (0xE9) alone is invalid UTF-8, so the file is 1252; 0x81 is undefined
    # in 1252, so the codec that maps it to U+0081 is chosen.
    found = sniff(FIXTURES / "cp1252.csv")
    assert found.encoding == "cp1252-latin1"
    assert found.bom is False
    assert found.delimiter == ","


def test_cp1252_without_undefined_bytes_is_plain_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "plain1252.csv"
    path.write_bytes(b"Name,Price\nJos\xe9,5\x80\n")
    assert sniff(path).encoding == "cp1252"


def test_utf8_validity_is_decided_over_the_whole_file(tmp_path: Path) -> None:
    # The only non-UTF-8 byte comes after 2 MiB of ASCII, past the first chunks.
    path = tmp_path / "late.csv"
    filler = b"a,b\n" * (sniff_module.CHUNK_BYTES // 2)
    path.write_bytes(b"A,B\n" + filler + b"caf\xe9,1\n")
    assert sniff(path).encoding == "cp1252"


def test_an_undefined_byte_before_the_proof_of_1252_is_still_seen(tmp_path: Path) -> None:
    # Chunk 1 is valid UTF-8 and holds "Á" (C3 81); chunk 2 has a lone 0xE9, so
    # the file is 1252 after all and its 0x81 byte needs the Latin-1 fallback.
    path = tmp_path / "early81.csv"
    first = b"A,B\n" + "Á,1\n".encode() + b"a,b\n" * (sniff_module.CHUNK_BYTES // 4)
    path.write_bytes(first + b"caf\xe9,2\n")
    assert sniff(path).encoding == "cp1252-latin1"


def test_a_utf8_character_split_across_chunks_is_still_utf8(tmp_path: Path) -> None:
    # "é" is C3 A9; the C3 is the last byte of the first 1 MiB chunk.
    path = tmp_path / "split.csv"
    head = b"A,B\n"
    pad = b"x" * (sniff_module.CHUNK_BYTES - len(head) - 1)
    path.write_bytes(head + pad + "é,1\n".encode())
    assert sniff(path).encoding == "utf-8"


def test_semicolon() -> None:
    # "1,5" and "Acme, Inc." hold commas, but only ";" splits all three records
    # into three cells.
    assert sniff(FIXTURES / "semicolon.csv").delimiter == ";"


def test_tab() -> None:
    # Commas ("VP, Marketing") and a semicolon ("Beta; Gamma") appear in the
    # values; only the tab gives every record three cells.
    assert sniff(FIXTURES / "tab.tsv").delimiter == "\t"


def test_report_preamble() -> None:
    # Lines 1-4: title, a quoted filter line (one cell), an unquoted filter line
    # (two cells), a blank line. Line 5 is the first record with the data's
    # three cells and it reads as names.
    found = sniff(FIXTURES / "report_preamble.csv")
    assert (found.delimiter, found.header_line, found.preamble_lines) == (",", 5, 4)


def test_footer_lines_do_not_move_the_header() -> None:
    assert sniff(FIXTURES / "report_footer.csv").header_line == 1


def test_header_with_trailing_delimiter_and_crlf() -> None:
    found = sniff(FIXTURES / "crlf_trailing_column.csv")
    assert (found.encoding, found.delimiter, found.header_line) == ("utf-8", ",", 1)


def test_single_column_file_is_comma(tmp_path: Path) -> None:
    path = tmp_path / "emails.csv"
    path.write_text("email\na@example.com\nb@example.com\n")
    found = sniff(path)
    assert (found.delimiter, found.header_line) == (",", 1)


def test_header_only_file(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("Record ID,First Name,Last Name\r\n")
    assert sniff(path).header_line == 1


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\n\n")
    with pytest.raises(SniffError, match="empty"):
        sniff(path)


def test_xlsx_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(SniffError, match="save it as"):
        sniff(path)


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16-no-bom.csv"
    path.write_bytes("a,b\n1,2\n".encode("utf-16-le"))
    with pytest.raises(SniffError, match="NUL"):
        sniff(path)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Name\tCity\nJosé\tBogotá\n".encode("utf-16"))
    found = sniff(path)
    assert (found.encoding, found.bom, found.delimiter) == ("utf-16", True, "\t")
