"""The escalations the demo pilot plants on purpose, as data a test can check.

A demo that only looks busy proves nothing. Each escalation kind of the
agreement is planted at least once, at a moment worked out with the clock
rules of DESIGN §4, so a test (and the compliance tests to come) can say
"this escalation must be due, for this subject, at this moment" rather than
"something fired".

The rules as the demo reads them (DESIGN §3), evaluated as of the pilot's end:

- `overdue`: a SAL (`subject` is its lead id) with no `call`, `sales_email`
  or `meeting` carrying the same lead within the escalation's `after` (48h,
  wall clock) of `sal_notified`. `due` = notified + after.
- `missed`: the volume commitment below its `min` in `consecutive` closed
  months in a row (`subject` is the commitment, `periods` the months). `due` = the
  end of the last of them (local midnight).
- `engaged_unanswered`: a touch (a type of the SAL definition's touchpoints)
  on an account that has at least `min_touches` touches in the `window` up to
  it, and no sales touch on the account in the `after` that follows it.
  `subject` is the account, `started` the touch, `due` = touch + after.
- `engaged_no_conversion`: the same engagement, and no `opportunity_created`
  on the account in the `after` (90d) that follows; `due` = touch + after.
- `rejected_share`: at least `min` of the SALs notified in a month rejected
  (`subject` is the month, "2026-11"); `due` = the end of the month.

Outside these cases the generator keeps the data clean under the same
rules: no other SAL goes 48h without contact, no other account's
engagement goes unanswered or (within the pilot) unconverted, and no other
month reaches the rejection share, so a compliance screen on the demo shows
exactly these escalations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

EscalationKind = Literal[
    "overdue", "missed", "engaged_unanswered", "engaged_no_conversion", "rejected_share"
]


@dataclass(frozen=True)
class PlantedCase:
    """One escalation the demo pilot is built to trigger.

    `started` is when the rule began to watch (the SAL's notification, the
    engaging touch, the first missed month's start); `due` is the moment the
    escalation becomes due. Both are aware UTC datetimes.
    """

    kind: EscalationKind
    escalation: str
    subject: str
    started: dt.datetime
    due: dt.datetime
    story: str
    account: str | None = None
    lead: str | None = None
    tier: str | None = None
    periods: tuple[str, ...] = ()

    def line(self, zone: dt.tzinfo) -> str:
        """One line for people: the kind, the escalation, the subject, when, and why."""
        when = self.due.astimezone(zone).strftime("%a %Y-%m-%d %H:%M %Z")
        return f"{self.kind} ({self.escalation}): {self.subject}, due {when}: {self.story}"
