"""The demo pilot (`slatui.demo`) and `slatui demo`.

The planted escalations are checked straight from the generated events with
a deliberately plain re-implementation of the rules in `slatui.demo.cases`
(lists and loops, `slatui.clock` for every duration), so a generator bug
cannot hide behind the generator's own bookkeeping. The workspace zone is
America/New_York; the pilot is 2026-11-02 to 2026-11-29, so its end (the
horizon of every "due by then") is 2026-11-30 00:00 EST = 05:00 UTC.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slatui.cli.main import run
from slatui.clock import calendar_days_later, deadline
from slatui.contract.load import load_file
from slatui.contract.model import Contract
from slatui.demo import DEFAULT_SEED, DemoPilot, PlantedCase, build_pilot, write_pilot
from slatui.demo.rows import Event
from slatui.duration import Duration
from slatui.events import KNOWN_EVENT_TYPES
from slatui.titles import classify, seniority_at_least
from slatui.workcal import WorkCalendar

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample.toml"
UTC = dt.UTC
HORIZON = dt.datetime(2026, 11, 30, 5, 0, tzinfo=UTC)  # pilot end, local midnight EST
SALES_TOUCHES = {"call", "sales_email", "meeting"}
H48 = Duration.parse("48h")
BD1 = Duration.parse("1bd")


@pytest.fixture(scope="module")
def contract() -> Contract:
    return load_file(SAMPLE)


@pytest.fixture(scope="module")
def cal(contract: Contract) -> WorkCalendar:
    return WorkCalendar.from_contract(contract)


@pytest.fixture(scope="module")
def default_pilot(contract: Contract) -> DemoPilot:
    """The pilot `slatui demo` builds."""
    return build_pilot(contract)


@pytest.fixture(scope="module", params=[DEFAULT_SEED, 11], ids=["default-seed", "seed-11"])
def pilot(
    request: pytest.FixtureRequest, contract: Contract, default_pilot: DemoPilot
) -> DemoPilot:
    """The pilot of two seeds: the planted cases must hold for any seed, not one."""
    seed = int(request.param)
    return default_pilot if seed == DEFAULT_SEED else build_pilot(contract, seed)


@pytest.fixture(scope="module")
def tiers(pilot: DemoPilot) -> dict[str, str]:
    return {a.key: a.tier for a in pilot.accounts}


@pytest.fixture(scope="module")
def cases(pilot: DemoPilot) -> dict[str, list[PlantedCase]]:
    grouped: dict[str, list[PlantedCase]] = collections.defaultdict(list)
    for case in pilot.cases:
        grouped[case.kind].append(case)
    return grouped


def _of(pilot: DemoPilot, *types: str) -> list[Event]:
    return [e for e in pilot.events if e.type in types]


def _by_account(events: list[Event]) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = collections.defaultdict(list)
    for event in events:
        if event.account is not None:
            found[event.account].append(event)
    return found


def _month(cal: WorkCalendar, moment: dt.datetime) -> str:
    return moment.astimezone(cal.zone).strftime("%Y-%m")


def _sha(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# ---------------------------------------------------------------- determinism


def test_the_same_seed_writes_byte_identical_files(
    contract: Contract, default_pilot: DemoPilot, tmp_path: Path
) -> None:
    write_pilot(default_pilot, tmp_path / "a")
    write_pilot(build_pilot(contract, DEFAULT_SEED), tmp_path / "b")
    first, second = _sha(tmp_path / "a"), _sha(tmp_path / "b")
    assert sorted(first) == ["accounts.csv", "contacts.csv", "events.csv"]
    assert first == second


def test_the_files_do_not_depend_on_the_interpreter(
    default_pilot: DemoPilot, tmp_path: Path
) -> None:
    """Another process with another string-hash seed (set order!) writes the same bytes."""
    write_pilot(default_pilot, tmp_path / "here")
    code = (
        "import sys; from pathlib import Path\n"
        "from slatui.contract.load import load_file\n"
        "from slatui.demo import build_pilot, write_pilot\n"
        f"write_pilot(build_pilot(load_file(Path({str(SAMPLE)!r}))), Path(sys.argv[1]))\n"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "there")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert _sha(tmp_path / "here") == _sha(tmp_path / "there")


def test_another_seed_gives_another_pilot_with_the_same_cases(
    contract: Contract, default_pilot: DemoPilot, tmp_path: Path
) -> None:
    other = build_pilot(contract, 7)
    write_pilot(default_pilot, tmp_path / "a")
    write_pilot(other, tmp_path / "b")
    first, second = _sha(tmp_path / "a"), _sha(tmp_path / "b")
    assert all(first[name] != second[name] for name in first)
    assert collections.Counter(c.kind for c in other.cases) == collections.Counter(
        c.kind for c in default_pilot.cases
    )


def test_the_domain_package_loads_neither_textual_nor_the_store() -> None:
    code = (
        "import sys, slatui.demo\n"
        "roots = ('textual', 'screens', 'store')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- what the pilot holds


def test_accounts_per_tier_and_their_shape(pilot: DemoPilot, contract: Contract) -> None:
    per_tier = collections.Counter(a.tier for a in pilot.accounts)
    assert 20 <= per_tier["t1"] <= 30
    assert 150 <= per_tier["t2"] <= 250
    assert 300 <= per_tier["t3"] <= 500
    assert len({a.key for a in pilot.accounts}) == len(pilot.accounts)
    strategic = [a for a in pilot.accounts if a.tier == "t1"]
    ownerless = [a for a in strategic if not a.owner]
    assert 1 <= len(ownerless) <= 2  # t1-sales-owner (coverage 1.0) cannot be met
    countries = collections.Counter(a.country for a in pilot.accounts)
    assert countries["US"] > len(pilot.accounts) / 2 and countries["CA"] > 0
    elsewhere = sum(n for c, n in countries.items() if c not in ("US", "CA"))
    assert elsewhere > 10  # the SAL firmographics (US, CA) fail for these
    small = [a for a in pilot.accounts if a.tier == "t2" and a.employees < 200]
    assert small  # ... and for these (min_employees = 200)
    assert all(a.domain.endswith(".example") for a in pilot.accounts)


def test_contacts_are_committees_with_classified_titles(
    pilot: DemoPilot, contract: Contract
) -> None:
    assert contract.sal is not None
    rules = {str(level): list(p) for level, p in contract.sal.titles.items()}
    per_account = collections.Counter(c.account for c in pilot.contacts)
    assert set(per_account) == {a.key for a in pilot.accounts}
    assert 2.5 <= len(pilot.contacts) / len(pilot.accounts) <= 3.5
    domains = {a.key: a.domain for a in pilot.accounts}
    assert all(c.email.endswith("@" + domains[c.account]) for c in pilot.contacts)
    placed = [classify(c.title, rules) for c in pilot.contacts]
    unclassified = [
        c.title for c, p in zip(pilot.contacts, placed, strict=True) if not p.classified
    ]
    assert 0 < len(unclassified) < len(pilot.contacts) / 20
    decision_makers = [
        p
        for p in placed
        if seniority_at_least(p.seniority, "vp") and p.function in contract.sal.functions
    ]
    assert len(decision_makers) >= len(pilot.accounts)  # at least one per account, roughly


def test_volume_and_dates(pilot: DemoPilot, cal: WorkCalendar) -> None:
    assert 10_000 <= len(pilot.events) <= 60_000
    first = min(e.at for e in pilot.events).astimezone(cal.zone).date()
    last = max(e.at for e in pilot.events).astimezone(cal.zone).date()
    assert first == dt.date(2026, 8, 3)
    assert last == dt.date(2026, 11, 29)


def test_every_event_type_the_sample_measures_is_there(
    pilot: DemoPilot, contract: Contract
) -> None:
    measured: set[str] = set()
    for commitment in contract.commitments:
        for name in ("event", "start", "stop", "numerator", "denominator"):
            value = getattr(commitment, name, None)
            measured.update([value] if isinstance(value, str) else value or [])
    present = collections.Counter(e.type for e in pilot.events)
    extra = {"intent_fired", "tier_promoted", "closed_won", "closed_lost", "spend"}
    extra |= {"email_click", "ad_click", "webinar_attended", "content_download"}
    extra |= {"form_submit", "demo_request", "sal_accepted", "sal_rejected"}
    missing = sorted(t for t in measured | extra if not present[t])
    assert missing == []
    assert set(present) <= KNOWN_EVENT_TYPES


def test_events_are_written_in_utc_with_z(default_pilot: DemoPilot, tmp_path: Path) -> None:
    files = write_pilot(default_pilot, tmp_path)
    lines = files.events.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "occurred_at,type,account,contact,lead,quantity,actor,channel,detail"
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,")
    assert all(stamp.match(line) for line in lines[1:])
    assert len(lines) - 1 == len(default_pilot.events)


def test_impressions_carry_their_count(pilot: DemoPilot) -> None:
    impressions = _of(pilot, "ad_impression")
    assert len({(e.account, e.at) for e in impressions}) == len(impressions)  # daily per account
    assert sum(e.quantity for e in impressions) > 10 * len(impressions)


def test_hand_offs_happen_in_business_hours(pilot: DemoPilot, cal: WorkCalendar) -> None:
    for event in _of(pilot, "sal_notified", "opportunity_conversation", "account_inquiry"):
        local = event.at.astimezone(cal.zone)
        assert cal.is_working_day(local.date()), event
        assert dt.time(9) <= local.time() < dt.time(17), event


def test_wins_include_strategic_accounts(pilot: DemoPilot, tiers: dict[str, str]) -> None:
    wins = _of(pilot, "closed_won")
    assert 2 <= len(wins) <= 8
    assert sum(1 for e in wins if e.account and tiers[e.account] == "t1") >= 2
    assert _of(pilot, "closed_lost")


def test_watch_list_promotions_follow_fired_intent(pilot: DemoPilot, tiers: dict[str, str]) -> None:
    fired = {e.account: e.at for e in _of(pilot, "intent_fired")}
    promoted = _of(pilot, "tier_promoted")
    assert fired and promoted
    assert all(e.account in fired and fired[e.account] < e.at for e in promoted)
    assert all(tiers[key] == "t3" for key in fired if key)
    assert not any(
        e.account and tiers[e.account] == "t3" for e in _of(pilot, "outbound_outreach")
    )  # t3-sales-no-outreach


# ---------------------------------------------------------------- SAL response times


def _first_stop(pilot: DemoPilot, lead: str, after: dt.datetime) -> dt.datetime | None:
    stops = [e.at for e in pilot.events if e.lead == lead and e.type in SALES_TOUCHES]
    stops = [at for at in stops if at >= after]
    return min(stops) if stops else None


def _sals(pilot: DemoPilot) -> list[Event]:
    return _of(pilot, "sal_notified")


def test_sal_ids_are_in_time_order_and_every_sal_has_a_contact(pilot: DemoPilot) -> None:
    sals = _sals(pilot)
    assert [e.lead for e in sals] == [f"SAL-{n:04d}" for n in range(1, len(sals) + 1)]
    contacts = {c.key: c.account for c in pilot.contacts}
    assert all(e.contact and contacts[e.contact] == e.account for e in sals)


def test_first_contact_is_mostly_within_one_business_day(
    pilot: DemoPilot, cal: WorkCalendar
) -> None:
    """1bd (t1-sal-answered, t2-sales-first-contact): the same local time on the next
    working day, e.g. Tue 10:00 -> Wed 10:00. Some SALs are late, not all."""
    on_time, late_within_48h = 0, 0
    sals = _sals(pilot)
    for sal in sals:
        assert sal.lead is not None
        stop = _first_stop(pilot, sal.lead, sal.at)
        if stop is not None and stop <= deadline(cal, sal.at, BD1):
            on_time += 1
        elif stop is not None and stop <= deadline(cal, sal.at, H48):
            late_within_48h += 1
    assert 0.7 <= on_time / len(sals) < 0.95
    assert late_within_48h >= 1  # late by the business clock, not escalated


def test_verdicts_mostly_within_two_business_days(pilot: DemoPilot, cal: WorkCalendar) -> None:
    notified = {e.lead: e.at for e in _sals(pilot)}
    verdicts = _of(pilot, "sal_accepted", "sal_rejected")
    assert {e.lead for e in verdicts} < set(notified)  # one SAL never gets one
    in_time = [
        e for e in verdicts if e.at <= deadline(cal, notified[e.lead], Duration.parse("2bd"))
    ]
    assert 0.8 <= len(in_time) / len(verdicts) < 1.0
    rejected = _of(pilot, "sal_rejected")
    assert all(e.detail for e in rejected)


# ---------------------------------------------------------------- planted cases, from the events


def test_every_escalation_kind_of_the_sample_is_planted(
    pilot: DemoPilot, contract: Contract
) -> None:
    planted = {(c.kind, c.escalation) for c in pilot.cases}
    assert planted >= {(e.when, e.id) for e in contract.escalations}
    assert all(c.due.tzinfo is not None and c.started < c.due for c in pilot.cases)


def test_overdue_cases_are_exactly_the_sals_left_open_48h(
    pilot: DemoPilot, cal: WorkCalendar, tiers: dict[str, str], cases: dict[str, list[PlantedCase]]
) -> None:
    """Open 48h (wall clock) after `sal_notified` with no call/e-mail/meeting on the lead."""
    overdue: dict[str, dt.datetime] = {}
    for sal in _sals(pilot):
        assert sal.lead is not None and sal.account is not None
        due = deadline(cal, sal.at, H48)
        stop = _first_stop(pilot, sal.lead, sal.at)
        if due <= HORIZON and (stop is None or stop > due):
            overdue[sal.lead] = due
    planted = {c.subject: c for c in cases["overdue"]}
    assert set(overdue) == set(planted)
    escalation = {"t1": "no-contact-48h-t1", "t2": "no-contact-48h"}
    for lead, case in planted.items():
        assert case.due == overdue[lead]
        assert case.account is not None and case.escalation == escalation[tiers[case.account]]
    assert {tiers[c.account] for c in planted.values() if c.account} == {"t1", "t2"}
    never = [c for c in planted.values() if _first_stop(pilot, c.subject, c.started) is None]
    assert len(never) == 1


def test_overdue_accounts_get_no_sales_touch_at_all_until_due(
    pilot: DemoPilot, cases: dict[str, list[PlantedCase]]
) -> None:
    """However a compliance engine keys the items, nothing answers these SALs in time."""
    touches = _by_account(_of(pilot, *SALES_TOUCHES))
    for case in cases["overdue"]:
        assert case.account is not None
        inside = [e for e in touches[case.account] if case.started < e.at <= case.due]
        assert inside == []


def test_the_friday_sal_is_on_time_in_business_days_and_overdue_by_the_wall_clock(
    pilot: DemoPilot, cal: WorkCalendar, cases: dict[str, list[PlantedCase]]
) -> None:
    """Fri 15:30 + 1bd = Mon 15:30; Fri 15:30 + 48h = Sun 15:30: a Monday-morning call
    keeps the business-day promise and still escalates: the escalation's clock is wall time."""
    weekend = []
    for case in cases["overdue"]:
        stop = _first_stop(pilot, case.subject, case.started)
        if stop is not None and stop <= deadline(cal, case.started, BD1):
            weekend.append(case)
            assert case.started.astimezone(cal.zone).weekday() == 4
            assert stop.astimezone(cal.zone).weekday() == 0
    assert len(weekend) == 1


