"""A student's set page: the questions they have studied in a set assigned to their class
(prompt and state, never an answer of a card they have not seen), and studying just that set."""
import re

import pytest
from sqlalchemy import select

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import (
    Assignment, Card, Question, QuestionSet, Review, SchoolClass, User)
from quizapp.services import authoring, classes, study_queue
from tests.web.test_study import (  # noqa: F401  (classroom is a fixture)
    TOKEN_RE, answer, card_page, classroom, rate, token_payload)
from tests.web.test_study_queue import study_loop_statements


@pytest.fixture
def two_sets(classroom):
    """The tiny set and a second set, both assigned to the student's class."""
    tiny = db.session.scalar(select(QuestionSet))
    teacher = db.session.get(User, tiny.owner_id)
    capitals, _ = authoring.create_set(db.session, teacher, "Capitals")
    for city, country in (("Paris", "France"), ("Madrid", "Spain"), ("Rome", "Italy")):
        authoring.add_question(db.session, capitals, {"kind": "short", "category": "where",
                                                      "prompt": f"Capital of {country}?",
                                                      "answer": city})
    class_id = db.session.scalar(select(Assignment.class_id).where(Assignment.set_id == tiny.id))
    classes.set_assignment(db.session, db.session.get(SchoolClass, class_id), capitals.id)
    db.session.commit()
    return tiny, capitals


def test_home_links_each_set_to_its_page(two_sets, actions):
    tiny, capitals = two_sets
    actions.login("kim@example.com")
    home = actions.client.get("/student/").get_data(as_text=True)
    for qset in (tiny, capitals):
        assert f'href="/student/sets/{qset.id}"' in home


def test_the_set_page_lists_what_was_studied_and_no_unseen_answer(two_sets, actions):
    tiny, capitals = two_sets
    actions.login("kim@example.com")
    page = actions.client.get(f"/student/sets/{capitals.id}").get_data(as_text=True)
    assert "<h1>Capitals</h1>" in page and "0 questions studied, 3 not studied yet" in page
    _, token = card_page(actions)  # the tiny set's first card (position order)
    first = db.session.get(Question, token_payload(token)["q"])
    feedback = answer(actions, token, flip=True).get_data(as_text=True)
    rate(actions, feedback, 3)
    page = actions.client.get(f"/student/sets/{tiny.id}").get_data(as_text=True)
    assert "1 question studied, 3 not studied yet" in page
    shown = re.findall(r"<td>(.*?)</td>", page, re.S)
    assert shown[0] == first.prompt.replace("'", "&#39;")
    assert "learning" in shown[1] or "remembered" in shown[1]
    for question in db.session.scalars(select(Question).where(Question.id != first.id)):
        if question.answer not in first.prompt:
            assert question.answer not in page
        if question.prompt != first.prompt:
            assert question.prompt.replace("'", "&#39;") not in page
    assert first.answer not in page or first.answer in first.prompt  # not even the seen one
    assert f'href="/student/study?set={tiny.id}"' in page
    assert f'href="/student/practice?set={tiny.id}"' in page


def test_a_set_of_another_class_is_not_found(two_sets, actions, make_user, make_class):
    teacher = make_user("other@example.com", "teacher")
    hidden, _ = authoring.create_set(db.session, teacher, "Elsewhere")
    classes.set_assignment(db.session, make_class(teacher, "Other class"), hidden.id)
    db.session.commit()
    actions.login("kim@example.com")
    assert actions.client.get(f"/student/sets/{hidden.id}").status_code == 404


def test_studying_just_one_set_shows_only_its_cards_until_done(two_sets, actions):
    tiny, capitals = two_sets
    actions.login("kim@example.com")
    capital_ids = set(db.session.scalars(select(Question.id).where(
        Question.set_id == capitals.id)))
    url = f"/student/study?set={capitals.id}"
    page = actions.client.get(url).get_data(as_text=True)
    assert "0 due · 3 new" in page and "study all sets" in page
    shown = []
    while "Done for now" not in page and len(shown) < 5:
        token = TOKEN_RE.search(page).group(1)
        shown.append(token_payload(token)["q"])
        feedback = answer(actions, token, flip=True).get_data(as_text=True)
        rated = rate(actions, feedback, 4)
        assert rated.headers["Location"] == url  # the next card comes from the same set
        page = actions.client.get(rated.headers["Location"]).get_data(as_text=True)
    assert set(shown) == capital_ids and len(shown) == 3
    assert f'href="/student/practice?set={capitals.id}"' in page
    reviewed = set(db.session.scalars(select(Review.question_id)))
    assert reviewed == capital_ids
    # all sets: the tiny set's cards are still there
    assert "3 new" in actions.client.get("/student/study").get_data(as_text=True)


def test_undo_while_studying_one_set_stays_in_that_set(two_sets, actions):
    tiny, capitals = two_sets
    actions.login("kim@example.com")
    url = f"/student/study?set={capitals.id}"
    token = TOKEN_RE.search(actions.client.get(url).get_data(as_text=True)).group(1)
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    page = actions.client.get(url).get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', re.search(
        r'<form[^>]*id="undo-form".*?</form>', page, re.S).group(0)))
    undone = actions.client.post("/student/study/undo", data=fields)
    assert undone.headers["Location"] == url


def test_studying_one_set_takes_as_many_statements_as_studying_all(two_sets, actions):
    tiny, capitals = two_sets
    actions.login("kim@example.com")
    set_id = capitals.id  # read now: the test's own session would count while reading it
    everything = [study_loop_statements(actions.client) for _ in range(2)][-1]  # warmed up
    original = actions.client.get

    def one_set(path, *args, **kwargs):
        return original(f"{path}?set={set_id}" if path == "/student/study" else path,
                        *args, **kwargs)

    actions.client.get = one_set
    try:
        just_one = [study_loop_statements(actions.client) for _ in range(2)][-1]
    finally:
        actions.client.get = original
    assert just_one == everything, (just_one, everything)


def test_the_next_review_of_one_set_is_that_sets(two_sets, actions):
    tiny, capitals = two_sets
    student = db.session.scalar(select(User).where(User.email == "kim@example.com"))
    actions.login("kim@example.com")
    _, token = card_page(actions)  # a card of the tiny set
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    card_due = db.session.scalar(select(Card.due))
    now = utcnow()
    assert study_queue.next_due(db.session, student, now) == card_due
    assert study_queue.next_due(db.session, student, now, tiny.id) == card_due
    assert study_queue.next_due(db.session, student, now, capitals.id) is None
