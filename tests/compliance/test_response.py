"""Response items (DESIGN §3, §4), checked against values worked out by hand.

The calendar is sample.toml's: Mon–Fri 09:00–17:00 America/New_York, US public
holidays, and the extra holidays 2026-11-27, 2026-12-24 and 2027-12-24. In
November 2026: Wed 11-11 is Veterans Day, Thu 11-26 Thanksgiving, Fri 11-27 an
extra holiday; US daylight saving ends Sun 2026-11-01 (02:00 EDT -> 01:00 EST),
so New York is UTC-4 until then and UTC-5 after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from slatui.compliance.response import (
    Amount,
    ClockEvent,
    Item,
    Pause,
    on_time_share,
    overdue_since,
    response_items,
)
from slatui.contract.load import load_file
from slatui.contract.model import ResponseCommitment
from slatui.duration import Duration
from slatui.workcal import WorkCalendar, localize

ROOT = Path(__file__).resolve().parents[2]
CAL = WorkCalendar.from_contract(load_file(ROOT / "sample.toml"))
NY = ZoneInfo("America/New_York")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A New York wall time as a real instant."""
    return localize(dt.datetime(year, month, day, hour, minute), NY)


FAR = at(2027, 1, 29)


def response(
    within: str | None, warn: str | None = None, *, directional: bool = False
) -> ResponseCommitment:
    data: dict[str, object] = {
        "id": "sal-answered",
        "measure": "response",
        "start": "sal_notified",
        "stop": ["call", "sales_email", "meeting"],
        "directional": directional,
    }
    if within is not None:
        data["within"] = within
    if warn is not None:
        data["warn_before"] = warn
    return ResponseCommitment.model_validate(data)


def event(
    when: dt.datetime, kind: str, event_id: int, lead: str | None = "L1", account: str = "acme"
) -> ClockEvent:
    return ClockEvent(at=when, type=kind, account=account, lead=lead, id=event_id)


def numbered(*rows: tuple[dt.datetime, str]) -> list[ClockEvent]:
    """Events of lead L1 with ids 1, 2, ... in the order given."""
    return [event(when, kind, index) for index, (when, kind) in enumerate(rows, start=1)]


def only(items: list[Item]) -> Item:
    assert len(items) == 1, items
    return items[0]


def judge(within: str | None, rows: list[ClockEvent], as_of: dt.datetime = FAR) -> Item:
    return only(response_items(response(within), rows, CAL, as_of))


# -- the workshop's question: a SAL on Friday 16:30 -----------------------------------

FRIDAY_SAL = numbered((at(2026, 11, 13, 16, 30), "sal_notified"), (at(2026, 11, 16, 10), "call"))


def test_friday_1630_answered_monday_1000_within_one_business_day() -> None:
    # 1bd: the same local time on the next working day, Mon 16:30. Answered Mon
    # 10:00, so on time. Elapsed in business days: the step Fri 16:30 -> Mon
    # 16:30 holds 0.5bh (Fri) + 7.5bh (Mon 09:00-16:30) = 8bh; done by Mon
    # 10:00 are 0.5bh + 1bh = 1.5bh, so 1.5 / 8 = 3/16 bd, shown 0.19bd.
    item = judge("1bd", FRIDAY_SAL)
    assert item.deadline == at(2026, 11, 16, 16, 30)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(3, 16)
    assert str(item.elapsed) == "0.19bd"
    assert item.elapsed.span == dt.timedelta(hours=1, minutes=30)
    assert item.counts_in_share
    assert item.remaining is None


def test_friday_1630_answered_monday_1000_within_eight_business_hours() -> None:
    # 8bh: Fri 16:30-17:00 uses 0.5bh, the weekend none, Mon from 09:00 the other
    # 7.5bh: due Mon 16:30. Elapsed Fri 16:30-17:00 (0.5) + Mon 09:00-10:00 (1)
    # = 1.5bh: on time.
    item = judge("8bh", FRIDAY_SAL)
    assert item.deadline == at(2026, 11, 16, 16, 30)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(3, 2)
    assert str(item.elapsed) == "1.5bh"
    assert item.elapsed.words() == "1 business hour 30 business minutes"
    assert item.clock_start == at(2026, 11, 13, 16, 30)


def test_friday_1630_within_24_wall_clock_hours_is_late_on_monday() -> None:
    # 24h of real time runs out Sat 16:30; Mon 10:00 is Fri 16:30 + 65.5h: late.
    item = judge("24h", FRIDAY_SAL)
    assert item.deadline == at(2026, 11, 14, 16, 30)
    assert item.state == "late"
    assert str(item.elapsed) == "65.5h"


