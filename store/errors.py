"""What can go wrong in a workspace, each as one line a user can act on.

Every store error derives from `StoreError`, so the CLI and the TUI convert
them in one place (a one-line message, exit code 2 or a notification) instead
of catching a dozen types; the messages already name the way out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.records import Version


class StoreError(Exception):
    """Base of every workspace error; `str(exc)` is a one-line message for people."""


class WorkspaceMissing(StoreError):
    """`Store.open(..., create=False)` on a path where no workspace exists."""


class NotAWorkspace(StoreError):
    """The file exists but is not a slatui workspace (not SQLite, or another app's)."""


class WorkspaceTooNew(StoreError):
    """The file was written by a newer slatui with migrations this one lacks."""


class WorkspaceCorrupt(StoreError):
    """A stored contract no longer loads; the workspace was edited behind slatui's back."""


class WorkspaceBusy(StoreError):
    """Another process held the write lock longer than the busy timeout."""


class NoAgreement(StoreError):
    """The workspace holds no version yet."""


class UnknownVersion(StoreError):
    """A version number the workspace does not have."""


class VersionLocked(StoreError):
    """The latest version is agreed by both parties, so it is read-only."""


class NotAgreed(StoreError):
    """`new_version` before the latest version is agreed."""


class InvalidSignature(StoreError):
    """A signature request with an unknown party or an empty name."""


class RevisionConflict(StoreError):
    """The version changed since the caller read it (another terminal wrote first).

    Carries both revisions and the current version, so an editor can show what
    changed instead of overwriting someone else's work.
    """

    def __init__(self, expected: int, current: Version) -> None:
        self.expected = expected
        self.current = current
        super().__init__(
            f"v{current.number} changed while you were editing it "
            f"(you had revision {expected}, it is now at revision {current.revision}); "
            "reload it and apply your change again"
        )


class AlreadyImported(StoreError):
    """The file (by its SHA-256) is already a batch; nothing was added.

    Not a failure for the user: the CLI prints the message and exits 0.
    """

    def __init__(self, batch_id: int, file_name: str, imported_at: str) -> None:
        self.batch_id = batch_id
        self.file_name = file_name
        self.imported_at = imported_at
        super().__init__(
            f"{file_name} was already imported as batch {batch_id} on {imported_at}; nothing "
            f"added (to read it again with other options, undo it first: "
            f"slatui imports undo {batch_id})"
        )


class UnknownBatch(StoreError):
    """A batch id the workspace does not have (never imported, or already undone)."""


class DuplicateEvent(StoreError):
    """A logged event that the workspace already holds; nothing was added."""

    def __init__(self, batch_id: int) -> None:
        self.batch_id = batch_id
        super().__init__(f"this event is already recorded (batch {batch_id}); nothing added")
