"""Build the demo pilot from an agreement and a seed, and write it as canonical CSV.

The steps run in a fixed order on one `random.Random(seed)`, and nothing
reads the clock or the global random state, so a seed always gives the same
files byte for byte (the demo's screenshots and tests depend on it).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from slatui.contract.model import Contract
from slatui.demo.cases import PlantedCase
from slatui.demo.conversations import run_conversations
from slatui.demo.engagement import background, settle
from slatui.demo.leads import run_script
from slatui.demo.planted import plant_engagement, plant_months, reserve
from slatui.demo.programs import run_programs
from slatui.demo.requests import run_requests
from slatui.demo.rows import AccountRow, ContactRow, Event
from slatui.demo.rules import Rules
from slatui.demo.sales import run_sales
from slatui.demo.targets import make_accounts
from slatui.demo.timing import Timeline
from slatui.demo.watchlist import run_watchlist
from slatui.demo.world import DemoDates, World
from slatui.importing.canonical import ACCOUNT_FIELDS, CONTACT_FIELDS, EVENT_FIELDS
from slatui.workcal import WorkCalendar

DEFAULT_SEED = 20261102
"""The seed `slatui demo` uses unless told otherwise (the pilot's first day)."""

_SECOND = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class DemoPilot:
    """A generated pilot: what the three CSV files hold, and the planted cases."""

    seed: int
    dates: DemoDates
    accounts: tuple[AccountRow, ...]
    contacts: tuple[ContactRow, ...]
    events: tuple[Event, ...]
    cases: tuple[PlantedCase, ...]


@dataclass(frozen=True)
class PilotFiles:
    """Where `write_pilot` put the files, in the order they must be imported."""

    accounts: Path
    contacts: Path
    events: Path

    def in_order(self) -> tuple[tuple[str, Path], ...]:
        """(kind, path) pairs: accounts first, so contacts and events find them."""
        return (("accounts", self.accounts), ("contacts", self.contacts), ("events", self.events))


def build_pilot(contract: Contract, seed: int = DEFAULT_SEED) -> DemoPilot:
    """The demo pilot for `contract` (shaped like sample.toml); DemoError if it is not."""
    rules = Rules.of(contract)
    time = Timeline(WorkCalendar.from_contract(contract))
    dates = DemoDates.around(rules.pilot.start, rules.pilot.end)
    world = World(random.Random(seed), time, rules, dates)
    make_accounts(world)
    silent, cold = reserve(world)
    run_programs(world)
    run_script(world)
    run_conversations(world)
    run_requests(world)
    run_watchlist(world)
    plant_engagement(world, silent, cold)
    run_sales(world)
    background(world)
    settle(world)
    plant_months(world)
    return DemoPilot(
        seed=seed,
        dates=dates,
        accounts=tuple(world.accounts),
        contacts=tuple(c for a in world.accounts for c in world.contacts[a.key]),
        events=_in_file_order(world.events),
        cases=tuple(sorted(world.cases, key=lambda c: (c.due, c.kind, c.subject))),
    )


def _in_file_order(events: list[Event]) -> tuple[Event, ...]:
    """Events sorted for the file, none the workspace would take for another.

    Two events with the same fingerprint (time, type, account, contact, lead,
    quantity, detail) would import as one plus a duplicate; the later is
    moved on by a second, which no rule of the agreement can notice.
    """
    seen: set[tuple[object, ...]] = set()
    kept: list[Event] = []
    moved = False
    for event in sorted(events, key=Event.order):
        while event.identity() in seen:
            event = dataclasses.replace(event, at=event.at + _SECOND)
            moved = True
        seen.add(event.identity())
        kept.append(event)
    return tuple(sorted(kept, key=Event.order) if moved else kept)


def write_pilot(pilot: DemoPilot, folder: Path) -> PilotFiles:
    """Write accounts.csv, contacts.csv and events.csv into `folder` (made if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = PilotFiles(folder / "accounts.csv", folder / "contacts.csv", folder / "events.csv")
    _write(files.accounts, ACCOUNT_FIELDS, (a.cells() for a in pilot.accounts))
    _write(files.contacts, CONTACT_FIELDS, (c.cells() for c in pilot.contacts))
    _write(files.events, EVENT_FIELDS, (e.cells() for e in pilot.events))
    return files


def _write(path: Path, header: tuple[str, ...], rows: object) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)  # type: ignore[arg-type]
