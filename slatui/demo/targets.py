"""The target account list of the demo: accounts per tier and their buying committees.

The list is shaped so that the agreement's checks have something to find:
two strategic accounts without an owner (t1-sales-owner is not 100%),
accounts outside the US and Canada or under 200 employees (the SAL
definition's firmographics fail for them), "Head of ..." contacts that the
agreement's `vp = ["Head of *"]` rule makes VPs (the loophole behind the
November rejections), and a few titles the classifier cannot place.
"""

from __future__ import annotations

import dataclasses
import random

from slatui.accounts import duplicate_candidates, normalise_name
from slatui.demo import names
from slatui.demo.rows import AccountRow, ContactRow
from slatui.demo.rules import SEGMENT, STRATEGIC, WATCH, DemoError
from slatui.demo.world import World

TIER_SIZES: dict[str, int] = {STRATEGIC: 25, SEGMENT: 200, WATCH: 400}
"""Accounts per tier: a short strategic list, a segment list, a long watch list."""

STRATEGIC_COUNTRIES = ("US",) * 19 + ("CA",) * 3 + ("GB", "DE", "MX")
"""Where the 25 strategic accounts are: three Canadian ones for the territory story."""

OWNERLESS = 2
"""Strategic accounts without an owner."""

_LEGAL_SUFFIXES = ("", "", "", "", " Inc.", " LLC", " Corp.", " Group")
_LEGAL_WORDS = frozenset({"inc", "llc", "corp", "group"})
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def make_accounts(world: World) -> None:
    """Fill `world.accounts` and `world.contacts`."""
    rng = world.rng
    stems = _stems(rng)
    strategic_countries = list(STRATEGIC_COUNTRIES)
    rng.shuffle(strategic_countries)
    variants: set[str] = set()
    for tier, size in TIER_SIZES.items():
        for index in range(size):
            industry = _industry(rng, tier, index)
            country = strategic_countries[index] if tier == STRATEGIC else _country(rng, tier)
            world.accounts.append(_distinct(rng, stems, variants, tier, industry, country))
    _settle_names(world, stems)
    _assign_owners(world)
    serial = 0
    for index, account in enumerate(world.accounts):
        contacts = []
        for title, person in _committee(rng, account, index):
            serial += 1
            contacts.append(_contact(account, f"c-{serial:05d}", title, person))
        world.contacts[account.key] = contacts


def ownerless(world: World) -> list[AccountRow]:
    """The strategic accounts without an owner."""
    return [a for a in world.tier(STRATEGIC) if a.owner is None]


# ---------------------------------------------------------------- accounts


def _stems(rng: random.Random) -> list[str]:
    stems = [head + tail for head in names.STEM_HEADS for tail in names.STEM_TAILS]
    rng.shuffle(stems)
    return stems


def _distinct(
    rng: random.Random,
    stems: list[str],
    variants: set[str],
    tier: str,
    industry: str,
    country: str,
) -> AccountRow:
    """A new account whose name is not one typo away from a name already drawn.

    Names one edit apart share a one-deletion variant; checking those here
    keeps `_settle_names` (the importer's full duplicate check) to one pass.
    """
    while stems:
        account = _account(rng, stems.pop(), tier, industry, country)
        normal = normalise_name(account.name)
        mine = {normal} | {normal[:i] + normal[i + 1 :] for i in range(len(normal))}
        if not mine & variants:
            variants.update(mine)
            return account
    raise DemoError("ran out of company names; add syllables to slatui.demo.names")


def _account(rng: random.Random, stem: str, tier: str, industry: str, country: str) -> AccountRow:
    name = f"{stem} {rng.choice(names.INDUSTRY_NOUNS[industry])}{rng.choice(_LEGAL_SUFFIXES)}"
    words = [w.strip(".,").lower() for w in name.split()]
    slug = "-".join(w for w in words if w not in _LEGAL_WORDS)
    return AccountRow(
        key=slug,
        name=name,
        domain=slug.replace("-", "") + ".example",
        tier=tier,
        owner=None,
        industry=industry,
        employees=_employees(rng, tier),
        country=country,
        external_id="001" + "".join(rng.choice(_BASE62) for _ in range(15)),
    )


def _industry(rng: random.Random, tier: str, index: int) -> str:
    if tier == SEGMENT:
        return names.SEGMENTS[index % len(names.SEGMENTS)]
    return rng.choice(sorted(names.INDUSTRY_NOUNS))


