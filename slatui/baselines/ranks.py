"""Order statistics the pair can check by hand: nearest rank, never interpolation.

The p-th percentile of n values is the smallest value with at least p of
them at or below it: the value at rank ceil(p * n) in ascending order. With
values 1, 2, 3, 4 the median is 2 and the 90th percentile 4. Interpolated
percentiles would name durations no item ever took; a nearest rank always
names one that happened.

"The duration within which 90% of items were answered" counts every item,
answered or not: an item still unanswered has taken longer than any
duration, so when more than a tenth of the items are unanswered no duration
is long enough and the answer is None.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction


def rank(share: Fraction | float, count: int) -> int:
    """The 1-based nearest rank of `share` among `count` values (at least 1)."""
    if count <= 0:
        raise ValueError("no values to rank")
    return max(1, math.ceil(Fraction(share) * count))


def percentile(values: Sequence[Fraction], share: Fraction | float) -> Fraction | None:
    """The nearest-rank percentile of `values` (None when there are none)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[rank(share, len(ordered)) - 1]


def within_share(
    answered: Sequence[Fraction], unanswered: int, share: Fraction | float
) -> Fraction | None:
    """The shortest duration within which `share` of all items were answered.

    None when there are no items, or when the unanswered ones alone keep the
    share out of reach.
    """
    total = len(answered) + unanswered
    if total == 0:
        return None
    needed = rank(share, total)
    if needed > len(answered):
        return None
    return sorted(answered)[needed - 1]


def reached_in(
    values: Sequence[float | None], weeks: int, *, higher_is_better: bool
) -> float | None:
    """The best value reached in at least `weeks` of the weeks (None: not reached that often).

    A week whose value is None (the target was out of reach that week) never
    reaches anything.
    """
    if weeks <= 0 or weeks > len(values):
        return None
    reached = [v for v in values if v is not None]
    if len(reached) < weeks:
        return None
    ordered = sorted(reached, reverse=higher_is_better)
    return ordered[weeks - 1]


def most(count: int) -> int:
    """How many of `count` weeks are "most weeks": more than half (3 of 4, 2 of 3)."""
    return count // 2 + 1


def half(count: int) -> int:
    """How many of `count` weeks are "half the weeks": at least half (2 of 4, 2 of 3)."""
    return math.ceil(count / 2)
