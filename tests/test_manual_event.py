"""One event typed by hand (the log modal): each field's reading and its message.

The workspace agreement is sample.toml: zone America/New_York. US daylight
saving time ends on Sunday 2026-11-01, so 3 November is EST (UTC-5).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from slatui.contract import load_file
from slatui.contract.model import Contract
from slatui.events import KNOWN_EVENT_TYPES
from slatui.importing.workspace import context_for
from slatui.pilot import manual
from slatui.pilot.manual import FieldError

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"
UTC = dt.UTC


@pytest.fixture(scope="module")
def contract() -> Contract:
    return load_file(SAMPLE)


def test_suggested_types_put_the_agreements_first(contract: Contract) -> None:
    names = manual.event_names(contract)
    assert len(names) == len(set(names))
    assert set(KNOWN_EVENT_TYPES) <= set(names)
    first = names[: names.index("sal_notified") + 1]
    assert "campaign_touch" in first  # the sample's first commitment counts touches
    assert manual.event_names(None) == sorted(KNOWN_EVENT_TYPES)


def test_a_type_must_be_spelt_like_one() -> None:
    assert manual.parse_type(" call ") == "call"
    with pytest.raises(FieldError, match=r"did you mean sal_notified\?"):
        manual.parse_type("Sal Notified")
    with pytest.raises(FieldError, match="type an event type"):
        manual.parse_type("  ")


def test_an_unknown_type_is_only_warned_about(contract: Contract) -> None:
    names = manual.event_names(contract)
    assert manual.type_warning("call", names) is None
    assert manual.type_warning("sal_notifed", names) == (
        "not a known event type; did you mean sal_notified?"
    )
    assert "new event type" in (manual.type_warning("board_pack_sent", names) or "")


def test_the_account_cannot_be_empty() -> None:
    assert manual.parse_account(" acme ") == "acme"
    with pytest.raises(FieldError, match="name the account"):
        manual.parse_account("")


def test_a_naive_time_is_in_the_agreements_zone(contract: Contract) -> None:
    context = context_for(contract)
    # 10:15 EST (UTC-5) is 15:15 UTC.
    assert manual.parse_time("2026-11-03T10:15", context) == dt.datetime(
        2026, 11, 3, 15, 15, tzinfo=UTC
    )
    assert manual.parse_time("2026-11-03T10:15Z", context) == dt.datetime(
        2026, 11, 3, 10, 15, tzinfo=UTC
    )


def test_a_bad_time_is_refused_with_an_example(contract: Contract) -> None:
    with pytest.raises(FieldError, match=r"not a time: write ISO 8601, e\.g\. 2026-11-03T10:15"):
        manual.parse_time("yesterday", context_for(contract))
    with pytest.raises(FieldError, match="say when"):
        manual.parse_time("", context_for(contract))
    with pytest.raises(FieldError, match="no agreement zone"):
        manual.parse_time("2026-11-03T10:15", context_for(None))


def test_quantity_defaults_to_one_and_is_never_negative() -> None:
    assert manual.parse_quantity("") == 1.0
    assert manual.parse_quantity("1,184") == 1184.0
    with pytest.raises(FieldError, match="negative"):
        manual.parse_quantity("-3")


def test_the_time_field_shows_now_in_the_agreements_zone(contract: Contract) -> None:
    now = dt.datetime(2027, 1, 4, 14, 0, 30, tzinfo=UTC)
    # 14:00 UTC in January is 09:00 EST; the field is to the minute.
    assert manual.shown_time(now, context_for(contract)) == "2027-01-04T09:00-05:00"
    assert manual.shown_time(now, context_for(None)) == "2027-01-04T14:00Z"


def test_optional_fields_are_none_when_empty() -> None:
    assert (manual.optional("  "), manual.optional(" L-1 ")) == (None, "L-1")