def test_the_missed_case_is_the_tier_2_sal_count_per_month(
    pilot: DemoPilot, cal: WorkCalendar, tiers: dict[str, str], cases: dict[str, list[PlantedCase]]
) -> None:
    """t2-mkt-sal-volume: 2 to 3 Tier 2 SALs a month; met in August and September,
    missed in October and November: two closed months in a row."""
    counts = collections.Counter(
        _month(cal, e.at) for e in _sals(pilot) if e.account and tiers[e.account] == "t2"
    )
    assert [counts[m] for m in ("2026-08", "2026-09", "2026-10", "2026-11")] == [2, 3, 1, 1]
    (case,) = cases["missed"]
    assert (case.escalation, case.subject, case.periods) == (
        "sal-volume-missed",
        "t2-mkt-sal-volume",
        ("2026-10", "2026-11"),
    )
    assert case.due == dt.datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # Dec 1 00:00 EST


def _touches(pilot: DemoPilot, contract: Contract) -> dict[str, list[Event]]:
    assert contract.sal is not None and contract.sal.touchpoints is not None
    types = set(contract.sal.touchpoints.types)
    return _by_account([e for e in pilot.events if e.type in types])


def _engaging(cal: WorkCalendar, touches: list[Event], touch: Event) -> bool:
    """At least 3 touches in the 30 calendar days up to and including this one."""
    start = calendar_days_later(cal, touch.at, -30)
    return sum(1 for t in touches if start <= t.at <= touch.at) >= 3


