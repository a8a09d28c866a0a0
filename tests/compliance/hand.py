"""Hand-built pilots through the real path: the CLI's `init`, `import` and `compliance`.

Each case is a folder under tests/fixtures/compliance/ holding a `contract.toml`
(a small valid agreement), an `events.csv` in the canonical CSV and, when
tiers matter, an `accounts.csv`. A test builds a fresh workspace from it with
`slatui init --from`, `slatui import accounts` and `slatui import events`, then
reads `slatui compliance --json` and `slatui compliance items ID --json`, and
checks every figure against one worked out by hand in a comment next to it.

All cases use America/New_York: EDT (UTC-4) until Sun 2026-11-01 02:00, EST
(UTC-5) after; November 2026 is [2026-11-01 00:00 EDT, 2026-12-01 00:00 EST).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from slatui.cli.main import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compliance"
NY = ZoneInfo("America/New_York")


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A New York wall time (never an ambiguous or skipped one in these cases)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=NY)


def instant(text: str | None) -> dt.datetime:
    """An ISO time from the JSON; it must carry an offset (DESIGN §4: every time its zone)."""
    assert text is not None
    moment = dt.datetime.fromisoformat(text)
    assert moment.utcoffset() is not None, text
    return moment


def cli(*argv: str) -> tuple[int, str, str]:
    """Run the slatui entry function in-process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str) -> str:
    """Run a command that must succeed; its stdout."""
    code, out, err = cli(*argv)
    assert code == 0, (argv, out, err)
    return out


@dataclass(frozen=True)
class Workspace:
    """A temp workspace built from one fixture folder."""

    db: Path
    case: Path

    def run(self, *argv: str) -> str:
        """A command on this workspace that must succeed."""
        return ok(*argv, "--db", str(self.db))

    def import_events(self, name: str) -> str:
        """`slatui import events FILE` of a CSV of the case's folder."""
        return self.run("import", "events", str(self.case / name))

    def compliance(self, as_of: str, period: str | None = None) -> dict[str, Any]:
        """`slatui compliance --json --as-of AS_OF [--period PERIOD]`."""
        args = ["compliance", "--json", "--as-of", as_of]
        if period is not None:
            args += ["--period", period]
        return cast(dict[str, Any], json.loads(self.run(*args)))

    def items(self, commitment: str, as_of: str) -> dict[str, dict[str, Any]]:
        """`slatui compliance items ID --json --as-of AS_OF`, by item key."""
        args = ["compliance", "items", commitment, "--json", "--as-of", as_of]
        rows = cast(list[dict[str, Any]], json.loads(self.run(*args)))
        return {row["key"]: row for row in rows}


def build(
    tmp_path: Path,
    case: str,
    *,
    contract: str = "contract.toml",
    events: tuple[str, ...] = ("events.csv",),
) -> Workspace:
    """init --from the case's contract, import its accounts (if any), then its event files."""
    folder = FIXTURES / case
    ws = Workspace(tmp_path / f"{case}.db", folder)
    ok("init", "--from", str(folder / contract), "--db", str(ws.db))
    if (folder / "accounts.csv").exists():
        ws.run("import", "accounts", str(folder / "accounts.csv"))
    for name in events:
        ws.import_events(name)
    return ws


def commitment(report: dict[str, Any], ident: str) -> dict[str, Any]:
    """One commitment's entry of `slatui compliance --json`."""
    found = [c for c in report["commitments"] if c["id"] == ident]
    assert len(found) == 1, [c["id"] for c in report["commitments"]]
    return cast(dict[str, Any], found[0])


def raised(report: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    """The escalations of one rule in `slatui compliance --json`, in the order listed."""
    return [e for e in report["escalations"] if e["rule"] == rule]
