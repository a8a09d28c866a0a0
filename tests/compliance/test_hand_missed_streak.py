"""Two consecutive missed months raise `missed` at the moment the second one closes.

Fixture: tests/fixtures/compliance/missed_streak/. `t2-sal-volume`: 2 to 3
Tier-2 SALs a month; `sal-volume-missed`: sales escalates to the CMO when it
is missed in 2 consecutive closed months. Tier-2 SALs: September 2 (S1, S2:
met), October 1 (S3; S4 is acme's, tier 1: missed), November 1 (S5: missed),
December 2 (S6 on 3 Dec, S7 on 17 Dec: met). Months close at local midnight
in America/New_York: 1 Nov 00:00 EDT (04:00 UTC), 1 Dec 00:00 EST (05:00 UTC),
1 Jan 2027 00:00 EST. A closed month is met or missed; the current one is on
track or at risk, never missed before it ends (DESIGN §4).
"""

from __future__ import annotations

from typing import Any

import pytest

from .hand import Workspace, build, commitment, raised

RULE = "sal-volume-missed"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return build(tmp_path_factory.mktemp("missed_streak"), "missed_streak")


def streak(ws: Workspace, as_of: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    report = ws.compliance(as_of)
    return commitment(report, "t2-sal-volume"), raised(report, RULE)


def test_one_missed_month_is_not_a_streak(ws: Workspace) -> None:
    # 1 Nov 00:00:01 EDT: October has closed, missed (1 < 2); September was met.
    # One miss: nothing raised.
    figure, escalations = streak(ws, "2026-11-01T00:00:01")
    assert figure["period"]["label"] == "2026-11"
    assert escalations == []
    october = commitment(ws.compliance("2026-11-01T00:00:01", "2026-10"), "t2-sal-volume")
    assert (october["status"], october["actual"]) == ("missed", 1.0)


def test_not_raised_just_before_the_second_month_closes(ws: Workspace) -> None:
    # 30 Nov 23:59:59 EST: November still runs. S5 makes 1 against a pace of 2 x
    # (almost all of the month) > 1: at risk, but not missed, so no streak yet.
    figure, escalations = streak(ws, "2026-11-30T23:59:59")
    assert (figure["period"]["label"], figure["status"], figure["actual"]) == (
        "2026-11",
        "at_risk",
        1.0,
    )
    assert escalations == []


def test_raised_at_the_instant_the_second_month_closes(ws: Workspace) -> None:
    # 1 Dec 00:00:00 EST: November is closed and missed (1 < 2), October missed too:
    # raised, since the moment November closed, 2026-12-01T00:00:00-05:00.
    for as_of in ("2026-12-01T00:00:00", "2026-12-01T00:00:01"):
        _, (raised_now,) = streak(ws, as_of)
        assert raised_now == {
            "rule": RULE,
            "kind": "missed",
            "subject": "t2-sal-volume",
            "since": "2026-12-01T00:00:00-05:00",
            "why": "t2-sal-volume missed in 2026-10, 2026-11",
            "to": "CMO",
            "raised_by": "sales",
            "open": True,
            "resolved": False,
            "resolved_at": None,
        }


def test_a_met_month_resolves_it_when_it_closes(ws: Workspace) -> None:
    # 31 Dec 23:59 EST: December already has S6 and S7, 2 >= 2: met for the current
    # month, but a streak ends only with a closed month: still open.
    figure, (open_still,) = streak(ws, "2026-12-31T23:59")
    assert (figure["status"], figure["actual"]) == ("met", 2.0)
    assert (open_still["open"], open_still["resolved_at"]) == (True, None)
    # 1 Jan 2027 00:00:01 EST: December closed met: resolved at its close, and still
    # listed (resolved within the month before --as-of) with open false.
    _, (resolved,) = streak(ws, "2027-01-01T00:00:01")
    assert (resolved["open"], resolved["resolved"], resolved["resolved_at"]) == (
        False,
        True,
        "2027-01-01T00:00:00-05:00",
    )
    # 5 Feb 2027: resolved more than a month ago, no longer listed.
    assert streak(ws, "2027-02-05")[1] == []
