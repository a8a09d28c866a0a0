"""A promised range, "2 to 3 SALs a month from Tier 2", judged month by month.

Fixture: tests/fixtures/compliance/count_range/. Accounts: acme (t1), initech
and umbrella (t2). `t2-sal-volume`: tier 2, sal_notified, min 2, max 3 per
month; `any-sal-volume`: every tier and events without an account, min 1,
max 5. Months are calendar months in America/New_York: September and October
2026 in EDT (UTC-4), November starts EDT and ends EST, December EST (UTC-5).
An event counts in the period holding its instant, start included, end not.
"""

from __future__ import annotations

import pytest

from .hand import Workspace, build, commitment

AFTER = "2026-12-16T00:00"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return build(tmp_path_factory.mktemp("count_range"), "count_range")


def test_september_below_the_range_is_missed(ws: Workspace) -> None:
    figure = commitment(ws.compliance(AFTER, "2026-09"), "t2-sal-volume")
    # September: S01 (initech, 15 Sep) only: 1 < 2, missed.
    assert figure["period"] == {
        "label": "2026-09",
        "start": "2026-09-01T00:00:00-04:00",
        "end": "2026-10-01T00:00:00-04:00",
    }
    assert (figure["status"], figure["actual"], figure["target"]) == ("missed", 1.0, 2.0)
    assert "above_range" not in figure


def test_october_at_the_top_of_the_range_is_met_and_the_edges_count(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-10")
    figure = commitment(report, "t2-sal-volume")
    # October, tier 2: S02 (1 Oct 00:00 EDT, the month's first instant), S03 (20 Oct)
    # and S05 (31 Oct 23:59 EDT, its last minute) = 3; S04 is acme's, tier 1: not
    # counted. 2 <= 3 <= 3: met, not above the range.
    assert (figure["status"], figure["actual"], figure["target"]) == ("met", 3.0, 2.0)
    assert "above_range" not in figure
    # Without a tier: S02, S03, S04, S05 = 4, within 1-5.
    anyone = commitment(report, "any-sal-volume")
    assert (anyone["status"], anyone["actual"]) == ("met", 4.0)


def test_november_above_the_range_stays_met_and_is_flagged(ws: Workspace) -> None:
    report = ws.compliance(AFTER, "2026-11")
    figure = commitment(report, "t2-sal-volume")
    # November, tier 2: S06, S07, S08 and S09 (30 Nov 23:59 EST) = 4 > max 3: the
    # status stays met, flagged above_range (sales capacity may be short). S10 has
    # no account, so no tier: not Tier 2's. S11 (1 Dec 00:00 EST) is December's.
    assert (figure["status"], figure["actual"], figure["above_range"]) == ("met", 4.0, True)
    # Without a tier S10 counts too: 5, at the top of 1-5, not above it.
    anyone = commitment(report, "any-sal-volume")
    assert (anyone["status"], anyone["actual"]) == ("met", 5.0)
    assert "above_range" not in anyone


def test_the_current_month_is_on_track_then_at_risk_never_missed(ws: Workspace) -> None:
    # December so far: S11 only. As of Wed 16 Dec 00:00 EST, 15 of December's 31
    # days (no DST change) have passed: pace 2 x 15/31 = 0.968 <= 1: on track.
    early = commitment(ws.compliance("2026-12-16T00:00"), "t2-sal-volume")
    assert early["period"]["label"] == "2026-12"
    assert (early["status"], early["actual"], early["reason"]) == (
        "on_track",
        1.0,
        "pace so far 0.967742",
    )
    # A day later, 2 x 16/31 = 1.032 > 1: at risk (never missed before it ends).
    later = commitment(ws.compliance("2026-12-17T00:00"), "t2-sal-volume")
    assert (later["status"], later["reason"]) == ("at_risk", "pace so far 1.03226")
    # min 1 without a tier: S11 already reaches the whole month's minimum: met.
    assert commitment(ws.compliance("2026-12-17T00:00"), "any-sal-volume")["status"] == "met"
