"""The SAL definition criterion by criterion, each with the evidence behind its outcome.

A criterion has three outcomes, not two: data the workspace lacks (a title
the classifier cannot place, an account whose size no source gave) is
`unknown`, never a guess either way, so that an audit never blames marketing
for a hole in the CRM nor lets a hole pass as a fit. Only the criteria the
definition sets are checked; an empty list in the contract means "any".

Seniority and function come from the contact's title, read again under the
definition's own `[sal.titles]` rules: the audit judges by the definition in
hand, not by whatever rules were in force when the contacts were imported.
The seniority stored with a contact is used only when it has no title.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from slatui.contract.model import Firmographics, SalDefinition
from slatui.pilot.records import SENIORITY_ORDER
from slatui.sal_facts import AccountFacts, Activity, ContactFacts
from slatui.sal_window import Window
from slatui.titles import TitleClass, classify
from slatui.workcal import WorkCalendar

Outcome = Literal["pass", "fail", "unknown"]
LISTED_EVENTS = 5  # evidence names at most this many events, then says how many more
_ANY_FIRM = Firmographics()


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's outcome and the facts a person can check it against."""

    name: str
    outcome: Outcome
    evidence: str


@dataclass(frozen=True)
class Subject:
    """Who is checked and as of when: a hand-off at its notice, a candidate at the period end.

    `*_gap` says why the contact or account is missing, as the evidence of
    the criteria that need it. `touches` and `signals` may hold events of
    other types (the same list can be passed as both): each criterion picks
    its own types.
    """

    at: dt.datetime
    anchor: str
    contact: ContactFacts | None
    contact_gap: str
    account: AccountFacts | None
    account_gap: str
    touches: Sequence[Activity]
    signals: Sequence[Activity]


@dataclass(frozen=True)
class _Placement:
    seniority: str | None
    function: str | None
    source: str


@dataclass
class _Case:
    """One subject under one definition: what every check reads, each part worked out once."""

    definition: SalDefinition
    cal: WorkCalendar
    subject: Subject

    @functools.cached_property
    def window(self) -> Window | None:
        """The touchpoints' window ending at the subject's instant (None: no window set)."""
        rule = self.definition.touchpoints
        return None if rule is None else Window.ending(self.cal, self.subject.at, rule.within)

    @functools.cached_property
    def placement(self) -> _Placement | None:
        """The contact's seniority and function, None without a contact."""
        contact = self.subject.contact
        return None if contact is None else _place(self.definition, contact)


Check = Callable[[_Case], CriterionResult]


def check_all(
    definition: SalDefinition,
    cal: WorkCalendar,
    subject: Subject,
    *,
    stop_at_first_miss: bool = False,
) -> tuple[CriterionResult, ...]:
    """One result per criterion the definition sets, in the order DESIGN §3 lists them.

    With `stop_at_first_miss`, the results end at the first one that does not
    pass: enough to know a subject does not meet the definition, at a
    fraction of the cost when thousands of contacts are sifted for the few
    who do.
    """
    case = _Case(definition, cal, subject)
    results: list[CriterionResult] = []
    for check in _checks(definition):
        results.append(check(case))
        if stop_at_first_miss and results[-1].outcome != "pass":
            break
    return tuple(results)


def _checks(definition: SalDefinition) -> list[Check]:
    firm = definition.firmographics or _ANY_FIRM
    wanted: list[tuple[bool, Check]] = [
        (definition.min_seniority is not None, _seniority),
        (bool(definition.functions), _function),
        (bool(definition.tiers), _tier),
        (firm.min_employees is not None or firm.max_employees is not None, _employees),
        (bool(firm.industries), _industry),
        (bool(firm.countries), _country),
        (definition.touchpoints is not None, _touchpoints),
        (bool(definition.interest_signals), _interest),
    ]
    return [check for applies, check in wanted if applies]


# ---------------------------------------------------------------- the person


