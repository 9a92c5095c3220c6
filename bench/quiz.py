"""Quiz speed on PostgreSQL: starting a 40-question attempt and saving an answer, as whole
requests through the test client, against a baseline request in the same run.

    cd <checkout> && .venv/bin/python -m bench.quiz [--postgres URL] [--students 30]

A fresh database is made beside the one ``--postgres`` (or QUIZAPP_BENCH_POSTGRES_URL) names,
migrated, filled with a set of 200 approved questions and a class of students, timed, and
dropped. The medians go into docs/benchmarks.json under "quiz" (other keys are kept).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import select
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Enrolment, Question, QuestionSet, QuizAnswer
from quizapp.services import accounts, classes, quizzes

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.json"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
QUESTIONS, DRAWN, TARGET_MS = 200, 40, 30


def fresh_database(base_url: str) -> tuple[str, callable]:
    base = sa.make_url(base_url)
    name = f"quizapp_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def fill(students: int) -> tuple[int, list[int]]:
    """A quiz of DRAWN questions drawn from QUESTIONS, and the ids of its class's students."""
    teacher = accounts.create_user(db.session, "t@bench.quizapp.org", "password123",
                                   role="teacher")
    school_class = classes.create_class(db.session, teacher, "Bench")
    qset = QuestionSet(slug="bench", title="Bench", owner_id=teacher.id)
    db.session.add(qset)
    db.session.flush()
    kinds = ("mcq", "short", "truefalse", "cloze")
    db.session.add_all(Question(
        set_id=qset.id, uid=f"q{i}", kind=kinds[i % 4], category="what",
        prompt=f"Question {i} ____?", answer="true" if i % 4 == 2 else f"answer {i}",
        choices=[f"answer {i}", f"other {i}", f"third {i}", f"fourth {i}"] if i % 4 == 0 else [],
        status="approved", position=i) for i in range(QUESTIONS))
    ids = []
    for n in range(students):
        student = accounts.create_user(db.session, f"s{n}@bench.quizapp.org", "password123")
        db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        ids.append(student.id)
    db.session.flush()
    quiz = quizzes.create_quiz(db.session, teacher, {
        "title": "Bench quiz", "question_count": DRAWN, "fixed_question_ids": [], "kinds": [],
        "shuffle_questions": True, "shuffle_choices": True, "one_per_page": False,
        "time_limit_seconds": 3600, "attempts_allowed": 1, "grading": "highest",
        "opens_at": None, "closes_at": None, "points": 1.0, "shows": "answers",
        "shows_when": "submitted", "feeds_schedule": True}, [qset], [school_class])
    db.session.commit()
    return quiz.id, ids


def ms(work) -> float:
    begin = time.perf_counter()
    response = work()
    elapsed = (time.perf_counter() - begin) * 1000
    if response.status_code >= 400:
        raise SystemExit(f"bench request failed: {response.status_code}")
    return elapsed


def typed_field(app, attempt_id: int) -> str:
    """The form field of the attempt's first question answered by typing or true/false."""
    with app.app_context():
        position = db.session.scalar(
            select(QuizAnswer.position).join(Question).where(
                QuizAnswer.attempt_id == attempt_id, Question.kind != "mcq")
            .order_by(QuizAnswer.position).limit(1))
        db.session.remove()
    return f"a{position}"


def measure(app, quiz_id: int, student_ids: list[int]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"baseline": [], "start": [], "save": []}
    for student_id in student_ids:
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = f"{student_id}:1", True
        times["baseline"].append(ms(lambda: client.get("/healthz")))
        started = {}
        times["start"].append(ms(lambda: started.setdefault(
            "r", client.post(f"/student/quizzes/{quiz_id}/start"))))
        attempt_url = started["r"].headers["Location"]
        field = typed_field(app, int(attempt_url.rstrip("/").rsplit("/", 1)[1]))
        times["save"].append(ms(lambda: client.post(
            attempt_url, data={field: "true", "go": "save"},
            headers={"Accept": "application/json"})))
    return times


def record(result: dict) -> None:
    """Merge under "quiz" into docs/benchmarks.json, keeping every other key."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["quiz"] = result
    temporary = RESULTS.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    temporary.replace(RESULTS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("QUIZAPP_BENCH_POSTGRES_URL",
                                                             DEFAULT_POSTGRES))
    parser.add_argument("--students", type=int, default=30)
    args = parser.parse_args()
    try:
        url, drop = fresh_database(args.postgres)
    except sa.exc.OperationalError as exc:
        raise SystemExit(f"bench.quiz needs PostgreSQL ({args.postgres}): {exc}") from None
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                          "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
        with app.app_context():
            upgrade()
            quiz_id, student_ids = fill(args.students)
            db.session.remove()
        times = measure(app, quiz_id, student_ids)
        with app.app_context():
            db.engine.dispose()
    finally:
        drop()
    medians = {key: round(statistics.median(values), 2) for key, values in times.items()}
    result = {"database": "postgresql", "questions_per_attempt": DRAWN, "pool": QUESTIONS,
              "runs": len(student_ids), "target_ms": TARGET_MS,
              "start_attempt_median_ms": medians["start"],
              "save_answer_median_ms": medians["save"],
              "baseline_healthz_median_ms": medians["baseline"],
              "start_over_baseline": round(medians["start"] / medians["baseline"], 1),
              "save_over_baseline": round(medians["save"] / medians["baseline"], 1)}
    record(result)
    print(json.dumps(result, indent=2))
    if max(medians["start"], medians["save"]) >= TARGET_MS:
        print(f"ABOVE TARGET: a median is {TARGET_MS} ms or more")


if __name__ == "__main__":
    main()
