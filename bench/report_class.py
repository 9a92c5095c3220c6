"""A synthetic class for the reports benchmark: a teacher, S students, Q questions in sets of
100 assigned to the class, R study reviews spread over every student's cards in the last year,
each card's state, and a quiz of up to 40 questions with one submitted attempt per student.

Rows are made here as plain tuples from one seed and loaded in bulk: with COPY on PostgreSQL
(2 million reviews in a minute or two), with executemany elsewhere (the tiny class a test
builds on SQLite). Nothing goes through the ORM's unit of work. Students differ in ability and
questions in difficulty, so pass rates, scores and item figures spread as a real class's do.
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from quizapp.models import (
    Assignment, Card, Enrolment, Question, QuestionSet, Quiz, QuizAnswer, QuizAttempt, Review,
    SchoolClass, User)
from quizapp.models.quizzes import quiz_classes, quiz_sets

SET_SIZE = 100
QUIZ_QUESTIONS = 40
KINDS = ("mcq", "short", "truefalse", "cloze")
CATEGORIES = ("who", "what", "where", "when", "operation", "number")
PASSWORD = "password123"
CHUNK = 5000


@dataclass(frozen=True)
class ReportClass:
    """What the benchmark needs to ask for: the teacher, the class, the quiz, the students."""

    teacher_id: int
    class_id: int
    quiz_id: int
    student_ids: list[int]
    questions: int
    reviews: int


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def load(session: Session, table, columns: list[str], rows) -> int:
    """Bulk-load ``rows`` (tuples in ``columns`` order): COPY on PostgreSQL, else executemany.
    Returns the number of rows."""
    count = 0
    if session.get_bind().dialect.name == "postgresql":
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(json.dumps(v) if isinstance(v, list) else v for v in row))
                count += 1
        return count
    batch = []
    for row in rows:
        batch.append(dict(zip(columns, row)))
        count += 1
        if len(batch) == CHUNK:
            session.execute(insert(table), batch)
            batch = []
    if batch:
        session.execute(insert(table), batch)
    return count


def make_people(session: Session, students: int, now: datetime) -> tuple[int, list[int]]:
    """A teacher and ``students`` students (one password hash for all: hashing is slow)."""
    digest = generate_password_hash(PASSWORD)
    people = [{"email": "teacher@bench.quizapp.org", "name": "Ms Bench", "role": "teacher"}] + [
        {"email": f"s{n:04d}@bench.quizapp.org", "name": f"Student {n:04d}", "role": "student"}
        for n in range(students)]
    session.execute(insert(User), [{**p, "password_hash": digest, "created_at": now}
                                   for p in people])
    ids = dict(session.execute(select(User.email, User.id)).all())
    return ids[people[0]["email"]], [ids[p["email"]] for p in people[1:]]


def question_row(set_id: int, n: int, i: int) -> dict:
    kind = KINDS[n % len(KINDS)]
    answer = "true" if kind == "truefalse" else f"Answer {n}"
    prompt = f"Question {n}: what is ____?" if kind == "cloze" else f"Question {n}?"
    choices = [answer, f"Wrong {n}a", f"Wrong {n}b", f"Wrong {n}c"] if kind == "mcq" else []
    return {"set_id": set_id, "uid": f"q{n}", "fact": f"f{n // 2}", "kind": kind,
            "category": CATEGORIES[n % len(CATEGORIES)], "prompt": prompt, "answer": answer,
            "choices": choices, "accepted": [], "tags": [], "quality_signals": {},
            "origin": "generated", "status": "approved", "position": i}


def make_questions(session: Session, teacher_id: int, class_id: int, count: int,
                   now: datetime) -> list[tuple[int, str, str, list]]:
    """``count`` approved questions in sets of SET_SIZE, every set assigned to the class.
    Returns (id, kind, answer, choices) in order."""
    for first in range(0, count, SET_SIZE):
        qset = session.scalar(insert(QuestionSet).values(
            slug=f"bench-{first}", title=f"Bench set {first // SET_SIZE + 1}",
            owner_id=teacher_id, created_at=now, updated_at=now).returning(QuestionSet.id))
        session.execute(insert(Question), [
            {**question_row(qset, n, n - first), "created_at": now, "updated_at": now}
            for n in range(first, min(first + SET_SIZE, count))])
        session.execute(insert(Assignment).values(set_id=qset, class_id=class_id,
                                                  assigned_at=now))
    return [tuple(r) for r in session.execute(
        select(Question.id, Question.kind, Question.answer, Question.choices)
        .order_by(Question.set_id, Question.position))]


def review_counts(cards: int, reviews: int, rng: random.Random) -> list[int]:
    """Reviews per card, summing to ``reviews`` exactly, spread around the mean."""
    base, extra = divmod(reviews, cards)
    counts = [base + (1 if i < extra else 0) for i in range(cards)]
    for i in range(0, cards - 1, 2):  # move some reviews between neighbours: same sum
        shift = rng.randrange(counts[i + 1]) if counts[i + 1] > 1 else 0
        counts[i], counts[i + 1] = counts[i] + shift, counts[i + 1] - shift
    return counts


CARD_COLUMNS = ["user_id", "question_id", "phase", "step", "stability", "difficulty", "due",
                "last_review", "last_review_day", "reps", "lapses", "updated_at"]
REVIEW_COLUMNS = ["user_id", "question_id", "rating", "reviewed_at", "study_day", "duration_ms",
                  "correct", "request_id", "origin", "interval_days"]


def rating_of(rng: random.Random, passes: float) -> int:
    if rng.random() >= passes:
        return 1
    pick = rng.random()
    return 2 if pick < 0.1 else 3 if pick < 0.9 else 4


def card_reviews(user_id: int, question_id: int, count: int, skill: float, now: datetime,
                 rng: random.Random, cards: list) -> list[tuple]:
    """One card's ``count`` study reviews over the last year (oldest first); its state is
    appended to ``cards``."""
    end = now - timedelta(days=rng.uniform(0, 20))
    start = end - timedelta(days=rng.uniform(1, 340))
    span = (end - start).total_seconds()
    times = sorted([start, end] + [start + timedelta(seconds=rng.uniform(0, span))
                                   for _ in range(count - 2)])[:count]
    rows, lapses, passed = [], 0, 0
    for k, moment in enumerate(times):
        rating = rating_of(rng, sigmoid(1.6 + skill + 0.15 * k))
        lapses += rating == 1 and k > 0
        passed += rating > 1
        following = times[k + 1] if k + 1 < count else None
        rows.append((user_id, question_id, rating, moment, (moment - timedelta(hours=4)).date(),
                     rng.randint(2000, 20000), rating > 1, f"bench-{question_id}-{k}", "study",
                     (following - moment).days if following and rating > 1 else None))
    last = times[-1]
    stability = min(3650.0, math.exp(rng.gauss(math.log(1 + 2.5 * passed), 0.4)))
    relearning = rows[-1][2] == 1
    cards.append((user_id, question_id, 3 if relearning else 2, 0 if relearning else None,
                  stability, min(10.0, max(1.0, 5 - 1.5 * skill + rng.gauss(0, 0.5))),
                  last + (timedelta(minutes=10) if relearning else timedelta(days=stability)),
                  last, (last - timedelta(hours=4)).date().toordinal(), count, lapses, last))
    return rows


def study_rows(students: list[tuple[int, float]], questions: list[tuple[int, float]],
               reviews: int, now: datetime, rng: random.Random, cards: list):
    """Every review of every student's cards, card by card; fills ``cards`` on the way."""
    counts = review_counts(len(students) * len(questions), reviews, rng)
    n = 0
    for user_id, ability in students:
        for question_id, difficulty in questions:
            if counts[n]:
                yield from card_reviews(user_id, question_id, counts[n], ability - difficulty,
                                        now, rng, cards)
            n += 1


