"""The demo classroom: a teacher, a class, two students, and every library set assigned."""
from __future__ import annotations

import secrets
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Enrolment, QuestionSet, SchoolClass
from quizapp.services import accounts, classes

DEMO_TEACHER = ("teacher@demo.quizapp.org", "Ms Demo")
DEMO_STUDENTS = (("ada@demo.quizapp.org", "Ada"), ("ben@demo.quizapp.org", "Ben"))
DEMO_CLASS = "Demo class: world news"


def _account(session: Session, email: str, name: str, role: str, logins: dict) -> object:
    user = accounts.find_user(session, email)
    if user is None:
        password = secrets.token_urlsafe(9)
        user = accounts.create_user(session, email, password, role=role, name=name)
        logins[email] = password
    return user


def ensure_demo(session: Session, logins_file: Path) -> tuple[SchoolClass, dict[str, str]]:
    """Idempotent. Returns the class and every demo login known (email → first password)."""
    logins = read_logins(logins_file)
    created: dict[str, str] = {}
    teacher = _account(session, *DEMO_TEACHER, "teacher", created)
    students = [_account(session, email, name, "student", created)
                for email, name in DEMO_STUDENTS]
    school_class = session.scalar(select(SchoolClass).where(
        SchoolClass.teacher_id == teacher.id, SchoolClass.name == DEMO_CLASS))
    if school_class is None:
        school_class = classes.create_class(session, teacher, DEMO_CLASS)
    for student in students:
        if session.scalar(select(Enrolment).where(Enrolment.class_id == school_class.id,
                                                  Enrolment.student_id == student.id)) is None:
            session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    for qset in session.scalars(select(QuestionSet).where(
            (QuestionSet.owner_id.is_(None)) | (QuestionSet.owner_id == teacher.id))):
        qset.owner_id = teacher.id
        classes.set_assignment(session, school_class, qset.id)
    session.flush()
    if created:
        logins.update(created)
        write_logins(logins_file, logins)
    return school_class, logins


def read_logins(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)
    return {email: password for email, password in pairs}


def write_logins(path: Path, logins: dict[str, str]) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.write_text("".join(f"{e} {p}\n" for e, p in logins.items()))