def test_a_saturday_sal_starts_its_business_clock_on_monday_morning() -> None:
    # DESIGN §4: a SAL on Saturday afternoon, first contact Monday 10:00 is 1bh.
    # The clock starts Mon 09:00, so 8bh is due Mon 17:00.
    rows = numbered((at(2026, 11, 14, 14), "sal_notified"), (at(2026, 11, 16, 10), "call"))
    item = judge("8bh", rows)
    assert item.start == at(2026, 11, 14, 14)
    assert item.clock_start == at(2026, 11, 16, 9)
    assert item.deadline == at(2026, 11, 16, 17)
    assert item.elapsed.value == 1
    assert item.state == "on_time"


# -- Thanksgiving and the extra holiday ----------------------------------------------------

THANKSGIVING = numbered((at(2026, 11, 25, 15), "sal_notified"), (at(2026, 11, 30, 16), "call"))


def test_thanksgiving_and_the_extra_holiday_in_business_hours() -> None:
    # Wed 11-25 15:00-17:00 is 2bh; Thu 11-26 (Thanksgiving), Fri 11-27 (extra
    # holiday) and the weekend give nothing; Mon 11-30 09:00 + 6bh = 15:00. The
    # call at 16:00 is late, after 2bh + 7bh = 9bh. (Without the extra holiday
    # the deadline would have been Fri 11-27 15:00.)
    item = judge("8bh", THANKSGIVING)
    assert item.deadline == at(2026, 11, 30, 15)
    assert item.state == "late"
    assert item.elapsed.value == 9


def test_thanksgiving_and_the_extra_holiday_in_business_days() -> None:
    # 1bd: the next working day after Wed 11-25 is Mon 11-30, so due Mon 15:00;
    # the call at 16:00 is late. Elapsed: one whole step (Wed 15:00 -> Mon
    # 15:00) plus 1bh of the next (Mon 15:00 -> Tue 12-01 15:00 = 2bh + 6bh =
    # 8bh): 1 + 1/8 = 9/8 bd, shown 1.13bd (half up).
    item = judge("1bd", THANKSGIVING)
    assert item.deadline == at(2026, 11, 30, 15)
    assert item.state == "late"
    assert item.elapsed.value == Fraction(9, 8)
    assert str(item.elapsed) == "1.13bd"


def test_a_sal_on_thanksgiving_starts_the_clock_on_the_monday() -> None:
    # Thu 11-26 12:00 is a holiday, Fri an extra one: the clock starts Mon 11-30
    # 09:00, so the call at 10:00 is 1bh in, and 8bh is due Mon 17:00.
    rows = numbered((at(2026, 11, 26, 12), "sal_notified"), (at(2026, 11, 30, 10), "call"))
    item = judge("8bh", rows)
    assert item.clock_start == at(2026, 11, 30, 9)
    assert item.deadline == at(2026, 11, 30, 17)
    assert item.elapsed.value == 1


# -- the week daylight saving ends ------------------------------------------------------------

# Fri 2026-10-30 12:00 EDT = 16:00 UTC; Mon 2026-11-02 11:30 EST = 16:30 UTC.
DST_WEEK = numbered((at(2026, 10, 30, 12), "sal_notified"), (at(2026, 11, 2, 11, 30), "call"))


def test_dst_week_in_wall_clock_hours() -> None:
    # 72 real hours: Fri 16:00 UTC + 72h = Mon 16:00 UTC = Mon 11:00 EST (the
    # repeated hour on Sunday makes it 11:00, not 12:00, on the wall). The call
    # at 11:30 EST is late, 72.5 real hours after the SAL.
    item = judge("72h", DST_WEEK)
    assert item.deadline == dt.datetime(2026, 11, 2, 16, tzinfo=dt.UTC)
    assert item.deadline.astimezone(NY).hour == 11
    assert item.state == "late"
    assert item.elapsed.value == Fraction(145, 2)


def test_dst_week_in_business_hours() -> None:
    # 8bh: Fri 12:00-17:00 EDT is 5bh, then Mon 09:00 EST + 3bh = 12:00 EST. The
    # call at 11:30 is on time after 5 + 2.5 = 7.5bh; the weekend's extra hour
    # is not working time.
    item = judge("8bh", DST_WEEK)
    assert item.deadline == at(2026, 11, 2, 12)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(15, 2)


def test_dst_week_in_calendar_days() -> None:
    # 3d: the same local time three days later, Mon 12:00 EST (73 real hours).
    # On time at 11:30. Elapsed on the wall clock: Fri 12:00 -> Mon 11:30 is
    # 71.5h, 71.5 / 24 = 143/48 d, shown 2.98d.
    item = judge("3d", DST_WEEK)
    assert item.deadline == at(2026, 11, 2, 12)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(143, 48)
    assert str(item.elapsed) == "2.98d"


