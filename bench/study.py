"""Study-page speed for a student with many cards: building today's queue, and whole requests.

    cd <checkout> && .venv/bin/python -m bench.study [--cards 2000] [--database URL]

A fresh SQLite file (or the given database, which must be empty) is migrated and filled with
one set of CARDS questions, a student who has reviewed every card once or twice over the past
month, and then timed: ``build_queue`` and GET /student/study through the test client.
Prints a markdown table; the numbers go into docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
import timeit
from datetime import timedelta
from pathlib import Path

from flask_migrate import upgrade

from quizapp import create_app
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Enrolment, Question, QuestionSet, User
from quizapp.scheduling import Rating
from quizapp.services import accounts, classes, study


def fill(cards: int, rng: random.Random) -> int:
    teacher = accounts.create_user(db.session, "t@bench.quizapp.org", "password123",
                                   role="teacher")
    student = accounts.create_user(db.session, "s@bench.quizapp.org", "password123")
    school_class = classes.create_class(db.session, teacher, "Bench")
    qset = QuestionSet(slug="bench", title="Bench", owner_id=teacher.id)
    db.session.add(qset)
    db.session.flush()
    classes.set_assignment(db.session, school_class, qset.id)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    questions = [Question(set_id=qset.id, uid=f"q{i}", fact=f"f{i // 2}", kind="short",
                          category="what", prompt=f"Question {i}?", answer=f"answer {i}",
                          status="approved", position=i) for i in range(cards)]
    db.session.add_all(questions)
    db.session.flush()
    start = utcnow() - timedelta(days=30)
    for i, question in enumerate(questions):
        moment = start + timedelta(minutes=i)
        for n in range(1 + i % 2):
            study.record_review(db.session, student, question, rating=rng.choice(list(Rating)),
                                now=moment + timedelta(days=4 * n), request=f"{i}:{n}",
                                duration_ms=5000, given=None, correct=None, proposed=None)
    db.session.commit()
    return student.id


def timed(work, runs: int) -> list[float]:
    return timeit.repeat(work, number=1, repeat=runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--database")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="quizapp-bench-")
    url = args.database or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        upgrade()
        begin = time.perf_counter()
        student_id = fill(args.cards, random.Random(7))
        fill_s = time.perf_counter() - begin
        student = db.session.get(User, student_id)
        queue_times = timed(lambda: study.build_queue(db.session, student, utcnow()), 5)
        queue = study.build_queue(db.session, student, utcnow())
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = f"{student_id}:1"
        session["_fresh"] = True
    page_times = timed(lambda: client.get("/student/study"), 20)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {args.cards} cards, {url.split(':')[0]} | median | max |")
    print("| --- | ---: | ---: |")
    print(f"| record {args.cards * 1.5:.0f} reviews (fill) | {fill_s:.1f} s total | |")
    print(f"| build_queue ({len(queue.due)} due, {len(queue.new)} new) "
          f"| {statistics.median(queue_times) * 1000:.0f} ms | {max(queue_times) * 1000:.0f} ms |")
    print(f"| GET /student/study | {statistics.median(page_times) * 1000:.0f} ms "
          f"| {max(page_times) * 1000:.0f} ms |")
    print(f"| peak memory of this process | {rss_mb:.0f} MB | |")


if __name__ == "__main__":
    main()
