"""Verdicts that arrive after a period closed, and times in the agreement's zone.

Written as disputes against the engine (each docstring tells what it used to
say); the engine now gives the hand-worked figures: a reversed rejection is
no rejection, and an escalation raised on a verdict reached after the close
is due from that verdict, never before it.
"""

from __future__ import annotations

from pathlib import Path

from .hand import build, commitment, raised


def test_a_reversed_rejection_is_not_a_rejection_for_the_escalation(tmp_path: Path) -> None:
    """`rejected_share` and the SAL audit disagree on the same month in one JSON.

    Fixture rejected_share/ plus events_reversal.csv: R14 (notified 6 Nov) is
    rejected on 20 Nov ("no budget this year") and accepted on 25 Nov (the
    rejection reversed). As of 2 Dec, November's SALs R11-R14 stand: R11 and R13
    rejected, R12 and R14 accepted: 2 of 4 = 0.5. The `sal_audit` of the same
    `slatui compliance --json` says exactly that (latest verdict per SAL:
    rejected 2, share 0.5), but the escalation's `why` says "3 of 4 SALs of
    2026-11 rejected": `evaluate._Context.rejections` counts every lead that
    was *ever* rejected. DESIGN §3: "at least `min` of a period's SALs
    rejected" - a SAL accepted after a reversal is not rejected. With a
    threshold of 0.75 this would raise an escalation on a month the audit
    shows at 0.5.
    """
    ws = build(tmp_path, "rejected_share", events=("events.csv", "events_reversal.csv"))
    report = ws.compliance("2026-12-02T00:00", "2026-11")
    audit = report["sal_audit"]
    assert (audit["rejected"], audit["rejection_share"]) == (2, 0.5)
    (november,) = [e for e in raised(report, "sal-rejections") if e["subject"] == "2026-11"]
    assert november["why"] == "2 of 4 SALs of 2026-11 rejected"


def test_a_share_reached_after_the_close_is_raised_when_it_is_reached(tmp_path: Path) -> None:
    """A rejected_share escalation says it was open before the event that raised it.

    Fixture rejected_share/ plus events_late.csv: October's cohort R01-R04 had
    1 rejection (R01, 27 Oct) when October closed (1 Nov 00:00 EDT): 0.25,
    nothing raised. On Mon 2 Nov 10:00 EST sales rejects R03, an October SAL:
    2 of 4 = 0.5 >= 0.5. As of 2 Nov 09:59 nothing is raised (right); as of
    10:01 it is raised, but with `since` = 2026-11-01T00:00:00-04:00, 34 hours
    before the rejection that caused it, a moment at which `slatui compliance`
    itself showed no escalation. Hand figure: since = the later of the period's
    close and the rejection that brought the share to `min`, 2026-11-02 10:00
    EST (the engine uses the period's end, `Raised(..., period.end, ...)`).
    """
    ws = build(tmp_path, "rejected_share", events=("events.csv", "events_late.csv"))
    assert [e for e in raised(ws.compliance("2026-11-02T09:59"), "sal-rejections")] == []
    (october,) = raised(ws.compliance("2026-11-02T10:01"), "sal-rejections")
    assert october["subject"] == "2026-10"
    assert october["since"] == "2026-11-02T10:00:00-05:00"


def test_a_month_missed_after_it_closed_is_raised_when_it_turns_missed(tmp_path: Path) -> None:
    """A `missed` escalation says it was open before the month was missed.

    Fixture missed_after_close/: `contact-1bd` (1bd, Mon-Fri 09:00-17:00 New
    York) and `contact-missed` (missed in 1 closed month). November: X1 (Tue 10
    Nov 10:00, called 11:00: on time) and X2 (Mon 30 Nov 16:00, never answered:
    due Tue 1 Dec 16:00 EST). As of 1 Dec 15:59 November is closed and met (X2
    is open, not yet overdue: left out, DESIGN §4) and nothing is raised. As of
    16:00:01 X2 is overdue, counts as late, November becomes missed (1 of 2) and
    the escalation appears - with `since` = 2026-12-01T00:00:00-05:00, the
    month's end, 16 hours before the month was missed and a moment at which the
    tool itself showed November as met with no escalation. Hand figure: since =
    the moment the closed month turned missed, X2's deadline 2026-12-01 16:00
    EST. (The same rule, `since` = the period's end, gives the right moment in
    test_hand_missed_streak.py, where the month is already missed when it closes.)
    """
    ws = build(tmp_path, "missed_after_close")
    before = ws.compliance("2026-12-01T15:59", "2026-11")
    assert commitment(before, "contact-1bd")["status"] == "met"
    assert raised(before, "contact-missed") == []
    after = ws.compliance("2026-12-01T16:00:01", "2026-11")
    figure = commitment(after, "contact-1bd")
    assert (figure["status"], figure["actual"]) == ("missed", 0.5)
    (missed,) = raised(after, "contact-missed")
    assert missed["since"] == "2026-12-01T16:00:00-05:00"


def test_every_time_of_one_report_carries_the_agreement_zone(tmp_path: Path) -> None:
    """One `slatui compliance --json` mixes UTC and the agreement's zone.

    `missed`, `engaged_*` and `rejected_share` escalations give `since` with the
    agreement zone's offset (2026-12-01T00:00:00-05:00, as the README's example
    shows), but `overdue` escalations give `since`, `resolved_at` and the `why`
    in UTC (+00:00), and so do the items of `slatui compliance items` (start,
    stop, deadline). The instants are right (the hand tests compare instants);
    the offsets are not those of the zone that DESIGN §4 says places the
    calendar ("every displayed time carries its zone"; `clock deadline --json`
    uses the agreement zone's offset). Fixture weekend_holiday/: L1's overdue
    escalation (Fri 20 Nov 16:00 EST + 48h) since Sun 22 Nov 16:00 EST, and
    its 4bh deadline Mon 23 Nov 12:00 EST.
    """
    ws = build(tmp_path, "weekend_holiday")
    report = ws.compliance("2026-12-02T00:00", "2026-11")
    assert commitment(report, "contact-4bh")["period"]["end"] == "2026-12-01T00:00:00-05:00"
    l1 = next(e for e in raised(report, "no-contact-4bh") if e["subject"] == "L1")
    deadline = ws.items("contact-4bh", "2026-12-02T00:00")["L1"]["deadline"]
    assert (l1["since"], deadline) == (
        "2026-11-22T16:00:00-05:00",
        "2026-11-23T12:00:00-05:00",
    )