# -- pauses ---------------------------------------------------------------------------------


def test_a_pause_of_two_business_hours_moves_the_deadline_by_two() -> None:
    # Tue 11-17 09:00, 8bh: due Tue 17:00. Paused 11:00-13:00 (2bh), so due Wed
    # 11-18 11:00. The call Wed 10:30 is on time: running 09:00-11:00 (2) +
    # 13:00-17:00 (4) + Wed 09:00-10:30 (1.5) = 7.5bh. Counting the pause it
    # would have been 9.5bh, late.
    rows = numbered(
        (at(2026, 11, 17, 9), "sal_notified"),
        (at(2026, 11, 17, 11), "pause"),
        (at(2026, 11, 17, 13), "resume"),
        (at(2026, 11, 18, 10, 30), "call"),
    )
    item = judge("8bh", rows)
    assert item.deadline == at(2026, 11, 18, 11)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(15, 2)
    assert item.paused.value == 2
    assert str(item.paused) == "2bh"
    assert item.pauses == (Pause(at(2026, 11, 17, 11), at(2026, 11, 17, 13)),)


def test_a_stop_while_paused_counts_no_paused_time() -> None:
    # Tue 09:00, 8bh, paused at 15:00 and never resumed; the call Wed 12:00 ends
    # the pause too. Running 09:00-15:00 = 6bh; paused Tue 15:00-17:00 (2) +
    # Wed 09:00-12:00 (3) = 5bh; due Tue 17:00 + 5bh = Wed 14:00: on time.
    rows = numbered(
        (at(2026, 11, 17, 9), "sal_notified"),
        (at(2026, 11, 17, 15), "pause"),
        (at(2026, 11, 18, 12), "call"),
    )
    item = judge("8bh", rows)
    assert item.elapsed.value == 6
    assert item.paused.value == 5
    assert item.deadline == at(2026, 11, 18, 14)
    assert item.state == "on_time"
    assert item.pauses == (Pause(at(2026, 11, 17, 15), at(2026, 11, 18, 12)),)


def test_a_pause_after_the_deadline_does_not_make_the_item_on_time() -> None:
    # Tue 09:00, 2bh: due 11:00. The pause at 12:00 begins after the deadline and
    # moves nothing; the call at 15:00 (while paused) is late after 3bh running.
    rows = numbered(
        (at(2026, 11, 17, 9), "sal_notified"),
        (at(2026, 11, 17, 12), "pause"),
        (at(2026, 11, 17, 15), "call"),
    )
    item = judge("2bh", rows)
    assert item.deadline == at(2026, 11, 17, 11)
    assert item.state == "late"
    assert item.elapsed.value == 3
    assert item.paused.value == 3


def test_a_pause_moves_a_business_day_deadline_by_business_hours() -> None:
    # Tue 10:00, 1bd: due Wed 10:00; the 2bh pause 14:00-16:00 is added as
    # business time after it: Wed 12:00. The call Wed 11:30 is on time. Running:
    # 10:00-14:00 (4) + 16:00-17:00 (1) + Wed 09:00-11:30 (2.5) = 7.5bh; laid out
    # from Tue 10:00 without the pause that reaches Wed 09:30, 7.5 of the step's
    # 8bh: 15/16 bd. Paused time under bd is shown in business hours.
    rows = numbered(
        (at(2026, 11, 17, 10), "sal_notified"),
        (at(2026, 11, 17, 14), "pause"),
        (at(2026, 11, 17, 16), "resume"),
        (at(2026, 11, 18, 11, 30), "call"),
    )
    item = judge("1bd", rows)
    assert item.deadline == at(2026, 11, 18, 12)
    assert item.state == "on_time"
    assert item.elapsed.value == Fraction(15, 16)
    assert str(item.elapsed) == "0.94bd"
    assert str(item.paused) == "2bh"


def test_a_pause_over_the_weekend_moves_a_wall_clock_deadline_by_real_time() -> None:
    # Fri 11-20 10:00, 72h: due Mon 11-23 10:00. Paused Sat 10:00 -> Sun 16:00,
    # 30 real hours: due Mon 10:00 + 30h = Tue 11-24 16:00. The call Tue 15:00
    # is on time: Fri 10:00 -> Tue 15:00 is 101h, less the 30h paused = 71h.
    rows = numbered(
        (at(2026, 11, 20, 10), "sal_notified"),
        (at(2026, 11, 21, 10), "pause"),
        (at(2026, 11, 22, 16), "resume"),
        (at(2026, 11, 24, 15), "call"),
    )
    item = judge("72h", rows)
    assert item.deadline == at(2026, 11, 24, 16)
    assert item.state == "on_time"
    assert item.elapsed.value == 71
    assert item.paused.value == 30


