"""The load balancer: emptier days first within the fuzz range, easy days at about half."""
from collections import Counter
from datetime import date, timedelta

import pytest

from quizapp.scheduling.intervals import fuzz_bounds
from quizapp.scheduling.load import balancing_pick, check_easy_days, easy_day_factors

TODAY = date(2026, 1, 5)  # a Monday


def picks(counts: dict[int, int], interval: float, easy=(), draws: int = 400) -> Counter:
    due = {TODAY + timedelta(days=d): n for d, n in counts.items()}
    return Counter(balancing_pick(TODAY, due, easy, i / draws)(interval, 1, 36500)
                   for i in range(draws))


def test_the_day_stays_within_the_fuzz_range_and_prefers_the_empty_one():
    low, high = fuzz_bounds(12.0, 1, 36500)
    full = {d: 30 for d in range(low, high + 1) if d != high}
    chosen = picks(full, 12.0)
    assert set(chosen) <= set(range(low, high + 1))
    assert chosen[high] / sum(chosen.values()) > 0.9


def test_without_counts_earlier_days_are_preferred_but_all_are_used():
    chosen = picks({}, 30.0)
    low, high = fuzz_bounds(30.0, 1, 36500)
    assert set(chosen) == set(range(low, high + 1))
    assert chosen[low] > chosen[high]


def test_long_intervals_are_fuzzed_alone():
    loaded = {d: 50 for d in range(80, 130)}
    assert picks(loaded, 120.0) == picks({}, 120.0)


def test_easy_days_get_about_half():
    assert easy_day_factors([False, True, False], [10, 4, 10]) == [1.0, 1.0, 1.0]
    assert easy_day_factors([False, True, False], [10, 6, 10])[1] < 0.001
    # 2026-01-10 and 11 are Saturday and Sunday: days 5 and 6 from TODAY
    even = {d: 10 for d in range(3, 10)}
    chosen = picks(even, 6.0, easy=(5, 6))
    assert chosen[5] + chosen[6] < 0.02 * sum(chosen.values())


def test_easy_days_are_weekday_numbers():
    assert check_easy_days([6, 5, 5]) == (5, 6)
    with pytest.raises(ValueError, match="weekday numbers"):
        check_easy_days([7])
