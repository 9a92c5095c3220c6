"""Mastery by set and by category on one student's hand-made cards.

FSRS's stability is the time at which recall falls to 90 %, so a card reviewed exactly its
stability ago has R = 0.9 and a card reviewed just now has R = 1.0, whatever the parameters:

    question  set     category  memory                          R now
    q1        story1  who       S = 4 days, reviewed now        1.0
    q2        story1  who       unseen                          0
    q3        story1  where     S = 10 days, 10 days ago        0.9
    q4        story1  where     S = 0.5 day, 12 hours ago       0.9  (fractional elapsed days)
    q5        story1  when      unseen                          0
    q6        story2  who       S = 2 days, 2 days ago          0.9
"""
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.reports.mastery import (
    CardMemory,
    QuestionRow,
    mastery_by_category,
    mastery_by_set,
)
from quizapp.scheduling import Settings

NOW = datetime(2026, 12, 1, 18, tzinfo=UTC)
QUESTIONS = [QuestionRow("q1", "story1", "who"), QuestionRow("q2", "story1", "who"),
             QuestionRow("q3", "story1", "where"), QuestionRow("q4", "story1", "where"),
             QuestionRow("q5", "story1", "when"), QuestionRow("q6", "story2", "who")]
MEMORIES = [CardMemory("q1", 4.0, NOW), CardMemory("q3", 10.0, NOW - timedelta(days=10)),
            CardMemory("q4", 0.5, NOW - timedelta(hours=12)),
            CardMemory("q6", 2.0, NOW - timedelta(days=2))]


def test_mastery_by_set():
    sets = mastery_by_set(QUESTIONS, MEMORIES, Settings(), NOW)
    story1 = sets["story1"]
    assert (story1.questions, story1.seen) == (5, 3)
    assert story1.coverage == pytest.approx(3 / 5)
    assert story1.recall_sum == pytest.approx(1.0 + 0.9 + 0.9)
    assert story1.mean_recall == pytest.approx(2.8 / 3)
    assert story1.mastery == pytest.approx(2.8 / 5)
    assert sets["story2"].mastery == pytest.approx(0.9)


def test_mastery_by_category_knows_the_places_but_not_the_people():
    categories = mastery_by_category(QUESTIONS, MEMORIES, Settings(), NOW)
    assert categories["where"].mastery == pytest.approx(0.9)
    assert categories["where"].coverage == 1.0
    who = categories["who"]
    assert (who.questions, who.seen) == (3, 2)
    assert who.mastery == pytest.approx(1.9 / 3)
    assert who.mean_recall == pytest.approx(1.9 / 2)
    when = categories["when"]
    assert (when.coverage, when.mean_recall, when.mastery) == (0.0, None, 0.0)


def test_a_question_in_a_set_twice_counts_once():
    rows = [QuestionRow("q1", "s", "who"), QuestionRow("q1", "s", "who")]
    assert mastery_by_set(rows, MEMORIES, Settings(), NOW)["s"].questions == 1