def test_a_pause_moves_a_calendar_day_deadline_by_local_wall_time() -> None:
    # Fri 10-30 12:00 EDT, 3d: due Mon 11-02 12:00 EST. Paused Sat 10-31 10:00
    # EDT -> Sun 11-01 10:00 EST: 24h on the wall (25 real hours, the repeated
    # hour): due Tue 11-03 12:00 EST, the same local time a day later.
    rows = numbered(
        (at(2026, 10, 30, 12), "sal_notified"),
        (at(2026, 10, 31, 10), "pause"),
        (at(2026, 11, 1, 10), "resume"),
    )
    # Elapsed as of Tue 09:00: Fri 12:00 -> Tue 09:00 is 93h on the wall, less
    # 24h paused = 69h = 69/24 d.
    item = judge("3d", rows, as_of=at(2026, 11, 3, 9))
    assert item.paused.value == 1
    assert item.elapsed.value == Fraction(69, 24)
    assert item.deadline == at(2026, 11, 3, 12)
    assert item.state == "open"


def test_an_item_paused_as_of_now_is_paused_not_overdue() -> None:
    # Tue 09:00, 8bh, paused at 10:00, as of Wed 16:00 still paused. Running 1bh,
    # so 7bh remain. Paused so far Tue 10:00-17:00 (7) + Wed 09:00-16:00 (7) =
    # 14bh, so the deadline is Tue 17:00 + 14bh: Wed 09:00-17:00 (8), then Thu
    # 09:00 + 6 = Thu 15:00. Without the pause it would be open_overdue.
    rows = numbered((at(2026, 11, 17, 9), "sal_notified"), (at(2026, 11, 17, 10), "pause"))
    item = judge("8bh", rows, as_of=at(2026, 11, 18, 16))
    assert item.state == "paused"
    assert not item.counts_in_share
    assert item.pauses == (Pause(at(2026, 11, 17, 10), None),)
    assert item.paused.value == 14
    assert item.deadline == at(2026, 11, 19, 15)
    assert item.remaining is not None
    assert item.remaining.value == 7


def test_repeated_pauses_and_stray_resumes_are_ignored() -> None:
    # Tue 09:00, 8bh. A resume at 09:30 with nothing paused does nothing; the
    # pause at 10:00 counts, the second pause at 11:00 does not restart it;
    # the resume at 12:00 ends it: 2bh paused. The call at 14:00 comes after
    # 09:00-10:00 (1) + 12:00-14:00 (2) = 3bh running.
    rows = numbered(
        (at(2026, 11, 17, 9), "sal_notified"),
        (at(2026, 11, 17, 9, 30), "resume"),
        (at(2026, 11, 17, 10), "pause"),
        (at(2026, 11, 17, 11), "pause"),
        (at(2026, 11, 17, 12), "resume"),
        (at(2026, 11, 17, 14), "call"),
    )
    item = judge("8bh", rows)
    assert item.pauses == (Pause(at(2026, 11, 17, 10), at(2026, 11, 17, 12)),)
    assert item.paused.value == 2
    assert item.elapsed.value == 3


# -- which stop, which start -------------------------------------------------------------------


def test_the_earliest_stop_wins_whatever_the_import_order() -> None:
    # Mon 11-16 09:00, 8bh. Stops were imported late-first: Wed 11:00 (id 2),
    # Tue 15:00 (id 3), Mon 12:00 (id 7); one on Sun 11-15 (id 4) is before the
    # start and ends nothing. The earliest after the start, Mon 12:00, wins:
    # 3bh, on time.
    rows = [
        event(at(2026, 11, 18, 11), "call", 2),
        event(at(2026, 11, 17, 15), "meeting", 3),
        event(at(2026, 11, 15, 12), "call", 4),
        event(at(2026, 11, 16, 9), "sal_notified", 5),
        event(at(2026, 11, 16, 12), "sales_email", 7),
    ]
    item = judge("8bh", rows)
    assert item.stop == at(2026, 11, 16, 12)
    assert item.stop_id == 7
    assert item.elapsed.value == 3
    assert item.state == "on_time"
    assert judge("8bh", list(reversed(rows))) == item


def test_stops_at_the_same_instant_are_told_apart_by_id() -> None:
    rows = [
        event(at(2026, 11, 16, 9), "sal_notified", 1),
        event(at(2026, 11, 16, 12), "call", 9),
        event(at(2026, 11, 16, 12), "meeting", 8),
    ]
    assert judge("8bh", rows).stop_id == 8


def test_a_stop_at_the_instant_of_the_start_stops_it_whatever_the_ids() -> None:
    # The stop was imported first (smaller id) but happened at the same instant.
    rows = [event(at(2026, 11, 16, 10), "call", 1), event(at(2026, 11, 16, 10), "sal_notified", 2)]
    item = judge("8bh", rows)
    assert item.stop_id == 1
    assert item.elapsed.value == 0
    assert item.state == "on_time"


