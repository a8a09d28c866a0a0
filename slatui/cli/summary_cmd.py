"""`slatui summary [--json]`: what the workspace holds and where the pilot stands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, open_workspace
from slatui.cli.import_cmd import current_contract, figure, workspace_context
from slatui.importing.dates import FIRST_YEAR, LAST_YEAR
from slatui.importing.pipeline import UNZONED
from store import Summary

_EPILOG = """\
The pilot window comes from the agreement's [pilot] (start, weeks); the week
is counted in the agreement's time zone.

examples:
  slatui summary
  slatui summary --json
  slatui summary --as-of 2026-11-12"""


def register(sub: Any) -> None:
    """Add `slatui summary`."""
    parser = sub.add_parser(
        "summary",
        help="counts of accounts, contacts, events and batches; the pilot's week",
        description=(
            "Accounts per tier, contacts per seniority (and unclassified), events per type, "
            "the import batches with their counts, and which week of the pilot it is."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--as-of",
        metavar="DATE|TIME",
        help="say which pilot week it is on this day instead of today (agreement zone)",
    )
    add_db_argument(parser)
    parser.set_defaults(handler=_summary)


def _summary(args: argparse.Namespace) -> int:
    with open_workspace(args) as store:
        contract = current_contract(store)
        zone = workspace_context(store).zone
        now = as_of_moment(args.as_of, zone)
        summary = store.summary(contract.pilot if contract else None, now)
    if args.json:
        print(json.dumps(summary.as_json(), indent=2, sort_keys=True))
        return 0
    for line in _lines(summary):
        print(line)
    return 0


def as_of_moment(text: str | None, zone: dt.tzinfo) -> dt.datetime:
    """--as-of: a date or ISO time in the agreement's zone (default: now)."""
    local = None if zone is UNZONED else zone
    if text is None:
        return dt.datetime.now(local or dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--as-of {text}: write a date or ISO time, e.g. 2026-11-12") from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise CliError(f"--as-of {text}: a moment between {FIRST_YEAR} and {LAST_YEAR}, please")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=local or dt.UTC)
    return moment.astimezone(local) if local else moment


def _lines(summary: Summary) -> list[str]:
    lines: list[str] = []
    window = summary.window
    if window is None:
        lines.append("pilot: no [pilot] in the agreement")
    else:
        lines.append(
            f"pilot: {window.start} to {window.last_day} ({window.weeks} weeks): {window.progress}"
        )
    tiers = ", ".join(f"{t} {figure(n)}" for t, n in summary.accounts_by_tier.items())
    lines.append(f"accounts: {figure(summary.accounts)}" + (f" ({tiers})" if tiers else ""))
    seniority = ", ".join(f"{s} {figure(n)}" for s, n in summary.contacts_by_seniority.items() if n)
    lines.append(f"contacts: {figure(summary.contacts)}" + (f" ({seniority})" if seniority else ""))
    lines.append(f"events: {figure(summary.events)}")
    for t in summary.events_by_type:
        quantity = f" (quantity {figure(t.quantity)})" if t.quantity != t.events else ""
        lines.append(f"  {t.type}: {figure(t.events)}{quantity}")
    lines.append(f"batches: {len(summary.batches)}")
    for b in summary.batches:
        lines.append(
            f"  {b.id}: {b.file_name} ({b.kind}), {figure(b.rows_read)} rows, "
            f"{figure(b.imported)} imported, {figure(b.rejected)} rejected, "
            f"{figure(b.skipped)} skipped, {figure(b.duplicates)} duplicates"
        )
    return lines
