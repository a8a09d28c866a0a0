"""Values no pilot has are refused as bad rows, never written and never crash a screen."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from slatui.importing.canonical import MAX_QUANTITY, number
from slatui.importing.dates import DateError, parse_timestamp
from slatui.importing.pipeline import Context, RowReject
from slatui.pilot.records import EventRecord

NEW_YORK = ZoneInfo("America/New_York")


def context() -> Context:
    return Context(zone=NEW_YORK, zone_name="America/New_York")


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00Z", "9999-12-31T23:59", "1899-12-31"])
def test_placeholder_years_are_not_dates(text: str) -> None:
    # 9999-12-31T23:59 in New York would be 10000-01-01 in UTC: not even a datetime.
    with pytest.raises(DateError, match="outside the years 1900-2200"):
        context().instant(text, "occurred_at", iso_only=True)


def test_the_slow_path_refuses_them_too() -> None:
    with pytest.raises(DateError, match="outside the years"):
        parse_timestamp("12/31/9999 11:59 PM", tz=NEW_YORK, order="monthfirst")


def test_the_edges_are_dates() -> None:
    first = context().instant("1900-01-01T12:00:00Z", iso_only=True)
    assert first == dt.datetime(1900, 1, 1, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize("text", ["1e308", "1e400", "99999999999999999999999"])
def test_quantities_beyond_any_count_are_rejects(text: str) -> None:
    with pytest.raises(RowReject, match="too large"):
        number(text, "quantity")
    assert number("1000000000000000", "quantity") == MAX_QUANTITY


def test_an_event_cannot_hold_an_infinite_quantity() -> None:
    with pytest.raises(ValueError, match="finite"):
        EventRecord(dt.datetime(2026, 11, 2, tzinfo=dt.UTC), "call", quantity=float("inf"))