def test_engaged_unanswered_is_exactly_the_planted_account(
    pilot: DemoPilot,
    contract: Contract,
    cal: WorkCalendar,
    tiers: dict[str, str],
    cases: dict[str, list[PlantedCase]],
) -> None:
    """Every engaging touch, on every account of every tier, is followed by a sales touch
    within 48h, except on the planted account, which nobody answers."""
    sales = _by_account(_of(pilot, *SALES_TOUCHES))
    unanswered: dict[str, dt.datetime] = {}
    for account, touches in _touches(pilot, contract).items():
        for touch in sorted(touches, key=lambda e: e.at):
            due = deadline(cal, touch.at, H48)
            if due > HORIZON or not _engaging(cal, touches, touch):
                continue
            if not any(touch.at < s.at <= due for s in sales[account]):
                unanswered.setdefault(account, touch.at)
    (case,) = cases["engaged_unanswered"]
    assert unanswered == {case.subject: case.started}
    assert case.due == deadline(cal, case.started, H48)
    assert tiers[case.subject] == "t1"
    assert not {a.owner for a in pilot.accounts if a.key == case.subject} - {None}
    first = min(t.at for t in _touches(pilot, contract)[case.subject] if t.at.month == 11)
    quiet = [s for s in sales[case.subject] if first - dt.timedelta(days=30) <= s.at <= case.due]
    assert quiet == []  # no sales touch in the engagement's window either


