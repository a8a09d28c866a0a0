"""The import modal's last page: what an import read, wrote, rejected and noticed.

The CLI prints the same report as indented lines; the modal has the room
for a label column, and shows every count even when it is nothing, so a
person can see at a glance that nothing was rejected or damaged rather than
wonder whether it was checked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zoneinfo

from rich.table import Table
from rich.text import Text

from screens.import_jobs import ImportOutcome, plain, plural
from slatui.importing.pipeline import ImportReport
from slatui.importing.resolve import resolution_lines

LABEL_WIDTH = 19
MAX_REJECTS = 10
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


Rows = list[tuple[str, list[str]]]


def report_rows(outcome: ImportOutcome) -> Rows:
    """(label, lines) per row of the report, in the order shown."""
    return _already(outcome) if outcome.already else _rows(outcome)


def report_table(outcome: ImportOutcome) -> Table:
    """The report as a borderless two-column grid: long values wrap under themselves."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True, min_width=LABEL_WIDTH)
    grid.add_column(overflow="fold")
    for label, lines in report_rows(outcome):
        grid.add_row(Text(label), Text("\n".join(lines)))  # Text: no markup in file data
    return grid


def _already(outcome: ImportOutcome) -> Rows:
    report = outcome.report
    return [("file", [report.file]), ("layout", [report.layout])]


def _rows(outcome: ImportOutcome) -> Rows:
    report = outcome.report
    delimiter = DELIMITERS.get(report.delimiter, repr(report.delimiter))
    rows: Rows = [
        ("file", [report.file]),
        ("read as", [f"{report.layout} ({report.encoding}, {delimiter}-separated)"]),
        ("rows read", [f"{report.rows_read:,} (header on line {report.header_line})"]),
        ("imported", [_imported(outcome)]),
        ("rejected", _rejects(report)),
        ("skipped lines", [_skipped(report)]),
    ]
    if outcome.result is None:  # nothing was written: what was read would mislead
        return rows
    duplicates = outcome.result.duplicates
    shown = f"{plural(duplicates, 'event')} already in the workspace" if duplicates else "none"
    rows += [
        ("duplicates", [shown]),
        ("events per type", _types(report)),
        ("dates", [_dates(report)]),
        ("unclassified titles", _unclassified(report)),
        ("possible duplicates", _duplicate_accounts(report)),
        ("accounts", resolution_lines(report.accounts_resolved) or ["as given"]),
        ("repeated keys", _repeated(report)),
        ("encoding damage", _damage(report)),
        ("rejects file", [report.rejects_file or "none"]),
    ]
    return rows


def _imported(outcome: ImportOutcome) -> str:
    result = outcome.result
    if result is None:
        return "nothing: the file was refused"
    kinds = [(result.events, "event"), (result.accounts, "account"), (result.contacts, "contact")]
    made = ", ".join(plural(n, what) for n, what in kinds if n)
    return f"{made or 'nothing new'} (batch {result.batch.id})"


def _rejects(report: ImportReport) -> list[str]:
    if not report.rejected:
        return ["none"]
    lines = [f"{report.rejected:,}"]
    lines += [f"line {r.line}: {plain(r.reason)}" for r in report.rejects[:MAX_REJECTS]]
    if report.rejected > MAX_REJECTS:
        lines.append(f"... and {report.rejected - MAX_REJECTS:,} more")
    return lines


def _skipped(report: ImportReport) -> str:
    parts = [
        (report.preamble_skipped, "preamble"),
        (report.footer_skipped, "footer"),
        (report.blank_skipped, "blank"),
    ]
    return ", ".join(f"{n:,} {what}" for n, what in parts if n) or "none"


def _types(report: ImportReport) -> list[str]:
    if not report.events_by_type:
        return ["none"]
    width = max(len(kind) for kind in report.events_by_type)
    lines = []
    for kind, count in report.events_by_type.items():
        quantity = report.quantity_by_type.get(kind, count)
        extra = f" (quantity {quantity:,g})" if quantity != count else ""
        lines.append(f"{kind:<{width}}  {count:,}{extra}")
    for name, _, suggestion in report.unknown_types:
        hint = f", did you mean {suggestion}?" if suggestion else ""
        lines.append(f"{name}: not a known event type{hint}")
    return lines


def _dates(report: ImportReport) -> str:
    if report.first is None or report.last is None:
        return "none"
    zone: dt.tzinfo = dt.UTC
    if report.tz:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo(report.tz)  # the report's own zone; it was valid then
    shown = (m.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") for m in (report.first, report.last))
    return " to ".join(shown)


def _unclassified(report: ImportReport) -> list[str]:
    if not report.unclassified_count:
        return ["none"]
    lines = [f"{plural(report.unclassified_count, 'contact')} (a [sal.titles] rule places them)"]
    lines += [f"{title!r}: {n:,}" for title, n in report.unclassified_titles]
    return lines


def _duplicate_accounts(report: ImportReport) -> list[str]:
    groups = report.duplicate_candidates
    if not groups:
        return ["none"]
    return [" / ".join(repr(n) for n in g["names"]) + f": {g['reason']}" for g in groups]


def _repeated(report: ImportReport) -> list[str]:
    if not report.repeated_keys:
        return ["none"]
    return [
        f"{plural(n, 'row')} with the key of an earlier row ({kind}: the later row wins)"
        for kind, n in report.repeated_keys.items()
    ]


def _damage(report: ImportReport) -> list[str]:
    if not report.suspected_damage:
        return ["none"]
    lines = [f"{report.suspected_damage:,} cells, kept as they are"]
    return lines + list(report.damaged_examples)
