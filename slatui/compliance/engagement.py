"""The engagement escalations: `engaged_unanswered` and `engaged_no_conversion`.

An account is *engaged* at a touch (an event of the SAL definition's
touchpoint types) when it has at least `min_touches` touches in the `window`
up to and including that touch. The engagement is *unanswered* when no sales
touch (`call`, `sales_email`, `meeting`, or the escalation's own
`sales_touches`) on the account follows within `after`; *unconverted* when no
`opportunity_created` follows within `after`. The escalation is due at touch
+ `after` (by the rules of the clock for `after`'s unit), raised for the
account from then, and resolved by the first answer after it.

One escalation per account and episode: once raised, later touches of the
same account do not raise it again until an answer has resolved it. The
answer types never count as engaging touches (the SAL definition lists
`call` and `meeting` among its touchpoints): the call that answers an
engagement must not open the next one.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence

from slatui.clock import deadline
from slatui.compliance.raised import Raised
from slatui.contract.model import (
    Contract,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
)
from slatui.duration import Duration
from slatui.workcal import WorkCalendar

ClockRow = tuple[int, dt.datetime, str, str | None, str | None]
SALES_TOUCHES = ("call", "sales_email", "meeting")
OPPORTUNITY = "opportunity_created"
Engagement = EngagedUnansweredEscalation | EngagedNoConversionEscalation


def touch_types(contract: Contract) -> list[str]:
    """The SAL definition's touchpoint types (what engagement is made of)."""
    if contract.sal is None or contract.sal.touchpoints is None:
        return []
    return list(contract.sal.touchpoints.types)


def answer_types(escalation: Engagement) -> list[str]:
    """What answers the engagement: a sales touch, or an opportunity."""
    if isinstance(escalation, EngagedNoConversionEscalation):
        return [OPPORTUNITY]
    return list(escalation.sales_touches) or list(SALES_TOUCHES)


def engagement_escalations(
    escalation: Engagement,
    touches: Sequence[str],
    rows: Iterable[ClockRow],
    cal: WorkCalendar,
    as_of: dt.datetime,
) -> list[Raised]:
    """Every episode of the escalation up to `as_of`, per account, in due order.

    `rows` are the events of the touch and answer types (the store's
    `clock_events`, already limited to the tier), in time order.
    """
    answers = set(answer_types(escalation))
    touch_set = set(touches) - answers  # a sales call answers; it does not ask for an answer
    by_account: dict[str, list[ClockRow]] = {}
    for row in rows:
        if row[3] is not None and row[1] < as_of:
            by_account.setdefault(row[3], []).append(row)
    raised: list[Raised] = []
    for account, events in by_account.items():
        raised += _episodes(escalation, account, events, touch_set, answers, cal, as_of)
    return sorted(raised, key=lambda r: (r.since, r.subject))


def _episodes(
    escalation: Engagement,
    account: str,
    events: Sequence[ClockRow],
    touches: set[str],
    answers: set[str],
    cal: WorkCalendar,
    as_of: dt.datetime,
) -> list[Raised]:
    touch_times = [row[1] for row in events if row[2] in touches]
    answer_times = [row[1] for row in events if row[2] in answers]
    need, window, after = escalation.min_touches, escalation.window, escalation.after
    raised: list[Raised] = []
    quiet_until: dt.datetime | None = None  # an open episode: no new one until it is answered
    for index, moment in enumerate(touch_times):
        if quiet_until is not None and moment < quiet_until:
            continue
        # Engaged: the touch `need - 1` before this one is still inside the window
        # (the touches are in time order, so every one between is too).
        if index + 1 < need or _compare(cal, touch_times[index + 1 - need], window, moment) >= 0:
            continue
        if _compare(cal, moment, after, as_of) < 0:
            continue  # not due yet
        found = bisect.bisect_right(answer_times, moment)
        answer = answer_times[found] if found < len(answer_times) else None
        if answer is not None and _compare(cal, moment, after, answer) <= 0:
            continue  # answered in time
        due = deadline(cal, moment, after)
        why = _why(escalation, account, moment)
        raised.append(Raised(escalation.id, escalation.when, account, due, why, answer))
        quiet_until = answer if answer is not None else as_of
        if answer is None:
            break
    return raised


_MARGIN = dt.timedelta(hours=3)  # more than any daylight-saving shift


def _compare(cal: WorkCalendar, start: dt.datetime, duration: Duration, moment: dt.datetime) -> int:
    """The sign of `moment - deadline(start, duration)`, without the deadline when it is plain.

    Wall-clock units are arithmetic; calendar days are within a few hours of
    N x 24 h, so only a moment that close to the edge needs the exact rule.
    This keeps a million touches from costing a million deadline computations.
    """
    if duration.unit in ("m", "h"):
        edge = start + dt.timedelta(seconds=duration.seconds)
        return (moment > edge) - (moment < edge)
    if duration.unit == "d":
        gap = moment - start
        nominal = dt.timedelta(days=duration.whole)
        if gap < nominal - _MARGIN:
            return -1
        if gap > nominal + _MARGIN:
            return 1
    edge = deadline(cal, start, duration)
    return (moment > edge) - (moment < edge)


def _why(escalation: Engagement, account: str, moment: dt.datetime) -> str:
    what = "no sales touch" if escalation.when == "engaged_unanswered" else "no opportunity"
    return (
        f"{account}: {escalation.min_touches}+ touches within {escalation.window} up to "
        f"{moment.isoformat()}, and {what} within {escalation.after}"
    )
