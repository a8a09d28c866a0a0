"""Marketing's programs: ads, spend, nurture, campaigns, research, reports, content.

These are the bulk of a pilot's events and none of them is an ABM touchpoint
of the SAL definition (impressions, nurture sends, invites, campaign touches
and reports are marketing's own doing, not the buyer's), so they can be as
plentiful as real exports are without disturbing the engagement rules.
One strategic account's ads are paused from the week before the pilot (a
brand refresh), so t1-mkt-impressions has a real miss to show.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import SEGMENT, STRATEGIC, WATCH
from slatui.demo.schedule import last_working, month_window, nth_weekday, pick_day
from slatui.demo.schedule import weeks as story_weeks
from slatui.demo.world import World


def run_programs(world: World) -> None:
    """Every marketing program of the story, in a fixed order (the random stream's)."""
    paused = _paused(world)
    ads(world, paused)
    campaigns(world)
    research(world)
    nurture(world)
    reports(world)
    segment_content(world)


def anchor(world: World, tier: str, segment: str | None = None) -> AccountRow:
    """The account a tier-level deliverable is logged against: the tier's (or the
    segment's) largest account. An event counts for a tier through its account
    (DESIGN §3), so a Tier 2 report needs a Tier 2 account to be seen."""
    accounts = [a for a in world.tier(tier) if segment is None or a.industry == segment]
    return max(accounts, key=lambda a: (a.employees, a.key))


def _paused(world: World) -> str:
    strategic = [a.key for a in world.tier(STRATEGIC) if world.free(a.key)]
    return strategic[world.rng.randrange(len(strategic))]


def _marketer(world: World) -> str:
    return names.MARKETERS[world.rng.randrange(len(names.MARKETERS))]


def _emit(world: World, at: dt.datetime, kind: str, account: str, **extra: str | None) -> None:
    world.add(
        Event(
            at,
            kind,
            account,
            contact=extra.get("contact"),
            actor=extra.get("actor"),
            channel=extra.get("channel", names.CHANNELS.get(kind)),
            detail=extra.get("detail"),
        )
    )


# ---------------------------------------------------------------- ads and spend


def ads(world: World, paused: str) -> None:
    """Daily LinkedIn company impressions (a count per row) and weekly spend."""
    time, rng = world.time, world.rng
    pause_from = world.dates.pilot_start - dt.timedelta(days=7)
    days = list(time.days(world.dates.history_start, world.dates.last_day))
    noon = {day: time.at(day, 12) for day in days}
    for account in world.tier(STRATEGIC) + world.tier(SEGMENT):
        strategic = account.tier == STRATEGIC
        for day in days:
            if account.key == paused and day >= pause_from:
                break
            if not strategic and rng.random() >= (0.55 if time.is_working(day) else 0.2):
                continue
            typical = 380 if strategic else 70
            shown = int(typical * rng.lognormvariate(0, 0.5)) + 5
            world.add(
                Event(noon[day], "ad_impression", account.key, quantity=shown, channel="linkedin")
            )
            if day.weekday() == 0:
                low, high = (250, 900) if strategic else (25, 180)
                spent = rng.randint(low, high)
                world.add(
                    Event(
                        noon[day] + dt.timedelta(minutes=5),
                        "spend",
                        account.key,
                        quantity=spent,
                        channel="linkedin",
                        detail="LinkedIn ABM, USD",
                    )
                )


# ---------------------------------------------------------------- Tier 1 campaigns


def campaigns(world: World) -> None:
    """Coordinated touches on every strategic account, at least once a month."""
    time, rng = world.time, world.rng
    channels = ("email", "linkedin", "direct_mail", "event", "content")
    for account in world.tier(STRATEGIC):
        touched: set[tuple[int, int]] = set()
        for week in story_weeks(world):
            workdays = [d for d in week if time.is_working(d)]
            if not workdays or rng.random() >= 0.8:
                continue
            day = pick_day(rng, workdays)
            at = time.business_moment(rng, day)
            _campaign_touch(world, account, at, channels[rng.randrange(len(channels))])
            touched.add((day.year, day.month))
        for index, month in enumerate(world.dates.months):
            if month not in touched:
                day = pick_day(rng, month_window(world, index, 1, 28))
                _campaign_touch(world, account, time.business_moment(rng, day), "email")


def _campaign_touch(world: World, account: AccountRow, at: dt.datetime, channel: str) -> None:
    quarter = (world.time.month_of(at)[1] - 1) // 3 + 1
    _emit(
        world,
        at,
        "campaign_touch",
        account.key,
        actor=_marketer(world),
        channel=channel,
        detail=f"Q{quarter} strategic program",
    )


def research(world: World) -> None:
    """Each strategic campaign's start and, days later, its account research.

    The Q3 wave starts with the history; the Q4 wave starts through October
    and the first half of the pilot. One research delivery is late (past the
    30 days), and campaigns started late in the pilot may still be waiting.
    """
    time, rng = world.time, world.rng
    strategic = world.tier(STRATEGIC)
    october = [a.key for index, a in enumerate(strategic) if index % 4]
    late = october[rng.randrange(len(october))]
    first = world.dates.history_start
    for index, account in enumerate(strategic):
        q3 = pick_day(rng, time.working_days(first, first + dt.timedelta(days=9)))
        _campaign(world, account, q3, rng.randint(6, 24))
        month = 3 if index % 4 == 0 else 2
        q4 = pick_day(rng, month_window(world, month, 1, 20 if month == 3 else 30))
        _campaign(
            world,
            account,
            q4,
            rng.randint(33, 38) if account.key == late and month == 2 else rng.randint(5, 25),
        )


def _campaign(world: World, account: AccountRow, day: dt.date, days: int) -> None:
    time, rng = world.time, world.rng
    marketer = _marketer(world)
    _emit(
        world,
        time.business_moment(rng, day),
        "campaign_started",
        account.key,
        actor=marketer,
        channel="crm",
    )
    delivered = time.working_day_on_or_after(day + dt.timedelta(days=days))
    if delivered <= world.dates.last_day:
        _emit(
            world,
            time.business_moment(rng, delivered),
            "account_research_delivered",
            account.key,
            actor=marketer,
            channel="email",
            detail="account research and messaging strategy",
        )


# ---------------------------------------------------------------- nurture


def nurture(world: World) -> None:
    """Nurture sends to segment accounts (twice a month) and the watch list (monthly,
    some twice), event invites to the segment, and the opens that follow some sends."""
    time, rng = world.time, world.rng
    for index in range(len(world.dates.months)):
        sends = [
            (SEGMENT, nth_weekday(world, index, 1, 1), 10, 1.0),
            (SEGMENT, nth_weekday(world, index, 1, 3), 10, 1.0),
            (WATCH, nth_weekday(world, index, 2, 2), 11, 1.0),
            (WATCH, nth_weekday(world, index, 2, 4), 11, 0.5),
        ]
        invite = nth_weekday(world, index, 3, 1)
        for tier, day, hour, share in sends:
            if day is None:
                continue
            for account in world.tier(tier):
                if rng.random() < share:
                    _send(world, account, time.at(day, hour, rng.randrange(60)))
        if invite is not None:
            for account in world.tier(SEGMENT):
                people = world.contacts[account.key]
                person = people[rng.randrange(len(people))]
                _emit(
                    world,
                    time.at(invite, 14, rng.randrange(60)),
                    "event_invite",
                    account.key,
                    contact=person.key,
                    detail="segment webinar invitation",
                )


def _send(world: World, account: AccountRow, at: dt.datetime) -> None:
    rng = world.rng
    people = world.contacts[account.key]
    person = people[rng.randrange(len(people))]
    _emit(world, at, "nurture_email", account.key, contact=person.key, actor="nurture program")
    if rng.random() < 0.22:
        opened = at + dt.timedelta(minutes=rng.randint(10, 1200))
        _emit(world, opened, "email_open", account.key, contact=person.key)


# ---------------------------------------------------------------- reports


def reports(world: World) -> None:
    """Account performance (monthly per strategic account; one October report is
    missed), weekly strategic campaign reports, monthly segment and watch-list ones."""
    time, rng = world.time, world.rng
    strategic = world.tier(STRATEGIC)
    skipped = strategic[rng.randrange(len(strategic))].key
    for index, (year, month) in enumerate(world.dates.months):
        previous = dt.date(year, month, 1) - dt.timedelta(days=1)
        for account in strategic:
            if account.key == skipped and index == 2:
                continue
            day = pick_day(rng, month_window(world, index, 2, 8))
            _emit(
                world,
                time.business_moment(rng, day),
                "account_performance_report",
                account.key,
                actor=_marketer(world),
                channel="email",
                detail=f"{previous:%B} performance",
            )
        _monthly_reports(world, index)
    for week in story_weeks(world):
        friday = last_working(world, week)
        if friday is None:
            continue
        for account in strategic:
            at = time.business_moment(rng, friday, 14 * 60, 17 * 60)
            _emit(
                world,
                at,
                "campaign_report",
                account.key,
                actor=_marketer(world),
                channel="email",
                detail="weekly campaign report",
            )


def _monthly_reports(world: World, index: int) -> None:
    time, rng = world.time, world.rng
    days = month_window(world, index, 1, 7)
    if not days:
        return
    for segment in names.SEGMENTS:
        at = time.business_moment(rng, days[min(1, len(days) - 1)])
        _emit(
            world,
            at,
            "campaign_report",
            anchor(world, SEGMENT, segment).key,
            actor=_marketer(world),
            channel="email",
            detail=f"Tier 2 {segment} segment campaign report",
        )
    at = time.business_moment(rng, days[min(2, len(days) - 1)])
    _emit(
        world,
        at,
        "campaign_report",
        anchor(world, WATCH).key,
        actor=_marketer(world),
        channel="email",
        detail="Tier 3 watch-list campaign report",
    )


def segment_content(world: World) -> None:
    """Two industry assets a month and a micro-segment strategy per segment per quarter."""
    time, rng = world.time, world.rng
    turn = 0
    for index in range(len(world.dates.months)):
        for first, last in ((6, 12), (19, 26)):
            days = month_window(world, index, first, last)
            if not days:
                continue
            segment = names.SEGMENTS[turn % len(names.SEGMENTS)]
            assets = names.CONTENT_ASSETS[segment]
            _emit(
                world,
                time.business_moment(rng, pick_day(rng, days)),
                "content_asset_published",
                anchor(world, SEGMENT, segment).key,
                actor=_marketer(world),
                channel="web",
                detail=f"{segment}: {assets[(turn // len(names.SEGMENTS)) % len(assets)]}",
            )
            turn += 1
        month = world.dates.months[index][1]
        if month % 3 == 1 or index == 0:
            _strategies(world, index, f"Q{(month - 1) // 3 + 1}")


def _strategies(world: World, index: int, quarter: str) -> None:
    time, rng = world.time, world.rng
    days = month_window(world, index, 5, 21)
    for segment in names.SEGMENTS:
        _emit(
            world,
            time.business_moment(rng, pick_day(rng, days)),
            "micro_segment_strategy",
            anchor(world, SEGMENT, segment).key,
            actor=_marketer(world),
            channel="email",
            detail=f"{segment} micro-segment strategy, {quarter}",
        )
