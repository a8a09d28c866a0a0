"""The pilot data in the workspace: batches, facts, materialisation, events, undo, summary.

Every test builds its own `tmp_path` workspace and feeds `Store.import_batch`
plain records, so the numbers below can be worked out by hand from the
records in the test; the reasoning is written next to each assertion.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.contract.model import Pilot
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord
from store import (
    AlreadyImported,
    BatchMeta,
    DuplicateEvent,
    EventFilter,
    SourceTally,
    Store,
    UnknownBatch,
)
from store import pilot_queries as q
from store.pilot_store import pilot_window

UTC = dt.UTC
T0 = dt.datetime(2027, 1, 5, 14, 0, tzinfo=UTC)


class Clock:
    """One minute per reading, so every batch has its own time."""

    def __init__(self) -> None:
        self.moment = T0

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(minutes=1)
        return self.moment


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ws.db", now=Clock()) as opened:
        yield opened


def _meta(name: str, kind: str = "events") -> BatchMeta:
    return BatchMeta(file_name=name, sha256=f"sha-{name}", kind=kind)


def _event(hour: int, type_: str = "call", **fields: object) -> EventRecord:
    return EventRecord(dt.datetime(2026, 11, 2, hour, tzinfo=UTC), type_, **fields)  # type: ignore[arg-type]


def _counts(store: Store) -> tuple[int, int, int, int]:
    summary = store.summary(None, T0)
    return len(summary.batches), summary.events, summary.accounts, summary.contacts


# ---------------------------------------------------------------- schema


def test_schema_has_the_tables_and_the_indexes_the_measurements_need(store: Store) -> None:
    conn = store._db.conn
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"batches", "account_facts", "accounts", "contact_facts", "contacts", "events"} <= (
        tables
    )
    indexes = {
        r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
    }
    for name, columns in {
        "events_type_ts": "(type, ts)",
        "events_account_type_ts": "(account, type, ts)",
        "events_lead_type_ts": "(lead, type, ts)",
        "events_contact_ts": "(contact, ts)",
        "events_batch": "(batch)",
        "accounts_tier": "(tier)",
        "contacts_account": "(account)",
    }.items():
        assert indexes[name].endswith(columns), name
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM events WHERE type = ? AND ts >= ?", ("a", 0)
    ).fetchall()
    assert "events_type_ts" in str(plan)


def test_events_are_stored_as_utc_microseconds(store: Store) -> None:
    # 2026-11-02T14:05:00.25Z is 1793628300 s after the epoch
    # (20,759 days * 86,400 = 1,793,577,600 s to midnight, + 14 h 5 min = 50,700 s),
    # so ts = 1,793,628,300,250,000 µs.
    moment = dt.datetime(2026, 11, 2, 14, 5, 0, 250_000, tzinfo=UTC)
    store.import_batch(_meta("e.csv"), events=[EventRecord(moment, "call", account="acme")])
    (ts,) = store._db.conn.execute("SELECT ts FROM events").fetchone()
    assert ts == 1_793_628_300_250_000
    page = store.events_page()
    assert page.events[0].occurred_at == moment


# ---------------------------------------------------------------- facts and materialisation


def test_a_later_batch_overrides_field_by_field_and_undo_restores_the_earlier(
    store: Store,
) -> None:
    # Batch 1 says acme's owner is A (and its name and tier); batch 2 says only
    # owner B. Materialised: the latest non-null per field, so name and tier
    # still come from batch 1 and the owner from batch 2.
    one = store.import_batch(
        _meta("a1.csv", "accounts"),
        accounts=[AccountRecord("acme", name="Acme", tier="t1", owner="A", employees=1200)],
    )
    two = store.import_batch(
        _meta("a2.csv", "accounts"),
        accounts=[AccountRecord("acme", owner="B"), AccountRecord("umbrella", tier="t2")],
    )
    assert (one.batch.id, two.batch.id) == (1, 2)
    acme = next(a for a in store.accounts() if a.key == "acme")
    assert (acme.name, acme.tier, acme.owner, acme.employees) == ("Acme", "t1", "B", 1200)
    assert store.accounts_by_tier() == {"t1": 1, "t2": 1}

    undone = store.undo_batch(2)
    # Undo 2: acme's owner is A again; umbrella, which only batch 2 mentioned, is gone.
    assert (undone.accounts, undone.events) == (2, 0)
    assert [(a.key, a.owner) for a in store.accounts()] == [("acme", "A")]
    assert store.accounts_by_tier() == {"t1": 1}


def test_undoing_an_earlier_batch_keeps_what_a_later_one_said(store: Store) -> None:
    store.import_batch(_meta("a1.csv", "accounts"), accounts=[AccountRecord("acme", owner="A")])
    store.import_batch(
        _meta("a2.csv", "accounts"), accounts=[AccountRecord("acme", owner="B", name="Acme")]
    )
    store.undo_batch(1)
    (acme,) = store.accounts()
    assert (acme.owner, acme.name) == ("B", "Acme")


def test_a_key_repeated_in_one_file_merges_later_values_winning(store: Store) -> None:
    result = store.import_batch(
        _meta("a.csv", "accounts"),
        accounts=[
            AccountRecord("acme", name="Acme", owner="A"),
            AccountRecord("acme", owner="B", domain="acme.com"),
        ],
    )
    # One fact per key per batch: the second row's owner wins, the first's name stays.
    assert result.accounts == 1
    (acme,) = store.accounts()
    assert (acme.name, acme.owner, acme.domain) == ("Acme", "B", "acme.com")


def test_a_contacts_seniority_stays_with_its_title(store: Store) -> None:
    store.import_batch(
        _meta("c1.csv", "contacts"),
        contacts=[ContactRecord("c1", account="acme", title="VP Sales", seniority="vp")],
    )
    # Batch 2 gives a new title it cannot classify: the contact is unclassified
    # now, not "Intern" with batch 1's vp.
    store.import_batch(_meta("c2.csv", "contacts"), contacts=[ContactRecord("c1", title="Intern")])
    (contact,) = store.contacts()
    assert (contact.account, contact.title, contact.seniority) == ("acme", "Intern", None)
    assert store.summary(None, T0).contacts_by_seniority["unclassified"] == 1
    store.undo_batch(2)
    (contact,) = store.contacts()
    assert (contact.title, contact.seniority) == ("VP Sales", "vp")


# ---------------------------------------------------------------- events and duplicates


def test_the_same_event_again_is_a_duplicate_within_and_across_batches(store: Store) -> None:
    # Three records, two of them the same event: 2 added, 1 duplicate.
    first = store.import_batch(
        _meta("e1.csv"), events=[_event(9, account="acme"), _event(9, account="acme"), _event(10)]
    )
    assert (first.events, first.duplicates, first.batch.imported) == (2, 1, 2)
    # From another file: the 09:00 call again (another actor and channel do not
    # make it another event: they are not in the fingerprint) and a new one.
    second = store.import_batch(
        _meta("e2.csv"),
        events=[_event(9, account="acme", actor="Bo", channel="phone"), _event(11)],
    )
    assert (second.events, second.duplicates) == (1, 1)
    assert store.events_count() == 3
    # What makes an event different: quantity, detail, lead, contact, type or time.
    third = store.import_batch(
        _meta("e3.csv"),
        events=[
            _event(9, account="acme", quantity=2.0),
            _event(9, account="acme", detail="x"),
            _event(9, account="acme", lead="L-1"),
            _event(9, account="acme", contact="c1"),
            _event(9, "meeting", account="acme"),
        ],
    )
    assert (third.events, third.duplicates) == (5, 0)


def test_a_file_already_imported_adds_nothing(store: Store) -> None:
    store.import_batch(_meta("e.csv"), events=[_event(9)])
    consumed: list[int] = []

    def events() -> Iterator[EventRecord]:
        consumed.append(1)
        yield _event(10)

    with pytest.raises(AlreadyImported) as raised:
        store.import_batch(_meta("e.csv"), events=events())
    # T0 is 2027-01-05 14:00 UTC; the first batch was stamped a minute later.
    assert str(raised.value) == (
        "e.csv was already imported as batch 1 on 2027-01-05; nothing added (to read it "
        "again with other options, undo it first: slatui imports undo 1)"
    )
    assert consumed == []  # refused before a row was read
    assert _counts(store) == (1, 1, 0, 0)


def test_an_import_is_all_or_nothing(store: Store) -> None:
    store.import_batch(_meta("before.csv"), events=[_event(1)])
    before = _counts(store)

    def failing() -> Iterator[EventRecord]:
        for n in range(25_000):  # more than two executemany chunks are written first
            yield EventRecord(T0 + dt.timedelta(seconds=n), "ad_impression")
        raise ValueError("row 25001 is bad")

    with pytest.raises(ValueError, match="25001"):
        store.import_batch(_meta("big.csv"), events=failing())
    assert _counts(store) == before

    def refuse() -> SourceTally:
        raise ValueError("rows were rejected")

    with pytest.raises(ValueError, match="rejected"):
        store.import_batch(
            _meta("late.csv", "accounts"), accounts=[AccountRecord("acme")], tally=refuse
        )
    assert _counts(store) == before
    assert store.batch_for_file("sha-big.csv") is None


def test_the_tally_fills_the_batch_counts_and_report(store: Store) -> None:
    result = store.import_batch(
        _meta("e.csv"),
        events=[_event(1), _event(1), _event(2)],
        tally=lambda: SourceTally(rows_read=5, rejected=2, skipped=3, report={"encoding": "x"}),
    )
    # rows_read, rejected, skipped from the source; imported 2 and duplicates 1 from the store.
    b = result.batch
    assert (b.rows_read, b.imported, b.rejected, b.skipped, b.duplicates) == (5, 2, 2, 3, 1)
    assert b.report == {"encoding": "x"}
    assert store.batch(1) == b


# ---------------------------------------------------------------- undo and log


def test_undo_removes_a_batch_completely(store: Store) -> None:
    store.import_batch(_meta("one.csv"), events=[_event(1)])
    before = _counts(store)
    store.import_batch(
        _meta("two.csv", "mixed"),
        accounts=[AccountRecord("acme", owner="A")],
        contacts=[ContactRecord("c1", account="acme")],
        events=[_event(2), _event(3)],
    )
    assert _counts(store) == (2, 3, 1, 1)
    undone = store.undo_batch(2)
    assert (undone.events, undone.accounts, undone.contacts) == (2, 1, 1)
    assert _counts(store) == before
    conn = store._db.conn
    for table in ("account_facts", "contact_facts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    with pytest.raises(UnknownBatch, match="no batch 2"):
        store.undo_batch(2)
    # Batch ids are never reused: the next import is 3, not 2.
    assert store.import_batch(_meta("three.csv"), events=[_event(4)]).batch.id == 3


def test_undo_warns_of_later_batches_that_counted_duplicates(store: Store) -> None:
    store.import_batch(_meta("one.csv"), events=[_event(1)])
    store.import_batch(_meta("two.csv"), events=[_event(1), _event(2)])
    undone = store.undo_batch(1)
    # Batch 2's copy of the 01:00 event was a duplicate of batch 1's, so it goes too.
    assert undone.shared_with == (2,)
    assert store.events_count() == 1


def test_a_logged_event_is_a_batch_that_can_be_undone(store: Store) -> None:
    result = store.log_event(_event(9, "sal_notified", account="acme"), actor="Ann Lee")
    batch = result.batch
    assert (batch.kind, batch.file_name, batch.sha256, batch.imported) == (
        "log",
        "slatui log",
        None,
        1,
    )
    (event,) = store.events_page().events
    assert (event.type, event.account, event.actor, event.batch) == (
        "sal_notified",
        "acme",
        "Ann Lee",
        batch.id,
    )
    with pytest.raises(DuplicateEvent, match=f"batch {batch.id}"):
        store.log_event(_event(9, "sal_notified", account="acme"))
    assert len(store.batches()) == 1  # the refused log left no empty batch
    store.undo_batch(batch.id)
    assert _counts(store) == (0, 0, 0, 0)


# ---------------------------------------------------------------- reading


def test_events_page_filters_and_pages_by_cursor(store: Store) -> None:
    # 250 events, one a minute from 2026-11-02 00:00 UTC, alternating accounts a/b;
    # every tenth is a sal_notified with lead L-n.
    start = dt.datetime(2026, 11, 2, tzinfo=UTC)
    events = [
        EventRecord(
            start + dt.timedelta(minutes=n),
            "sal_notified" if n % 10 == 0 else "email_open",
            account="a" if n % 2 == 0 else "b",
            lead=f"L-{n}" if n % 10 == 0 else None,
        )
        for n in range(250)
    ]
    store.import_batch(_meta("e.csv"), events=reversed(events))  # order of import is irrelevant
    pages = []
    page = store.events_page(limit=100)
    pages.append(page)
    while page.next is not None:
        page = store.events_page(limit=100, after=page.next)
        pages.append(page)
    assert [len(p.events) for p in pages] == [100, 100, 50]
    minutes = [int((e.occurred_at - start).total_seconds() // 60) for p in pages for e in p.events]
    assert minutes == list(range(250))

    assert store.events_count(EventFilter(type="sal_notified")) == 25  # n = 0, 10, ..., 240
    assert store.events_count(EventFilter(account="a")) == 125  # the even n
    assert store.events_count(EventFilter(account="b", type="sal_notified")) == 0  # n%10==0 is even
    window = EventFilter(
        since=start + dt.timedelta(minutes=60), until=start + dt.timedelta(hours=2)
    )
    assert store.events_count(window) == 60  # minutes 60..119
    (lead,) = store.events_page(EventFilter(lead="L-40")).events
    assert lead.occurred_at == start + dt.timedelta(minutes=40)
    skipped = store.events_page(EventFilter(type="sal_notified"), offset=3, limit=2).events
    assert [e.lead for e in skipped] == ["L-30", "L-40"]


def test_summary_counts(store: Store) -> None:
    store.import_batch(
        _meta("a.csv", "accounts"),
        accounts=[AccountRecord("a", tier="t1"), AccountRecord("b", tier="t2"), AccountRecord("c")],
    )
    store.import_batch(
        _meta("c.csv", "contacts"),
        contacts=[
            ContactRecord("x", title="VP Sales", seniority="vp"),
            ContactRecord("y", title="Wizard"),
            ContactRecord("z"),
        ],
    )
    store.import_batch(
        _meta("e.csv"),
        events=[
            _event(1, "ad_impression", quantity=1184),
            _event(2, "ad_impression", quantity=250),
        ],
    )
    summary = store.summary(Pilot(start=dt.date(2026, 11, 2), weeks=4), T0)
    assert summary.accounts_by_tier == {"t1": 1, "t2": 1, "untiered": 1}
    assert summary.contacts_by_seniority == {
        "ic": 0,
        "manager": 0,
        "director": 0,
        "vp": 1,
        "c_level": 0,
        "unclassified": 1,  # "Wizard": a title nobody could place
        "no title": 1,
    }
    (impressions,) = summary.events_by_type
    assert (impressions.events, impressions.quantity) == (2, 1434.0)  # 1,184 + 250
    assert [b.file_name for b in summary.batches] == ["a.csv", "c.csv", "e.csv"]
    assert summary.window is not None and summary.window.progress == "ended"  # 2027 > pilot


@pytest.mark.parametrize(
    ("day", "progress"),
    [
        # The pilot starts Monday 2026-11-02 for 4 weeks: days 0-6 are week 1,
        # day 7 (Mon 9 Nov) is week 2, day 27 (Sun 29 Nov) is week 4, day 28 is after.
        (dt.date(2026, 11, 1), "not started"),
        (dt.date(2026, 11, 2), "week 1 of 4"),
        (dt.date(2026, 11, 8), "week 1 of 4"),
        (dt.date(2026, 11, 9), "week 2 of 4"),
        (dt.date(2026, 11, 29), "week 4 of 4"),
        (dt.date(2026, 11, 30), "ended"),
    ],
)
def test_pilot_week(day: dt.date, progress: str) -> None:
    pilot = Pilot(start=dt.date(2026, 11, 2), weeks=4)
    now = dt.datetime.combine(day, dt.time(23, 59), tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    window = pilot_window(pilot, now)
    assert window.progress == progress
    assert window.last_day == dt.date(2026, 11, 29)


def test_the_pilot_week_turns_at_local_midnight() -> None:
    pilot = Pilot(start=dt.date(2026, 11, 2), weeks=4)
    # 2026-11-09 03:00 UTC is still Sunday 8 Nov 22:00 in New York (EST, UTC-5): week 1.
    from zoneinfo import ZoneInfo

    utc = dt.datetime(2026, 11, 9, 3, 0, tzinfo=UTC)
    assert pilot_window(pilot, utc).progress == "week 2 of 4"
    assert pilot_window(pilot, utc.astimezone(ZoneInfo("America/New_York"))).week == 1


def test_another_connections_import_moves_data_version(tmp_path: Path) -> None:
    path = tmp_path / "ws.db"
    with Store.open(path) as watcher, Store.open(path) as writer:
        before = watcher.data_version()
        writer.import_batch(_meta("e.csv"), events=[_event(1)])
        assert watcher.data_version() != before
        assert watcher.events_count() == 1


def test_fingerprint_tells_none_from_the_text_none() -> None:
    assert q.fingerprint(1, "call", None, None, None, 1.0, None) != q.fingerprint(
        1, "call", "None", None, None, 1.0, None
    )
    assert q.fingerprint(1, "call", "a", None, None, 1, None) == q.fingerprint(
        1, "call", "a", None, None, 1.0, None
    )


def test_foreign_keys_cascade_from_batches(store: Store) -> None:
    store.import_batch(_meta("e.csv"), events=[_event(1)])
    conn = store._db.conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO events (batch, ts, type, fingerprint) VALUES (99, 0, 'call', x'00')"
        )


def test_account_names_by_key_leave_out_keys_not_held(store: Store) -> None:
    store.import_batch(
        BatchMeta("a.csv", "f" * 64, "accounts"),
        accounts=[AccountRecord("acme", name="Acme Corp"), AccountRecord("hooli")],
    )
    assert store.account_names(["acme", "hooli", "nope"]) == {"acme": "Acme Corp", "hooli": None}
    assert store.account_names([]) == {}
