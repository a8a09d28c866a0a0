"""One lint finding: which clause, which rule, what is wrong and what to do.

A warning is data first (the CLI prints it, `--json` serialises it, the draft
screen shows it next to its clause), so it carries the key path in the
loader's style (`commitments[3].within`) and a human label for the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE = re.compile(r"^(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?")


@dataclass(frozen=True)
class LintWarning:
    """A finding a workshop should discuss; never an error, the file stays valid."""

    rule: str
    path: str
    clause: str
    message: str
    advice: str

    @property
    def clause_path(self) -> str:
        """The top-level clause the path lies in: `commitments[3]` for `commitments[3].within`."""
        match = _CLAUSE.match(self.path)
        return match.group(0) if match else self.path

    def render(self) -> str:
        """Two lines: where and what is wrong, then what to do."""
        return f"{self.path}: {self.clause}: {self.message} [{self.rule}]\n  fix: {self.advice}"

    def as_dict(self) -> dict[str, str]:
        """The stable JSON shape of `slatui contract check --json`."""
        return {
            "rule": self.rule,
            "path": self.path,
            "clause": self.clause,
            "message": self.message,
            "advice": self.advice,
        }


def clause_position(path: str, sections: tuple[str, ...]) -> tuple[int, int]:
    """(section rank, index) of a path, so warnings sort in the file's clause order."""
    match = _CLAUSE.match(path)
    if match is None:
        return (len(sections), 0)
    section = match.group("section")
    rank = sections.index(section) if section in sections else len(sections)
    index = int(match.group("index")) if match.group("index") else 0
    return (rank, index)
