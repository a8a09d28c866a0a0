"""`missed` in consecutive closed months: raised when the streak ends, resolved by a met month."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from slatui.compliance.periods import Period, parse_period
from slatui.compliance.streaks import missed_streaks
from slatui.compliance.volume import Status
from slatui.contract.model import MissedEscalation

NY = ZoneInfo("America/New_York")
RULE = MissedEscalation.model_validate(
    {
        "id": "sal-volume-missed",
        "raised_by": "sales",
        "to": "CMO",
        "when": "missed",
        "commitment": "t2-mkt-sal-volume",
        "consecutive": 2,
    }
)


def months(*statuses: Status) -> list[tuple[Period, Status]]:
    labels = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01"]
    return [(parse_period(label, NY), s) for label, s in zip(labels, statuses, strict=False)]


def test_two_missed_months_raise_at_the_end_of_the_second() -> None:
    # The demo's tier 2: 2 and 3 SALs (met), then 1 and 1 (missed): raised at
    # 1 Dec 2026 00:00 EST, the end of November.
    (raised,) = missed_streaks(RULE, months("met", "met", "missed", "missed"))
    assert raised.since == parse_period("2026-12", NY).start
    assert raised.why == "t2-mkt-sal-volume missed in 2026-10, 2026-11"
    assert raised.resolved_at is None


def test_one_miss_is_not_a_streak_and_a_gap_breaks_one() -> None:
    assert missed_streaks(RULE, months("missed", "met", "missed", "no_data", "missed")) == []


def test_a_met_month_resolves_it_and_a_longer_streak_raises_once() -> None:
    judged = months("missed", "missed", "missed", "met", "missed", "missed")
    first, second = missed_streaks(RULE, judged)
    # Aug + Sep missed: raised 1 Oct; October missed too (no second raise); November met:
    # resolved 1 Dec. December + January missed: raised again 1 Feb 2027.
    assert (first.since, first.resolved_at) == (
        parse_period("2026-10", NY).start,
        parse_period("2026-12", NY).start,
    )
    assert second.since == parse_period("2027-02", NY).start
