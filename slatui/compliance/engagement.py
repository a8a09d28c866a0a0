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
from operator import attrgetter

from slatui.clock import calendar_days_later, deadline
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
_TICK = dt.timedelta(microseconds=1)
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


def engaging_types(escalation: Engagement, touches: Sequence[str]) -> list[str]:
    """The touch types that can engage: the touchpoints less what answers the escalation."""
    answers = answer_types(escalation)
    return [kind for kind in dict.fromkeys(touches) if kind not in answers]


def touch_bound(after: Duration, limit: int) -> int:
    """Ticks from which on no touch can be due by `limit`: a read may stop there.

    A touch is due when `limit` has reached touch + `after`; touches that are
    not due change nothing (they neither raise nor end an episode, and only
    earlier touches are looked back at), so leaving them unread is exact. The
    bound is safe for every unit: real and business time run at least as far
    as `after` says; `d` and `bd` land on a local date N (or N - 1) days on,
    and a zone's offset is less than a day either way, so the deadline is
    later than touch + N days - 2 days (N - 1 for `bd`).
    """
    if after.unit in ("m", "h", "bm", "bh"):
        return limit - after.seconds * TICKS_PER_SECOND + 1
    days = after.whole if after.unit == "d" else max(after.whole - 1, 0)
    return min(limit, limit - (days - 2) * _DAY)


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


def engagement_escalations_grouped(
    escalation: Engagement,
    touched: dict[str, list[int]],
    answered: dict[str, list[int]],
    cal: WorkCalendar,
    as_of: dt.datetime,
) -> list[Raised]:
    """The escalation from each account's engaging touches and answers (ticks before
    `as_of`, in any order; the lists are sorted in place).

    What `engagement_escalations_at_ticks` does once it has told touches from
    answers; the evaluation reads the two apart (`group_times`) and calls this.
    """
    rule = _Rule(escalation, cal, to_ticks(as_of), _utc)
    return rule.all(touched, answered)


def group_times(rows: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """Each account's instants (the store's `account_times`), in the order of `rows`."""
    grouped: defaultdict[str, list[int]] = defaultdict(list)
    for account, ticks in rows:
        grouped[account].append(ticks)
    return grouped


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
    return _Rule(escalation, cal, limit, moment_of).all(touched, answered)


class _Rule:
    """One escalation's rule, with what every account shares worked out once."""

    def __init__(
        self,
        escalation: Engagement,
        cal: WorkCalendar,
        limit: int,
        moment_of: Callable[[int], dt.datetime],
    ) -> None:
        self.escalation = escalation
        self.cal = cal
        self.limit = limit
        self.moment_of = moment_of
        self.window = _Edge(escalation.window, cal, moment_of)
        self.after = _Edge(escalation.after, cal, moment_of)
        # `deadline`'s rule for `d`, called directly: one escalation per episode.
        self.after_days = escalation.after.whole if escalation.after.unit == "d" else 0
        # What `episodes` reads for every account, in one tuple: ten thousand accounts
        # would otherwise look each up again. Calendar days are within _MARGIN of
        # N x 24 h (see _Edge.sign): a gap clear of that band is decided without a call.
        nominal = self.window.nominal
        self.constants = (
            self.window.sign,
            self.after.sign,
            limit,
            escalation.min_touches,
            self.window.days,
            nominal - _MARGIN,
            nominal + _MARGIN,
        )
        what = "no sales touch" if escalation.when == "engaged_unanswered" else "no opportunity"
        self.why = (
            f"{escalation.min_touches}+ touches within {escalation.window} up to ",
            f", and {what} within {escalation.after}",
        )

    def all(self, touched: dict[str, list[int]], answered: dict[str, list[int]]) -> list[Raised]:
        """Every account's episodes, in due order (then account): one order for any input."""
        raised: list[Raised] = []
        nothing: list[int] = []
        for account, touch_ticks in touched.items():  # an account without touches is not engaged
            answer_ticks = answered.get(account, nothing)
            touch_ticks.sort()  # only instants matter, so time order is order by value
            answer_ticks.sort()
            raised += self.episodes(account, touch_ticks, answer_ticks)
        return sorted(raised, key=_BY_DUE)

    def episodes(
        self, account: str, touch_times: Sequence[int], answer_times: Sequence[int]
    ) -> list[Raised]:
        """The account's episodes, until one that nothing answers afterwards."""
        window, after, limit, need, days, low, high = self.constants
        raised: list[Raised] = []
        quiet_until: int | None = None  # an open episode: no new one until it is answered
        for index in range(need - 1, len(touch_times)):  # an earlier touch has too few before it
            moment = touch_times[index]
            if quiet_until is not None and moment < quiet_until:
                continue
            # Engaged: the touch `need - 1` before this one is still inside the window
            # (the touches are in time order, so every one between is too).
            first = touch_times[index + 1 - need]
            if days and moment - first > high:
                continue
            if not (days and moment - first < low) and window(first, moment) >= 0:
                continue
            if after(moment, limit) < 0:
                continue  # not due yet
            found = bisect.bisect_right(answer_times, moment)
            answer = answer_times[found] if found < len(answer_times) else None
            if answer is not None and after(moment, answer) <= 0:
                continue  # answered in time
            raised.append(self.raise_at(account, moment, answer))
            if answer is None:
                break
            quiet_until = answer
        return raised

    def raise_at(self, account: str, moment: int, answer: int | None) -> Raised:
        escalation, moment_of = self.escalation, self.moment_of
        at = moment_of(moment)
        days = self.after_days
        due = (
            calendar_days_later(self.cal, at, days)
            if days
            else deadline(self.cal, at, escalation.after)
        )
        head, tail = self.why
        why = f"{account}: {head}{at.isoformat()}{tail}"
        answered = None if answer is None else moment_of(answer)
        return Raised(escalation.id, escalation.when, account, due, why, answered)


class _Edge:
    """One duration's deadline, compared without working it out when it is plain."""

    def __init__(
        self, duration: Duration, cal: WorkCalendar, moment_of: Callable[[int], dt.datetime]
    ) -> None:
        self.duration = duration
        self.cal = cal
        self.moment_of = moment_of
        self.plain = duration.unit in ("m", "h")
        self.days = duration.unit == "d"
        self.span = duration.seconds * TICKS_PER_SECOND if self.plain else 0
        self.nominal = duration.whole * _DAY if self.days else 0

    def sign(self, start: int, moment: int) -> int:
        """The sign of `moment - deadline(start, duration)`, without the deadline when it
        is plain.

        Wall-clock units are arithmetic; calendar days are within a few hours of
        N x 24 h, so only a moment that close to the edge needs the exact rule.
        This keeps a million touches from costing a million deadline computations.
        """
        if self.plain:
            edge = start + self.span
            return (moment > edge) - (moment < edge)
        if self.days:
            gap = moment - start
            if gap < self.nominal - _MARGIN:
                return -1
            if gap > self.nominal + _MARGIN:
                return 1
        edge = to_ticks(deadline(self.cal, self.moment_of(start), self.duration))
        return (moment > edge) - (moment < edge)


_BY_DUE = attrgetter("since", "subject")  # the (since, subject) tuple, taken in C
_MARGIN = 3 * 3600 * TICKS_PER_SECOND  # more than any daylight-saving shift
_DAY = 86400 * TICKS_PER_SECOND


def _utc(ticks: int) -> dt.datetime:
    """Stored microseconds as the aware UTC datetime the store's `clock_events` gives."""
    return _EPOCH + _TICK * ticks  # timedelta(microseconds=ticks), without keyword parsing
