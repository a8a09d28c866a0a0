"""What the measurements read from the store: sums per period and tier, per account,
clock events in occurrence order, and coverage; each figure worked out by hand."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.compliance.shared import SharedReads
from slatui.pilot.records import AccountRecord, EventRecord
from store import BatchMeta, Store
from store.pilot_queries import micros
from store.schema import MIGRATIONS

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


def test_clock_ticks_are_the_clock_events_in_microseconds(store: Store) -> None:
    types = ["sal_notified", "call", "sales_email", "ad_impression"]
    for tier in (None, "t1", "t2", "t3"):
        rows = store.clock_events(types, tier=tier)
        ticks = store.clock_ticks(types, tier=tier)
        assert [(i, micros(at), t, a, lead) for i, at, t, a, lead in rows] == ticks


@pytest.mark.parametrize("until", [None, at(9, 18), DEC])
def test_shared_reads_answer_what_the_store_answers(store: Store, until: dt.datetime) -> None:
    """One evaluation's shared reads: the same rows, in the same order, as asking the store."""
    shared = SharedReads(store)
    kinds = (["sal_notified", "call", "sales_email"], ["ad_impression"], ["call", "pause"], [])
    for _ in range(2):  # the second round is answered from what the first read
        for types in kinds:
            for tier in (None, "t1", "t2", "t3"):
                expected = store.clock_ticks(types, until=until, tier=tier)
                assert shared.clock_ticks(types, until=until, tier=tier) == expected
                events = store.clock_events(types, until=until, tier=tier)
                assert shared.clock_events(types, until=until, tier=tier) == events
                assert shared.event_total(types, NOV, until, tier=tier) == store.event_total(
                    types, NOV, until, tier=tier
                )
                assert shared.tier_accounts(tier) == store.tier_accounts(tier)
        assert shared.first_event_at() == store.first_event_at()
        assert shared.has_events(["campaign_report"]) is False


def test_an_older_workspace_gets_the_covering_index_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute("DROP INDEX events_type_ts_cover")  # as migration 2 left it
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    Store.open(path, create=False).close()
    raw = sqlite3.connect(path)
    names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    version = raw.execute("PRAGMA user_version").fetchone()[0]
    plan = raw.execute(
        "EXPLAIN QUERY PLAN SELECT e.id, e.ts, e.type, e.account, e.lead FROM events AS e "
        "WHERE e.type IN ('call') AND e.ts < 0"
    ).fetchall()
    raw.close()
    assert "events_type_ts_cover" in names
    assert version == len(MIGRATIONS)
    assert "COVERING INDEX events_type_ts_cover" in plan[0][3]
