"""`slatui clock deadline|elapsed`, through the CLI entry function.

The fixture contract's calendar is Mon–Fri 09:00–17:00 America/New_York with
US public holidays; US clocks spring forward on Sun 2024-03-10.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.cli.main import run

FIXTURES = Path(__file__).parent / "fixtures" / "clock"
CONTRACT = str(FIXTURES / "contract.toml")


def clock(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["clock", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_deadline_sentence_names_weekdays_and_zones(capsys: pytest.CaptureFixture[str]) -> None:
    # Mon + 5bd = next Mon, same local time; the zone changed to EDT on Sunday.
    code, out, err = clock(capsys, "deadline", "2024-03-04T10:00", "5bd", "--contract", CONTRACT)
    assert (code, err) == (0, "")
    assert out == "Mon 2024-03-04 10:00 EST + 5 business days = Mon 2024-03-11 10:00 EDT\n"


def test_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    # Fri 16:30 + 24bh: 0.5 h Fri, 8 h Mon, 8 h Tue, 7.5 h Wed -> Wed 16:30.
    code, out, _ = clock(
        capsys, "deadline", "2024-03-01T16:30", "24bh", "--contract", CONTRACT, "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "start": "2024-03-01T16:30:00-05:00",
        "duration": "24bh",
        "deadline": "2024-03-06T16:30:00-05:00",
    }


def test_deadline_honours_offsets_and_z(capsys: pytest.CaptureFixture[str]) -> None:
    # 15:00Z is 10:00 EST; Fri 15:00 EST + 48h = Sun 15:00 EST (before the change).
    code, out, _ = clock(
        capsys, "deadline", "2024-03-01T20:00Z", "48h", "--contract", CONTRACT, "--json"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["start"] == "2024-03-01T15:00:00-05:00"
    assert payload["deadline"] == "2024-03-03T15:00:00-05:00"


def test_deadline_shows_seconds_only_when_there_are_some(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = clock(capsys, "deadline", "2024-03-04T10:00:30", "1bh", "--contract", CONTRACT)
    assert code == 0
    assert out == "Mon 2024-03-04 10:00:30 EST + 1 business hour = Mon 2024-03-04 11:00:30 EST\n"


def test_elapsed_defaults_to_business_hours(capsys: pytest.CaptureFixture[str]) -> None:
    # Sat 14:00 -> Mon 10:00: the clock starts Mon 09:00, so 1 business hour.
    code, out, _ = clock(
        capsys, "elapsed", "2024-03-09T14:00", "2024-03-11T10:00", "--contract", CONTRACT, "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "start": "2024-03-09T14:00:00-05:00",
        "end": "2024-03-11T10:00:00-04:00",
        "unit": "bh",
        "seconds": 3600,
        "display": "1 business hour",
    }


def test_elapsed_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = clock(
        capsys, "elapsed", "2024-03-09T14:00", "2024-03-11T10:00", "--contract", CONTRACT
    )
    assert code == 0
    assert out == "from Sat 2024-03-09 14:00 EST to Mon 2024-03-11 10:00 EDT: 1 business hour\n"


def test_elapsed_in_wall_clock_hours_counts_the_short_sunday(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Sat 14:00 EST (19:00Z) -> Mon 10:00 EDT (14:00Z) = 43 real hours, not 44.
    code, out, _ = clock(
        capsys,
        "elapsed",
        "2024-03-09T14:00",
        "2024-03-11T10:00",
        "--unit",
        "h",
        "--contract",
        CONTRACT,
        "--json",
    )
    assert code == 0
    payload = json.loads(out)
    assert (payload["seconds"], payload["display"]) == (43 * 3600, "43 hours")


def test_elapsed_in_business_days(capsys: pytest.CaptureFixture[str]) -> None:
    # Mon 03-04 10:00 + 6bd = Tue 03-12 10:00; then 2 bh to 12:00. Business
    # seconds: 7 h on Mon 03-04, 8 h x 5 days, 3 h on Tue 03-12 = 50 h.
    code, out, _ = clock(
        capsys,
        "elapsed",
        "2024-03-04T10:00",
        "2024-03-12T12:00",
        "--unit",
        "bd",
        "--contract",
        CONTRACT,
        "--json",
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["seconds"] == 50 * 3600
    assert payload["display"] == "6 business days 2 business hours"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["deadline", "yesterday", "5bd"], '"yesterday" is not a time'),
        (["deadline", "2024-03-04T10:00", "5"], '"5" has no unit'),
        (["deadline", "2024-03-04T10:00", "5 hours"], 'did you mean "5h"'),
        (["elapsed", "2024-03-11T10:00", "2024-03-09T14:00"], "END"),
        (["elapsed", "2024-03-09T14:00", "2024-13-01T10:00"], "is not a time"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = clock(capsys, *argv, "--contract", CONTRACT)
    assert code == 2
    assert out == ""
    assert err.startswith("slatui: ") and message in err
    assert err.count("\n") == 1


def test_contract_and_db_are_mutually_exclusive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "w.db")
    code, _, err = clock(
        capsys, "deadline", "2024-03-04T10:00", "5bd", "--contract", CONTRACT, "--db", db
    )
    assert code == 2
    assert "mutually exclusive" in err


def test_missing_contract_file_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "nope.toml")
    code, _, err = clock(capsys, "deadline", "2024-03-04T10:00", "5bd", "--contract", missing)
    assert code == 2
    assert "nope.toml" in err


def test_calendar_without_working_time_is_a_user_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    contract = str(FIXTURES / "no_working_time.toml")
    code, _, err = clock(capsys, "deadline", "2024-03-04T10:00", "5bd", "--contract", contract)
    assert code == 2
    assert "no working time" in err


@pytest.mark.parametrize("command", ["deadline", "elapsed"])
def test_help_has_an_example(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["clock", command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"slatui clock {command} 2024-" in out


def test_clock_alone_prints_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = clock(capsys)
    assert code == 0
    assert "deadline" in out and "elapsed" in out


def test_elapsed_orders_the_repeated_hour_by_real_time(capsys: pytest.CaptureFixture[str]) -> None:
    # 01:30 EDT (05:30Z) to 01:10 EST (06:10Z) is 40 real minutes forward, even
    # though 01:10 reads earlier on the wall clock.
    code, out, err = clock(
        capsys,
        "elapsed",
        "2024-11-03T01:30-04:00",
        "2024-11-03T01:10-05:00",
        "--unit",
        "m",
        "--contract",
        CONTRACT,
        "--json",
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["seconds"] == 40 * 60
