"""The demo classroom: a teacher, a class, two students with weeks of study behind them, the
demo's sets (``seeds/demo.json``) with the questions a teacher approved, and a finished quiz.

Idempotent: each part is made once, when it is missing (the review history when a demo student
has none, the quiz when the class has none of its title), so running it twice makes nothing
twice. The approvals are applied when the class is first made, so a teacher's later review is
never undone by running the demo again.
"""
from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from quizapp.models import Enrolment, Question, QuestionSet, Quiz, Review, SchoolClass, User
from quizapp.models.quizzes import quiz_classes
from quizapp.services import accounts, classes
from quizapp.services.demo_history import DAYS, Habits, make_quiz, write_history

ROOT = Path(__file__).resolve().parents[2]
DEMO_DATA = ROOT / "seeds" / "demo.json"
BANKS = ROOT / "questions"
DEMO_TEACHER = ("teacher@demo.quizapp.org", "Ms Demo")
DEMO_DAILY_REVIEWS = 25
DEMO_STUDENTS = (("ada@demo.quizapp.org", "Ada"), ("ben@demo.quizapp.org", "Ben"))
DEMO_CLASS = "Demo class: world news"
DEMO_QUIZ = "World news check, week 3"
SEED = 2026
# Ada studies most days and remembers well; Ben studies some weekday evenings and forgets more.
HABITS = {"ada@demo.quizapp.org": (Habits(0.85, 17, 1.0, 0.75, (4, 14)), "Europe/London"),
          "ben@demo.quizapp.org": (Habits(0.5, 19, 0.85, 0.55, (6, 30)), "America/New_York")}
QUIZ_DAY = 19  # of the 28 days of history: the quiz closed a week before the demo starts


def _account(session: Session, email: str, name: str, role: str, logins: dict,
             since: datetime) -> User:
    user = accounts.find_user(session, email)
    if user is None:
        password = secrets.token_urlsafe(9)
        user = accounts.create_user(session, email, password, role=role, name=name)
        user.created_at = since
        if email in HABITS:
            user.timezone = HABITS[email][1]
            # Keen students: they aim higher than the default pace, so four weeks of study
            # reach most of the demo's questions.
            user.daily_reviews = DEMO_DAILY_REVIEWS
        logins[email] = password
    return user


def demo_sets(session: Session, data: Path = DEMO_DATA,
              banks: Path = BANKS) -> list[tuple[QuestionSet, set[str]]]:
    """The demo's imported sets, each with the ids of its approved questions."""
    found = []
    for entry in json.loads(data.read_text("utf-8"))["sets"]:
        bank = banks / entry["bank"]
        if not bank.exists():
            continue
        slug = json.loads(bank.read_text("utf-8"))["article"]["slug"]
        qset = session.scalar(select(QuestionSet).where(QuestionSet.slug == slug))
        if qset is not None:
            found.append((qset, set(entry["approved"])))
    return found


def apply_review(session: Session, sets: list[tuple[QuestionSet, set[str]]]) -> None:
    """Approve the picked questions of each set; its other generated questions wait as drafts."""
    for qset, approved in sets:
        for question in session.scalars(select(Question).where(Question.set_id == qset.id)):
            if question.uid in approved:
                question.status = "approved"
            elif question.origin == "generated" and question.status == "approved":
                question.status = "draft"
    session.flush()


def _class(session: Session, teacher: User, since: datetime) -> tuple[SchoolClass, bool]:
    school_class = session.scalar(select(SchoolClass).where(
        SchoolClass.teacher_id == teacher.id, SchoolClass.name == DEMO_CLASS))
    if school_class is not None:
        return school_class, False
    school_class = classes.create_class(session, teacher, DEMO_CLASS)
    school_class.created_at = since
    return school_class, True


def ensure_demo(session: Session, logins_file: Path, now: datetime, *, data: Path = DEMO_DATA,
                banks: Path = BANKS) -> tuple[SchoolClass, dict[str, str], list[int]]:
    """Idempotent. Returns the class, every demo login known (email → first password) and
    the ids of the students whose history was written now (a parameter fit is due for them)."""
    logins = read_logins(logins_file)
    created: dict[str, str] = {}
    since = now - timedelta(days=DAYS + 2)  # the class began before its weeks of history
    teacher = _account(session, *DEMO_TEACHER, "teacher", created, since)
    students = [_account(session, email, name, "student", created, since)
                for email, name in DEMO_STUDENTS]
    school_class, new_class = _class(session, teacher, since)
    for student in students:
        if session.scalar(select(Enrolment).where(Enrolment.class_id == school_class.id,
                                                  Enrolment.student_id == student.id)) is None:
            session.add(Enrolment(class_id=school_class.id, student_id=student.id,
                                  joined_at=since))
    sets = demo_sets(session, data, banks)
    if new_class:
        apply_review(session, sets)
    for qset in session.scalars(select(QuestionSet).where(
            (QuestionSet.owner_id.is_(None)) | (QuestionSet.owner_id == teacher.id))):
        qset.owner_id = teacher.id
        assignment, assigned = classes.set_assignment(session, school_class, qset.id)
        if assigned and new_class:
            assignment.assigned_at = since
    session.flush()
    studied = ensure_history(session, teacher, school_class, students, [s for s, _ in sets], now)
    if created:
        logins.update(created)
        write_logins(logins_file, logins)
    return school_class, logins, studied


def ensure_history(session: Session, teacher: User, school_class: SchoolClass,
                   students: list[User], sets: list[QuestionSet], now: datetime) -> list[int]:
    """Weeks of study for each demo student without any review yet, and the finished quiz if
    the class has none of its title. Returns the ids of the students given a history."""
    fresh = [s for s in students if not session.scalar(
        select(exists().where(Review.user_id == s.id)))]
    has_quiz = session.scalar(select(exists().where(
        Quiz.title == DEMO_QUIZ, Quiz.id == quiz_classes.c.quiz_id,
        quiz_classes.c.class_id == school_class.id)))
    if not fresh:
        return []
    quiz_sets = sets[:3] or list(session.scalars(select(QuestionSet).where(
        QuestionSet.owner_id == teacher.id).order_by(QuestionSet.id).limit(3)))

    def start_quiz(opens: datetime) -> Quiz | None:
        if has_quiz or not quiz_sets:
            return None
        return make_quiz(session, teacher, school_class, quiz_sets, DEMO_QUIZ, opens)

    write_history(session, [(s, HABITS[s.email][0]) for s in fresh], QUIZ_DAY, start_quiz,
                  now, SEED)
    return [s.id for s in fresh]


def read_logins(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)
    return {email: password for email, password in pairs}


def write_logins(path: Path, logins: dict[str, str]) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.write_text("".join(f"{e} {p}\n" for e, p in logins.items()))
