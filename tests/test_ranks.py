"""Nearest-rank percentiles and "reached in most weeks", by hand."""

from __future__ import annotations

from fractions import Fraction

from slatui.baselines.ranks import half, most, percentile, reached_in, within_share

F = Fraction


def test_nearest_rank_names_a_value_that_happened() -> None:
    values = [F(4), F(1), F(3), F(2)]
    # Sorted 1 2 3 4: the median is rank ceil(0.5 * 4) = 2, i.e. 2; p90 rank ceil(3.6) = 4.
    assert percentile(values, F(1, 2)) == 2
    assert percentile(values, F(9, 10)) == 4
    # p10: rank ceil(0.4) = 1, the smallest.
    assert percentile(values, F(1, 10)) == 1
    assert percentile([], F(1, 2)) is None


def test_within_share_counts_the_unanswered_as_never() -> None:
    # 4 answered (1 2 3 4) and 1 unanswered: 80% of 5 is 4 items, the 4th answered = 4.
    assert within_share([F(1), F(2), F(3), F(4)], 1, F(4, 5)) == 4
    # 90% of 5 is ceil(4.5) = 5 items: only 4 answered, out of reach.
    assert within_share([F(1), F(2), F(3), F(4)], 1, F(9, 10)) is None
    assert within_share([], 0, F(9, 10)) is None


def test_most_and_half_the_weeks() -> None:
    assert [most(n) for n in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 3]
    assert [half(n) for n in (1, 2, 3, 4, 5)] == [1, 1, 2, 2, 3]
    # Counts 5 3 2 0: 3 of 4 weeks reached 2; 2 of 4 reached 3.
    assert reached_in([5, 3, 2, 0], 3, higher_is_better=True) == 2
    assert reached_in([5, 3, 2, 0], 2, higher_is_better=True) == 3
    # Durations 6 4 and one week that never got there: 2 of 3 weeks within 6.
    assert reached_in([6, 4, None], 2, higher_is_better=False) == 6
    assert reached_in([6, None, None], 2, higher_is_better=False) is None
