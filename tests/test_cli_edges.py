"""Odd input a break-it pass found: each is a clear refusal or a quiet right answer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.baseline_pilot import build, cli


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("edges") / "w.db"
    return build(path)


@pytest.mark.parametrize("moment", ["0001-01-01", "9999-12-31"])
def test_an_as_of_outside_1900_to_2200_is_refused(
    capsys: pytest.CaptureFixture[str], workspace: Path, moment: str
) -> None:
    code, _, err = cli(capsys, workspace, "compliance", "--as-of", moment)
    assert code == 2 and "a moment between 1900 and 2200" in err


def test_judging_before_the_first_event_is_no_crash(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    # The first event is on 2 Nov 2026; as of 1 Oct nothing has happened: no escalation.
    code, out, _ = cli(capsys, workspace, "compliance", "--as-of", "2026-10-01", "--json")
    assert code == 0 and '"escalations": []' in out


def test_baselines_before_the_pilot_began_are_refused(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    code, _, err = cli(capsys, workspace, "baseline", "--as-of", "2026-10-01")
    assert code == 2 and "the pilot starts on 2026-11-02: nothing is measured yet" in err


def test_mid_pilot_the_pace_is_over_the_days_behind_it(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    # As of Tue 10 Nov 11:00: 8 days of the pilot are behind (2-9 Nov).
    code, out, _ = cli(capsys, workspace, "baseline", "--as-of", "2026-11-10T11:00")
    assert code == 0 and "in the 8-day pilot" in out


def test_a_report_never_replaces_what_is_not_a_regular_file(
    capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path
) -> None:
    target = tmp_path / "kept.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, _ = cli(capsys, workspace, "report", "--as-of", "2026-12-03", "-o", str(link))
    # The link is followed: the file it names is written, keeps its mode, the link stays.
    assert code == 0 and link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# Review")
    assert target.stat().st_mode & 0o777 == 0o640
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = cli(capsys, workspace, "report", "-o", str(fifo))
    assert code == 2 and "is not a regular file" in err
    code, _, err = cli(capsys, workspace, "report", "-o", "-")
    assert code == 2 and "name a file" in err


def test_a_name_must_be_given_and_fit_on_one_line(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    for name in ("", "a\nb"):
        code, _, err = cli(capsys, workspace, "baseline", "adopt", "sal-volume", "--by", name)
        assert code == 2 and "--by: say who adopts the baseline" in err
