"""How many rows a file holds, guessed from its size before it is read.

A progress bar needs a total, and counting a 2 GB export's rows would mean
reading it twice. The first 64 KiB are read anyway to sniff the file, and
the lines of an export are much alike, so their mean length divides the
file's size well enough for a bar. The estimate can be off either way (long
notes further down, a footer), so the bar is held below 100% until the
import says it is done: a bar that reaches the end and keeps going lies.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_BYTES = 64 * 1024
"""Bytes read from the start of the file to measure its lines."""
CEILING = 0.99
"""The most a running import's bar shows: only the end of the import fills it."""


def estimate_rows(path: Path, *, sample_bytes: int = SAMPLE_BYTES) -> int:
    """The file's data rows (lines after the header line), estimated; 0 for an empty file.

    A file no longer than the sample is counted exactly (by its lines).
    Raises OSError when the file cannot be read.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(sample_bytes)
    if not head:
        return 0
    if len(head) >= size:
        lines = head.count(b"\n") + (0 if head.endswith(b"\n") else 1)
        return max(lines - 1, 0)
    complete = head[: head.rfind(b"\n") + 1]
    count = complete.count(b"\n")
    if count == 0:  # one line longer than the sample: no mean to divide by
        return 1
    mean = len(complete) / count
    return max(round(size / mean) - 1, 1)


def fraction_done(rows: int, estimate: int) -> float:
    """How far the bar stands after `rows` of an estimated `estimate`: 0 to CEILING."""
    if estimate <= 0:
        return 0.0
    return min(rows / estimate, CEILING)
