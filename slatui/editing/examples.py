"""Worked examples of a response commitment, computed by the clock.

The workshop's question is "what does 1bd mean for a lead that arrives
Friday at 16:30?". The Draft screen answers it next to every response clause
for three moments that expose a calendar's edges: a weekday morning, a Friday
afternoon and the working day before a public holiday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slatui.clock import deadline
from slatui.contract.model import Contract, ResponseCommitment
from slatui.markdown.words import humanize
from slatui.workcal import WorkCalendar, localize

SEARCH_DAYS = 400


@dataclass(frozen=True)
class WorkedExample:
    """One start and when its clock runs out, both in the agreement's zone."""

    label: str
    start: dt.datetime
    due: dt.datetime
    event: str

    def sentence(self) -> str:
        """ "a SAL notified Fri 8 Jan 2027 16:30 EST is due Mon 11 Jan 2027 16:30 EST"."""
        return f"{_article(self.event)} {_moment(self.start)} is due {_moment(self.due)}"


def worked_examples(contract: Contract, commitment: ResponseCommitment) -> list[WorkedExample]:
    """The three examples for a response commitment with a duration; [] without one."""
    if commitment.within is None:
        return []
    cal = WorkCalendar.from_contract(contract)
    event = humanize(commitment.start)
    starts = _starts(cal, contract.agreement.effective)
    return [
        WorkedExample(label, s, deadline(cal, s, commitment.within), event) for label, s in starts
    ]


def _starts(cal: WorkCalendar, effective: dt.date) -> list[tuple[str, dt.datetime]]:
    first_tuesday = effective + dt.timedelta(days=(1 - effective.weekday()) % 7)
    first_friday = effective + dt.timedelta(days=(4 - effective.weekday()) % 7)
    out = [
        ("weekday morning", localize(_at(first_tuesday, 10, 0), cal.zone)),
        ("Friday afternoon", localize(_at(first_friday, 16, 30), cal.zone)),
    ]
    eve = _eve_of_holiday(cal, effective)
    if eve is not None:
        out.append(("day before a holiday", localize(_at(eve, 15, 0), cal.zone)))
    return out


def _eve_of_holiday(cal: WorkCalendar, effective: dt.date) -> dt.date | None:
    """The working day right before the first holiday on a working weekday."""
    for offset in range(1, SEARCH_DAYS):
        day = effective + dt.timedelta(days=offset)
        if cal.is_holiday(day) and day.weekday() in cal.working_weekdays:
            before = day - dt.timedelta(days=1)
            while not cal.is_working_day(before) and before > effective:
                before -= dt.timedelta(days=1)
            return before if cal.is_working_day(before) else None
    return None


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def _moment(moment: dt.datetime) -> str:
    return moment.strftime("%a %-d %b %Y %H:%M %Z")


def _article(event: str) -> str:
    return f"{'an' if event[:1].lower() in 'aeio' else 'a'} {event}"
