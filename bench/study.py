"""Study-loop speed as the number of cards grows: the study page, and each study request's
statements and CPU.

    cd <checkout> && .venv/bin/python -m bench.study [--database URL] [--no-json]

A fresh SQLite file (or the given database, which must be empty and migrated by this script)
is filled with three students: one with 100 assigned cards (all 100 due), one with 5,000
assigned cards of which 100 are due, one with 5,000 assigned cards all due. Every card has
been reviewed twice (a real FSRS state), so none is new. Then, through the test client:

- GET /student/study for each student (median of many), and its ratio to the 100-card case;
- the whole loop (GET the card, POST the answer, POST the rating) for the 5,000/100 student:
  statements per request (counted by SQLAlchemy's ``before_cursor_execute``) and CPU ms.

Prints a markdown table and merges the figures into docs/benchmarks.json under
``study_page_ms``, ``statements_per_request`` and ``cpu_ms_per_request``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import event, insert, text

from quizapp import create_app
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Assignment, Card, Enrolment, Question, QuestionSet, Review
from quizapp.scheduling import CardState, Rating, Settings, fuzz_rng, review
from quizapp.services import accounts, classes, study

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.json"
TOKEN_RE = re.compile(r'name="token"[^>]*value="([^"]+)"')
SET_SIZE = 100  # a set per article, as teachers make them
STUDENTS = {"100 assigned": (100, 100), "5000 assigned, 100 due": (5000, 100),
            "5000 assigned, 5000 due": (5000, 5000)}
LOOP = ("GET /student/study", "POST /student/study/answer", "POST /student/study/rate")


def make_sets(teacher_id: int, prefix: str, count: int) -> list[int]:
    """``count`` approved questions in sets of SET_SIZE (a multiple choice and a short answer
    per fact, as generated banks have); returns the sets' ids."""
    set_ids = []
    for n in range(0, count, SET_SIZE):
        qset = QuestionSet(slug=f"{prefix}-{n}", title=f"{prefix} {n}", owner_id=teacher_id)
        db.session.add(qset)
        db.session.flush()
        set_ids.append(qset.id)
        db.session.execute(insert(Question), [
            {"set_id": qset.id, "uid": f"{prefix}{n + i}", "fact": f"{prefix}f{(n + i) // 2}",
             "kind": "mcq" if i % 2 else "short", "category": "who",
             "prompt": f"Who did thing {n + i}?", "answer": f"Person {n + i}",
             "choices": [f"Person {n + i}", f"Person {n + i + 1}", f"Person {n + i + 2}"]
             if i % 2 else [], "status": "approved", "position": i}
            for i in range(min(SET_SIZE, count - n))])
    return set_ids


def reviewed_twice(question_id: int, first, due: bool, settings: Settings) -> CardState:
    """A real card state after two answers 15 minutes apart. Due cards were first seen weeks
    ago (with Hard, Good or Easy the second time); the others two days ago, with Good then
    Easy, so their next review is days away."""
    second = (random.Random(question_id).choice([Rating.HARD, Rating.GOOD, Rating.EASY])
              if due else Rating.EASY)
    state = CardState.new()
    for n, rating in enumerate((Rating.GOOD, second)):
        state, _ = review(state, rating, settings, first + timedelta(minutes=15 * n),
                          fuzz_rng(question_id, state.reps), "UTC", 4)
    return state


def fill_student(email: str, teacher, cards: int, due: int, now) -> int:
    student = accounts.create_user(db.session, email, "password123")
    school_class = classes.create_class(db.session, teacher, email)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    for set_id in make_sets(teacher.id, email.split("@")[0], cards):
        db.session.add(Assignment(set_id=set_id, class_id=school_class.id))
    db.session.flush()
    settings, rng = study.settings_for(student), random.Random(cards + due)
    question_ids = db.session.scalars(
        text("SELECT q.id FROM questions q JOIN assignments a ON a.set_id = q.set_id "
             "WHERE a.class_id = :c ORDER BY q.id"), {"c": school_class.id}).all()
    card_rows, review_rows = [], []
    for k, qid in enumerate(question_ids):
        first = now - timedelta(days=rng.randint(20, 60) if k < due else 2)
        state = reviewed_twice(qid, first, k < due, settings)
        card = Card(user_id=student.id, question_id=qid)
        study.store_state(card, state, student)
        card_rows.append({c.key: getattr(card, c.key) for c in Card.__table__.columns
                          if c.key not in ("id", "updated_at")})
        review_rows += [{"user_id": student.id, "question_id": qid, "rating": 3,
                         "reviewed_at": first + timedelta(minutes=15 * n),
                         "study_day": first.date(), "request_id": f"q{qid}:n{n}"}
                        for n in range(2)]
    db.session.execute(insert(Card), card_rows)
    db.session.execute(insert(Review), review_rows)
    db.session.commit()
    return student.id


