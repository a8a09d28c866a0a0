"""The SQLite workspace: the agreement's versions, signatures and log; the pilot's data.

Import-time side effects are forbidden here: nothing opens a database until
`Store.open` is called, so the CLI, the TUI and the tests choose the file.
"""

from store.errors import (
    AlreadyImported,
    DuplicateEvent,
    InvalidSignature,
    NoAgreement,
    NotAgreed,
    NotAWorkspace,
    RevisionConflict,
    StoreError,
    UnknownBatch,
    UnknownVersion,
    VersionLocked,
    WorkspaceBusy,
    WorkspaceCorrupt,
    WorkspaceMissing,
    WorkspaceTooNew,
)
from store.pilot_records import (
    Account,
    Batch,
    BatchMeta,
    BatchResult,
    Contact,
    EventCursor,
    EventFilter,
    EventPage,
    PilotWindow,
    SourceTally,
    StoredEvent,
    Summary,
    TypeCount,
    UndoResult,
)
from store.records import ImportResult, LogEntry, SignatureState, Status, Version
from store.store import Store

__all__ = [
    "Account",
    "AlreadyImported",
    "Batch",
    "BatchMeta",
    "BatchResult",
    "Contact",
    "DuplicateEvent",
    "EventCursor",
    "EventFilter",
    "EventPage",
    "ImportResult",
    "InvalidSignature",
    "LogEntry",
    "NoAgreement",
    "NotAWorkspace",
    "NotAgreed",
    "PilotWindow",
    "RevisionConflict",
    "SignatureState",
    "SourceTally",
    "Status",
    "Store",
    "StoreError",
    "StoredEvent",
    "Summary",
    "TypeCount",
    "UndoResult",
    "UnknownBatch",
    "UnknownVersion",
    "Version",
    "VersionLocked",
    "WorkspaceBusy",
    "WorkspaceCorrupt",
    "WorkspaceMissing",
    "WorkspaceTooNew",
]
