"""Read-only views of who may see what: a student's classes and assigned sets, a teacher's own."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from quizapp.clock import utcnow
from quizapp.scheduling import Phase
from quizapp.models import (
    Assignment, Card, Enrolment, Question, QuestionSet, SchoolClass, User)


def student_classes(session: Session, student: User) -> list[SchoolClass]:
    return list(session.scalars(
        select(SchoolClass).join(Enrolment).where(Enrolment.student_id == student.id,
                                                  SchoolClass.archived_at.is_(None))
        .options(joinedload(SchoolClass.teacher)).order_by(SchoolClass.name)))


def assigned_sets_query(student_id: int, now=None):
    """Sets a student may study: assigned to one of their open classes, started, published."""
    now = utcnow() if now is None else now
    return (select(QuestionSet.id)
            .join(Assignment, Assignment.set_id == QuestionSet.id)
            .join(SchoolClass, SchoolClass.id == Assignment.class_id)
            .join(Enrolment, Enrolment.class_id == SchoolClass.id)
            .where(Enrolment.student_id == student_id, SchoolClass.archived_at.is_(None),
                   QuestionSet.published.is_(True),
                   (Assignment.starts_at.is_(None)) | (Assignment.starts_at <= now)))


def student_sets(session: Session, student: User) -> list[tuple[QuestionSet, int]]:
    """Each assigned set with its number of approved questions."""
    assigned = assigned_sets_query(student.id)
    counts = (select(Question.set_id, func.count().label("n"))
              .where(Question.status == "approved", Question.set_id.in_(assigned))
              .group_by(Question.set_id).subquery())
    rows = session.execute(
        select(QuestionSet, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.set_id == QuestionSet.id)
        .where(QuestionSet.id.in_(assigned))
        .order_by(QuestionSet.title))
    return [(s, n) for s, n in rows]


def student_due_dates(session: Session, student: User) -> dict[int, object]:
    """The earliest due date of each set assigned to the student's open classes (sets with
    no due date are left out)."""
    rows = session.execute(
        select(Assignment.set_id, func.min(Assignment.due_on))
        .join(Enrolment, Enrolment.class_id == Assignment.class_id)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .where(Enrolment.student_id == student.id, SchoolClass.archived_at.is_(None),
               Assignment.due_on.is_not(None))
        .group_by(Assignment.set_id))
    return dict(rows.all())


def assigned_set(session: Session, student: User, set_id: int, now=None) -> QuestionSet | None:
    """The set, if it is assigned to one of the student's classes now; otherwise None."""
    return session.scalar(select(QuestionSet).where(
        QuestionSet.id == set_id, QuestionSet.id.in_(assigned_sets_query(student.id, now))))


def studied_in_set(session: Session, student: User,
                   qset: QuestionSet) -> tuple[list[tuple[Question, Card]], int]:
    """The set's approved questions the student has studied, with their cards (in the set's
    order), and how many approved questions they have not studied yet; two statements."""
    studied = session.execute(
        select(Question, Card).join(Card, (Card.question_id == Question.id)
                                    & (Card.user_id == student.id))
        .where(Question.set_id == qset.id, Question.status == "approved",
               Card.phase != int(Phase.NEW))
        .order_by(Question.position, Question.id)).all()
    approved = session.scalar(select(func.count()).select_from(Question).where(
        Question.set_id == qset.id, Question.status == "approved"))
    return [(q, c) for q, c in studied], approved - len(studied)


def teacher_classes(session: Session, teacher: User) -> list[SchoolClass]:
    query = select(SchoolClass).order_by(SchoolClass.archived_at.is_not(None), SchoolClass.name)
    if not teacher.is_admin:
        query = query.where(SchoolClass.teacher_id == teacher.id)
    return list(session.scalars(query))


def teacher_sets(session: Session, teacher: User) -> list[QuestionSet]:
    query = select(QuestionSet).order_by(QuestionSet.title)
    if not teacher.is_admin:
        query = query.where(QuestionSet.owner_id == teacher.id)
    return list(session.scalars(query))


def question_counts(session: Session, sets: list[QuestionSet]) -> dict[int, dict[str, int]]:
    """Questions per set and status (``{set_id: {"approved": 27, "draft": 3}}``), in one query."""
    counts: dict[int, dict[str, int]] = {s.id: {} for s in sets}
    rows = session.execute(select(Question.set_id, Question.status, func.count())
                           .where(Question.set_id.in_(list(counts)))
                           .group_by(Question.set_id, Question.status))
    for set_id, status, n in rows:
        counts[set_id][status] = n
    return counts
