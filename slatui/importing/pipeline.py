"""The import plan: sniff → source → mapping → records, rejects and counts.

Every way into the workspace from a file runs through here, so every import
gets the same guarantees: the file is read as `sniff` decides, its columns
are mapped onto fields (and unknown or missing columns refused before a row
is read), each row becomes records or a reject with its line and reason, and
the counts (rows read, rejected, skipped preamble/footer/blank lines, events
per type, the date range, unclassified titles, ...) fill one `ImportReport`.

A **layout** says how a kind of file becomes records: the canonical CSV of
each kind (`slatui.importing.canonical`) and every preset for a real export
(`slatui.importing.presets`, whose `PRESETS` maps a name to a `Layout`) are
one each. A layout is just a column mapping plus a function from a mapped row
to records::

    Layout(name="hubspot-contacts", kind="contacts", fields=(...), required=(...),
           columns={"Record ID": "key", "Job Title": "title", ...},
           convert=lambda row, ctx: (ContactRecord(key=..., line=row.line),))

`convert` receives a `Row` whose `values` are keyed by *field* (only mapped
fields are present) and the `Context` (zone, date order, title rules, tiers);
it returns the row's records, or raises `RowReject(reason)`. `--map col=field`
overrides or completes any layout's mapping, `--map col=` ignores a column.

This module writes nothing to the workspace (domain code does not import the
store): `Plan.streams()` hands the records to whoever writes them
(`store.pilot_import.run_plan`), and `Plan.preview()` is the dry run.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import os
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from slatui.accounts import duplicate_candidates
from slatui.events import KNOWN_EVENT_TYPES
from slatui.importing.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    AmbiguousDates,
    DateError,
    DateOrder,
    MixedDateOrder,
    localize,
    parse_timestamp,
    resolve_order,
)
from slatui.importing.resolve import AccountResolver, KnownAccount
from slatui.importing.sniff import SniffError, sniff
from slatui.importing.source import CsvSource, Row, RowProblem, SourceError
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

Record = AccountRecord | ContactRecord | EventRecord
RecordKind = Literal["events", "accounts", "contacts"]
Convert = Callable[[Row, "Context"], Sequence[Record]]

PROGRESS_EVERY = 100_000
MAX_LISTED = 20
MAX_NAMES = 200_000  # account names kept for duplicate candidates
HASH_CHUNK = 1 << 20


class ImportRefused(Exception):
    """The file as a whole cannot be imported; `str()` says why and what to do.

    Not a ValueError, so that a row's `except ValueError` (a reject) never
    swallows a refusal of the whole file raised while converting it.
    """


class NoZone(ImportRefused):
    """A naive time and no zone to place it in (no agreement and no --tz)."""


class RowsRejected(ImportRefused):
    """Rows were rejected and --skip-bad-rows was not given: nothing is imported."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


class RowReject(ValueError):
    """Raised by a layout's `convert`: this row cannot become records (the reason)."""


# ---------------------------------------------------------------- layouts


@dataclass(frozen=True)
class Layout:
    """How one kind of file becomes records: a column mapping plus a row function.

    ``fields`` are every field ``convert`` reads, ``required`` those that must
    be mapped. ``columns`` maps source column names (matched ignoring case) to
    fields; a column named like a field maps to it too. ``unknown_columns``
    says whether other columns are an error (the canonical CSV: a misspelt
    column is data silently lost) or ignored (an export with 300 columns).
    ``date_fields`` are fields whose day/month order is settled over the whole
    column before the rows are read (see `slatui.importing.dates`).
    """

    name: str
    kind: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    convert: Convert
    produces: frozenset[RecordKind]
    columns: Mapping[str, str] = field(default_factory=dict)
    unknown_columns: Literal["error", "ignore"] = "ignore"
    date_fields: tuple[str, ...] = ()
    preset: str | None = None


class _Unzoned(dt.tzinfo):
    """The zone of a workspace without an agreement: placing a naive time in it fails."""

    def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
        raise NoZone(
            "the file has times without a zone and the workspace has no agreement to "
            "take one from; give --tz ZONE (e.g. --tz America/New_York)"
        )

    def dst(self, _: dt.datetime | None) -> dt.timedelta:
        return self.utcoffset(None)

    def tzname(self, _: dt.datetime | None) -> str:
        return "no zone"


