"""Tier 1 buyer conversations that are not SALs, and the pipeline the history starts with.

t1-mkt-buyer-conversation asks for a SAL *or* an opportunity conversation
per strategic account per quarter, so the strategic accounts without a SAL
in the fourth quarter get a conversation (all but one, which is left at
risk), each followed up by sales with the same lead (t1-sales-first-contact:
5bd; one follow-up is late). Two deals are already open when the history
starts, so October and November have closes to show.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.deals import open_deal
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import STRATEGIC
from slatui.demo.schedule import month_window, pick_day
from slatui.demo.script import LOST, WON
from slatui.demo.world import World

_EVENTS = ("Customer advisory dinner", "Industry summit booth", "Executive roundtable")
_LATE_INDEX = 3
"""Which fourth-quarter conversation is followed up late."""


def run_conversations(world: World) -> None:
    """The open pipeline, September's conversations, and the fourth quarter's."""
    rng = world.rng
    strategic = [a for a in world.tier(STRATEGIC) if world.free(a.key)]
    _pipeline(world, strategic)
    september = month_window(world, 1, 15, 30)
    for number in range(3):
        account = strategic[rng.randrange(len(strategic))]
        deal = (WON, rng.randint(30, 45)) if number == 0 else None
        _conversation(world, account, september, opportunity=number < 2, close=deal)
    quarter = month_window(world, 2, 1, 31) + month_window(world, 3, 1, 20)
    start = world.time.at(quarter[0], 0)
    handed = {e.account for e in world.events if e.type == "sal_notified" and e.at >= start}
    without = [a for a in strategic if a.key not in handed]
    at_risk = without[rng.randrange(len(without))] if without else None
    for number, account in enumerate(a for a in without if a is not at_risk):
        _conversation(world, account, quarter, late=number == _LATE_INDEX)


def _pipeline(world: World, strategic: list[AccountRow]) -> None:
    time, rng = world.time, world.rng
    us = [a for a in strategic if a.country == "US"]
    first = world.dates.history_start
    for close in ((WON, rng.randint(62, 72)), (LOST, rng.randint(90, 96))):
        account = us[rng.randrange(len(us))]
        us.remove(account)
        day = pick_day(
            rng, time.working_days(first + dt.timedelta(days=1), first + dt.timedelta(days=11))
        )
        lead = world.new_id("DEAL")
        contact = world.contacts[account.key][0]
        open_deal(world, account, contact, lead, time.business_moment(rng, day), close)


def _conversation(
    world: World,
    account: AccountRow,
    days: list[dt.date],
    *,
    opportunity: bool = False,
    close: tuple[str, int] | None = None,
    late: bool = False,
) -> None:
    time, rng = world.time, world.rng
    contact = world.contacts[account.key][0]
    lead = world.new_id("CONV")
    at = time.business_moment(rng, pick_day(rng, days), 9 * 60, 16 * 60)
    marketer = names.MARKETERS[rng.randrange(len(names.MARKETERS))]
    where = _EVENTS[rng.randrange(len(_EVENTS))]
    world.add(
        Event(
            at,
            "opportunity_conversation",
            account.key,
            contact.key,
            lead,
            1,
            marketer,
            "event",
            where,
        )
    )
    kind = "meeting" if rng.random() < 0.4 else "call"
    for _ in range(20):
        minutes = rng.randint(5 * 480 + 60, 7 * 480) if late else rng.randint(60, 3 * 480)
        answer = time.plus_business_minutes(at, minutes)
        if time.local_date(answer) > world.dates.last_day:
            break
        if not world.sales_quiet(account.key, answer):
            world.add(
                Event(
                    answer,
                    kind,
                    account.key,
                    contact.key,
                    lead,
                    1,
                    world.seller(account),
                    names.CHANNELS[kind],
                    "follow-up on the conversation",
                )
            )
            break
    if opportunity:
        day = time.working_day_on_or_after(
            time.local_date(at) + dt.timedelta(days=rng.randint(12, 20))
        )
        open_deal(world, account, contact, lead, time.business_moment(rng, day), close)
