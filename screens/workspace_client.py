"""The one way screens reach the workspace: store calls in thread workers.

Each method starts a thread worker, does the store work there, and posts the
outcome as a message to the widget that asked. Store errors a person can act
on (busy, locked, conflict) become messages too; anything else fails the
worker, and the App turns failed workers into a notification in one place.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, get_current_worker

from screens.messages import (
    ContractExported,
    DiffComputed,
    DraftSaved,
    SaveConflicted,
    Signed,
    StoreFailed,
    VersionsListed,
    VersionStarted,
    WorkspaceLoaded,
)
from store import NoAgreement, RevisionConflict, Store, StoreError, Version

if TYPE_CHECKING:
    from slatui.contract.model import Contract
    from slatui.editing.nodes import NodeRef

Job = Callable[[Store], Message]


class WorkspaceClient:
    """Runs store work off the UI thread and reports back with messages.

    Jobs run one after another in the order they were asked for (each
    worker runs the oldest waiting job), so a quick second edit never
    overtakes the first, and a worker cancelled before it ran blocks no
    other. The client also
    remembers which revision each of its own plain saves produced: an edit
    made before the screen heard back about the previous save carries the
    older revision, and is saved on the newer one instead of conflicting with
    this terminal's own write.
    """

    def __init__(self, app: App[Any], store: Store) -> None:
        self.app = app
        self.store = store
        self._serial = threading.Lock()
        self._waiting: deque[tuple[MessagePump, str, Job]] = deque()
        self._saved_from: dict[int, int] = {}

    def run(
        self, target: MessagePump, action: str, job: Job, *, group: str = "store"
    ) -> Worker[None]:
        """Run `job(store)` in a thread; post its message (or StoreFailed) to `target`."""
        self._waiting.append((target, action, job))
        return self.app.run_worker(
            self._run_oldest, name=action, group=group, thread=True, exit_on_error=False
        )

    def _run_oldest(self) -> None:
        """In a worker thread: run the oldest waiting job, one job at a time."""
        with self._serial:
            target, action, job = self._waiting.popleft()
            get_current_worker().name = action  # a failure is reported under its own name
            try:
                message = job(self.store)
            except StoreError as exc:
                message = StoreFailed(action, str(exc))
            target.post_message(message)  # in order, like the jobs

    def _update(self, store: Store, contract: Contract, revision: int) -> Version:
        """`update_draft` on the revision the screen saw, or on what our own save made of it."""
        while revision in self._saved_from:
            revision = self._saved_from[revision]
        saved = store.update_draft(contract, expected_revision=revision)
        if saved.revision != revision:
            self._saved_from[revision] = saved.revision
        return saved

    def load(self, target: MessagePump) -> Worker[None]:
        """Read the latest version (None on an empty workspace)."""

        def job(store: Store) -> Message:
            try:
                return WorkspaceLoaded(store.current())
            except NoAgreement:
                return WorkspaceLoaded(None)

        return self.run(target, "load", job, group="load")

    def import_contract(self, target: MessagePump, contract: Contract, source: str) -> Worker[None]:
        """Start the workspace from a contract (the sample, or a blank one)."""
        return self.run(
            target,
            "import",
            lambda store: WorkspaceLoaded(store.import_contract(contract, source=source).version),
        )

    def save_field(
        self,
        target: MessagePump,
        contract: Contract,
        revision: int,
        edit: tuple[NodeRef, str, str, str],
        label: str,
    ) -> Worker[None]:
        """Save a one-field edit; replay it on a newer revision when it does not clash."""

        def job(store: Store) -> Message:
            try:
                return DraftSaved(self._update(store, contract, revision), label)
            except RevisionConflict as conflict:
                return _rebase(store, conflict.current, contract, edit, label)

        return self.run(target, "save", job)

    def save_contract(
        self, target: MessagePump, base: Contract, contract: Contract, revision: int, label: str
    ) -> Worker[None]:
        """Save a structural edit (add, delete, move, undo) that turned `base` into `contract`.

        On a newer revision the change is replayed on top of it, clause by
        clause; where both changed the same field it is a conflict.
        """

        def job(store: Store) -> Message:
            try:
                return DraftSaved(self._update(store, contract, revision), label)
            except RevisionConflict as conflict:
                theirs = conflict.current
            from slatui.editing.merge import merge_contracts

            merged = merge_contracts(base, contract, theirs.contract)
            if merged is None:
                return SaveConflicted(theirs, contract, label, base=base)
            try:
                saved = store.update_draft(merged, expected_revision=theirs.revision)
            except RevisionConflict as again:
                return SaveConflicted(again.current, contract, label, base=base)
            return DraftSaved(saved, label, merged=True)

        return self.run(target, "save", job)

    def sign(self, target: MessagePump, party: str, name: str, revision: int) -> Worker[None]:
        """Sign the latest version as `party`, if it is still the revision shown."""
        return self.run(
            target,
            "sign",
            lambda store: Signed(store.sign(party, name, expected_revision=revision), party),
        )

    def new_version(self, target: MessagePump) -> Worker[None]:
        """Start draft v+1 from the agreed version."""
        return self.run(target, "new version", lambda store: VersionStarted(store.new_version()))

    def list_versions(self, target: MessagePump) -> Worker[None]:
        """Every version, for the versions screen."""
        return self.run(target, "versions", lambda store: VersionsListed(store.versions()))

    def diff(self, target: MessagePump, old: int, new: int) -> Worker[None]:
        """The clause-by-clause diff between two versions."""
        from slatui.contract.diff import diff

        def job(store: Store) -> Message:
            a, b = store.version(old), store.version(new)
            return DiffComputed(a, b, diff(a.contract, b.contract))

        return self.run(target, "diff", job)

    def export(self, target: MessagePump, number: int, fmt: str, path: Path) -> Worker[None]:
        """Write version `number` as TOML or Markdown to `path` (atomically)."""
        from slatui.exporting import ExportFailed, export_text, write_atomically

        def job(store: Store) -> Message:
            version = store.version(number)
            text = export_text(version.contract, fmt, number=version.number, status=version.status)
            try:
                size = write_atomically(path, text)
            except ExportFailed as exc:
                return StoreFailed("export", str(exc))
            return ContractExported(path, size, fmt)

        return self.run(target, "export", job)


def _rebase(
    store: Store,
    theirs_version: object,
    mine: Contract,
    edit: tuple[NodeRef, str, str, str],
    label: str,
) -> Message:
    from slatui.editing.merge import replay_field
    from slatui.editing.values import EditError

    assert isinstance(theirs_version, Version)
    node, key, base_text, mine_text = edit
    try:
        merged = replay_field(theirs_version.contract, node, key, base_text, mine_text)
    except EditError:
        merged = None
    if merged is None:
        from slatui.editing import field_text

        theirs_text = (
            field_text(theirs_version.contract, node, key)
            if node.exists(theirs_version.contract)
            else "(deleted)"
        )
        return SaveConflicted(theirs_version, mine, label, node, key, mine_text, theirs_text)
    try:
        saved = store.update_draft(merged, expected_revision=theirs_version.revision)
    except RevisionConflict as again:
        return SaveConflicted(again.current, mine, label, node, key, mine_text, "")
    return DraftSaved(saved, label, merged=True)
