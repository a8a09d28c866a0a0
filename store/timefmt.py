"""Instants as stored: UTC ISO text with a fixed width, so SQL can compare them.

A single format with microseconds and `+00:00` makes text order equal time
order, which `in_force(at)` relies on (`agreed_at <= ?`).
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """The default clock; tests inject their own."""
    return dt.datetime.now(dt.UTC)


def require_aware(moment: dt.datetime, what: str) -> dt.datetime:
    """Refuse naive datetimes: a time without a zone is ambiguous by an ocean."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} needs a time zone (e.g. datetime.now(UTC)), got {moment}")
    return moment


def to_db(moment: dt.datetime) -> str:
    """Aware datetime -> fixed-width UTC text."""
    utc = require_aware(moment, "a stored time").astimezone(dt.UTC)
    return utc.isoformat(timespec="microseconds")


def from_db(text: str) -> dt.datetime:
    """Stored text -> aware UTC datetime."""
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)
