"""Studying in the browser's eyes: cards without answers, checked answers, one review per
answer however often it is sent, undo, and card states that equal a replay of the log."""
import base64
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Card, Question, Review
from quizapp.scheduling import Rating
from quizapp.services import banks, classes, study, study_queue

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"
TOKEN_RE = re.compile(r'name="token"[^>]*value="([^"]+)"')


@pytest.fixture
def classroom(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    report = banks.import_bank(db.session, load_bank(TINY), owner=teacher)
    qset_id = db.session.scalar(select(Question.set_id).limit(1))
    classes.set_assignment(db.session, school_class, qset_id)
    student = make_user("kim@example.com")
    db.session.add(__import__("quizapp.models", fromlist=["Enrolment"]).Enrolment(
        class_id=school_class.id, student_id=student.id))
    db.session.commit()
    assert report.created == 4
    return student


def token_payload(token: str) -> dict:
    body = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def card_page(actions):
    page = actions.client.get("/student/study").get_data(as_text=True)
    return page, TOKEN_RE.search(page).group(1)


def answer(actions, token, given=None, flip=False):
    data = {"token": token, "given": given or ""}
    data["flip" if flip else "submit"] = "x"
    return actions.post("/student/study/answer", data, token_from="/student/study")


def rate(actions, feedback_html, rating=3):
    token = TOKEN_RE.search(feedback_html).group(1)
    return actions.post("/student/study/rate", {"token": token, "rating": str(rating)},
                        token_from="/student/settings")


def test_no_card_page_reveals_its_answer(classroom, actions):
    actions.login("kim@example.com")
    seen = set()
    for _ in range(3):
        page, token = card_page(actions)
        data = token_payload(token)
        question = db.session.get(Question, data["q"])
        seen.add(question.kind)
        assert set(data) == {"u", "q", "r", "t"}
        if question.source_text not in question.prompt:  # a true statement may quote it
            assert question.source_text not in page
        if question.kind in ("short", "cloze"):  # choices (mcq, true/false) show on the page
            for secret in [question.answer, *question.accepted]:
                assert secret not in page
        feedback = answer(actions, token, flip=True).get_data(as_text=True)
        assert question.answer in feedback or question.kind == "truefalse"
        rate(actions, feedback, 4)
    # mcq and short ask the same fact: once one is studied, the other waits for tomorrow
    assert len(seen) == 3 and {"cloze", "truefalse"} <= seen


def test_a_right_answer_is_checked_rated_and_logged(classroom, actions):
    actions.login("kim@example.com")
    page, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    given = question.answer if question.kind != "mcq" else question.answer
    feedback = answer(actions, token, given).get_data(as_text=True)
    assert "Right" in feedback and "<mark>" in feedback
    assert re.search(r"Again <span class=\"interval\">\w+</span>", feedback)
    assert rate(actions, feedback, 3).status_code == 302
    review = db.session.scalar(select(Review))
    assert (review.rating, review.correct, review.proposed_rating) == (3, True, review.proposed_rating)
    card = db.session.scalar(select(Card))
    assert card.reps == 1 and card.due > review.reviewed_at


def test_a_wrong_answer_proposes_again(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    wrong = "false" if question.kind == "truefalse" else (
        [c for c in question.choices if c != question.answer][0] if question.kind == "mcq"
        else "Islamabad")
    feedback = answer(actions, token, wrong).get_data(as_text=True)
    assert "Not quite" in feedback and "We suggest <strong>Again</strong>" in feedback


def test_a_resent_rating_and_a_second_tab_write_one_review(classroom, actions):
    actions.login("kim@example.com")
    _, first_tab = card_page(actions)
    _, second_tab = card_page(actions)
    assert token_payload(first_tab)["q"] == token_payload(second_tab)["q"]
    feedback = answer(actions, first_tab, flip=True).get_data(as_text=True)
    rate(actions, feedback, 3)
    again = rate(actions, feedback, 3)
    assert again.status_code == 302
    other = answer(actions, second_tab, flip=True).get_data(as_text=True)
    rate(actions, other, 1)
    assert db.session.scalar(select(func.count()).select_from(Review)) == 1
    assert db.session.scalar(select(Review.rating)) == 3


def test_undo_takes_back_only_the_last_review(classroom, actions):
    actions.login("kim@example.com")
    for rating in (3, 4):
        _, token = card_page(actions)
        rate(actions, answer(actions, token, flip=True).get_data(as_text=True), rating)
    first, second = db.session.scalars(select(Review).order_by(Review.id)).all()
    actions.post("/student/study/undo", {"review": str(second.id)}, token_from="/student/study")
    db.session.expire_all()
    assert db.session.get(Review, second.id).undone_at is not None
    assert db.session.get(Review, first.id).undone_at is None
    card = db.session.scalar(select(Card).where(Card.question_id == second.question_id))
    assert card.reps == 0 and card.phase == 0
    _, token = card_page(actions)
    assert token_payload(token)["q"] == second.question_id  # the card is back


def test_another_students_token_is_refused(classroom, actions, make_user, client):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    actions.logout()
    make_user("lee@example.com")
    actions.login("lee@example.com")
    response = answer(actions, token, flip=True)
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Review)) == 0


