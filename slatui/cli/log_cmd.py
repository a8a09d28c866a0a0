"""`slatui log TYPE --account A ...`: record one event by hand, as it happens.

Each logged event is a batch of its own (kind "log"), so a mistyped one is
undone like any import: `slatui imports undo BATCH`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, open_workspace
from slatui.cli.import_cmd import figure, show_time, workspace_context
from slatui.importing.canonical import event_type, number
from slatui.importing.pipeline import Context, ImportRefused, RowReject
from slatui.pilot.records import EventRecord
from store import DuplicateEvent, StoreError

T = TypeVar("T")

_EPILOG = """\
TIME is ISO 8601; without an offset or Z it is in the agreement's zone.
The default is now.

examples:
  slatui log sal_notified --account acme --lead L-1042 --actor "Ann Lee"
  slatui log call --account acme --lead L-1042 --at 2026-11-03T10:15
  slatui log ad_impression --account acme --quantity 1184 --at 2026-11-02T00:00Z"""


def register(sub: Any) -> None:
    """Add `slatui log`."""
    parser = sub.add_parser(
        "log",
        help="record one event by hand (a hand-off, a call) as it happens",
        description="Record one event in the workspace, as a batch that can be undone.",
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("type", metavar="TYPE", help="event type, e.g. sal_notified or call")
    parser.add_argument("--account", required=True, metavar="A", help="the account's key")
    parser.add_argument("--lead", metavar="L", help="the item a response clock follows")
    parser.add_argument("--contact", metavar="C", help="the contact's key")
    parser.add_argument("--at", metavar="TIME", help="when it happened (default: now)")
    parser.add_argument("--quantity", metavar="N", help="a count, e.g. impressions (default 1)")
    parser.add_argument("--actor", metavar="X", help="who did it")
    parser.add_argument("--channel", metavar="X", help="email, phone, linkedin, ...")
    parser.add_argument("--detail", metavar="X", help="a reason or a status")
    add_db_argument(parser)
    parser.set_defaults(handler=_log)


def _log(args: argparse.Namespace) -> int:
    with open_workspace(args, create=True) as store:
        context = workspace_context(store)
        event = EventRecord(
            occurred_at=_when(args.at, context),
            type=_checked(event_type, args.type.strip()),
            account=_clean(args.account, "--account"),
            contact=_clean(args.contact),
            lead=_clean(args.lead),
            quantity=1.0 if args.quantity is None else _checked(_quantity, args.quantity),
            actor=_clean(args.actor),
            channel=_clean(args.channel),
            detail=_clean(args.detail),
        )
        try:
            result = store.log_event(event)
        except DuplicateEvent as exc:
            print(exc)
            return 0
        except StoreError as exc:
            raise CliError(str(exc)) from None
    when = show_time(event.occurred_at, context.zone)
    utc = show_time(event.occurred_at, None)
    also = f" ({utc})" if when != utc else ""
    extra = f" x{figure(event.quantity)}" if event.quantity != 1 else ""
    lead = f", lead {event.lead}" if event.lead else ""
    print(
        f"logged {event.type}{extra} for {event.account}{lead} at {when}{also} "
        f"as batch {result.batch.id}; undo with `slatui imports undo {result.batch.id}`"
    )
    return 0


def _checked(parse: Callable[[str], T], text: str) -> T:
    try:
        return parse(text)
    except RowReject as exc:
        raise CliError(str(exc)) from None


def _quantity(text: str) -> float:
    return number(text.strip(), "--quantity")


def _when(text: str | None, context: Context) -> dt.datetime:
    if text is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return context.instant(text.strip(), iso_only=True)
    except ImportRefused:
        raise CliError(
            f"--at {text}: the workspace has no agreement to take a zone from; "
            "write the time with an offset or Z (e.g. 2026-11-03T10:15-05:00)"
        ) from None
    except ValueError as exc:
        raise CliError(f"--at {exc}") from None


def _clean(value: str | None, option: str | None = None) -> str | None:
    text = value.strip() if value else ""
    if not text and option:
        raise CliError(f"{option} cannot be empty")
    return text or None
