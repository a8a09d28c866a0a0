"""Attach a file's records to the accounts the workspace already holds.

Exports name an account in their own way: Salesforce by its Id, HubSpot by
its record id, LinkedIn by the company's name only, a spreadsheet by domain.
Imported as they are, a LinkedIn impression on "COCA COLA" and a Salesforce
opportunity on account `0015g00000AbCdEAAV` would be two accounts, and the
impressions would count for no tier. So each incoming account, and each
account an event or a contact refers to, is looked up among the workspace's
accounts with `AccountMatcher` (external id, then domain, then normalised
name; ambiguous matches match nothing) and rewritten to the workspace's key.

What is never done: guessing. A reference that matches no account, or
several, keeps its own key and is counted in the report as an account the
workspace does not know (import the accounts first, or map it by hand).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from slatui.accounts import MIN_SIMILAR_LENGTH, AccountMatcher, normalise_domain, normalise_name
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord

Record = AccountRecord | ContactRecord | EventRecord
MAX_EXAMPLES = 20
CLOSE_NAME = 0.8  # difflib ratio of normalised names for the "close to" hint


@dataclass(frozen=True)
class KnownAccount:
    """What the workspace knows of one account: enough to recognise it in an export."""

    key: str
    external_id: str | None = None
    domain: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What resolving did, for the import report."""

    matched: dict[str, int]  # how many references were matched, by what (external_id, ...)
    examples: list[tuple[str, str, str]]  # (as the file says it, workspace key, matched by)
    unknown: int  # distinct references the workspace holds no account for
    unknown_examples: list[tuple[str, int, str | None]]  # (reference, records, close name)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON values for the batch's stored report."""
        return {
            "matched": dict(self.matched),
            "examples": [list(e) for e in self.examples],
            "unknown": self.unknown,
            "unknown_examples": [list(e) for e in self.unknown_examples],
        }


class AccountResolver:
    """Rewrites account references to workspace keys while records stream past.

    Each distinct reference is looked up once and remembered, so a million
    events on a few thousand accounts cost one dictionary lookup each.
    """

    def __init__(self, known: Iterable[KnownAccount]) -> None:
        self._matcher: AccountMatcher[str] = AccountMatcher()
        self._keys: set[str] = set()
        self.known: tuple[KnownAccount, ...] = tuple(known)
        for account in self.known:
            self._learn(account.key, account.external_id, account.domain, account.name)
        self._resolved: dict[str, str] = {}
        self._matched: Counter[str] = Counter()
        self._examples: list[tuple[str, str, str]] = []
        self._unknown: Counter[str] = Counter()

    @property
    def holds_accounts(self) -> bool:
        """Whether there is anything to match against (else resolving is skipped)."""
        return bool(self._keys)

    def resolve(self, records: Iterable[Record]) -> Iterator[Record]:
        """The records with their account keys and references rewritten."""
        for record in records:
            if isinstance(record, AccountRecord):
                yield self._account(record)
                continue
            reference = record.account
            if reference is None:
                yield record
                continue
            key = self._resolved.get(reference)
            if key is None:
                key = self._reference(reference)
            if key != reference:
                yield replace(record, account=key)
            else:
                if key not in self._keys:
                    self._unknown[key] += 1
                yield record

    def resolution(self) -> Resolution:
        """The counts so far."""
        unknown = self._unknown.most_common()
        names = {normalise_name(a.name): a.name for a in self.known if a.name}
        return Resolution(
            matched=dict(self._matched),
            examples=list(self._examples),
            unknown=len(unknown),
            unknown_examples=[
                (said, count, _close_name(said, names)) for said, count in unknown[:MAX_EXAMPLES]
            ],
        )

    # ------------------------------------------------------------ internals

    def _account(self, record: AccountRecord) -> AccountRecord:
        if record.key in self._keys:
            return record
        key = self._resolved.get(record.key)
        if key is None:
            found = self._matcher.explain(record.external_id, record.domain, record.name)
            if found is None:
                self._learn(record.key, record.external_id, record.domain, record.name)
                self._resolved[record.key] = record.key
                return record
            key = self._remember(record.key, found.key, found.by)
        return record if key == record.key else replace(record, key=key)

    def _reference(self, reference: str) -> str:
        """A reference as an events or contacts file gives it: a key, an id, a domain or a name."""
        if reference in self._keys:
            self._resolved[reference] = reference
            return reference
        domain = normalise_domain(reference) if "." in reference and " " not in reference else None
        found = self._matcher.explain(external_id=reference, domain=domain, name=reference)
        if found is None:
            self._resolved[reference] = reference
            return reference
        return self._remember(reference, found.key, found.by)

    def _remember(self, reference: str, key: str, by: str) -> str:
        self._resolved[reference] = key
        self._matched[by] += 1
        if len(self._examples) < MAX_EXAMPLES:
            self._examples.append((reference, key, by))
        return key

    def _learn(
        self, key: str, external_id: str | None, domain: str | None, name: str | None
    ) -> None:
        self._keys.add(key)
        try:
            self._matcher.add(key, external_id, domain, name)
        except ValueError:  # an external id two accounts claim identifies neither
            self._matcher.add(key, None, domain, name)


def _close_name(reference: str, names: dict[str, str]) -> str | None:
    """A workspace account whose name is close to an unmatched reference: a hint, not a match."""
    normal = normalise_name(reference)
    if len(normal) < MIN_SIMILAR_LENGTH:
        return None
    close = difflib.get_close_matches(normal, list(names), n=1, cutoff=CLOSE_NAME)
    return names[close[0]] if close else None


def resolution_lines(resolved: dict[str, Any]) -> list[str]:
    """The report's words for a stored resolution (`Resolution.as_json`), CLI and modal alike."""
    if not resolved:
        return []
    lines = []
    matched = resolved.get("matched", {})
    if matched:
        how = ", ".join(f"{n:,} by {by.replace('_', ' ')}" for by, n in sorted(matched.items()))
        lines.append(f"{sum(matched.values()):,} matched to workspace accounts ({how})")
        for said, key, by in resolved.get("examples", [])[:5]:
            lines.append(f"  {said!r} -> {key} (by {by.replace('_', ' ')})")
    unknown = int(resolved.get("unknown", 0))
    if unknown:
        lines.append(
            f"{unknown:,} not in the workspace (kept as given; they count for no tier "
            "until their accounts are imported)"
        )
        for said, count, close in resolved.get("unknown_examples", [])[:5]:
            records = f"{count:,} record{'s' if count != 1 else ''}"
            hint = f"; close to the workspace's {close!r} (not matched)" if close else ""
            lines.append(f"  {said!r}: {records}{hint}")
    return lines
