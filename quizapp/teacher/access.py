"""Who may see or change what: only the owning teacher and admins; anyone else gets a 404,
which does not even tell them the class, set, article or question exists."""
from __future__ import annotations

from flask import abort
from flask_login import current_user

from quizapp.extensions import db
from quizapp.models import Article, GenerationJob, Question, QuestionSet, SchoolClass


def mine(owner_id: int | None) -> bool:
    return current_user.is_admin or (owner_id is not None and owner_id == current_user.id)


def _owned(model, ident: int, owner_of):
    row = db.session.get(model, ident)
    if row is None or not mine(owner_of(row)):
        abort(404)
    return row


def owned_class(class_id: int) -> SchoolClass:
    return _owned(SchoolClass, class_id, lambda c: c.teacher_id)


def owned_set(set_id: int) -> QuestionSet:
    return _owned(QuestionSet, set_id, lambda s: s.owner_id)


def owned_question(question_id: int) -> Question:
    return _owned(Question, question_id, lambda q: q.question_set.owner_id)


def owned_article(article_id: int) -> Article:
    return _owned(Article, article_id, lambda a: a.owner_id)


def owned_job(job_id: int) -> GenerationJob:
    return _owned(GenerationJob, job_id, lambda j: j.owner_id)