def test_a_second_start_while_open_is_ignored_and_one_after_the_stop_opens_a_new_item() -> None:
    # L1 notified Mon 10:00 and again Mon 11:00 (ignored: the item is open);
    # the call Mon 12:00 stops the first item after 2bh. Notified again Tue
    # 10:00: a new item, open as of Tue 12:00 after 2bh, 6bh left.
    rows = numbered(
        (at(2026, 11, 16, 10), "sal_notified"),
        (at(2026, 11, 16, 11), "sal_notified"),
        (at(2026, 11, 16, 12), "call"),
        (at(2026, 11, 17, 10), "sal_notified"),
    )
    first, second = response_items(response("8bh"), rows, CAL, at(2026, 11, 17, 12))
    assert (first.start_id, first.stop_id, first.elapsed.value) == (1, 3, 2)
    assert first.state == "on_time"
    assert (second.start_id, second.stop, second.elapsed.value) == (4, None, 2)
    assert second.state == "open"
    assert second.remaining is not None and second.remaining.value == 6


def test_a_start_at_the_instant_of_the_stop_opens_a_new_item_with_its_own_stop() -> None:
    # The first item stops Mon 12:00; a start at the same instant opens the next
    # one, which that stop does not end: the call Mon 15:00 does (3bh).
    rows = numbered(
        (at(2026, 11, 16, 10), "sal_notified"),
        (at(2026, 11, 16, 12), "sal_notified"),
        (at(2026, 11, 16, 12), "call"),
        (at(2026, 11, 16, 15), "call"),
    )
    first, second = response_items(response("8bh"), rows, CAL, FAR)
    assert (first.stop_id, first.elapsed.value) == (3, 2)
    assert (second.start_id, second.stop_id, second.elapsed.value) == (2, 4, 3)


def test_items_are_keyed_by_lead_else_by_account() -> None:
    # Two leads of one account are two items; an account-level event (no lead)
    # is its own item and does not stop a lead's clock; an event with neither
    # belongs to no item.
    rows = [
        event(at(2026, 11, 16, 9), "sal_notified", 1, lead="L1"),
        event(at(2026, 11, 16, 9), "sal_notified", 2, lead="L2"),
        event(at(2026, 11, 16, 10), "sal_notified", 3, lead=None, account="globex"),
        event(at(2026, 11, 16, 11), "call", 4, lead=None, account="acme"),
        event(at(2026, 11, 16, 12), "call", 5, lead="L2"),
        event(at(2026, 11, 16, 13), "call", 6, lead=None, account="globex"),
        ClockEvent(at(2026, 11, 16, 9), "sal_notified", None, None, 7),
    ]
    items = response_items(response("8bh"), rows, CAL, at(2026, 11, 16, 14))
    assert [(i.key, i.account, i.stop_id) for i in items] == [
        ("L1", "acme", None),
        ("L2", "acme", 5),
        ("globex", "globex", 6),
    ]


def test_events_after_as_of_do_not_exist_yet() -> None:
    # As of Mon 11:59 the call at 12:00 has not happened: open, 2h59m in.
    rows = numbered((at(2026, 11, 16, 9), "sal_notified"), (at(2026, 11, 16, 12), "call"))
    item = judge("8bh", rows, as_of=at(2026, 11, 16, 11, 59))
    assert item.stop is None
    assert item.elapsed.span == dt.timedelta(hours=2, minutes=59)
    # At exactly 12:00 it has: an event at as_of is included.
    assert judge("8bh", rows, as_of=at(2026, 11, 16, 12)).state == "on_time"
    # A start after as_of gives no item at all.
    assert response_items(response("8bh"), rows, CAL, at(2026, 11, 16, 8)) == []


def test_item_instants_are_in_utc() -> None:
    item = judge("8bh", FRIDAY_SAL)
    for instant in (item.start, item.clock_start, item.stop, item.deadline, item.as_of):
        assert instant is not None and instant.tzinfo is dt.UTC


# -- open items: open, at risk, overdue ---------------------------------------------------------

OPEN_SAL = numbered((at(2026, 11, 16, 9), "sal_notified"))


def open_as_of(as_of: dt.datetime) -> Item:
    # Mon 11-16 09:00, 8bh with warn_before 2bh: due Mon 17:00.
    return only(response_items(response("8bh", "2bh"), OPEN_SAL, CAL, as_of))


