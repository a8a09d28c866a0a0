"""Between what a person types in a field and what the contract holds.

Inputs are text; the contract holds numbers, dates, lists and durations.
Parsing is lenient where people are ("95%" for a share, "mon, tue" for a list)
and strict where a guess would change the agreement (a bare number is not a
duration: the model refuses it, and its message is shown beside the field).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slatui.editing.fields import FieldSpec


class EditError(ValueError):
    """An input that cannot be accepted; the message is shown next to the field."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


def display(value: Any) -> str:
    """A stored value as the text an input shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(display(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


def parse(spec: FieldSpec, text: str | bool) -> Any:
    """The value for the contract, or None for an empty optional field."""
    if isinstance(text, bool):
        return text
    raw = text.strip()
    if not raw:
        if not spec.optional:
            raise EditError(f"{spec.label} is required")
        return None
    parser = _PARSERS.get(spec.kind, _text)
    return parser(spec, raw)


def _text(spec: FieldSpec, raw: str) -> Any:
    return raw


def _number(spec: FieldSpec, raw: str) -> Any:
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    try:
        return float(raw)
    except ValueError:
        raise EditError(f'"{raw}" is not a number') from None


def _share(spec: FieldSpec, raw: str) -> Any:
    if raw.endswith("%"):
        value = _number(spec, raw[:-1].strip())
        return round(value / 100, 6)
    value = _number(spec, raw)
    if isinstance(value, int | float) and value > 1:
        raise EditError(f"{raw} is more than 1; write a fraction (0.95) or a percentage (95%)")
    return float(value)


def _date(spec: FieldSpec, raw: str) -> Any:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise EditError(f'"{raw}" is not a date; write YYYY-MM-DD') from None


def _items(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _list(spec: FieldSpec, raw: str) -> Any:
    items = _items(raw)
    if spec.key == "extra_holidays":
        return [_date(spec, item) for item in items]
    return items


def _events(spec: FieldSpec, raw: str) -> Any:
    items = _items(raw)
    if spec.key in ("event", "numerator") and len(items) == 1:
        return items[0]
    return items


def _bool(spec: FieldSpec, raw: str) -> Any:
    lowered = raw.lower()
    if lowered in ("true", "yes", "on", "1"):
        return True
    if lowered in ("false", "no", "off", "0"):
        return False
    raise EditError(f'"{raw}" is not yes or no')


_PARSERS = {
    "text": _text,
    "choice": _text,
    "duration": _text,
    "event": _text,
    "number": _number,
    "share": _share,
    "date": _date,
    "list": _list,
    "events": _events,
    "bool": _bool,
}
