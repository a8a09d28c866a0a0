"""Sales asks marketing: account inquiries (2bh) and content requests (1bd).

Marketing's own response clocks. Most answers are on time; about one in
ten is late, so mkt-inquiry-response and mkt-content-request have a share
below 100% to show, and no escalation names them.
"""

from __future__ import annotations

import datetime as dt

from slatui.demo import names
from slatui.demo.rows import AccountRow, Event
from slatui.demo.rules import SEGMENT, STRATEGIC
from slatui.demo.schedule import binomial, pick_day, weeks
from slatui.demo.world import World

_ASKS = (
    "research request: buying committee",
    "research request: recent news and priorities",
    "research request: tech stack",
)
_CONTENT = ("case study", "ROI one-pager", "competitive battlecard", "security overview")


def run_requests(world: World) -> None:
    """A couple of inquiries and about one content request a week, on Tier 1 and 2."""
    time, rng = world.time, world.rng
    targets = [a for a in world.tier(STRATEGIC) + world.tier(SEGMENT) if world.free(a.key)]
    for week in weeks(world):
        workdays = [d for d in week if time.is_working(d)]
        if not workdays:
            continue
        for _ in range(binomial(rng, 4, 0.5)):
            account = targets[rng.randrange(len(targets))]
            _inquiry(world, account, pick_day(rng, workdays))
        for _ in range(binomial(rng, 2, 0.5)):
            account = targets[rng.randrange(len(targets))]
            _content_request(world, account, pick_day(rng, workdays))


def _inquiry(world: World, account: AccountRow, day: dt.date) -> None:
    rng = world.rng
    late = rng.random() < 0.1
    minutes = rng.randint(130, 420) if late else rng.randint(15, 100)
    asked = _ASKS[rng.randrange(len(_ASKS))]
    _ask(
        world,
        account,
        day,
        ("INQ", "account_inquiry", asked),
        ("inquiry_answered", minutes, "research and next steps sent"),
    )


def _content_request(world: World, account: AccountRow, day: dt.date) -> None:
    rng = world.rng
    late = rng.random() < 0.12
    minutes = rng.randint(8 * 60 + 30, 16 * 60) if late else rng.randint(60, 420)
    what = f"{_CONTENT[rng.randrange(len(_CONTENT))]} for {account.industry}"
    _ask(
        world, account, day, ("REQ", "content_request", what), ("content_delivered", minutes, what)
    )


def _ask(
    world: World,
    account: AccountRow,
    day: dt.date,
    ask: tuple[str, str, str],
    answer: tuple[str, int, str],
) -> None:
    time, rng = world.time, world.rng
    prefix, kind, detail = ask
    reply, minutes, said = answer
    lead = world.new_id(prefix)
    at = time.business_moment(rng, day)
    world.add(Event(at, kind, account.key, None, lead, 1, world.seller(account), "slack", detail))
    answered = time.plus_business_minutes(at, minutes)
    if time.local_date(answered) <= world.dates.last_day:
        marketer = names.MARKETERS[rng.randrange(len(names.MARKETERS))]
        world.add(Event(answered, reply, account.key, None, lead, 1, marketer, "slack", said))
