"""Helpers for the workbench's snapshot tests: a frozen workspace, waiting, steady cursors.

A snapshot is only worth keeping if the same code draws the same SVG on every
run, so everything that could vary is fixed here rather than in each test:

- the workspace file is always `workspace.db` (the header shows its name);
- the store's clock is frozen at `FROZEN`, so "created" and "signed on"
  timestamps are the same on every run;
- the App gets its theme explicitly and animations off;
- before the screenshot every worker (store calls in threads, the editor
  rebuild) has finished, every Markdown widget has mounted its blocks, and
  every text cursor is steady (Textual does not switch blinking off in
  headless runs: a blink timer toggles the cursor every 0.5 s).

`pytest-textual-snapshot` runs `run_before`, then the `press` keys, then takes
the screenshot after a pause, without waiting for workers. So the keys are
pressed inside `run_before` (see `Steps`), which waits after each one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Markdown, TextArea
from textual.worker import WorkerState

from slatui.app import SlatuiApp, create_app
from slatui.contract.load import load_file
from slatui.editing import NodeRef, set_field
from store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample.toml"
WORKSPACE = "workspace.db"  # the header shows the file name: the same in every test
THEME = "textual-dark"
# The store stamps versions and signatures with this moment (a Monday, the
# morning the sample agreement takes effect, 09:00 in New York).
FROZEN = dt.datetime(2027, 1, 4, 14, 0, tzinfo=dt.UTC)

SAL_VOLUME = NodeRef("commitment", "t2-mkt-sal-volume")
FIRST_CONTACT = NodeRef("commitment", "t2-sales-first-contact")

Check = Callable[[SlatuiApp], None]


def frozen_clock() -> dt.datetime:
    """The store's `now`: always the same instant."""
    return FROZEN


def sample_store(tmp_path: Path) -> Store:
    """`workspace.db` holding sample.toml as v1 (a draft), on the frozen clock."""
    store = Store.open(tmp_path / WORKSPACE, now=frozen_clock)
    store.import_contract(load_file(SAMPLE), source="sample.toml")
    return store


def agree_v1(store: Store) -> None:
    """Both parties sign v1: it is agreed and read-only."""
    store.sign("marketing", "Dana Ortiz")
    store.sign("sales", "Sam Lee")


def start_v2_with_one_edit(store: Store) -> None:
    """v1 agreed, v2 started from it, and the SAL volume's max raised from 3 to 4."""
    agree_v1(store)
    store.new_version()
    current = store.current()
    store.update_draft(
        set_field(current.contract, SAL_VOLUME, "max", "4"), expected_revision=current.revision
    )


def workbench(store: Store) -> SlatuiApp:
    """The real App as the CLI builds it, without the poll, the start offer or animations."""
    app = create_app(store, poll_seconds=0, offer_sample=False, theme=THEME)
    app.animation_level = "none"  # scrolling jumps instead of easing
    return app


def _busy(app: SlatuiApp) -> bool:
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until no worker runs and every Markdown has finished mounting its blocks.

    A finished worker may post a message whose handler starts another worker
    (load → editor rebuild), so this loops until a pass finds nothing running.
    `Markdown.update` parses in an executor and mounts under the widget's
    `lock`; taking the lock waits for an update in flight.
    """
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        for screen in app.screen_stack:
            for markdown in screen.query(Markdown):
                async with markdown.lock:
                    pass
        await pilot.pause()
        if not _busy(app):
            break
    else:
        raise AssertionError("workers still running after 20 rounds")
    await pilot.wait_for_scheduled_animations()


def steady_cursors(app: SlatuiApp) -> None:
    """Stop every text cursor blinking (it is then drawn, steadily, where focused)."""
    for screen in app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False


@dataclass
class Steps:
    """What `run_before` does: keys and actions, each followed by `settle`, then checks.

    The checks assert on the App's state just before the screenshot, so a
    snapshot of the wrong screen fails with a reason instead of a picture.
    An exception inside `run_before` only reaches pytest as "svg is None";
    it is kept in `failure` and re-raised by `compare`.
    """

    actions: list[str | Callable[[Pilot[Any]], Awaitable[None] | None]] = field(
        default_factory=list
    )
    checks: list[Check] = field(default_factory=list)
    failure: BaseException | None = None

    async def __call__(self, pilot: Pilot[Any]) -> None:
        try:
            app = pilot.app
            assert isinstance(app, SlatuiApp)
            await settle(pilot)
            for action in self.actions:
                if isinstance(action, str):
                    await pilot.press(action)
                else:
                    result = action(pilot)
                    if result is not None:
                        await result
                await settle(pilot)
            steady_cursors(app)
            await pilot.pause()
            assert app.theme == THEME, f"theme is {app.theme!r}, not {THEME!r}"
            assert app.sub_title == WORKSPACE
            for check in self.checks:
                check(app)
        except BaseException as exc:
            self.failure = exc
            raise


def compare(
    snap_compare: Callable[..., bool],
    app: SlatuiApp,
    size: tuple[int, int],
    actions: Iterable[str | Callable[[Pilot[Any]], Awaitable[None] | None]] = (),
    checks: Iterable[Check] = (),
) -> bool:
    """Run `app` at `size`, do `actions`, check the state, compare the screenshot."""
    steps = Steps(list(actions), list(checks))
    try:
        return snap_compare(app, terminal_size=size, run_before=steps)
    except AssertionError:
        if steps.failure is not None:
            raise steps.failure from None
        raise
