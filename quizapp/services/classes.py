"""Classes: join codes easy to read aloud and hard to guess, rosters, archiving, assignments."""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Assignment, Enrolment, SchoolClass, User

# No 0/O, 1/I/L: a code is read from a board or said aloud.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_join_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code)) is None:
            return code


def create_class(session: Session, teacher: User, name: str) -> SchoolClass:
    school_class = SchoolClass(name=name.strip(), teacher_id=teacher.id,
                               join_code=new_join_code(session))
    session.add(school_class)
    session.flush()
    return school_class


class ClassError(ValueError):
    """A class change that cannot be made; the message is for the teacher."""


def lock_owner(session: Session, user: User) -> None:
    """Serialise one teacher's creations: a form sent twice at once makes one row, not two.

    PostgreSQL takes a row lock on the teacher; SQLite already serialises writers (BEGIN
    IMMEDIATE), where FOR UPDATE is left out.
    """
    session.execute(select(User.id).where(User.id == user.id).with_for_update())


def open_class_named(session: Session, teacher: User, name: str) -> SchoolClass | None:
    return session.scalar(select(SchoolClass).where(
        SchoolClass.teacher_id == teacher.id, SchoolClass.name == name.strip(),
        SchoolClass.archived_at.is_(None)))


def create_class_once(session: Session, teacher: User, name: str) -> tuple[SchoolClass, bool]:
    """(class, created). A teacher's open class of the same name is the same class: a form
    sent twice, or a second click, lands on it instead of making a twin."""
    if not name.strip():
        raise ClassError("A class needs a name.")
    lock_owner(session, teacher)
    existing = open_class_named(session, teacher, name)
    if existing is not None:
        return existing, False
    return create_class(session, teacher, name), True


def rename_class(session: Session, school_class: SchoolClass, name: str) -> None:
    name = name.strip()
    if not name:
        raise ClassError("A class needs a name.")
    twin = open_class_named(session, school_class.teacher, name)
    if twin is not None and twin.id != school_class.id:
        raise ClassError(f"You already have an open class called {name!r}.")
    school_class.name = name
    session.flush()


def roster(session: Session, school_class: SchoolClass) -> list[tuple[Enrolment, User]]:
    """Each enrolled student with their enrolment, by name."""
    return [(e, u) for e, u in session.execute(
        select(Enrolment, User).join(User, User.id == Enrolment.student_id)
        .where(Enrolment.class_id == school_class.id).order_by(User.name, User.email))]


def class_student(session: Session, school_class: SchoolClass, student_id: int) -> User | None:
    """The student ``student_id`` if they are in the class, else None."""
    return session.scalar(select(User).join(Enrolment, Enrolment.student_id == User.id).where(
        Enrolment.class_id == school_class.id, User.id == student_id))


def remove_student(session: Session, school_class: SchoolClass, student_id: int) -> User:
    """The student leaves the class; their review history stays theirs."""
    enrolment = session.scalar(select(Enrolment).where(
        Enrolment.class_id == school_class.id, Enrolment.student_id == student_id))
    if enrolment is None:
        raise ClassError("That student is not in this class.")
    student = enrolment.student
    session.delete(enrolment)
    session.flush()
    return student


def set_archived(session: Session, school_class: SchoolClass, archived: bool, now) -> None:
    """An archived class takes no new students and shows its sets to nobody; nothing is lost."""
    if archived and school_class.archived_at is None:
        school_class.archived_at = now
    elif not archived and school_class.archived_at is not None:
        twin = open_class_named(session, school_class.teacher, school_class.name)
        if twin is not None:
            raise ClassError(f"You already have an open class called {school_class.name!r}; "
                             "rename one of them first.")
        school_class.archived_at = None
    session.flush()


def set_assignment(session: Session, school_class: SchoolClass, set_id: int,
                   starts_at=None, due_on=None) -> tuple[Assignment, bool]:
    """Assign (or re-date) a set for a class. Returns (assignment, newly assigned)."""
    assignment = session.scalar(select(Assignment).where(
        Assignment.class_id == school_class.id, Assignment.set_id == set_id))
    created = assignment is None
    if created:
        assignment = Assignment(class_id=school_class.id, set_id=set_id)
        session.add(assignment)
    assignment.starts_at, assignment.due_on = starts_at, due_on
    session.flush()
    return assignment, created


def unassign(session: Session, school_class: SchoolClass, set_id: int) -> bool:
    assignment = session.scalar(select(Assignment).where(
        Assignment.class_id == school_class.id, Assignment.set_id == set_id))
    if assignment is None:
        return False
    session.delete(assignment)
    session.flush()
    return True
