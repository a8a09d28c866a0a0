"""The SAL hand-offs of the demo, written down as a script.

The SALs carry three of the planted escalations and most of the story, so
they are not left to chance: each month's hand-offs are listed here with how
sales answers them. Chance only picks the account, the contact and the
minute. The script reads, month by month:

- August (history): two Tier 2 SALs (the volume commitment's min), both
  accepted; both become opportunities, one is won in November.
- September: three Tier 2 SALs (met), four Tier 1; one Tier 1 SAL answered
  late but within 48h.
- October: one Tier 2 SAL (missed), six Tier 1; two rejected.
- November, the pilot: one Tier 2 SAL (missed again: the `missed` escalation)
  answered days later (`overdue`); nine Tier 1 SALs, of which one is never
  answered (`overdue`), one is handed off on a Friday afternoon and answered
  on Monday morning (on time by the 1bd clock, overdue by the 48h wall clock
  of the escalation, which runs through the weekend),
  and six of the ten SALs are rejected (`rejected_share`): two "not a
  decision maker" (Head of ... titles the agreement's rule makes VPs), two
  "wrong territory" (Canadian accounts the definition lets through), one
  "no budget this year" and the late Tier 2 one, "bad timing".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from slatui.demo.rules import SEGMENT, STRATEGIC

Answer = Literal["on_time", "late", "overdue", "never", "weekend"]
"""How sales answers: within 1bd; after 1bd but within 48h; after 48h; never;
or a Friday hand-off answered Monday (on time in business days, past 48h)."""

Who = Literal["decision_maker", "head_of", "territory"]
"""Whom marketing hands off: a VP+ in the US, a "Head of ..." in the US, or a
VP+ at a Canadian account."""

ACCEPTED = "accepted"
NOT_A_DECISION_MAKER = "not a decision maker"
WRONG_TERRITORY = "wrong territory"
NO_BUDGET = "no budget this year"
IN_PIPELINE = "already in pipeline"
BAD_TIMING = "bad timing"

WON, LOST = "closed_won", "closed_lost"


@dataclass(frozen=True)
class SalPlan:
    """One hand-off: when (month of the story, day range), to whom, and what follows.

    `verdict` is ACCEPTED, a rejection reason, or None (sales never says);
    `opportunity` is days from notification to `opportunity_created`;
    `close` is the deal's end and its days after the opportunity.
    """

    month: int
    days: tuple[int, int]
    tier: str
    answer: Answer = "on_time"
    verdict: str | None = ACCEPTED
    slow_verdict: bool = False
    who: Who = "decision_maker"
    opportunity: int | None = None
    close: tuple[str, int] | None = None


AUG, SEP, OCT, NOV = 0, 1, 2, 3
_EARLY_AUG, _LATE_AUG = (10, 14), (17, 26)
_SEP, _OCT, _NOV, _NOV_FRIDAYS = (15, 28), (1, 22), (2, 20), (5, 21)

SCRIPT: tuple[SalPlan, ...] = (
    SalPlan(AUG, _EARLY_AUG, SEGMENT, opportunity=24, close=(WON, 62)),
    SalPlan(AUG, _LATE_AUG, SEGMENT, opportunity=20, close=(LOST, 38)),
    SalPlan(SEP, _SEP, SEGMENT, opportunity=21),
    SalPlan(SEP, _SEP, SEGMENT),
    SalPlan(SEP, _SEP, SEGMENT, verdict=IN_PIPELINE),
    SalPlan(SEP, _SEP, STRATEGIC, opportunity=16, close=(WON, 40)),
    SalPlan(SEP, _SEP, STRATEGIC, answer="late"),
    SalPlan(SEP, _SEP, STRATEGIC, opportunity=25),
    SalPlan(SEP, _SEP, STRATEGIC, verdict=NO_BUDGET),
    SalPlan(OCT, _OCT, SEGMENT, slow_verdict=True, opportunity=26),
    SalPlan(OCT, _OCT, STRATEGIC, opportunity=22),
    SalPlan(OCT, _OCT, STRATEGIC),
    SalPlan(OCT, _OCT, STRATEGIC, verdict=BAD_TIMING),
    SalPlan(OCT, _OCT, STRATEGIC, verdict=NOT_A_DECISION_MAKER, who="head_of"),
    SalPlan(OCT, _OCT, STRATEGIC, opportunity=18),
    SalPlan(OCT, _OCT, STRATEGIC),
    SalPlan(NOV, _NOV, SEGMENT, answer="overdue", verdict=BAD_TIMING, slow_verdict=True),
    SalPlan(NOV, _NOV, STRATEGIC, answer="never", verdict=None),
    SalPlan(NOV, _NOV_FRIDAYS, STRATEGIC, answer="weekend"),
    SalPlan(NOV, _NOV, STRATEGIC, answer="late"),
    SalPlan(NOV, _NOV, STRATEGIC, verdict=NOT_A_DECISION_MAKER, who="head_of"),
    SalPlan(NOV, _NOV, STRATEGIC, verdict=NOT_A_DECISION_MAKER, who="head_of"),
    SalPlan(NOV, _NOV, STRATEGIC, verdict=WRONG_TERRITORY, who="territory"),
    SalPlan(NOV, _NOV, STRATEGIC, verdict=WRONG_TERRITORY, who="territory"),
    SalPlan(NOV, _NOV, STRATEGIC, verdict=NO_BUDGET),
    SalPlan(NOV, _NOV, STRATEGIC),
)
"""Every SAL of the demo, in the order their accounts are picked."""
