"""A school's class for the load benchmark, written fast with bulk inserts.

One teacher, one class of ``students`` students, one assigned set of 1,000 approved questions
(500 facts, each as multiple choice and as short answer). Each student has seen 300 of them:
2–6 past reviews a card over the last four months (500–1,500 reviews each) and a card state
whose due date falls, for about a third of the cards, before now; the other 700 are new.
Every student's password is ``password123``. ``ANALYZE`` runs at the end: this machine's
PostgreSQL has no autovacuum, and the planner needs the statistics.
"""
from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import insert, text
from werkzeug.security import generate_password_hash

from bench.load_accounts import PASSWORD, email
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Card, Enrolment, Question, QuestionSet, Review, User
from quizapp.scheduling import study_day
from quizapp.services import accounts, classes

FACTS = 500
SEEN = 300


def seed(students: int, rng: random.Random) -> None:
    """Fill the (empty, migrated) database of the current app; commits."""
    teacher = accounts.create_user(db.session, "teacher@bench.quizapp.org", PASSWORD,
                                   role="teacher")
    school_class = classes.create_class(db.session, teacher, "Bench class")
    qset = QuestionSet(slug="bench", title="Bench set", owner_id=teacher.id)
    db.session.add(qset)
    db.session.flush()
    classes.set_assignment(db.session, school_class, qset.id)
    db.session.execute(insert(Question), questions(qset.id))
    hashed = generate_password_hash(PASSWORD)  # one scrypt for the whole class
    db.session.execute(insert(User), [{"email": email(n), "name": f"Student {n}",
                                       "password_hash": hashed, "role": "student"}
                                      for n in range(students)])
    ids = list(db.session.scalars(db.select(User.id).where(User.role == "student")
                                  .order_by(User.id)))
    db.session.execute(insert(Enrolment), [{"class_id": school_class.id, "student_id": i}
                                           for i in ids])
    question_ids = list(db.session.scalars(db.select(Question.id).order_by(Question.id)))
    for user_id in ids:
        cards, reviews = history(user_id, question_ids, rng)
        bulk(Card.__table__, cards)
        bulk(Review.__table__, reviews)
    db.session.commit()
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def bulk(table, rows: list[dict]) -> None:
    """Insert many rows: COPY on PostgreSQL (seconds, not minutes), else one executemany."""
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        db.session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def questions(set_id: int) -> list[dict]:
    rows = []
    for fact in range(FACTS):
        answer = f"Person {fact}"
        common = {"set_id": set_id, "fact": f"f{fact}", "category": "who", "answer": answer,
                  "status": "approved", "origin": "generated", "quality": 0.8,
                  "source_sentence": 0, "source_start": 0, "source_end": 10,
                  "source_text": f"{answer} said something on day {fact}."}
        rows.append({**common, "uid": f"m{fact}", "kind": "mcq", "position": 2 * fact,
                     "prompt": f"Who said something on day {fact}?",
                     "choices": [answer] + [f"Person {(fact + k) % FACTS}" for k in (7, 13, 29)]})
        rows.append({**common, "uid": f"s{fact}", "kind": "short", "position": 2 * fact + 1,
                     "prompt": f"Name the one who said something on day {fact}.",
                     "accepted": [f"P. {fact}"]})
    return rows


def history(user_id: int, question_ids: list[int], rng: random.Random):
    """(cards, reviews) of one student: SEEN cards with 2–6 reviews each."""
    now, cards, reviews = utcnow(), [], []
    for question_id in rng.sample(question_ids, SEEN):
        count, last = rng.randint(2, 6), now - timedelta(days=rng.uniform(0.5, 60))
        stability = rng.uniform(2, 80)
        for n in range(count):
            at = last - timedelta(days=(count - 1 - n) * rng.uniform(3, 12))
            rating = rng.choice((1, 3, 3, 3, 4))
            reviews.append({"user_id": user_id, "question_id": question_id, "rating": rating,
                            "reviewed_at": at, "study_day": at.date(), "duration_ms": 6000,
                            "request_id": f"seed:{question_id}:{n}", "origin": "study",
                            "given": None, "correct": None, "proposed_rating": None})
        cards.append({"user_id": user_id, "question_id": question_id, "phase": 2,
                      "stability": stability, "difficulty": rng.uniform(3, 8),
                      "due": last + timedelta(days=stability), "last_review": last,
                      "last_review_day": study_day(last, "UTC", 4).toordinal(),
                      "reps": count, "lapses": int(rng.random() < 0.2), "updated_at": now})
    return cards, reviews
