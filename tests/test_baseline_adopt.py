"""`slatui baseline adopt` on the hand-built pilot of tests/test_baselines.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.cli.main import run
from store import Store
from tests.baseline_pilot import build, cli

AS_OF = "2026-12-03T11:00"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    return build(path)


def adopt(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    return cli(capsys, path, "baseline", "adopt", *args, "--as-of", AS_OF, "--by", "Mia Chen")


def test_adopting_the_achievable_target_writes_it_with_its_provenance(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    code, out, _ = adopt(capsys, workspace, "sal-volume")
    assert code == 0
    # Achievable: 8 a month (see tests/test_baselines.py); the max of 3 follows it.
    assert "adopted into v1 (draft): sal-volume min = 8, max = 8" in out
    with Store.open(workspace, create=False) as store:
        volume = store.current().contract.commitment("sal-volume")
    assert volume is not None and volume.baseline is not None
    assert (getattr(volume, "min", None), getattr(volume, "max", None)) == (8, 8)
    baseline = volume.baseline
    # 10 SALs in the 28-day pilot: 10 * 30.436875 / 28 = 10.87 a month.
    assert (baseline.pilot_start.isoformat(), baseline.pilot_weeks) == ("2026-11-02", 4)
    assert (baseline.measured, baseline.measured_text) == (10.87, "10.87 SALs a month")
    assert (baseline.suggestion, baseline.adopted_by) == ("achievable", "Mia Chen")


def test_adopting_on_an_agreed_version_starts_a_draft_and_markdown_states_it(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    for party, name in (("marketing", "Mia Chen"), ("sales", "Sam Lee")):
        code, _, _ = cli(capsys, workspace, "contract", "sign", "--party", party, "--name", name)
        assert code == 0
    code, out, _ = adopt(capsys, workspace, "first-contact")
    assert code == 0
    assert "adopted into new draft v2 (draft): first-contact within = 6bh" in out
    with Store.open(workspace, create=False) as store:
        agreed, draft = store.version(1), store.current()
    assert (
        agreed.status == "agreed"
        and str(getattr(agreed.contract.commitment("first-contact"), "within", "")) == "8bh"
    )
    assert (draft.number, draft.status) == (2, "draft")
    code, markdown, _ = cli(capsys, workspace, "contract", "export", "--format", "md")
    assert code == 0
    # 8 of 10 items were on time within 8bh over the pilot.
    assert (
        "Set from the 4-week pilot of 2 November to 29 November 2026: 80% of 10 SALs on "
        "time (within 8bh) measured (adopted by Mia Chen on 3 December 2026)."
    ) in markdown


def test_adopting_your_own_value_and_the_refusals(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    code, out, _ = adopt(capsys, workspace, "t2-owner", "--target", "95%")
    assert code == 0 and "t2-owner min = 0.95" in out
    # first-contact has no stretch (see tests/test_baselines.py); inquiry-answered too few.
    code, _, err = adopt(capsys, workspace, "first-contact", "--target", "stretch")
    assert code == 2 and "first-contact has no stretch target" in err
    code, _, err = adopt(capsys, workspace, "inquiry-answered")
    assert code == 2 and "only 2 items in the pilot" in err
    code, _, err = adopt(capsys, workspace, "first-contact", "--target", "24")
    assert code == 2 and "has no unit" in err
    code, _, err = adopt(capsys, workspace, "nope")
    assert code == 2 and "'nope' is no commitment of the draft" in err


def test_a_typed_value_is_stated_as_the_parties_own_and_odd_shares_are_refused(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    # 1.5 could be 150% or 1.5%: refused rather than guessed.
    code, _, err = adopt(capsys, workspace, "t2-owner", "--target", "1.5")
    assert code == 2 and "a share is between 0 and 1" in err
    code, _, _ = adopt(capsys, workspace, "t2-owner", "--target", "0.9")
    assert code == 0
    code, markdown, _ = cli(capsys, workspace, "contract", "export", "--format", "md")
    # 11 of 12 accounts have an owner: 91.7%; the pair chose 90% themselves.
    assert (
        "Set by the parties after the 4-week pilot of 2 November to 29 November 2026, which "
        "measured 91.7% of 12 accounts (adopted by Mia Chen on 3 December 2026)."
    ) in markdown
    # Adopting the same again would only make signatures stale: refused.
    code, _, err = adopt(capsys, workspace, "t2-owner", "--target", "0.9")
    assert code == 2 and "already has min 0.9 from a baseline: nothing to adopt" in err


def test_the_workspace_may_also_be_given_before_the_command(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    capsys.readouterr()
    assert run(["--db", str(workspace), "baseline", "--as-of", AS_OF]) == 0
    assert "sal-volume" in capsys.readouterr().out
