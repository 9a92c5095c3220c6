"""The study pace: new cards only while the coming days stay under the student's aim, and
enough of them for a set to be started by its due date."""
import pytest

from quizapp.scheduling.pace import (
    DEFAULT_DAILY_REVIEWS, LOOKAHEAD_DAYS, new_cards_now, required_today, room_for_new)


def test_room_is_the_aim_less_the_busiest_coming_day_and_the_cards_in_learning():
    assert room_for_new([0, 0, 0], 0, 10) == 10
    assert room_for_new([3, 7, 2], 0, 10) == 3
    assert room_for_new([3, 7, 2], 2, 10) == 1  # learning cards land on one of those days
    assert room_for_new([], 0, 10) == 10


def test_no_room_once_any_coming_day_reaches_the_aim():
    assert room_for_new([0, 10, 0], 0, 10) == 0
    assert room_for_new([0, 0, 14], 0, 10) == 0
    assert room_for_new([5, 5, 5], 5, 10) == 0


def test_only_the_next_three_days_count():
    assert LOOKAHEAD_DAYS == 3
    assert room_for_new([1, 1, 1, 50], 0, 10) == 9


def test_bad_figures_are_refused():
    for coming, learning, aim in (([0], 0, 0), ([-1], 0, 10), ([0], -1, 10)):
        with pytest.raises(ValueError):
            room_for_new(coming, learning, aim)
    with pytest.raises(ValueError):
        required_today(-1, 0, 3)


def test_a_due_date_asks_for_an_even_pace_from_this_morning():
    assert required_today(100, 0, 10) == 10
    assert required_today(95, 5, 10) == 5  # five started today: five more
    assert required_today(90, 10, 10) == 0  # today's share is done
    assert required_today(7, 0, 2) == 4  # rounded up: 4 today, 3 tomorrow
    assert required_today(3, 0, 1) == 3  # due today: all of them


def test_started_at_the_required_pace_every_set_is_started_by_its_due_date():
    for cards in (1, 7, 30, 100):
        for days in (1, 2, 3, 9, 40):
            left = cards
            for _ in range(days):
                started = 0
                while (need := required_today(left, started, days)) > 0:
                    started, left = started + need, left - need
                days -= 1
            assert left == 0, (cards, days)


def test_past_due_dates_and_finished_sets_ask_for_nothing():
    assert required_today(20, 0, 0) == 0
    assert required_today(20, 0, -3) == 0
    assert required_today(0, 4, 5) == 0


def test_new_cards_now_takes_the_pace_or_the_due_dates_within_the_limit():
    assert new_cards_now(available=50, limit_left=20, room=4) == 4
    assert new_cards_now(available=50, limit_left=20, room=0) == 0
    assert new_cards_now(available=50, limit_left=20, room=0, required=6) == 6  # beyond the aim
    assert new_cards_now(available=50, limit_left=5, room=0, required=6) == 5  # the daily limit
    assert new_cards_now(available=2, limit_left=20, room=9) == 2
    assert new_cards_now(available=50, limit_left=0, room=9, required=3) == 0


def test_the_default_aim_is_a_workload_a_class_can_keep():
    assert 5 <= DEFAULT_DAILY_REVIEWS <= 30
