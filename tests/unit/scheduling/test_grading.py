"""Proposed ratings from correctness, response time and the way a question is answered."""
import pytest

from quizapp.scheduling.grading import FAST_TYPED_MS, SLOW_MS, propose_rating
from quizapp.scheduling.state import Rating


@pytest.mark.parametrize("correct, ms, kind, expected", [
    (False, 1_000, "short", Rating.AGAIN),
    (False, 60_000, "mcq", Rating.AGAIN),
    (True, SLOW_MS["typed"] + 1, "cloze", Rating.HARD),
    (True, SLOW_MS["choice"] + 1, "truefalse", Rating.HARD),
    (True, SLOW_MS["self"] + 1, "flashcard", Rating.HARD),
    (True, FAST_TYPED_MS - 1, "short", Rating.EASY),
    (True, FAST_TYPED_MS - 1, "cloze", Rating.EASY),
    (True, FAST_TYPED_MS, "short", Rating.GOOD),
    (True, 1_000, "mcq", Rating.GOOD),  # recognising a choice quickly is not Easy
    (True, 1_000, "truefalse", Rating.GOOD),
    (True, 1_000, "flashcard", Rating.GOOD),
    (True, SLOW_MS["choice"], "mcq", Rating.GOOD),
])
def test_propose_rating(correct, ms, kind, expected):
    assert propose_rating(correct, ms, kind) is expected


def test_unknown_kind_and_negative_time_are_refused():
    with pytest.raises(ValueError, match="no grading rule"):
        propose_rating(True, 1000, "essay")
    with pytest.raises(ValueError, match="negative"):
        propose_rating(True, -1, "short")


@pytest.mark.parametrize("ms", [1000, 10_000, 30_000])
def test_a_forgiven_misspelling_proposes_hard_at_best(ms):
    assert propose_rating(True, ms, "short", misspelt=True) is Rating.HARD
    assert propose_rating(False, ms, "short", misspelt=True) is Rating.AGAIN