def test_unassigned_sets_are_not_studied(app, actions, make_user):
    make_user("kim@example.com")
    actions.login("kim@example.com")
    page = actions.client.get("/student/study").get_data(as_text=True)
    assert "Done for now" in page


def test_cached_states_equal_a_replay_of_the_log(classroom):
    student = classroom
    questions = db.session.scalars(select(Question).order_by(Question.id)).all()
    start = datetime(2024, 3, 1, 18, tzinfo=timezone.utc)
    pattern = [Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.GOOD]
    for day, rating in enumerate(pattern):
        for i, question in enumerate(questions):
            now = start + timedelta(days=day * 2, minutes=i)
            study.record_review(db.session, student, question, rating=rating, now=now,
                                request=f"q{question.id}:n{day}", duration_ms=4000, given=None,
                                correct=None, proposed=None)
    db.session.commit()
    cached = {c.question_id: study.card_state(c) for c in db.session.scalars(select(Card))}
    assert study.rebuild_user(db.session, student) == 4
    rebuilt = {c.question_id: study.card_state(c) for c in db.session.scalars(select(Card))}
    assert cached == rebuilt
    assert all(state.reps == 6 for state in rebuilt.values())


def test_new_cards_respect_the_daily_limit_and_siblings_are_buried(classroom):
    student = classroom
    student.new_per_day = 2
    now = datetime(2024, 3, 1, 10, tzinfo=timezone.utc)
    queue = study_queue.build_queue(db.session, student, now)
    assert queue.new == 2
    short = db.session.scalar(select(Question).where(Question.uid == "q-tiny-who-short"))
    study.record_review(db.session, student, short, rating=Rating.EASY, now=now,
                        request="x1", duration_ms=1000, given=None, correct=None, proposed=None)
    later = now + timedelta(minutes=1)
    assert study_queue.build_queue(db.session, student, later).new == 1  # of today's two
    student.new_per_day = 10
    queue = study_queue.build_queue(db.session, student, later)
    assert queue.new == 2  # the cloze and the true/false; the sibling waits for tomorrow
    shown = []
    while queue.new:
        queue, upcoming = study_queue.next_card(db.session, student, later, queue)
        shown.append(upcoming.question.uid)
        study.record_review(db.session, student, upcoming.question, rating=Rating.EASY,
                            now=later, request=upcoming.request_id, duration_ms=1000,
                            given=None, correct=None, proposed=None)
        queue = study_queue.build_queue(db.session, student, later)
    assert sorted(shown) == ["q-tiny-tf", "q-tiny-where-cloze"]
    tomorrow = study_queue.build_queue(db.session, student, later + timedelta(days=1))
    assert tomorrow.new == 1  # the buried sibling comes back


def test_settings_are_validated_and_reschedule(classroom, actions):
    actions.login("kim@example.com")
    bad = actions.post("/student/settings", {"desired_retention": "0.5", "new_per_day": "10",
                                             "maximum_interval": "365", "timezone": "Mars/Base",
                                             "rollover_hour": "4"})
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "Not a valid choice" in page and "between 0.7 and 0.99" in page
    good = actions.post("/student/settings", {"desired_retention": "0.85", "new_per_day": "10",
                                              "daily_reviews": "10", "maximum_interval": "365",
                                              "timezone": "Europe/Berlin", "rollover_hour": "5"})
    assert good.status_code == 302
    db.session.refresh(classroom)
    assert (classroom.desired_retention, classroom.timezone, classroom.rollover_hour) == \
        (0.85, "Europe/Berlin", 5)


def test_home_says_what_is_due_today(classroom, actions):
    actions.login("kim@example.com")
    page = actions.client.get("/student/").get_data(as_text=True)
    # four questions, two about the same fact: a session shows three
    assert "0 cards to review and 3 new." in page and "Study now" in page


def test_a_rating_outside_one_to_four_is_refused(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    feedback = answer(actions, token, flip=True).get_data(as_text=True)
    response = rate(actions, feedback, 7)
    assert response.status_code == 302
    page = actions.client.get("/student/study").get_data(as_text=True)
    assert "could not be read" in page
    assert db.session.scalar(select(func.count()).select_from(Review)) == 0