UNZONED: dt.tzinfo = _Unzoned()


@dataclass(frozen=True)
class Context:
    """What converting a row needs to know beyond the row.

    ``zone`` places naive times (the agreement's, or --tz); ``tiers`` are the
    agreement's tier ids (empty: not checked); ``title_rules`` are the
    agreement's ``[sal.titles]``; ``orders`` the day/month order per date field.
    """

    zone: dt.tzinfo = UNZONED
    zone_name: str | None = None
    tiers: tuple[str, ...] = ()
    title_rules: Mapping[str, Sequence[str]] = field(default_factory=dict)
    date_format: str | None = None
    order: DateOrder | None = None
    orders: Mapping[str, DateOrder | None] = field(default_factory=dict)

    def instant(
        self,
        text: str,
        field_name: str = "",
        *,
        iso_only: bool = False,
        excel_serial: bool = False,
    ) -> dt.datetime:
        """A cell as an aware UTC datetime; DateError (a reject) when it is not one.

        ISO 8601 takes a fast path; everything else goes to
        `slatui.importing.dates.parse_timestamp` with the column's order.
        `iso_only` (the canonical CSV) accepts other forms only when the user
        named them (--date-format, --dayfirst, --monthfirst).
        """
        if self.date_format is None:
            iso_like = len(text) >= 10 and text[4] == "-"
            if iso_like:
                try:
                    moment = dt.datetime.fromisoformat(text)
                except ValueError:
                    pass
                else:
                    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
                        raise DateError(text, f"outside the years {FIRST_YEAR}-{LAST_YEAR}")
                    zone = moment.tzinfo
                    if zone is None:
                        return localize(moment, self.zone)
                    return moment if zone is dt.UTC else moment.astimezone(dt.UTC)
            elif iso_only and self.order is None:
                raise DateError(
                    text,
                    "not ISO 8601 (e.g. 2026-11-02T14:05:00Z, or with an offset); "
                    "for another form give --date-format, --dayfirst or --monthfirst",
                )
        return parse_timestamp(
            text,
            tz=self.zone,
            order=self.orders.get(field_name, self.order),
            date_format=self.date_format,
            excel_serial=excel_serial,
        )

    def tier(self, text: str) -> str:
        """A tier id of the agreement (matched ignoring case); RowReject otherwise."""
        if not self.tiers or text in self.tiers:
            return text
        for tier in self.tiers:
            if tier.casefold() == text.casefold():
                return tier
        close = difflib.get_close_matches(text.casefold(), self.tiers, n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise RowReject(
            f"tier {text!r} is not a tier of the agreement{hint}; the tiers are "
            + ", ".join(self.tiers)
        )


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """--tz ZONE as a zone, or ImportRefused with the closest IANA name."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise ImportRefused(
            f"--tz {name}: not a time zone name{hint}; use an IANA name such as America/New_York"
        ) from None


# ---------------------------------------------------------------- options and report


@dataclass(frozen=True)
class Options:
    """How to read the file: from the command line or the import modal."""

    skip_bad_rows: bool = False
    overrides: Mapping[str, str] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    rejects_path: Path | None = None  # default: FILE.rejects.csv next to FILE
    progress_every: int = PROGRESS_EVERY
    """Rows between two `progress` calls: the CLI prints a line per 100,000, the
    import modal moves a bar, which needs calls often enough to move it."""

    def __post_init__(self) -> None:
        if self.progress_every < 1:
            raise ValueError(f"progress_every must be at least 1, not {self.progress_every}")


@dataclass(frozen=True)
class Reject:
    """A row that was not imported: its line, why, and its cells as read."""

    line: int
    reason: str
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """Everything an import saw; the dry run prints it, the batch stores it as JSON."""

    file: str
    layout: str
    kind: str
    preset: str | None
    tz: str | None
    encoding: str
    delimiter: str
    header_line: int
    mapping: dict[str, str]
    rows_read: int
    events: int
    accounts: int
    contacts: int
    events_by_type: dict[str, int]
    quantity_by_type: dict[str, float]
    first: dt.datetime | None
    last: dt.datetime | None
    rejected: int
    rejects: list[Reject]
    rejects_file: str | None
    preamble_skipped: int
    footer_skipped: int
    blank_skipped: int
    footer_examples: list[str]
    suspected_damage: int
    damaged_examples: list[str]
    renamed_columns: list[str]
    unclassified_titles: list[tuple[str, int]]
    unclassified_count: int
    duplicate_candidates: list[dict[str, Any]]
    unknown_types: list[tuple[str, int, str | None]]
    accounts_resolved: dict[str, Any] = field(default_factory=dict)
    repeated_keys: dict[str, int] = field(default_factory=dict)  # kind -> rows saying a key again

    @property
    def skipped(self) -> int:
        """Lines that were not rows: preamble, footer and blank lines."""
        return self.preamble_skipped + self.footer_skipped + self.blank_skipped

    @property
    def records(self) -> int:
        """Records the rows became (events, account and contact records)."""
        return self.events + self.accounts + self.contacts

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values (the batch's stored report, `--json` output)."""
        return {
            "file": self.file,
            "layout": self.layout,
            "kind": self.kind,
            "preset": self.preset,
            "tz": self.tz,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "header_line": self.header_line,
            "mapping": self.mapping,
            "rows_read": self.rows_read,
            "records": {
                "events": self.events,
                "accounts": self.accounts,
                "contacts": self.contacts,
            },
            "events_by_type": self.events_by_type,
            "quantity_by_type": self.quantity_by_type,
            "first": None if self.first is None else self.first.isoformat(),
            "last": None if self.last is None else self.last.isoformat(),
            "rejected": self.rejected,
            "rejects": [{"line": r.line, "reason": r.reason} for r in self.rejects],
            "rejects_file": self.rejects_file,
            "skipped": {
                "preamble": self.preamble_skipped,
                "footer": self.footer_skipped,
                "blank": self.blank_skipped,
            },
            "footer_examples": self.footer_examples,
            "suspected_damage": self.suspected_damage,
            "damaged_examples": self.damaged_examples,
            "renamed_columns": self.renamed_columns,
            "unclassified_titles": [[t, n] for t, n in self.unclassified_titles],
            "unclassified_count": self.unclassified_count,
            "duplicate_candidates": self.duplicate_candidates,
            "accounts_resolved": self.accounts_resolved,
            "repeated_keys": self.repeated_keys,
            "unknown_types": [[t, n, s] for t, n, s in self.unknown_types],
        }


@dataclass(frozen=True)
class Streams:
    """The records of a plan by kind, consumed in this order: events, accounts, contacts."""

    events: Iterable[EventRecord]
    accounts: Iterable[AccountRecord]
    contacts: Iterable[ContactRecord]


# ---------------------------------------------------------------- the plan


def file_digest(path: Path) -> str:
    """The file's SHA-256 (hex), streamed: what makes "the same file" the same."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Plan:
    """One file, read through one layout: stream it once, then read its report."""

    def __init__(self, path: Path, layout: Layout, context: Context, options: Options) -> None:
        """Sniff and map; raises ImportRefused for a file that cannot be imported."""
        self.path = path
        self.layout = layout
        self.options = options
        self.sha256 = _digest_or_refuse(path)
        self._rejects: list[Reject] = []
        self._reject_count = 0
        self._writer: Any = None
        self._rejects_handle: Any = None
        self._rejects_written = False
        self._listening = False
        self.rejects_path = options.rejects_path or path.with_name(path.name + ".rejects.csv")
        self._part = self.rejects_path.with_name(self.rejects_path.name + ".part")
        if options.skip_bad_rows and self.rejects_path.is_dir():
            raise ImportRefused(
                f"{self.rejects_path} is a directory: the rejected rows go to a file of that "
                "name; move the directory away first"
            )
        try:
            sniffed = sniff(path)
            self.source = CsvSource.open(path, sniffed=sniffed, on_problem=self._problem)
        except (SniffError, SourceError) as exc:
            raise ImportRefused(str(exc)) from None
        except OSError as exc:
            raise ImportRefused(f"{path}: {exc.strerror or exc}") from None
        self.mapping = resolve_columns(path, self.source.header, layout, options.overrides)
        self._identity = all(column == name for column, name in self.mapping.items()) and len(
            self.mapping
        ) == len(self.source.header)
        self.context = self._settle_dates(context)
        self._tally = _Tally()
        self._streamed = False
        self._resolver: AccountResolver | None = None
        self._known_names: dict[str, str] = {}

    @property
    def file_name(self) -> str:
        """The file's name as batches list it."""
        return self.path.name

    @property
    def kind(self) -> str:
        """The batch kind: events / accounts / contacts or the preset's name."""
        return self.layout.kind

    # ------------------------------------------------------------ streaming

    def records(self, *, dry_run: bool = False) -> Iterator[Record]:
        """Every record of the file in order; rejects go to the report, and with
        --skip-bad-rows to the rejects file (not in a dry run).

        Writing without --skip-bad-rows, the first reject dooms the file: rows
        are still converted (to list every reject) but no more records are
        yielded, since the transaction will be rolled back anyway.
        """
        if self._streamed:
            raise RuntimeError("a plan streams its file once")
        self._streamed = True
        convert = self.layout.convert
        context = self.context
        doomed_by_rejects = not (dry_run or self.options.skip_bad_rows)
        progress = self.options.progress
        every = self.options.progress_every
        tally = self._tally
        pairs = list(self.mapping.items())
        identity = self._identity
        read = 0
        if self.options.skip_bad_rows and not dry_run:
            self._open_rejects()
        self._listening = True
        try:
            for row in self.source.rows():
                read += 1
                if progress is not None and read % every == 0:
                    progress(read)
                mapped = row if identity else Row(row.line, {f: row.values[c] for c, f in pairs})
                try:
                    produced = convert(mapped, context)
                except ValueError as exc:  # RowReject, DateError, ValueProblem, a record's check
                    self._reject(Reject(row.line, str(exc), tuple(row.values.values())))
                    continue
                if doomed_by_rejects and self._reject_count:
                    continue
                for record in produced:
                    tally.add(record)
                    yield record
        finally:
            self._listening = False
        if progress is not None and read % every:
            progress(read)

    def resolve_accounts(self, known: Iterable[KnownAccount]) -> None:
        """Attach the file's accounts and references to these workspace accounts
        (see `slatui.importing.resolve`); call before streaming."""
        resolver = AccountResolver(known)
        self._resolver = resolver if resolver.holds_accounts else None
        self._known_names = {a.key: a.name for a in resolver.known if a.name}

    def _resolved(self, records: Iterator[Record]) -> Iterator[Record]:
        return records if self._resolver is None else self._resolver.resolve(records)

    def streams(self) -> Streams:
        """The records split by kind, for `Store.import_batch`."""
        records = self._resolved(self.records())
        kinds = self.layout.produces
        # One kind: the layout's records go straight through (no per-record layer).
        if kinds == {"events"}:
            return Streams(events=cast(Iterator[EventRecord], records), accounts=(), contacts=())
        if kinds == {"accounts"}:
            return Streams(events=(), accounts=cast(Iterator[AccountRecord], records), contacts=())
        if kinds == {"contacts"}:
            return Streams(events=(), accounts=(), contacts=cast(Iterator[ContactRecord], records))
        split = _Split(records)
        return Streams(events=split.events(), accounts=split.accounts(), contacts=split.contacts())

    def finish(self) -> ImportReport:
        """The report once the records are consumed; RowsRejected when rows were
        rejected without --skip-bad-rows (nothing may be written then).

        The file is hashed again first: a file replaced or appended to while it
        was read would be recorded under the digest of what it was before, and
        the real file later refused as "already imported".
        """
        if _digest_or_refuse(self.path) != self.sha256:
            raise ImportRefused(
                f"{self.path}: the file changed while it was being imported; nothing was "
                "written (import it again once it is complete)"
            )
        report = self.report()
        if report.rejected and not self.options.skip_bad_rows:
            raise RowsRejected(_rejected_message(self.path, report), report)
        return report

    def preview(self) -> ImportReport:
        """The dry run: read and convert everything, write nothing, report."""
        for _ in self._resolved(self.records(dry_run=True)):
            pass
        return self.report()

    def first_rows(self, count: int = 10) -> list[tuple[int, dict[str, str]]]:
        """The first rows as mapped (line, field values), for a preview; before streaming."""
        if self._streamed:
            raise RuntimeError("first_rows reads the file afresh: call it before streaming")
        shown: list[tuple[int, dict[str, str]]] = []
        pairs = list(self.mapping.items())
        for row in self.source.rows():
            shown.append((row.line, {f: row.values[c] for c, f in pairs}))
            if len(shown) >= count:
                break
        return shown

    # ------------------------------------------------------------ rejects file

    def keep_rejects(self) -> None:
        """After the import committed: the rejects file takes its final name."""
        self._close_rejects()
        if self._reject_count and self.options.skip_bad_rows and self._part.exists():
            os.replace(self._part, self.rejects_path)
        else:
            self._part.unlink(missing_ok=True)

    def discard_rejects(self) -> None:
        """The import did not happen: no rejects file is left behind."""
        self._close_rejects()
        self._part.unlink(missing_ok=True)

    # ------------------------------------------------------------ report

    def report(self) -> ImportReport:
        """What was read so far (complete once the records are consumed)."""
        source = self.source.report
        tally = self._tally
        rejects_file = None
        if self._rejects_written and self._reject_count:
            rejects_file = str(self.rejects_path)
        return ImportReport(
            file=str(self.path),
            layout=self.layout.name,
            kind=self.layout.kind,
            preset=self.layout.preset,
            tz=self.context.zone_name,
            encoding=source.encoding,
            delimiter=source.delimiter,
            header_line=source.header_line,
            mapping={} if self._identity else dict(self.mapping),
            rows_read=source.rows + source.problem_count,
            events=tally.events,
            accounts=tally.accounts,
            contacts=tally.contacts,
            events_by_type=dict(sorted(tally.types.items())),
            quantity_by_type=dict(sorted(tally.quantities.items())),
            first=tally.first,
            last=tally.last,
            rejected=self._reject_count,
            rejects=list(self._rejects),
            rejects_file=rejects_file,
            preamble_skipped=source.preamble_skipped,
            footer_skipped=source.footer_skipped,
            blank_skipped=source.blank_skipped,
            footer_examples=list(source.footer_examples),
            suspected_damage=source.suspected_damage,
            damaged_examples=list(source.damaged_examples),
            renamed_columns=[
                f"column {fix.position} {fix.original!r} read as {fix.name!r} ({fix.reason})"
                for fix in source.renamed_columns
            ],
            unclassified_titles=tally.unclassified.most_common(MAX_LISTED),
            unclassified_count=sum(tally.unclassified.values()),
            duplicate_candidates=_duplicate_candidates(tally.names, self._known_names),
            unknown_types=_unknown_types(tally.types),
            repeated_keys={k: n for k, n in tally.repeated.items() if n},
            accounts_resolved=(
                {} if self._resolver is None else self._resolver.resolution().as_json()
            ),
        )

    # ------------------------------------------------------------ internals

    def _problem(self, problem: RowProblem) -> None:
        if self._listening:  # not while a pre-pass (date order, first rows) reads the file
            self._reject(Reject(problem.line, problem.reason, problem.cells))

    def _reject(self, reject: Reject) -> None:
        self._reject_count += 1
        if len(self._rejects) < MAX_LISTED:
            self._rejects.append(reject)
        if self._writer is not None:
            self._writer.writerow([reject.line, reject.reason, *reject.cells])

    def _open_rejects(self) -> None:
        try:
            self._rejects_handle = self._part.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ImportRefused(
                f"cannot write the rejects file {self.rejects_path}: {exc.strerror or exc}"
            ) from None
        self._writer = csv.writer(self._rejects_handle)
        self._rejects_written = True
        self._writer.writerow(["line", "reason", *self.source.header])

    def _close_rejects(self) -> None:
        if self._rejects_handle is not None:
            self._rejects_handle.close()
            self._rejects_handle = None
            self._writer = None

    def _settle_dates(self, context: Context) -> Context:
        """Decide each date column's day/month order over the whole column, or refuse."""
        fields = [f for f in self.layout.date_fields if f in self.mapping.values()]
        if not fields or context.date_format is not None:
            return context
        column = {f: c for c, f in self.mapping.items()}
        orders: dict[str, DateOrder | None] = {}
        for name in fields:
            values = (row.values[column[name]] for row in self.source.rows())
            try:
                orders[name] = resolve_order(column[name], values, context.order)
            except (AmbiguousDates, MixedDateOrder) as exc:
                raise ImportRefused(f"{self.path}: {exc}") from None
        return Context(
            zone=context.zone,
            zone_name=context.zone_name,
            tiers=context.tiers,
            title_rules=context.title_rules,
            date_format=context.date_format,
            order=context.order,
            orders=orders,
        )


def _digest_or_refuse(path: Path) -> str:
    if path.is_dir():
        raise ImportRefused(f"{path} is a directory; name a CSV file")
    try:
        return file_digest(path)
    except FileNotFoundError:
        raise ImportRefused(f"{path}: no such file") from None
    except OSError as exc:
        raise ImportRefused(f"{path}: {exc.strerror or exc}") from None


class _Split:
    """One record stream as three, for layouts that produce several kinds per row."""

    def __init__(self, records: Iterator[Record]) -> None:
        self._records = records
        self._events: list[EventRecord] = []
        self._accounts: list[AccountRecord] = []
        self._contacts: list[ContactRecord] = []

    def events(self) -> Iterator[EventRecord]:
        yield from self._events
        self._events.clear()
        for record in self._records:
            if isinstance(record, EventRecord):
                yield record
            else:
                self._keep(record)

    def accounts(self) -> Iterator[AccountRecord]:
        self._drain()
        yield from self._accounts

    def contacts(self) -> Iterator[ContactRecord]:
        self._drain()
        yield from self._contacts

    def _drain(self) -> None:
        for record in self._records:
            self._keep(record)

    def _keep(self, record: Record) -> None:
        if isinstance(record, EventRecord):
            self._events.append(record)
        elif isinstance(record, AccountRecord):
            self._accounts.append(record)
        else:
            self._contacts.append(record)


class _Tally:
    """Counts kept while records stream past (cheap per record)."""

    def __init__(self) -> None:
        self.events = 0
        self.accounts = 0
        self.contacts = 0
        self.types: dict[str, int] = {}
        self.quantities: dict[str, float] = {}
        self.first: dt.datetime | None = None
        self.last: dt.datetime | None = None
        self.unclassified: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.keys: dict[str, set[str]] = {"accounts": set(), "contacts": set()}
        self.repeated: dict[str, int] = {"accounts": 0, "contacts": 0}

    def add(self, record: Record) -> None:
        if type(record) is EventRecord:
            self.events += 1
            kind = record.type
            self.types[kind] = self.types.get(kind, 0) + 1
            self.quantities[kind] = self.quantities.get(kind, 0.0) + record.quantity
            moment = record.occurred_at
            if self.first is None or moment < self.first:
                self.first = moment
            if self.last is None or moment > self.last:
                self.last = moment
        elif isinstance(record, AccountRecord):
            self.accounts += 1
            self._key("accounts", record.key)
            if record.name and len(self.names) < MAX_NAMES:
                self.names.setdefault(record.key, record.name)
        elif isinstance(record, ContactRecord):
            self.contacts += 1
            self._key("contacts", record.key)
            if record.title and record.seniority is None:
                self.unclassified[record.title] += 1

    def _key(self, kind: str, key: str) -> None:
        """A key a row of the file already gave: the later row's values replace the earlier."""
        seen = self.keys[kind]
        if key in seen:
            self.repeated[kind] += 1
        else:
            seen.add(key)


# ---------------------------------------------------------------- columns


def resolve_columns(
    path: Path, header: Sequence[str], layout: Layout, overrides: Mapping[str, str]
) -> dict[str, str]:
    """Source column → field, from the layout and the --map overrides; or ImportRefused.

    Refuses: an override naming a column the file lacks or a field the layout
    does not have, two columns for one field, unknown columns where the layout
    forbids them, and required fields no column provides.
    """
    fields = {f.casefold(): f for f in layout.fields}
    named = {c.casefold(): f for c, f in layout.columns.items()}
    mapping: dict[str, str] = {}
    for column in header:
        key = column.strip().casefold()
        target = named.get(key) or fields.get(key)
        if target is not None:
            mapping[column] = target
    ignored: set[str] = set()
    by_name = {c.casefold(): c for c in header}
    for column, target in overrides.items():
        actual = by_name.get(column.strip().casefold())
        if actual is None:
            raise ImportRefused(
                f"--map {column}={target}: {path.name} has no column {column!r}"
                + _closest(column, header)
            )
        if not target:
            mapping.pop(actual, None)
            ignored.add(actual)
            continue
        known = fields.get(target.casefold())
        if known is None:
            raise ImportRefused(
                f"--map {column}={target}: {target!r} is not a field of {layout.name}"
                + _closest(target, layout.fields)
                + f"; the fields are {', '.join(layout.fields)}"
            )
        for other, mapped in list(mapping.items()):
            if mapped == known and other != actual:
                del mapping[other]
        mapping[actual] = known
    _refuse_doubles(path, mapping)
    if layout.unknown_columns == "error":
        unknown = [c for c in header if c not in mapping and c not in ignored]
        if unknown:
            hints = "; ".join(f"{c!r}{_closest(c, layout.fields)}" for c in unknown)
            raise ImportRefused(
                f"{path.name}: unknown column{'s' if len(unknown) > 1 else ''} {hints}; "
                f"the {layout.name} columns are {', '.join(layout.fields)} "
                "(--map COLUMN=FIELD maps a column, --map COLUMN= ignores it)"
            )
    missing = [f for f in layout.required if f not in mapping.values()]
    if missing:
        raise ImportRefused(
            f"{path.name}: missing required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (the file has {', '.join(header) or 'no columns'}; "
            "--map COLUMN=FIELD names one)"
        )
    return mapping


def _refuse_doubles(path: Path, mapping: Mapping[str, str]) -> None:
    seen: dict[str, str] = {}
    for column, target in mapping.items():
        if target in seen:
            raise ImportRefused(
                f"{path.name}: columns {seen[target]!r} and {column!r} both map to {target}; "
                f"ignore one with --map {column}="
            )
        seen[target] = column


def _closest(word: str, options: Iterable[str]) -> str:
    choices = list(options)
    lowered = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean {lowered[close[0]]}?)" if close else ""


