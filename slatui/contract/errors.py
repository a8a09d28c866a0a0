"""Problems in a contract, each tied to the key path a person can find.

One message per problem, naming the place (`commitments[3].within`), so that
someone who has never read a traceback can fix their file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a contract, at a key path (and a line when known)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def render(self, source: str | None = None) -> str:
        """`file:line: path: message`, leaving out what is unknown."""
        where = source or ""
        if self.line is not None:
            where += f":{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [p for p in (where, self.path) if p]
        return ": ".join([*parts, self.message])


class ClauseError(ValueError):
    """A clause-level check that blames one key of the clause.

    Model validators see the whole clause, so pydantic reports their errors at
    the clause (`commitments[0]`); raising this instead lets the message name
    the key a person has to change (`commitments[0].max`).
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class ContractInvalid(ValueError):
    """A contract that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        super().__init__(self.render())

    def render(self) -> str:
        """All problems, one per line."""
        return "\n".join(p.render(self.source) for p in self.problems)


def join_path(parts: tuple[str | int, ...]) -> str:
    """("commitments", 3, "within") -> "commitments[3].within"."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
