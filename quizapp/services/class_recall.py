"""A class's predicted recall summed in SQL: per student, set and category, the cards seen and
ΣR, so the report reads a few thousand sums instead of every card of every student.

R is FSRS's forgetting curve as ``quizapp.scheduling.recall`` reads it, (1 + factor·t/S) ^
decay with t the fractional days since the card's last review, each student with the factor
and decay of their own parameters (a small table of them joins the cards). A test holds these
sums to ``recall_at`` card by card on both databases.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    Float,
    Integer,
    any_,
    case,
    cast,
    column,
    extract,
    func,
    literal,
    select,
    values,
)
from sqlalchemy.orm import Session

from quizapp.models import Assignment, Card, Enrolment, Question, SchoolClass, User
from quizapp.models.base import UTCDateTime
from quizapp.reports import CardMemory
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import curve

RecallSums = dict[int, dict[tuple[int, str], tuple[int, float]]]


def student_ids(school_class: SchoolClass):
    return select(Enrolment.student_id).where(Enrolment.class_id == school_class.id)


def assigned_set_ids(school_class: SchoolClass):
    return select(Assignment.set_id).where(Assignment.class_id == school_class.id)


def among(session: Session, column, ids):
    """``column IN (ids)``; on PostgreSQL ``column = ANY(the ids as one array)``. PostgreSQL
    turns an IN subquery into a join and, misestimating a class's questions at a handful,
    probes the review index once per student and question (200,000 probes for a class of 200
    on 1,000 questions); given one array it reads each student's rows on the index instead."""
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(ids)
    listed = ids.subquery()
    return column == any_(cast(select(func.array_agg(next(iter(listed.c)))).scalar_subquery(),
                               ARRAY(Integer)))


def listed(session: Session, column, ids: list[int]):
    """``column IN (ids)`` for ids the report already holds; on PostgreSQL ``column = ANY(one
    array parameter)``: one parameter whatever the class's size, and the planner, seeing the
    values, reads each student's window of a covering index instead of probing it per
    question (an array computed in the statement looks to it like a handful of values)."""
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(ids)
    return column == any_(literal(list(ids), ARRAY(Integer)))


def elapsed_days(session: Session, moment: datetime):
    """Fractional days from each card's last review to ``moment``, in the database's terms."""
    at = literal(moment, UTCDateTime())
    if session.get_bind().dialect.name == "postgresql":
        return extract("epoch", at - Card.last_review) / 86400.0
    return func.julianday(at) - func.julianday(Card.last_review)


def recall_sums(session: Session, school_class: SchoolClass, students: list[User],
                settings: dict[int, Settings], moment: datetime) -> RecallSums:
    """Student id → (set id, category) → (cards seen, ΣR at ``moment``) over the approved
    questions of the class's sets; unseen questions are left out (R = 0)."""
    if not students:
        return {}
    curves = values(column("user_id", Integer), column("factor", Float),
                    column("decay", Float), name="curves").data(
        [(s.id, *curve(settings[s.id])) for s in students]).cte()
    elapsed = elapsed_days(session, moment)
    recall = func.pow(1 + curves.c.factor * case((elapsed > 0, elapsed), else_=0.0)
                      / Card.stability, curves.c.decay)
    result: dict[int, dict] = defaultdict(dict)
    for user_id, set_id, category, seen, total in session.execute(
            select(Card.user_id, Question.set_id, Question.category, func.count(),
                   func.sum(recall))
            .join(curves, curves.c.user_id == Card.user_id)
            .join(Question, Question.id == Card.question_id)
            .where(listed(session, Card.user_id, [s.id for s in students]),
                   among(session, Question.set_id, assigned_set_ids(school_class)),
                   Question.status == "approved", Card.stability > 0,
                   Card.last_review.is_not(None))
            .group_by(Card.user_id, Question.set_id, Question.category)):
        result[user_id][set_id, category] = (seen, float(total))
    return dict(result)


def set_memories(session: Session, school_class: SchoolClass,
                 set_id: int) -> dict[int, list[CardMemory]]:
    """Each student's seen cards of one approved set's questions, for the exam forecast."""
    memories: dict[int, list[CardMemory]] = defaultdict(list)
    for user_id, question_id, stability, last_review in session.execute(
            select(Card.user_id, Card.question_id, Card.stability, Card.last_review)
            .join(Question, Question.id == Card.question_id)
            .where(Card.user_id.in_(student_ids(school_class)),
                   Question.set_id == set_id, Question.status == "approved",
                   Card.stability > 0, Card.last_review.is_not(None))):
        memories[user_id].append(CardMemory(question_id, stability, last_review))
    return dict(memories)
