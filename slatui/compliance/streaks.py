"""The `missed` escalation: a commitment missed in `consecutive` closed periods in a row.

It is raised at the end of the period that completes the streak (October and
November missed: raised at 1 December 00:00 in the agreement's zone) and
resolved at the end of the next closed period that is met. A period whose
verdict came only after it closed (a response item open at the close that
later ran overdue) counts from the moment of that verdict, given in
`decided`: the escalation never claims to be older than what it rests on. A period that is
not judged (`no_data`, `tracked`) breaks a streak without resolving one; a
longer streak does not raise the escalation again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from slatui.compliance.periods import Period
from slatui.compliance.raised import Raised
from slatui.compliance.volume import Status
from slatui.contract.model import MissedEscalation


def missed_streaks(
    escalation: MissedEscalation,
    judged: Sequence[tuple[Period, Status]],
    decided: Mapping[str, dt.datetime] | None = None,
) -> list[Raised]:
    """Every streak in `judged` (closed periods of the commitment, in order)."""
    when = decided or {}
    raised: list[Raised] = []
    streak: list[Period] = []
    open_one: Raised | None = None
    for period, status in judged:
        if status == "missed":
            streak.append(period)
            if len(streak) == escalation.consecutive and open_one is None:
                labels = ", ".join(p.label for p in streak)
                why = f"{escalation.commitment} missed in {labels}"
                since = max(period.end, when.get(period.label, period.end))
                open_one = Raised(escalation.id, "missed", escalation.commitment, since, why)
            continue
        streak = []
        if status == "met" and open_one is not None:
            raised.append(_resolved(open_one, max(period.end, when.get(period.label, period.end))))
            open_one = None
    if open_one is not None:
        raised.append(open_one)
    return raised


def _resolved(raised: Raised, at: dt.datetime) -> Raised:
    return Raised(raised.escalation, raised.kind, raised.subject, raised.since, raised.why, at)
