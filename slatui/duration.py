"""Durations with a unit, as written in a contract ("24bh", "5bd", "48h").

A bare number is never a duration: an SLA that says "within 24" is the kind of
vagueness slatui exists to catch, so parsing refuses it with a hint instead of
guessing hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

Unit = Literal["m", "h", "d", "bm", "bh", "bd"]

UNITS: tuple[Unit, ...] = ("m", "h", "d", "bm", "bh", "bd")
BUSINESS_UNITS: frozenset[str] = frozenset({"bm", "bh", "bd"})
WHOLE_UNITS: frozenset[str] = frozenset({"d", "bd"})

UNIT_WORDS: dict[str, tuple[str, str]] = {
    "m": ("minute", "minutes"),
    "h": ("hour", "hours"),
    "d": ("calendar day", "calendar days"),
    "bm": ("business minute", "business minutes"),
    "bh": ("business hour", "business hours"),
    "bd": ("business day", "business days"),
}

UNIT_SECONDS: dict[str, int] = {"m": 60, "h": 3600, "bm": 60, "bh": 3600}

_PATTERN = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)\s*$")

_UNIT_HINT = (
    "write a number followed by a unit: m, h, d (wall clock) or bm, bh, bd "
    '(business time), e.g. "24bh" or "5bd"'
)

_ALIASES: dict[str, str] = {
    "min": "m",
    "mins": "m",
    "minute": "m",
    "minutes": "m",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "day": "d",
    "days": "d",
    "business_hours": "bh",
    "businesshours": "bh",
    "business_days": "bd",
    "businessdays": "bd",
    "wd": "bd",
}


_BUSINESS_OF: dict[str, str] = {"m": "bm", "h": "bh", "d": "bd"}


class DurationError(ValueError):
    """A duration string that cannot be read; the message says how to fix it."""


@dataclass(frozen=True, order=False)
class Duration:
    """An amount of time in one unit; wall-clock and business units never mix."""

    amount: Decimal
    unit: Unit

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "24bh"; refuse bare numbers and unknown units with a hint."""
        if not isinstance(text, str):
            raise DurationError(f'a duration is a string like "24bh", not {text!r}')
        match = _PATTERN.match(text.lower())
        if match is None:
            if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", text):
                raise DurationError(f'"{text}" has no unit; {_UNIT_HINT}')
            raise DurationError(f'"{text}" is not a duration; {_UNIT_HINT}')
        unit = match.group("unit")
        if unit not in UNITS:
            alias = _ALIASES.get(unit)
            hint = f' (did you mean "{match.group("num")}{alias}"?)' if alias else ""
            business = _BUSINESS_OF.get(alias or "")
            if business:
                hint = (
                    f' (did you mean "{match.group("num")}{alias}" on the wall clock, '
                    f'or "{match.group("num")}{business}" in business time?)'
                )
            raise DurationError(f'"{text}": unknown unit "{unit}"{hint}; {_UNIT_HINT}')
        try:
            amount = Decimal(match.group("num"))
        except InvalidOperation as exc:  # pragma: no cover - the regex guards it
            raise DurationError(f'"{text}" is not a number') from exc
        return cls.of(amount, unit)

    @classmethod
    def of(cls, amount: Decimal | int, unit: Unit) -> Duration:
        """Build a duration, checking that it is positive and well-formed."""
        amount = Decimal(amount)
        if amount <= 0:
            raise DurationError(f"a duration must be positive, got {amount}{unit}")
        if unit in WHOLE_UNITS and amount != amount.to_integral_value():
            raise DurationError(
                f'"{amount}{unit}": {UNIT_WORDS[unit][1]} must be whole; '
                f"use hours ({'bh' if unit == 'bd' else 'h'}) for fractions"
            )
        if unit in UNIT_SECONDS and (amount * UNIT_SECONDS[unit]) % 1 != 0:
            raise DurationError(f'"{amount}{unit}" is not a whole number of seconds')
        return cls(amount.normalize() if amount % 1 else Decimal(int(amount)), unit)

    @property
    def is_business(self) -> bool:
        """True for bm, bh and bd, which count only working time."""
        return self.unit in BUSINESS_UNITS

    @property
    def seconds(self) -> int:
        """Length in seconds for m/h/bm/bh; days have no fixed length."""
        if self.unit not in UNIT_SECONDS:
            raise ValueError(f"{self} is counted in days, which have no fixed length")
        return int(self.amount * UNIT_SECONDS[self.unit])

    @property
    def whole(self) -> int:
        """The amount as an integer (days and business days are always whole)."""
        return int(self.amount)

    def words(self) -> str:
        """The duration as a contract says it: "24 business hours"."""
        singular, plural = UNIT_WORDS[self.unit]
        return f"{_format_amount(self.amount)} {singular if self.amount == 1 else plural}"

    def __str__(self) -> str:
        return f"{_format_amount(self.amount)}{self.unit}"


def _format_amount(amount: Decimal) -> str:
    if amount == amount.to_integral_value():
        return str(int(amount))
    return format(amount.normalize(), "f")
