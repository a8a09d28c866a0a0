"""When a closed period's response figure took the status it has now.

A response period can change its verdict after it closes: an item that was
open at the close (left out of the share, DESIGN §4) counts as late once it
is overdue, or as on time or late when it stops. An escalation raised on
that verdict (`missed`) must not claim it was due before the verdict existed,
so this finds the moment the current status was last reached, sweeping the
period's items' stops and deadlines between its end and `as_of`.

Each item, at a moment t: stopped by t is judged (on time when it stopped by
its deadline); not stopped and past its deadline is late; otherwise it is
left out. The deadline is the one known as of `as_of` (already moved by the
pauses), as the figure itself uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from slatui.compliance.periods import Period
from slatui.compliance.response import Item


def status_at(items: Sequence[Item], on_time: float, moment: dt.datetime) -> str:
    """The closed period's status as it stood at `moment`: met or missed."""
    good = counted = 0
    for item in items:
        verdict = _verdict(item, moment)
        if verdict is not None:
            counted += 1
            good += verdict
    return _status(good, counted, on_time)


def decided_at(
    items: Sequence[Item], period: Period, on_time: float, as_of: dt.datetime
) -> dt.datetime:
    """The moment (the period's end at the earliest) since which its status is the current one.

    One pass: every item is judged at the period's end, then changes at most
    once afterwards (an open item stops, or runs past its deadline), so the
    changes are swept in time with running counts.
    """
    mine = [i for i in items if period.start <= i.start < period.end]
    good = counted = 0
    changes: list[tuple[dt.datetime, int]] = []
    for item in mine:
        verdict = _verdict(item, period.end)
        if verdict is not None:
            counted, good = counted + 1, good + verdict
            continue
        change = _change(item, as_of)
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda c: c[0])
    status = _status(good, counted, on_time)
    final = status_at(mine, on_time, as_of)
    since = period.end
    for index, (moment, verdict) in enumerate(changes):
        counted, good = counted + 1, good + verdict
        if index + 1 < len(changes) and changes[index + 1][0] == moment:
            continue  # changes at one instant count together
        now = _status(good, counted, on_time)
        if now != status and now == final:
            since = moment
        status = now
    return since


def _status(good: int, counted: int, on_time: float) -> str:
    return "met" if counted == 0 or good / counted >= on_time else "missed"


def _change(item: Item, as_of: dt.datetime) -> tuple[dt.datetime, int] | None:
    """An item not judged at the close: when it becomes judged by `as_of`, and how."""
    deadline, stop = item.deadline, item.stop
    if stop is not None and stop <= as_of and (deadline is None or stop <= deadline):
        return stop, 1
    if deadline is not None and deadline < as_of:
        return deadline, 0
    return None


def _verdict(item: Item, moment: dt.datetime) -> int | None:
    """1 on time, 0 late, None not judged yet at `moment`."""
    if item.stop is not None and item.stop <= moment:
        return int(item.deadline is None or item.stop <= item.deadline)
    if item.deadline is not None and item.deadline < moment:
        return 0
    return None
