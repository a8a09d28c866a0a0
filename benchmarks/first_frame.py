#!/usr/bin/env python3
"""Time to first frame of the workbench, as a ratio to a bare Textual app.

Both apps start the same way: a fresh interpreter, `run(headless=True)`, and
exit right after their first frame is rendered. The parent times each child
process from spawn to exit, alternating the two so that machine load affects
both alike, and reports medians and their ratio. slatui's app opens a
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

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str, db: str) -> None:
    """Run one app headless and exit after the frame we are timing."""
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

            def on_mount(self) -> None:
                self.call_after_refresh(self.exit)

        bare = Bare()
        bare.run(headless=True)
        sys.exit(bare.return_code or 0)
    import slatui.app
    from slatui.app import SlatuiApp
    from store import Store

    class Timed(SlatuiApp):
        CSS_PATH = str(Path(slatui.app.__file__).parent / "app.tcss")

        def on_mount(self) -> None:
            super().on_mount()
            if kind == "slatui":
                self.call_after_refresh(self.exit)

        def watch_version(self, version: object) -> None:
            super().watch_version(version)  # type: ignore[arg-type]
            if kind == "slatui-loaded" and version is not None:
                self.call_after_refresh(self.exit)

    with Store.open(Path(db), create=False) as store:
        app = Timed(store, poll_seconds=0)
        app.run(headless=True)
    sys.exit(app.return_code or 0)


def time_child(kind: str, db: str) -> float:
    """Seconds from spawn to exit of one child."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, db], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0 or "Traceback" in result.stderr:
        raise SystemExit(f"{kind} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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
    print(f"runs: {args.runs} each, medians of spawn-to-exit")
    print(f"bare Textual app (Header + Footer):      {bare * 1000:7.1f} ms   1.00x")
    for kind, label in (("slatui", "slatui first frame:"), ("slatui-loaded", "slatui with the agreement shown:")):
        value = statistics.median(times[kind])
        print(f"{label:40s} {value * 1000:7.1f} ms   {value / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
