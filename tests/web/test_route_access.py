"""Every rule in the app's url_map, walked as six people: nobody, a student of the owner's
class, a student of another class, the teacher who owns the things, another teacher, an admin.

A new route cannot escape: the walk reads the app's own url_map, and a route without a line in
``ACCESS`` fails with the line to add. URL arguments come from ``Things`` (the owner's class,
set, question, job, quiz, attempt, student); a route with a new kind of argument says so too.
POSTs carry a valid CSRF token and no fields: what is checked is who gets in, not the form.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from flask import url_for
from sqlalchemy import select

from quizapp import create_app
from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Enrolment, GenerationJob, QuestionSet, Quiz, QuizAttempt, User
from quizapp.services import authoring, banks, classes
from tests.web.conftest import CSRF_RE, app_config

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"
OK, LOGIN, DENIED, HIDDEN = "served", "sent to log in", 403, 404
ROLES = ("nobody", "student", "other_student", "other_teacher", "admin", "owner")


def access(nobody, student, other_student, owner, other_teacher, admin) -> dict:
    """What each person gets: OK, LOGIN, DENIED (403) or HIDDEN (404)."""
    return {"nobody": nobody, "student": student, "other_student": other_student,
            "owner": owner, "other_teacher": other_teacher, "admin": admin}


PUBLIC = access(OK, OK, OK, OK, OK, OK)
SIGNED_IN = access(LOGIN, OK, OK, OK, OK, OK)
STUDENTS = access(LOGIN, OK, OK, DENIED, DENIED, OK)  # admins pass every role check
TEACHERS = access(LOGIN, DENIED, DENIED, OK, OK, OK)
OWNER = access(LOGIN, DENIED, DENIED, OK, HIDDEN, OK)  # another teacher is not told it exists
ADMINS = access(LOGIN, DENIED, DENIED, DENIED, DENIED, OK)
# A quiz set for the student's class, their attempt: nobody else is told it exists.
STUDENTS_OWN = access(LOGIN, OK, HIDDEN, DENIED, DENIED, HIDDEN)

# One line per endpoint: who may use it (the same for each of its methods).
ACCESS = {
    "static": PUBLIC,
    "main.home": PUBLIC,
    "main.healthz": PUBLIC,
    "auth.login": PUBLIC,
    "auth.register": PUBLIC,
    "auth.logout": SIGNED_IN,
    "auth.change_password": SIGNED_IN,
    "student.home": STUDENTS,
    "student.join": STUDENTS,
    "student.settings": STUDENTS,
    "student.study_page": STUDENTS,
    "student.study_answer": STUDENTS,
    "student.study_rate": STUDENTS,
    "student.study_undo": STUDENTS,
    "student.study_take_back": STUDENTS,
    "student.practice_page": STUDENTS,
    "student.practice_answer": STUDENTS,
    "student.set_page": STUDENTS_OWN,
    "student.quiz_list": STUDENTS,
    "student.quiz_page": STUDENTS_OWN,
    "student.start_quiz": STUDENTS_OWN,
    "student.attempt_page": STUDENTS_OWN,
    "student.save_attempt": STUDENTS_OWN,
    "student.submit_attempt": STUDENTS_OWN,
    "student.attempt_summary": STUDENTS_OWN,
    "student.attempt_result": STUDENTS_OWN,
    "student.progress": STUDENTS,
    "student.progress_csv": STUDENTS,
    "teacher.home": TEACHERS,
    "teacher.classes": TEACHERS,
    "teacher.sets": TEACHERS,
    "teacher.new_article": TEACHERS,
    "teacher.import_file": TEACHERS,
    "teacher.quizzes": TEACHERS,
    "teacher.new_quiz": TEACHERS,
    "teacher.class_page": OWNER,
    "teacher.class_gradebook": OWNER,
    "teacher.class_report": OWNER,
    "teacher.class_report_csv": OWNER,
    "teacher.archive_class": OWNER,
    "teacher.unarchive_class": OWNER,
    "teacher.remove_student": OWNER,
    "teacher.set_page": OWNER,
    "teacher.edit_set": OWNER,
    "teacher.publish_set": OWNER,
    "teacher.unpublish_set": OWNER,
    "teacher.duplicate_set": OWNER,
    "teacher.assign_set": OWNER,
    "teacher.unassign_set": OWNER,
    "teacher.export_set": OWNER,
    "teacher.new_question": OWNER,
    "teacher.review": OWNER,
    "teacher.approve_above": OWNER,
    "teacher.review_bulk": OWNER,
    "teacher.set_bulk": OWNER,
    "teacher.edit_question": OWNER,
    "teacher.delete_question": OWNER,
    "teacher.question_up": OWNER,
    "teacher.question_down": OWNER,
    "teacher.move_question": OWNER,
    "teacher.review_one": OWNER,
    "teacher.approve_question": OWNER,
    "teacher.reject_question": OWNER,
    "teacher.job": OWNER,
    "teacher.job_json": OWNER,
    "teacher.cancel_job": OWNER,
    "teacher.quiz_page": OWNER,
    "teacher.quiz_attempt": OWNER,
    "teacher.regrade": OWNER,
    "teacher.quiz_analysis": OWNER,
    "teacher.quiz_analysis_csv": OWNER,
    "teacher.quiz_choices_csv": OWNER,
    "teacher.student_report": OWNER,
    "teacher.student_report_csv": OWNER,
    "admin.staff": ADMINS,
}
# Pages to read a CSRF token from, as each person.
TOKEN_PAGES = {"nobody": "/auth/login", "student": "/student/settings",
               "other_student": "/student/settings", "owner": "/teacher/",
               "other_teacher": "/teacher/", "admin": "/teacher/"}


def walked_rules() -> list[tuple[str, str]]:
    app = create_app(app_config("sqlite://"))
    return sorted((rule.endpoint, method) for rule in app.url_map.iter_rules()
                  for method in rule.methods - {"HEAD", "OPTIONS"})


@dataclass
class Things:
    """The owner's things, filling a route's URL arguments by name."""
    class_id: int
    set_id: int
    question_id: int
    job_id: int
    student_id: int
    quiz_id: int
    attempt_id: int
    fmt: str = "json"
    table: str = "due"
    report_table: str = "roster"
    filename: str = "style.css"


def make_user(email: str, role: str) -> User:
    user = User(email=email, name=email.split("@")[0], role=role, password_hash="unused")
    db.session.add(user)
    db.session.flush()
    return user


def owners_things(owner: User, student: User, qset: QuestionSet, n: int) -> Things:
    school_class = classes.create_class(db.session, owner, f"Class {n}")
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    classes.set_assignment(db.session, school_class, qset.id)
    job = GenerationJob(owner_id=owner.id, article_id=qset.article_id, set_id=qset.id,
                        status="done", progress=100)
    quiz = Quiz(owner_id=owner.id, title=f"Quiz {n}", sets=[qset], classes=[school_class])
    db.session.add_all([job, quiz])
    db.session.flush()
    attempt = QuizAttempt(quiz_id=quiz.id, user_id=student.id, seed="seed")
    db.session.add(attempt)
    db.session.flush()
    return Things(class_id=school_class.id, set_id=qset.id, question_id=qset.questions[0].id,
                  job_id=job.id, student_id=student.id, quiz_id=quiz.id, attempt_id=attempt.id)


@pytest.fixture
def people(app):
    """Six people, and two copies of the owner's things: the admin changes one, the owner the
    other, so whatever one of them changes does not decide what the other sees."""
    kinds = {"student": "student", "other_student": "student", "other_teacher": "teacher",
             "admin": "admin", "owner": "teacher"}
    users = {role: make_user(f"{role}@example.com", kind) for role, kind in kinds.items()}
    banks.import_bank(db.session, load_bank(TINY), owner=users["owner"])
    first = db.session.scalar(select(QuestionSet))
    second = authoring.duplicate_set(db.session, first, users["owner"])
    second.published = True  # a copy starts unpublished; students see only published sets
    other = classes.create_class(db.session, users["other_teacher"], "Another class")
    db.session.add(Enrolment(class_id=other.id, student_id=users["other_student"].id))
    things = {"admin": owners_things(users["owner"], users["student"], first, 1)}
    shared = owners_things(users["owner"], users["student"], second, 2)
    db.session.commit()
    ids = {role: user.get_id() for role, user in users.items()}
    return ids, {role: things.get(role, shared) for role in ROLES}


def outcome(response) -> str | int:
    location = response.headers.get("Location", "")
    if response.status_code in (301, 302, 303) and location.startswith("/auth/login?next="):
        return LOGIN  # (logging out also ends on the login page, without a next)
    if response.status_code == 400 and "Nothing was saved" in response.get_data(as_text=True):
        return "refused its CSRF token"  # the walk itself went wrong
    if response.status_code <= 400:  # 400: the empty form was read and refused
        return OK
    return response.status_code


def visit(app, user_id, role, endpoint, method, things) -> str | int:
    client = app.test_client()
    if user_id is not None:
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = user_id, True
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values, arguments = asdict(things), rule.arguments - set(rule.defaults or {})
    missing = arguments - set(values)
    assert not missing, (f"{endpoint} takes {sorted(missing)}: add a field to Things in "
                         f"{__file__} and make it in owners_things")
    with app.test_request_context():
        url = url_for(endpoint, **{name: values[name] for name in arguments})
    if method == "GET":
        with client.get(url) as response:
            return outcome(response)
    page = client.get(TOKEN_PAGES[role]).get_data(as_text=True)
    token = CSRF_RE.search(page)
    assert token, f"no CSRF token on {TOKEN_PAGES[role]} for {role}"
    with client.post(url, data={"csrf_token": token.group(1)},
                     headers={"Referer": f"http://localhost{TOKEN_PAGES[role]}"}) as response:
        return outcome(response)


@pytest.mark.parametrize("endpoint,method", walked_rules())
def test_every_route_lets_in_exactly_the_right_people(app, people, endpoint, method):
    if endpoint not in ACCESS:
        pytest.fail(f"{endpoint} has no expectation: add one line to ACCESS in {__file__}, "
                    f'e.g. "{endpoint}": OWNER,  (or PUBLIC, SIGNED_IN, STUDENTS, STUDENTS_OWN, '
                    "TEACHERS, or access(nobody, student, other_student, owner, other_teacher, "
                    "admin))")
    ids, things = people
    db.session.remove()  # requests below use their own sessions
    seen = {}
    for role in ROLES:
        with app.app_context():  # each person's requests get a fresh g (user, CSRF token)
            seen[role] = visit(app, ids.get(role), role, endpoint, method, things[role])
    expected = {role: ACCESS[endpoint][role] for role in ROLES}
    assert seen == expected, f"{method} {endpoint}: seen {seen}, expected {expected}"

