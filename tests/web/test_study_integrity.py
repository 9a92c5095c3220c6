"""Study integrity: the first answer to a shown card stands, and undo takes back exactly the
answer the page shows as the last one, once."""
import html
import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Card, Question, Review
from tests.web.test_study import (  # noqa: F401  (classroom is a fixture)
    answer, card_page, classroom, rate, token_payload)

UNDO_FORM_RE = re.compile(r'<form[^>]*id="undo-form".*?</form>', re.S)
HIDDEN_RE = re.compile(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


def wrong_answer(question: Question) -> str:
    if question.kind == "truefalse":
        return "false" if question.answer == "true" else "true"
    if question.kind == "mcq":
        return next(c for c in question.choices if c != question.answer)
    return "Islamabad"


def undo_fields(page: str) -> dict:
    """The hidden fields of the page's undo form, as a browser would send them."""
    return undo_form(page)[1]


def undo_form(page: str) -> tuple[str, dict, str]:
    """The page's undo form: where it posts, its hidden fields, and its button's words."""
    form = UNDO_FORM_RE.search(page)
    assert form, "no undo form on the page"
    action = re.search(r'action="([^"]+)"', form.group(0)).group(1)
    label = re.sub(r"<kbd>.*?</kbd>|<[^>]+>", "", re.search(
        r"<button[^>]*>(.*?)</button>", form.group(0), re.S).group(1))
    return action, dict(HIDDEN_RE.findall(form.group(0))), html.unescape(" ".join(label.split()))


def test_a_second_answer_with_the_same_token_does_not_replace_the_first(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    wrong = wrong_answer(question)
    first = answer(actions, token, wrong).get_data(as_text=True)
    assert "Not quite" in first
    second = answer(actions, token, question.answer).get_data(as_text=True)
    assert "Not quite" in second and "first answer" in second
    rate(actions, second, 3)
    review = db.session.scalar(select(Review))
    assert (review.correct, review.given) == (False, wrong)


def test_a_typed_answer_after_showing_the_answer_counts_as_shown(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    answer(actions, token, flip=True)
    second = answer(actions, token, question.answer).get_data(as_text=True)
    assert "Right" not in second and "first answer" in second
    rate(actions, second, 4)
    review = db.session.scalar(select(Review))
    assert (review.correct, review.given) == (None, None)


def test_a_double_clicked_undo_takes_back_one_answer(classroom, actions):
    actions.login("kim@example.com")
    for rating in (3, 4):
        _, token = card_page(actions)
        rate(actions, answer(actions, token, flip=True).get_data(as_text=True), rating)
    first, second = db.session.scalars(select(Review).order_by(Review.id)).all()
    fields = undo_fields(actions.client.get("/student/study").get_data(as_text=True))
    for _ in range(2):
        assert actions.client.post("/student/study/undo", data=fields).status_code == 302
    db.session.expire_all()
    assert db.session.get(Review, second.id).undone_at is not None
    assert db.session.get(Review, first.id).undone_at is None
    page = actions.client.get("/student/study").get_data(as_text=True)
    assert "already undone" in page


def test_undo_from_a_page_older_than_the_last_answer_undoes_what_that_page_showed(
        classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    old_page = actions.client.get("/student/study").get_data(as_text=True)
    _, token = card_page(actions)
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    first, second = db.session.scalars(select(Review).order_by(Review.id)).all()
    actions.client.post("/student/study/undo", data=undo_fields(old_page))
    db.session.expire_all()
    assert db.session.get(Review, first.id).undone_at is not None
    assert db.session.get(Review, second.id).undone_at is None


def test_nothing_to_undo_and_someone_elses_review_change_nothing(classroom, actions, make_user):
    actions.login("kim@example.com")
    fields = undo_fields(actions.client.get("/student/study").get_data(as_text=True))
    actions.client.post("/student/study/undo", data=fields)
    assert "nothing to undo" in actions.client.get("/student/study").get_data(as_text=True)
    _, token = card_page(actions)
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    review_id = db.session.scalar(select(Review.id))
    actions.logout()
    make_user("lee@example.com")
    actions.login("lee@example.com")
    fields = undo_fields(actions.client.get("/student/study").get_data(as_text=True))
    actions.client.post("/student/study/undo", data={**fields, "review": str(review_id)})
    db.session.expire_all()
    assert db.session.get(Review, review_id).undone_at is None


def test_undo_on_the_feedback_screen_takes_back_the_answer_shown(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    previous = db.session.scalar(select(Review))
    _, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    feedback = answer(actions, token, wrong_answer(question)).get_data(as_text=True)
    assert "Not quite" in feedback
    action, fields, label = undo_form(feedback)
    assert label == "Take back this answer"
    for _ in range(2):  # a double click takes back one answer
        assert actions.client.post(action, data=fields).status_code == 302
    db.session.expire_all()
    assert db.session.get(Review, previous.id).undone_at is None  # the card before stands
    page, token = card_page(actions)
    assert "already taken back" in page
    assert token_payload(token)["q"] == question.id  # the same card, to answer again
    again = answer(actions, token, question.answer).get_data(as_text=True)
    assert "Right" in again and "first answer" not in again
    # the taken-back answer's rating form writes nothing
    rate(actions, feedback, 1)
    assert db.session.scalar(select(func.count()).select_from(Review)) == 1
    rate(actions, again, 3)
    ratings = db.session.execute(select(Review.question_id, Review.correct)
                                 .where(Review.undone_at.is_(None)).order_by(Review.id)).all()
    assert ratings == [(previous.question_id, None), (question.id, True)]


def test_a_taken_back_answer_that_was_rated_in_another_tab_is_undone(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    feedback = answer(actions, token, flip=True).get_data(as_text=True)
    rate(actions, feedback, 3)  # rated in another tab; this one still shows the feedback
    action, fields, _ = undo_form(feedback)
    actions.client.post(action, data=fields)
    db.session.expire_all()
    assert db.session.scalar(select(Review.undone_at)) is not None
    card = db.session.scalar(select(Card))
    assert card.reps == 0


def test_undo_after_rating_names_the_answer_it_takes_back(classroom, actions):
    actions.login("kim@example.com")
    _, token = card_page(actions)
    question = db.session.get(Question, token_payload(token)["q"])
    rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 3)
    page = actions.client.get("/student/study").get_data(as_text=True)
    action, _, label = undo_form(page)
    assert action == "/student/study/undo"
    assert label == f"Undo your answer to “{question.prompt}”"
