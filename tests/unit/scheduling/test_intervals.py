"""Anki's interval rules: fuzz bounds, the minimum after the previous interval, the order of the
buttons, the cap, and labels that tell the buttons apart."""
from datetime import timedelta

import pytest

from quizapp.scheduling.intervals import (
    button_labels,
    fuzz_bounds,
    fuzzed,
    learning_card_days,
    plain_pick,
    reachable_days,
    review_card_days,
    review_minimum,
)
from quizapp.scheduling.state import Rating

A, H, G, E = Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY


# (interval, minimum, maximum, lower, middle, upper): Anki's own table (fuzz.rs), the days a
# draw of 0, 0.5 and 0.99 gives
ANKI_FUZZ = [
    (1.0, 1, 1000, 1, 1, 1), (2.49, 1, 1000, 2, 2, 2), (2.5, 1, 1000, 2, 3, 4),
    (7.0, 1, 1000, 5, 7, 9), (17.0, 1, 1000, 14, 17, 20), (37.0, 1, 1000, 33, 37, 41),
    (2.0, 2, 1000, 2, 2, 2), (2.0, 3, 1000, 3, 4, 4), (2.0, 3, 3, 3, 3, 3),
    (6.9, 3, 1000, 5, 7, 9), (7.1, 3, 1000, 5, 7, 9), (19.9, 3, 1000, 17, 20, 23),
    (20.1, 3, 1000, 17, 20, 23), (100.0, 101, 1000, 101, 105, 108),
    (100.0, 1, 99, 92, 96, 99), (100.0, 97, 103, 97, 100, 103),
]


@pytest.mark.parametrize("interval,minimum,maximum,lower,middle,upper", ANKI_FUZZ)
def test_fuzz_as_anki_gives_it(interval, minimum, maximum, lower, middle, upper):
    assert [fuzzed(interval, minimum, maximum, d) for d in (0.0, 0.5, 0.99)] == [
        lower, middle, upper]


def test_fuzz_is_centred_on_the_unrounded_interval():
    # 7.4 and 7.6 round to 7 and 8, whose ranges are 5–9 and 6–10; their own are 6–9
    assert (fuzz_bounds(7.0, 1, 1000), fuzz_bounds(8.0, 1, 1000)) == ((5, 9), (6, 10))
    assert fuzz_bounds(7.4, 1, 1000) == fuzz_bounds(7.6, 1, 1000) == (6, 9)
    assert fuzzed(2.5, 1, 100, None) == 3  # fuzz off rounds halves up, as Anki does


def test_fuzz_never_passes_the_cap():
    assert fuzz_bounds(10.4, 1, 10) == (8, 10)
    assert all(fuzzed(9.6, 9, 10, d / 100) in (9, 10) for d in range(100))
    assert fuzzed(400.0, 1, 10, 0.0) == 8  # a range below the cap, as Anki's
    # a card in review at the cap grew past it: the minimum keeps it there whatever the draw
    raw = {H: 300.0, G: 400.0, E: 500.0}
    assert all(review_card_days(raw, 10, 10, plain_pick(d / 10)) == {H: 10, G: 10, E: 10}
               for d in range(10))


def test_an_interval_that_grew_is_never_fuzzed_back_below_the_previous_one():
    assert review_minimum(12.0, 10, 36500) == 11  # grew: at least one more day
    assert review_minimum(10.3, 10, 36500) == 10  # grew too little: fuzz may not shorten it
    assert review_minimum(5.0, 10, 36500) == 0  # shrank (new retention): nothing to keep


def test_good_is_a_day_past_hard_and_easy_a_day_past_good():
    raw = {H: 1.2, G: 1.4, E: 1.6}
    assert review_card_days(raw, 1, 36500, plain_pick(None)) == {H: 1, G: 2, E: 3}
    # the cap: three buttons may share it, never pass it
    assert review_card_days({H: 30.0, G: 40.0, E: 50.0}, 9, 10, plain_pick(0.3)) == {
        H: 10, G: 10, E: 10}


def test_learning_easy_is_a_day_past_the_fuzzed_good():
    raw = {E: 3.2}  # Good is still a step; its interval would be 2.9 days
    for draw in (0.0, 0.5, 0.99):
        good = fuzzed(2.9, 1, 36500, draw)
        assert learning_card_days(raw, 2.9, 36500, plain_pick(draw))[E] >= good + 1


def test_reachable_days_hold_every_draw():
    raw, previous = {H: 4.2, G: 6.3, E: 11.8}, 3
    ranges = reachable_days(raw, previous, raw[G], 36500)
    for step in range(100):
        days = review_card_days(raw, previous, 36500, plain_pick(step / 100))
        assert all(ranges[r][0] <= days[r] <= ranges[r][1] for r in days)
        assert days[H] < days[G] < days[E]


def test_labels_tell_the_buttons_apart():
    steps = {A: timedelta(minutes=10)}
    assert button_labels(steps, {H: 1, G: 2, E: 3}) == {A: "10m", H: "1d", G: "2d", E: "3d"}
    assert button_labels(steps, {H: 20, G: 40, E: 90}) == {A: "10m", H: "20d", G: "1.3mo",
                                                           E: "3mo"}
    # 32 and 33 days both read "1.1mo": the buttons show days instead
    assert button_labels(steps, {H: 25, G: 32, E: 33}) == {A: "10m", H: "25d", G: "32d",
                                                           E: "33d"}


def test_learning_easy_is_also_past_good_itself():
    # Good fuzzed from its rounded 5 days gives 4; Anki's minimum for Easy, from the unrounded
    # 4.6 fuzzed, is 3 + 1 = 4, which would let Easy read 4 too
    days = learning_card_days({G: 4.6, E: 4.9}, 4.6, 36500, plain_pick(0.0))
    assert days == {G: 4, E: 5}
