"""`slatui contract check`: exit codes 0/1/2, grouped text, stable JSON, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.contract.load import load_file
from slatui.lint import lint

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample.toml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
IMPRESSIONS = FIXTURES / "impressions_3_vs_4.toml"

# two problems in one file: a bare number as a duration, and a misspelt key
INVALID = (
    (FIXTURES / "clean.toml")
    .read_text(encoding="utf-8")
    .replace('within = "1bd"', 'within = "24"\nwarn_befor = "2bh"')
)


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(INVALID, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["contract", "check", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# -- valid files ----------------------------------------------------------------


def test_sample_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, str(SAMPLE))
    count = len(lint(load_file(SAMPLE)))
    assert code == 0
    assert err == ""
    assert out.rstrip().splitlines()[-1] == f"{SAMPLE}: valid, {count} warnings"


def test_clean_file_has_no_warnings_even_when_strict(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "clean.toml"
    code, out, _ = check(capsys, str(path), "--strict")
    assert code == 0
    assert out == f"{path}: valid, no warnings\n"


def test_warnings_are_grouped_under_their_clause_with_a_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = check(capsys, str(IMPRESSIONS))
    lines = out.splitlines()
    assert code == 0
    # the clause header: commitments[3] is the fourth [[commitments]], at line 60
    assert lines[0] == f'{IMPRESSIONS}:60: commitments[3]: commitment "t1-mkt-impressions-guide-p2"'
    assert lines[1].startswith("  - conflicting-targets (commitments[3].min, line 66): sets min 3")
    assert lines[2].startswith("    fix: keep one figure")
    assert lines[-1] == f"{IMPRESSIONS}: valid, 1 warning"


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = check(capsys, str(IMPRESSIONS), "--strict")
    assert code == 1


def test_several_clauses_make_several_groups(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, str(FIXTURES / "no_baseline.toml"))
    headers = [line for line in out.splitlines() if line.endswith('"') and not line.startswith(" ")]
    assert code == 0
    assert [h.split(": ", 1)[1] for h in headers] == [
        'commitments[0]: commitment "t1-mkt-sal-volume"',
        'commitments[1]: commitment "t1-sales-first-contact"',
    ]
    assert out.rstrip().endswith("valid, 2 warnings")


# -- invalid files --------------------------------------------------------------


def test_invalid_file_shows_every_problem_and_exits_2(
    capsys: pytest.CaptureFixture[str], invalid: Path
) -> None:
    code, out, err = check(capsys, str(invalid))
    assert code == 2
    assert out == ""
    problems = [line for line in err.splitlines() if line.startswith(f"{invalid}:")]
    assert any(":48: commitments[1].within:" in line for line in problems), err
    assert any("commitments[1].warn_befor" in line for line in problems), err
    assert err.rstrip().endswith("invalid, 2 problems")


def test_invalid_even_when_strict_is_2(capsys: pytest.CaptureFixture[str], invalid: Path) -> None:
    code, _, _ = check(capsys, str(invalid), "--strict")
    assert code == 2


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = check(capsys, str(tmp_path / "nope.toml"))
    assert code == 2
    assert "no such file" in err


def test_toml_syntax_error_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "syntax.toml"
    path.write_text("format = 1\n[agreement\n", encoding="utf-8")
    code, _, err = check(capsys, str(path))
    assert code == 2
    assert f"{path}:2" in err  # the line of the broken header


# -- JSON -----------------------------------------------------------------------


def test_json_for_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, str(IMPRESSIONS), "--json")
    document = json.loads(out)
    assert code == 0
    assert list(document) == ["file", "valid", "errors", "warnings"]
    assert document["file"] == str(IMPRESSIONS)
    assert document["valid"] is True
    assert document["errors"] == []
    (warning,) = document["warnings"]
    assert list(warning) == ["rule", "path", "clause", "message", "advice"]
    assert (warning["rule"], warning["path"]) == ("conflicting-targets", "commitments[3].min")


def test_json_strict_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, str(IMPRESSIONS), "--json", "--strict")
    assert code == 1
    assert json.loads(out)["valid"] is True


def test_json_for_an_invalid_file(capsys: pytest.CaptureFixture[str], invalid: Path) -> None:
    code, out, err = check(capsys, str(invalid), "--json")
    document = json.loads(out)
    assert code == 2
    assert err == ""
    assert document["valid"] is False
    assert document["warnings"] == []
    assert all(list(e) == ["path", "message", "line"] for e in document["errors"])
    by_path = {e["path"]: e for e in document["errors"]}
    assert by_path["commitments[1].within"]["line"] == 48
    assert "commitments[1].warn_befor" in by_path


def test_json_for_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, str(SAMPLE), "--json")
    document = json.loads(out)
    assert code == 0
    assert document["valid"] is True
    expected = [w.as_dict() for w in lint(load_file(SAMPLE))]
    assert document["warnings"] == expected


# -- help -----------------------------------------------------------------------


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["contract", "check", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "examples:" in out
    assert "slatui contract check sample.toml" in out
    assert "--strict" in out and "--json" in out


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `slatui contract check sample.toml | head -1`: the reader has gone, so
    # writing raises BrokenPipeError. slatui must stop quietly with exit 0,
    # not report an internal error.
    import os
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)
    closed = os.fdopen(write_end, "w", buffering=1)
    monkeypatch.setattr(sys, "stdout", closed)
    code = run(["contract", "check", str(ROOT / "sample.toml")])
    monkeypatch.undo()
    assert code == 0
    assert "internal error" not in capsys.readouterr().err
