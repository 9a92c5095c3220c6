"""The demo students' past: weeks of study and one finished quiz, written by the app's own
services with the real scheduler, at moments in the past, from a seeded random generator.

Each simulated sitting asks the study queue for the next card as the study page does, decides
whether the student remembers it (the scheduler's own predicted recall, scaled by how able the
student is; a new card by a fixed chance), answers it as a student would (the right answer, or
a wrong choice) and rates it as the study page proposes (Again, Hard, Good or Easy from
correctness and time), through ``study_answers.keep_first`` and ``study.rate_card``. The quiz
is started, answered and submitted through ``services.attempts`` while it is open, so its
answers feed the schedule as a real quiz's do. Nothing here reads the wall clock: ``now`` is
passed in, and every moment written lies before it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from quizapp.models import Question, Quiz, QuizAttempt, QuestionSet, SchoolClass, User
from quizapp.scheduling import Phase, propose_rating
from quizapp.scheduling.recall import recall_at
from quizapp.services import attempts, fitting_jobs, quizzes, study, study_answers, study_queue

DAYS = 28  # four weeks of history, ending yesterday
MOST_PER_SITTING = 25  # a student stops after this many answers, as people do


@dataclass(frozen=True)
class Habits:
    """How one demo student studies: which days, at what local hour, how well, how fast."""

    days_per_week: float  # chance of a sitting on a weekday (weekends half of it)
    hour: int  # local hour a sitting starts
    ability: float  # scales the scheduler's predicted recall
    new_right: float  # chance of knowing a card seen for the first time
    seconds: tuple[int, int]  # range of seconds taken per answer


def local_moment(day: date, hour: int, minute: int, zone: str) -> datetime:
    """The UTC moment of ``hour:minute`` on ``day`` in the student's time zone."""
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))
    return local.astimezone(ZoneInfo("UTC"))


def remembers(card, question: Question, student: User, habits: Habits, now: datetime,
              rng: random.Random) -> bool:
    if card is None or card.phase == int(Phase.NEW) or not card.stability or not card.last_review:
        return rng.random() < habits.new_right
    recall = recall_at(card.stability, card.last_review, now, study.settings_for(student))
    return rng.random() < recall * habits.ability


def wrong_answer(question: Question, rng: random.Random) -> str:
    """What a student who does not remember gives: another choice, the other truth value, or
    a plausible slip."""
    if question.kind == "mcq":
        return rng.choice([c for c in question.choices if c != question.answer])
    if question.kind == "truefalse":
        return "false" if question.answer == "true" else "true"
    return rng.choice(["not sure", "I don't know", question.answer[:-2] + "ia"])


def sitting(session: Session, student: User, habits: Habits, start: datetime, until: datetime,
            rng: random.Random) -> int:
    """One study session from ``start``: answers the queue's cards until it is empty, the
    student stops, or ``until`` (the present) comes. Returns the number of answers."""
    now, done = start, 0
    while done < MOST_PER_SITTING and now < until - timedelta(minutes=1):
        queue = study_queue.build_queue(session, student, now)
        queue, upcoming = study_queue.next_card(session, student, now, queue)
        if upcoming is None:
            break
        question, card = upcoming.question, upcoming.card
        right = remembers(card, question, student, habits, now, rng)
        given = question.answer if right else wrong_answer(question, rng)
        outcome = study.check_answer(session, question, given)
        took = rng.randint(*habits.seconds) * 1000
        now += timedelta(milliseconds=took)
        study_answers.keep_first(session, student, question, upcoming.request_id,
                                 given=given, correct=outcome.correct, now=now)
        proposed = propose_rating(outcome.correct, took, question.kind)
        _, created = study.rate_card(
            session, student, question.id, rating=proposed, now=now + timedelta(seconds=2),
            request=upcoming.request_id, duration_ms=took, given=given,
            correct=outcome.correct, proposed=proposed)
        if created:
            fitting_jobs.count_review(session, student.id)
        now += timedelta(seconds=rng.randint(3, 12))
        done += 1
    session.flush()
    return done


def take_quiz(session: Session, student: User, quiz: Quiz, habits: Habits, start: datetime,
              rng: random.Random) -> None:
    """Start, answer and submit one attempt while the quiz is open."""
    started = attempts.start_attempt(session, student, quiz, start, grace=0)
    attempt = attempts.locked(session, session.get(QuizAttempt, started.attempt_id))
    moment = start
    for answer in attempt.answers:
        moment += timedelta(seconds=rng.randint(*habits.seconds))
        question = answer.question
        right = remembers(study.card_for(session, student, question), question, student,
                          habits, moment, rng)
        if question.kind == "mcq":
            wanted = question.answer if right else wrong_answer(question, rng)
            raw = next(cid for cid, text in answer.choices if text == wanted)
        else:
            raw = question.answer if right else wrong_answer(question, rng)
        attempts.save_answers(session, attempt, {f"a{answer.position}": raw}, moment, grace=0)
    attempts.submit(session, attempt, moment + timedelta(seconds=20), grace=0)


def make_quiz(session: Session, teacher: User, school_class: SchoolClass,
              sets: list[QuestionSet], title: str, opens: datetime) -> Quiz:
    """A one-attempt quiz of (at most) eight questions, open for two days from ``opens``."""
    size = len(quizzes.pool(session, [s.id for s in sets]))
    values = {"title": title, "question_count": 8 if size > 8 else None,
              "fixed_question_ids": [], "kinds": [],
              "shuffle_questions": True, "shuffle_choices": True, "one_per_page": False,
              "time_limit_seconds": 15 * 60, "attempts_allowed": 1, "grading": "highest",
              "opens_at": opens, "closes_at": opens + timedelta(days=2), "points": 1.0,
              "shows": "answers", "shows_when": "submitted", "feeds_schedule": True}
    return quizzes.create_quiz(session, teacher, values, sets, [school_class])


def write_history(session: Session, students: list[tuple[User, Habits]], quiz_day: int,
                  start_quiz, now: datetime, seed: int) -> None:
    """``DAYS`` days of sittings for each student, ending the day before ``now``; on day
    ``quiz_day`` ``start_quiz(opens)`` makes the quiz and each student takes it first thing."""
    rng = random.Random(seed)
    first_day = now.date() - timedelta(days=DAYS)
    for offset in range(DAYS):
        day = first_day + timedelta(days=offset)
        quiz = start_quiz(datetime.combine(day, time(6, 0), tzinfo=ZoneInfo("UTC"))) \
            if offset == quiz_day else None
        for student, habits in students:
            begin = local_moment(day, habits.hour, rng.randint(0, 50), student.timezone)
            if quiz is not None:
                take_quiz(session, student, quiz, habits, begin - timedelta(hours=1), rng)
            chance = habits.days_per_week * (0.5 if day.weekday() >= 5 else 1.0)
            if rng.random() < chance and begin < now:
                sitting(session, student, habits, begin, now, rng)