ANSWER_COLUMNS = ["attempt_id", "question_id", "position", "points", "choices", "given",
                  "correct", "score", "answered_at"]


def picked(kind: str, answer: str, choices: list, right: bool, rng: random.Random) -> str:
    """What a student gave: the answer, or a wrong one (the first wrong choice most often)."""
    if right:
        return answer
    if kind == "mcq":
        return rng.choices([c for c in choices if c != answer], weights=(6, 3, 1))[0]
    if kind == "truefalse":
        return "false" if answer == "true" else "true"
    return f"not {answer}"


def attempt_answers(asked: list, ability: float, difficulty: dict, started: datetime,
                    rng: random.Random) -> list[tuple]:
    """One attempt's answers, without the attempt id: (question id, position, choices shown,
    given, correct, score, answered at)."""
    rows = []
    for position, (question_id, kind, answer, choices) in enumerate(asked):
        shown = [[f"c{rng.getrandbits(44):011x}", c] for c in rng.sample(choices, len(choices))]
        if rng.random() < 0.03:
            rows.append((question_id, position, shown, None, False, 0.0, None))
            continue
        right = rng.random() < sigmoid(0.8 + ability - difficulty[question_id])
        rows.append((question_id, position, shown, picked(kind, answer, choices, right, rng),
                     right, 1.0 if right else 0.0, started + timedelta(seconds=20 * position)))
    return rows


