"""When nothing is due: the next review's time in the student's zone, and practice (studying
ahead, or one set) that checks answers as study does and never changes the schedule."""
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Card, Question, QuestionSet, Review, StudyAnswer
from quizapp.scheduling import CardState, Phase
from quizapp.services import banks, study, study_queue
from tests.web.test_study import (  # noqa: F401  (classroom is a fixture)
    TINY, TOKEN_RE, classroom, token_payload)
from tests.web.test_study_queue import Statements

ZONE = "America/New_York"


def reviewed(student, question_id: int, due: datetime) -> None:
    """A card reviewed five days ago (its review in the log), due at ``due``."""
    last = utcnow() - timedelta(days=5)
    card = Card(user_id=student.id, question_id=question_id)
    study.store_state(card, CardState(phase=Phase.REVIEW, stability=9.0, difficulty=5.0,
                                      due=due, last_review=last, reps=1), student)
    db.session.add_all([card, Review(user_id=student.id, question_id=question_id, rating=3,
                                     reviewed_at=last, study_day=last.date(),
                                     request_id=f"q{question_id}:n0")])


def tomorrow_at(hour: int) -> datetime:
    """Tomorrow at ``hour`` o'clock in New York, worked out by hand from the local date."""
    here = ZoneInfo(ZONE)
    tomorrow = utcnow().astimezone(here).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(hour), tzinfo=here)


@pytest.fixture
def all_studied(classroom):
    """Every card of the tiny set reviewed and due later: the first tomorrow at 9:00 in New
    York, the others a week or more on."""
    student = classroom
    student.timezone = ZONE
    ids = db.session.scalars(select(Question.id).order_by(Question.id)).all()
    for n, question_id in enumerate(ids):
        reviewed(student, question_id, tomorrow_at(9) + timedelta(days=7 * n))
    db.session.commit()
    return student, ids


def cards_as_stored() -> list[tuple]:
    return db.session.execute(select(Card.question_id, Card.phase, Card.due, Card.stability,
                                     Card.reps, Card.last_review).order_by(Card.id)).all()


def written() -> tuple[int, int, list[tuple]]:
    db.session.expire_all()
    return (db.session.scalar(select(func.count()).select_from(Review)),
            db.session.scalar(select(func.count()).select_from(StudyAnswer)), cards_as_stored())


def test_nothing_due_says_when_the_next_review_comes_in_the_students_zone(all_studied, actions):
    actions.login("kim@example.com")
    home = actions.client.get("/student/").get_data(as_text=True)
    assert "Nothing is due right now" in home
    assert "Next review tomorrow at 9:00." in home
    assert 'href="/student/practice"' in home and "Practise a set" in home
    done = actions.client.get("/student/study").get_data(as_text=True)
    assert "Done for now" in done and "Next review tomorrow at 9:00." in done


def test_next_due_is_one_statement_over_assigned_reviewed_cards(all_studied, app, make_user):
    student, ids = all_studied
    other = banks.import_bank(db.session, load_bank(TINY), owner=make_user("o@example.com",
                                                                             "teacher"),
                              set_slug="not-assigned")
    unassigned = db.session.scalar(select(Question.id).join(QuestionSet).where(
        QuestionSet.slug == "not-assigned"))
    reviewed(student, unassigned, utcnow() + timedelta(hours=1))  # sooner, but not assigned
    db.session.commit()
    assert other.created == 4
    db.session.refresh(student)  # loaded before counting, as a request's user is
    counter = Statements()
    try:
        due, count = counter.during(lambda: study_queue.next_due(db.session, student, utcnow()))
    finally:
        counter.close()
    assert count == 1
    assert due == tomorrow_at(9)


def test_studying_ahead_checks_answers_and_changes_nothing(all_studied, actions):
    student, ids = all_studied
    actions.login("kim@example.com")
    before = written()
    shown = []
    page = actions.client.get("/student/practice").get_data(as_text=True)
    while "done" not in re.search(r'data-study-page="([^"]+)"', page).group(1):
        token = TOKEN_RE.search(page).group(1)
        question = db.session.get(Question, token_payload(token)["q"])
        shown.append(question.id)
        given = question.answer
        feedback = actions.post("/student/practice/answer",
                                {"token": token, "given": given, "submit": "Check"},
                                token_from="/student/settings")
        html = feedback.get_data(as_text=True)
        assert feedback.status_code == 200 and "Right" in html and "practice" in html
        next_url = re.search(r'<a class="button" href="([^"]+)" autofocus>Next card', html)
        page = actions.client.get(next_url.group(1).replace("&amp;", "&")).get_data(as_text=True)
        assert len(shown) <= len(ids)
    assert shown == ids  # soonest due first: the order they were made in
    assert "You went through every card" in page
    assert written() == before


def test_practising_a_set_goes_through_every_question_including_new_ones(classroom, actions):
    actions.login("kim@example.com")
    qset = db.session.scalar(select(QuestionSet))
    before = written()
    page = actions.client.get(f"/student/practice?set={qset.id}").get_data(as_text=True)
    assert f"Practising {qset.title}" in page
    token = TOKEN_RE.search(page).group(1)
    wrong = actions.post("/student/practice/answer",
                         {"token": token, "given": "Islamabad", "submit": "Check"},
                         token_from="/student/settings").get_data(as_text=True)
    assert "Not quite" in wrong
    assert "Answer:" in wrong
    seen = 1
    while "Next card" in wrong:
        next_url = re.search(r'href="([^"]+)" autofocus>Next card', wrong).group(1)
        page = actions.client.get(next_url.replace("&amp;", "&")).get_data(as_text=True)
        if "You went through every card" in page:
            break
        token = TOKEN_RE.search(page).group(1)
        wrong = actions.post("/student/practice/answer", {"token": token, "flip": "x"},
                             token_from="/student/settings").get_data(as_text=True)
        seen += 1
    assert seen == 4  # siblings too: practice buries nothing
    assert written() == before
    assert "Done for now" not in actions.client.get("/student/study").get_data(as_text=True)


def test_a_set_not_assigned_to_the_student_cannot_be_practised(classroom, actions, make_user):
    banks.import_bank(db.session, load_bank(TINY), owner=make_user("o@example.com", "teacher"),
                      set_slug="not-assigned")
    db.session.commit()
    other = db.session.scalar(select(QuestionSet).where(QuestionSet.slug == "not-assigned"))
    actions.login("kim@example.com")
    assert actions.client.get(f"/student/practice?set={other.id}").status_code == 404
