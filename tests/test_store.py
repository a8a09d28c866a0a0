"""The workspace store: versions, signatures, status, revisions, SQLite settings.

Every test works in its own `tmp_path` workspace with an injected clock, so
times are exact and nothing touches the user's home.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.contract.canonical import digest, to_toml
from slatui.contract.load import load_file, loads
from slatui.contract.model import Contract
from slatui.duration import Duration
from store import (
    InvalidSignature,
    NoAgreement,
    NotAgreed,
    NotAWorkspace,
    RevisionConflict,
    Store,
    UnknownVersion,
    VersionLocked,
    WorkspaceMissing,
    WorkspaceTooNew,
    queries,
)
from store.connection import connect
from store.schema import MIGRATIONS

SAMPLE = Path(__file__).resolve().parents[1] / "sample.toml"
T0 = dt.datetime(2027, 1, 5, 14, 0, tzinfo=dt.UTC)


class Clock:
    """A clock that moves one minute per reading, so every action has its own time."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(minutes=1)
        return self.moment


@pytest.fixture
def sample() -> Contract:
    return load_file(SAMPLE)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "ws" / "slatui.db", now=clock) as opened:
        yield opened


def _agreed(store: Store, contract: Contract) -> None:
    store.import_contract(contract, source="sample.toml")
    store.sign("marketing", "Ann Lee")
    store.sign("sales", "Bo Chen")


def _with_sales_contact_within(contract: Contract, within: str) -> Contract:
    commitments = [
        c.model_copy(update={"within": Duration.parse(within)})
        if c.id == "t2-sales-first-contact"
        else c
        for c in contract.commitments
    ]
    return contract.model_copy(update={"commitments": commitments})


# ---------------------------------------------------------------- the file


def test_open_creates_parent_dirs_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "w.db"
    with Store.open(path) as opened:
        assert opened.path == path
    assert path.exists()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_connection_settings(tmp_path: Path) -> None:
    db = connect(tmp_path / "w.db")
    try:
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_open_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(WorkspaceMissing, match="slatui init"):
        Store.open(path, create=False)
    assert not path.exists()


def test_open_refuses_files_that_are_not_workspaces(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.db"
    garbage.write_text("this is not sqlite at all, just some words " * 20)
    with pytest.raises(NotAWorkspace):
        Store.open(garbage)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAWorkspace, match="another application"):
        Store.open(foreign)
    with pytest.raises(NotAWorkspace, match="directory"):
        Store.open(tmp_path)


def test_open_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(WorkspaceTooNew, match="newer slatui"):
        Store.open(path)


def test_reopening_keeps_the_data_and_the_schema_version(tmp_path: Path, sample: Contract) -> None:
    path = tmp_path / "w.db"
    with Store.open(path) as first:
        first.import_contract(sample, source="sample.toml")
    with Store.open(path, create=False) as again:
        assert [v.number for v in again.versions()] == [1]


def test_a_second_store_on_the_same_file_sees_the_first_ones_writes(
    tmp_path: Path, sample: Contract
) -> None:
    path = tmp_path / "w.db"
    with Store.open(path) as first, Store.open(path) as second:
        first.import_contract(sample, source="sample.toml")
        assert second.current().number == 1
        first.sign("marketing", "Ann Lee")
        assert second.current().status == "awaiting signature"
        second.sign("sales", "Bo Chen")
        assert first.current().status == "agreed"


