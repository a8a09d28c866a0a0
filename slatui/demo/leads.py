"""The SAL hand-offs of `script.SCRIPT` as events.

Each hand-off is told whole: the buyer's touches in the weeks before (the SAL
definition's two touchpoints and an interest signal), `sal_notified`, sales'
first contact with the same lead, the verdict, and the deal that may follow.
Response times are computed with `slatui.clock` on the agreement's calendar,
so "on time" here is on time on the compliance screen too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slatui.contract.model import OverdueEscalation
from slatui.demo import names
from slatui.demo.cases import PlantedCase
from slatui.demo.deals import open_deal
from slatui.demo.rows import AccountRow, ContactRow, Event
from slatui.demo.rules import STRATEGIC, DemoError
from slatui.demo.schedule import month_window, pick_day
from slatui.demo.script import ACCEPTED, SCRIPT, SalPlan
from slatui.demo.world import World

WALL_LIMIT = dt.timedelta(hours=40)
"""An answer that is not meant to be overdue comes well inside the 48h escalation."""

_TRIES = 200
_PLANTED = ("overdue", "never", "weekend")


@dataclass(frozen=True)
class Handoff:
    """A placed plan: the account, the contact, the notification and the first contact."""

    plan: SalPlan
    account: AccountRow
    contact: ContactRow
    notified: dt.datetime
    answered: dt.datetime | None


def run_script(world: World) -> None:
    """Place every SAL of the script, then tell them in time order (SAL-0001 first)."""
    handoffs = [_place(world, plan) for plan in SCRIPT]
    for handoff in sorted(handoffs, key=lambda h: (h.notified, h.account.key)):
        _tell(world, handoff, world.new_id("SAL"))


# ---------------------------------------------------------------- placing


def _place(world: World, plan: SalPlan) -> Handoff:
    account, contact = _pick(world, plan)
    world.sal_uses[account.key] += 1
    for _ in range(_TRIES):
        notified = _notification(world, plan)
        fits, answered = _answer(world, plan, notified)
        if fits:
            return Handoff(plan, account, contact, notified, answered)
    raise DemoError(f"no notification time fits {plan}")


def _pick(world: World, plan: SalPlan) -> tuple[AccountRow, ContactRow]:
    """The least-used account of the tier that fits whom the plan hands off."""
    firmographics = world.rules.sal.firmographics
    minimum = (firmographics.min_employees or 0) if firmographics else 0
    country = "CA" if plan.who == "territory" else "US"
    titles = names.HEAD_OF_TITLES if plan.who == "head_of" else names.DECISION_MAKER_TITLES
    candidates = [
        (account, people)
        for account in world.tier(plan.tier)
        if world.free(account.key) and account.country == country and account.employees >= minimum
        if (people := [c for c in world.contacts[account.key] if c.title in titles])
    ]
    if not candidates:
        raise DemoError(f"no {plan.tier} account fits a {plan.who} hand-off")
    least = min(world.sal_uses[account.key] for account, _ in candidates)
    fewest = [pair for pair in candidates if world.sal_uses[pair[0].key] == least]
    account, people = fewest[world.rng.randrange(len(fewest))]
    return account, people[world.rng.randrange(len(people))]


def _notification(world: World, plan: SalPlan) -> dt.datetime:
    time = world.time
    days = [d for d in month_window(world, plan.month, *plan.days) if _fits_day(world, plan, d)]
    if not days:
        raise DemoError(f"no day of the story fits {plan}")
    day = pick_day(world.rng, days)
    if plan.answer == "weekend":
        return time.business_moment(world.rng, day, 14 * 60, 16 * 60 + 30)
    return time.business_moment(world.rng, day, 9 * 60 + 30, 16 * 60 + 30)


def _fits_day(world: World, plan: SalPlan, day: dt.date) -> bool:
    """A Friday before a plain weekend for the weekend case; otherwise a day whose next
    calendar day is a working day, so a one-business-day answer stays inside 48h."""
    if day < world.dates.history_start + dt.timedelta(days=7):
        return False
    following = world.time.next_working_day(day)
    if plan.answer == "weekend":
        return day.weekday() == 4 and following == day + dt.timedelta(days=3)
    return following == day + dt.timedelta(days=1)


def _answer(world: World, plan: SalPlan, notified: dt.datetime) -> tuple[bool, dt.datetime | None]:
    """Sales' first contact as the plan says, and whether this notification time allows it."""
    time, rng = world.time, world.rng
    due = time.after(notified, world.rules.first_contact)
    escalation = time.after(notified, _overdue(world, plan).after)
    limit = notified + WALL_LIMIT
    if plan.answer == "never":
        return escalation <= world.horizon, None
    if plan.answer == "on_time":
        at = time.plus_business_minutes(notified, rng.randint(15, 330))
        return at <= due and at <= limit, at
    if plan.answer == "late":
        at = time.plus_business_minutes(due, rng.randint(20, 150))
        return at <= limit, at
    if plan.answer == "overdue":
        late = escalation + dt.timedelta(hours=rng.randint(6, 20))
        at = time.plus_business_minutes(late, rng.randint(5, 90))
        return at < world.horizon, at
    monday = time.next_working_day(time.local_date(notified))
    local = notified.astimezone(time.zone)
    at = time.business_moment(rng, monday, 9 * 60, local.hour * 60 + local.minute - 20)
    return at <= due and at > escalation, at


def _overdue(world: World, plan: SalPlan) -> OverdueEscalation:
    rules = world.rules
    return rules.overdue_t1 if plan.tier == STRATEGIC else rules.overdue_t2


