"""`Store`: the one object through which the CLI and the TUI touch a workspace.

One SQLite file per workspace. Every write is one transaction (a crash never
leaves a half-written version) and nothing is ever overwritten except the
latest draft's content, whose old signatures stay recorded as stale.

The connection is shared with worker threads, and an SQLite connection has a
single transaction state, so one re-entrant lock guards every use of it: one
writer at a time, and no reader peeking into a write half-done.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from store import queries
from store.audit_store import AuditData
from store.connection import connect, read_transaction, write_transaction
from store.contract_io import digest, loads, to_toml
from store.db import Db
from store.details import edit_detail, import_detail
from store.errors import (
    InvalidSignature,
    NoAgreement,
    NotAgreed,
    NotAWorkspace,
    RevisionConflict,
    UnknownVersion,
    VersionLocked,
    WorkspaceCorrupt,
    WorkspaceMissing,
)
from store.measure_store import MeasureData
from store.pilot_store import PilotData
from store.records import PARTIES, Action, ImportResult, LogEntry, Signer, Version
from store.schema import migrate
from store.timefmt import from_db, require_aware, to_db, utc_now
from store.versions import agreed_at, describe_status, signature_states, status_of

if TYPE_CHECKING:
    from slatui.contract.model import Contract

Clock = Callable[[], dt.datetime]


class Store(PilotData, MeasureData, AuditData):
    """A workspace: the agreement's versions, signatures and log; the pilot's data.

    The pilot's data (batches, accounts, contacts, events) is `PilotData`'s half;
    what the measurements read is `MeasureData`'s.
    """

    def __init__(self, db: Db, path: Path, *, now: Clock = utc_now) -> None:
        """Wrap an open, migrated database; use `Store.open` instead."""
        self._db = db
        self._path = path
        self._now = now
        self._lock = threading.RLock()

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path, *, create: bool = True, now: Clock | None = None) -> Store:
        """Open (and with `create`, make) the workspace at `path`, migrated to date."""
        path = Path(path)
        _check_location(path, create)
        db = connect(path)
        try:
            migrate(db, path)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise NotAWorkspace(f"{path} is not a slatui workspace ({exc})") from None
        except BaseException:
            db.close()
            raise
        return cls(db, path, now=now or utc_now)

    @property
    def path(self) -> Path:
        """The workspace file."""
        return self._path

    def now(self) -> dt.datetime:
        """The store's clock (frozen in tests): what "now" means for this workspace's screens."""
        return self._now()

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self._path)!r})"

    # ------------------------------------------------------------ reading

    def data_version(self) -> int:
        """SQLite's change counter: it moves when another connection commits.

        Our own writes leave it alone, so a changed value means another
        terminal (or an import in another process) wrote to the workspace.
        Cheap enough to poll twice a second.
        """
        with self._lock:
            row = self._db.conn.execute("PRAGMA data_version").fetchone()
            return int(row[0])

    def versions(self) -> list[Version]:
        """Every version, oldest first."""
        with self._reading():
            latest, in_force = self._positions()
            return [self._build(row, latest, in_force) for row in queries.version_rows(self._db)]

    def current(self) -> Version:
        """The latest version (draft or not); NoAgreement on an empty workspace."""
        with self._reading():
            return self._latest()

    def version(self, number: int) -> Version:
        """Version `number`; UnknownVersion when there is none."""
        with self._reading():
            row = queries.version_row(self._db, number)
            if row is None:
                raise UnknownVersion(self._unknown_message(number))
            return self._build(row, *self._positions())

    def in_force(self, at: dt.datetime | None = None) -> Version | None:
        """The agreed version in force now, or at `at`: the newest one agreed by then."""
        stamp = None if at is None else to_db(require_aware(at, "in_force(at)"))
        with self._reading():
            number = queries.in_force_number(self._db, stamp)
            if number is None:
                return None
            row = queries.version_row(self._db, number)
            assert row is not None
            return self._build(row, *self._positions())

    def log(self) -> list[LogEntry]:
        """Everything done to the agreement, in order."""
        with self._reading():
            rows = queries.log_rows(self._db)
        return [
            LogEntry(
                at=from_db(r["at"]),
                version=int(r["version"]),
                action=r["action"],
                party=r["party"],
                name=r["name"],
                detail=r["detail"],
            )
            for r in rows
        ]

    # ------------------------------------------------------------ writing

    def import_contract(self, contract: Contract, *, source: str) -> ImportResult:
        """Append the contract as a new version, its signoffs kept as given."""
        with self._writing():
            number = (queries.latest_number(self._db) or 0) + 1
            stamp = self._stamp()
            queries.insert_version(self._db, number, _stored(contract), at=stamp, source=source)
            self._record(number, "imported", stamp, detail=import_detail(contract, source))
            version = self._latest()
        invalid = [s for s in version.signatures if not s.valid]
        return ImportResult(version=version, invalid_signatures=invalid)

    def update_draft(self, contract: Contract, *, expected_revision: int | None = None) -> Version:
        """Replace the latest version's content; its signatures stay, stale if now wrong."""
        with self._writing():
            latest = self._latest()
            _check_revision(latest, expected_revision)
            if latest.status == "agreed":
                raise VersionLocked(_locked_message(latest, "cannot change"))
            edited = contract.model_copy(update={"signoffs": latest.contract.signoffs})
            if to_toml(edited) == to_toml(latest.contract):
                return latest
            stamp = self._stamp()
            queries.update_version(self._db, latest.number, _stored(edited), at=stamp)
            detail = edit_detail(latest.contract, edited)
            self._record(latest.number, "edited", stamp, detail=detail)
            return self._latest()

    def sign(
        self,
        party: str,
        name: str,
        *,
        at: dt.datetime | None = None,
        expected_revision: int | None = None,
    ) -> Version:
        """Sign the latest version's current digest; a party's earlier signoff is replaced."""
        name = _check_signer(party, name)
        moment = self._now()
        signed_at = require_aware(at, "sign(at)") if at is not None else moment
        signed_at = signed_at.astimezone(dt.UTC).replace(microsecond=0)
        with self._writing():
            latest = self._latest()
            _check_revision(latest, expected_revision)
            if latest.status == "agreed":
                raise VersionLocked(_locked_message(latest, "cannot be signed again"))
            from slatui.contract.model import Signoff

            signoff = Signoff(
                party=cast(Signer, party), name=name, signed_at=signed_at, digest=latest.digest
            )
            others = [s for s in latest.contract.signoffs if s.party != party]
            signed = latest.contract.model_copy(update={"signoffs": [*others, signoff]})
            stamp = to_db(moment)
            queries.update_version(self._db, latest.number, _stored(signed), at=stamp)
            version = self._latest()
            detail = f"signed {latest.digest}; status: {_status_text(version)}"
            self._record(latest.number, "signed", stamp, party=party, name=name, detail=detail)
            return version

    def new_version(self) -> Version:
        """Start draft v+1 from the agreed latest version, without its signatures."""
        with self._writing():
            latest = self._latest()
            if latest.status != "agreed":
                raise NotAgreed(_not_agreed_message(latest))
            number = latest.number + 1
            unsigned = latest.contract.model_copy(update={"signoffs": []})
            stamp = self._stamp()
            source = f"new-version of {latest.label}"
            queries.insert_version(self._db, number, _stored(unsigned), at=stamp, source=source)
            detail = f"started from {latest.label}, which stays in force until v{number} is agreed"
            self._record(number, "new version", stamp, detail=detail)
            return self._latest()

    # ------------------------------------------------------------ internals

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock, read_transaction(self._db):
            yield

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock, write_transaction(self._db, self._path):
            yield

    def _stamp(self) -> str:
        return to_db(self._now())

    def _positions(self) -> tuple[int, int | None]:
        """(latest number, in-force number): what the status rule needs."""
        latest = queries.latest_number(self._db)
        return (latest or 0), queries.in_force_number(self._db)

    def _latest(self) -> Version:
        latest, in_force = self._positions()
        row = queries.version_row(self._db, latest) if latest else None
        if row is None:
            raise NoAgreement(
                f"the workspace {self._path} holds no agreement yet; import one with "
                "`slatui contract import FILE.toml` (or `slatui init --from FILE.toml`)"
            )
        return self._build(row, latest, in_force)

    def _build(self, row: dict[str, Any], latest: int, in_force: int | None) -> Version:
        number = int(row["number"])
        contract = _parse(row["toml"], f"{self._path} v{number}")
        return Version(
            number=number,
            contract=contract,
            status=status_of(number, latest=latest, in_force=in_force, contract=contract),
            revision=int(row["revision"]),
            created_at=from_db(row["created_at"]),
            updated_at=from_db(row["updated_at"]),
            source=row["source"],
            signatures=signature_states(contract),
            digest=digest(contract),
            agreed_at=agreed_at(contract),
        )

    def _record(
        self,
        version: int,
        action: Action,
        stamp: str,
        *,
        party: str | None = None,
        name: str | None = None,
        detail: str = "",
    ) -> None:
        entry = {"at": stamp, "version": version, "action": action}
        queries.insert_log(self._db, {**entry, "party": party, "name": name, "detail": detail})

    def _unknown_message(self, number: int) -> str:
        latest = queries.latest_number(self._db)
        held = f"it has v1 to v{latest}" if latest else "it holds no versions yet"
        return f"there is no v{number} in {self._path}; {held}"


