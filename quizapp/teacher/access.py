"""Who may see or change what: only the owning teacher and admins; anyone else gets a 404,
which does not even tell them the class, set, article or question exists."""
from __future__ import annotations

from flask import abort
from flask_login import current_user

from quizapp.extensions import db
from quizapp.models import Article, GenerationJob, Question, QuestionSet, SchoolClass


def mine(owner_id: int | None) -> bool:
    return current_user.is_admin or (owner_id is not None and owner_id == current_user.id)


def owned_class(class_id: int) -> SchoolClass:
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or not mine(school_class.teacher_id):
        abort(404)
    return school_class


def owned_set(set_id: int) -> QuestionSet:
    qset = db.session.get(QuestionSet, set_id)
    if qset is None or not mine(qset.owner_id):
        abort(404)
    return qset


def owned_question(question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or not mine(question.question_set.owner_id):
        abort(404)
    return question


def owned_article(article_id: int) -> Article:
    article = db.session.get(Article, article_id)
    if article is None or not mine(article.owner_id):
        abort(404)
    return article


def owned_job(job_id: int) -> GenerationJob:
    job = db.session.get(GenerationJob, job_id)
    if job is None or not mine(job.owner_id):
        abort(404)
    return job