# ---------------------------------------------------------------- telling


def _tell(world: World, handoff: Handoff, lead: str) -> None:
    plan, account, contact = handoff.plan, handoff.account, handoff.contact
    rng, notified = world.rng, handoff.notified
    signal = _buyer_journey(world, handoff)
    marketer = names.MARKETERS[rng.randrange(len(names.MARKETERS))]
    world.add(
        Event(notified, "sal_notified", account.key, contact.key, lead, 1, marketer, "crm", signal)
    )
    seller = world.seller(account)
    if handoff.answered is not None:
        kind = "call" if plan.answer in _PLANTED else _first_touch(world)
        channel = names.CHANNELS[kind]
        world.add(Event(handoff.answered, kind, account.key, contact.key, lead, 1, seller, channel))
    verdict = _verdict_at(world, handoff)
    if plan.verdict is not None and verdict is not None:
        kind = "sal_accepted" if plan.verdict == ACCEPTED else "sal_rejected"
        detail = None if plan.verdict == ACCEPTED else plan.verdict
        world.add(Event(verdict, kind, account.key, contact.key, lead, 1, seller, "crm", detail))
    if plan.opportunity is not None:
        day = world.time.working_day_on_or_after(
            world.time.local_date(notified) + dt.timedelta(days=plan.opportunity)
        )
        if day <= world.dates.last_day:
            opened = world.time.business_moment(rng, day)
            open_deal(world, account, contact, lead, opened, plan.close)
    if plan.answer in _PLANTED:
        _plant_overdue(world, handoff, lead)


def _buyer_journey(world: World, handoff: Handoff) -> str:
    """Two touchpoints in the weeks before and an interest signal hours before the
    hand-off: what the SAL definition asks for. Returns the signal's type."""
    time, rng, rules = world.time, world.rng, world.rules
    key, person = handoff.account.key, handoff.contact.key
    day = time.local_date(handoff.notified)
    span = (day - world.dates.history_start).days
    early = rng.randint(min(9, span), min(24, span))
    late = rng.randint(1, max(1, min(6, early - 1)))
    first = _among(world, ("email_click", "ad_click", "webinar_attended"), rules.touch_types)
    second = _among(
        world, ("content_download", "webinar_attended", "email_click"), rules.touch_types
    )
    signals = set(rules.sal.interest_signals) - rules.touch_types
    signal = _among(world, ("demo_request", "form_submit"), frozenset(signals))
    for back, kind in ((early, first), (late, second)):
        at = time.buyer_moment(rng, day - dt.timedelta(days=back))
        world.add(Event(at, kind, key, person, None, 1, None, names.CHANNELS[kind]))
    asked = handoff.notified - dt.timedelta(minutes=rng.randint(30, 600))
    world.add(Event(asked, signal, key, person, None, 1, None, names.CHANNELS[signal]))
    return signal


def _among(world: World, wanted: tuple[str, ...], allowed: frozenset[str]) -> str:
    choices = [kind for kind in wanted if kind in allowed]
    if not choices:
        raise DemoError(f"the agreement's SAL definition lists none of {', '.join(wanted)}")
    return choices[world.rng.randrange(len(choices))]


def _first_touch(world: World) -> str:
    roll = world.rng.random()
    return "call" if roll < 0.55 else "sales_email" if roll < 0.85 else "meeting"


def _verdict_at(world: World, handoff: Handoff) -> dt.datetime | None:
    """Accepted or rejected within the status clock (2bd), or after it when slow."""
    time, rng = world.time, world.rng
    if handoff.plan.verdict is None:
        return None
    due = time.after(handoff.notified, world.rules.sal_status)
    base = handoff.answered or handoff.notified
    if handoff.plan.slow_verdict:
        return time.plus_business_minutes(max(due, base), rng.randint(60, 480))
    at = time.plus_business_minutes(base, rng.randint(20, 240))
    return at if at <= due else base + dt.timedelta(minutes=rng.randint(10, 40))


def _plant_overdue(world: World, handoff: Handoff, lead: str) -> None:
    """Record the planted overdue case and keep every sales touch off the account
    until the (late or missing) answer, so the case holds however items are keyed."""
    plan, account = handoff.plan, handoff.account
    escalation = _overdue(world, plan)
    due = world.time.after(handoff.notified, escalation.after)
    world.silence_sales(account.key, handoff.notified, handoff.answered or world.horizon)
    world.cases.append(
        PlantedCase(
            kind="overdue",
            escalation=escalation.id,
            subject=lead,
            started=handoff.notified,
            due=due,
            story=_overdue_story(world, handoff),
            account=account.key,
            lead=lead,
            tier=plan.tier,
        )
    )


def _overdue_story(world: World, handoff: Handoff) -> str:
    zone = world.time.zone
    name, tier = handoff.account.name, handoff.plan.tier
    notified = handoff.notified.astimezone(zone)
    if handoff.answered is None:
        return f"{tier} SAL at {name}: never contacted, never accepted or rejected"
    hours = (handoff.answered - handoff.notified).total_seconds() / 3600
    if handoff.plan.answer == "weekend":
        answered = handoff.answered.astimezone(zone)
        return (
            f"{tier} SAL at {name} handed off {notified:%a %H:%M}, called {answered:%a %H:%M} "
            f"({hours:.0f}h): on time by the 1bd clock, late by the 48h wall clock"
        )
    return f"{tier} SAL at {name}: first contact {hours:.0f}h after the hand-off"