def _place(definition: SalDefinition, contact: ContactFacts) -> _Placement:
    if contact.title is None or not contact.title.strip():
        source = f"contact {contact.key} has no title; seniority as stored"
        return _Placement(contact.seniority, contact.function, source)
    rules = tuple((str(level), tuple(patterns)) for level, patterns in definition.titles.items())
    placed = _classify(contact.title, rules)
    source = f'title "{contact.title}" ({placed.rule})'
    return _Placement(placed.seniority, placed.function or contact.function, source)


@functools.lru_cache(maxsize=65_536)
def _classify(title: str, rules: tuple[tuple[str, tuple[str, ...]], ...]) -> TitleClass:
    """`classify`, remembered: thousands of contacts share a few hundred titles."""
    return classify(title, dict(rules))


def _seniority(case: _Case) -> CriterionResult:
    """Against `min_seniority` on the ladder ic < manager < director < vp < c_level."""
    minimum = case.definition.min_seniority
    placed = case.placement
    assert minimum is not None
    if placed is None:
        return CriterionResult("seniority", "unknown", case.subject.contact_gap)
    if placed.seniority not in SENIORITY_ORDER:
        evidence = f"{placed.source}: no seniority; a [sal.titles] rule can place it"
        return CriterionResult("seniority", "unknown", evidence)
    assert placed.seniority is not None
    ok = SENIORITY_ORDER.index(placed.seniority) >= SENIORITY_ORDER.index(minimum)
    evidence = f"{placed.seniority} from {placed.source}; at least {minimum} required"
    return CriterionResult("seniority", "pass" if ok else "fail", evidence)


def _function(case: _Case) -> CriterionResult:
    """A targeted function: one of `functions`."""
    functions = case.definition.functions
    placed = case.placement
    if placed is None:
        return CriterionResult("function", "unknown", case.subject.contact_gap)
    if placed.function is None:
        return CriterionResult("function", "unknown", f"{placed.source} names no function")
    wanted = ", ".join(functions)
    ok = placed.function in functions
    verb = "is one of" if ok else "is not one of"
    evidence = f"{placed.function} from {placed.source} {verb} {wanted}"
    return CriterionResult("function", "pass" if ok else "fail", evidence)


# ---------------------------------------------------------------- the account


def _tier(case: _Case) -> CriterionResult:
    """On the target account list: the account's tier is one of `tiers`.

    An account with no tier is unknown rather than off the list: a companies
    export without a tier column leaves it blank, and that is a gap in the
    data, not a judgement by the parties.
    """
    tiers = case.definition.tiers
    account = case.subject.account
    if account is None:
        return CriterionResult("tier", "unknown", case.subject.account_gap)
    if account.tier is None:
        return CriterionResult("tier", "unknown", f"account {account.key} carries no tier")
    wanted = ", ".join(tiers)
    ok = account.tier in tiers
    verb = "is one of" if ok else "is not one of"
    evidence = f"account {account.key} is on {account.tier}, which {verb} {wanted}"
    return CriterionResult("tier", "pass" if ok else "fail", evidence)


def _employees(case: _Case) -> CriterionResult:
    """Company size within `min_employees`..`max_employees` (either may be open)."""
    firm = case.definition.firmographics
    account = case.subject.account
    assert firm is not None
    if account is None:
        return CriterionResult("employees", "unknown", case.subject.account_gap)
    if account.employees is None:
        return CriterionResult("employees", "unknown", f"account {account.key}: size not known")
    size, low, high = account.employees, firm.min_employees, firm.max_employees
    where = f"account {account.key} has {size} employees"
    if low is not None and size < low:
        return CriterionResult("employees", "fail", f"{where}, fewer than the {low} required")
    if high is not None and size > high:
        return CriterionResult("employees", "fail", f"{where}, more than the {high} allowed")
    return CriterionResult("employees", "pass", f"{where}{_range_text(low, high)}")


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f" ({low} to {high} required)"
    return f" (at least {low} required)" if low is not None else f" (at most {high} allowed)"


