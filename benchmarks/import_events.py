#!/usr/bin/env python3
"""Import speed and memory of `slatui import events`, as a ratio to a plain baseline.

The script writes a deterministic canonical events CSV (1,000,000 rows by
default), then in the same run times two child processes on it, each into a
fresh workspace file:

* **slatui**: `slatui import events FILE --db FRESH.db`, the whole command
  (interpreter start, SHA-256, sniffing the encoding over the whole file,
  parsing and checking every row, fingerprints, the batch report);
* **baseline**: a plain `csv.reader` whose rows go unchanged (text cells, the
  line number as fingerprint) through `executemany` into the same `events`
  table (the workspace schema, all indexes kept) in one transaction, on a
  connection opened the way slatui opens it and with the same import pragmas.

It prints both times, their ratio (target <= 2.5) and the importer's peak
memory: the child's maximum resident set size from
`resource.getrusage(RUSAGE_CHILDREN)`, read right after the importer exits and
before the baseline runs (target < 300 MB; the file is streamed).

    python benchmarks/import_events.py [--rows 1000000] [--runs 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.5
TARGET_MB = 300

TYPES = (
    ("ad_impression", 30),
    ("email_open", 16),
    ("email_click", 8),
    ("page_view", 12),
    ("campaign_touch", 8),
    ("call", 6),
    ("sales_email", 6),
    ("meeting", 2),
    ("sal_notified", 4),
    ("sal_accepted", 3),
    ("sal_rejected", 1),
    ("content_download", 2),
    ("webinar_attended", 1),
    ("opportunity_created", 1),
)
CHANNELS = ("email", "linkedin", "phone", "web", "events", "")
PILOT_START = 1793318400  # 2026-10-30T00:00:00Z, a few days before sample.toml's pilot
PILOT_SECONDS = 35 * 86_400


def generate(path: Path, rows: int, seed: int = 20261102) -> None:
    """A canonical events CSV, the same bytes for the same rows and seed."""
    rng = random.Random(seed)
    names = [name for name, weight in TYPES for _ in range(weight)]
    accounts = [f"acct-{n:04d}" for n in range(1, 701)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(
            ["occurred_at", "type", "account", "contact", "lead", "quantity", "actor",
             "channel", "detail"]
        )  # fmt: skip
        for n in range(rows):
            stamp = PILOT_START + rng.randrange(PILOT_SECONDS)
            when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))
            kind = rng.choice(names)
            account = rng.choice(accounts)
            contact = f"{account}-c{rng.randrange(12)}" if rng.random() < 0.6 else ""
            lead = f"L-{n // 7:06d}" if kind.startswith("sal_") or kind == "call" else ""
            quantity = str(rng.randrange(1, 2000)) if kind == "ad_impression" else ""
            actor = f"rep{rng.randrange(40)}" if kind in ("call", "sales_email", "meeting") else ""
            detail = "not a fit" if kind == "sal_rejected" else ""
            out.writerow(
                [when, kind, account, contact, lead, quantity, actor, rng.choice(CHANNELS),
                 detail]
            )  # fmt: skip


# ---------------------------------------------------------------- the children


def baseline(csv_path: Path, db_path: Path) -> None:
    """The plain baseline, run in a child process (see the module docstring)."""
    sys.path.insert(0, str(ROOT))
    from store import Store
    from store.pilot_store import IMPORT_CACHE_KIB, IMPORT_SYNCHRONOUS

    Store.open(db_path).close()  # the workspace schema, every index included
    from store.connection import connect

    db = connect(db_path)
    conn = db.conn
    conn.execute(f"PRAGMA synchronous = {IMPORT_SYNCHRONOUS}")
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO batches (id, file_name, kind, imported_at) VALUES (1, ?, 'events', '')",
        (csv_path.name,),
    )
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        conn.executemany(
            "INSERT INTO events (batch, ts, type, account, contact, lead, quantity, actor,"
            " channel, detail, fingerprint) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((*cells, n) for n, cells in enumerate(reader)),
        )
    conn.execute("COMMIT")
    db.close()


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> None:
    """Generate, time both, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1, help="alternate this many pairs")
    parser.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    parser.add_argument("--baseline", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        baseline(Path(args.baseline[0]), Path(args.baseline[1]))
        return
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="slatui-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        _run(work, args.rows, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(work: Path, rows: int, runs: int) -> None:
    data = work / "events.csv"
    start = time.perf_counter()
    generate(data, rows)
    size = data.stat().st_size / 1e6
    print(f"generated {rows:,} rows ({size:.0f} MB) in {time.perf_counter() - start:.1f} s")
    ours: list[float] = []
    plain: list[float] = []
    peak_kib = 0
    for run in range(runs):
        fresh = work / f"slatui-{run}.db"
        command = [sys.executable, "-m", "slatui.cli", "import", "events", str(data)]
        ours.append(_time([*command, "--db", str(fresh)]))
        if run == 0:
            peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        plain_db = work / f"baseline-{run}.db"
        plain.append(_time([sys.executable, __file__, "--baseline", str(data), str(plain_db)]))
        for path in work.glob(f"*-{run}.db*"):
            path.unlink()
    mine, base = statistics.median(ours), statistics.median(plain)
    ratio = mine / base
    peak_mb = peak_kib / 1024
    print(f"slatui import events: {mine:.2f} s ({rows / mine:,.0f} rows/s)")
    print(f"baseline csv.reader + executemany: {base:.2f} s ({rows / base:,.0f} rows/s)")
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"ratio: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    print(
        f"importer peak memory (max RSS): {peak_mb:.0f} MB (target < {TARGET_MB} MB) "
        f"{'ok' if peak_mb < TARGET_MB else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
