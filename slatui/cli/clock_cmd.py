"""`slatui clock ...`: what a duration means on the agreement's calendar.

The workshop asks "what does 24bh mean for a lead that arrives Friday 16:30?";
these commands answer with the same clock rules the measurements use, so the
numbers people agree on are the numbers they will be judged by.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import Any, TypeVar

from slatui.cli.common import CliError, HelpFormatter, add_db_argument, load_contract_for
from slatui.clock import deadline, describe_elapsed, elapsed, is_before
from slatui.duration import UNITS, Duration, DurationError
from slatui.workcal import WorkCalendar, localize

T = TypeVar("T")

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_TIME_HINT = "write ISO 8601, e.g. 2024-03-04T10:00 (agreement zone) or 2024-03-04T10:00-05:00"

_CLOCK_EPILOG = """\
examples:
  slatui clock deadline 2024-03-01T16:30 24bh --contract sample.toml
  slatui clock elapsed 2024-03-09T14:00 2024-03-11T10:00 --contract sample.toml"""

_DEADLINE_EPILOG = """\
A naive START is read in the agreement's time zone; an offset or Z is honoured.
Units: m, h (real time), d (same local time N days later), bm, bh, bd (business
time on the agreement's calendar).

examples:
  slatui clock deadline 2024-03-04T10:00 5bd --contract sample.toml
  # Mon 2024-03-04 10:00 EST + 5 business days = Mon 2024-03-11 10:00 EDT
  slatui clock deadline 2024-03-01T16:30:00-05:00 24bh --json"""

_ELAPSED_EPILOG = """\
A naive time is read in the agreement's time zone; an offset or Z is honoured.
For business units, time outside working hours does not count.

examples:
  slatui clock elapsed 2024-03-09T14:00 2024-03-11T10:00 --contract sample.toml
  # Sat 2024-03-09 14:00 EST to Mon 2024-03-11 10:00 EDT: 1 business hour
  slatui clock elapsed 2024-03-04T10:00 2024-03-12T12:00 --unit bd --json"""


def register(sub: Any) -> None:
    """Add `clock` with its `deadline` and `elapsed` sub-commands."""
    parser = sub.add_parser(
        "clock",
        help="compute deadlines and elapsed time on the agreement's calendar",
        description="Clock arithmetic on the agreement's working calendar and time zone.",
        epilog=_CLOCK_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.set_defaults(handler=lambda args: _help(parser))
    group = parser.add_subparsers(dest="clock_command", metavar="SUBCOMMAND")
    _register_deadline(group)
    _register_elapsed(group)


def _register_deadline(group: Any) -> None:
    parser = group.add_parser(
        "deadline",
        help="when a clock started at START with DURATION falls due",
        description="When a clock started at START runs out after DURATION.",
        epilog=_DEADLINE_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("start", metavar="START", help="when the clock starts (ISO 8601)")
    parser.add_argument("duration", metavar="DURATION", help='a duration with a unit, e.g. "24bh"')
    _add_common(parser)
    parser.set_defaults(handler=run_deadline)


def _register_elapsed(group: Any) -> None:
    parser = group.add_parser(
        "elapsed",
        help="how much (business) time passed between START and END",
        description="The time from START to END, counted in UNIT.",
        epilog=_ELAPSED_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("start", metavar="START", help="when the clock started (ISO 8601)")
    parser.add_argument("end", metavar="END", help="when it stopped (ISO 8601)")
    parser.add_argument("--unit", choices=UNITS, default="bh", help="how to count (default: bh)")
    _add_common(parser)
    parser.set_defaults(handler=run_elapsed)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--contract", metavar="FILE", help="a contract TOML file (instead of the workspace)"
    )
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a sentence")


def run_deadline(args: argparse.Namespace) -> int:
    """`slatui clock deadline START DURATION`."""
    cal = _calendar(args)
    start = parse_instant(args.start, cal)
    duration = _duration(args.duration)
    due = _domain(lambda: deadline(cal, start, duration))
    if args.json:
        payload = {"start": iso(start, cal), "duration": str(duration), "deadline": iso(due, cal)}
        print(json.dumps(payload))
    else:
        print(f"{show(start, cal)} + {duration.words()} = {show(due, cal)}")
    return 0


def run_elapsed(args: argparse.Namespace) -> int:
    """`slatui clock elapsed START END`."""
    cal = _calendar(args)
    start, end = parse_instant(args.start, cal), parse_instant(args.end, cal)
    if is_before(end, start):
        raise CliError(f"END ({iso(end, cal)}) is before START ({iso(start, cal)}); swap them")
    seconds = _domain(lambda: elapsed(cal, start, end, args.unit))
    display = _domain(lambda: describe_elapsed(cal, start, end, args.unit))
    if args.json:
        payload = {
            "start": iso(start, cal),
            "end": iso(end, cal),
            "unit": args.unit,
            "seconds": seconds,
            "display": display,
        }
        print(json.dumps(payload))
    else:
        print(f"from {show(start, cal)} to {show(end, cal)}: {display}")
    return 0


def parse_instant(text: str, cal: WorkCalendar) -> dt.datetime:
    """An ISO 8601 time; naive means the agreement's zone (as a person means it)."""
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f'"{text}" is not a time; {_TIME_HINT}') from None
    if parsed.tzinfo is None:
        return localize(parsed, cal.zone)
    return parsed.astimezone(cal.zone)


def iso(instant: dt.datetime, cal: WorkCalendar) -> str:
    """ISO 8601 in the agreement's zone, to the second: 2024-03-11T10:00:00-04:00."""
    return instant.astimezone(cal.zone).isoformat(timespec="seconds")


def show(instant: dt.datetime, cal: WorkCalendar) -> str:
    """A time for people: weekday, date, time and the zone's abbreviation."""
    local = instant.astimezone(cal.zone)
    clock = local.strftime("%H:%M:%S" if local.second else "%H:%M")
    return f"{_DAY_NAMES[local.weekday()]} {local:%Y-%m-%d} {clock} {local.tzname()}"


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    if getattr(args, "contract", None) and getattr(args, "db", None):
        raise CliError("--contract and --db are mutually exclusive; pass one of them")
    from slatui.contract.errors import ContractInvalid

    try:
        contract = load_contract_for(args)
    except ContractInvalid as exc:
        raise CliError(exc.render()) from None
    try:
        return WorkCalendar.from_contract(contract)
    except ValueError as exc:
        raise CliError(f"the agreement's calendar cannot be used: {exc}") from None


def _duration(text: str) -> Duration:
    try:
        return Duration.parse(text)
    except DurationError as exc:
        raise CliError(str(exc)) from None


def _domain(compute: Callable[[], T]) -> T:
    """Run a clock computation; a calendar without working time is a user error."""
    try:
        return compute()
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0
