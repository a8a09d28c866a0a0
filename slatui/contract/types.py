"""Field types of the contract that TOML cannot express directly.

Each type validates from the string a person writes and serialises back to the
same canonical string, so that export -> import -> export is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema

from slatui.duration import Duration, DurationError

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Party = Literal["marketing", "sales", "joint"]
Period = Literal["week", "month", "quarter"]
Seniority = Literal["ic", "manager", "director", "vp", "c_level"]
SENIORITIES: tuple[str, ...] = ("ic", "manager", "director", "vp", "c_level")

_IDENT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_EVENT = re.compile(r"^[a-z][a-z0-9_]*$")
_TIME = re.compile(r"^(\d{2}):(\d{2})$")


def _duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f'{value} has no unit; write it in quotes with one, e.g. "{value}bh" '
            f'(business hours) or "{value}h" (wall-clock hours)'
        )
    if not isinstance(value, str):
        raise ValueError(
            'is not a duration; write a number and a unit in quotes, e.g. "24bh" or "5bd"'
        )
    try:
        return Duration.parse(value)
    except DurationError as exc:
        raise ValueError(str(exc)) from None


DurationField = Annotated[
    Duration,
    BeforeValidator(_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string"}),
]


@dataclass(frozen=True)
class TimeRange:
    """A working window within one day, in minutes since local midnight."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> TimeRange:
        """Read "09:00-17:00"; "24:00" may end a window, nothing may pass it."""
        if not isinstance(text, str) or text.count("-") != 1:
            raise ValueError(f'"{text}" is not a time range; write it as "09:00-17:00"')
        left, right = (part.strip() for part in text.split("-"))
        start, end = _minutes(left), _minutes(right)
        if start >= 24 * 60:
            raise ValueError(f'"{left}" cannot start a window; the last start is 23:59')
        if end <= start:
            raise ValueError(f'"{text}" ends before it starts; write the earlier time first')
        return cls(start, end)

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


def _minutes(text: str) -> int:
    match = _TIME.match(text)
    if not match:
        raise ValueError(f'"{text}" is not a time; write hours and minutes as "09:00"')
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f'"{text}" is not a time of day (00:00 to 24:00)')
    return hours * 60 + minutes


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _time_range(value: Any) -> TimeRange:
    return value if isinstance(value, TimeRange) else TimeRange.parse(value)


TimeRangeField = Annotated[
    TimeRange,
    BeforeValidator(_time_range),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string"}),
]


def _ident(value: Any) -> Any:
    if isinstance(value, str) and not _IDENT.match(value):
        raise ValueError(
            f'"{value}" is not a valid id; use lower-case letters, digits, "-" and "_"'
        )
    return value


Ident = Annotated[str, BeforeValidator(_ident)]


def _event(value: Any) -> Any:
    if isinstance(value, str) and not _EVENT.match(value):
        raise ValueError(
            f'"{value}" is not an event type; use lower_case_with_underscores, e.g. "sal_notified"'
        )
    return value


EventType = Annotated[str, BeforeValidator(_event)]


def _zone(value: Any) -> Any:
    if isinstance(value, str):
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(_zone_hint(value)) from None
    return value


def _zone_hint(value: str) -> str:
    import difflib

    known = sorted(zoneinfo.available_timezones())
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f'"{value}" is not a time zone name{hint}; use an IANA name such as "America/New_York"'


TimeZoneName = Annotated[str, BeforeValidator(_zone)]


def _country(value: Any) -> Any:
    if isinstance(value, str):
        supported = _supported_countries()
        if value not in supported:
            import difflib

            close = difflib.get_close_matches(value.upper(), list(supported), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise ValueError(
                f'"{value}" is not a country with known public holidays{hint}; '
                'use an ISO 3166 code such as "US", "GB" or "DE"'
            )
    return value


HolidayCountry = Annotated[str, BeforeValidator(_country)]


def _share(value: Any) -> Any:
    if isinstance(value, str):
        raise ValueError(
            f'"{value}" is text; write the share as a number from 0 to 1, e.g. 0.95 for 95%'
        )
    if isinstance(value, int | float) and not isinstance(value, bool) and not 0 <= value <= 1:
        raise ValueError(f"{value} is not a share; write a fraction between 0 and 1 (0.95 for 95%)")
    return value


def _float_out(value: float) -> float:
    """-0.0 and 0.0 are the same share; write it one way so the digest is one."""
    return value + 0.0


Share = Annotated[float, BeforeValidator(_share), PlainSerializer(_float_out, return_type=float)]


def _count_out(value: int | float) -> int | float:
    """`min = 2.0` and `min = 2` are the same target; write whole numbers as integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Count = Annotated[
    int | float,
    Field(ge=0, allow_inf_nan=False),
    PlainSerializer(_count_out, return_type=int | float),
]
"""A target number of events: whole or fractional, never negative."""

Measurement = Annotated[
    int | float,
    Field(ge=0, allow_inf_nan=False),
    PlainSerializer(_count_out, return_type=int | float),
]
"""A figure a pilot measured (events, hours, a share): never negative, `2.0` written `2`."""


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"{value.isoformat()} has no time zone; write it in UTC, e.g. 2027-01-05T15:04:00Z"
        )
    return value.astimezone(dt.UTC)


UtcDateTime = Annotated[dt.datetime, AfterValidator(_utc)]
"""An instant with a zone, held in UTC: one instant has one canonical spelling."""


@functools.cache
def _supported_countries() -> frozenset[str]:
    """Country codes with public holidays; computed once, it is asked on every validation."""
    import holidays

    return frozenset(holidays.list_supported_countries())
