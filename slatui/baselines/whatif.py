"""What if the pair promised something else? The pilot judged under changed keys.

`--set ID.key=VALUE` changes one key of one commitment through the editor's
own validation (the same refusals as the Draft screen), then the pilot is
judged twice as of the same moment, under the draft and under the changed
copy. History is set aside on purpose: the question is what the pilot would
have looked like under the other promise, so every item is judged under it.
Nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from slatui.compliance.evaluate import Evaluation, Judged, Selection, evaluate
from slatui.compliance.reader import Reader
from slatui.contract.model import Contract
from slatui.editing.adopt import TARGET_KEYS
from slatui.editing.edits import set_field
from slatui.editing.nodes import NodeRef
from slatui.editing.values import EditError

PILOT = Selection("pilot")


class BadChange(ValueError):
    """A --set that names no commitment, no key, or a value the contract refuses."""


@dataclass(frozen=True)
class Change:
    """One `ID.key=VALUE`."""

    commitment: str
    key: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Change:
        """`t2-sal-first-contact.within=48bh` (the id may contain dots; the key may not)."""
        target, sep, value = text.partition("=")
        ident, dot, key = target.strip().rpartition(".")
        if not sep or not dot or not ident or not key or not value.strip():
            raise BadChange(
                f"{text!r}: write ID.key=VALUE, e.g. t2-sales-first-contact.within=48bh"
            )
        return cls(ident, key.strip(), value.strip())


@dataclass(frozen=True)
class ItemChange:
    """A response item whose state differs under the change."""

    key: str
    before: str
    after: str


@dataclass(frozen=True)
class Side:
    """One commitment's pilot figure under one contract."""

    status: str
    actual: float | None
    target: float | None

    @classmethod
    def of(cls, judged: Judged) -> Side:
        """The figure's status, actual and target."""
        figure = judged.figure
        return cls(figure.status, figure.actual, figure.target)


@dataclass(frozen=True)
class Difference:
    """One affected commitment: its figure before and after, and the items that moved."""

    commitment: str
    before: Side
    after: Side
    items: tuple[ItemChange, ...]
    changed_keys: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """Plain values."""
        return {
            "id": self.commitment,
            "set": list(self.changed_keys),
            "draft": vars(self.before),
            "whatif": vars(self.after),
            "items_changed": [vars(i) for i in self.items],
        }


def apply(contract: Contract, changes: list[Change]) -> Contract:
    """The contract with every change made, validated; BadChange names the first refusal."""
    measures = {c.id: c.measure for c in contract.commitments}
    for change in changes:
        if change.commitment not in measures:
            close = difflib.get_close_matches(change.commitment, list(measures), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise BadChange(f"{change.commitment!r} is no commitment of the draft{hint}")
        keys = TARGET_KEYS[measures[change.commitment]]
        if change.key not in keys:
            which = ", ".join(keys) or "none"
            raise BadChange(
                f"{change.commitment}.{change.key}: a what-if changes a target; "
                f"this {measures[change.commitment]} has {which}"
            )
        try:
            contract = set_field(
                contract, NodeRef("commitment", change.commitment), change.key, change.value
            )
        except EditError as exc:
            raise BadChange(f"{change.commitment}.{change.key}={change.value}: {exc}") from None
    return contract


def compare(
    contract: Contract, reader: Reader, as_of: dt.datetime, changes: list[Change]
) -> list[Difference]:
    """Each commitment whose pilot figure or items change, and each one changed."""
    changed = apply(contract, changes)
    before = evaluate(contract, reader, as_of, PILOT, escalate=False)
    after = evaluate(changed, reader, as_of, PILOT, escalate=False)
    touched = {c.commitment for c in changes}
    out = []
    for old, new in zip(before.commitments, after.commitments, strict=True):
        ident = old.figure.commitment
        items = _item_changes(before, after, ident)
        left, right = Side.of(old), Side.of(new)
        if ident in touched or items or left != right:
            keys = tuple(c.key for c in changes if c.commitment == ident)
            out.append(Difference(ident, left, right, items, keys))
    return out


def _item_changes(before: Evaluation, after: Evaluation, ident: str) -> tuple[ItemChange, ...]:
    old = {(i.key, i.start_id): i.state for i in before.items.get(ident, [])}
    new = {(i.key, i.start_id): i.state for i in after.items.get(ident, [])}
    return tuple(
        ItemChange(key, state, new[(key, start)])
        for (key, start), state in sorted(old.items(), key=lambda kv: kv[0][1])
        if (key, start) in new and new[(key, start)] != state
    )
