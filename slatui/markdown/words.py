"""Plain-English pieces the sentences are built from: numbers, dates, lists.

Nothing here depends on the locale or on the current time, so the same
contract always reads the same way, on any machine.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from slatui.duration import Duration

ONE_DAY = dt.timedelta(days=1)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ACRONYMS = {"sal": "SAL", "sals": "SALs", "crm": "CRM", "abm": "ABM", "it": "IT", "hr": "HR"}
_PARTIES = {"marketing": "Marketing", "sales": "Sales", "joint": "Both sides"}
_SENIORITY = {
    "ic": "individual contributor",
    "manager": "manager",
    "director": "director",
    "vp": "VP",
    "c_level": "C-level",
}


@dataclass(frozen=True)
class Wording:
    """How durations and instants are said, given the agreement's calendar and zone.

    Every business duration repeats the calendar, and every wall-clock one says
    so, because "24 hours" is the most argued-about phrase in any SLA. Instants
    are dated in the agreement's zone, as the signatures are, so a baseline
    adopted on a New York evening is not dated the next (UTC) day.
    """

    calendar: str
    zone: str = "UTC"

    def duration(self, duration: Duration) -> str:
        """'1 business day (Mon–Fri 09:00–17:00 …)' or '48 hours (wall-clock, …)'."""
        if duration.is_business:
            return f"{duration.words()} ({self.calendar})"
        return f"{duration.words()} (wall-clock, weekends included)"

    def short(self, duration: Duration) -> str:
        """The compact form for a table cell, where the calendar would not fit."""
        return duration.words() if duration.is_business else f"{duration.words()} (wall-clock)"

    def day_of(self, moment: dt.datetime) -> str:
        """'3 December 2026': the local date of an instant, in the agreement's zone."""
        return day_month_year(moment.astimezone(zoneinfo.ZoneInfo(self.zone)).date())


def long_date(day: dt.date) -> str:
    """'Monday 4 January 2027': the weekday guards against a mistyped date."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def day_month_year(day: dt.date) -> str:
    """'2 November 2026': a date the tool wrote, so no weekday is needed to check it."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_span(first: dt.date, last: dt.date) -> str:
    """'2 November to 29 November 2026', both years when they differ."""
    if first.year == last.year:
        return f"{first.day} {_MONTHS[first.month - 1]} to {day_month_year(last)}"
    return f"{day_month_year(first)} to {day_month_year(last)}"


def month_name(month: int) -> str:
    """'January' for 1."""
    return _MONTHS[month - 1]


def long_moment(moment: dt.datetime, zone: str) -> str:
    """An instant in the agreement's zone, with the zone named."""
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return f"{long_date(local.date())} at {local:%H:%M} {zone}"


def number(value: float) -> str:
    """A count as written: 3, 2.5, 1,184."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if exact == exact.to_integral_value():
        return f"{int(exact):,}"
    return format(exact.normalize(), ",f")


def percent(share: float) -> str:
    """A share as a percentage: 0.95 -> '95%'."""
    value = (Decimal(repr(share)) * 100).normalize()
    return f"{value:f}%"


def join(items: Sequence[str], word: str = "and") -> str:
    """'a, b and c'; the last pair takes `word`."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def humanize(name: str) -> str:
    """An event or metric id as words: 'sal_notified' -> 'SAL notified'."""
    return " ".join(_ACRONYMS.get(part, part) for part in name.split("_") if part)


def events(names: str | Sequence[str], word: str = "or") -> str:
    """One or several event types as words: 'call, sales email or meeting'."""
    listed = [names] if isinstance(names, str) else list(names)
    return join([humanize(name) for name in listed], word)


def with_article(phrase: str) -> str:
    """'a campaign report', 'an intent review'."""
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def party(name: str) -> str:
    """'Marketing', 'Sales', or 'Both sides' for joint."""
    return _PARTIES.get(name, name)


def seniority(level: str) -> str:
    """'VP' for vp, 'C-level' for c_level."""
    return _SENIORITY.get(level, level)


def capitalize(text: str) -> str:
    """First letter up, the rest untouched (so 'SAL' stays 'SAL')."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """The text ending in a full stop, unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