def _industry(case: _Case) -> CriterionResult:
    """One of the definition's industries; compared without case."""
    firm = case.definition.firmographics
    account = case.subject.account
    assert firm is not None
    return _listed("industry", firm.industries, account.industry if account else None, case.subject)


def _country(case: _Case) -> CriterionResult:
    """One of the definition's countries; compared without case, as written (no code lookup)."""
    firm = case.definition.firmographics
    account = case.subject.account
    assert firm is not None
    return _listed("country", firm.countries, account.country if account else None, case.subject)


def _listed(
    name: str, wanted: Sequence[str], value: str | None, subject: Subject
) -> CriterionResult:
    if subject.account is None:
        return CriterionResult(name, "unknown", subject.account_gap)
    key = subject.account.key
    if value is None or not value.strip():
        return CriterionResult(name, "unknown", f"account {key}: {name} not known")
    ok = value.strip().casefold() in {w.strip().casefold() for w in wanted}
    verb = "is one of" if ok else "is not one of"
    evidence = f"account {key}: {name} {value} {verb} {', '.join(wanted)}"
    return CriterionResult(name, "pass" if ok else "fail", evidence)


# ---------------------------------------------------------------- engagement


def _touchpoints(case: _Case) -> CriterionResult:
    """At least `min` touchpoints of the listed types in the window before the instant.

    Counts add up the events' quantity (DESIGN §4), so a row carrying 3
    clicks is 3 touchpoints. The evidence names the touches counted, so a
    reader can see which ones fell inside the window.
    """
    rule, window, subject = case.definition.touchpoints, case.window, case.subject
    assert rule is not None and window is not None
    if not rule.types:
        return CriterionResult("touchpoints", "unknown", "the definition lists no touchpoint types")
    types = set(rule.types)
    counted = [a for a in subject.touches if a.type in types and a.occurred_at in window]
    total = sum(a.quantity for a in counted)
    evidence = (
        f"{_number(total)} in the {rule.within.words()} before {subject.anchor} "
        f"(at least {rule.min} required){_listing(case.cal, counted)}"
    )
    return CriterionResult("touchpoints", "pass" if total >= rule.min else "fail", evidence)


def _interest(case: _Case) -> CriterionResult:
    """At least one interest signal in the touchpoints' window (any time before, without one).

    The definition reads as one sentence ("engaged ... in the last 30 days,
    and shows explicit interest"), so the signal is held to the same window;
    an event that is both (a content download) counts for both.
    """
    signals, subject, window = set(case.definition.interest_signals), case.subject, case.window
    found = [
        a
        for a in subject.signals
        if a.type in signals and a.quantity > 0 and _inside(a.occurred_at, subject.at, window)
    ]
    rule = case.definition.touchpoints
    span = "any time" if rule is None else f"in the {rule.within.words()}"
    if found:
        evidence = f"{span} before {subject.anchor}{_listing(case.cal, found)}"
        return CriterionResult("interest_signal", "pass", evidence)
    wanted = ", ".join(case.definition.interest_signals)
    return CriterionResult("interest_signal", "fail", f"no {wanted} {span} before {subject.anchor}")


def _inside(moment: dt.datetime, end: dt.datetime, window: Window | None) -> bool:
    return moment <= end if window is None else moment in window


def _listing(cal: WorkCalendar, activities: Sequence[Activity]) -> str:
    ordered = sorted(activities, key=lambda a: a.occurred_at)
    named = [f"{a.type} {when(cal, a.occurred_at)}" for a in ordered[:LISTED_EVENTS]]
    more = len(ordered) - len(named)
    if more:
        named.append(f"{more} more")
    return f": {', '.join(named)}" if named else ""


def when(cal: WorkCalendar, moment: dt.datetime) -> str:
    """An instant as the agreement's zone shows it, zone named (DESIGN §4)."""
    return moment.astimezone(cal.zone).strftime("%Y-%m-%d %H:%M %Z")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