# ---------------------------------------------------------------- report helpers


def _rejected_message(path: Path, report: ImportReport) -> str:
    noun = "row" if report.rejected == 1 else "rows"
    lines = [
        f"{path.name}: {report.rejected} {noun} rejected, so nothing was imported "
        "(fix them, or import the rest with --skip-bad-rows)"
    ]
    lines += [f"  line {r.line}: {r.reason}" for r in report.rejects[:10]]
    if report.rejected > 10:
        lines.append(f"  ... and {report.rejected - 10} more")
    return "\n".join(lines)


def _unknown_types(types: Mapping[str, int]) -> list[tuple[str, int, str | None]]:
    """Event types slatui has no name for, with the closest known one (a misspelling?)."""
    out: list[tuple[str, int, str | None]] = []
    known = sorted(KNOWN_EVENT_TYPES)
    for name, n in sorted(types.items()):
        if name not in KNOWN_EVENT_TYPES:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
            out.append((name, n, close[0] if close else None))
    return out


def _duplicate_candidates(
    names: Mapping[str, str], known: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Accounts whose names say they may be one company (never merged): within the
    file, and between the file and the workspace (a group of workspace accounts
    only is left out: that is not this file's news)."""
    if not names:
        return []
    pairs = [*names.items(), *((k, n) for k, n in known.items() if k not in names)]
    if len(pairs) < 2:
        return []
    groups = [g for g in duplicate_candidates(pairs) if any(k in names for k in g.keys)]
    return [
        {"keys": list(g.keys), "names": list(g.names), "reason": g.reason}
        for g in groups[:MAX_LISTED]
    ]
