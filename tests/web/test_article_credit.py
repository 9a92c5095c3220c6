"""Wherever an article or a quotation from it is shown, its credit is too: Wikinews text is
CC BY 2.5, so the page names Wikinews, the licence, and links the original article."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Enrolment, Question
from quizapp.services import banks, classes

BANK = Path(__file__).resolve().parents[2] / "questions" / "enwikinews-121935.json"
URL = load_bank(BANK)["article"]["source"]
CREDIT = re.compile(
    r'Source: Wikinews, CC BY 2\.5 · <a href="([^"]+)"[^>]*>the original article</a>')


@pytest.fixture
def wikinews_set(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    banks.import_bank(db.session, load_bank(BANK), owner=teacher, status="draft")
    set_id = db.session.scalar(select(Question.set_id).limit(1))
    student = make_user("kim@example.com")
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    classes.set_assignment(db.session, school_class, set_id)
    db.session.commit()
    return set_id


def test_teacher_pages_credit_the_article(wikinews_set, actions):
    actions.login("t@example.com")
    page = actions.client.get(f"/teacher/sets/{wikinews_set}").get_data(as_text=True)
    assert CREDIT.search(page).group(1) == URL
    draft = db.session.scalar(select(Question.id).where(Question.set_id == wikinews_set))
    page = actions.client.get(f"/teacher/questions/{draft}/review").get_data(as_text=True)
    assert CREDIT.search(page).group(1) == URL


def test_the_answer_page_credits_the_quoted_sentence(wikinews_set, actions):
    for question in db.session.scalars(select(Question)):
        question.status = "approved"
    db.session.commit()
    actions.login("kim@example.com")
    card = actions.client.get("/student/study").get_data(as_text=True)
    token = re.search(r'name="token"[^>]*value="([^"]+)"', card).group(1)
    feedback = actions.post("/student/study/answer", {"token": token, "flip": "x"},
                            token_from="/student/study").get_data(as_text=True)
    assert 'class="source"' in feedback
    assert CREDIT.search(feedback).group(1) == URL
