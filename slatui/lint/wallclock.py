"""wall-clock-response: a sales clock in hours that keeps running at weekends.

"24h" is real elapsed time: a SAL notified Friday afternoon is due Saturday
afternoon, when nobody on a Mon–Fri calendar works, so the clock is missed by
design. The warning shows, with the clock's own arithmetic on a real Friday
near the agreement's start, when the lead is due under the wall-clock unit and
under the business units that would say what the workshop meant.

It only fires when the duration can reach a non-working day from inside
working hours: from the end of the last window of a working day that a day
off follows. A 7-day calendar has no such day, so it never fires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from slatui.clock import deadline
from slatui.contract.model import Contract, ResponseCommitment
from slatui.duration import Duration
from slatui.lint.clauses import label
from slatui.lint.warning import LintWarning
from slatui.workcal import WorkCalendar

EXAMPLE_LEAD_MINUTES = 30
"""The worked example starts this long before the day's close (16:30 on 09:00-17:00), or
a minute before it when a duration only just reaches the day off."""

SEARCH_DAYS = 366
"""How far after the effective date the worked example looks for a day before a day off."""

_MINUTES_PER_DAY = 24 * 60


def wall_clock_responses(contract: Contract) -> Iterator[LintWarning]:
    """Sales and joint response clocks in m, h or d that can run into a day off."""
    candidates = [
        (index, c)
        for index, c in enumerate(contract.commitments)
        if isinstance(c, ResponseCommitment)
        and c.party in ("sales", "joint")
        and c.within is not None
        and not c.within.is_business
    ]
    if not candidates:
        return
    cal = _calendar(contract)
    if cal is None:
        return
    for index, commitment in candidates:
        assert commitment.within is not None
        if _can_span_day_off(cal, commitment.within):
            example = _worked_example(cal, contract.agreement.effective, commitment)
            yield _wall_clock(f"commitments[{index}].within", commitment, example)


def _calendar(contract: Contract) -> WorkCalendar | None:
    """The contract's calendar; None when it has no working time at all.

    A calendar without working time is the business clocks' problem, not a
    wall-clock one, and there is nothing to compare against; the rule steps aside.
    """
    try:
        return WorkCalendar.from_contract(contract)
    except ValueError:
        return None


def _days_before_day_off(cal: WorkCalendar) -> list[int]:
    """Weekdays (Monday = 0) that work and are followed by a weekday that does not."""
    working = cal.working_weekdays
    return [day for day in sorted(working) if (day + 1) % 7 not in working]


def _can_span_day_off(cal: WorkCalendar, within: Duration) -> bool:
    """True when a clock started at the end of such a day runs past its midnight."""
    if within.unit == "d":
        return bool(_days_before_day_off(cal))
    return any(
        within.seconds > (_MINUTES_PER_DAY - cal.weekly[day][-1][1]) * 60
        for day in _days_before_day_off(cal)
    )


def _worked_example(
    cal: WorkCalendar, effective: dt.date, commitment: ResponseCommitment
) -> str | None:
    """The sentence comparing due times under the wall-clock and business units."""
    assert commitment.within is not None
    start = _example_start(cal, effective, commitment.within)
    if start is None:
        return None
    due = deadline(cal, start, commitment.within)
    lost = _days_off_between(cal, start.date(), due.date())
    options = ", ".join(
        f'with "{d}" it is due {_when(deadline(cal, start, d))}'
        for d in business_equivalents(commitment.within)
    )
    return (
        f'a {commitment.start} at {_when(start)} is due {_when(due)} with "{commitment.within}" '
        f"({lost}); {options}"
    )


def _example_start(cal: WorkCalendar, effective: dt.date, within: Duration) -> dt.datetime | None:
    """Late on the first day on or after `effective` from which `within` reaches a day off."""
    day = effective
    for _ in range(SEARCH_DAYS):
        windows = cal.windows_on(day)
        nxt = day + dt.timedelta(days=1)
        if windows and nxt.weekday() not in cal.working_weekdays:
            begin, end = windows[-1]
            for lead in (EXAMPLE_LEAD_MINUTES, 1):
                start = max(begin, end - dt.timedelta(minutes=lead))
                if deadline(cal, start, within).date() > day:
                    return start
        day = nxt
    return None


def _days_off_between(cal: WorkCalendar, first: dt.date, last: dt.date) -> str:
    """Which days after `first`, up to `last`, do not work: "Sat and Sun are not working days"."""
    names: list[str] = []
    day = first + dt.timedelta(days=1)
    while day <= last:
        if not cal.is_working_day(day):
            names.append(day.strftime("%a"))
        day += dt.timedelta(days=1)
    if len(names) == 1:
        return f"{names[0]} is not a working day"
    if len(names) <= 3:
        return f"{', '.join(names[:-1])} and {names[-1]} are not working days"
    return f"{len(names)} of those days are not working days"


def business_equivalents(within: Duration) -> list[Duration]:
    """What the workshop probably meant: "24h" -> ["1bd", "24bh"], "2d" -> ["2bd"].

    Business days come first because "answer by the same time next working
    day" is what people mean by "24 hours"; business hours are the literal
    count (24bh is three 8-hour days) and are shown so the difference is seen.
    """
    amount = within.amount
    if within.unit == "d":
        return [Duration.of(amount, "bd")]
    per_day = 24 if within.unit == "h" else _MINUTES_PER_DAY
    options: list[Duration] = []
    if amount % per_day == 0:
        options.append(Duration.of(amount // per_day, "bd"))
    options.append(Duration.of(amount, "bh" if within.unit == "h" else "bm"))
    return options


def _when(instant: dt.datetime) -> str:
    """`Fri 2027-01-08 16:30 EST`, the style every displayed time uses."""
    return instant.strftime("%a %Y-%m-%d %H:%M %Z")


def _wall_clock(path: str, commitment: ResponseCommitment, example: str | None) -> LintWarning:
    within = commitment.within
    assert within is not None
    better = " or ".join(f'"{d}"' for d in business_equivalents(within))
    shown = f": {example}" if example else ""
    return LintWarning(
        rule="wall-clock-response",
        path=path,
        clause=label(commitment),
        message=(
            f'"{within}" is wall-clock time, so the clock runs through nights and '
            f"non-working days{shown}"
        ),
        advice=(
            f"write within = {better} (business time on [calendar]), or keep "
            f'"{within}" only if {commitment.party} really answers on non-working days'
        ),
    )
