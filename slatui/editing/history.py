"""Undo for one editing session: each edit with the contract before and after it.

Undo only applies while the draft is still what this terminal made it: if
another terminal changed it since, reverting would silently drop their edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slatui.contract.model import Contract

Step = tuple[str, "Contract", "Contract"]


@dataclass
class History:
    """A bounded stack of (label, before, after); undo pops the latest."""

    limit: int = 200
    _stack: list[Step] = field(default_factory=list)

    def push(self, label: str, before: Contract, after: Contract) -> None:
        """Remember an edit called `label` that turned `before` into `after`."""
        self._stack.append((label, before, after))
        del self._stack[: -self.limit]

    def pop(self) -> Step | None:
        """The last edit, or None."""
        return self._stack.pop() if self._stack else None

    def __len__(self) -> int:
        return len(self._stack)
