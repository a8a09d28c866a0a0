"""The `overdue` escalation: an item of a response commitment still open `after` its start.

`after` runs in its own unit (48h is wall clock, through the weekend, even
when the commitment's own clock counts business days) and paused time does
not count towards it (DESIGN §4). Raised at that moment for the item (a SAL's
lead), resolved when the item stops later.
"""

from __future__ import annotations

from collections.abc import Iterable

from slatui.compliance.raised import Raised
from slatui.compliance.response import Item, overdue_since
from slatui.contract.model import OverdueEscalation
from slatui.workcal import WorkCalendar


def overdue_escalations(
    escalation: OverdueEscalation, items: Iterable[Item], cal: WorkCalendar
) -> list[Raised]:
    """One per item that was (or still is) open `after` its start, by when it became due."""
    raised: list[Raised] = []
    for item in items:
        since = overdue_since(item, escalation.after, cal)
        if since is None or item.key is None:
            continue
        resolved = item.stop if item.stop is not None and item.stop > since else None
        why = f"{item.key}: no stop within {escalation.after} of {item.start.isoformat()}"
        raised.append(Raised(escalation.id, "overdue", item.key, since, why, resolved))
    return sorted(raised, key=lambda r: (r.since, r.subject))
