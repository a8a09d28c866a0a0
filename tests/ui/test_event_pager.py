"""Keyset paging forward and back, and why a fast `]` cannot skip pages."""

from __future__ import annotations

from screens.event_pager import EventPager
from store import EventCursor, EventFilter, EventPage


def page_ending_at(ts: int) -> EventPage:
    return EventPage(events=[], next=EventCursor(ts=ts, id=ts))


def test_forward_waits_for_the_page_it_starts_after() -> None:
    pager = EventPager(size=100)
    first = pager.current()
    # The first page has not arrived: where the second starts is not known yet.
    assert pager.waiting and pager.forward() is None
    assert pager.accept(first, page_ending_at(100))
    second = pager.forward()
    assert second is not None and second.after == EventCursor(100, 100) and second.page == 1
    assert pager.forward() is None  # again before the second page came back: refused
    assert pager.accept(second, page_ending_at(200))
    third = pager.forward()
    assert third is not None and third.after == EventCursor(200, 200)
    assert pager.span(100) == (201, 300)


def test_back_returns_to_where_the_page_started_and_stale_answers_are_dropped() -> None:
    pager = EventPager(size=10)
    pager.accept(pager.current(), page_ending_at(10))
    second = pager.forward()
    assert second is not None
    back = pager.back()
    assert back is not None and back.after is None and back.page == 0
    assert not pager.accept(second, page_ending_at(20))  # the answer to an older request
    assert pager.accept(back, page_ending_at(10))


def test_a_new_filter_starts_at_its_first_page() -> None:
    pager = EventPager(size=10)
    pager.accept(pager.current(), page_ending_at(10))
    assert pager.forward() is not None
    request = pager.refilter(EventFilter(type="call"))
    assert (request.page, request.after, request.filters.type) == (0, None, "call")
