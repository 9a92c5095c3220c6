"""CardState: plain-column round trips and conversions to and from fsrs.Card."""
from datetime import datetime, timezone

import fsrs
import pytest

from quizapp.scheduling.state import CardState, Phase, from_fsrs_card, to_fsrs_card

NOW = datetime(2024, 5, 7, 12, 30, tzinfo=timezone.utc)
REVIEWED = CardState(Phase.REVIEW, None, 12.5, 4.2, datetime(2024, 5, 20, 2, tzinfo=timezone.utc),
                     NOW, 7, 2)


def test_dict_round_trip_and_naive_sqlite_values():
    row = REVIEWED.to_dict()
    assert row["phase"] == 2 and isinstance(row["phase"], int)
    assert CardState.from_dict(row) == REVIEWED
    naive = {**row, "due": row["due"].replace(tzinfo=None),
             "last_review": row["last_review"].replace(tzinfo=None)}
    back = CardState.from_dict(naive)
    assert back == REVIEWED and back.due.tzinfo is timezone.utc
    assert CardState.from_dict(CardState.new().to_dict()) == CardState.new()


def test_a_card_beyond_new_needs_its_memory_state():
    with pytest.raises(ValueError, match="needs stability"):
        CardState(Phase.REVIEW, None, None, None, NOW, NOW)


def test_state_is_frozen():
    with pytest.raises(AttributeError):
        REVIEWED.reps = 8  # type: ignore[misc]


def test_fsrs_card_round_trip_keeps_the_id():
    card = to_fsrs_card(REVIEWED, 42)
    assert (card.card_id, card.state, card.step) == (42, fsrs.State.Review, None)
    assert (card.stability, card.difficulty, card.due, card.last_review) == (
        12.5, 4.2, REVIEWED.due, NOW)
    assert from_fsrs_card(card, reps=7, lapses=2) == REVIEWED


def test_new_card_becomes_fsrs_learning_step_zero_and_needs_a_due_date():
    card = to_fsrs_card(CardState.new(), 5, due=NOW)
    assert (card.card_id, card.state, card.step, card.stability) == (
        5, fsrs.State.Learning, 0, None)
    with pytest.raises(ValueError, match="due date"):
        to_fsrs_card(CardState.new(), 5)
