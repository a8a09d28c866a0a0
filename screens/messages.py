"""What workers report back to the screens, in the past tense.

Every store call runs in a thread worker; its outcome arrives as one of these
messages, so the UI thread never waits on SQLite and every outcome has a
handler that can be found by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from slatui.contract.diff import Change
    from slatui.contract.model import Contract
    from slatui.editing.nodes import NodeRef
    from store import Version


@dataclass
class WorkspaceLoaded(Message):
    """The latest version was read; None on a workspace with no agreement yet."""

    version: Version | None


@dataclass
class FirstFrameShown(Message):
    """The first frame is on screen: heavy work (parsing the agreement) may start."""


@dataclass
class WorkspaceChanged(Message):
    """Another process wrote to the workspace (PRAGMA data_version moved)."""


@dataclass
class DraftSaved(Message):
    """An accepted edit is in the workspace; `label` says what it was."""

    version: Version
    label: str
    merged: bool = False


@dataclass
class SaveConflicted(Message):
    """The same clause changed in another terminal since this one loaded it.

    Nothing was overwritten: `theirs` is the version now stored, `mine` the
    contract this terminal wanted to save, so the screen can show both. A
    structural edit also carries `base`, the contract it was made on, so
    "keep mine" can replay just that change on top of theirs.
    """

    theirs: Version
    mine: Contract
    label: str
    node: NodeRef | None = None
    key: str | None = None
    mine_text: str = ""
    theirs_text: str = ""
    base: Contract | None = None


@dataclass
class Signed(Message):
    """A party signed; the version's status moved."""

    version: Version
    party: str


@dataclass
class VersionStarted(Message):
    """`new version` made a draft v+1 from the agreed version."""

    version: Version


@dataclass
class VersionsListed(Message):
    """Every version, oldest first, for the versions screen."""

    versions: list[Version]


@dataclass
class DiffComputed(Message):
    """The clause-by-clause changes between two versions."""

    old: Version
    new: Version
    changes: list[Change] = field(default_factory=list)


@dataclass
class ContractExported(Message):
    """A version was written to a file."""

    path: Path
    size: int
    format: str


@dataclass
class StoreFailed(Message):
    """A store call failed for a reason the user can act on (busy, locked...)."""

    action: str
    reason: str
