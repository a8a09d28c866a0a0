"""A worked example of the contract's own clocks, computed by the real clock.

"Within 1 business day" is only agreed when both sides would put the same
deadline on the same lead, so the document works the durations the contract
uses through one Friday-afternoon start, the case workshops argue about.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from slatui.clock import deadline
from slatui.contract.model import Contract, OverdueEscalation, ResponseCommitment
from slatui.duration import Duration
from slatui.markdown import words
from slatui.workcal import WorkCalendar

_FRIDAY = 4
_START_TIME = dt.time(16, 30)


def worked_example(contract: Contract) -> tuple[str, list[str]] | None:
    """A lead ('a clock that starts on Friday … runs out') and one line per duration."""
    durations = _clock_durations(contract)
    if not durations:
        return None
    zone = contract.agreement.timezone
    start = _example_start(contract.agreement.effective, ZoneInfo(zone))
    try:
        calendar = WorkCalendar.from_contract(contract)
        ends = sorted((deadline(calendar, start, d), str(d), d) for d in durations)
    except ValueError:  # a calendar with no working time: the linter reports it
        return None
    lead = f"Worked example: a clock that starts on {_local(start)} ({zone}) runs out:"
    return lead, [f"after {d.words()}: {_local(end)}" for end, _, d in ends]


def _clock_durations(contract: Contract) -> set[Duration]:
    """The durations a clock runs to: response limits and overdue escalations."""
    found = {c.within for c in contract.commitments if isinstance(c, ResponseCommitment)}
    found |= {e.after for e in contract.escalations if isinstance(e, OverdueEscalation)}
    return {d for d in found if d is not None}


def _example_start(effective: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first Friday on or after the effective date, at 16:30 local time."""
    day = effective + dt.timedelta(days=(_FRIDAY - effective.weekday()) % 7)
    return dt.datetime.combine(day, _START_TIME, tzinfo=zone)


def _local(moment: dt.datetime) -> str:
    return f"{words.long_date(moment.date())} at {moment:%H:%M}"
