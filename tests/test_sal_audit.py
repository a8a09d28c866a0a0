"""The SAL audit on a hand-built November, every outcome worked out by hand.

The contract is sample.toml: min_seniority vp; functions marketing, sales,
operations, finance, it; tiers t1, t2; at least 2 touchpoints (email_click,
ad_click, webinar_attended, content_download, meeting, call) within 30d; an
interest signal (form_submit, content_download, demo_request); at least 200
employees; countries US, CA; `vp = ["Head of *", ...]`. Zone America/New_York:
EDT (UTC-4) until 1 Nov 2026 02:00, EST (UTC-5) after.

November in New York is [1 Nov 04:00 UTC, 1 Dec 05:00 UTC); the audit runs
as of 10 Dec 12:00 UTC. "30d" before a notice is the same local time 30
calendar days earlier (the `d` rule of DESIGN §4), not 720 hours.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from slatui.contract import load_file
from slatui.contract.model import Contract
from slatui.duration import Duration
from slatui.pilot.records import AccountRecord, ContactRecord, EventRecord
from slatui.sal_audit import AuditReport, HandoffAudit
from slatui.sal_window import Window, in_window, window_floor
from slatui.workcal import WorkCalendar
from store import BatchMeta, Store
from store.audit_run import audit_period

UTC = dt.UTC
SAMPLE = Path(__file__).resolve().parent.parent / "sample.toml"
NOV = dt.datetime(2026, 11, 1, 4, tzinfo=UTC)
DEC = dt.datetime(2026, 12, 1, 5, tzinfo=UTC)
AS_OF = dt.datetime(2026, 12, 10, 12, tzinfo=UTC)


def utc(month: int, day: int, hour: int = 15, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


ACCOUNTS = (
    AccountRecord("acme", tier="t1", employees=1000, country="US"),
    AccountRecord("maple", tier="t2", employees=150, country="CA"),
    AccountRecord("globex", tier="t1", employees=5000, country="US"),
    AccountRecord("initech", tier="t2", employees=400, country="US"),
    AccountRecord("umbrella", tier="t3", employees=800, country="US"),
    AccountRecord("hooli", tier="t1", employees=300, country="us"),  # case does not matter
)

# Seniority and function as an import without [sal.titles] stored them: "Head of
# Growth" went in as director; the audit reads the title again under the contract.
CONTACTS = (
    ContactRecord("c-vp", "acme", "VP Marketing", "vp", "marketing"),
    ContactRecord("c-head", "maple", "Head of Growth", "director", "marketing"),
    ContactRecord("c-mgr", "globex", "Marketing Manager", "manager", "marketing"),
    ContactRecord("c-odd", "initech", "Growth Ninja", None, "marketing"),
    ContactRecord("c-t3", "umbrella", "VP Sales", "vp", "sales"),
    ContactRecord("c-old", "globex", "CFO", "c_level", "finance"),
    ContactRecord("c-prev", "initech", "VP Finance", "vp", "finance"),
    ContactRecord("c-wait", "hooli", "Chief Marketing Officer", "c_level", "marketing"),
    ContactRecord("c-cool", "hooli", "VP Sales", "vp", "sales"),
    ContactRecord("c-late", "hooli", "VP IT", "vp", "it"),
    ContactRecord("c-stale", "hooli", "VP Sales", "vp", "sales"),
)


def ev(
    moment: dt.datetime,
    type_: str,
    contact: str | None,
    account: str,
    *,
    lead: str | None = None,
    quantity: float = 1.0,
    detail: str | None = None,
) -> EventRecord:
    return EventRecord(
        moment, type_, account=account, contact=contact, lead=lead, quantity=quantity, detail=detail
    )


EVENTS = (
    # SAL-1, VP Marketing at acme (t1, 1000, US), notified 20 Nov 10:00 EST (15:00 UTC).
    # Window: from 21 Oct 10:00 EDT (14:00 UTC). The e-mail click at 21 Oct 10:30 EDT
    # is inside by the calendar-day rule (but 30 days and 30 minutes *real* time before:
    # 720 hours would leave it out); with the meeting that makes 2. form_submit on 18 Nov.
    # Meets. Accepted on 21 Nov.
    ev(utc(10, 21, 14, 30), "email_click", "c-vp", "acme"),
    ev(utc(11, 5, 16), "meeting", "c-vp", "acme"),
    ev(utc(11, 18, 16), "form_submit", "c-vp", "acme"),
    ev(utc(11, 20), "sal_notified", "c-vp", "acme", lead="SAL-1"),
    ev(utc(11, 21), "sal_accepted", "c-vp", "acme", lead="SAL-1"),
    # SAL-2, Head of Growth (vp by the contract rule "Head of *") at maple (t2, CA, 150
    # employees): 2 touches and a form in the days before the notice; fails only on size.
    ev(utc(11, 2), "email_click", "c-head", "maple"),
    ev(utc(11, 4), "webinar_attended", "c-head", "maple"),
    ev(utc(11, 5), "form_submit", "c-head", "maple"),
    ev(utc(11, 6), "sal_notified", "c-head", "maple", lead="SAL-2"),
    ev(utc(11, 21, 16), "sal_rejected", "c-head", "maple", lead="SAL-2", detail="Too small"),
    # SAL-3, Marketing Manager at globex: everything but seniority (manager < vp).
    ev(utc(11, 2), "email_click", "c-mgr", "globex"),
    ev(utc(11, 3), "ad_click", "c-mgr", "globex"),
    ev(utc(11, 4), "demo_request", "c-mgr", "globex"),
    ev(utc(11, 9), "sal_notified", "c-mgr", "globex", lead="SAL-3"),
    ev(utc(11, 22), "sal_rejected", None, "globex", lead="SAL-3", detail="Not a decision maker"),
    # SAL-4, "Growth Ninja" at initech: the title is unclassified, so seniority is
    # unknown; nothing fails (the content download is a touch and a signal: 3 touches).
    # Rejected on 23 Nov, then accepted on 24 Nov: its latest verdict is an acceptance.
    ev(utc(11, 3), "call", "c-odd", "initech"),
    ev(utc(11, 4), "meeting", "c-odd", "initech"),
    ev(utc(11, 5), "content_download", "c-odd", "initech"),
    ev(utc(11, 10), "sal_notified", "c-odd", "initech", lead="SAL-4"),
    ev(utc(11, 23), "sal_rejected", None, "initech", lead="SAL-4", detail="not a decision maker"),
    ev(utc(11, 24), "sal_accepted", None, "initech", lead="SAL-4"),
    # SAL-5, VP Sales at umbrella, a t3 account: fails the tier. Rejected on 2 Dec, after
    # the period but before the as-of instant, with no reason: it counts for November.
    ev(utc(11, 2), "email_click", "c-t3", "umbrella"),
    ev(utc(11, 3), "meeting", "c-t3", "umbrella"),
    ev(utc(11, 4), "form_submit", "c-t3", "umbrella"),
    ev(utc(11, 11), "sal_notified", "c-t3", "umbrella", lead="SAL-5"),
    ev(utc(12, 2), "sal_rejected", None, "umbrella", lead="SAL-5"),
    # SAL-6, CFO at globex, notified 24 Nov 10:00 EST; window from 25 Oct 10:00 EDT
    # (14:00 UTC). The ad click of 20 Oct and the e-mail click at 25 Oct 09:59 EDT are
    # before it; only the webinar of 12 Nov counts. The account-level ad click of 13 Nov
    # names no contact and is nobody's touchpoint: 1 of 2, fails. Rejected on 15 Dec,
    # after the as-of instant: still pending.
    ev(utc(10, 20), "ad_click", "c-old", "globex"),
    ev(utc(10, 25, 13, 59), "email_click", "c-old", "globex"),
    ev(utc(11, 12), "webinar_attended", "c-old", "globex"),
    ev(utc(11, 13), "ad_click", None, "globex"),
    ev(utc(11, 20), "form_submit", "c-old", "globex"),
    ev(utc(11, 24), "sal_notified", "c-old", "globex", lead="SAL-6"),
    ev(utc(12, 15), "sal_rejected", None, "globex", lead="SAL-6", detail="Budget frozen"),
    # A hand-off naming neither lead nor contact, on acme, 25 Nov 10:00 EST: its
    # engagement is the account's. Window from 26 Oct 10:00 EDT: c-vp's meeting (1) and
    # an account-level ad click row of 3 clicks (3) make 4; c-vp's form_submit is the
    # signal. Seniority and function cannot be known: unknown. Sales rejects it by
    # account (no lead) on 26 Nov, in other words than SAL-3 but the same reason.
    ev(utc(11, 24), "ad_click", None, "acme", quantity=3),
    ev(utc(11, 25), "sal_notified", None, "acme"),
    ev(utc(11, 26), "sal_rejected", None, "acme", detail="Not a decision  maker "),
    # October's SAL-0 and its rejection belong to October's cohort. c-prev meets the
    # definition at the end of November, but was handed off (in October).
    ev(utc(10, 28), "sal_notified", "c-prev", "initech", lead="SAL-0"),
    ev(utc(11, 3), "sal_rejected", None, "initech", lead="SAL-0", detail="Too small"),
    ev(utc(11, 10), "email_click", "c-prev", "initech"),
    ev(utc(11, 12), "call", "c-prev", "initech"),
    ev(utc(11, 14), "content_download", "c-prev", "initech"),
    # Candidates at hooli (t1, 300, US), judged at 1 Dec 00:00 EST: window from
    # 1 Nov 00:00 EDT. c-wait (CMO) meets and was never handed off: listed.
    ev(utc(11, 20), "email_click", "c-wait", "hooli"),
    ev(utc(11, 25), "webinar_attended", "c-wait", "hooli"),
    ev(utc(11, 26), "demo_request", "c-wait", "hooli"),
    # c-cool has the touches but no interest signal: not listed.
    ev(utc(11, 20), "email_click", "c-cool", "hooli"),
    ev(utc(11, 25), "call", "c-cool", "hooli"),
    # c-late meets too, but was handed off on 3 Dec (before the as-of instant): not listed,
    # and not in November's cohort either.
    ev(utc(11, 20), "email_click", "c-late", "hooli"),
    ev(utc(11, 21), "meeting", "c-late", "hooli"),
    ev(utc(11, 22), "form_submit", "c-late", "hooli"),
    ev(utc(12, 3), "sal_notified", "c-late", "hooli", lead="SAL-8"),
    # c-stale engaged in October only: cooled off by the end of November.
    ev(utc(10, 10), "email_click", "c-stale", "hooli"),
    ev(utc(10, 12), "meeting", "c-stale", "hooli"),
    ev(utc(10, 13), "form_submit", "c-stale", "hooli"),
)


@pytest.fixture(scope="module")
def contract() -> Contract:
    return load_file(SAMPLE)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "w.db")
    opened.import_batch(BatchMeta("pilot.csv", "p" * 64, "events"), ACCOUNTS, CONTACTS, EVENTS)
    yield opened
    opened.close()


@pytest.fixture
def report(store: Store, contract: Contract) -> AuditReport:
    return audit_period(store, contract, NOV, DEC, AS_OF)


def by_lead(report: AuditReport) -> dict[str | None, HandoffAudit]:
    return {audit.handoff.lead: audit for audit in report.handoffs}


def outcomes(audit: HandoffAudit) -> dict[str, str]:
    return {c.name: c.outcome for c in audit.criteria}


ALL_PASS = {
    "seniority": "pass",
    "function": "pass",
    "tier": "pass",
    "employees": "pass",
    "country": "pass",
    "touchpoints": "pass",
    "interest_signal": "pass",
}


def test_the_period_holds_novembers_handoffs_only(report: AuditReport) -> None:
    # SAL-0 is October's, SAL-8 December's; the lead-less hand-off of 25 Nov is in.
    assert list(by_lead(report)) == ["SAL-2", "SAL-3", "SAL-4", "SAL-5", "SAL-1", "SAL-6", None]


def test_a_vp_at_a_us_t1_account_with_two_touches_and_a_form_meets(report: AuditReport) -> None:
    audit = by_lead(report)["SAL-1"]
    assert outcomes(audit) == ALL_PASS
    assert audit.meets and not audit.fails
    touches = audit.criterion("touchpoints")
    assert touches is not None
    assert touches.evidence == (
        "2 in the 30 calendar days before the notice (at least 2 required): "
        "email_click 2026-10-21 10:30 EDT, meeting 2026-11-05 11:00 EST"
    )


def test_head_of_growth_is_vp_by_the_contract_rule_but_the_account_is_too_small(
    report: AuditReport,
) -> None:
    audit = by_lead(report)["SAL-2"]
    assert outcomes(audit) == {**ALL_PASS, "employees": "fail"}
    assert audit.fails
    seniority = audit.criterion("seniority")
    employees = audit.criterion("employees")
    assert seniority is not None and employees is not None
    # Stored as director; the contract's rule places it at vp.
    assert seniority.evidence.startswith('vp from title "Head of Growth" (contract rule vp:')
    assert employees.evidence == "account maple has 150 employees, fewer than the 200 required"


def test_a_marketing_manager_fails_seniority(report: AuditReport) -> None:
    audit = by_lead(report)["SAL-3"]
    assert outcomes(audit) == {**ALL_PASS, "seniority": "fail"}


def test_an_unclassified_title_is_unknown_never_a_guess(report: AuditReport) -> None:
    audit = by_lead(report)["SAL-4"]
    assert outcomes(audit) == {**ALL_PASS, "seniority": "unknown"}
    assert audit.fit == "unknown" and not audit.meets and not audit.fails


def test_a_t3_account_fails_the_tier(report: AuditReport) -> None:
    audit = by_lead(report)["SAL-5"]
    assert outcomes(audit) == {**ALL_PASS, "tier": "fail"}


def test_touches_outside_the_window_and_account_level_ones_are_not_counted(
    report: AuditReport,
) -> None:
    audit = by_lead(report)["SAL-6"]
    assert outcomes(audit) == {**ALL_PASS, "touchpoints": "fail"}
    touches = audit.criterion("touchpoints")
    assert touches is not None
    assert touches.evidence.startswith("1 in the 30 calendar days before the notice")
    assert "webinar_attended 2026-11-12" in touches.evidence


def test_a_handoff_without_a_contact_is_judged_on_its_account(report: AuditReport) -> None:
    audit = by_lead(report)[None]
    assert outcomes(audit) == {**ALL_PASS, "seniority": "unknown", "function": "unknown"}
    seniority, touches = audit.criterion("seniority"), audit.criterion("touchpoints")
    assert seniority is not None and touches is not None
    assert seniority.evidence == "the hand-off names no contact"
    assert touches.evidence.startswith("4 in the 30 calendar days")  # meeting 1 + ad row of 3


def test_the_contact_who_meets_it_but_was_never_handed_off(report: AuditReport) -> None:
    # c-prev (handed off in October) and c-late (3 Dec) were handed off; c-cool has no
    # signal; c-stale cooled off; c-vp was handed off: only c-wait is left on the table.
    assert [c.contact.key for c in report.never_handed_off] == ["c-wait"]
    touches = next(c for c in report.never_handed_off[0].criteria if c.name == "touchpoints")
    assert touches.evidence.startswith("2 in the 30 calendar days before the end of the period")


def test_novembers_rejection_share_and_reasons(report: AuditReport) -> None:
    # Cohort: the 7 hand-offs notified in November. Latest verdicts as of 10 Dec:
    # SAL-1 accepted, SAL-2 rejected "Too small", SAL-3 rejected "Not a decision maker",
    # SAL-4 accepted (its rejection was reversed), SAL-5 rejected with no reason (2 Dec
    # still counts), SAL-6 pending (rejected only on 15 Dec), the lead-less one rejected
    # by account "Not a decision  maker " (the same reason in other spacing and case).
    # Rejected 4 of 7 = 0.571..., over the sample's 0.5 threshold. October's SAL-0 and
    # its rejection are October's.
    summary = report.rejections
    assert (summary.notified, summary.accepted, summary.rejected, summary.pending) == (7, 2, 4, 1)
    assert summary.share == pytest.approx(4 / 7)
    assert summary.reasons == (
        ("Not a decision maker", 2),
        ("no reason given", 1),
        ("Too small", 1),
    )


def test_the_report_counts_for_the_cli(report: AuditReport) -> None:
    counts = report.as_json()
    # meets: SAL-1; fails: SAL-2 (size), SAL-3 (seniority), SAL-5 (tier), SAL-6 (touches);
    # unknown: SAL-4 (title), the lead-less one (no contact).
    assert {k: counts[k] for k in ("handoffs", "meeting", "failing", "unknown")} == {
        "handoffs": 7,
        "meeting": 1,
        "failing": 4,
        "unknown": 2,
    }
    assert counts["never_handed_off"] == 1
    assert counts["rejected"] == 4
    assert counts["rejection_share"] == pytest.approx(4 / 7)
    detailed = report.as_json(detail=True)
    assert [item["fit"] for item in detailed["items"]] == [
        "fails", "fails", "unknown", "fails", "meets", "fails", "unknown",
    ]  # fmt: skip
    assert detailed["candidates"][0]["contact"] == "c-wait"


def test_as_of_inside_the_period_sees_only_what_happened_by_then(
    store: Store, contract: Contract
) -> None:
    # As of 15 Nov 00:00 UTC: SAL-2 (6 Nov), SAL-3 (9 Nov), SAL-4 (10 Nov), SAL-5 (11 Nov);
    # no verdict has been given yet (the first is 21 Nov).
    report = audit_period(store, contract, NOV, DEC, utc(11, 15, 0))
    assert [a.handoff.lead for a in report.handoffs] == ["SAL-2", "SAL-3", "SAL-4", "SAL-5"]
    assert (report.rejections.rejected, report.rejections.pending) == (0, 4)
    # Candidates are judged at 15 Nov: c-prev (handed off in October) is out; nobody at
    # hooli has engaged yet.
    assert report.never_handed_off == ()


def test_an_agreement_without_a_sal_definition_cannot_be_audited(
    store: Store, contract: Contract
) -> None:
    bare = contract.model_copy(update={"sal": None})
    with pytest.raises(ValueError, match=r"no \[sal\] definition"):
        audit_period(store, bare, NOV, DEC, AS_OF)


# ---------------------------------------------------------------- statements


def _crowd(n: int) -> tuple[list[AccountRecord], list[ContactRecord], list[EventRecord]]:
    accounts = [AccountRecord(f"a{i}", tier="t1", employees=500, country="US") for i in range(n)]
    contacts = [ContactRecord(f"p{i}", f"a{i}", "VP Sales") for i in range(n)]
    events: list[EventRecord] = []
    for i in range(n):
        moment = utc(11, 1 + i % 28)
        events += [
            ev(moment - dt.timedelta(days=2), "email_click", f"p{i}", f"a{i}"),
            ev(moment - dt.timedelta(days=1), "form_submit", f"p{i}", f"a{i}"),
            ev(moment, "sal_notified", f"p{i}", f"a{i}", lead=f"L{i}"),
            ev(moment + dt.timedelta(days=1), "sal_rejected", None, f"a{i}", lead=f"L{i}"),
            ev(moment, "call", f"q{i}", f"a{i}"),  # q{i} is no contact the workspace holds
        ]
    return accounts, contacts, events


def _statements(tmp_path: Path, contract: Contract, n: int) -> tuple[int, AuditReport]:
    store = Store.open(tmp_path / f"crowd{n}.db")
    try:
        accounts, contacts, events = _crowd(n)
        store.import_batch(BatchMeta("c.csv", f"{n:064d}", "events"), accounts, contacts, events)
        seen: list[str] = []
        store._db.conn.set_trace_callback(seen.append)
        try:
            report = audit_period(store, contract, NOV, DEC, AS_OF)
        finally:
            store._db.conn.set_trace_callback(None)
        return len(seen), report
    finally:
        store.close()


def test_the_number_of_statements_does_not_grow_with_the_handoffs(
    tmp_path: Path, contract: Contract
) -> None:
    small, few = _statements(tmp_path, contract, 20)
    large, many = _statements(tmp_path, contract, 200)
    # Each crowd member has one touch (not two): all fail, all rejected.
    assert (few.count("fails"), few.rejections.rejected) == (20, 20)
    assert (many.count("fails"), many.rejections.rejected) == (200, 200)
    assert small == large
    assert small <= 12  # 7 reads and the snapshot's BEGIN/COMMIT


# ---------------------------------------------------------------- the window in business time


@pytest.fixture(scope="module")
def calendar(contract: Contract) -> WorkCalendar:
    return WorkCalendar.from_contract(contract)


MONDAY = utc(11, 16, 15)  # Mon 16 Nov 2026 10:00 EST; Wed 11 Nov is Veterans Day


@pytest.mark.parametrize(
    ("within", "moment", "inside"),
    [
        # 2bd: Thu 12 Nov 10:00 + 2 working days (Fri, Mon) = Mon 10:00: exactly the notice.
        ("2bd", utc(11, 12, 15), True),
        ("2bd", utc(11, 12, 14, 59), False),  # a minute earlier runs out at 09:59
        # Veterans Day rolls forward to Thu 09:00, + 2bd = Mon 09:00: out.
        ("2bd", utc(11, 11, 17), False),
        ("2bd", utc(11, 14, 17), True),  # Saturday rolls to Mon 09:00 (+2bd = Wed)
        ("2bd", utc(11, 16, 15, 1), False),  # after the notice
        # 4bh: Fri 14:00-17:00 is 3h, Mon 09:00-10:00 the 4th: due exactly at the notice.
        ("4bh", utc(11, 13, 19), True),
        ("4bh", utc(11, 13, 18, 59), False),
        ("4bh", utc(11, 15, 17), True),  # Sunday rolls to Mon 09:00
    ],
)
def test_business_windows_follow_the_clock_rules(
    calendar: WorkCalendar, within: str, moment: dt.datetime, inside: bool
) -> None:
    assert in_window(calendar, moment, MONDAY, Duration.parse(within)) is inside


@pytest.mark.parametrize("within", ["90m", "4h", "30d", "2bd", "4bh", "30bm"])
def test_nothing_before_the_floor_is_in_the_window(calendar: WorkCalendar, within: str) -> None:
    duration = Duration.parse(within)
    floor = window_floor(calendar, MONDAY, duration)
    assert floor <= MONDAY
    assert not in_window(calendar, floor - dt.timedelta(microseconds=1), MONDAY, duration)


def test_the_floors_are_where_worked_out(calendar: WorkCalendar) -> None:
    # 2bd before Mon 16 Nov: the 3rd working day back, skipping Veterans Day, is Tue 10 Nov.
    assert window_floor(calendar, MONDAY, Duration.parse("2bd")) == utc(11, 10, 5)
    # 4bh: Monday gives 1h, the weekend none, Friday 8h: more than 4h from Fri 00:00.
    assert window_floor(calendar, MONDAY, Duration.parse("4bh")) == utc(11, 13, 5)
    # 4h is exact; 30d is one day more than 30 local days (16 Oct 00:00 EDT).
    assert window_floor(calendar, MONDAY, Duration.parse("4h")) == utc(11, 16, 11)
    assert window_floor(calendar, MONDAY, Duration.parse("30d")) == utc(10, 16, 4)


# ---------------------------------------------------------------- the store's reads


def test_activities_of_a_contact_leave_out_account_level_events(store: Store) -> None:
    types = ["ad_click", "webinar_attended"]
    # c-old's ad click of 20 Oct is before `since`; the account-level click of 13 Nov
    # names no contact: only the webinar is c-old's.
    mine = store.activities(types, NOV, DEC, contacts={"c-old"})
    assert [(a.occurred_at, a.type) for a in mine] == [(utc(11, 12), "webinar_attended")]
    # Asked for the account (a hand-off without a contact), every event on it counts (in no
    # particular order):
    # c-mgr's ad click, c-old's webinar and the account-level click.
    theirs = sorted(
        store.activities(types, NOV, DEC, accounts={"globex"}), key=lambda a: a.occurred_at
    )
    assert [(a.contact, a.type) for a in theirs] == [
        ("c-mgr", "ad_click"),
        ("c-old", "webinar_attended"),
        (None, "ad_click"),
    ]


def test_the_candidate_sieve_and_the_facts(store: Store, contract: Contract) -> None:
    assert contract.sal is not None and contract.sal.touchpoints is not None
    sieve = store.sal_candidates(
        tiers=["t1", "t2"],
        touch_types=contract.sal.touchpoints.types,
        min_touches=2,
        since=NOV,
        until=DEC,
        notified_before=AS_OF,
    )
    # Two November touches and never notified before 10 Dec: c-wait and c-cool at hooli.
    # c-prev (October), c-late (3 Dec) and the November hand-offs were notified;
    # c-stale's touches are October's; c-t3's account is t3.
    assert [c.key for c in sieve] == ["c-cool", "c-wait"]
    facts = store.contact_facts({"c-head", "nobody"})
    assert list(facts) == ["c-head"] and facts["c-head"].seniority == "director"
    assert store.account_facts({"maple"})["maple"].employees == 150


@pytest.mark.parametrize(
    ("within", "end", "first", "step"),
    [
        # 1 Dec 01:30 EST: "30d" starts at 1 Nov 01:30, a wall time that happens twice
        # (EDT, then EST an hour later); every 5 minutes over 12 hours around it.
        ("30d", utc(12, 1, 6, 30), utc(10, 31, 23), dt.timedelta(minutes=5)),
        # 8 Mar 2027 10:00 EDT, the day after spring-forward: 30d back is 6 Feb (EST).
        ("30d", dt.datetime(2027, 3, 8, 14, tzinfo=UTC), utc(12, 31), dt.timedelta(hours=7)),
        ("2bd", MONDAY, utc(11, 8), dt.timedelta(minutes=17)),
        ("4bh", MONDAY, utc(11, 12), dt.timedelta(minutes=7)),
        ("90m", MONDAY, utc(11, 16, 12), dt.timedelta(minutes=1)),
    ],
)
def test_the_fast_window_agrees_with_the_exact_rule(
    calendar: WorkCalendar, within: str, end: dt.datetime, first: dt.datetime, step: dt.timedelta
) -> None:
    duration = Duration.parse(within)
    window = Window.ending(calendar, end, duration)
    moment, checked, inside = first, 0, 0
    while moment <= end + dt.timedelta(hours=1):
        exact = in_window(calendar, moment, end, duration)
        assert (moment in window) is exact, moment
        checked, inside = checked + 1, inside + exact
        moment += step
    assert 0 < inside < checked  # both sides of the window's start were tried


def test_the_audit_loads_without_textual_and_the_domain_without_the_store() -> None:
    code = (
        "import importlib, sys\n"
        "importlib.import_module('slatui.sal_audit')\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'store'], 'domain loads store'\n"
        "importlib.import_module('store.audit_run')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
