"""Which agreement governed a moment: the versions in force, by when they were agreed.

A response item is judged under the version in force when its clock started
(DESIGN §4): a target or duration agreed later must not rewrite an item that
was already running, and a closed period keeps the targets of the version in
force when it closed. Before the first agreement (the pilot) there is no
version in force, and the agreement being judged governs.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from slatui.contract.model import Contract


@dataclass(frozen=True)
class Timeline:
    """Agreed versions as (agreed_at, number, contract), oldest agreement first."""

    entries: Sequence[tuple[dt.datetime, int, Contract]] = ()
    _starts: list[dt.datetime] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(self.entries, key=lambda e: (e[0], e[1]))
        object.__setattr__(self, "entries", tuple(ordered))
        object.__setattr__(self, "_starts", [e[0] for e in ordered])

    def at(self, moment: dt.datetime) -> tuple[int, Contract] | None:
        """The version in force at `moment`: the newest agreed at or before it."""
        index = bisect.bisect_right(self._starts, moment) - 1
        if index < 0:
            return None
        _, number, contract = self.entries[index]
        return number, contract

    def commitment(self, ident: str, moment: dt.datetime, fallback: object) -> object:
        """Commitment `ident` as the version in force at `moment` had it (else `fallback`)."""
        found = self.at(moment)
        if found is None:
            return fallback
        return next((c for c in found[1].commitments if c.id == ident), fallback)

    def variants(self, ident: str, current: object) -> list[object]:
        """Every distinct form commitment `ident` took, the current one first."""
        out = [current]
        for _, _, contract in self.entries:
            for c in contract.commitments:
                if c.id == ident and c not in out:
                    out.append(c)
        return out


NO_HISTORY = Timeline()
"""No agreed versions: the agreement judged governs every moment."""
