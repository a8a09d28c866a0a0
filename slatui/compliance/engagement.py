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
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from slatui.clock import deadline
from slatui.compliance.raised import Raised
from slatui.compliance.reader import AccountTick, ClockRow
from slatui.contract.model import (
    Contract,
    EngagedNoConversionEscalation,
    EngagedUnansweredEscalation,
)
from slatui.duration import Duration
from slatui.workcal import TICKS_PER_SECOND, WorkCalendar, to_ticks

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
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
    moments: dict[int, dt.datetime] = {}
    ticked: list[AccountTick] = []
    for _, moment, kind, account, _ in rows:
        if account is not None:
            ticks = to_ticks(moment)
            moments.setdefault(ticks, moment)
            ticked.append((account, kind, ticks))
    return _escalations(escalation, touches, ticked, cal, as_of, moments.__getitem__)


def engagement_escalations_at_ticks(
    escalation: Engagement,
    touches: Sequence[str],
    rows: Iterable[AccountTick],
    cal: WorkCalendar,
    as_of: dt.datetime,
) -> list[Raised]:
    """`engagement_escalations` on the store's `account_ticks`: (account, type,
    microseconds since the epoch) of the events with an account, in any order."""
    return _escalations(escalation, touches, rows, cal, as_of, _utc)


def _escalations(
    escalation: Engagement,
    touches: Sequence[str],
    rows: Iterable[AccountTick],
    cal: WorkCalendar,
    as_of: dt.datetime,
    moment_of: Callable[[int], dt.datetime],
) -> list[Raised]:
    answers = set(answer_types(escalation))
    touch_set = set(touches) - answers  # a sales call answers; it does not ask for an answer
    limit = to_ticks(as_of)
    touched: defaultdict[str, list[int]] = defaultdict(list)
    answered: defaultdict[str, list[int]] = defaultdict(list)
    for account, kind, ticks in rows:
        if ticks < limit:
            if kind in touch_set:
                touched[account].append(ticks)
            elif kind in answers:
                answered[account].append(ticks)
    rule = _Rule(escalation, cal, as_of, limit, moment_of)
    raised: list[Raised] = []
    for account, touch_ticks in touched.items():  # an account without touches is not engaged
        answer_ticks = answered.get(account, [])
        touch_ticks.sort()  # only instants matter, so time order is order by value
        answer_ticks.sort()
        raised += rule.episodes(account, touch_ticks, answer_ticks)
    return sorted(raised, key=lambda r: (r.since, r.subject))  # one order, whatever the input's


@dataclass(frozen=True)
class _Rule:
    escalation: Engagement
    cal: WorkCalendar
    as_of: dt.datetime
    limit: int
    moment_of: Callable[[int], dt.datetime]

    def episodes(
        self, account: str, touch_times: Sequence[int], answer_times: Sequence[int]
    ) -> list[Raised]:
        escalation, cal = self.escalation, self.cal
        need, window, after = escalation.min_touches, escalation.window, escalation.after
        raised: list[Raised] = []
        quiet_until: int | None = None  # an open episode: no new one until it is answered
        for index, moment in enumerate(touch_times):
            if quiet_until is not None and moment < quiet_until:
                continue
            # Engaged: the touch `need - 1` before this one is still inside the window
            # (the touches are in time order, so every one between is too).
            if index + 1 < need or self.compare(touch_times[index + 1 - need], window, moment) >= 0:
                continue
            if self.compare(moment, after, self.limit) < 0:
                continue  # not due yet
            found = bisect.bisect_right(answer_times, moment)
            answer = answer_times[found] if found < len(answer_times) else None
            if answer is not None and self.compare(moment, after, answer) <= 0:
                continue  # answered in time
            at = self.moment_of(moment)
            due = deadline(cal, at, after)
            why = _why(escalation, account, at)
            answered = None if answer is None else self.moment_of(answer)
            raised.append(Raised(escalation.id, escalation.when, account, due, why, answered))
            quiet_until = answer if answer is not None else self.limit
            if answer is None:
                break
        return raised

    def compare(self, start: int, duration: Duration, moment: int) -> int:
        """The sign of `moment - deadline(start, duration)`, without the deadline when it
        is plain.

        Wall-clock units are arithmetic; calendar days are within a few hours of
        N x 24 h, so only a moment that close to the edge needs the exact rule.
        This keeps a million touches from costing a million deadline computations.
        """
        if duration.unit in ("m", "h"):
            edge = start + duration.seconds * TICKS_PER_SECOND
            return (moment > edge) - (moment < edge)
        if duration.unit == "d":
            gap = moment - start
            nominal = duration.whole * _DAY
            if gap < nominal - _MARGIN:
                return -1
            if gap > nominal + _MARGIN:
                return 1
        edge = to_ticks(deadline(self.cal, self.moment_of(start), duration))
        return (moment > edge) - (moment < edge)


_MARGIN = 3 * 3600 * TICKS_PER_SECOND  # more than any daylight-saving shift
_DAY = 86400 * TICKS_PER_SECOND


def _utc(ticks: int) -> dt.datetime:
    """Stored microseconds as the aware UTC datetime the store's `clock_events` gives."""
    return _EPOCH + dt.timedelta(microseconds=ticks)


def _why(escalation: Engagement, account: str, moment: dt.datetime) -> str:
    what = "no sales touch" if escalation.when == "engaged_unanswered" else "no opportunity"
    return (
        f"{account}: {escalation.min_touches}+ touches within {escalation.window} up to "
        f"{moment.isoformat()}, and {what} within {escalation.after}"
    )