def test_open_before_the_warning() -> None:
    # As of Mon 12:00: 3bh gone, 5bh left; 12:00 + 2bh = 14:00 < 17:00, not at risk.
    item = open_as_of(at(2026, 11, 16, 12))
    assert item.state == "open"
    assert item.deadline == at(2026, 11, 16, 17)
    assert item.remaining is not None
    assert item.remaining.value == 5
    assert item.remaining.words() == "5 business hours"
    assert not item.counts_in_share


def test_at_risk_within_warn_before_of_the_deadline() -> None:
    # From 15:00 the deadline is within 2bh (15:00 + 2bh = 17:00); 14:59 is not.
    assert open_as_of(at(2026, 11, 16, 14, 59)).state == "open"
    item = open_as_of(at(2026, 11, 16, 15))
    assert item.state == "at_risk"
    assert not item.counts_in_share
    assert item.remaining is not None and item.remaining.value == 2


def test_open_overdue_after_the_deadline_counts_as_late() -> None:
    # At 17:00 itself it is still due (the deadline is the last on-time instant);
    # as of Tue 10:00 it is overdue: 9bh gone, remaining -1bh.
    assert open_as_of(at(2026, 11, 16, 17)).state == "at_risk"
    item = open_as_of(at(2026, 11, 17, 10))
    assert item.state == "open_overdue"
    assert item.counts_in_share
    assert item.remaining is not None
    assert item.remaining.value == -1
    assert str(item.remaining) == "-1bh"


def test_on_time_share_counts_stopped_and_overdue_items_only() -> None:
    # L1 answered in 1bh (on time), L2 answered Tue 10:00 after 9bh (late), L3
    # open since Mon 09:00 (overdue as of Tue 12:00), L4 notified Tue 11:00
    # (open, 1bh in), L5 notified Mon 10:00 and paused at 11:00 (paused). Three
    # count, one of them on time: 1/3.
    rows = [
        event(at(2026, 11, 16, 9), "sal_notified", 1, lead="L1"),
        event(at(2026, 11, 16, 10), "call", 2, lead="L1"),
        event(at(2026, 11, 16, 9), "sal_notified", 3, lead="L2"),
        event(at(2026, 11, 17, 10), "call", 4, lead="L2"),
        event(at(2026, 11, 16, 9), "sal_notified", 5, lead="L3"),
        event(at(2026, 11, 17, 11), "sal_notified", 6, lead="L4"),
        event(at(2026, 11, 16, 10), "sal_notified", 7, lead="L5"),
        event(at(2026, 11, 16, 11), "pause", 8, lead="L5"),
    ]
    items = response_items(response("8bh"), rows, CAL, at(2026, 11, 17, 12))
    assert {i.key: i.state for i in items} == {
        "L1": "on_time",
        "L2": "late",
        "L3": "open_overdue",
        "L4": "open",
        "L5": "paused",
    }
    assert on_time_share(items) == Fraction(1, 3)
    assert on_time_share([i for i in items if not i.counts_in_share]) is None
    assert on_time_share([]) is None


# -- directional commitments ---------------------------------------------------------------------


def test_a_commitment_without_within_is_never_late() -> None:
    # No number agreed: items are "open", "paused" or "stopped", have no
    # deadline and no remaining time, count in no share, and elapsed time is
    # shown in plain hours. L1 took 65.5h (Fri 16:30 -> Mon 10:00).
    rows = [*FRIDAY_SAL, event(at(2026, 11, 16, 9), "sal_notified", 3, lead="L2")]
    commitment = response(None, directional=True)
    first, second = response_items(commitment, rows, CAL, at(2027, 1, 4))
    assert (first.state, first.deadline, first.remaining) == ("stopped", None, None)
    assert str(first.elapsed) == "65.5h"
    assert (second.state, second.deadline) == ("open", None)
    assert on_time_share([first, second]) is None


def test_a_directional_commitment_with_a_draft_number_shows_it_but_does_not_judge() -> None:
    # 8bh as a draft figure: the deadline (Mon 11-30 15:00) and the time left are
    # shown, but a stop after it is "stopped", not late, and an open item past
    # it is "open", not overdue.
    commitment = response("8bh", directional=True)
    late = only(response_items(commitment, THANKSGIVING, CAL, FAR))
    assert (late.state, late.deadline) == ("stopped", at(2026, 11, 30, 15))
    still_open = only(response_items(commitment, OPEN_SAL, CAL, at(2026, 11, 17, 10)))
    assert still_open.state == "open"
    assert still_open.remaining is not None and still_open.remaining.value == -1
    assert not still_open.counts_in_share


# -- the overdue escalation -----------------------------------------------------------------------

# Fri 11-20 10:00, an escalation after 48h of wall clock: Sun 11-22 10:00, the
# weekend counting in full. Paused Fri 13:00-16:00 (3 real hours): Sun 13:00.
ESCALATED_START = at(2026, 11, 20, 10)
AFTER_48H = Duration.parse("48h")


