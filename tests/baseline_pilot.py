"""The hand-built 4-week pilot of tests/fixtures/baselines/, built the way a user would.

Shared by the baseline, adopt and odd-input tests; its figures are worked out
in tests/test_baselines.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slatui.cli.main import run

FIXTURES = Path(__file__).parent / "fixtures" / "baselines"


def build(path: Path) -> Path:
    """`slatui init` from the contract, then the accounts and the events imported."""
    db = ["--db", str(path)]
    assert run(["init", "--from", str(FIXTURES / "contract.toml"), *db]) == 0
    assert run(["import", "accounts", str(FIXTURES / "accounts.csv"), *db]) == 0
    assert run(["import", "events", str(FIXTURES / "events.csv"), *db]) == 0
    return path


def cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    """Run a command on the workspace: exit code, stdout, stderr."""
    capsys.readouterr()
    code = run([*args, "--db", str(path)])
    out, err = capsys.readouterr()
    return code, out, err
