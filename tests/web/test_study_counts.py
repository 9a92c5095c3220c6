"""Honest counts: the home page promises what a study session gives. Questions about the same
fact (siblings) come one a day, so each fact counts once, and a card held back for its
sibling is named when it waits."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Card, Enrolment, Question, QuestionSet, Review
from quizapp.scheduling import CardState, Phase
from quizapp.scheduling.pace import MAX_DAILY_REVIEWS
from quizapp.services import classes, study
from tests.web.test_study import (  # noqa: F401  (classroom is a fixture)
    TOKEN_RE, answer, classroom)

PROMISE_RE = re.compile(r"(\d+\+?) cards? to review and (\d+) new\.")


def promise(actions) -> tuple[int, int]:
    page = actions.client.get("/student/").get_data(as_text=True)
    found = PROMISE_RE.search(page)
    assert found, page
    return int(found.group(1)), int(found.group(2))


def study_until_done(actions, limit: int = 100) -> tuple[int, str]:
    """Show the answer and rate Easy until the session ends; the cards shown and the last
    page."""
    shown = 0
    page = actions.client.get("/student/study").get_data(as_text=True)
    while "Done for now" not in page and shown < limit:
        token = TOKEN_RE.search(page).group(1)
        feedback = answer(actions, token, flip=True).get_data(as_text=True)
        actions.post("/student/study/rate", {"token": TOKEN_RE.search(feedback).group(1),
                                             "rating": "4"}, token_from="/student/settings")
        shown += 1
        page = actions.client.get("/student/study").get_data(as_text=True)
    return shown, page


def due_card(student, question_id: int) -> None:
    """A card due an hour ago, reviewed five days ago (its review in the log)."""
    now = utcnow()
    card = Card(user_id=student.id, question_id=question_id)
    study.store_state(card, CardState(
        phase=Phase.REVIEW, stability=5.0, difficulty=5.0, due=now - timedelta(hours=1),
        last_review=now - timedelta(days=5), reps=1), student)
    db.session.add_all([card, Review(
        user_id=student.id, question_id=question_id, rating=3, reviewed_at=card.last_review,
        study_day=card.last_review.date(), request_id=f"q{question_id}:n0")])


@pytest.fixture
def forty(make_user, make_class):
    """A 40-question set about 26 facts (questions 26-39 ask again about facts 0-13), for a
    student allowed 20 new cards a day; the first ``due`` questions have cards due now. The
    student's daily aim is high enough that the study pace (tests/web/test_study_pace.py)
    holds nothing back: these tests count siblings."""
    teacher = make_user("t@example.com", "teacher")
    student = make_user("kim@example.com")
    student.daily_reviews = MAX_DAILY_REVIEWS
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    qset = QuestionSet(slug="forty", title="Forty questions", owner_id=teacher.id,
                       published=True)
    db.session.add(qset)
    db.session.flush()
    classes.set_assignment(db.session, school_class, qset.id)
    ids = db.session.scalars(insert(Question).returning(Question.id), [
        {"set_id": qset.id, "uid": f"q{i}", "fact": f"f{i % 26}", "kind": "short",
         "category": "who", "prompt": f"Who is {i}?", "answer": f"Person {i % 26}",
         "status": "approved", "position": i} for i in range(40)]).all()
    db.session.commit()

    def with_due(due: int):
        for question_id in sorted(ids)[:due]:
            due_card(student, question_id)
        db.session.commit()
        return student

    return with_due


def test_a_forty_question_set_gives_as_many_cards_as_the_home_page_says(forty, actions):
    student = forty(0)
    actions.login("kim@example.com")
    assert promise(actions) == (0, 20)  # 26 facts, 20 new a day
    student.new_per_day = 50
    db.session.commit()
    assert promise(actions) == (0, 26)  # each fact once
    shown, page = study_until_done(actions)
    assert shown == 26
    assert "14 cards wait until tomorrow" in page


def test_due_cards_and_their_new_siblings_count_once(forty, actions):
    forty(15)  # due: facts 0-14; new: questions 15-39, of which 26-39 are siblings of 0-13
    actions.login("kim@example.com")
    assert promise(actions) == (15, 11)  # facts 15-25 are the only new facts
    shown, page = study_until_done(actions)
    assert shown == 26
    assert "14 cards wait until tomorrow" in page


def test_two_due_siblings_count_as_one(forty, actions):
    student = forty(0)
    for question_id in db.session.scalars(select(Question.id).where(
            Question.fact == "f3")):  # questions 3 and 29
        due_card(student, question_id)
    db.session.commit()
    actions.login("kim@example.com")
    assert promise(actions) == (1, 20)


def test_the_student_is_told_when_a_card_waits_for_its_sibling(classroom, actions):
    actions.login("kim@example.com")
    assert promise(actions) == (0, 3)  # four questions; two ask about the same fact
    shown, page = study_until_done(actions)
    assert shown == 3
    assert "1 card waits until tomorrow" in page
    assert "another question about the same fact" in page
    home = actions.client.get("/student/").get_data(as_text=True)
    assert "1 card waits until tomorrow" in home
