"""Progress for the import modal: the row estimate and how often the pipeline reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.importing.canonical import LAYOUTS
from slatui.importing.estimate import CEILING, estimate_rows, fraction_done
from slatui.importing.pipeline import PROGRESS_EVERY, Context, Options, Plan

HEADER = "occurred_at,type,account\n"


def events_file(path: Path, rows: int) -> Path:
    """`rows` events of one line each, 40 bytes a line (the header is 25)."""
    lines = [
        f"2026-11-02T10:{i // 60 % 60:02d}:{i % 60:02d}Z,call,acc-{i:09d}\n" for i in range(rows)
    ]
    assert all(len(line) == 40 for line in lines)
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------- estimate_rows


def test_a_file_inside_the_sample_is_counted_exactly(tmp_path: Path) -> None:
    assert estimate_rows(events_file(tmp_path / "e.csv", 100)) == 100


def test_a_last_line_without_newline_is_a_row(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(b"a,b\n1,2\n3,4")
    assert estimate_rows(path) == 2


def test_empty_and_header_only_files_have_no_rows(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header = tmp_path / "header.csv"
    header.write_bytes(b"a,b\n")
    assert (estimate_rows(empty), estimate_rows(header)) == (0, 0)


def test_a_big_file_is_estimated_from_its_first_lines(tmp_path: Path) -> None:
    # 20,000 rows of 40 bytes plus a 25-byte header: 800,025 bytes. A 4,096-byte
    # sample holds the header and 101 full rows (25 + 101*40 = 4,065 bytes): the
    # mean line is 4,065 / 102 = 39.853 bytes, so the file holds about
    # 800,025 / 39.853 = 20,074.3 lines, 20,073 rows after the header (+0.4%).
    path = events_file(tmp_path / "e.csv", 20_000)
    assert estimate_rows(path, sample_bytes=4_096) == 20_073


def test_one_line_longer_than_the_sample_still_estimates_a_row(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(b"x" * 10_000 + b"\n")
    assert estimate_rows(path, sample_bytes=1_024) == 1


def test_a_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        estimate_rows(tmp_path / "missing.csv")


def test_the_bar_stops_short_of_the_end_until_the_import_is_done() -> None:
    assert fraction_done(0, 1_000) == 0.0
    assert fraction_done(500, 1_000) == 0.5
    assert fraction_done(1_000, 1_000) == CEILING  # the estimate reached: not done yet
    assert fraction_done(1_500, 1_000) == CEILING  # an underestimate never overflows
    assert fraction_done(10, 0) == 0.0  # no estimate: the bar does not move


# ---------------------------------------------------------------- Options.progress_every


def read_all(path: Path, options: Options) -> None:
    plan = Plan(path, LAYOUTS["events"], Context(), options)
    for _ in plan.records(dry_run=True):
        pass


def test_progress_is_reported_every_n_rows_and_at_the_end(tmp_path: Path) -> None:
    path = events_file(tmp_path / "e.csv", 2_500)
    seen: list[int] = []
    read_all(path, Options(progress=seen.append, progress_every=1_000))
    assert seen == [1_000, 2_000, 2_500]


def test_a_count_that_divides_evenly_is_not_reported_twice(tmp_path: Path) -> None:
    path = events_file(tmp_path / "e.csv", 2_000)
    seen: list[int] = []
    read_all(path, Options(progress=seen.append, progress_every=1_000))
    assert seen == [1_000, 2_000]


def test_the_default_is_the_clis_hundred_thousand(tmp_path: Path) -> None:
    assert Options().progress_every == PROGRESS_EVERY == 100_000
    seen: list[int] = []
    read_all(events_file(tmp_path / "e.csv", 10), Options(progress=seen.append))
    assert seen == [10]  # only the end: fewer rows than one step


def test_progress_every_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Options(progress_every=0)
