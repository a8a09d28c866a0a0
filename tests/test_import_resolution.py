"""An export that names accounts its own way lands on the workspace's accounts.

The workspace's accounts come from a canonical accounts CSV keyed by
Salesforce-style ids; a LinkedIn impressions export then names companies only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.cli.main import run
from store import EventFilter, Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample.toml"

ACCOUNTS = """\
key,name,domain,tier,external_id
0015g00000EdgeCAAA,Edge Communications,edge.example,t1,0015g00000EdgeCAAA
0015g00000BurlTAAA,Burlington Textiles Corp of America,burlington.example,t2,
0015g00000Mond1AAA,Mondelez,,t2,
0015g00000Mond2AAA,Mondelez,,t3,
"""

IMPRESSIONS = """\
Start Date (in UTC),Company Name,Impressions,Clicks,Campaign Name
2026-11-02,EDGE COMMUNICATIONS,1184,12,Q4 ABM
2026-11-02,Burlington Textiles Corporation of America,300,0,Q4 ABM
2026-11-02,Mondelez,50,0,Q4 ABM
2026-11-03,Edge Communications Inc.,900,0,Q4 ABM
"""


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "w.db"
    (tmp_path / "accounts.csv").write_text(ACCOUNTS)
    assert run(["init", "--db", str(path), "--from", str(SAMPLE)]) == 0
    assert run(["import", "accounts", str(tmp_path / "accounts.csv"), "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def test_company_names_are_attached_to_workspace_accounts(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "li.csv"
    export.write_text(IMPRESSIONS)
    code = run(["import", str(export), "--preset", "linkedin-company-impressions", "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 0
    with Store.open(db, create=False) as store:
        edge = store.events_page(EventFilter(account="0015g00000EdgeCAAA")).events
        # "EDGE COMMUNICATIONS" and "Edge Communications Inc." both normalise to
        # "edgecommunications": 2 rows x (impressions, clicks when > 0) = 3 events.
        assert [(e.type, e.quantity) for e in edge] == [
            ("ad_impression", 1184.0),
            ("ad_click", 12.0),
            ("ad_impression", 900.0),
        ]
        # Mondelez is two accounts: no guess. "Corporation" is not "Corp": no match.
        unmatched = {e.account for e in store.events_page().events} - {"0015g00000EdgeCAAA"}
        assert unmatched == {"Mondelez", "Burlington Textiles Corporation of America"}
        batch = store.batches()[-1]
    assert "2 matched to workspace accounts (2 by name)" in out
    assert "close to the workspace's 'Burlington Textiles Corp of America'" in out
    resolved = batch.report["accounts_resolved"]
    assert resolved["matched"] == {"name": 2}
    assert resolved["unknown"] == 2


def test_a_new_account_close_to_a_workspace_one_is_a_duplicate_candidate(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = tmp_path / "more.csv"
    more.write_text("key,name\nhs-1,Edge Comunications\n")
    assert run(["import", "accounts", str(more), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    # "edgecomunications" ~ "edgecommunications": one letter apart, ratio 0.97.
    assert (
        "possible duplicate accounts (not merged): 'Edge Comunications' / 'Edge Communications'"
        in out
    )
    assert run(["summary", "--db", str(db), "--json"]) == 0
    assert (
        json.loads(capsys.readouterr().out)["accounts"]["total"] == 4
    )  # the dry run wrote nothing


def test_a_key_repeated_in_one_file_is_said_not_silently_merged(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = tmp_path / "twice.csv"
    twice.write_text("key,name,tier\nnew-1,New One,t1\nnew-1,New One Inc,t3\n")
    assert run(["import", "accounts", str(twice), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "repeated keys: 1 row with the key of an earlier row (accounts:" in out
    with Store.open(db, create=False) as store:
        batch = store.batches()[-1]
        (account,) = [a for a in store.accounts() if a.key == "new-1"]
    assert batch.report["repeated_keys"] == {"accounts": 1}
    assert (account.name, account.tier) == ("New One Inc", "t3")  # the later row won


def test_a_file_that_changes_during_its_import_is_refused_and_nothing_written(
    db: Path, tmp_path: Path
) -> None:
    from slatui.importing.canonical import LAYOUTS
    from slatui.importing.pipeline import ImportRefused, Options, Plan
    from slatui.importing.workspace import context_for
    from store.pilot_import import run_plan

    grows = tmp_path / "grows.csv"
    grows.write_text("occurred_at,type,account\n2026-11-02T10:00Z,call,acme\n")
    with Store.open(db, create=False) as store:
        plan = Plan(grows, LAYOUTS["events"], context_for(store.current().contract), Options())
        before = store.batches()
        with grows.open("a") as handle:  # the export is still being written
            handle.write("2026-11-02T11:00Z,call,acme\n")
        with pytest.raises(ImportRefused, match="changed while it was being imported"):
            run_plan(store, plan)
        assert store.batches() == before
        assert store.events_count() == 0


def test_skip_bad_rows_refuses_a_directory_where_the_rejects_go(db: Path, tmp_path: Path) -> None:
    export = tmp_path / "e.csv"
    export.write_text("occurred_at,type,account\nyesterday,call,acme\n")
    (tmp_path / "e.csv.rejects.csv").mkdir()
    code = run(["import", "events", str(export), "--skip-bad-rows", "--db", str(db)])
    assert code == 2
    with Store.open(db, create=False) as store:
        assert store.events_count() == 0
