"""`slatui import | imports | log | summary` on the canonical CSV fixtures.

The fixtures live in tests/fixtures/canonical/ and are copied into `tmp_path`
first (an import with --skip-bad-rows writes FILE.rejects.csv next to FILE).
The workspace holds sample.toml, whose agreement zone is America/New_York and
whose pilot starts Monday 2026-11-02 for 4 weeks. US daylight saving time
ends on Sunday 2026-11-01, so naive times on 30 October are EDT (UTC-4) and
from 2 November on EST (UTC-5).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.cli.main import run
from store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample.toml"
FIXTURES = ROOT / "tests" / "fixtures" / "canonical"
UTC = dt.UTC


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ws" / "slatui.db"
    monkeypatch.setenv("SLATUI_DB", str(path))
    assert run(["init", "--from", str(SAMPLE)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    shutil.copytree(FIXTURES, folder)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """A second connection for looking at what the commands wrote."""
    with Store.open(db) as opened:
        yield opened


def _utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


# ---------------------------------------------------------------- canonical imports


def test_import_events_places_naive_times_in_the_agreement_zone(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "import", "events", str(files / "events.csv"))
    assert (code, err) == (0, "")
    assert "imported events.csv as batch 1: 6 events" in out
    by_line = {(e.type, e.account): e.occurred_at for e in store.events_page().events}
    assert by_line == {
        ("sal_notified", "acme"): _utc(2026, 11, 2, 14, 5),  # 14:05Z as written
        ("call", "acme"): _utc(2026, 11, 2, 21, 30),  # naive 16:30 EST (UTC-5)
        ("ad_impression", "acme"): _utc(2026, 11, 3, 15, 0),  # 10:00-05:00
        ("ad_impression", "globex"): _utc(2026, 11, 3, 9, 0),  # .000+0000
        ("sal_rejected", "globex"): _utc(2026, 11, 4, 5, 0),  # a date alone: midnight EST
        ("campaign_touch", "acme"): _utc(2026, 10, 30, 20, 30),  # naive 16:30 EDT (UTC-4)
    }
    call = store.events_page().events[2]
    assert (call.type, call.contact, call.lead, call.actor, call.channel, call.detail) == (
        "call",
        "c-ann",
        "L-1",
        "Bo Chen",
        "phone",
        None,  # an empty cell says nothing
    )
    # The report shows the range in the agreement's zone: the first event is the
    # campaign touch at 16:30 EDT on 30 Oct, the last the rejection at 00:00 EST on 4 Nov.
    assert "dates: 2026-10-30 16:30 EDT to 2026-11-04 00:00 EST" in out
    assert "ad_impression: 2 (quantity 1,434)" in out  # 1,184 + 250


def test_tz_option_places_naive_times_in_another_zone(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _run(
        capsys, "import", "events", str(files / "events.csv"), "--tz", "Europe/Madrid"
    )
    assert code == 0
    by_type = {e.type: e.occurred_at for e in store.events_page().events}
    # Madrid is UTC+1 in November (its summer time ended on 25 October 2026).
    assert by_type["call"] == _utc(2026, 11, 2, 15, 30)
    assert by_type["sal_notified"] == _utc(2026, 11, 2, 14, 5)  # had a Z: no change
    assert store.batch(1).tz == "Europe/Madrid"


def test_bad_tz_and_no_zone_are_refused(
    tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLATUI_DB", str(tmp_path / "empty.db"))
    code, _, err = _run(capsys, "import", "events", str(files / "events.csv"), "--tz", "Mars/Base")
    assert code == 2 and err.startswith("slatui: --tz Mars/Base: not a time zone name")
    # No agreement and no --tz: a naive time has no zone to go to.
    code, _, err = _run(capsys, "import", "events", str(files / "events.csv"))
    assert code == 2 and "--tz" in err and len(err.splitlines()) == 1
    with Store.open(tmp_path / "empty.db") as empty:
        assert empty.batches() == []


def test_import_accounts(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "import", "accounts", str(files / "accounts_1.csv"))
    assert code == 0 and "3 accounts" in out
    acme, globex, initech = store.accounts()
    assert acme.tier == "t1"  # "T1" matched to the agreement's tier id
    assert acme.domain == "acme.com"  # from https://www.Acme.com/
    assert acme.employees == 1200  # "1,200"
    assert (acme.owner, acme.country, acme.external_id) == ("Ann Lee", "US", "001A")
    assert (globex.industry, initech.domain) == (None, None)
    assert store.accounts_by_tier() == {"t1": 1, "t2": 1, "t3": 1}


def test_a_tier_the_agreement_lacks_rejects_the_row(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "tiers.csv"
    bad.write_text("key,tier\nacme,t4\n")
    code, _, err = _run(capsys, "import", "accounts", str(bad))
    assert code == 2
    assert "line 2: tier 't4' is not a tier of the agreement" in err
    assert "the tiers are t1, t2, t3" in err


def test_import_contacts_classifies_titles_with_the_agreements_rules(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "import", "contacts", str(files / "contacts.csv"))
    assert code == 0
    placed = {c.key: (c.seniority, c.function) for c in store.contacts()}
    assert placed == {
        "c-ann": ("vp", "marketing"),  # "VP, Marketing"
        "c-bob": ("vp", "marketing"),  # "Head of Growth": sample.toml's vp = ["Head of *"]
        "c-cai": ("c_level", "executive"),  # "Director General": c_level by the agreement
        "c-dee": ("ic", "sales"),  # "Account Executive" is a sales rep, not an executive
        "c-eve": (None, None),  # "Office Wizard": unclassified, listed, never guessed
        "c-fay": (None, None),  # no title at all
    }
    assert "unclassified titles: 1 contact" in out and "'Office Wizard': 1" in out
    seniority = store.summary(None, _utc(2026, 11, 10)).contacts_by_seniority
    assert (seniority["vp"], seniority["unclassified"], seniority["no title"]) == (2, 1, 1)


def test_unknown_and_missing_columns_are_refused_naming_them(
    db: Path, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "import", "events", str(files / "events_typo_column.csv"))
    assert code == 2 and len(err.splitlines()) == 1
    assert "unknown column 'occured_at' (did you mean occurred_at?)" in err
    code, _, err = _run(capsys, "import", "accounts", str(files / "accounts_missing_key.csv"))
    assert code == 2 and "missing required column key" in err
    # --map names the column: the typo file imports.
    code, out, _ = _run(
        capsys,
        "import",
        "events",
        str(files / "events_typo_column.csv"),
        "--map",
        "occured_at=occurred_at",
    )
    assert code == 0 and "1 event" in out


# ---------------------------------------------------------------- safe imports


def test_a_bad_row_rejects_the_whole_file(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "import", "events", str(files / "events_bad.csv"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    # Lines 3 (a date), 4 (a negative quantity), 6 (a type name), 7 (3 cells of 9).
    assert lines[0] == (
        "slatui: events_bad.csv: 4 rows rejected, so nothing was imported "
        "(fix them, or import the rest with --skip-bad-rows)"
    )
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "line 3",
        "line 4",
        "line 6",
        "line 7",
    ]
    assert "did you mean sal_notified?" in lines[3]
    assert store.batches() == [] and store.events_count() == 0
    assert not (files / "events_bad.csv.rejects.csv").exists()


def test_skip_bad_rows_imports_the_rest_and_writes_the_rejects(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    source = files / "events_bad.csv"
    code, out, _ = _run(capsys, "import", "events", str(source), "--skip-bad-rows")
    assert code == 0
    rejects = files / "events_bad.csv.rejects.csv"
    assert f"rejects written to {rejects}" in out
    # Lines 2 and 5 are good: one sal_notified and one ad_impression of 12.
    assert sorted((e.type, e.quantity) for e in store.events_page().events) == [
        ("ad_impression", 12.0),
        ("sal_notified", 1.0),
    ]
    batch = store.batch(1)
    # 6 rows read (lines 2-7), 2 imported, 4 rejected, nothing skipped.
    assert (batch.rows_read, batch.imported, batch.rejected, batch.skipped) == (6, 2, 4, 0)
    assert batch.report["rejects_file"] == str(rejects)
    with rejects.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "reason", "occurred_at", "type", "account", "contact", "lead",
                       "quantity", "actor", "channel", "detail"]  # fmt: skip
    assert [r[0] for r in rows[1:]] == ["3", "4", "6", "7"]
    assert rows[2] == [
        "4",
        "quantity '-3' is negative",
        "2026-11-03T10:00:00Z",
        "ad_impression",
        "acme",
        "",
        "",
        "-3",
        "",
        "",
        "",
    ]
    # The short row keeps the cells it had: the rejects file holds what was read.
    assert rows[4] == [
        "7",
        "3 cells, but the header has 9 columns",
        "2026-11-03T13:00:00Z",
        "call",
        "acme",
    ]
    assert rows[1][1].startswith("occurred_at 'yesterday' is not a date")


def test_dry_run_writes_nothing_and_says_what_would_be_imported(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "import", "events", str(files / "events.csv"), "--dry-run")
    assert code == 0
    assert out.splitlines()[0] == "dry run: events.csv as events; nothing was written"
    assert "records: 6 events" in out
    for line in ("ad_impression: 2", "call: 1", "campaign_touch: 1", "sal_notified: 1"):
        assert line in out
    assert store.batches() == []
    # A dry run of a file with bad rows lists them and exits 2 (the import would be refused)...
    code, out, _ = _run(capsys, "import", "events", str(files / "events_bad.csv"), "--dry-run")
    assert code == 2 and "line 6: type 'Sal Notified'" in out
    # ...and writes no rejects file even with --skip-bad-rows.
    code, out, _ = _run(
        capsys, "import", "events", str(files / "events_bad.csv"), "--dry-run", "--skip-bad-rows"
    )
    assert code == 0 and "rejected: 4 rows" in out
    assert not list(files.glob("*.rejects.csv*"))
    assert store.batches() == []


def test_dry_run_reports_preamble_footer_and_blank_lines(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.csv"
    report.write_text(
        "Pilot touches report\n"
        "\n"
        "occurred_at,type,account\n"
        "2026-11-02T14:05:00Z,call,acme\n"
        "\n"
        "2026-11-02T15:05:00Z,call,acme\n"
        "Grand Totals (2 records)\n"
    )
    code, out, _ = _run(capsys, "import", "events", str(report), "--dry-run")
    # Lines 1-2 are above the header (preamble), line 5 is blank, line 7 the footer.
    assert code == 0
    assert "skipped lines: 2 preamble, 1 footer, 1 blank" in out
    assert "footer: Grand Totals (2 records)" in out
    assert "records: 2 events" in out


def test_the_same_event_from_another_file_is_a_duplicate(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", "events", str(files / "events.csv")]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "import", "events", str(files / "events_more.csv"))
    # Line 2 is events.csv's sal_notified (09:05-05:00 = 14:05Z; another actor),
    # line 3 its globex impression of 250; line 4 is new.
    assert code == 0
    assert "imported events_more.csv as batch 2: 1 event, 2 duplicate events not added again" in (
        out
    )
    batch = store.batch(2)
    assert (batch.rows_read, batch.imported, batch.duplicates) == (3, 1, 2)
    assert store.events_count() == 7


def test_importing_the_same_file_twice_adds_nothing(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", "events", str(files / "events.csv")]) == 0
    capsys.readouterr()
    first = store.batches()
    copy = files / "renamed.csv"
    shutil.copy(files / "events.csv", copy)  # the same bytes under another name
    for path in (files / "events.csv", copy):
        code, out, err = _run(capsys, "import", "events", str(path))
        assert (code, err) == (0, "")
        assert out.startswith(f"{path.name} was already imported as batch 1 on ")
        assert out.rstrip().endswith("undo it first: slatui imports undo 1)")
    assert store.batches() == first and store.events_count() == 6


def test_undo_removes_a_batch_completely(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", "accounts", str(files / "accounts_1.csv")]) == 0
    assert run(["import", "events", str(files / "events.csv")]) == 0
    before = store.summary(None, _utc(2026, 11, 10)).as_json()
    assert run(["import", "accounts", str(files / "accounts_2.csv")]) == 0
    assert run(["import", "events", str(files / "events_more.csv")]) == 0
    capsys.readouterr()
    acme = next(a for a in store.accounts() if a.key == "acme")
    assert (acme.name, acme.owner) == ("Acme Corp", "Bo Chen")  # batch 3 said only the owner

    code, out, _ = _run(capsys, "imports", "undo", "4")
    assert code == 0 and out.startswith("undid batch 4 (events_more.csv): removed 1 events")
    code, out, _ = _run(capsys, "imports", "undo", "3")
    assert code == 0 and "removed 0 events, 2 account records" in out
    after = store.summary(None, _utc(2026, 11, 10)).as_json()
    assert after == before
    acme = next(a for a in store.accounts() if a.key == "acme")
    assert acme.owner == "Ann Lee"  # what batch 1 said, back again
    code, _, err = _run(capsys, "imports", "undo", "3")
    assert code == 2 and err.startswith("slatui: there is no batch 3 in ")
    with pytest.raises(SystemExit) as refused:  # argparse's own usage error: exit 2
        run(["imports", "undo", "x"])
    assert refused.value.code == 2 and "'x' is not a batch id" in capsys.readouterr().err


def test_imports_lists_the_batches(
    db: Path, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "imports")
    assert code == 0 and out.startswith("no imports yet")
    assert run(["import", "events", str(files / "events_bad.csv"), "--skip-bad-rows"]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "imports")
    header, row = out.splitlines()
    assert header.split() == ["batch", "imported", "at", "(UTC)", "kind", "file", "rows",
                              "imported", "rejected", "skipped", "duplicates"]  # fmt: skip
    cells = row.split()
    assert cells[0] == "1" and cells[3:] == ["events", "events_bad.csv", "6", "2", "4", "0", "0"]
    code, out, _ = _run(capsys, "imports", "--json")
    (batch,) = json.loads(out)
    assert (batch["id"], batch["rows_read"], batch["rejected"]) == (1, 6, 4)
    assert batch["report"]["events_by_type"] == {"ad_impression": 1, "sal_notified": 1}


# ---------------------------------------------------------------- log


def test_log_then_undo(db: Path, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "log",
        "sal_notified",
        "--account",
        "acme",
        "--lead",
        "L-7",
        "--at",
        "2026-11-06T16:30",
        "--actor",
        "Ann Lee",
    )
    # Friday 16:30 in New York (EST) is 21:30 UTC.
    assert code == 0
    assert out.startswith(
        "logged sal_notified for acme, lead L-7 at 2026-11-06 16:30 EST (2026-11-06 21:30 UTC) "
        "as batch 1"
    )
    (event,) = store.events_page().events
    assert (event.occurred_at, event.lead, event.actor, event.quantity) == (
        _utc(2026, 11, 6, 21, 30),
        "L-7",
        "Ann Lee",
        1.0,
    )
    assert store.batch(1).kind == "log"
    # The same event again: already recorded, nothing added, exit 0.
    code, out, _ = _run(
        capsys, "log", "sal_notified", "--account", "acme", "--lead", "L-7", "--at",
        "2026-11-06T21:30:00Z",
    )  # fmt: skip
    assert code == 0 and out.strip() == "this event is already recorded (batch 1); nothing added"
    code, _, _ = _run(capsys, "imports", "undo", "1")
    assert code == 0 and store.events_count() == 0 and store.batches() == []


def test_log_refuses_bad_input(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "log", "Sal Notified", "--account", "acme")
    assert code == 2 and "did you mean sal_notified?" in err
    code, _, err = _run(capsys, "log", "call", "--account", "acme", "--at", "friday")
    assert code == 2 and err.startswith("slatui: --at 'friday' is not a date")
    code, _, err = _run(capsys, "log", "call", "--account", "acme", "--quantity", "-1")
    assert code == 2 and "negative" in err
    code, _, err = _run(capsys, "log", "call", "--account", " ")
    assert code == 2 and "--account cannot be empty" in err


# ---------------------------------------------------------------- summary


def test_summary_json(db: Path, files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind, name in (("accounts", "accounts_1.csv"), ("contacts", "contacts.csv")):
        assert run(["import", kind, str(files / name)]) == 0
    assert run(["import", "events", str(files / "events.csv")]) == 0
    assert run(["log", "call", "--account", "globex", "--at", "2026-11-10T09:00"]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "summary", "--json", "--as-of", "2026-11-10")
    assert code == 0
    summary = json.loads(out)
    assert summary["accounts"] == {"total": 3, "by_tier": {"t1": 1, "t2": 1, "t3": 1}}
    assert summary["contacts"]["total"] == 6
    assert summary["contacts"]["by_seniority"] == {
        "ic": 1,  # Account Executive
        "manager": 0,
        "director": 0,
        "vp": 2,  # VP, Marketing; Head of Growth (contract rule)
        "c_level": 1,  # Director General (contract rule)
        "unclassified": 1,  # Office Wizard
        "no title": 1,
    }
    # events.csv has 6 events, the log adds a call: 7; impressions 1,184 + 250.
    assert summary["events"]["total"] == 7
    assert summary["events"]["by_type"] == {
        "ad_impression": {"events": 2, "quantity": 1434.0},
        "call": {"events": 2, "quantity": 2.0},
        "campaign_touch": {"events": 1, "quantity": 1.0},
        "sal_notified": {"events": 1, "quantity": 1.0},
        "sal_rejected": {"events": 1, "quantity": 1.0},
    }
    assert [(b["id"], b["kind"], b["rows_read"], b["imported"]) for b in summary["batches"]] == [
        (1, "accounts", 3, 3),
        (2, "contacts", 6, 6),
        (3, "events", 6, 6),
        (4, "log", 1, 1),
    ]
    # Tuesday 10 November is day 8 of a pilot that began Monday 2 November: week 2.
    assert summary["pilot"] == {
        "start": "2026-11-02",
        "last_day": "2026-11-29",
        "weeks": 4,
        "state": "running",
        "week": 2,
        "progress": "week 2 of 4",
    }
    code, out, _ = _run(capsys, "summary", "--as-of", "2026-12-01")
    assert code == 0 and out.splitlines()[0] == "pilot: 2026-11-02 to 2026-11-29 (4 weeks): ended"
    assert "accounts: 3 (t1 1, t2 1, t3 1)" in out


# ---------------------------------------------------------------- the command line


def test_presets_are_dispatched_and_unknown_ones_refused(
    db: Path, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "import", str(files / "events.csv"), "--preset", "nope")
    assert code == 2 and err.startswith("slatui: unknown preset 'nope'")
    code, _, err = _run(capsys, "import", str(files / "events.csv"))
    assert code == 2 and "slatui import events|accounts|contacts" in err
    code, _, err = _run(capsys, "import", "events")
    assert code == 2 and err == "slatui: name the file: slatui import events FILE.csv\n"
    code, _, err = _run(capsys, "import", "events", str(files / "none.csv"))
    assert code == 2 and err.strip().endswith("none.csv: no such file")


@pytest.mark.parametrize("command", [["import"], ["imports"], ["imports", "undo"], ["log"],
                                     ["summary"]])  # fmt: skip
def test_every_command_has_help_with_an_example(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        run([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and "slatui " + command[0] in out


# ---------------------------------------------------------------- kill -9


def _big_events(path: Path, rows: int) -> None:
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["occurred_at", "type", "account", "quantity"])
        start = dt.datetime(2026, 11, 2, tzinfo=UTC)
        for n in range(rows):
            moment = start + dt.timedelta(seconds=n)
            out.writerow([moment.strftime("%Y-%m-%dT%H:%M:%SZ"), "ad_impression", f"a{n % 97}", n])


def _read_line(stream: object, deadline: float) -> str:
    """One line from a child's pipe, waiting at most until `deadline`."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)  # type: ignore[arg-type]
    try:
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                return stream.readline()  # type: ignore[attr-defined, no-any-return]
        return ""
    finally:
        selector.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_mid_import_the_workspace_is_exactly_as_before(
    db: Path, files: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", "events", str(files / "events.csv")]) == 0
    capsys.readouterr()
    with Store.open(db) as before_store:
        before = (before_store.batches(), before_store.events_count())
    big = tmp_path / "big.csv"
    _big_events(big, 300_000)
    child = subprocess.Popen(
        [sys.executable, "-m", "slatui.cli", "import", "events", str(big), "--progress",
         "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )  # fmt: skip
    try:
        # The first progress line ("100,000 rows read") is printed while the rows
        # stream into the open transaction: the import is under way, uncommitted.
        line = _read_line(child.stderr, time.monotonic() + 120)
        assert "100,000 rows read" in line, line
        assert child.poll() is None, "the import finished before it could be killed"
        assert Path(f"{db}-wal").exists()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        assert child.stderr is not None
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    with Store.open(db) as after:
        assert (after.batches(), after.events_count()) == before
        assert after.batch_for_file("x") is None
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        raw.close()
    # The lock died with the process: the next import goes ahead.
    assert run(["import", "events", str(files / "events_more.csv")]) == 0


def test_detect_names_the_preset_that_fits_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A Salesforce Lead export by API names: IsConverted and ConvertedDate give
    # it away; --detect says so and imports nothing (no workspace is needed).
    leads = tmp_path / "Lead.csv"
    leads.write_text(
        "Id,LastName,Company,Status,IsConverted,ConvertedDate,ConvertedAccountId,"
        "ConvertedOpportunityId,CreatedDate\n"
        "00Q000000000001AAA,Ortiz,Acme,Working,FALSE,,,,2026-11-03T14:00:00.000+0000\n"
    )
    assert run(["import", str(leads), "--detect"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("fits: salesforce-leads")
    assert "IsConverted" in out


def test_detect_on_a_missing_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["import", str(tmp_path / "nope.csv"), "--detect"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"slatui: {tmp_path / 'nope.csv'}: no such file"
