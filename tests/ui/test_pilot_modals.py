"""Pilot tests of the Pilot screen's modals: importing a file and logging an event.

Each modal runs in `ModalHost` (tests/ui/hosts.py) over a workspace holding
sample.toml (zone America/New_York; US daylight saving time ends on Sunday
2026-11-01, so early November is EST, UTC-5). The import modal writes through
a connection of its own, so the host's store sees what it wrote once it
committed. Files are written into `tmp_path`, which is also the current
directory, and typed by name as a person would.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, ProgressBar, Select, Static

from screens.confirm_modal import ConfirmModal
from screens.import_modal import ImportModal, ImportOutcome
from screens.import_report import report_rows
from screens.log_event_modal import LogEventModal
from slatui.importing.canonical import LAYOUTS
from slatui.importing.pipeline import Options, Plan
from slatui.importing.workspace import context_for
from slatui.pilot.records import EventRecord
from store import Store
from store.pilot_import import run_plan
from tests.ui.hosts import ModalHost, sample_store
from tests.ui.pilot_modal_support import (
    BAD_EVENTS,
    EVENTS,
    NOW,
    PRESETS,
    ROOT,
    SIZE,
    UTC,
    big_events,
    copy,
    read_file,
    settle,
    write,
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.chdir(tmp_path)
    opened = sample_store(tmp_path)
    yield opened
    opened.close()


def text_of(widget: Static) -> str:
    return str(widget.content)


async def open_import(app: ModalHost, pilot: Pilot[Any], name: str = "") -> ImportModal:
    modal = ImportModal(app.store.path, app.store.current().contract)
    app.open(modal)
    await pilot.pause()
    if name:
        await read_file(pilot, modal, name)
    return modal


async def import_now(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


def message(modal: ImportModal) -> Static:
    return modal.query_one("#import-message", Static)


def only_outcome(app: ModalHost) -> ImportOutcome:
    assert len(app.results) == 1, app.results
    outcome = app.results[0]
    assert isinstance(outcome, ImportOutcome)
    return outcome


# ------------------------------------------------------------ importing a canonical file


async def test_import_a_canonical_events_file(store: Store, tmp_path: Path) -> None:
    name = write(tmp_path, "events.csv", EVENTS)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        assert modal.query_one("#import-layout", Select).value == "events"
        assert text_of(modal.query_one("#import-detected", Static)).startswith("fits events")
        table = modal.query_one("#import-preview", DataTable)
        assert table.display and table.row_count == 3
        assert [str(c.label) for c in table.columns.values()] == [
            "line", "occurred_at", "type", "account", "lead", "quantity"
        ]  # fmt: skip
        assert table.get_row_at(1) == ["3", "2026-11-02 16:30", "call", "acme", "L-1", ""]
        assert app.focused is modal.query_one("#import-submit")
        await import_now(pilot)
        assert modal.phase == "done"
        headline = text_of(modal.query_one("#import-headline", Static))
        assert headline == "imported events.csv as batch 1: 3 events"
        await pilot.press("enter")  # on the focused Close button
        await pilot.pause()
    outcome = only_outcome(app)
    assert outcome.result is not None and outcome.result.events == 3
    assert outcome.report.rows_read == 3 and outcome.report.rejected == 0
    assert outcome.report.events_by_type == {"ad_impression": 1, "call": 1, "sal_notified": 1}
    assert outcome.report.quantity_by_type["ad_impression"] == 1184.0
    times = {e.type: e.occurred_at for e in store.events_page().events}
    assert times == {
        "sal_notified": dt.datetime(2026, 11, 2, 14, 5, tzinfo=UTC),
        "call": dt.datetime(2026, 11, 2, 21, 30, tzinfo=UTC),  # 16:30 EST, naive: +5 h
        "ad_impression": dt.datetime(2026, 11, 3, 15, 0, tzinfo=UTC),  # 10:00-05:00
    }


async def test_the_path_completes_from_the_folder(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "events-november.csv", EVENTS)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot)
        await pilot.press(*"events-n")
        await settle(pilot)
        await pilot.press("right")  # takes the suggestion
        assert modal.query_one("#import-path", Input).value == "events-november.csv"


@pytest.mark.parametrize(
    ("fixture", "layout"),
    [
        ("hubspot_contacts.csv", "hubspot-contacts"),
        ("salesforce_leads_api.csv", "salesforce-leads"),
    ],
)
async def test_detection_preselects_the_preset(
    store: Store, tmp_path: Path, fixture: str, layout: str
) -> None:
    name = copy(tmp_path, PRESETS / fixture)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        assert modal.query_one("#import-layout", Select).value == layout
        detected = text_of(modal.query_one("#import-detected", Static))
        assert detected.startswith(f"fits {layout} (")
        table = modal.query_one("#import-preview", DataTable)
        assert table.row_count >= 2
        assert "key" in [str(c.label) for c in table.columns.values()]


async def test_escape_before_importing_returns_none(store: Store, tmp_path: Path) -> None:
    name = write(tmp_path, "events.csv", EVENTS)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(app, pilot, name)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert store.batches() == []


# ------------------------------------------------------------ refusals


async def test_ambiguous_dates_are_refused_until_day_first_is_chosen(
    store: Store, tmp_path: Path
) -> None:
    # 11/02/2026 and 03/04/2026 read either way round, and nothing in the column settles it.
    name = copy(tmp_path, PRESETS / "salesforce_leads_ambiguous.csv")
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        refusal = message(modal)
        assert refusal.has_class("-error")
        assert "can be read day-first or month-first" in text_of(refusal)
        assert 'choose "day first" or "month first" under Dates' in text_of(refusal)
        assert "--dayfirst" not in text_of(refusal)
        assert not modal.query_one("#import-preview", DataTable).display
        order = modal.query_one("#import-order", Select)
        assert app.focused is order  # the option that fixes it
        await pilot.press("enter", "down", "enter")  # open the list, "day first", choose
        await settle(pilot)
        assert order.value == "dayfirst"
        assert modal.query_one("#import-preview", DataTable).row_count == 2
        await import_now(pilot)
        await pilot.press("escape")
        await pilot.pause()
    outcome = only_outcome(app)
    assert outcome.result is not None and outcome.result.events == 2
    # Day first: 11 February (EST, +5 h) and 3 April (EDT, +4 h), both at midnight.
    times = sorted(e.occurred_at for e in store.events_page().events)
    assert times == [
        dt.datetime(2026, 2, 11, 5, 0, tzinfo=UTC),
        dt.datetime(2026, 4, 3, 4, 0, tzinfo=UTC),
    ]


async def test_an_unknown_column_and_a_bad_zone_are_said_in_words(
    store: Store, tmp_path: Path
) -> None:
    name = write(tmp_path, "typo.csv", "occured_at,type,account\n2026-11-02T10:00Z,call,acme\n")
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        assert modal.query_one("#import-layout", Select).value == "events"
        text = text_of(message(modal))
        assert "unknown column 'occured_at' (did you mean occurred_at?)" in text
        assert "Traceback" not in text
        fixed = write(tmp_path, "fixed.csv", EVENTS)
        await read_file(pilot, modal, fixed)
        zone = modal.query_one("#import-tz", Input)
        zone.value = "America/New_Yrok"
        zone.focus()
        await pilot.press("enter")  # previews with that zone
        await settle(pilot)
        assert "did you mean America/New_York?" in text_of(message(modal))
        assert app.focused is zone
        await import_now(pilot)  # refused the same way: nothing is written
        assert modal.phase == "ready"
        assert "not a time zone name" in text_of(message(modal))
    assert store.batches() == []


async def test_a_file_already_imported_says_its_batch(store: Store, tmp_path: Path) -> None:
    name = write(tmp_path, "events.csv", EVENTS)
    contract = store.current().contract
    run_plan(store, Plan(Path(name), LAYOUTS["events"], context_for(contract), Options()))
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        await import_now(pilot)
        headline = text_of(modal.query_one("#import-headline", Static))
        assert headline.startswith("events.csv was already imported as batch 1; nothing was added")
        modal.query_one("#import-report").focus()  # enter closes from anywhere in the report
        await pilot.press("enter")
        await pilot.pause()
    outcome = only_outcome(app)
    assert outcome.already and outcome.result is None
    assert len(store.batches()) == 1


async def test_rejected_rows_then_skip_bad_rows(store: Store, tmp_path: Path) -> None:
    name = write(tmp_path, "bad.csv", BAD_EVENTS)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_import(app, pilot, name)
        await import_now(pilot)
        headline = text_of(modal.query_one("#import-headline", Static))
        assert headline.startswith("bad.csv: 2 rows rejected, so nothing was imported")
        assert '"skip bad rows" imports the other 2' in headline
        assert modal.outcome is not None
        report = "\n".join(line for _, lines in report_rows(modal.outcome) for line in lines)
        assert "line 3: occurred_at 'yesterday' is not a date" in report
        assert "line 4: quantity '-3' is negative" in report
        assert store.batches() == []  # all or nothing
        await pilot.press("b")
        assert modal.phase == "ready"
        skip = modal.query_one("#import-skip", Checkbox)
        assert app.focused is skip
        await pilot.press("space")
        assert skip.value
        await import_now(pilot)
        await pilot.press("enter")
        await pilot.pause()
    outcome = only_outcome(app)
    assert outcome.result is not None and outcome.result.events == 2
    assert outcome.report.rejected == 2
    assert outcome.report.rejects_file == "bad.csv.rejects.csv"
    assert (tmp_path / "bad.csv.rejects.csv").exists()
    assert store.events_count() == 2


# ------------------------------------------------------------ stopping an import


class GatedImport(ImportModal):
    """Holds the import's thread at its first progress report until the test lets it go.

    So the test can press escape while the import is certainly running, and
    the stop lands at a known row (the next report, 1,000 rows later).
    """

    PROGRESS_EVERY = 1_000
    CSS_PATH = ROOT / "screens" / "import_modal.tcss"  # relative paths start at this file

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reached = threading.Event()
        self.gate = threading.Event()

    def _progress(self, rows: int) -> None:
        super()._progress(rows)
        self.reached.set()
        assert self.gate.wait(timeout=10), "the test never opened the gate"


async def start_gated(app: ModalHost, pilot: Pilot[Any], name: str) -> GatedImport:
    modal = GatedImport(app.store.path, app.store.current().contract)
    app.open(modal)
    await pilot.pause()
    await read_file(pilot, modal, name)
    await pilot.press("ctrl+s")
    for _ in range(500):
        if modal.reached.is_set():
            break
        await pilot.pause(0.01)
    assert modal.reached.is_set(), "the import never reported progress"
    await pilot.pause()
    return modal


async def test_stopping_an_import_leaves_the_workspace_unchanged(
    store: Store, tmp_path: Path
) -> None:
    name = big_events(tmp_path, 5_000)
    before = (store.events_count(), store.batches())
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await start_gated(app, pilot, name)
        assert modal.phase == "importing"
        assert modal.rows_seen == 1_000
        # ~45-byte lines, 225 KB: estimated from the first 64 KiB, within a few rows.
        assert 4_900 <= modal.estimate <= 5_100
        bar = modal.query_one("#import-progress", ProgressBar)
        assert (bar.total, bar.progress) == (modal.estimate, 1_000)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        modal.gate.set()
        await settle(pilot)
        assert modal.phase == "ready"
        assert text_of(message(modal)) == "import stopped: nothing of the file was written"
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert (store.events_count(), store.batches()) == before
    assert not list(tmp_path.glob("big.csv.rejects*"))


async def test_not_stopping_lets_the_import_finish(store: Store, tmp_path: Path) -> None:
    name = big_events(tmp_path, 2_500)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await start_gated(app, pilot, name)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        modal.gate.set()
        await settle(pilot)
        assert modal.phase == "done"
        await pilot.press("escape")
        await pilot.pause()
    outcome = only_outcome(app)
    assert outcome.result is not None and outcome.result.events == 2_500
    assert store.events_count() == 2_500


async def test_an_import_that_ends_while_stop_is_asked_takes_the_question_away(
    store: Store, tmp_path: Path
) -> None:
    name = big_events(tmp_path, 2_500)
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = await start_gated(app, pilot, name)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        modal.gate.set()  # the import finishes before anyone answers
        await settle(pilot)
        assert modal.phase == "done"
        assert app.screen is modal  # no stale "Stop the import?" over the report
    assert store.events_count() == 2_500


# ------------------------------------------------------------ logging an event


def open_log(app: ModalHost, accounts: list[str] | None = None) -> LogEventModal:
    modal = LogEventModal(app.store.current().contract, accounts or ["acme", "globex"], now=NOW)
    app.open(modal)
    return modal


async def fill(pilot: Pilot[Any], modal: LogEventModal, **fields: str) -> None:
    for name, value in fields.items():
        modal.query_one(f"#log-{name}", Input).value = value
    await pilot.pause()


def under(modal: LogEventModal, name: str) -> Static:
    return modal.query_one(f"#log-{name}-message", Static)


async def test_log_returns_the_event_in_utc_from_a_naive_new_york_time(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = open_log(app)
        await pilot.pause()
        # now is 2027-01-04 14:00 UTC: 09:00 EST, shown with its offset.
        assert modal.query_one("#log-at", Input).value == "2027-01-04T09:00-05:00"
        await fill(
            pilot, modal, type="call", account="acme", lead="L-1", at="2026-11-03T10:15",
            actor="Sam Lee", channel="phone",
        )  # fmt: skip
        await pilot.press("ctrl+s")
        await pilot.pause()
    # 10:15 EST (UTC-5) is 15:15 UTC.
    assert app.results == [
        EventRecord(
            occurred_at=dt.datetime(2026, 11, 3, 15, 15, tzinfo=UTC),
            type="call",
            account="acme",
            lead="L-1",
            quantity=1.0,
            actor="Sam Lee",
            channel="phone",
        )
    ]
    assert store.events_count() == 0  # the modal writes nothing; the caller logs it


async def test_log_defaults_to_now_and_types_complete(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = open_log(app)
        await pilot.pause()
        await pilot.press(*"sal_n")
        await settle(pilot)
        await pilot.press("right")
        assert modal.query_one("#log-type", Input).value == "sal_notified"
        await pilot.press("enter")  # next field: account
        await pilot.press(*"glo")
        await settle(pilot)
        await pilot.press("right")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [EventRecord(occurred_at=NOW, type="sal_notified", account="globex")]


async def test_log_validation_messages(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        modal = open_log(app)
        await pilot.pause()
        await fill(pilot, modal, type="sal_notifed", at="yesterday", quantity="-3")
        warning = under(modal, "type")
        assert warning.display and warning.has_class("-warning")
        assert text_of(warning) == "not a known event type; did you mean sal_notified?"
        assert text_of(under(modal, "at")) == (
            "not a time: write ISO 8601, e.g. 2026-11-03T10:15 or 2026-11-03T10:15Z"
        )
        assert under(modal, "at").has_class("-error")
        assert text_of(under(modal, "quantity")) == "quantity '-3' is negative"
        assert not under(modal, "account").display  # not typed yet: nothing said
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []  # refused: the modal stays
        assert text_of(under(modal, "account")) == "name the account (its key, e.g. acme)"
        assert app.focused is modal.query_one("#log-account", Input)
        await fill(pilot, modal, account="initech", at="2026-11-03T10:15Z", quantity="")
        assert text_of(under(modal, "account")) == "not an account of the workspace yet"
        assert not under(modal, "at").display
        await pilot.press("ctrl+s")  # the warnings do not stop it
        await pilot.pause()
    assert app.results == [
        EventRecord(
            occurred_at=dt.datetime(2026, 11, 3, 10, 15, tzinfo=UTC),
            type="sal_notifed",
            account="initech",
        )
    ]


async def test_log_escape_cancels(store: Store) -> None:
    app = ModalHost(store)
    async with app.run_test(size=SIZE) as pilot:
        open_log(app)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_log_without_an_agreement_needs_an_offset(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.db") as empty:
        app = ModalHost(empty)
        async with app.run_test(size=SIZE) as pilot:
            modal = LogEventModal(None, [], now=NOW)
            app.open(modal)
            await pilot.pause()
            assert modal.query_one("#log-at", Input).value == "2027-01-04T14:00Z"
            await fill(pilot, modal, type="call", account="acme", at="2026-11-03T10:15")
            assert text_of(under(modal, "at")).startswith("no agreement zone to place it in")
