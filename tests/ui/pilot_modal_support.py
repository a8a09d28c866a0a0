"""What the Pilot modal tests and their snapshots share: files, waiting, typing a path.

The files are small canonical CSVs written for these tests (the naive time
on 2 November is EST, UTC-5, in the sample agreement's America/New_York);
`settle` waits until no worker runs, since a finished detection starts the
preview from its handler.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerState

from screens.import_modal import ImportModal

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ROOT / "tests" / "presets" / "fixtures"
SIZE = (110, 34)
UTC = dt.UTC
NOW = dt.datetime(2027, 1, 4, 14, 0, tzinfo=UTC)  # 09:00 EST, a Monday

EVENTS = """\
occurred_at,type,account,lead,quantity
2026-11-02T14:05:00Z,sal_notified,acme,L-1,
2026-11-02 16:30,call,acme,L-1,
2026-11-03T10:00:00-05:00,ad_impression,acme,,"1,184"
"""
BAD_EVENTS = """\
occurred_at,type,account,lead,quantity
2026-11-02T14:05:00Z,sal_notified,acme,L-1,
yesterday,call,acme,L-1,
2026-11-03T10:00:00Z,ad_impression,acme,,-3
2026-11-03T11:00:00Z,ad_impression,acme,,12
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def copy(tmp_path: Path, fixture: Path) -> str:
    shutil.copy(fixture, tmp_path / fixture.name)
    return fixture.name


def big_events(tmp_path: Path, rows: int) -> str:
    """`rows` distinct events (one a minute), enough to stop an import half-way."""
    start = dt.datetime(2026, 11, 2, tzinfo=UTC)
    lines = [
        f"{(start + dt.timedelta(minutes=i)).isoformat()},page_view,acc-{i % 50}\n"
        for i in range(rows)
    ]
    return write(tmp_path, "big.csv", "occurred_at,type,account\n" + "".join(lines))


async def settle(pilot: Pilot[Any]) -> None:
    """Until no worker runs: a finished detection starts the preview from its handler."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return
    raise AssertionError("workers still running after 20 rounds")


async def read_file(pilot: Pilot[Any], modal: ImportModal, name: str) -> None:
    """Type the path into the file field and press enter; wait for detection and preview."""
    path = modal.query_one("#import-path", Input)
    path.value = name
    path.focus()
    await pilot.press("enter")
    await settle(pilot)
