"""The `rejected_share` escalation: at least `min` of a closed period's SALs rejected.

A period's SALs are its `sal_notified` leads. Each SAL's verdict is its
latest `sal_rejected` or `sal_accepted` by occurrence time (a rejection
reversed by a later acceptance is no rejection, as the SAL audit counts it).
Verdicts keep arriving after the period closes, so the share is followed in
time: the escalation is raised at the first moment, at or after the period's
end, at which the share reaches `min` (the period's end when it already had
by then; the tipping verdict's time when it came later), and resolved at the
first later moment a reversal brings it below `min` again. Nothing is raised
before it could have been seen.

Rows are the store's `TickRow`s (integer UTC microseconds), read once for
every period.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from slatui.compliance.periods import Period
from slatui.compliance.raised import Raised
from slatui.compliance.reader import TickRow
from slatui.contract.model import RejectedShareEscalation
from slatui.workcal import from_ticks, to_ticks

TYPES = ["sal_notified", "sal_rejected", "sal_accepted"]
# Sort keys as item getters: the same (time, id) and (time, rank) tuples the rule
# orders by, taken in C (tens of thousands of rows, for every evaluation).
_BY_TIME = itemgetter(1, 0)
_BY_MOMENT = itemgetter(0, 1)
VERDICTS = ("sal_rejected", "sal_accepted")


def rejected_share_escalations(
    escalation: RejectedShareEscalation,
    rows: Sequence[TickRow],
    periods: Sequence[Period],
    as_of: dt.datetime,
) -> list[Raised]:
    """Every closed period of `periods` whose rejected share reached `min` by `as_of`."""
    ordered = sorted(rows, key=_BY_TIME)
    notified = [(r[1], r[4]) for r in ordered if r[2] == "sal_notified" and r[4]]
    times = [at for at, _ in notified]
    verdicts = [(r[1], r[4], r[2]) for r in ordered if r[2] in VERDICTS and r[4]]
    limit = to_ticks(as_of)
    raised: list[Raised] = []
    for period in periods:
        low, high = to_ticks(period.start), to_ticks(period.end)
        if limit < high:
            continue
        leads = {lead for _, lead in notified[bisect_left(times, low) : bisect_left(times, high)]}
        if leads:
            found = _follow(escalation, period, leads, verdicts, limit)
            raised += [] if found is None else [found]
    return raised


def _follow(
    escalation: RejectedShareEscalation,
    period: Period,
    leads: set[str],
    verdicts: Sequence[tuple[int, str, str]],
    limit: int,
) -> Raised | None:
    """Sweep the period's verdicts in time: when the share first reaches `min`, and after."""
    end = to_ticks(period.end)
    latest: dict[str, str] = {}
    raised: Raised | None = None
    mine = [(at, 0, lead, kind) for at, lead, kind in verdicts if lead in leads and at <= limit]
    # the period's end is checked after the verdicts of that very instant
    moments = sorted([*mine, (end, 1, "", "")], key=_BY_MOMENT)
    zone = period.zone
    rejected = 0
    for at, _, lead, kind in moments:
        if lead:
            before = latest.get(lead)
            latest[lead] = kind
            rejected += (kind == "sal_rejected") - (before == "sal_rejected")
        if at < end:
            continue
        reached = rejected / len(leads) >= escalation.min
        if reached and raised is None:
            why = f"{rejected} of {len(leads)} SALs of {period.label} rejected"
            since = from_ticks(at, zone)
            raised = Raised(escalation.id, "rejected_share", period.label, since, why)
        elif raised is not None and not reached:
            resolved = from_ticks(at, zone)
            return Raised(
                raised.escalation, raised.kind, raised.subject, raised.since, raised.why, resolved
            )
    return raised