def fill(now) -> dict[str, int]:
    teacher = accounts.create_user(db.session, "t@bench.quizapp.org", "password123",
                                   role="teacher")
    ids = {name: fill_student(f"s{i}@bench.quizapp.org", teacher, cards, due, now)
           for i, (name, (cards, due)) in enumerate(STUDENTS.items())}
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:  # no autovacuum here: the planner needs statistics
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return ids


def client_for(app, user_id: int):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = f"{user_id}:1"
        session["_fresh"] = True
    return client


class Meter:
    """Statements (transaction control aside, as psycopg's BEGIN is unseen) and process CPU
    of one request."""

    def __init__(self, engine):
        self.statements = 0
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, _conn, _cursor, statement, *_args):
        self.statements += not statement.startswith("BEGIN")

    @contextmanager
    def request(self, out: dict, name: str):
        before, cpu = self.statements, time.process_time()
        yield
        out.setdefault(name, []).append(
            (self.statements - before, (time.process_time() - cpu) * 1000))


def page_times(client, runs: int) -> list[float]:
    client.get("/student/study")  # warm: templates compiled, statements cached
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        assert client.get("/student/study").status_code == 200
        times.append((time.perf_counter() - begin) * 1000)
    return times


def study_loop(client, meter: Meter, cycles: int) -> dict[str, list[tuple[int, float]]]:
    """GET the card, POST an answer, POST Good: ``cycles`` times, each request measured."""
    out: dict[str, list] = {}
    for n in range(cycles + 2):
        sink = out if n >= 2 else {}  # the first two cycles warm the statement cache
        with meter.request(sink, LOOP[0]):
            page = client.get("/student/study").get_data(as_text=True)
        token = TOKEN_RE.search(page).group(1)
        with meter.request(sink, LOOP[1]):
            feedback = client.post("/student/study/answer",
                                   data={"token": token, "given": "Person", "submit": "Check"})
        assert feedback.status_code == 200, feedback.status_code
        token = TOKEN_RE.search(feedback.get_data(as_text=True)).group(1)
        with meter.request(sink, LOOP[2]):
            rated = client.post("/student/study/rate", data={"token": token, "rating": "3"})
        assert rated.status_code == 302, rated.status_code
    return out


def merge_results(figures: dict) -> None:
    current = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    current.update(figures)
    RESULTS.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="an empty database (default: a fresh SQLite file)")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--no-json", action="store_true", help="print only")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        upgrade()
        begin = time.perf_counter()
        students = fill(utcnow())
        fill_s = time.perf_counter() - begin
        meter = Meter(db.engine)
    pages = {name: statistics.median(page_times(client_for(app, uid), args.runs))
             for name, uid in students.items()}
    loop = study_loop(client_for(app, students["5000 assigned, 100 due"]), meter, 30)
    statements = {name: max(s for s, _ in rows) for name, rows in loop.items()}
    cpu = {name: round(statistics.median(c for _, c in rows), 2) for name, rows in loop.items()}
    base = pages["100 assigned"]
    print(f"| study page, {db_name(url)} (filled in {fill_s:.0f} s) | median | × 100 assigned |")
    print("| --- | ---: | ---: |")
    for name, ms in pages.items():
        print(f"| GET /student/study, {name} | {ms:.1f} ms | {ms / base:.2f} × |")
    print(f"\n| request (5000 assigned, 100 due), {db_name(url)} | statements (most) | CPU ms "
          "(median) |")
    print("| --- | ---: | ---: |")
    for name in LOOP:
        print(f"| {name} | {statements[name]} | {cpu[name]:.1f} |")
    if not args.no_json:
        merge_results({"study_page_ms": {k: round(v, 2) for k, v in pages.items()},
                       "statements_per_request": statements, "cpu_ms_per_request": cpu})


def db_name(url: str) -> str:
    return url.split(":")[0].split("+")[0]


if __name__ == "__main__":
    main()
