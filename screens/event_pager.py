"""Paging the events table forward and back by keyset, at any table size.

`Store.events_page` seeks with a cursor (the last row's time and id), which
stays fast at a million rows where OFFSET would not; going back needs the
cursor each page started from, so the pager remembers them. Every request
carries a serial number: an answer for an older request (the user typed
another filter meanwhile) is dropped rather than drawn over the newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store import EventCursor, EventFilter, EventPage

PAGE_SIZE = 100


@dataclass(frozen=True)
class EventPageRequest:
    """One page to read: the filter, the page's number (0-based) and where it starts."""

    filters: EventFilter
    page: int
    after: EventCursor | None
    serial: int
    size: int = PAGE_SIZE


@dataclass
class EventPager:
    """Which page of which filter is on screen, and the cursors to reach the others."""

    size: int = PAGE_SIZE
    filters: EventFilter = field(default_factory=EventFilter)
    page: int = 0
    serial: int = 0
    has_next: bool = False
    _starts: list[EventCursor | None] = field(default_factory=lambda: [None])
    _next: EventCursor | None = None
    _answered: int = -1

    def current(self) -> EventPageRequest:
        """The page on screen, read again (after another terminal wrote)."""
        self.serial += 1
        return EventPageRequest(
            self.filters, self.page, self._starts[self.page], self.serial, self.size
        )

    def refilter(self, filters: EventFilter) -> EventPageRequest:
        """A new filter starts again at its first page."""
        self.filters = filters
        self.page = 0
        self._starts = [None]
        self._next = None
        self.has_next = False
        return self.current()

    @property
    def waiting(self) -> bool:
        """A page was asked for and has not arrived: where the next one starts is not known."""
        return self._answered != self.serial

    def forward(self) -> EventPageRequest | None:
        """The next page, or None on the last one (or while the current one is on its way)."""
        if self._next is None or self.waiting:
            return None
        del self._starts[self.page + 1 :]
        self._starts.append(self._next)
        self.page += 1
        return self.current()

    def back(self) -> EventPageRequest | None:
        """The previous page, or None on the first one."""
        if self.page == 0:
            return None
        self.page -= 1
        return self.current()

    def first(self) -> EventPageRequest | None:
        """The first page, or None when already there."""
        if self.page == 0:
            return None
        self.page = 0
        return self.current()

    def accept(self, request: EventPageRequest, page: EventPage) -> bool:
        """Take an answer if it is for the latest request; remember where the next page starts."""
        if request.serial != self.serial:
            return False
        self._answered = request.serial
        self._next = page.next
        self.has_next = page.next is not None
        return True

    def span(self, shown: int) -> tuple[int, int]:
        """The 1-based numbers of the first and last row shown (0, 0 when none)."""
        if shown == 0:
            return 0, 0
        first = self.page * self.size + 1
        return first, first + shown - 1
