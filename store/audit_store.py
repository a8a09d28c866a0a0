"""The SAL audit's half of `Store`: hand-offs and everything they are checked against.

Reads only, each taking a whole set of keys so that the number of statements
does not grow with the number of hand-offs. The judging is the domain's
(`slatui.sal_audit`); `store.audit_run` wires the two for one period.

`audit_snapshot()` holds one read transaction across several of these calls,
so the hand-offs, their contacts and their events all come from the same
moment even while another process imports.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager

from slatui.sal_facts import AccountFacts, Activity, ContactFacts, Handoff, SalVerdict
from store import audit_queries as q
from store.connection import read_transaction
from store.db import Db


class AuditData:
    """Mixed into `Store`; relies on the attributes `Store.__init__` sets."""

    _db: Db
    _lock: threading.RLock

    @contextmanager
    def audit_snapshot(self) -> Iterator[None]:
        """One consistent view for the reads inside the block (they nest in it)."""
        with self._lock, read_transaction(self._db):
            yield

    def sal_handoffs(self, since: dt.datetime, until: dt.datetime) -> list[Handoff]:
        """The `sal_notified` events in [since, until), in occurrence order."""
        with self.audit_snapshot():
            return q.handoff_rows(self._db.conn, since, until)

    def contact_facts(self, keys: Collection[str]) -> dict[str, ContactFacts]:
        """Title, stored seniority, function and account of each contact held."""
        with self.audit_snapshot():
            return q.contact_rows(self._db.conn, keys)

    def account_facts(self, keys: Collection[str]) -> dict[str, AccountFacts]:
        """Tier, employees, industry and country of each account held."""
        with self.audit_snapshot():
            return q.account_rows(self._db.conn, keys)

    def activities(
        self,
        types: Sequence[str],
        since: dt.datetime | None,
        until: dt.datetime,
        *,
        contacts: Collection[str] = (),
        accounts: Collection[str] = (),
    ) -> list[Activity]:
        """Events of `types` in [since, until) naming one of `contacts`, or on one of
        `accounts` (with any contact or none), in occurrence order.

        Ask for a hand-off's contact; ask for its account only when it names
        no contact. An account-level event (a company-level ad report names no
        person) is therefore nobody's touchpoint but a contact-less hand-off's.
        """
        with self.audit_snapshot():
            return q.activity_rows(self._db.conn, types, since, until, contacts, accounts)

    def sal_verdicts(
        self,
        since: dt.datetime,
        until: dt.datetime,
        *,
        leads: Collection[str] = (),
        accounts: Collection[str] = (),
    ) -> list[SalVerdict]:
        """`sal_accepted` / `sal_rejected` in [since, until) with their detail (the reason),
        for these leads, or (carrying no lead) for these accounts."""
        with self.audit_snapshot():
            return q.verdict_rows(self._db.conn, since, until, leads, accounts)

    def sal_candidates(
        self,
        *,
        tiers: Sequence[str],
        touch_types: Sequence[str],
        min_touches: int,
        since: dt.datetime | None,
        until: dt.datetime,
        notified_before: dt.datetime,
    ) -> list[ContactFacts]:
        """Contacts of `tiers` (any when empty) with at least `min_touches` of `touch_types`
        in [since, until) and no `sal_notified` naming them before `notified_before`.

        A sieve, not the verdict: `slatui.sal_audit.never_handed_off` checks
        the whole definition on what it lets through.
        """
        with self.audit_snapshot():
            return q.candidate_rows(
                self._db.conn, tiers, touch_types, min_touches, since, until, notified_before
            )
