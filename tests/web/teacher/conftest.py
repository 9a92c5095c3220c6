"""Teacher fixtures: a teacher with a class and a set of drafts, another teacher, a student."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Question, QuestionSet
from quizapp.services.banks import import_bank

TINY = Path(__file__).resolve().parents[2] / "data" / "tiny_bank.json"


@pytest.fixture
def teacher(make_user):
    return make_user("teach@example.com", "teacher", name="Ms Rivera")


@pytest.fixture
def other_teacher(make_user):
    return make_user("other@example.com", "teacher", name="Mr Other")


@pytest.fixture
def student(make_user):
    return make_user("kim@example.com", "student", name="Kim")


@pytest.fixture
def drafts(teacher) -> QuestionSet:
    """The tiny bank imported as drafts waiting for the teacher's review."""
    import_bank(db.session, load_bank(TINY), owner=teacher, status="draft")
    db.session.commit()
    return db.session.scalar(select(QuestionSet))


def question(uid: str) -> Question:
    return db.session.scalar(select(Question).where(Question.uid == uid))


@pytest.fixture
def as_teacher(actions, teacher):
    actions.login(teacher.email)
    return actions
