"""Background engagement, and the pass that keeps it from inventing escalations.

Buyers click, download and attend webinars all the time; on a strategic
account that easily adds up to three touches in 30 days, which is what the
`engaged_unanswered` and `engaged_no_conversion` escalations watch for. A
demo whose scenery raised a hundred escalations would hide the planted ones,
so `settle` walks every account's touches under the same rules as
`cases.py` and, where background engagement would escalate, does what a
working team does: the owner sends a follow-up e-mail (not a touch itself).
Where that is not possible (the watch list, where sales does no outreach;
a planted silence) it drops background touches instead. Story events are
never dropped: if they alone would escalate, the generator is wrong and
says so.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from slatui.demo import names
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import SEGMENT, STRATEGIC, WATCH, DemoError
from slatui.demo.schedule import binomial, pick_day, weeks
from slatui.demo.world import World

WEEKLY_TOUCHES = {STRATEGIC: 1.0, SEGMENT: 0.3, WATCH: 0.05}
"""Background touches per account per week, by tier."""

_KINDS = ("email_click", "ad_click", "content_download", "webinar_attended")
_WEIGHTS = (35, 30, 20, 15)


def background(world: World) -> None:
    """Droppable buyer touches on every account from the end of the quiet weeks on."""
    time, rng = world.time, world.rng
    kinds = [k for k in _KINDS if k in world.rules.touch_types]
    weights = [w for k, w in zip(_KINDS, _WEIGHTS, strict=True) if k in world.rules.touch_types]
    if not kinds:
        return
    story_weeks = [[d for d in w if d >= world.dates.dense_from] for w in weeks(world)]
    for account in world.accounts:
        chance = WEEKLY_TOUCHES[account.tier] / 3
        people = world.contacts[account.key]
        for days in story_weeks:
            if not days:
                continue
            for _ in range(binomial(rng, 3, chance)):
                at = time.buyer_moment(rng, pick_day(rng, days))
                kind = rng.choices(kinds, weights)[0]
                person = people[rng.randrange(len(people))]
                if not world.touch_quiet(account.key, at):
                    world.add(
                        Event(
                            at,
                            kind,
                            account.key,
                            person.key,
                            None,
                            1,
                            None,
                            names.CHANNELS[kind],
                            droppable=True,
                        )
                    )


@dataclass
class _Ledger:
    """One account's touches, sales touches and opportunities, in time order."""

    touches: list[Event] = field(default_factory=list)
    sales: list[dt.datetime] = field(default_factory=list)
    opportunities: list[dt.datetime] = field(default_factory=list)


def settle(world: World) -> None:
    """Answer or thin out every background engagement that would escalate."""
    ledgers = _ledgers(world)
    dropped: set[int] = set()
    for account in world.accounts:
        ledger = ledgers.get(account.key)
        if ledger is not None:
            _settle_account(world, account, ledger, dropped)
    world.events = [e for e in world.events if id(e) not in dropped]


def _ledgers(world: World) -> dict[str, _Ledger]:
    touch_types, sales = world.rules.touch_types, set(world.rules.sales_touches)
    ledgers: dict[str, _Ledger] = {}
    for event in world.events:
        if event.account is None:
            continue
        ledger = ledgers.setdefault(event.account, _Ledger())
        if event.type in touch_types:
            ledger.touches.append(event)
        if event.type in sales:
            ledger.sales.append(event.at)
        if event.type == "opportunity_created":
            ledger.opportunities.append(event.at)
    for ledger in ledgers.values():
        ledger.touches.sort(key=lambda e: e.at)
        ledger.sales.sort()
        ledger.opportunities.sort()
    return ledgers


def _settle_account(world: World, account: AccountRow, ledger: _Ledger, dropped: set[int]) -> None:
    while True:
        problem = _first_problem(world, account, ledger)
        if problem is None:
            return
        touch, kind = problem
        answerable = kind == "unanswered" and account.tier != WATCH
        if answerable and _answer(world, account, ledger, touch):
            continue
        _drop(world, account, ledger, touch, kind, dropped)


def _first_problem(world: World, account: AccountRow, ledger: _Ledger) -> tuple[Event, str] | None:
    """The earliest touch that would raise an unplanted escalation, and which one."""
    rules, time, horizon = world.rules, world.time, world.horizon
    times = [t.at for t in ledger.touches]
    for touch in ledger.touches:
        if _engaging(world, times, touch.at, "unanswered"):
            due = time.after(touch.at, rules.unanswered.after)
            if (
                due <= horizon
                and not _planted_silence(world, account, touch.at)
                and not _any_between(ledger.sales, touch.at, due)
            ):
                return touch, "unanswered"
        if _engaging(world, times, touch.at, "unconverted"):
            due = time.after(touch.at, rules.unconverted.after)
            if (
                due <= horizon
                and account.key not in world.unconverted_ok
                and not _any_between(ledger.opportunities, touch.at, due)
            ):
                return touch, "unconverted"
    return None


def _engaging(world: World, times: list[dt.datetime], at: dt.datetime, rule: str) -> bool:
    """At least `min_touches` touches in the rule's window up to and including `at`."""
    escalation = world.rules.unanswered if rule == "unanswered" else world.rules.unconverted
    start = world.time.days_before(at, escalation.window)
    count = bisect.bisect_right(times, at) - bisect.bisect_left(times, start)
    return count >= escalation.min_touches


def _any_between(moments: list[dt.datetime], after: dt.datetime, until: dt.datetime) -> bool:
    """Is there a moment in (after, until]?"""
    index = bisect.bisect_right(moments, after)
    return index < len(moments) and moments[index] <= until


def _planted_silence(world: World, account: AccountRow, at: dt.datetime) -> bool:
    span = world.unanswered_ok.get(account.key)
    return span is not None and span[0] <= at <= span[1]


def _answer(world: World, account: AccountRow, ledger: _Ledger, touch: Event) -> bool:
    """The owner's follow-up e-mail within the escalation's `after`, if a silence allows."""
    time, rng = world.time, world.rng
    due = time.after(touch.at, world.rules.unanswered.after) - dt.timedelta(minutes=1)
    candidates = (
        time.plus_business_minutes(touch.at, rng.randint(30, 240)),
        touch.at + dt.timedelta(minutes=rng.randint(20, 120)),
    )
    for at in candidates:
        if at <= due and not world.sales_quiet(account.key, at):
            world.add(
                Event(
                    at,
                    "sales_email",
                    account.key,
                    touch.contact,
                    None,
                    1,
                    world.seller(account),
                    "email",
                    "follow-up on recent engagement",
                )
            )
            bisect.insort(ledger.sales, at)
            return True
    return False


def _drop(
    world: World,
    account: AccountRow,
    ledger: _Ledger,
    touch: Event,
    kind: str,
    dropped: set[int],
) -> None:
    """Remove the latest background touch of the window that ends at `touch`."""
    escalation = world.rules.unanswered if kind == "unanswered" else world.rules.unconverted
    start = world.time.days_before(touch.at, escalation.window)
    window = [t for t in ledger.touches if start <= t.at <= touch.at and t.droppable]
    if not window:
        raise DemoError(
            f"the story alone makes {account.key} escalate ({kind}) at {touch.at.isoformat()}"
        )
    victim = window[-1]
    del ledger.touches[next(i for i, t in enumerate(ledger.touches) if t is victim)]
    dropped.add(id(victim))
