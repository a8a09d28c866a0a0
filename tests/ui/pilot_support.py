"""Helpers for the Pilot screen's tests: a small pilot workspace with known contents.

The workspace holds sample.toml (pilot 2026-11-02 for 4 weeks, New York) and,
as two batches, four accounts and `events` events. The store's clock is frozen
on Wednesday 18 November 2026 10:00 in New York: week 3 of the pilot.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import DataTable

from screens.pilot_screen import PilotScreen
from slatui.contract.load import load_file
from slatui.pilot.records import AccountRecord, EventRecord
from store import BatchMeta, Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample.toml"
NOW = dt.datetime(2026, 11, 18, 15, 0, tzinfo=dt.UTC)  # Wed 10:00 in New York: week 3 of 4
FIRST = dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC)  # Mon 09:00 in New York

ACCOUNTS = (
    AccountRecord("acme", name="Acme Corp", tier="t1", owner="Ann Lee", country="US"),
    AccountRecord("globex", name="Globex", tier="t1", country="US"),
    AccountRecord("initech", name="Initech", tier="t2", owner="Bob Ray", country="CA"),
    AccountRecord("hooli", name="Hooli", country="US"),
)


def frozen() -> dt.datetime:
    """The store's `now`."""
    return NOW


def pilot_workspace(tmp_path: Path, events: int = 5) -> Path:
    """sample.toml, then batch 1 (the accounts) and batch 2 (`events` events).

    Event i happens i hours after FIRST; it is a `call` on acme when i is even
    and an `ad_impression` on globex (quantity 10 * i) when i is odd.
    """
    path = tmp_path / "workspace.db"
    with Store.open(path, now=frozen) as store:
        store.import_contract(load_file(SAMPLE), source="sample.toml")
        store.import_batch(BatchMeta("accounts.csv", "a" * 64, "accounts"), accounts=ACCOUNTS)
        store.import_batch(BatchMeta("events.csv", "e" * 64, "events"), events=make_events(events))
    return path


def make_events(count: int, *, start: int = 0) -> list[EventRecord]:
    """Events `start` .. `start + count - 1` as pilot_workspace describes them."""
    made = []
    for i in range(start, start + count):
        at = FIRST + dt.timedelta(hours=i)
        if i % 2 == 0:
            made.append(EventRecord(at, "call", account="acme", lead=f"SAL-{i}"))
        else:
            made.append(EventRecord(at, "ad_impression", account="globex", quantity=10.0 * i))
    return made


def pilot_screen(app: App[Any]) -> PilotScreen:
    """The Pilot screen (the bottom of the pilot mode's stack)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, PilotScreen), screen
    return screen


def column(screen: PilotScreen, table: str, index: int) -> list[str]:
    """The text of one column of a table, top to bottom."""
    widget = screen.query_one(f"#{table}", DataTable)
    return [str(widget.get_row_at(row)[index]) for row in range(widget.row_count)]