def _country(rng: random.Random, tier: str) -> str:
    roll = rng.random()
    us, ca = (0.74, 0.12) if tier == SEGMENT else (0.70, 0.10)
    if roll < us:
        return "US"
    if roll < us + ca:
        return "CA"
    return rng.choice(names.COUNTRIES_ELSEWHERE)


def _employees(rng: random.Random, tier: str) -> int:
    """Head counts spread like real lists: many mid-size, a long tail of large ones.

    Segment accounts start at 120, so some fall below the SAL definition's 200.
    """
    low, high, typical = {
        STRATEGIC: (1_500, 60_000, 8_000),
        SEGMENT: (120, 6_000, 900),
        WATCH: (30, 4_000, 400),
    }[tier]
    value = int(typical * rng.lognormvariate(0, 0.8))
    return max(low, min(high, value // 10 * 10))


def _settle_names(world: World, stems: list[str]) -> None:
    """Redraw names the importer would report as possible duplicates of another.

    The demo's accounts are all different companies; a near-duplicate
    warning on import would teach the user to ignore that warning.
    """
    rng = world.rng
    while True:
        groups = duplicate_candidates((a.key, a.name) for a in world.accounts)
        clashing = {key for group in groups for key in list(group.keys)[1:]}
        seen: set[str] = set()
        redrawn = False
        for index, account in enumerate(world.accounts):
            if account.key in clashing or account.key in seen:
                if not stems:
                    raise DemoError("ran out of company names; add syllables to slatui.demo.names")
                world.accounts[index] = _account(
                    rng, stems.pop(), account.tier, account.industry, account.country
                )
                redrawn = True
            seen.add(world.accounts[index].key)
        if not redrawn:
            return


def _assign_owners(world: World) -> None:
    rng = world.rng
    strategic_reps = names.SALES_REPS[:5]
    segment_reps = names.SALES_REPS[5:]
    us = [a.key for a in world.tier(STRATEGIC) if a.country == "US"]
    without = set(rng.sample(us, OWNERLESS))
    for index, account in enumerate(world.accounts):
        owner: str | None
        if account.tier == STRATEGIC:
            owner = None if account.key in without else strategic_reps[index % 5]
        elif account.tier == SEGMENT:
            owner = rng.choice(segment_reps) if rng.random() < 0.9 else None
        else:
            owner = rng.choice(names.SALES_REPS) if rng.random() < 0.15 else None
        world.accounts[index] = dataclasses.replace(account, owner=owner)


# ---------------------------------------------------------------- contacts


def _committee(rng: random.Random, account: AccountRow, index: int) -> list[tuple[str, str]]:
    """Titles and names of the account's contacts; the first is always a decision maker."""
    size = {STRATEGIC: (4, 6), SEGMENT: (3, 4), WATCH: (2, 4)}[account.tier]
    titles = [_decision_maker(rng, account)]
    if account.tier == STRATEGIC and index % 3 == 1:
        titles.append(rng.choice(names.HEAD_OF_TITLES))
    while len(titles) < rng.randint(*size):
        titles.append(_member(rng, account))
    people: list[tuple[str, str]] = []
    used: set[str] = set()
    for title in titles:
        person = _person(rng)
        while person in used:
            person = _person(rng)
        used.add(person)
        people.append((title, person))
    return people


def _decision_maker(rng: random.Random, account: AccountRow) -> str:
    if account.country in names.SPANISH_SPEAKING and rng.random() < 0.6:
        return rng.choice(names.SPANISH_DECISION_MAKER_TITLES)
    return rng.choice(names.DECISION_MAKER_TITLES)


def _member(rng: random.Random, account: AccountRow) -> str:
    roll = rng.random()
    if roll < 0.02:
        return rng.choice(names.ODD_TITLES)
    if roll < 0.08:
        return rng.choice(names.HEAD_OF_TITLES)
    if roll < 0.20:
        return _decision_maker(rng, account)
    return rng.choice(names.OTHER_TITLES)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.LAST_NAMES)}"


def _contact(account: AccountRow, key: str, title: str, person: str) -> ContactRow:
    first, last = person.lower().split(" ", 1)
    return ContactRow(
        key=key,
        account=account.key,
        title=title,
        name=person,
        email=f"{first}.{last}@{account.domain}",
    )
