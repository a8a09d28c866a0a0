"""`slatui import FILE --preset NAME` into a workspace made from sample.toml.

The other preset tests stop at the records; these run the command, so they
also check that the pipeline and the store take the presets as they are:
mixed contacts-and-events files, rejects and --skip-bad-rows, importing a
file twice, a product report's repeated events stored once, and the tiers
read from an export.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.cli.main import run
from store import Store

from .support import FIXTURES, REALDATA, utc

SAMPLE = Path(__file__).resolve().parents[2] / "sample.toml"


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


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store.open(db) as opened:
        yield opened


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_leads_then_tasks_give_a_hand_off_and_the_call_that_answers_it(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    leads = str(files / "salesforce_leads_api.csv")
    code, out, err = _run(capsys, "import", leads, "--preset", "salesforce-leads")
    assert (code, err) == (0, "")
    assert "imported salesforce_leads_api.csv as batch 1: 7 events, 6 contacts" in out
    code, out, _ = _run(capsys, "import", str(files / "salesforce_tasks.csv"), "--preset",
                        "salesforce-tasks")  # fmt: skip
    assert code == 0
    assert "as batch 2: 6 events" in out
    assert store.batch(1).preset == "salesforce-leads"

    lead = "00QAb0000000001MAA"
    story = [(e.type, e.occurred_at) for e in store.events_page(limit=1000).events
             if e.lead == lead]  # fmt: skip
    # The SAL notified at 14:05Z is answered by the call at 15:12Z on the same lead.
    assert sorted(story) == [
        ("call", utc(2026, 11, 2, 15, 12)),
        ("sal_notified", utc(2026, 11, 2, 14, 5)),
    ]
    assert {c.key: c.seniority for c in store.contacts()}[lead] == "vp"

    code, out, _ = _run(capsys, "import", leads, "--preset", "salesforce-leads")
    assert code == 0
    assert "already imported as batch 1" in out


def test_rejected_rows_refuse_the_file_unless_skipped(
    db: Path, files: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts = files / "salesforce_accounts.csv"
    code, _, err = _run(capsys, "import", str(accounts), "--preset", "salesforce-accounts")
    assert code == 2
    assert "1 row rejected, so nothing was imported" in err
    assert "line 6: tier 'Platinum' is not a tier of the agreement" in err
    assert store.accounts() == []
    code, out, _ = _run(
        capsys, "import", str(accounts), "--preset", "salesforce-accounts", "--skip-bad-rows"
    )
    assert code == 0
    assert "3 accounts" in out
    assert store.accounts_by_tier() == {"t1": 1, "t2": 1, "t3": 1}
    assert (files / "salesforce_accounts.csv.rejects.csv").read_text().startswith("line,reason,Id,")


def test_a_product_report_stores_each_opportunity_event_once(
    db: Path, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = str(files / "salesforce_opportunities_fr.csv")
    code, out, _ = _run(capsys, "import", report, "--preset", "salesforce-opportunities")
    assert code == 0
    # OPP-0001's two product lines give its creation and its win twice: 7 records, 5 events.
    assert "5 events, 2 duplicate events not added again" in out
    assert "semicolon-separated" in out


@pytest.mark.skipif(not REALDATA.is_dir(), reason=f"{REALDATA} is absent")
def test_a_real_report_with_a_footer_imports_with_its_preset(
    db: Path, tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Lead_with_sf_report_footer.csv"
    shutil.copyfile(REALDATA / "derived" / "Lead_with_sf_report_footer.csv", path)
    code, out, err = _run(capsys, "import", str(path), "--preset", "salesforce-leads")
    assert (code, err) == (0, "")
    # 22 leads -> 22 contacts; 5 conversions with an opportunity (see test_realdata).
    assert "as batch 1: 5 events, 22 contacts" in out
    assert "skipped lines: 3 footer, 2 blank" in out
    assert len(store.contacts()) == 22