def test_engaged_no_conversion_is_exactly_the_planted_account(
    pilot: DemoPilot,
    contract: Contract,
    cal: WorkCalendar,
    cases: dict[str, list[PlantedCase]],
) -> None:
    """An engaging touch whose 90 days ran out by the pilot's end with no opportunity."""
    opportunities = _by_account(_of(pilot, "opportunity_created"))
    unconverted: dict[str, dt.datetime] = {}
    for account, touches in _touches(pilot, contract).items():
        for touch in sorted(touches, key=lambda e: e.at):
            due = calendar_days_later(cal, touch.at, 90)
            if due > HORIZON or not _engaging(cal, touches, touch):
                continue
            if not any(touch.at < o.at <= due for o in opportunities[account]):
                unconverted.setdefault(account, touch.at)
    (case,) = cases["engaged_no_conversion"]
    assert unconverted == {case.subject: case.started}
    assert case.started.astimezone(cal.zone).month == 8
    assert case.due == calendar_days_later(cal, case.started, 90)
    assert opportunities[case.subject] == []


def test_rejected_share_reaches_half_only_in_november(
    pilot: DemoPilot, cal: WorkCalendar, cases: dict[str, list[PlantedCase]]
) -> None:
    """Counted both ways: rejections of the month's SALs, and rejections made in the month."""
    notified = collections.Counter(_month(cal, e.at) for e in _sals(pilot))
    month_of = {e.lead: _month(cal, e.at) for e in _sals(pilot)}
    rejected = _of(pilot, "sal_rejected")
    by_cohort = collections.Counter(month_of[e.lead] for e in rejected)
    by_moment = collections.Counter(_month(cal, e.at) for e in rejected)
    high = {m for m in notified if by_cohort[m] / notified[m] >= 0.5}
    assert high == {m for m in notified if by_moment[m] / notified[m] >= 0.5} == {"2026-11"}
    (case,) = cases["rejected_share"]
    assert case.subject == "2026-11"
    reasons = collections.Counter(e.detail for e in rejected if month_of[e.lead] == "2026-11")
    assert reasons["not a decision maker"] >= 2 and reasons["wrong territory"] >= 2


