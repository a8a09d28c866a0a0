"""Replaying edits onto a version another terminal saved meanwhile.

Two people edit one draft. When a save finds a newer revision, the edit is
replayed on top of it if what it changed was not touched there (edits to
different clauses, or different fields of one clause, both survive); if it
was, it is a real conflict and the person must see both sides. Nothing is
overwritten silently.
"""

from __future__ import annotations

from typing import Any

from slatui.contract.canonical import to_data
from slatui.contract.model import Contract
from slatui.editing.edits import field_text, set_field, validate
from slatui.editing.nodes import LIST_SECTIONS, NodeRef
from slatui.editing.values import EditError

CLAUSE_TABLES = frozenset(LIST_SECTIONS.values())
WHOLE_VALUES = frozenset({"baseline"})
"""Tables merged as one value: a baseline mixed from two adoptions is nobody's evidence."""


def replay_field(
    theirs: Contract, node: NodeRef, key: str, base_text: str, mine_text: str
) -> Contract | None:
    """The edit applied to `theirs`, or None when `theirs` changed that field too."""
    if not node.exists(theirs):
        return None
    current = field_text(theirs, node, key)
    if current == mine_text:
        return theirs
    if current != base_text:
        return None
    return set_field(theirs, node, key, mine_text)


def merge_contracts(
    base: Contract, mine: Contract, theirs: Contract, *, prefer_mine: bool = False
) -> Contract | None:
    """`theirs` with the changes from `base` to `mine` applied on top.

    Structural edits (add, delete, reorder) and undo are replayed this way:
    clauses are matched by id and compared field by field. None when both
    sides changed the same field, or the same list's order, or the result is
    not a valid contract; with `prefer_mine`, mine wins where both changed
    ("keep mine" in a conflict), and None means it cannot be made valid.
    """
    try:
        data = _merge_dict(to_data(base), to_data(mine), to_data(theirs), prefer_mine, top=True)
        return validate(data)
    except (_Clash, EditError):
        return None


class _Clash(Exception):
    """Both sides changed the same thing."""


def _choose(base: Any, mine: Any, theirs: Any, prefer_mine: bool, whole: bool = False) -> Any:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    if not whole and all(isinstance(v, dict) for v in (base, mine, theirs)):
        return _merge_dict(base, mine, theirs, prefer_mine)
    if prefer_mine:
        return mine
    raise _Clash


def _merge_dict(
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    prefer_mine: bool,
    *,
    top: bool = False,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        if top and key in CLAUSE_TABLES:
            value: Any = _merge_clauses(b or [], m or [], t or [], prefer_mine)
        else:
            value = _choose(b, m, t, prefer_mine, whole=key in WHOLE_VALUES)
        if value is not None:
            out[key] = value
    return out


def _merge_clauses(
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    prefer_mine: bool,
) -> list[dict[str, Any]]:
    """Clauses by id: the order of whichever side reordered, each clause merged."""
    b, m, t = (_by_id(items) for items in (base, mine, theirs))
    if list(t) == list(b):
        order = list(m)
    elif list(m) in (list(b), list(t)):
        order = list(t)
    elif prefer_mine:
        order = [*m, *(i for i in t if i not in m and i not in b)]
    else:
        raise _Clash
    for gone in (set(b) | set(m) | set(t)) - set(order):
        # a clause left out must be one the side that kept it did not change
        changed = any(gone in side and side[gone] != b.get(gone) for side in (m, t))
        if changed and not prefer_mine:
            raise _Clash
    merged = (_choose(b.get(i), m.get(i), t.get(i), prefer_mine) for i in order)
    return [clause for clause in merged if clause is not None]


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(item.get("id")): item for item in items}
