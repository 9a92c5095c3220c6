"""Recall at fractional elapsed days agrees with fsrs on whole days and lies between them."""
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from quizapp.scheduling import Settings
from quizapp.scheduling.recall import recall_after, recall_at

LAST = datetime(2026, 11, 1, 9, tzinfo=UTC)


def fsrs_recall(settings, stability, days):
    sched = fsrs.Scheduler(parameters=settings.parameters or fsrs.scheduler.DEFAULT_PARAMETERS)
    card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability, difficulty=5.0,
                     due=LAST, last_review=LAST)
    return sched.get_card_retrievability(card, LAST + timedelta(days=days))


@pytest.mark.parametrize("days", [0, 1, 3, 10, 100])
def test_whole_days_match_fsrs(days):
    settings = Settings()
    assert recall_after(5.0, days, settings) == pytest.approx(fsrs_recall(settings, 5.0, days))


def test_recall_at_the_stability_is_ninety_percent_and_half_days_lie_between():
    settings = Settings()
    assert recall_after(7.0, 7.0, settings) == pytest.approx(0.9)
    half = recall_at(5.0, LAST, LAST + timedelta(days=2, hours=12), settings)
    assert recall_after(5.0, 3, settings) < half < recall_after(5.0, 2, settings)


def test_the_students_own_parameters_change_the_curve():
    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[20] = 0.5  # a steeper decay
    own = Settings(parameters=tuple(params))
    assert recall_after(5.0, 20, own) == pytest.approx(fsrs_recall(own, 5.0, 20))
    assert recall_after(5.0, 20, own) != pytest.approx(recall_after(5.0, 20, Settings()))


def test_a_card_needs_a_positive_stability():
    with pytest.raises(ValueError, match="stability must be positive"):
        recall_after(0.0, 1, Settings())
