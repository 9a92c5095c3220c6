"""Quiz fixtures: a teacher with a class of two students, an approved set of 12 questions,
another teacher with a class of their own, and helpers to set a quiz and start attempts."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from flask import g, request_started

from quizapp.extensions import db
from quizapp.models import Enrolment
from quizapp.services import authoring, quizzes

NOW = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def forget_csrf_token(sender, **extra):
    """Tests hold one app context, so ``g`` would hand one client's CSRF token to another."""
    g.pop("csrf_token", None)


@pytest.fixture(autouse=True)
def one_csrf_token_per_client(app):
    request_started.connect(forget_csrf_token, app)
    yield
    request_started.disconnect(forget_csrf_token, app)


def add_questions(qset, n: int = 12) -> None:
    for i in range(n):
        kind = ("mcq", "short", "truefalse")[i % 3]
        values = {"kind": kind, "category": "what", "prompt": f"Question {i}?",
                  "answer": {"mcq": f"Right{i}", "short": f"Answer{i}", "truefalse": "true"}[kind],
                  "choices": [f"Right{i}", f"Wrong{i}a", f"Wrong{i}b", f"Wrong{i}c"]}
        authoring.add_question(db.session, qset, values)


@pytest.fixture
def school(app, make_user, make_class):
    """Names of everything made: teacher, class, set, students kim and lee, other teacher."""
    teacher = make_user("teach@example.com", "teacher", name="Ms Rivera")
    school_class = make_class(teacher, "Year 9")
    qset, _ = authoring.create_set(db.session, teacher, "Capitals")
    add_questions(qset)
    kim = make_user("kim@example.com", name="Kim")
    lee = make_user("lee@example.com", name="Lee")
    for student in (kim, lee):
        db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    other = make_user("other@example.com", "teacher", name="Mr Other")
    other_class = make_class(other, "Year 10")
    stranger = make_user("sam@example.com", name="Sam")
    db.session.add(Enrolment(class_id=other_class.id, student_id=stranger.id))
    db.session.commit()
    return {"teacher": teacher, "class": school_class, "set": qset, "kim": kim, "lee": lee,
            "other": other, "other_class": other_class, "stranger": stranger}


def settings(**changes) -> dict:
    values = {"title": "Friday quiz", "question_count": 5, "fixed_question_ids": [],
              "kinds": [], "shuffle_questions": True, "shuffle_choices": True,
              "one_per_page": False, "time_limit_seconds": 600, "attempts_allowed": 1,
              "grading": "highest", "opens_at": None, "closes_at": None, "points": 2.0,
              "shows": "right_answers", "shows_when": "submitted", "feeds_schedule": True}
    return {**values, **changes}


@pytest.fixture
def make_quiz(school):
    def make(**changes):
        quiz = quizzes.create_quiz(db.session, school["teacher"], settings(**changes),
                                   [school["set"]], [school["class"]])
        db.session.commit()
        return quiz

    return make


def later(**kw) -> datetime:
    return NOW + timedelta(**kw)
