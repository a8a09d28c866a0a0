"""The definition of a sales-accepted lead, one condition per line.

Sales rejects leads against this list, so each condition says exactly what
the audit checks: levels, tiers by name, numbers and windows with units.
"""

from __future__ import annotations

from slatui.contract.model import Contract, Firmographics, SalDefinition, Touchpoints
from slatui.contract.types import SENIORITIES
from slatui.markdown import words
from slatui.markdown.escape import code, inline
from slatui.markdown.words import Wording


def section(contract: Contract, wording: Wording) -> list[str]:
    """An intro sentence and the list of conditions, or a note that none is agreed."""
    sal = contract.sal
    if sal is None:
        return ["No SAL definition agreed yet."]
    items = [
        _seniority(sal),
        _functions(sal),
        _tiers(sal, contract),
        _firmographics(sal.firmographics),
        _touchpoints(sal.touchpoints, wording),
        _interest(sal),
        _titles(sal),
    ]
    listed = "\n".join(f"- {item}" for item in items if item)
    return ["A contact is a sales-accepted lead (SAL) when all of these hold:", listed]


def _seniority(sal: SalDefinition) -> str | None:
    if sal.min_seniority is None:
        return None
    ladder = ", ".join(words.seniority(level) for level in SENIORITIES)
    level = words.seniority(sal.min_seniority)
    return f"**Seniority:** {level} or above (from low to high: {ladder})."


def _functions(sal: SalDefinition) -> str | None:
    if not sal.functions:
        return None
    names = [inline(words.humanize(f) if f.islower() else f) for f in sal.functions]
    return f"**Function:** {words.join(names, 'or')}."


def _tiers(sal: SalDefinition, contract: Contract) -> str | None:
    if not sal.tiers:
        return None
    names = []
    for tier_id in sal.tiers:
        tier = contract.tier(tier_id)
        names.append(f"{inline(tier.name)} (`{tier_id}`)" if tier else f"`{tier_id}`")
    return f"**Account tier:** {words.join(names, 'or')}."


def _firmographics(firm: Firmographics | None) -> str | None:
    if firm is None:
        return None
    low, high = firm.min_employees, firm.max_employees
    if low is not None and high is not None:
        size = f"{words.number(low)} to {words.number(high)} employees"
    elif low is not None:
        size = f"at least {words.number(low)} employees"
    elif high is not None:
        size = f"at most {words.number(high)} employees"
    else:
        size = "any size"
    industry = words.join([inline(i) for i in firm.industries], "or") or "any industry"
    country = words.join([inline(c) for c in firm.countries], "or")
    place = f"based in {country}" if country else "any country"
    return f"**Firmographics:** {size}; {industry}; {place}."


def _touchpoints(touch: Touchpoints | None, wording: Wording) -> str | None:
    if touch is None:
        return None
    kinds = f"of these types: {words.events(touch.types)}" if touch.types else "of any type"
    plain = f"at least {touch.min} touchpoints within {wording.duration(touch.within)}, {kinds}."
    return f"**Engagement:** {inline(plain)}"


def _interest(sal: SalDefinition) -> str | None:
    if not sal.interest_signals:
        return None
    signals = words.events(sal.interest_signals)
    return f"**Interest:** at least one explicit interest signal: {signals}."


def _titles(sal: SalDefinition) -> str | None:
    rules = [
        f"{words.join([code(t) for t in titles], 'or')} "
        f"{'counts' if len(titles) == 1 else 'count'} as {words.seniority(level)}"
        for level, titles in sal.titles.items()
        if titles
    ]
    if not rules:
        return None
    wildcard = any("*" in t for titles in sal.titles.values() for t in titles)
    note = " (`*` matches any text)" if wildcard else ""
    return f"**Titles the classifier cannot place{note}:** {'; '.join(rules)}."
