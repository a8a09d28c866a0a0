"""An event typed by hand, field by field: what the log-an-event modal checks as you type.

`slatui log` and the modal record the same events, so the cells are read by
the same helpers as a canonical CSV row (`event_type`, `number`, and
`Context.instant` with ISO 8601 only); what is added here is saying what is
wrong with *one field* in words that fit under it, and the vocabulary a new
event type is compared with. As in the CLI, a type nobody knows is allowed
(teams log their own deliverables); it only gets a warning naming the
closest known type, because a misspelt type leaves its commitment empty.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection

from slatui.contract.model import Contract
from slatui.events import KNOWN_EVENT_TYPES
from slatui.importing.canonical import event_type, number
from slatui.importing.pipeline import UNZONED, Context, ImportRefused, RowReject
from slatui.lint.clauses import event_keys

CLOSEST_CUTOFF = 0.6
"""difflib similarity above which a known type is offered as "the closest"."""
TIME_EXAMPLE = "2026-11-03T10:15"


class FieldError(ValueError):
    """This field's text cannot be logged; `str()` is the message shown under the field."""


def event_names(contract: Contract | None) -> list[str]:
    """Types to suggest: those the agreement's commitments measure first, then the known ones."""
    names: list[str] = []
    if contract is not None:
        for commitment in contract.commitments:
            names += [event for _, event in event_keys(commitment) if event not in names]
    return names + sorted(KNOWN_EVENT_TYPES - set(names))


def parse_type(text: str) -> str:
    """The event type as typed, or FieldError saying how to spell one."""
    name = text.strip()
    if not name:
        raise FieldError("type an event type, e.g. sal_notified or call")
    try:
        return event_type(name)
    except RowReject as exc:
        raise FieldError(str(exc)) from None


def type_warning(name: str, known: Collection[str]) -> str | None:
    """A word of caution for a type neither slatui nor the agreement knows (None if known)."""
    if name in known:
        return None
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=CLOSEST_CUTOFF)
    if close:
        return f"not a known event type; did you mean {close[0]}?"
    return "a new event type: slatui and the agreement know no such type"


def parse_account(text: str) -> str:
    """The account's key; an event without an account is refused, as `slatui log` does."""
    key = text.strip()
    if not key:
        raise FieldError("name the account (its key, e.g. acme)")
    return key


def parse_time(text: str, context: Context) -> dt.datetime:
    """ISO 8601 as aware UTC; naive text is in the agreement's zone (the context's)."""
    written = text.strip()
    example = f"{TIME_EXAMPLE} or {TIME_EXAMPLE}Z" if context.zone_name else f"{TIME_EXAMPLE}Z"
    if not written:
        raise FieldError(f"say when it happened, e.g. {example}")
    try:
        return context.instant(written, iso_only=True)
    except ImportRefused:  # a naive time and no agreement zone
        raise FieldError(
            f"no agreement zone to place it in: add an offset or Z, e.g. {TIME_EXAMPLE}-05:00"
        ) from None
    except ValueError:
        raise FieldError(f"not a time: write ISO 8601, e.g. {example}") from None


def parse_quantity(text: str) -> float:
    """A count >= 0 (1 when empty), read like the canonical CSV's quantity."""
    written = text.strip()
    if not written:
        return 1.0
    try:
        return number(written, "quantity")
    except RowReject as exc:
        raise FieldError(str(exc)) from None


def optional(text: str) -> str | None:
    """An optional field: stripped, and None when empty."""
    return text.strip() or None


def shown_time(moment: dt.datetime, context: Context) -> str:
    """`moment` as the time field shows it: ISO 8601 in the agreement's zone, to the minute."""
    if context.zone is UNZONED:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")
    return moment.astimezone(context.zone).isoformat(timespec="minutes")