def escalation_rows(*extra: tuple[dt.datetime, str]) -> list[ClockEvent]:
    return numbered(
        (ESCALATED_START, "sal_notified"),
        (at(2026, 11, 20, 13), "pause"),
        (at(2026, 11, 20, 16), "resume"),
        *extra,
    )


def overdue(rows: list[ClockEvent], as_of: dt.datetime = FAR) -> dt.datetime | None:
    # The commitment is 1bd; the escalation counts in its own unit (hours).
    return overdue_since(judge("1bd", rows, as_of), AFTER_48H, CAL)


def test_overdue_after_48_wall_clock_hours_across_a_weekend_excluding_a_pause() -> None:
    # Answered Mon 09:30: the escalation fell due Sun 13:00 (and was resolved
    # Monday). The item's paused time is 16:00-13:00 = 3bh of business time too.
    rows = escalation_rows((at(2026, 11, 23, 9, 30), "call"))
    assert overdue(rows) == at(2026, 11, 22, 13)
    assert judge("1bd", rows).paused.value == 3


def test_no_overdue_escalation_when_answered_within_48_open_hours() -> None:
    # Answered Sun 12:00: 50 wall hours after the SAL, but only 47 open ones.
    assert overdue(escalation_rows((at(2026, 11, 22, 12), "call"))) is None


def test_overdue_of_an_open_item_once_as_of_passes_the_moment() -> None:
    # At Sun 13:00 exactly it has been open 48h, not more; a minute later it has.
    rows = escalation_rows()
    assert overdue(rows, as_of=at(2026, 11, 22, 13)) is None
    assert overdue(rows, as_of=at(2026, 11, 22, 13, 1)) == at(2026, 11, 22, 13)


def test_no_overdue_escalation_while_paused_since_before_it_falls_due() -> None:
    # Paused again Sat 10:00 and not resumed as of Mon: the 48 open hours have
    # not passed (Fri 10:00 -> Sat 10:00 is 24h, less 3h paused: 21h).
    rows = escalation_rows((at(2026, 11, 21, 10), "pause"))
    assert overdue(rows, as_of=at(2026, 11, 23, 12)) is None


def test_a_pause_after_the_escalation_fell_due_does_not_move_it() -> None:
    # Paused Sun 15:00, after the Sun 13:00 moment: still overdue since 13:00.
    rows = escalation_rows((at(2026, 11, 22, 15), "pause"))
    assert overdue(rows, as_of=at(2026, 11, 23, 12)) == at(2026, 11, 22, 13)


def test_overdue_in_business_hours_counts_the_pause_as_business_time() -> None:
    # After 8bh: Fri 10:00 + 8bh = Mon 11-23 10:00; the pause Fri 13:00-16:00
    # is 3bh, so Mon 13:00. Answered Mon 12:00: no escalation.
    rows = escalation_rows((at(2026, 11, 23, 12), "call"))
    assert overdue_since(judge("1bd", rows), Duration.parse("8bh"), CAL) is None
    late = escalation_rows((at(2026, 11, 23, 14), "call"))
    assert overdue_since(judge("1bd", late), Duration.parse("8bh"), CAL) == at(2026, 11, 23, 13)


# -- properties ------------------------------------------------------------------------------

BASE = at(2026, 10, 26)  # a Monday; four weeks span the DST change and Thanksgiving
KINDS = ["sal_notified", "call", "meeting", "pause", "resume", "note"]
UNITS = ["8bh", "2bd", "24h", "3d", "90m"]


@st.composite
def event_lists(draw: st.DrawFn) -> list[ClockEvent]:
    """Up to 25 events on three leads over five weeks, on a 30-minute grid (ties likely)."""
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 35 * 48),
                st.sampled_from(KINDS),
                st.sampled_from(["L1", "L2", None]),
            ),
            max_size=25,
        )
    )
    return [
        ClockEvent(BASE + dt.timedelta(minutes=30 * slot), kind, "acme", lead, index)
        for index, (slot, kind, lead) in enumerate(rows)
    ]


@settings(max_examples=150, deadline=None)
@given(event_lists(), st.randoms(use_true_random=False), st.sampled_from(UNITS))
def test_the_order_of_the_events_never_changes_the_items(
    rows: list[ClockEvent], rng: random.Random, within: str
) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)
    as_of = BASE + dt.timedelta(days=30)
    commitment = response(within, "1h" if within in ("24h", "90m") else None)
    assert response_items(commitment, shuffled, CAL, as_of) == response_items(
        commitment, rows, CAL, as_of
    )


