"""Classes: creating them with a join code that is easy to read aloud and hard to guess."""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Assignment, SchoolClass, User

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


def assign_set(session: Session, school_class: SchoolClass, set_id: int,
               starts_at=None) -> Assignment:
    assignment = session.scalar(select(Assignment).where(
        Assignment.class_id == school_class.id, Assignment.set_id == set_id))
    if assignment is None:
        assignment = Assignment(class_id=school_class.id, set_id=set_id, starts_at=starts_at)
        session.add(assignment)
        session.flush()
    return assignment