def test_importing_the_store_loads_no_textual() -> None:
    code = (
        "import sys, store, slatui.contract.diff, slatui.cli.version_cmd;"
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- empty workspace


def test_empty_workspace(store: Store) -> None:
    assert store.versions() == []
    assert store.in_force() is None
    assert store.log() == []
    with pytest.raises(NoAgreement, match="contract import"):
        store.current()
    with pytest.raises(UnknownVersion, match="no versions yet"):
        store.version(1)


# ---------------------------------------------------------------- import and content


def test_first_import_is_v1_draft(store: Store, sample: Contract) -> None:
    result = store.import_contract(sample, source="sample.toml")
    version = result.version
    assert (version.number, version.status, version.revision) == (1, "draft", 1)
    assert version.source == "sample.toml"
    assert version.created_at == T0 + dt.timedelta(minutes=1)
    assert version.contract == sample
    assert version.digest == digest(sample)
    assert version.signatures == [] and result.invalid_signatures == []
    assert version.agreed_at is None


def test_stored_text_round_trips_byte_identically(tmp_path: Path, sample: Contract) -> None:
    with Store.open(tmp_path / "one.db") as one:
        _agreed(one, sample)
        exported = to_toml(one.current().contract)
    with Store.open(tmp_path / "two.db") as two:
        result = two.import_contract(loads(exported), source="export.toml")
        assert result.invalid_signatures == []
        assert result.version.status == "agreed"
        assert to_toml(result.version.contract) == exported
        assert result.version.contract == loads(exported)


def test_importing_over_a_draft_appends_a_version(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="a.toml")
    result = store.import_contract(sample, source="b.toml")
    assert result.version.number == 2
    assert [(v.number, v.status, v.source) for v in store.versions()] == [
        (1, "superseded", "a.toml"),
        (2, "draft", "b.toml"),
    ]


def test_a_hand_edited_signed_file_imports_with_signatures_not_valid(
    tmp_path: Path, store: Store, sample: Contract
) -> None:
    with Store.open(tmp_path / "elsewhere.db") as other:
        _agreed(other, sample)
        text = to_toml(other.current().contract)
    assert text.count("min = 4\n") == 1  # the Tier 1 impressions figure
    edited = loads(text.replace("min = 4\n", "min = 5\n"))
    result = store.import_contract(edited, source="edited.toml")
    assert [s.party for s in result.invalid_signatures] == ["marketing", "sales"]
    assert result.version.status == "draft"
    assert [s.valid for s in result.version.signatures] == [False, False]
    assert result.version.contract.signoffs == edited.signoffs  # kept, not dropped
    assert "not valid" in store.log()[-1].detail


def test_an_import_that_fails_halfway_leaves_nothing(
    store: Store, sample: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_log(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(queries, "insert_log", broken_log)
    with pytest.raises(OSError):
        store.import_contract(sample, source="sample.toml")
    monkeypatch.undo()
    assert store.versions() == []
    assert store.import_contract(sample, source="sample.toml").version.number == 1


# ---------------------------------------------------------------- signing


def test_both_parties_signing_makes_it_agreed(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    first = store.sign("marketing", "Ann Lee")
    assert first.status == "awaiting signature"
    assert first.unsigned_parties == ["sales"]
    second = store.sign("sales", "Bo Chen", at=T0 + dt.timedelta(hours=3))
    assert second.status == "agreed"
    # agreed_at is the later of the two signatures: sales, backdated to T0 + 3 h.
    assert second.agreed_at == T0 + dt.timedelta(hours=3)
    assert all(s.valid and s.digest == digest(sample) for s in second.signatures)
    in_force = store.in_force()
    assert in_force is not None and in_force.number == 1


def test_signing_again_replaces_the_partys_signoff(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    store.sign("marketing", "Ann Lee")
    version = store.sign("marketing", "Ann Lee-Smith")
    assert [(s.party, s.name) for s in version.signatures] == [("marketing", "Ann Lee-Smith")]


def test_sign_refuses_an_agreed_version(store: Store, sample: Contract) -> None:
    _agreed(store, sample)
    with pytest.raises(VersionLocked, match="new-version"):
        store.sign("sales", "Bo Chen")


def test_sign_checks_party_name_and_zone(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    with pytest.raises(InvalidSignature, match="parties are marketing and sales"):
        store.sign("joint", "Both of us")
    with pytest.raises(InvalidSignature, match="name"):
        store.sign("sales", "   ")
    with pytest.raises(ValueError, match="time zone"):
        store.sign("sales", "Bo", at=dt.datetime(2027, 1, 5, 12, 0))
    assert store.current().signatures == []


def test_sign_stores_utc_to_the_second(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    zone = dt.timezone(dt.timedelta(hours=-5))
    version = store.sign("sales", "Bo", at=dt.datetime(2027, 1, 5, 9, 30, 15, 999, tzinfo=zone))
    assert version.signatures[0].signed_at == dt.datetime(2027, 1, 5, 14, 30, 15, tzinfo=dt.UTC)


# ---------------------------------------------------------------- editing


def test_signing_then_editing_makes_the_signature_stale(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    store.sign("marketing", "Ann Lee")
    edited = store.update_draft(_with_sales_contact_within(sample, "2bd"))
    assert edited.status == "draft"
    [signature] = edited.signatures
    assert (signature.party, signature.name, signature.valid) == ("marketing", "Ann Lee", False)
    assert signature.digest == digest(sample) != edited.digest
    entry = store.log()[-1]
    assert entry.action == "edited"
    assert "within: 1bd → 2bd" in entry.detail and "stale" in entry.detail


def test_an_edit_on_an_agreed_version_is_refused(store: Store, sample: Contract) -> None:
    _agreed(store, sample)
    with pytest.raises(VersionLocked) as caught:
        store.update_draft(_with_sales_contact_within(sample, "2bd"))
    assert str(caught.value) == (
        "v1 is agreed by both parties and cannot change; "
        "run `slatui contract new-version` to start v2"
    )
    assert store.current().contract.model_copy(update={"signoffs": []}) == sample
    assert store.current().revision == 3  # import, two signatures; the refusal wrote nothing


def test_every_write_moves_the_revision_on(store: Store, sample: Contract) -> None:
    assert store.import_contract(sample, source="s").version.revision == 1
    assert store.update_draft(_with_sales_contact_within(sample, "2bd")).revision == 2
    assert store.sign("sales", "Bo").revision == 3
    # Saving identical content is not a change: no new revision, no log entry.
    same = store.update_draft(store.current().contract)
    assert same.revision == 3 and len(store.log()) == 3


def test_a_revision_conflict_is_detected(store: Store, sample: Contract) -> None:
    loaded = store.import_contract(sample, source="sample.toml").version
    # Terminal B saves first ...
    store.update_draft(_with_sales_contact_within(sample, "2bd"), expected_revision=1)
    # ... terminal A still holds revision 1.
    with pytest.raises(RevisionConflict) as caught:
        store.update_draft(
            _with_sales_contact_within(sample, "3bd"), expected_revision=loaded.revision
        )
    assert caught.value.expected == 1 and caught.value.current.revision == 2
    assert "revision 1" in str(caught.value) and "revision 2" in str(caught.value)
    commitment = store.current().contract.commitment("t2-sales-first-contact")
    assert commitment is not None and str(getattr(commitment, "within", "")) == "2bd"


def test_writes_from_worker_threads_are_serialised(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    errors: list[BaseException] = []

    def edit(days: int) -> None:
        try:
            store.update_draft(_with_sales_contact_within(sample, f"{days}bd"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(2, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.current().revision == 1 + len(threads)
    assert [e.action for e in store.log()].count("edited") == len(threads)


# ---------------------------------------------------------------- versions


def test_new_version_is_a_draft_and_the_agreed_one_stays_in_force(
    store: Store, sample: Contract
) -> None:
    _agreed(store, sample)
    draft = store.new_version()
    assert (draft.number, draft.status, draft.signatures) == (2, "draft", [])
    assert draft.source == "new-version of v1"
    assert draft.contract == sample.model_copy(update={"signoffs": []})
    assert [(v.number, v.status) for v in store.versions()] == [(1, "agreed"), (2, "draft")]
    in_force = store.in_force()
    assert in_force is not None and in_force.number == 1
    # Once v2 is agreed, v1 is superseded.
    store.sign("marketing", "Ann Lee")
    store.sign("sales", "Bo Chen")
    assert [(v.number, v.status) for v in store.versions()] == [(1, "superseded"), (2, "agreed")]


def test_new_version_needs_an_agreed_version(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    with pytest.raises(NotAgreed, match="v1 is a draft; edit it instead"):
        store.new_version()
    store.sign("sales", "Bo")
    with pytest.raises(NotAgreed, match="awaiting signature"):
        store.new_version()


def test_version_lookup(store: Store, sample: Contract) -> None:
    _agreed(store, sample)
    store.new_version()
    assert store.version(1).status == "agreed"
    assert store.current().number == 2
    with pytest.raises(UnknownVersion, match="v1 to v2"):
        store.version(3)


def test_in_force_at_a_moment(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    store.sign("marketing", "Ann", at=T0 + dt.timedelta(days=1))
    store.sign("sales", "Bo", at=T0 + dt.timedelta(days=2))  # v1 agreed at T0 + 2 d
    store.new_version()
    store.update_draft(_with_sales_contact_within(sample, "2bd"))
    store.sign("marketing", "Ann", at=T0 + dt.timedelta(days=10))
    store.sign("sales", "Bo", at=T0 + dt.timedelta(days=9))  # v2 agreed at T0 + 10 d

    def number_at(days: float) -> int | None:
        found = store.in_force(T0 + dt.timedelta(days=days))
        return None if found is None else found.number

    assert number_at(1.5) is None  # only marketing had signed
    assert number_at(2) == 1  # the instant of the second signature counts
    assert number_at(9.5) == 1  # v2 not yet agreed
    assert number_at(10) == 2
    with pytest.raises(ValueError, match="time zone"):
        store.in_force(dt.datetime(2027, 1, 1))


def test_the_log_records_every_action(store: Store, sample: Contract) -> None:
    store.import_contract(sample, source="sample.toml")
    store.update_draft(_with_sales_contact_within(sample, "2bd"))
    store.sign("marketing", "Ann Lee")
    store.sign("sales", "Bo Chen")
    store.new_version()
    entries = store.log()
    assert [(e.version, e.action, e.party) for e in entries] == [
        (1, "imported", None),
        (1, "edited", None),
        (1, "signed", "marketing"),
        (1, "signed", "sales"),
        (2, "new version", None),
    ]
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert entries[3].name == "Bo Chen" and "status: agreed" in entries[3].detail


def test_data_version_moves_only_for_other_connections(tmp_path: Path) -> None:
    # PRAGMA data_version is per connection: a commit by another connection
    # changes it, our own commit does not. The workbench polls it to notice
    # a second terminal's edits.
    from slatui.contract import load_file

    path = tmp_path / "w.db"
    sample = load_file(Path(__file__).resolve().parent.parent / "sample.toml")
    with Store.open(path) as mine, Store.open(path) as theirs:
        before = mine.data_version()
        mine.import_contract(sample, source="sample.toml")
        assert mine.data_version() == before
        seen = theirs.data_version()
        mine.sign("marketing", "Dana")
        assert theirs.data_version() != seen
