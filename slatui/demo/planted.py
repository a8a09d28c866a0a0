"""The planted engagement cases, and the cases read off the month counts.

`engaged_unanswered`: a strategic account without an owner engages three
times in the pilot's second week and nobody from sales touches it for days:
nobody owns it (t1-sales-owner), so nobody sees it. `engaged_no_conversion`:
a segment account engages heavily in August, sales answers, and no
opportunity follows in the 90 days. The `missed` and `rejected_share` cases
are read off the SAL script's month counts, and checked: a script that no
longer produces them is an error, not a quietly weaker demo.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.cases import PlantedCase
from slatui.demo.rows import AccountRow, ContactRow, Event
from slatui.demo.rules import SEGMENT, STRATEGIC, DemoError
from slatui.demo.targets import ownerless
from slatui.demo.world import World

_ENGAGING = ("webinar_attended", "content_download", "ad_click", "email_click")


def reserve(world: World) -> tuple[AccountRow, AccountRow]:
    """Choose the two engagement accounts and keep the rest of the story off them."""
    rng = world.rng
    silent = ownerless(world)[rng.randrange(len(ownerless(world)))]
    segment = [
        a
        for a in world.tier(SEGMENT)
        if a.country == "US" and a.owner is not None and a.employees >= 200
    ]
    cold = segment[rng.randrange(len(segment))]
    world.reserved.update({silent.key, cold.key})
    return silent, cold


def plant_engagement(world: World, silent: AccountRow, cold: AccountRow) -> None:
    """The touches of both engagement cases, the answers around them, and the cases."""
    _unanswered(world, silent)
    _unconverted(world, cold)


def _touches(
    world: World, account: AccountRow, offsets: list[int], start: dt.date
) -> list[dt.datetime]:
    """Touches on the working days `offsets` after `start`, in order."""
    time, rng = world.time, world.rng
    allowed = [kind for kind in _ENGAGING if kind in world.rules.touch_types]
    people = world.contacts[account.key]
    moments = []
    for index, offset in enumerate(offsets):
        day = time.working_day_on_or_after(start + dt.timedelta(days=offset))
        at = time.business_moment(rng, day, 10 * 60, 15 * 60)
        kind = allowed[index % len(allowed)]
        person = people[index % len(people)]
        world.add(Event(at, kind, account.key, person.key, None, 1, None, names.CHANNELS[kind]))
        moments.append(at)
    return moments


def _offsets(count: int, span: int) -> list[int]:
    if count == 1:
        return [0]
    return [(span * index) // (count - 1) for index in range(count)]


def _unanswered(world: World, account: AccountRow) -> None:
    rule = world.rules.unanswered
    time = world.time
    start = world.dates.pilot_start + dt.timedelta(days=1)
    touches = _touches(world, account, _offsets(rule.min_touches, 7), start)
    engaging = touches[-1]
    due = time.after(engaging, rule.after)
    # Nothing that counts (no touch, no sales touch) in the window before the first of
    # them, so the engagement starts exactly with these touches and nobody answers it.
    window = time.days_before(touches[0], rule.window) - dt.timedelta(days=1)
    pickup_day = world.time.calendar.add_working_days(time.local_date(due), 2)
    pickup = time.business_moment(world.rng, pickup_day, 10 * 60, 12 * 60)
    person = _decision_maker(world, account)
    world.add(
        Event(
            pickup,
            "call",
            account.key,
            person.key,
            None,
            1,
            names.SALES_MANAGER,
            "phone",
            "picked up after the escalation",
        )
    )
    world.silence_sales(account.key, window, pickup)
    world.silence_touches(account.key, window, due + dt.timedelta(days=1))
    world.unanswered_ok[account.key] = (engaging, due)
    world.cases.append(
        PlantedCase(
            kind="engaged_unanswered",
            escalation=rule.id,
            subject=account.key,
            started=engaging,
            due=due,
            story=(
                f"{rule.min_touches} touches in a week at {account.name}, a Tier 1 account "
                f"without an owner; no sales touch for {rule.after}"
            ),
            account=account.key,
            tier=STRATEGIC,
        )
    )


def _unconverted(world: World, account: AccountRow) -> None:
    rule = world.rules.unconverted
    time = world.time
    start = world.dates.history_start + dt.timedelta(days=3)
    engaging = _touches(world, account, _offsets(rule.min_touches, 11), start)[-1]
    due = time.after(engaging, rule.after)
    if due > world.horizon:
        raise DemoError(f"the August engagement's {rule.after} run past the pilot's end")
    answer = time.plus_business_minutes(engaging, world.rng.randint(60, 240))
    person = _decision_maker(world, account)
    world.add(
        Event(
            answer,
            "sales_email",
            account.key,
            person.key,
            None,
            1,
            world.seller(account),
            "email",
            "follow-up on the webinar",
        )
    )
    world.unconverted_ok.add(account.key)
    world.cases.append(
        PlantedCase(
            kind="engaged_no_conversion",
            escalation=rule.id,
            subject=account.key,
            started=engaging,
            due=due,
            story=(
                f"{rule.min_touches} touches in August at {account.name} (Tier 2), answered, "
                f"and no opportunity in the {rule.after} since"
            ),
            account=account.key,
            tier=SEGMENT,
        )
    )


def _decision_maker(world: World, account: AccountRow) -> ContactRow:
    return world.contacts[account.key][0]


# ---------------------------------------------------------------- month cases


def sal_months(world: World) -> list[tuple[str, list[Event]]]:
    """The SAL hand-offs of each month of the story, as ("2026-11", events)."""
    months: dict[tuple[int, int], list[Event]] = {month: [] for month in world.dates.months}
    for event in world.events:
        if event.type == "sal_notified":
            months.setdefault(world.time.month_of(event.at), []).append(event)
    return [(f"{year}-{month:02d}", months[(year, month)]) for year, month in sorted(months)]


def plant_months(world: World) -> None:
    """The `missed` and `rejected_share` cases, from what the script produced."""
    _missed(world)
    _rejected(world)


def _missed(world: World) -> None:
    rule, volume = world.rules.missed, world.rules.volume
    minimum = volume.min
    assert minimum is not None
    tiers = {a.key: a.tier for a in world.accounts}
    counts = [
        (label, sum(1 for e in events if e.account and tiers.get(e.account) == volume.tier))
        for label, events in sal_months(world)
    ]
    run = counts[-rule.consecutive :]
    before = counts[: -rule.consecutive]
    if any(count >= minimum for _, count in run) or any(count < minimum for _, count in before):
        raise DemoError(f"the SAL script no longer misses {volume.id} in the last months: {counts}")
    first, last = world.dates.months[-rule.consecutive], world.dates.months[-1]
    shown = ", ".join(f"{label}: {count}" for label, count in counts)
    world.cases.append(
        PlantedCase(
            kind="missed",
            escalation=rule.id,
            subject=volume.id,  # the subject of a `missed` escalation is its commitment
            started=world.time.month_start(*first),
            due=world.time.month_end(*last),
            story=f"{volume.id} below {minimum} SALs a month {rule.consecutive} months running "
            f"({shown})",
            tier=volume.tier,
            periods=tuple(label for label, _ in run),
        )
    )


def _rejected(world: World) -> None:
    rule = world.rules.rejections
    reasons = {e.lead: e.detail for e in world.events if e.type == "sal_rejected" and e.lead}
    found = []
    for label, events in sal_months(world):
        rejected = [reasons[e.lead] for e in events if e.lead in reasons]
        share = len(rejected) / len(events) if events else 0.0
        if share >= rule.min:
            found.append((label, len(events), rejected))
    if [label for label, _, _ in found] != [_label(world.dates.months[-1])]:
        raise DemoError(
            f"the SAL script must reach {rule.min:.0%} rejected only in the pilot's "
            f"month, not in {[label for label, _, _ in found]}"
        )
    label, total, rejected = found[0]
    tally = ", ".join(f"{rejected.count(r)} {r!r}" for r in sorted(set(rejected), key=str))
    month = world.dates.months[-1]
    world.cases.append(
        PlantedCase(
            kind="rejected_share",
            escalation=rule.id,
            subject=label,
            started=world.time.month_start(*month),
            due=world.time.month_end(*month),
            story=f"{len(rejected)} of {total} SALs rejected ({tally})",
            periods=(label,),
        )
    )


def _label(month: tuple[int, int]) -> str:
    return f"{month[0]}-{month[1]:02d}"
