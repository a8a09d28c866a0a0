#!/usr/bin/env python3
"""Does the Compliance screen's refresh ever block a key press? Event-loop stalls, measured.

On the workspace of `benchmarks/compliance.py` (1,000,000 touchpoint events,
20,000 SALs, 10,000 accounts; built once, reused with --keep), the workbench
runs headless at 140x45. A probe on the event loop wakes every 5 ms and
records how late it woke: a key press waits at most that long before it is
handled, so the longest stall is the longest a key can be blocked. Keys are
pressed throughout (`down`, `up` on the focused table) and each is timed
until the table's cursor has moved.

It measures, in the same run:

* **baseline**: the workbench on the Compliance screen once everything is on
  it, keys pressed as before, for as long as the Compliance run lasts (the
  stalls Textual itself causes: rendering, moving the cursor, polling);
* **compliance**: switching to the Compliance screen and waiting until its
  figures and sparklines are on screen, then a write from a second
  connection (as `slatui log` in another terminal would) and the live
  refresh it causes.

It prints the longest stall of each and their ratio; the target is a
longest stall under 100 ms during the Compliance run.

    python benchmarks/compliance_screen.py [--keep DIR] [--mode compliance]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from slatui.app import create_app  # noqa: E402
from slatui.pilot.records import EventRecord  # noqa: E402
from store import BatchMeta, Store  # noqa: E402

TARGET_MS = 100.0
PROBE = 0.005
NOW = dt.datetime(2026, 12, 1, 5, tzinfo=dt.UTC)


def _workspace_builder() -> Callable[[Path], None]:
    """`build` of benchmarks/compliance.py, loaded from its file (benchmarks is no package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_compliance", ROOT / "benchmarks" / "compliance.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    builder: Callable[[Path], None] = module.build
    return builder


class Probe:
    """Wakes every PROBE seconds and keeps the longest lateness seen."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.running = True

    async def run(self) -> None:
        while self.running:
            before = time.perf_counter()
            await asyncio.sleep(PROBE)
            self.worst = max(self.worst, time.perf_counter() - before - PROBE)


async def _presses(pilot: Any, stop: asyncio.Event, timings: list[float]) -> None:
    """Every 50 ms, press down or up on the focused table; time until its cursor moved.

    The key goes through the App's queue like a typed one (`App.simulate_key`
    without waiting for the screen to settle), so the time measured is how
    long a person would wait for the cursor: queue, handler and all.
    """
    app = pilot.app
    n = 0
    while not stop.is_set():
        table = app.focused
        before = getattr(table, "cursor_coordinate", None)
        if before is None or getattr(table, "row_count", 0) < 2:
            await asyncio.sleep(0.05)
            continue
        key = "up" if before.row > 0 else "down"
        started = time.perf_counter()
        app.post_message(events.Key(key, None))
        while table.cursor_coordinate == before and time.perf_counter() - started < 10:
            await asyncio.sleep(0.001)
        timings.append(time.perf_counter() - started)
        n += 1
        await asyncio.sleep(0.05)


async def _busy_workers(app: Any) -> bool:
    return any(not w.is_finished and w.group != "poll" for w in app.workers)


async def _settle(app: Any, timeout: float) -> None:
    """Wait until no worker but the poll runs (the screen has everything on it)."""
    deadline = time.perf_counter() + timeout
    await asyncio.sleep(0.3)
    while await _busy_workers(app) and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)


async def _measure(
    path: Path, scenario: Callable[[Any, Any, Path], Awaitable[None]], before: str | None = None
) -> tuple[float, list[float], float]:
    with Store.open(path, create=False, now=lambda: NOW) as store:
        app = create_app(store, poll_seconds=0.5, offer_sample=False)
        async with app.run_test(size=(140, 45)) as pilot:
            await _settle(app, 30)
            await asyncio.sleep(2.0)  # the Draft screen lays out the agreement after loading it
            if before is not None:
                app.switch_mode(before)
                await _settle(app, 600)
                await asyncio.sleep(1.0)
            probe, stop = Probe(), asyncio.Event()
            timings: list[float] = []
            probing = asyncio.create_task(probe.run())
            pressing = asyncio.create_task(_presses(pilot, stop, timings))
            started = time.perf_counter()
            await scenario(app, pilot, path)
            elapsed = time.perf_counter() - started
            stop.set()
            probe.running = False
            await pressing
            await probing
    return probe.worst, timings, elapsed


def _compliance(mode: str) -> Callable[[Any, Any, Path], Awaitable[None]]:
    async def scenario(app: Any, pilot: Any, path: Path) -> None:
        app.switch_mode(mode)
        await _settle(app, 600)
        with Store.open(path, create=False) as other:
            event = EventRecord(NOW, "call", account="a00001", lead="SAL-bench")
            other.import_batch(BatchMeta("slatui log", None, "log"), events=[event])
        await asyncio.sleep(1.0)  # the poll notices within 0.5 s
        await _settle(app, 600)

    return scenario


def _idle(seconds: float) -> Callable[[Any, Any, Path], Awaitable[None]]:
    async def scenario(app: Any, pilot: Any, path: Path) -> None:
        await asyncio.sleep(seconds)

    return scenario


def main() -> None:
    """Build or reuse the workspace, run the Compliance scenario, then the idle baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="build the workspace here and reuse it")
    parser.add_argument("--mode", default="compliance", help="the workbench mode to measure")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="slatui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "compliance.db"
    if not path.exists():
        _workspace_builder()(path)
    worst, timings, elapsed = asyncio.run(_measure(path, _compliance(args.mode)))
    idle_worst, idle_timings, _ = asyncio.run(_measure(path, _idle(elapsed), args.mode))
    verdict = "ok" if worst * 1000 < TARGET_MS else "over target"
    print(f"{args.mode} run: {elapsed:.1f} s, {len(timings)} key presses")
    target = f"target < {TARGET_MS:g} ms"
    print(f"longest event-loop stall, {args.mode}: {worst * 1000:.0f} ms ({verdict}, {target})")
    print(f"longest event-loop stall, {args.mode} settled: {idle_worst * 1000:.0f} ms")
    print(f"ratio to baseline: {worst / max(idle_worst, 1e-3):.1f}")
    slowest = max(timings, default=0.0) * 1000
    idle_slowest = max(idle_timings, default=0.0) * 1000
    print(
        f"slowest key press (cursor moved): {slowest:.0f} ms ({args.mode}, {len(timings)} keys), "
        f"{idle_slowest:.0f} ms (settled, {len(idle_timings)} keys)"
    )


if __name__ == "__main__":
    main()
