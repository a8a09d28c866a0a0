"""The working calendar and the duration units, in words.

Every business duration in the contract means something only on this
calendar, so the document states it once in full and repeats its short form
next to each business duration.
"""

from __future__ import annotations

from dataclasses import replace

from slatui.contract.model import Calendar, Contract
from slatui.markdown import words
from slatui.workcal import WorkCalendar

_PARTIAL = {
    "prorate": "count pro rata (a target is scaled to the part of the period inside)",
    "exclude": "are left out",
    "count": "count in full",
}


def describe(contract: Contract) -> str:
    """'Mon–Fri 09:00–17:00 America/New_York, US public holidays excluded'.

    The wording is the work calendar's own, so the screens and the contract
    say it alike. The extra days off are left out: this short form follows
    every business duration, and the calendar section lists them once.
    """
    try:
        calendar = WorkCalendar.from_contract(contract)
    except ValueError:
        return "a calendar with no working time (check the calendar)"
    return replace(calendar, extra_holidays=frozenset()).describe()


def days_off(calendar: Calendar) -> str | None:
    """The extra non-working days, or None when there are none."""
    if not calendar.extra_holidays:
        return None
    days = [words.long_date(day) for day in sorted(calendar.extra_holidays)]
    return f"These extra days off are holidays too: {words.join(days)}."


def how_to_read(contract: Contract) -> list[str]:
    """One plain sentence per unit and for periods, derived from the calendar."""
    off = "nights, non-working days and holidays"
    if contract.calendar.extra_holidays:
        off = "nights, non-working days, holidays and the extra days off"
    return [
        f"Business hours and business minutes count only working time "
        f"({describe(contract)}); {off} count nothing. A clock that "
        "starts outside working time starts at the next working instant.",
        "Business days end at the same local time on the N-th following working "
        "day, counted from the first working instant.",
        "Hours and minutes are wall-clock: real elapsed time, nights, weekends and "
        "holidays included (24 hours across a daylight-saving change are 24 real hours).",
        "Calendar days end at the same local time N days later, weekends and holidays included.",
        _periods(contract),
    ]


def _periods(contract: Contract) -> str:
    agreement = contract.agreement
    starts = [
        words.month_name((agreement.fiscal_year_start - 1 + 3 * q) % 12 + 1) for q in range(4)
    ]
    return (
        f"Periods are calendar periods in {agreement.timezone}: weeks run Monday to "
        f"Sunday, months are calendar months, quarters start in {words.join(starts)}. "
        f"Periods cut by the start or end of the pilot or of the agreement "
        f"{_PARTIAL[agreement.partial_periods]}."
    )