def _check_location(path: Path, create: bool) -> None:
    if path.is_dir():
        raise NotAWorkspace(f"{path} is a directory; name a workspace file, e.g. {path}/slatui.db")
    if path.exists():
        return
    if not create:
        raise WorkspaceMissing(f"no workspace at {path}; create it with `slatui init --db {path}`")
    path.parent.mkdir(parents=True, exist_ok=True)


def _stored(contract: Contract) -> dict[str, Any]:
    """The columns a contract is stored as; the text must load back, or nothing is written."""
    text = to_toml(contract)
    loads(text)  # raises ContractInvalid before anything unreadable reaches the file
    moment = agreed_at(contract)
    return {
        "toml": text,
        "digest": digest(contract),
        "agreed_at": None if moment is None else to_db(moment),
    }


@lru_cache(maxsize=128)
def _parse_cached(text: str) -> Contract:
    return loads(text)


def _parse(text: str, where: str) -> Contract:
    """Stored text -> Contract; parsed once per distinct text (versions are re-read often)."""
    from slatui.contract.errors import ContractInvalid

    try:
        return _parse_cached(text)
    except ContractInvalid as exc:
        raise WorkspaceCorrupt(
            f"{where} no longer loads ({exc.render().splitlines()[0]}); "
            "the workspace was changed outside slatui"
        ) from None


def _check_revision(version: Version, expected: int | None) -> None:
    if expected is not None and expected != version.revision:
        raise RevisionConflict(expected, version)


def _check_signer(party: str, name: str) -> str:
    if party not in PARTIES:
        raise InvalidSignature(f'"{party}" cannot sign; the parties are marketing and sales')
    if not name.strip():
        raise InvalidSignature("a signature needs the signer's name")
    return name.strip()


def _status_text(version: Version) -> str:
    return describe_status(version.status, version.unsigned_parties)


def _locked_message(version: Version, what: str) -> str:
    return (
        f"{version.label} is agreed by both parties and {what}; "
        f"run `slatui contract new-version` to start v{version.number + 1}"
    )


def _not_agreed_message(version: Version) -> str:
    if version.status == "draft":
        return f"{version.label} is a draft; edit it instead"
    return (
        f"{version.label} is {_status_text(version)}; edit it or have the other party sign, "
        "then start a new version"
    )
