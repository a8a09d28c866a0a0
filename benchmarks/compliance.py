#!/usr/bin/env python3
"""The full evaluation of sample.toml on a big workspace, as a ratio to one GROUP BY.

The script builds (or reuses, with --keep) a workspace holding sample.toml,
10,000 accounts over the three tiers, 20,000 SALs with their first contacts
and verdicts, and 1,000,000 touchpoint events (impressions, clicks, nurture,
webinars, downloads) from August to November 2026. Opening it brings an
older workspace up to date (migration 3 adds the covering index the
evaluation reads). In the same process and on the same connection it times,
in pairs, one right after the other:

* **baseline**: `SELECT type, count(*) FROM events GROUP BY type` (one full
  pass over the events, the cheapest question a workspace can be asked);
* **slatui**: `slatui.compliance.evaluate.evaluate` of the whole agreement as
  of 1 December 2026 (every commitment in its own period, every escalation,
  every response item: what the Compliance screen and `slatui compliance`
  show).

Each pair gives one ratio (evaluation over baseline), so a run that the
machine slows down slows both sides alike. One warm-up pair is not counted.
It prints the median of the baseline and evaluation times, and the median,
minimum and maximum of the ratios (target <= 10: the evaluation shares its
scans and reads ranges of the indexes instead of the table once per figure).

    python benchmarks/compliance.py [--keep DIR] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slatui.compliance.evaluate import evaluate  # noqa: E402
from slatui.contract import load_file  # noqa: E402
from slatui.pilot.records import AccountRecord, EventRecord  # noqa: E402
from store import BatchMeta, Store  # noqa: E402

TARGET = 10.0
ACCOUNTS = 10_000
SALS = 20_000
TOUCHES = 1_000_000
START = dt.datetime(2026, 8, 3, 13, tzinfo=dt.UTC)
SPAN = dt.timedelta(days=118)
AS_OF = dt.datetime(2026, 12, 1, 5, tzinfo=dt.UTC)
TOUCH_TYPES = (
    "ad_impression",
    "email_click",
    "nurture_email",
    "webinar_attended",
    "content_download",
    "ad_click",
    "email_open",
)


def accounts(rng: random.Random) -> list[AccountRecord]:
    """10,000 accounts: 5% tier 1, 25% tier 2, the rest tier 3; most with owners."""
    out = []
    for i in range(ACCOUNTS):
        tier = "t1" if i % 20 == 0 else ("t2" if i % 4 == 1 else "t3")
        owner = None if rng.random() < 0.05 else f"rep-{i % 40}"
        out.append(AccountRecord(f"a{i:05d}", name=f"Account {i}", tier=tier, owner=owner))
    return out


def moment(rng: random.Random) -> dt.datetime:
    return START + dt.timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))


def events(rng: random.Random) -> list[EventRecord]:
    """1,000,000 touches and 20,000 SALs with a first contact and a verdict for most."""
    out = []
    for _ in range(TOUCHES):
        kind = rng.choice(TOUCH_TYPES)
        quantity = float(rng.randrange(1, 400)) if kind == "ad_impression" else 1.0
        account = f"a{rng.randrange(ACCOUNTS):05d}"
        out.append(EventRecord(moment(rng), kind, account=account, quantity=quantity))
    for n in range(SALS):
        account = f"a{rng.randrange(ACCOUNTS):05d}"
        at = moment(rng)
        lead = f"SAL-{n:05d}"
        out.append(EventRecord(at, "sal_notified", account=account, lead=lead))
        if rng.random() < 0.9:
            answer = at + dt.timedelta(hours=rng.uniform(0.5, 60))
            out.append(EventRecord(answer, "call", account=account, lead=lead))
        if rng.random() < 0.8:
            verdict = rng.choice(("sal_accepted", "sal_rejected"))
            later = at + dt.timedelta(hours=rng.uniform(1, 80))
            out.append(EventRecord(later, verdict, account=account, lead=lead))
        if rng.random() < 0.15:
            opened = at + dt.timedelta(days=rng.uniform(3, 40))
            out.append(EventRecord(opened, "opportunity_created", account=account, lead=lead))
    return out


def build(path: Path) -> None:
    rng = random.Random(20261201)
    started = time.perf_counter()
    with Store.open(path) as store:
        store.import_contract(load_file(ROOT / "sample.toml"), source="sample.toml")
        store.import_batch(BatchMeta("accounts", "a" * 64, "accounts"), accounts=accounts(rng))
        store.import_batch(BatchMeta("events", "e" * 64, "events"), events=events(rng))
    print(f"built {path} in {time.perf_counter() - started:.0f} s", flush=True)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    """Build or reuse the workspace, then alternate baseline and evaluation runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="build the workspace here and reuse it")
    parser.add_argument("--runs", type=int, default=7, help="timed pairs (default 7)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="slatui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "compliance.db"
    if not path.exists():
        build(path)
    with Store.open(path, create=False) as store:
        contract = store.current().contract
        conn = store._db.conn  # the baseline asks SQLite directly, on the same connection

        def baseline() -> object:
            return conn.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall()

        def full() -> object:
            return evaluate(contract, store, AS_OF)

        pairs = [(timed(baseline), timed(full)) for _ in range(args.runs + 1)][1:]
    base = statistics.median(b for b, _ in pairs)
    ours = statistics.median(e for _, e in pairs)
    ratios = [e / b for b, e in pairs]
    ratio = statistics.median(ratios)
    verdict = "ok" if ratio <= TARGET else "over target"
    print(f"baseline GROUP BY type over the events: {base * 1000:.0f} ms (median of {len(pairs)})")
    print(f"full evaluation of sample.toml:        {ours * 1000:.0f} ms (median of {len(pairs)})")
    print(
        f"ratio: median {ratio:.2f}, min {min(ratios):.2f}, max {max(ratios):.2f} "
        f"over {len(pairs)} runs (target <= {TARGET:g}) {verdict}"
    )


if __name__ == "__main__":
    main()
