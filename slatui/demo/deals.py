"""Opportunities from creation to closed won or lost.

Following every SAL to closed won or lost is the guide's advice (DESIGN §9),
and the track figures (deal cycle days, win rate) need whole deals, so each
opportunity the demo opens walks through its stages and, when the script
says so and the pilot is long enough, closes.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.rows import AccountRow, ContactRow, Event
from slatui.demo.world import World

STAGES = (("Discovery", 4), ("Proposal", 16), ("Negotiation", 28))
"""Stage names and the days after creation they are reached (give or take two)."""


def open_deal(
    world: World,
    account: AccountRow,
    contact: ContactRow,
    lead: str,
    opened: dt.datetime,
    close: tuple[str, int] | None,
) -> None:
    """`opportunity_created` at `opened`, its stages, and its close if it falls in the story."""
    time, rng = world.time, world.rng
    seller = world.seller(account)
    opportunity = world.new_id("OPP")

    def emit(at: dt.datetime, kind: str, detail: str) -> None:
        world.add(Event(at, kind, account.key, contact.key, lead, 1, seller, "crm", detail))

    emit(opened, "opportunity_created", opportunity)
    opened_day = time.local_date(opened)
    closed_day = _close_day(world, opened_day, close)
    last = closed_day or world.dates.last_day
    for stage, days in STAGES:
        day = time.working_day_on_or_after(
            opened_day + dt.timedelta(days=days + rng.randint(-2, 2))
        )
        if day >= last:
            break
        emit(time.business_moment(rng, day), "opportunity_stage", stage)
    if close is not None and closed_day is not None:
        kind = close[0]
        detail = "Closed Won" if kind == "closed_won" else rng.choice(names.LOSS_REASONS)
        emit(time.business_moment(rng, closed_day), kind, detail)


def _close_day(world: World, opened: dt.date, close: tuple[str, int] | None) -> dt.date | None:
    if close is None:
        return None
    day = world.time.working_day_on_or_after(opened + dt.timedelta(days=close[1]))
    return day if day <= world.dates.last_day else None
