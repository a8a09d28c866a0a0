"""`slatui init` and `slatui contract import | sign | new-version | log | diff | show | export`.

Commands run through `slatui.cli.main.run` with `$SLATUI_DB` pointing into
`tmp_path`, so no test touches the user's data directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slatui.cli.main import run
from slatui.contract.canonical import to_toml
from slatui.contract.load import load_file, loads

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "ws" / "slatui.db"
    monkeypatch.setenv("SLATUI_DB", str(path))
    return path


@pytest.fixture
def seeded(db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(["init", "--from", str(SAMPLE)]) == 0
    capsys.readouterr()
    return db


@pytest.fixture
def agreed(seeded: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(["contract", "sign", "--party", "marketing", "--name", "Ann Lee"]) == 0
    assert run(["contract", "sign", "--party", "sales", "--name", "Bo Chen"]) == 0
    capsys.readouterr()
    return seeded


def _out(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    captured = capsys.readouterr()
    return captured.out, captured.err


def _export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert run(["contract", "export", "--format", "toml", *args]) == 0
    return capsys.readouterr().out


# ---------------------------------------------------------------- init


def test_init_from_sample_makes_v1_draft(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "--from", str(SAMPLE)]) == 0
    out, err = _out(capsys)
    assert f"created workspace {db}" in out
    assert "as v1 (draft)" in out and err == ""
    assert db.exists()


def test_init_without_a_file_creates_an_empty_workspace(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["init"]) == 0
    assert "created workspace" in _out(capsys)[0]
    assert run(["init"]) == 0
    assert "already exists (no agreement yet)" in _out(capsys)[0]


def test_init_refuses_a_workspace_that_holds_an_agreement(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["init", "--from", str(SAMPLE)]) == 2
    err = _out(capsys)[1]
    assert "already holds an agreement (v1, draft)" in err
    assert "slatui contract import" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_init_with_a_bad_file_creates_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(SAMPLE.read_text().replace('within = "5bd"', "within = 5"), encoding="utf-8")
    assert run(["init", "--from", str(bad)]) == 2
    assert "no unit" in _out(capsys)[1]
    assert not db.exists()


def test_round_trip_through_two_workspaces_is_byte_identical(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.toml"
    assert run(["contract", "export", "--format", "toml", "-o", str(first)]) == 0
    capsys.readouterr()
    fresh = tmp_path / "fresh.db"
    assert run(["init", "--db", str(fresh)]) == 0
    assert run(["contract", "import", str(first), "--db", str(fresh)]) == 0
    capsys.readouterr()
    second = _export(capsys, "--db", str(fresh))
    assert second.encode("utf-8") == first.read_bytes()
    assert loads(second) == load_file(first) == load_file(SAMPLE)


# ---------------------------------------------------------------- sign


def test_sign_prints_the_digest_and_the_status(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "sign", "--party", "marketing", "--name", "Ann Lee"]) == 0
    out, _ = _out(capsys)
    assert "marketing (Ann Lee) signed v1" in out
    assert "digest: sha256:" in out
    assert "status: awaiting signature (sales has not signed)" in out
    assert run(["contract", "sign", "--party", "sales", "--name", "Bo Chen"]) == 0
    assert "status: agreed; v1 is in force from" in _out(capsys)[0]


def test_signing_an_agreed_version_again_is_refused(
    agreed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "sign", "--party", "sales", "--name", "Bo Chen"]) == 2
    err = _out(capsys)[1]
    assert "v1 is agreed by both parties" in err and "slatui contract new-version" in err
    assert len(err.strip().splitlines()) == 1


def test_sign_rejects_an_unknown_party(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["contract", "sign", "--party", "joint", "--name", "X"])
    assert caught.value.code == 2


# ---------------------------------------------------------------- new-version and show


def test_new_version_gives_a_draft_and_v1_stays_in_force(
    agreed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "new-version"]) == 0
    out, _ = _out(capsys)
    assert "started v2 (draft) from v1" in out
    assert run(["contract", "show", "--json"]) == 0
    latest = json.loads(_out(capsys)[0])
    assert (latest["version"], latest["status"], latest["signatures"]) == (2, "draft", [])
    assert latest["in_force"] == 1
    assert run(["contract", "show", "--version", "v1"]) == 0
    out, _ = _out(capsys)
    assert out.startswith("v1: agreed")
    assert "marketing: Ann Lee" in out and "(valid)" in out and "in force: v1" in out


def test_new_version_on_a_draft_is_refused(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["contract", "new-version"]) == 2
    assert "v1 is a draft; edit it instead" in _out(capsys)[1]


# ---------------------------------------------------------------- import


def test_a_hand_edited_signed_file_imports_with_signatures_not_valid(
    agreed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _export(capsys)
    assert text.count("min = 4\n") == 1
    edited = tmp_path / "edited.toml"
    edited.write_text(text.replace("min = 4\n", "min = 5\n"), encoding="utf-8")
    assert run(["contract", "import", str(edited)]) == 0
    out, _ = _out(capsys)
    assert f"imported {edited} as v2 (draft)" in out
    assert out.count("not valid, the content changed after signing") == 2
    assert "status: draft" in out
    assert run(["contract", "diff"]) == 0
    out, _ = _out(capsys)
    assert "changed commitments[t1-mkt-impressions].min: 4 → 5" in out


def test_an_unchanged_signed_export_imports_agreed(
    agreed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "agreed.toml"
    exported.write_text(_export(capsys), encoding="utf-8")
    other = tmp_path / "other.db"
    assert run(["init", "--db", str(other), "--from", str(exported)]) == 0
    out, _ = _out(capsys)
    assert "as v1 (agreed)" in out and out.count(": valid") == 2


def test_import_needs_an_existing_workspace(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["contract", "import", str(SAMPLE)]) == 2
    err = _out(capsys)[1]
    assert f"no workspace at {db}" in err and "slatui init" in err
    assert not db.exists()


# ---------------------------------------------------------------- diff and log


def test_diff_defaults_and_arguments(agreed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["contract", "diff"]) == 2
    assert "only v1" in _out(capsys)[1]
    assert run(["contract", "new-version"]) == 0
    capsys.readouterr()
    assert run(["contract", "diff"]) == 0
    assert _out(capsys)[0].strip() == "v1 (agreed) → v2 (draft): no differences"
    assert run(["contract", "diff", "v2"]) == 0
    assert "v2 (draft) → v2 (draft): no differences" in _out(capsys)[0]
    assert run(["contract", "diff", "1", "2", "--json"]) == 0
    assert json.loads(_out(capsys)[0]) == {"from": 1, "to": 2, "changes": []}
    assert run(["contract", "diff", "1", "9"]) == 2
    assert "there is no v9" in _out(capsys)[1]


def test_diff_rejects_a_malformed_version(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["contract", "diff", "latest"])
    assert caught.value.code == 2
    assert "not a version" in _out(capsys)[1]


def test_log_lists_every_action(agreed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["contract", "new-version"]) == 0
    capsys.readouterr()
    assert run(["contract", "log"]) == 0
    lines = _out(capsys)[0].splitlines()
    assert len(lines) == 4
    assert "imported" in lines[0] and "from sample.toml" in lines[0]
    assert "signed" in lines[1] and "marketing (Ann Lee)" in lines[1]
    assert "status: agreed" in lines[2]
    assert "new version" in lines[3] and "v2" in lines[3]
    assert run(["contract", "log", "--json"]) == 0
    entries = json.loads(_out(capsys)[0])
    assert [e["action"] for e in entries] == ["imported", "signed", "signed", "new version"]
    assert entries[1]["party"] == "marketing" and entries[1]["at"].endswith("+00:00")


# ---------------------------------------------------------------- export


def test_export_toml_to_stdout_is_the_canonical_text(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(capsys) == to_toml(load_file(SAMPLE))


def test_export_to_a_file_is_atomic_and_reports_its_size(
    agreed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "sla.toml"
    target.parent.mkdir()
    target.write_text("old content", encoding="utf-8")
    assert run(["contract", "export", "--format", "toml", "-o", str(target)]) == 0
    out, _ = _out(capsys)
    size = target.stat().st_size
    assert out.strip() == f"wrote {target} ({size} bytes)"
    assert loads(target.read_text(encoding="utf-8")).signoffs
    assert sorted(p.name for p in target.parent.iterdir()) == ["sla.toml"]  # no temp file left


def test_export_an_older_version(agreed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["contract", "new-version"]) == 0
    capsys.readouterr()
    assert loads(_export(capsys, "--version", "1")).signoffs
    assert loads(_export(capsys)).signoffs == []
    assert run(["contract", "export", "--version", "5"]) == 2
    assert "there is no v5" in _out(capsys)[1]


def test_export_to_a_missing_directory_is_a_clean_error(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "sla.toml"
    assert run(["contract", "export", "-o", str(target)]) == 2
    assert f"cannot write {target}" in _out(capsys)[1]


def test_export_markdown(agreed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("slatui.markdown")
    assert run(["contract", "export", "--format", "md"]) == 0
    out, _ = _out(capsys)
    assert "ABM Sales" in out
    target = tmp_path / "sla.md"
    assert run(["contract", "export", "--format", "md", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out


# ---------------------------------------------------------------- errors and help


def test_commands_on_an_empty_workspace_say_what_to_do(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["init"]) == 0
    capsys.readouterr()
    for argv in (["contract", "show"], ["contract", "sign", "--party", "sales", "--name", "B"]):
        assert run(argv) == 2
        err = _out(capsys)[1]
        assert "holds no agreement yet" in err and "contract import" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["init"],
        ["contract", "import"],
        ["contract", "sign"],
        ["contract", "new-version"],
        ["contract", "log"],
        ["contract", "diff"],
        ["contract", "show"],
        ["contract", "export"],
    ],
)
def test_every_command_has_an_example_in_its_help(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run([*argv, "--help"])
    assert caught.value.code == 0
    out = _out(capsys)[0]
    assert "example:" in out and "slatui " in out.split("example:")[1]
