"""Undo for one editing session: the contracts as they were before each edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from slatui.contract.model import Contract


@dataclass
class History:
    """A bounded stack of earlier contracts; undo pops the latest."""

    limit: int = 200
    _stack: list[tuple[str, Contract]] = field(default_factory=list)

    def push(self, label: str, before: Contract) -> None:
        """Remember the contract as it was before the edit called `label`."""
        self._stack.append((label, before))
        del self._stack[: -self.limit]

    def pop(self) -> tuple[str, Contract] | None:
        """The last edit's label and the contract before it, or None."""
        return self._stack.pop() if self._stack else None

    def __len__(self) -> int:
        return len(self._stack)
