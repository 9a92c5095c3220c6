"""Accounts: creating users, students joining with a class code, passwords, logging out."""
from __future__ import annotations

import re
import secrets
from functools import cache
from zoneinfo import available_timezones

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.models import ROLES, Enrolment, SchoolClass, User

MIN_PASSWORD = 8
CODE_SEPARATORS = re.compile(r"[\s-]+")  # the page shows a code spaced out; people type it so
TAKEN_EMAIL = ("We could not create an account with this email. If you have one, log in; "
               "if you forgot its password, ask your teacher to set a new one.")


class AccountError(ValueError):
    """A request that cannot be carried out; the message is for the user."""


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(session: Session, email: str, password: str, *, role: str = "student",
                name: str | None = None) -> User:
    email = email.strip().lower()
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}: choose one of {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"The password needs at least {MIN_PASSWORD} characters.")
    if find_user(session, email):
        raise AccountError("An account with that email already exists.")
    user = User(email=email, name=(name or email.split("@")[0]).strip(), role=role)
    user.set_password(password)
    session.add(user)
    session.flush()
    return user


def class_by_code(session: Session, code: str) -> SchoolClass | None:
    school_class = session.scalar(
        select(SchoolClass).where(SchoolClass.join_code == CODE_SEPARATORS.sub("", code).upper()))
    if school_class is None or school_class.archived_at is not None:
        return None
    return school_class


def register_student(session: Session, *, email: str, name: str, password: str,
                     class_code: str, timezone: str | None = None) -> User:
    """A student joins with a class code; a wrong code creates nothing. The browser's time
    zone, when it is a real one, sets where the student's study days begin."""
    school_class = class_by_code(session, class_code)
    if school_class is None:
        raise AccountError("No open class has that code. Check it with your teacher.")
    if find_user(session, email):  # said so that a stranger learns nothing about the account
        raise AccountError(TAKEN_EMAIL)
    user = create_user(session, email, password, role="student", name=name)
    if timezone in available_timezones():
        user.timezone = timezone
    session.add(Enrolment(class_id=school_class.id, student_id=user.id))
    session.flush()
    return user


def join_class(session: Session, user: User, class_code: str) -> SchoolClass:
    school_class = class_by_code(session, class_code)
    if school_class is None:
        raise AccountError("No open class has that code. Check it with your teacher.")
    exists = session.scalar(select(Enrolment).where(Enrolment.class_id == school_class.id,
                                                    Enrolment.student_id == user.id))
    if exists is None:
        session.add(Enrolment(class_id=school_class.id, student_id=user.id))
        session.flush()
    return school_class


@cache
def _stand_in_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user with that email and password, or None. An unknown email still hashes the
    password, so the time taken does not tell whether an account exists."""
    user = find_user(session, email)
    if user is None:
        check_password_hash(_stand_in_hash(), password)
        return None
    return user if user.check_password(password) else None


def change_password(user: User, current: str, new: str) -> None:
    if not user.check_password(current):
        raise AccountError("The current password is not right.")
    if len(new) < MIN_PASSWORD:
        raise AccountError(f"The password needs at least {MIN_PASSWORD} characters.")
    user.set_password(new)
    end_sessions(user)


def end_sessions(user: User) -> None:
    """Every cookie issued for this user so far stops working (logout, password change)."""
    user.session_version += 1
