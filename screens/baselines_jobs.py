"""The Baselines screen's store work, and what it reports back (past-tense messages).

Each job runs in a worker thread and returns one message: the baselines as of
the store's "now" (the judged moment), a what-if judged beside the draft, or
an adopted target. Refusals a person can act on (no pilot, a value the
contract refuses, no such suggestion) come back as messages with the reason;
store refusals (busy, locked) are turned into StoreFailed by the client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from store import NoAgreement

if TYPE_CHECKING:
    import datetime as dt

    from slatui.baselines.whatif import Change, Difference
    from slatui.contract.model import Contract
    from store import Store, Version
    from store.baseline_run import Adopted, Baselines


@dataclass
class BaselinesLoaded(Message):
    """Every commitment of the draft measured over the pilot (None: why there is none)."""

    found: Baselines | None
    reason: str = ""


@dataclass
class WhatIfComputed(Message):
    """The pilot judged under the draft and under `text`'s change (or why not)."""

    serial: int
    ident: str
    text: str
    differences: list[Difference]
    error: str = ""


@dataclass
class BaselineAdopted(Message):
    """A target went into the draft: `version` is the draft now stored.

    Also posted to the Draft screen, which then shows that version.
    """

    version: Version
    ident: str
    adopted: Adopted | None = None


@dataclass
class AdoptRefused(Message):
    """The target could not be adopted, and why (nothing was written)."""

    ident: str
    reason: str


def load(store: Store) -> Message:
    """The latest version's baselines as of the store's now."""
    from store.baseline_run import baselines

    try:
        version = store.current()
    except NoAgreement:
        return BaselinesLoaded(
            None, "There is no agreement yet: start one on the Draft screen (d)."
        )
    try:
        return BaselinesLoaded(baselines(store, store.now(), version))
    except ValueError as exc:
        return BaselinesLoaded(None, f"No baselines: {exc}.")


def changes_of(ident: str, text: str) -> list[Change]:
    """`within=4bh` or `min=8 max=8` (spaces or commas between) for commitment `ident`.

    A part naming its own commitment (`other-id.min=3`) is taken as it is written.
    """
    from slatui.baselines.whatif import BadChange, Change

    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        raise BadChange("type key=value, e.g. min=3 or within=24bh")
    out = []
    for part in parts:
        key = part.partition("=")[0]
        out.append(Change.parse(part if "." in key else f"{ident}.{part}"))
    return out


def whatif(
    store: Store, contract: Contract, as_of: dt.datetime, serial: int, ident: str, text: str
) -> Message:
    """The pilot judged under the draft and under the change; nothing is written."""
    from slatui.baselines.whatif import BadChange, compare

    try:
        changes = changes_of(ident, text)
        try:
            differences = compare(contract, store, as_of, changes)
        except BadChange:
            if len(changes) < 2:
                raise
            # `min=8 max=8` on a 2–3 range: each key alone reverses the range, so the
            # other order (max first) is tried before the refusal is shown.
            differences = compare(contract, store, as_of, changes[::-1])
    except BadChange as exc:
        return WhatIfComputed(serial, ident, text, [], str(exc))
    return WhatIfComputed(serial, ident, text, differences)


def adopt(store: Store, ident: str, target: str, by: str) -> Message:
    """Write `target` (achievable, stretch or a value) into the draft, as of now."""
    from store.baseline_run import adopt as adopt_baseline

    try:
        adopted = adopt_baseline(store, ident, target, by, store.now())
    except ValueError as exc:  # NoTarget, EditError, no pilot: nothing was written
        return AdoptRefused(ident, str(exc))
    return BaselineAdopted(adopted.version, ident, adopted)
