"""The study page's choice order cannot be replayed from anything the page carries.

Hand-written multiple-choice questions list the right answer first; if a student could replay
the shuffle (its seed once sat in the card's signed, readable token), they would know which
shown choice is the answer before choosing.
"""
import random
import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Enrolment, Question
from quizapp.services import authoring, classes
from tests.web.test_study import TOKEN_RE, answer, rate, token_payload

CHOICE_RE = re.compile(r'name="given" value="([^"]+)"')
CARDS = 8


@pytest.fixture
def handwritten(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    qset, _ = authoring.create_set(db.session, teacher, "Capitals")
    for n in range(CARDS):
        question = authoring.add_question(db.session, qset, {
            "kind": "mcq", "category": "where", "prompt": f"Capital number {n}?",
            "answer": f"Right{n}", "choices": [f"Right{n}", f"Wrong{n}a", f"Wrong{n}b",
                                               f"Wrong{n}c"]})
        question.status = "approved"
    classes.set_assignment(db.session, school_class, qset.id)
    student = make_user("kim@example.com")
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    db.session.commit()
    return student


def test_replaying_the_token_does_not_give_the_choice_order(handwritten, actions):
    actions.login("kim@example.com")
    replayed = predicted = 0
    for _ in range(CARDS):
        page = actions.client.get("/student/study").get_data(as_text=True)
        token = TOKEN_RE.search(page).group(1)
        question = db.session.get(Question, token_payload(token)["q"])
        shown = CHOICE_RE.findall(page)
        assert sorted(shown) == sorted(question.choices)
        attack = list(question.choices)  # the teacher typed the right answer first
        random.Random(token_payload(token)["r"]).shuffle(attack)
        replayed += attack == shown
        predicted += shown[attack.index(question.choices[0])] == question.answer
        rate(actions, answer(actions, token, flip=True).get_data(as_text=True), 4)
    assert replayed < CARDS // 2 and predicted < CARDS // 2, (replayed, predicted)


def test_the_order_is_the_same_each_time_the_card_is_shown(handwritten, actions):
    actions.login("kim@example.com")
    first = CHOICE_RE.findall(actions.client.get("/student/study").get_data(as_text=True))
    again = CHOICE_RE.findall(actions.client.get("/student/study").get_data(as_text=True))
    assert first == again and len(first) == 4
