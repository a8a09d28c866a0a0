"""An escalation raised for one subject: the shape every escalation kind reports in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Raised:
    """An escalation for one subject: due since when, why, and when (if) it was resolved."""

    escalation: str
    kind: str
    subject: str
    since: dt.datetime
    why: str
    resolved_at: dt.datetime | None = None

    def open_at(self, moment: dt.datetime) -> bool:
        """Raised by `moment` and not resolved by then."""
        return self.since <= moment and (self.resolved_at is None or self.resolved_at > moment)

    def as_json(self) -> dict[str, object]:
        """Plain values (times as ISO text with their offsets)."""
        return {
            "rule": self.escalation,
            "kind": self.kind,
            "subject": self.subject,
            "since": self.since.isoformat(),
            "why": self.why,
            "resolved_at": None if self.resolved_at is None else self.resolved_at.isoformat(),
        }


RECENT = dt.timedelta(days=31)
"""How long a resolved escalation is still worth showing: about a month."""


def shown_at(raised: list[Raised], moment: dt.datetime) -> list[Raised]:
    """Those open at `moment`, and those resolved within `RECENT` before it."""
    return [
        r
        for r in raised
        if r.open_at(moment)
        or (r.resolved_at is not None and moment - RECENT <= r.resolved_at <= moment)
    ]
