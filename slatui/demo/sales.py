"""Sales' own cadence: outreach, account status, CRM status, reviews, reports, sequences.

Outreach and status updates read the deals the story has told so far (an
account whose opportunity closed won says "closed won"), so this runs after
the SALs and conversations. Every sales touch respects the silences the
planted cases asked for.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.programs import anchor
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import SEGMENT, STRATEGIC
from slatui.demo.schedule import last_working, month_window, pick_day, weeks
from slatui.demo.world import World

_STATE_OF = {
    "opportunity_created": "in progress",
    "closed_won": "closed won",
    "closed_lost": "closed lost",
    "sal_accepted": "engaged",
    "opportunity_conversation": "engaged",
}


def run_sales(world: World) -> None:
    """Every sales cadence of the story, in a fixed order."""
    outreach(world)
    statuses(world)
    strategy_reviews(world)
    velocity_reports(world)
    sequences(world)


def place_sales_touch(
    world: World, account: AccountRow, days: list[dt.date], kind: str, detail: str | None = None
) -> bool:
    """A lead-less sales touch on one of `days` outside the account's silences.

    Returns False when every try fell in a silence (the touch is then simply
    not made, as happens when nobody picks an account up).
    """
    time, rng = world.time, world.rng
    people = world.contacts[account.key]
    for _ in range(12):
        at = time.business_moment(rng, pick_day(rng, days))
        if not world.sales_quiet(account.key, at):
            person = people[rng.randrange(len(people))]
            world.add(
                Event(
                    at,
                    kind,
                    account.key,
                    person.key,
                    None,
                    1,
                    world.seller(account),
                    names.CHANNELS[kind],
                    detail,
                )
            )
            return True
    return False


def outreach(world: World) -> None:
    """At least one outreach a month on every strategic account (e-mail only in the
    quiet weeks at the start of the history), a second one in about half the months."""
    rng = world.rng
    for account in world.tier(STRATEGIC):
        for index in range(len(world.dates.months)):
            days = month_window(world, index, 1, 31)
            early = [d for d in days if d < world.dates.dense_from]
            late = [d for d in days if d >= world.dates.dense_from]
            if early:
                place_sales_touch(world, account, early, "sales_email", "monthly check-in")
            if not late:
                continue
            count = (0 if early else 1) + (1 if rng.random() < 0.5 else 0)
            for _ in range(count):
                place_sales_touch(world, account, late, _outreach_kind(world), "account outreach")


def _outreach_kind(world: World) -> str:
    roll = world.rng.random()
    return "call" if roll < 0.4 else "sales_email" if roll < 0.8 else "meeting"


def statuses(world: World) -> None:
    """Monthly account status and weekly CRM engagement status on strategic accounts;
    a few accounts miss the Thanksgiving week's CRM update."""
    time, rng = world.time, world.rng
    strategic = world.tier(STRATEGIC)
    history = _histories(world)
    for index in range(len(world.dates.months)):
        days = month_window(world, index, 20, 28)
        for account in strategic:
            at = time.business_moment(rng, pick_day(rng, days))
            _status(world, account, at, "account_status_update", history)
    all_weeks = weeks(world)
    for number, week in enumerate(all_weeks):
        day = last_working(world, week)
        if day is None:
            continue
        final = number == len(all_weeks) - 1
        for account in strategic:
            if final and rng.random() < 0.15:
                continue
            at = time.business_moment(rng, day, 13 * 60, 17 * 60)
            _status(world, account, at, "crm_engagement_update", history)


def _histories(world: World) -> dict[str, list[tuple[dt.datetime, str]]]:
    found: dict[str, list[tuple[dt.datetime, str]]] = {}
    for event in world.events:
        state = _STATE_OF.get(event.type)
        if state is not None and event.account is not None:
            found.setdefault(event.account, []).append((event.at, state))
    for changes in found.values():
        changes.sort()
    return found


def _status(
    world: World,
    account: AccountRow,
    at: dt.datetime,
    kind: str,
    history: dict[str, list[tuple[dt.datetime, str]]],
) -> None:
    known = [state for moment, state in history.get(account.key, []) if moment <= at]
    fallback = names.ENGAGEMENT_STATES[0 if world.rng.random() < 0.6 else 2]
    state = known[-1] if known else fallback
    world.add(Event(at, kind, account.key, None, None, 1, world.seller(account), "crm", state))


def strategy_reviews(world: World) -> None:
    """The quarterly account strategy review: September for Q3, the pilot's third week
    for Q4, one per strategic account, attended by its owner."""
    time, rng = world.time, world.rng
    third_week = world.dates.pilot_start + dt.timedelta(weeks=2)
    rounds = (
        (month_window(world, 1, 14, 25), "Q3"),
        (time.working_days(third_week, third_week + dt.timedelta(days=4)), "Q4"),
    )
    for days, quarter in rounds:
        for account in world.tier(STRATEGIC):
            at = time.business_moment(rng, pick_day(rng, days))
            world.add(
                Event(
                    at,
                    "strategy_review_attended",
                    account.key,
                    None,
                    None,
                    1,
                    world.seller(account),
                    "zoom",
                    f"{quarter} account strategy review",
                )
            )


def velocity_reports(world: World) -> None:
    """Sales operations' monthly conversion and velocity report on the segment."""
    time, rng = world.time, world.rng
    target = anchor(world, SEGMENT).key
    for index in range(len(world.dates.months)):
        days = month_window(world, index, 1, 8)
        if days:
            at = time.business_moment(rng, days[min(2, len(days) - 1)])
            world.add(
                Event(
                    at,
                    "conversion_velocity_report",
                    target,
                    None,
                    None,
                    1,
                    names.SALES_OPS,
                    "email",
                    "Tier 2 conversion and sales velocity",
                )
            )


def sequences(world: World) -> None:
    """SDR outbound sequences on segment accounts (never on the watch list)."""
    time, rng = world.time, world.rng
    for week in weeks(world):
        workdays = [d for d in week if time.is_working(d)]
        if not workdays:
            continue
        for account in world.tier(SEGMENT):
            if rng.random() >= 0.08:
                continue
            at = time.business_moment(rng, pick_day(rng, workdays))
            if world.sales_quiet(account.key, at):
                continue
            sdr = names.SDRS[rng.randrange(len(names.SDRS))]
            world.add(
                Event(
                    at,
                    "outbound_outreach",
                    account.key,
                    None,
                    None,
                    1,
                    sdr,
                    "email",
                    "outbound sequence step",
                )
            )
