#!/usr/bin/env python3
"""Time to first frame of the workbench, as a ratio to a bare Textual app.

Both apps start the same way: a fresh interpreter, `run(headless=True)`. When
Textual reports its first frame displayed (the App's Ready event) a child
prints a marker line and exits; the
parent times each child from spawn to that marker (imports, start-up and the
first render; not the shutdown), alternating the apps so that machine load
affects both alike, and reports medians and their ratio. slatui's app opens a
workspace holding sample.toml; a second figure times until the agreement
itself is on screen (loaded in a worker after the first frame).

    python benchmarks/first_frame.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKER = "first-frame"


def child(kind: str, db: str) -> None:
    """Run one app headless and exit after the frame we are timing."""
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

            def on_ready(self) -> None:
                _frame_then_exit(self)

        bare = Bare()
        bare.run(headless=True)
        sys.exit(bare.return_code or 0)
    import slatui.app
    from slatui.app import SlatuiApp
    from store import Store

    class Timed(SlatuiApp):
        CSS_PATH = str(Path(slatui.app.__file__).parent / "app.tcss")

        def on_ready(self) -> None:
            super().on_ready()
            if kind == "slatui":
                _frame_then_exit(self)

        def watch_version(self, version: object) -> None:
            super().watch_version(version)  # type: ignore[arg-type]
            if kind == "slatui-loaded" and version is not None:
                self.call_after_refresh(_frame_then_exit, self)

    with Store.open(Path(db), create=False) as store:
        app = Timed(store, poll_seconds=0)
        app.run(headless=True)
    sys.exit(app.return_code or 0)


def _frame_then_exit(app: Any) -> None:
    """Tell the parent the frame is on screen, then leave."""
    print(MARKER, flush=True)
    app.exit()


def time_child(kind: str, db: str) -> float:
    """Seconds from spawn to the child's first-frame marker."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, db],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = proc.communicate(timeout=60)
    if line.strip() != MARKER or proc.returncode != 0:
        raise SystemExit(f"{kind} failed (exit {proc.returncode}):\n{err[-3000:]}")
    return elapsed


def make_workspace(folder: Path) -> str:
    """A workspace holding sample.toml, as `slatui init --from sample.toml` makes it."""
    from slatui.contract import load_file
    from store import Store

    path = folder / "bench.db"
    with Store.open(path) as store:
        store.import_contract(load_file(ROOT / "sample.toml"), source="sample.toml")
    return str(path)


def main() -> int:
    """Alternate the apps, print medians and ratios."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = make_workspace(Path(folder))
        kinds = ("bare", "slatui", "slatui-loaded")
        for kind in kinds:  # warm the file cache and .pyc files once
            time_child(kind, db)
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            for kind in kinds:
                times[kind].append(time_child(kind, db))
    bare = statistics.median(times["bare"])
    print(f"runs: {args.runs} each, medians of spawn to first frame")
    print(f"bare Textual app (Header + Footer):      {bare * 1000:7.1f} ms   1.00x")
    for kind, label in (
        ("slatui", "slatui first frame:"),
        ("slatui-loaded", "slatui with the agreement shown:"),
    ):
        value = statistics.median(times[kind])
        print(f"{label:40s} {value * 1000:7.1f} ms   {value / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
