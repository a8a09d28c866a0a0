"""What the measurements read from the store: sums per period and tier, per account,
clock events in occurrence order, and coverage; each figure worked out by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.pilot.records import AccountRecord, EventRecord
from store import BatchMeta, Store

UTC = dt.UTC
NOV = dt.datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # 1 Nov 00:00 in New York (EDT, -4)
DEC = dt.datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # 1 Dec 00:00 in New York (EST, -5)

ACCOUNTS = (
    AccountRecord("acme", tier="t1", owner="Ann"),
    AccountRecord("globex", tier="t1", owner=" "),  # a blank owner is no owner
    AccountRecord("initech", tier="t2", owner="Bob"),
    AccountRecord("hooli", tier=None),
)


def at(day: int, hour: int = 15) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=UTC)


EVENTS = (
    EventRecord(at(2), "ad_impression", account="acme", quantity=1184),
    EventRecord(at(3), "ad_impression", account="acme", quantity=16),
    EventRecord(at(3), "ad_impression", account="globex", quantity=300),
    EventRecord(at(4), "ad_impression", account="initech", quantity=50),
    EventRecord(at(5), "ad_impression", account=None, quantity=7),  # no account: no tier
    EventRecord(dt.datetime(2026, 10, 31, 12, tzinfo=UTC), "ad_impression", account="acme"),
    EventRecord(DEC, "ad_impression", account="acme", quantity=1000),  # 1 Dec: not November
    # A SAL and its stops, imported out of order (the call is listed before the notice).
    EventRecord(at(10, 20), "call", account="acme", lead="SAL-1"),
    EventRecord(at(9, 14), "sal_notified", account="acme", lead="SAL-1"),
    EventRecord(at(9, 18), "sales_email", account="acme", lead="SAL-1"),
    EventRecord(at(12), "sal_notified", account="initech", lead="SAL-2"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "w.db")
    opened.import_batch(BatchMeta("a.csv", "a" * 64, "accounts"), accounts=ACCOUNTS)
    opened.import_batch(BatchMeta("e.csv", "e" * 64, "events"), events=EVENTS)
    yield opened
    opened.close()


def test_totals_add_quantities_within_the_period_and_tier(store: Store) -> None:
    imp = ["ad_impression"]
    # November (New York): 1184 + 16 + 300 + 50 + 7 = 1557 over every account or none;
    # 31 Oct 12:00 UTC is October, 1 Dec 05:00 UTC is December 00:00 local: both out.
    assert store.event_total(imp, NOV, DEC) == 1557
    # Tier 1: acme 1184 + 16 and globex 300 = 1500; the account-less 7 counts for no tier.
    assert store.event_total(imp, NOV, DEC, tier="t1") == 1500
    assert store.event_total(imp, NOV, DEC, tier="t3") == 0


def test_totals_by_account_leave_out_accounts_without_events(store: Store) -> None:
    by_account = store.event_totals_by_account(["ad_impression"], NOV, DEC, tier="t1")
    assert by_account == {"acme": 1200.0, "globex": 300.0}
    assert store.tier_accounts("t1") == ["acme", "globex"]  # the measure adds globex's zeros


def test_no_data_means_no_event_of_the_type_at_all(store: Store) -> None:
    assert store.has_events(["ad_impression", "campaign_report"])
    assert not store.has_events(["campaign_report"])


def test_coverage_counts_set_non_blank_fields(store: Store) -> None:
    # Tier 1: acme has an owner, globex's is blank: 1 of 2.
    assert store.coverage("t1", "owner") == (1, 2)
    # Every account: acme, initech of 4.
    assert store.coverage(None, "owner") == (2, 4)
    with pytest.raises(ValueError, match="accounts have no field 'lead'"):
        store.coverage("t1", "lead")


def test_clock_events_come_in_occurrence_order_whatever_the_import_order(store: Store) -> None:
    rows = store.clock_events(["sal_notified", "call", "sales_email"], tier="t1")
    assert [(r[1], r[2], r[4]) for r in rows] == [
        (at(9, 14), "sal_notified", "SAL-1"),
        (at(9, 18), "sales_email", "SAL-1"),
        (at(10, 20), "call", "SAL-1"),
    ]
    # Up to (not including) 9 Nov 18:00: the e-mail has not happened yet.
    early = store.clock_events(["sal_notified", "sales_email"], until=at(9, 18), tier="t1")
    assert [r[2] for r in early] == ["sal_notified"]
    everyone = store.clock_events(["sal_notified"])
    assert [r[4] for r in everyone] == ["SAL-1", "SAL-2"]
