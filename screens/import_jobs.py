"""What the import modal does off the UI thread: read the header, preview, import.

Each function runs in a thread worker and touches no widget: it gets a
`Request` (the options as the modal read them on the UI thread) and returns
a value the modal shows, or `Refused` with the reason in plain words. The
import opens its own connection to the workspace, so the App's store (which
holds its lock during long writes) is never waited on, and the UI never
waits on SQLite either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from slatui.contract.model import Contract
from slatui.importing.dates import DateOrder
from slatui.importing.estimate import estimate_rows
from slatui.importing.layouts import Choice, all_layouts, choose_file
from slatui.importing.pipeline import ImportRefused, ImportReport, Options, Plan, RowsRejected
from slatui.importing.source import SourceError
from slatui.importing.workspace import context_for
from store import AlreadyImported, BatchResult, Store, StoreError

PREVIEW_ROWS = 10


@dataclass(frozen=True)
class Request:
    """The modal's options, read on the UI thread: which file, read how."""

    path: Path
    layout: str
    tz: str | None = None
    order: DateOrder | None = None
    skip_bad_rows: bool = False


@dataclass(frozen=True)
class Refused:
    """The file cannot be read (or imported) with these options; `reason` says why."""

    reason: str


@dataclass(frozen=True)
class Preview:
    """The first rows as the layout maps them: (line, field values), fields in file order."""

    fields: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class ImportOutcome:
    """What an import came to: the batch (None when nothing was added), the report, in words.

    `result` is None when the file was already a batch or rows were rejected
    without "skip bad rows"; `report` is then what was read before stopping.
    """

    result: BatchResult | None
    report: ImportReport
    message: str
    already: bool = False


class Stopped(Exception):
    """Raised from the progress callback when the user stops the import: it rolls back."""


def resolve(text: str) -> Path:
    """The path as typed: `~` is the home folder, a relative path starts in the cwd."""
    return Path(text.strip()).expanduser()


def detect(path: Path) -> Choice | Refused:
    """Which layout the file's header calls for, and why."""
    if path.is_dir():
        return Refused(f"{path.name} is a folder; name a CSV file in it")
    try:
        return choose_file(path)
    except FileNotFoundError:
        return Refused(f"{path.name}: no such file")
    except OSError as exc:
        return Refused(f"{path.name}: {exc.strerror or exc}")
    except SourceError as exc:
        return Refused(plain(str(exc)))


def preview(request: Request, contract: Contract | None) -> Preview | Refused:
    """The first rows as mapped; refusals (columns, dates, encoding, zone) in plain words."""
    try:
        plan = _plan(request, contract, Options())
        rows = plan.first_rows(PREVIEW_ROWS)
    except ImportRefused as exc:
        return Refused(plain(str(exc)))
    except (OSError, SourceError) as exc:
        return Refused(plain(f"{request.path.name}: {exc}"))
    return Preview(tuple(plan.mapping.values()), rows)


def estimate(path: Path) -> int:
    """The file's rows, estimated for the progress bar (0 when it cannot be read)."""
    try:
        return estimate_rows(path)
    except OSError:
        return 0


def run_import(
    request: Request,
    contract: Contract | None,
    db_path: Path,
    progress: Callable[[int], None],
    every: int,
) -> ImportOutcome | Refused:
    """Import the file as one batch through a connection of its own.

    `progress(rows)` is called every `every` rows; raising `Stopped` from it
    stops the import, which rolls back (the exception propagates).
    """
    options = Options(skip_bad_rows=request.skip_bad_rows, progress=progress, progress_every=every)
    try:
        with Store.open(db_path, create=False) as store:
            plan = _plan(request, contract, options)
            return _write(store, plan)
    except ImportRefused as exc:
        return Refused(plain(str(exc)))
    except StoreError as exc:
        return Refused(str(exc))
    except (OSError, SourceError) as exc:
        return Refused(plain(f"{request.path.name}: {exc}"))


def _plan(request: Request, contract: Contract | None, options: Options) -> Plan:
    layouts = all_layouts()
    if request.layout not in layouts:
        raise ImportRefused(f"{request.layout!r} is not a layout; choose one from the list")
    context = context_for(contract, tz=request.tz, order=request.order)
    return Plan(request.path, layouts[request.layout], context, options)


def _write(store: Store, plan: Plan) -> ImportOutcome:
    from store.pilot_import import run_plan

    try:
        result = run_plan(store, plan)
    except AlreadyImported as exc:
        message = (
            f"{plan.file_name} was already imported as batch {exc.batch_id}; nothing was added "
            f"(undo batch {exc.batch_id} to import it again)"
        )
        return ImportOutcome(None, plan.report(), message, already=True)
    except RowsRejected as exc:
        return ImportOutcome(None, exc.report, _rejected(plan.file_name, exc.report))
    return ImportOutcome(result, plan.report(), _imported(result))


def _imported(result: BatchResult) -> str:
    batch = result.batch
    kinds = [(result.events, "event"), (result.accounts, "account"), (result.contacts, "contact")]
    made = ", ".join(plural(n, what) for n, what in kinds if n) or "nothing new"
    return f"imported {batch.file_name} as batch {batch.id}: {made}"


def _rejected(name: str, report: ImportReport) -> str:
    others = report.rows_read - report.rejected
    return (
        f"{name}: {plural(report.rejected, 'row')} rejected, so nothing was imported; "
        f'b goes back, where "skip bad rows" imports the other {others:,}'
    )


def plural(count: float, noun: str) -> str:
    """ "1 event", "1,184 events"."""
    shown = f"{int(count):,}" if float(count).is_integer() else f"{count:,}"
    return f"{shown} {noun}{'' if count == 1 else 's'}"


_CLI_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"say which with --dayfirst or --monthfirst, or give --date-format(?: \([^)]*\))?"
        ),
        'choose "day first" or "month first" under Dates',
    ),
    (
        re.compile(r"for another form give --date-format, --dayfirst or --monthfirst"),
        'for another form choose "day first" or "month first" under Dates',
    ),
    (re.compile(r"give --tz ZONE \(e\.g\. --tz ([\w/+-]+)\)"), r"type a zone (e.g. \1) under Zone"),
    (re.compile(r"--tz (\S+): not a time zone name"), r"zone \1: not a time zone name"),
    (re.compile(r"(?:import the rest )?with --skip-bad-rows"), 'with "skip bad rows"'),
    (re.compile(r"use --skip-bad-rows"), 'tick "skip bad rows"'),
    (
        re.compile(r"\(--map COLUMN=FIELD maps a column, --map COLUMN= ignores it\)"),
        "(rename the column in the file, or map it with slatui import --map in a terminal)",
    ),
)


def plain(message: str) -> str:
    """A pipeline message with the CLI's options replaced by what the modal calls them."""
    for pattern, words in _CLI_WORDS:
        message = pattern.sub(words, message)
    return message
