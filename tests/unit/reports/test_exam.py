"""The class recall forecast on a hand-made class of three, two days before the exam.

Every card below has stability 2 days and was reviewed now, so at the exam (in 2 days) its
recall is exactly 0.9 (FSRS's stability is the time to 90 %):

    student  q1   q2    share of the set {q1, q2}
    ann      0.9  0.9   0.9
    bob      0.9  —     0.45   (under 50 %)
    cat      —    —     0      (under 50 %)
    mean     0.6  0.3   class 0.45
"""
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from quizapp.reports.exam import StudentCards, exam_forecast
from quizapp.reports.mastery import CardMemory
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import recall_after

NOW = datetime(2026, 12, 1, 18, tzinfo=UTC)
EXAM = NOW + timedelta(days=2)


def card(question_id):
    return CardMemory(question_id, 2.0, NOW)


def klass():
    return [StudentCards("ann", Settings(), (card("q1"), card("q2"))),
            StudentCards("bob", Settings(), (card("q1"), card("other-set"))),
            StudentCards("cat", Settings(), ())]


def test_shares_class_mean_and_students_at_risk():
    forecast = exam_forecast(["q1", "q2"], klass(), EXAM)
    assert forecast.shares == pytest.approx({"ann": 0.9, "bob": 0.45, "cat": 0.0})
    assert forecast.class_share == pytest.approx(0.45)
    assert forecast.at_risk == ("cat", "bob")


def test_the_questions_most_likely_forgotten_come_first():
    forecast = exam_forecast(["q1", "q2"], klass(), EXAM)
    assert [f.question_id for f in forecast.likely_forgotten] == ["q2", "q1"]
    assert [f.mean_recall for f in forecast.likely_forgotten] == pytest.approx([0.3, 0.6])
    assert len(exam_forecast(["q1", "q2"], klass(), EXAM, shown=1).likely_forgotten) == 1


def test_each_student_forgets_on_their_own_curve():
    # past the stability, a steeper decay (w20) forgets faster: each student's own parameters
    steep = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    steep[20] = 0.5
    memory = (CardMemory("q1", 1.0, NOW),)
    students = [StudentCards("dan", Settings(), memory),
                StudentCards("eve", Settings(parameters=tuple(steep)), memory)]
    shares = exam_forecast(["q1"], students, EXAM).shares
    assert shares["dan"] == pytest.approx(recall_after(1.0, 2, Settings()))
    assert shares["eve"] == pytest.approx(recall_after(1.0, 2, students[1].settings))
    assert shares["eve"] < shares["dan"] < 0.9


def test_an_empty_set_is_refused():
    with pytest.raises(ValueError, match="no questions"):
        exam_forecast([], klass(), EXAM)