def test_the_rejections_tell_the_definitions_story(pilot: DemoPilot, contract: Contract) -> None:
    """Rejected as "not a decision maker": Head of ... titles, which the agreement's
    `vp = ["Head of *"]` rule makes VPs; "wrong territory": Canadian accounts."""
    contacts = {c.key: c for c in pilot.contacts}
    countries = {a.key: a.country for a in pilot.accounts}
    title_of = {e.lead: contacts[e.contact].title for e in _sals(pilot) if e.contact}
    for event in _of(pilot, "sal_rejected"):
        if event.detail == "not a decision maker":
            assert title_of[event.lead].startswith("Head of ")
        if event.detail == "wrong territory":
            assert event.account and countries[event.account] == "CA"


# ---------------------------------------------------------------- importing


def test_every_file_imports_without_rejects_or_unknown_types(
    default_pilot: DemoPilot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ws.db"
    assert run(["init", "--db", str(db), "--from", str(SAMPLE)]) == 0
    files = write_pilot(default_pilot, tmp_path / "pilot")
    for kind, path in files.in_order():
        assert run(["import", kind, str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"^\s*rejected:", out, re.M) and "unknown event type" not in out
    assert "possible duplicate" not in out and "duplicate event" not in out
    assert run(["summary", "--json", "--db", str(db)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["events"]["total"] == len(default_pilot.events)
    assert summary["contacts"]["total"] == len(default_pilot.contacts)
    assert [b["rejected"] for b in summary["batches"]] == [0, 0, 0]


# ---------------------------------------------------------------- slatui demo


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One `slatui demo --no-open` for the tests that only read what it made."""
    db = tmp_path_factory.mktemp("demo") / "team.db"
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        code = run(["demo", "--no-open", "--db", str(db)])
    finally:
        sys.stdout = saved
    assert code == 0
    yield db, out.getvalue()


def _figure(text: str) -> int:
    return int(text.replace(",", ""))


def test_demo_prints_what_summary_reports(
    demo_run: tuple[Path, str], default_pilot: DemoPilot, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = demo_run
    accounts = re.search(r"^accounts: ([\d,]+) \((.*)\)$", out, re.M)
    contacts = re.search(r"^contacts: ([\d,]+)$", out, re.M)
    events = re.search(r"^events: ([\d,]+) from 2026-08-03 to 2026-11-29", out, re.M)
    assert accounts and contacts and events, out
    assert run(["summary", "--json", "--db", str(db)]) == 0
    summary: dict[str, Any] = json.loads(capsys.readouterr().out)
    by_tier = dict(part.split(" ") for part in accounts.group(2).split(", "))
    assert {t: _figure(n) for t, n in by_tier.items()} == summary["accounts"]["by_tier"]
    assert _figure(accounts.group(1)) == summary["accounts"]["total"] == len(default_pilot.accounts)
    assert _figure(contacts.group(1)) == summary["contacts"]["total"] == len(default_pilot.contacts)
    assert _figure(events.group(1)) == summary["events"]["total"] == len(default_pilot.events)
    assert [b["file_name"] for b in summary["batches"]] == [
        "accounts.csv",
        "contacts.csv",
        "events.csv",
    ]
    assert (db.parent / "team-pilot" / "events.csv").is_file()


def test_demo_lists_every_planted_case_in_one_line(
    demo_run: tuple[Path, str], default_pilot: DemoPilot
) -> None:
    _, out = demo_run
    assert f"planted escalations: {len(default_pilot.cases)} cases" in out
    for case in default_pilot.cases:
        (line,) = [ln for ln in out.splitlines() if f"({case.escalation}): {case.subject}," in ln]
        assert line.strip().startswith(case.kind)
    assert "open it with: slatui --db" in out


def test_demo_holds_the_sample_as_v1(
    demo_run: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = demo_run
    assert run(["contract", "show", "--json", "--db", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["version"], shown["source"]) == (1, "sample.toml")


def test_demo_refuses_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "keep.db"
    db.write_bytes(b"precious")
    assert run(["demo", "--no-open", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err and str(db) in err
    assert db.read_bytes() == b"precious"
    assert not (tmp_path / "keep-pilot").exists()


def test_demo_force_replaces_the_workspace_and_its_side_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "again.db"
    assert run(["init", "--db", str(db)]) == 0  # an empty workspace of the user's
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").write_bytes(b"")
    assert run(["demo", "--no-open", "--force", "--seed", "3", "--db", str(db)]) == 0
    assert "seed 3" in capsys.readouterr().out
    assert run(["imports", "--json", "--db", str(db)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_demo_force_never_replaces_a_file_that_is_not_a_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"someone's notes")
    assert run(["demo", "--no-open", "--force", "--db", str(db)]) == 2
    assert "is not a slatui workspace" in capsys.readouterr().err
    assert db.read_bytes() == b"someone's notes"


def test_two_demos_on_one_file_do_not_overwrite_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cc.db"
    (tmp_path / ".cc.db.demo-lock").touch()  # as a demo still building leaves it
    assert run(["demo", "--no-open", "--db", str(db)]) == 2
    assert "another slatui demo is building" in capsys.readouterr().err
    assert not db.exists()


def test_demo_force_keeps_the_old_workspace_when_the_build_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import slatui.cli.demo_cmd as demo_cmd
    from slatui.cli.common import CliError

    def broken(*_: Any) -> None:
        raise CliError("events.csv: the disk is full")

    monkeypatch.setattr(demo_cmd, "_import", broken)
    db = tmp_path / "old.db"
    assert run(["init", "--db", str(db)]) == 0
    old = db.read_bytes()
    assert run(["demo", "--no-open", "--force", "--db", str(db)]) == 2
    assert "the disk is full" in capsys.readouterr().err
    assert db.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-pilot", "old.db"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("flags", "opened"), [((), True), (("--no-open",), False)])
def test_demo_opens_the_workbench_only_in_a_terminal_and_without_no_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: tuple[str, ...], opened: bool
) -> None:
    import slatui.app

    seen: list[Path] = []

    class FakeApp:
        def __init__(self, store: Any) -> None:
            self.store = store

        def run(self) -> None:
            seen.append(self.store.path)

    monkeypatch.setattr(slatui.app, "create_app", FakeApp)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(sys, "stdout", _Terminal())
    db = tmp_path / "tty.db"
    assert run(["demo", "--db", str(db), *flags]) == 0
    assert seen == ([db] if opened else [])


def test_demo_without_a_terminal_does_not_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import slatui.app

    def refuse(store: Any) -> Any:
        raise AssertionError("the workbench must not open without a terminal")

    monkeypatch.setattr(slatui.app, "create_app", refuse)
    assert run(["demo", "--db", str(tmp_path / "pipe.db")]) == 0
    assert "open it with" in capsys.readouterr().out


def test_demo_makes_the_folder_of_a_new_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python3 tasks.py demo` on a fresh clone: .demo/ does not exist yet."""
    db = tmp_path / "not-yet" / "workspace.db"
    assert run(["demo", "--no-open", "--db", str(db)]) == 0
    assert db.exists() and not (tmp_path / "not-yet" / ".workspace.db.demo-lock").exists()
