"""Tier 3, the watch list: intent signals, the weekly review, promotions, inbound.

Marketing watches a third-party intent feed; accounts that surge are
reviewed every Monday, a few fire (`intent_fired`) and are promoted to Tier
1 or 2 within days (one is still waiting at the pilot's end). Sales does no
outreach here; it only answers the prospects who write in.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.programs import anchor
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import WATCH
from slatui.demo.schedule import pick_day, weeks
from slatui.demo.world import World

SURGING = 30
"""Watch-list accounts whose intent surges at some point of the story."""

FIRES = 8
"""Surging accounts whose intent fires (a promotion is due)."""

INBOUND = 6
"""Prospects on the watch list who start a conversation."""


def run_watchlist(world: World) -> None:
    """Signals, reviews, fired intent and promotions, inbound prospects."""
    watch = [a for a in world.tier(WATCH) if world.free(a.key)]
    surging = world.rng.sample(watch, SURGING)
    signals = _signals(world, watch, {a.key for a in surging})
    _reviews(world, signals)
    _fires(world, surging, signals)
    _inbound(world, watch)


def _signals(
    world: World, watch: list[AccountRow], surging: set[str]
) -> dict[str, list[dt.datetime]]:
    time, rng = world.time, world.rng
    found: dict[str, list[dt.datetime]] = {}
    for week in weeks(world):
        for account in watch:
            chance = 0.45 if account.key in surging else 0.015
            if rng.random() >= chance:
                continue
            day = pick_day(rng, week)
            at = time.at(day, 6, rng.randrange(60))
            topic = names.INTENT_TOPICS[rng.randrange(len(names.INTENT_TOPICS))]
            world.add(
                Event(
                    at,
                    "intent_signal",
                    account.key,
                    None,
                    None,
                    1,
                    None,
                    "intent feed",
                    f"{topic} (score {rng.randint(60, 95)})",
                )
            )
            found.setdefault(account.key, []).append(at)
    return found


def _reviews(world: World, signals: dict[str, list[dt.datetime]]) -> None:
    """Every Monday (or the next working day), each account that surged last week."""
    time, rng = world.time, world.rng
    fallback = anchor(world, WATCH)
    for week in weeks(world)[1:]:
        day = time.working_day_on_or_after(week[0])
        if day > world.dates.last_day:
            continue
        since, until = time.at(week[0] - dt.timedelta(days=7), 0), time.at(week[0], 0)
        reviewed = sorted(
            key for key, moments in signals.items() if any(since <= m < until for m in moments)
        )
        marketer = names.MARKETERS[rng.randrange(len(names.MARKETERS))]
        for key in reviewed or [fallback.key]:
            at = time.business_moment(rng, day, 9 * 60, 12 * 60)
            said = "surge reviewed" if reviewed else "no surges last week"
            world.add(Event(at, "intent_review", key, None, None, 1, marketer, "intent feed", said))


def _fires(world: World, surging: list[AccountRow], signals: dict[str, list[dt.datetime]]) -> None:
    time, rng = world.time, world.rng
    ready = [a for a in surging if len(signals.get(a.key, [])) >= 3]
    fired = sorted(ready, key=lambda a: sorted(signals[a.key])[2])[:FIRES]
    for number, account in enumerate(fired):
        third = sorted(signals[account.key])[2]
        day = time.next_working_day(time.local_date(third))
        if day > world.dates.last_day:
            continue
        at = time.business_moment(rng, day, 9 * 60, 12 * 60)
        marketer = names.MARKETERS[rng.randrange(len(names.MARKETERS))]
        world.add(
            Event(
                at,
                "intent_fired",
                account.key,
                None,
                None,
                1,
                marketer,
                "intent feed",
                "three weeks of surging intent",
            )
        )
        promoted = time.plus_business_minutes(at, rng.randint(480, 5 * 480))
        if number == len(fired) - 1 or time.local_date(promoted) > world.dates.last_day:
            continue  # the last one is still waiting for its promotion
        target = "t1" if number % 4 == 0 else "t2"
        world.add(
            Event(
                promoted,
                "tier_promoted",
                account.key,
                None,
                None,
                1,
                marketer,
                "crm",
                f"promoted from {WATCH} to {target}",
            )
        )


def _inbound(world: World, watch: list[AccountRow]) -> None:
    time, rng = world.time, world.rng
    days = time.working_days(world.dates.dense_from, world.dates.last_day - dt.timedelta(days=3))
    for account in rng.sample(watch, INBOUND):
        person = world.contacts[account.key][0]
        lead = world.new_id("INB")
        at = time.business_moment(rng, pick_day(rng, days))
        world.add(
            Event(
                at,
                "prospect_inquiry",
                account.key,
                person.key,
                lead,
                1,
                None,
                "web",
                "contact-us form",
            )
        )
        seller = account.owner or names.SALES_MANAGER
        answer = time.plus_business_minutes(at, rng.randint(30, 400))
        world.add(
            Event(
                answer,
                "call",
                account.key,
                person.key,
                lead,
                1,
                seller,
                "phone",
                "inbound prospect",
            )
        )
