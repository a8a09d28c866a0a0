"""`slatui import KIND FILE.csv` and `slatui import FILE --preset NAME`: pilot data in.

The first positional is either a kind of canonical CSV (events, accounts,
contacts) or, with --preset, the file itself. A file is imported all or
nothing; importing the same file twice adds nothing and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, open_workspace
from slatui.contract.model import Contract
from slatui.importing.canonical import LAYOUTS
from slatui.importing.dates import DateOrder
from slatui.importing.pipeline import (
    UNZONED,
    Context,
    ImportRefused,
    ImportReport,
    Layout,
    Options,
    Plan,
    RowsRejected,
)
from slatui.importing.resolve import resolution_lines
from slatui.importing.workspace import context_for
from store import AlreadyImported, BatchResult, NoAgreement, Store, StoreError

_EPILOG = """\
The canonical CSV (slatui's own format) has a header row naming its columns:
  events:   occurred_at,type,account,contact,lead,quantity,actor,channel,detail
  accounts: key,name,domain,tier,owner,industry,employees,country,external_id
  contacts: key,account,title,name,email
occurred_at is ISO 8601; a time without offset or Z is in the agreement's zone
(or --tz). A bad row rejects the whole file unless --skip-bad-rows, which
imports the rest and writes FILE.rejects.csv.

examples:
  slatui import events touches.csv --dry-run
  slatui import accounts accounts.csv
  slatui import events ads.csv --tz Europe/Madrid --skip-bad-rows
  slatui import events export.csv --map when=occurred_at --map notes=
  slatui import Lead.csv --preset salesforce-leads
  slatui import Lead.csv --detect"""


def register(sub: Any) -> None:
    """Add `slatui import`."""
    parser = sub.add_parser(
        "import",
        help="import pilot data: canonical CSV of events, accounts, contacts, or a preset",
        description=(
            "Import a CSV file into the workspace as one batch (all or nothing). "
            "KIND is events, accounts or contacts (slatui's canonical CSV); "
            "with --preset, give the file alone."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("target", metavar="KIND|FILE", help="events, accounts or contacts; or FILE")
    parser.add_argument("file", metavar="FILE.csv", nargs="?", help="the file (after KIND)")
    parser.add_argument("--preset", metavar="NAME", help="read FILE as this export's preset")
    parser.add_argument(
        "--detect",
        action="store_true",
        help="say which preset fits FILE and why (or which is closest); imports nothing",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="read and check everything, write nothing"
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows and write the bad ones to FILE.rejects.csv",
    )
    parser.add_argument(
        "--tz", metavar="ZONE", help="zone of times without offset (default: the agreement's)"
    )
    dates = parser.add_mutually_exclusive_group()
    dates.add_argument(
        "--date-format", metavar="FMT", help="strptime format of the dates, e.g. %%d/%%m/%%Y"
    )
    dates.add_argument("--dayfirst", action="store_true", help="numeric dates are DD/MM/YYYY")
    dates.add_argument("--monthfirst", action="store_true", help="numeric dates are MM/DD/YYYY")
    parser.add_argument(
        "--map",
        metavar="COL=FIELD",
        action="append",
        default=[],
        help="read column COL as FIELD (COL= ignores the column); repeatable",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="report progress on stderr (default: only when stderr is a terminal)",
    )
    add_db_argument(parser)
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    """Plan, then preview (--dry-run) or write; every refusal is one line and exit 2."""
    if args.detect:
        return _detect(Path(args.file or args.target))
    path, layout = _target(args)
    overrides = _overrides(args.map)
    with open_workspace(args, create=True) as store:
        context = workspace_context(store, tz=args.tz, date_format=args.date_format,
                                    order=_order(args))  # fmt: skip
        options = Options(
            skip_bad_rows=args.skip_bad_rows,
            overrides=overrides,
            progress=_progress(path, args.progress),
        )
        try:
            plan = Plan(path, layout, context, options)
            if args.dry_run:
                return _dry_run(store, plan)
            return _write(store, plan)
        except AlreadyImported as exc:
            print(exc)
            return 0
        except (ImportRefused, StoreError) as exc:
            raise CliError(str(exc)) from None


# ---------------------------------------------------------------- shared with log and summary


def current_contract(store: Store) -> Contract | None:
    """The workspace's latest agreement version, or None before one is imported."""
    try:
        return store.current().contract
    except NoAgreement:
        return None


def workspace_context(
    store: Store,
    *,
    tz: str | None = None,
    date_format: str | None = None,
    order: DateOrder | None = None,
) -> Context:
    """What rows are read with: --tz or the agreement's zone, its tiers and title rules."""
    try:
        return context_for(current_contract(store), tz=tz, date_format=date_format, order=order)
    except ImportRefused as exc:
        raise CliError(str(exc)) from None


def show_time(moment: dt.datetime, zone: dt.tzinfo | None) -> str:
    """An instant for people, always with its zone: local if known, else UTC."""
    if zone is None or zone is UNZONED:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def figure(value: float) -> str:
    """1234 -> "1,234"; 2.5 -> "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


# ---------------------------------------------------------------- internals


def _target(args: argparse.Namespace) -> tuple[Path, Layout]:
    if args.target in LAYOUTS:
        if args.preset:
            raise CliError(
                f"give either a kind ({args.target}) or --preset {args.preset}, not both"
            )
        if not args.file:
            raise CliError(f"name the file: slatui import {args.target} FILE.csv")
        return Path(args.file), LAYOUTS[args.target]
    if args.file:
        raise CliError(
            f"{args.target!r} is not a kind of file; write slatui import events|accounts|"
            f"contacts {args.file}, or slatui import {args.file} --preset NAME"
        )
    if not args.preset:
        raise CliError(
            f"say what {args.target} holds: slatui import events|accounts|contacts "
            f"{args.target}, or slatui import {args.target} --preset NAME"
        )
    return Path(args.target), _preset(args.preset)


def _detect(path: Path) -> int:
    """Which preset fits the file's header, with the reasons."""
    from slatui.importing.presets.detect import describe
    from slatui.importing.source import CsvSource, SourceError

    try:
        header = CsvSource.open(path).header
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except (OSError, SourceError) as exc:
        raise CliError(f"{path}: {exc}") from None
    print(describe(header))
    return 0


def _preset(name: str) -> Layout:
    """The preset's layout, from `slatui.importing.presets` when it exists."""
    try:
        module = importlib.import_module("slatui.importing.presets")
    except ModuleNotFoundError as exc:
        if exc.name != "slatui.importing.presets":
            raise
        module = None
    known: Mapping[str, Layout] = getattr(module, "PRESETS", {}) if module else {}
    if name in known:
        return known[name]
    listed = f"; the presets are {', '.join(sorted(known))}" if known else ""
    raise CliError(f"unknown preset {name!r}{listed}")


def _overrides(items: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or not column.strip():
            raise CliError(f"--map {item}: write COLUMN=FIELD (or COLUMN= to ignore a column)")
        overrides[column.strip()] = target.strip()
    return overrides


def _order(args: argparse.Namespace) -> DateOrder | None:
    if args.dayfirst:
        return "dayfirst"
    if args.monthfirst:
        return "monthfirst"
    return None


def _progress(path: Path, forced: bool) -> Any:
    if not (forced or sys.stderr.isatty()):
        return None

    def report(rows: int) -> None:
        print(f"{path.name}: {rows:,} rows read", file=sys.stderr, flush=True)

    return report


def _write(store: Store, plan: Plan) -> int:
    try:
        from store.pilot_import import run_plan

        result = run_plan(store, plan)
    except RowsRejected as exc:
        raise CliError(str(exc)) from None
    _print_result(result, plan.report(), plan.context.zone)
    return 0


def _dry_run(store: Store, plan: Plan) -> int:
    from store.pilot_import import check_not_imported, resolve_against_workspace

    check_not_imported(store, plan)
    resolve_against_workspace(store, plan)
    report = plan.preview()
    print(f"dry run: {plan.file_name} as {plan.layout.name}; nothing was written")
    for line in report_lines(report, plan.context.zone):
        print(line)
    if report.rejected and not plan.options.skip_bad_rows:
        print(
            f"would be refused: {report.rejected} rejected row"
            f"{'s' if report.rejected != 1 else ''} (--skip-bad-rows imports the rest)"
        )
        return 2
    return 0


def _print_result(result: BatchResult, report: ImportReport, zone: dt.tzinfo) -> None:
    batch = result.batch
    parts = [plural(n, what) for n, what in _kinds(result) if n]
    if batch.duplicates:
        parts.append(f"{plural(batch.duplicates, 'duplicate event')} not added again")
    print(f"imported {batch.file_name} as batch {batch.id}: {', '.join(parts) or 'nothing new'}")
    for line in report_lines(report, zone):
        print(line)
    print(f"undo with: slatui imports undo {batch.id}")


def _kinds(result: BatchResult) -> list[tuple[int, str]]:
    return [(result.events, "event"), (result.accounts, "account"), (result.contacts, "contact")]


def plural(count: float, noun: str) -> str:
    """ "1 event", "1,184 events"."""
    return f"{figure(count)} {noun}{'' if count == 1 else 's'}"


def report_lines(report: ImportReport, zone: dt.tzinfo) -> list[str]:
    """The import report as indented lines (the dry run and the import print it)."""
    delimiter = {",": "comma", ";": "semicolon", "\t": "tab"}.get(report.delimiter, "?")
    lines = [
        f"  read: {plural(report.rows_read, 'row')} ({report.encoding}, {delimiter}-separated, "
        f"header on line {report.header_line})"
    ]
    if report.mapping:
        lines.append("  columns: " + ", ".join(f"{c} -> {f}" for c, f in report.mapping.items()))
    skipped = [
        (report.preamble_skipped, "preamble"),
        (report.footer_skipped, "footer"),
        (report.blank_skipped, "blank"),
    ]
    if report.skipped:
        shown = ", ".join(f"{n} {what}" for n, what in skipped if n)
        lines.append(f"  skipped lines: {shown}")
        lines += [f"    footer: {example}" for example in report.footer_examples]
    records = [
        (report.events, "event"),
        (report.accounts, "account"),
        (report.contacts, "contact"),
    ]
    made = ", ".join(plural(n, what) for n, what in records if n)
    lines.append(f"  records: {made or 'none'}")
    for kind, count in report.events_by_type.items():
        quantity = report.quantity_by_type.get(kind, count)
        extra = f" (quantity {figure(quantity)})" if quantity != count else ""
        lines.append(f"    {kind}: {figure(count)}{extra}")
    if report.first is not None and report.last is not None:
        lines.append(f"  dates: {show_time(report.first, zone)} to {show_time(report.last, zone)}")
    for name, count, suggestion in report.unknown_types:
        hint = f" (did you mean {suggestion}?)" if suggestion else ""
        lines.append(f"  unknown event type {name}: {figure(count)}{hint}")
    if report.rejected:
        lines.append(f"  rejected: {plural(report.rejected, 'row')}")
        lines += [f"    line {r.line}: {r.reason}" for r in report.rejects[:10]]
        if report.rejected > 10:
            lines.append(f"    ... and {figure(report.rejected - 10)} more")
        if report.rejects_file:
            lines.append(f"  rejects written to {report.rejects_file}")
    if report.suspected_damage:
        lines.append(
            f"  suspected encoding damage (kept as it is): {figure(report.suspected_damage)} cells"
        )
        lines += [f"    {example}" for example in report.damaged_examples]
    lines += [f"  header: {fix}" for fix in report.renamed_columns]
    if report.unclassified_count:
        lines.append(
            f"  unclassified titles: {plural(report.unclassified_count, 'contact')} "
            "(a [sal.titles] rule in the agreement places them)"
        )
        lines += [f"    {title!r}: {n}" for title, n in report.unclassified_titles]
    for group in report.duplicate_candidates:
        names = " / ".join(repr(n) for n in group["names"])
        lines.append(f"  possible duplicate accounts (not merged): {names}: {group['reason']}")
    for kind, count in report.repeated_keys.items():
        lines.append(
            f"  repeated keys: {plural(count, 'row')} with the key of an earlier row "
            f"({kind}: one record per key, the later row's values win)"
        )
    resolved = resolution_lines(report.accounts_resolved)
    if resolved:
        lines.append("  accounts:")
        lines += [f"    {line}" for line in resolved]
    return lines
