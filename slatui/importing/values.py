"""Plain values from export cells: empties, booleans, numbers, quantities.

Exports say "no value" in many ways, and a measurement that counts ``Select``
as a lead source, or ``000000000000000AAA`` as an account, is wrong without
anyone noticing. So the placeholders are an explicit, configurable set, and
everything that is not clearly a boolean or a number is an error naming the
value, never a guess.

Case rules: placeholder tokens match **exactly** (after stripping whitespace),
because tools write them with one fixed spelling (``Select`` in the X Education
form export, ``NULL`` from SQL dumps) while another spelling may be a real
value (a partner tier called "select", a surname "Null"). Each spelling to
treat as empty is listed; the defaults list both cases where both occur in the
wild (``N/A`` and ``n/a``, ``NULL`` and ``null``). Salesforce empty lookups are
recognised by shape: 15 zeros, optionally followed by the 3-character case
suffix (``000000000000000AAA``). Booleans, by contrast, are matched ignoring
case: ``TRUE``, ``True`` and ``true`` can only mean one thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DEFAULT_PLACEHOLDERS: frozenset[str] = frozenset({"Select", "--", "N/A", "n/a", "NULL", "null"})
"""Cell texts that mean "no value" (exact match after stripping whitespace)."""

_EMPTY_SALESFORCE_ID = re.compile(r"0{15}(?:[A-Z]{3})?")
_TRUE: frozenset[str] = frozenset({"true", "1", "yes", "y"})
_FALSE: frozenset[str] = frozenset({"false", "0", "no", "n"})
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


class ValueProblem(ValueError):
    """A cell that is not the kind of value its column needs; the message names it."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"{value!r}: {reason}")
        self.value = value
        self.reason = reason


@dataclass(frozen=True)
class Placeholders:
    """Which cells count as empty. ``tokens`` match exactly; ids by shape (see module)."""

    tokens: frozenset[str] = DEFAULT_PLACEHOLDERS
    salesforce_empty_ids: bool = True

    def is_empty(self, value: str) -> bool:
        """True for an empty or whitespace cell, a placeholder token or an empty lookup id."""
        text = value.strip()
        if not text or text in self.tokens:
            return True
        return self.salesforce_empty_ids and _EMPTY_SALESFORCE_ID.fullmatch(text) is not None

    def clean(self, value: str) -> str | None:
        """The stripped text, or None when the cell means "no value"."""
        return None if self.is_empty(value) else value.strip()

    def with_tokens(self, *extra: str) -> Placeholders:
        """A copy that also treats ``extra`` (exact spellings) as empty."""
        return Placeholders(self.tokens | frozenset(extra), self.salesforce_empty_ids)


DEFAULT = Placeholders()


def parse_bool(value: str, *, placeholders: Placeholders = DEFAULT) -> bool | None:
    """``TRUE/FALSE``, ``1/0``, ``yes/no``, ``y/n`` in any case; None when empty.

    Anything else (``maybe``, ``2``, ``Sí``) is a `ValueProblem`.
    """
    if placeholders.is_empty(value):
        return None
    word = value.strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueProblem(value, "not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n)")


def parse_number(value: str, *, placeholders: Placeholders = DEFAULT) -> Decimal | None:
    """A decimal number; ``1,184`` and ``1,184.50`` have thousands separators. None when empty.

    Exact (`Decimal`, so ``9225.225`` stays that). A comma is a thousands
    separator only in groups of three (``1,18`` is an error, not 118 or 1.18),
    and a decimal comma is not accepted: an export in a comma-decimal locale
    must say so rather than have ``1,5`` read as fifteen.
    """
    if placeholders.is_empty(value):
        return None
    text = value.strip()
    if _GROUPED_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    elif not _PLAIN_NUMBER.fullmatch(text):
        raise ValueProblem(value, "not a number (digits, optional 1,234 grouping and . decimals)")
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the patterns only admit valid literals
        raise ValueProblem(value, "not a number") from None
    if not number.is_finite():  # pragma: no cover - the patterns admit no inf/nan
        raise ValueProblem(value, "not a finite number")
    return number


def parse_quantity(value: str, *, placeholders: Placeholders = DEFAULT) -> int | None:
    """A count (impressions, clicks): a whole number at least 0; None when empty.

    ``15.0`` is accepted as 15 (spreadsheets write counts as floats); ``2.5``
    and ``-3`` are `ValueProblem`s.
    """
    number = parse_number(value, placeholders=placeholders)
    if number is None:
        return None
    if number < 0:
        raise ValueProblem(value, "a quantity cannot be negative")
    if number != number.to_integral_value():
        raise ValueProblem(value, "a quantity must be a whole number")
    return int(number)
