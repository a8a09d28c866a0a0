"""Addresses of the clauses a person edits: the agreement, a tier, a commitment...

A node is named by its section and, for list clauses, by its stable id, so an
address survives reordering and still means the same clause after a reload
from another terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from slatui.contract.model import Contract

Section = Literal[
    "agreement",
    "calendar",
    "sal",
    "tier",
    "commitment",
    "escalation",
    "reviews",
    "pilot",
    "signoffs",
]

LIST_SECTIONS: dict[str, str] = {
    "tier": "tiers",
    "commitment": "commitments",
    "escalation": "escalations",
}


@dataclass(frozen=True)
class NodeRef:
    """One clause: a section, plus the id for tiers, commitments and escalations."""

    section: Section
    key: str | None = None

    def __str__(self) -> str:
        return f"{self.section}:{self.key}" if self.key else self.section

    def index_in(self, contract: Contract) -> int | None:
        """Position of a list clause in the contract, None if absent or not a list."""
        items = _items(contract, self.section)
        if items is None:
            return None
        return next((i for i, item in enumerate(items) if item.id == self.key), None)

    def path(self, contract: Contract) -> str:
        """The key path of this clause as the loader and the linter write it."""
        table = LIST_SECTIONS.get(self.section)
        if table is None:
            return self.section
        return f"{table}[{self.index_in(contract)}]"

    def exists(self, contract: Contract) -> bool:
        """False once the clause was deleted (here or in another terminal)."""
        if self.section in LIST_SECTIONS:
            return self.index_in(contract) is not None
        return True


def _items(contract: Contract, section: str) -> list[Any] | None:
    table = LIST_SECTIONS.get(section)
    return None if table is None else list(getattr(contract, table))


def node_for_path(contract: Contract, path: str) -> NodeRef:
    """The clause a key path such as `commitments[3].within` belongs to (lint jumps)."""
    head = path.split(".", 1)[0]
    for section, table in LIST_SECTIONS.items():
        if head.startswith(f"{table}[") and head.endswith("]"):
            index = int(head[len(table) + 1 : -1])
            items = getattr(contract, table)
            if 0 <= index < len(items):
                return NodeRef(section, items[index].id)  # type: ignore[arg-type]
    name = head.split("[", 1)[0]
    if name in ("agreement", "calendar", "sal", "reviews", "pilot", "signoffs"):
        return NodeRef(name)  # type: ignore[arg-type]
    return NodeRef("agreement")