def make_quiz(session: Session, teacher_id: int, class_id: int, questions: list,
              students: list[tuple[int, float]], difficulty: dict, now: datetime,
              rng: random.Random) -> int:
    """A quiz of up to QUIZ_QUESTIONS questions spread over the sets, and one submitted
    attempt per student."""
    size = min(QUIZ_QUESTIONS, len(questions))
    asked = [questions[i * len(questions) // size] for i in range(size)]
    quiz_id = session.scalar(insert(Quiz).values(
        owner_id=teacher_id, title="Bench quiz", question_count=None,
        fixed_question_ids=[q[0] for q in asked], kinds=[], shuffle_questions=False,
        shuffle_choices=True, one_per_page=False, time_limit_seconds=1800, attempts_allowed=1,
        grading="highest", points=1.0, shows="answers", shows_when="submitted",
        feeds_schedule=False, regrades={}, created_at=now - timedelta(days=3))
        .returning(Quiz.id))
    set_ids = session.scalars(select(Question.set_id).where(
        Question.id.in_([q[0] for q in asked])).distinct()).all()
    session.execute(insert(quiz_sets), [{"quiz_id": quiz_id, "set_id": s} for s in set_ids])
    session.execute(insert(quiz_classes).values(quiz_id=quiz_id, class_id=class_id))
    answers, attempts = {}, []
    for n, (user_id, ability) in enumerate(students):
        started = now - timedelta(days=2, minutes=n)
        answers[user_id] = attempt_answers(asked, ability, difficulty, started, rng)
        attempts.append({"quiz_id": quiz_id, "user_id": user_id, "number": 1, "seed": "bench",
                         "started_at": started, "deadline_at": started + timedelta(minutes=30),
                         "submitted_at": started + timedelta(minutes=20),
                         "submitted_by": "student", "max_score": float(size),
                         "score": sum(row[5] for row in answers[user_id])})
    session.execute(insert(QuizAttempt), attempts)
    ids = session.execute(select(QuizAttempt.user_id, QuizAttempt.id).where(
        QuizAttempt.quiz_id == quiz_id)).all()
    load(session, QuizAnswer.__table__, ANSWER_COLUMNS,
         ((attempt_id, q, pos, 1.0, shown, given, right, score, at)
          for user_id, attempt_id in ids
          for q, pos, shown, given, right, score, at in answers[user_id]))
    return quiz_id


def build(session: Session, *, students: int, questions: int, reviews: int, now: datetime,
          seed: int = 2026) -> ReportClass:
    """The whole class in ``session`` (committed by the caller)."""
    rng = random.Random(seed)
    teacher_id, student_ids = make_people(session, students, now)
    class_id = session.scalar(insert(SchoolClass).values(
        name="Bench class", teacher_id=teacher_id, join_code=f"BENCH{seed}",
        created_at=now - timedelta(days=400)).returning(SchoolClass.id))
    session.execute(insert(Enrolment), [
        {"class_id": class_id, "student_id": s, "joined_at": now - timedelta(days=400)}
        for s in student_ids])
    asked = make_questions(session, teacher_id, class_id, questions, now)
    ability = [(s, rng.gauss(0, 0.8)) for s in student_ids]
    difficulty = {q[0]: rng.gauss(0, 0.8) for q in asked}
    cards: list[tuple] = []
    loaded = load(session, Review.__table__, REVIEW_COLUMNS,
                  study_rows(ability, list(difficulty.items()), reviews, now, rng, cards))
    load(session, Card.__table__, CARD_COLUMNS, cards)
    quiz_id = make_quiz(session, teacher_id, class_id, asked, ability, difficulty, now, rng)
    return ReportClass(teacher_id, class_id, quiz_id, student_ids, len(asked), loaded)
