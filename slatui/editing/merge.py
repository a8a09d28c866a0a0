"""Replaying one field edit onto a version another terminal saved meanwhile.

Two people edit one draft. When the second save finds a newer revision, the
edit is replayed on top of it if that field was not touched there (edits to
different clauses both survive); if it was, it is a real conflict and the
person must see both values. Nothing is overwritten silently.
"""

from __future__ import annotations

from slatui.contract.model import Contract
from slatui.editing.edits import field_text, set_field
from slatui.editing.nodes import NodeRef


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
