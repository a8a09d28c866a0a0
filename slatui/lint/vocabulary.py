"""unknown-event: an event type that looks like a misspelt known one.

An event type nobody logs leaves its commitment at no_data forever, silently.
New names are legitimate (teams log their own deliverables), so only a name
close to a known one is flagged: `sal_notifed` is a typo, `board_pack` is not.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from slatui.contract.model import Contract
from slatui.events import KNOWN_EVENT_TYPES
from slatui.lint.clauses import event_keys, label
from slatui.lint.warning import LintWarning

CUTOFF = 0.85
"""difflib similarity above which a name counts as a misspelling (one or two letters off)."""

_KNOWN = sorted(KNOWN_EVENT_TYPES)


def unknown_events(contract: Contract) -> Iterator[LintWarning]:
    """Misspelt event types in commitments, escalations and the SAL definition."""
    yield from _in_sal(contract)
    for index, commitment in enumerate(contract.commitments):
        for key, event in event_keys(commitment):
            yield from _check(f"commitments[{index}].{key}", label(commitment), event)
    for index, escalation in enumerate(contract.escalations):
        for position, event in enumerate(getattr(escalation, "sales_touches", [])):
            path = f"escalations[{index}].sales_touches[{position}]"
            yield from _check(path, f'escalation "{escalation.id}"', event)


def _in_sal(contract: Contract) -> Iterator[LintWarning]:
    sal = contract.sal
    if sal is None:
        return
    for position, event in enumerate(sal.interest_signals):
        yield from _check(f"sal.interest_signals[{position}]", "SAL definition", event)
    if sal.touchpoints is not None:
        for position, event in enumerate(sal.touchpoints.types):
            yield from _check(f"sal.touchpoints.types[{position}]", "SAL definition", event)


def _check(path: str, clause: str, event: str) -> Iterator[LintWarning]:
    if event in KNOWN_EVENT_TYPES:
        return
    close = difflib.get_close_matches(event, _KNOWN, n=1, cutoff=CUTOFF)
    if close:
        yield _misspelt(path, clause, event, close[0])


def _misspelt(path: str, clause: str, event: str, known: str) -> LintWarning:
    return LintWarning(
        rule="unknown-event",
        path=path,
        clause=clause,
        message=(
            f'"{event}" is not a known event type; did you mean "{known}"? '
            "A type no import produces leaves the clause with no data, never met"
        ),
        advice=f'write "{known}", or keep "{event}" if your imports really log that type',
    )
