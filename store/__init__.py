"""The SQLite workspace: versions of the agreement, signatures, and their log.

Import-time side effects are forbidden here: nothing opens a database until
`Store.open` is called, so the CLI, the TUI and the tests choose the file.
"""

from store.errors import (
    InvalidSignature,
    NoAgreement,
    NotAgreed,
    NotAWorkspace,
    RevisionConflict,
    StoreError,
    UnknownVersion,
    VersionLocked,
    WorkspaceBusy,
    WorkspaceCorrupt,
    WorkspaceMissing,
    WorkspaceTooNew,
)
from store.records import ImportResult, LogEntry, SignatureState, Status, Version
from store.store import Store

__all__ = [
    "ImportResult",
    "InvalidSignature",
    "LogEntry",
    "NoAgreement",
    "NotAWorkspace",
    "NotAgreed",
    "RevisionConflict",
    "SignatureState",
    "Status",
    "Store",
    "StoreError",
    "UnknownVersion",
    "Version",
    "VersionLocked",
    "WorkspaceBusy",
    "WorkspaceCorrupt",
    "WorkspaceMissing",
    "WorkspaceTooNew",
]