@st.composite
def paused_items(draw: st.DrawFn) -> list[ClockEvent]:
    """A start and up to three pause/resume pairs after it, on a 10-minute grid.

    Every pause is resumed, so the deadline does not depend on `as_of`.
    """
    start = draw(st.integers(0, 20 * 144))
    offsets = draw(st.lists(st.integers(1, 10 * 144), min_size=0, max_size=6, unique=True))
    offsets = offsets[: len(offsets) // 2 * 2]
    rows = [ClockEvent(BASE + dt.timedelta(minutes=10 * start), "sal_notified", "a", "L", 0)]
    for index, offset in enumerate(sorted(offsets), start=1):
        kind = "pause" if index % 2 else "resume"
        when = BASE + dt.timedelta(minutes=10 * (start + offset))
        rows.append(ClockEvent(when, kind, "a", "L", index))
    return rows


@settings(max_examples=150, deadline=None)
@given(paused_items(), st.sampled_from(["8bh", "2bd", "30h", "3d"]))
def test_an_item_stopped_at_its_deadline_has_used_exactly_within(
    rows: list[ClockEvent], within: str
) -> None:
    # Whatever the pauses, the moved deadline is the instant the running clock
    # reaches `within`: stopped then, the item is on time with elapsed ==
    # within; a second later it is late.
    commitment = response(within)
    probe = only(response_items(commitment, rows, CAL, at(2027, 6, 1)))
    assert probe.deadline is not None
    stop = ClockEvent(probe.deadline, "call", "a", "L", 99)
    item = only(response_items(commitment, [*rows, stop], CAL, at(2027, 6, 1)))
    assert item.deadline == probe.deadline
    assert item.state == "on_time"
    assert item.elapsed.value == Duration.parse(within).amount
    later = ClockEvent(probe.deadline + dt.timedelta(seconds=1), "call", "a", "L", 99)
    assert only(response_items(commitment, [*rows, later], CAL, at(2027, 6, 1))).state == "late"


@settings(max_examples=150, deadline=None)
@given(paused_items(), st.integers(0, 10 * 144), st.integers(1, 144))
def test_a_pause_never_brings_a_deadline_forward(
    rows: list[ClockEvent], offset: int, length: int
) -> None:
    # One more pause, placed before the item's other pauses so that they stay
    # paired, never makes the deadline earlier nor the elapsed time longer.
    commitment = response("8bh")
    start = rows[0].at
    next_event = rows[1].at if len(rows) > 1 else start + dt.timedelta(days=30)
    begin = start + dt.timedelta(minutes=offset)
    end = begin + dt.timedelta(minutes=length)
    assume(end < next_event)
    extra = [ClockEvent(begin, "pause", "a", "L", 50), ClockEvent(end, "resume", "a", "L", 51)]
    as_of = at(2027, 6, 1)
    plain = only(response_items(commitment, rows, CAL, as_of))
    paused = only(response_items(commitment, [*rows, *extra], CAL, as_of))
    assert plain.deadline is not None and paused.deadline is not None
    assert paused.deadline >= plain.deadline
    assert paused.elapsed.value <= plain.elapsed.value


@pytest.mark.parametrize("within", ["8bh", "1bd", "24h", "1d", "90m", "30bm"])
def test_every_unit_gives_its_own_unit_back(within: str) -> None:
    item = judge(within, FRIDAY_SAL)
    assert item.elapsed.unit == Duration.parse(within).unit


@pytest.mark.parametrize("within", ["2bd", "8bh", "30m", "2d", None])
def test_items_are_what_their_constructors_make(within: str | None) -> None:
    """Items and amounts are filled in without their frozen constructors (for speed):
    every field is set, and each is the very value `Item(...)` / `Amount(...)` gives."""
    rows = numbered(
        (at(2026, 11, 16, 10), "sal_notified"),
        (at(2026, 11, 16, 11), "pause"),
        (at(2026, 11, 16, 12), "resume"),
        (at(2026, 11, 17, 15), "call"),
        (at(2026, 11, 18, 9), "sal_notified"),
    )
    items = response_items(response(within), rows, CAL, at(2026, 11, 19, 12))
    assert len(items) == 2
    for item in items:
        names = [f.name for f in dataclasses.fields(Item)]
        assert sorted(vars(item)) == sorted(names)
        rebuilt = Item(**{name: getattr(item, name) for name in names})
        assert (rebuilt, repr(rebuilt), hash(rebuilt)) == (item, repr(item), hash(item))
        for amount in (item.elapsed, item.paused, item.remaining):
            if amount is None:
                continue
            assert sorted(vars(amount)) == ["span", "unit", "value"]
            again = Amount(amount.span, amount.value, amount.unit)
            assert (again, repr(again), hash(again)) == (amount, repr(amount), hash(amount))
            assert isinstance(amount.value, Fraction)
