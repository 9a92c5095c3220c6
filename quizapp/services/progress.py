"""A student's progress, read from the review log, the cards and the quiz attempts in bulk.

Nine statements whatever the number of cards, reviews or attempts: reviews per study day of
the last year, the year's reviews grouped for true retention (each with its card's previous
review, by a window function, counted in SQL), what the log says was known on each of the
last twelve weeks (counted in SQL too), the cards, the questions to know, the most
forgotten cards, the quiz attempts and their accuracy per category; and first the ids of
the sets the page covers (the review-log statements are in ``progress_log``). The figures
come from ``quizapp.reports`` (pure maths) on those rows.

A ``Scope`` says what the page covers: a student sees everything of theirs (the sets they may
study, every quiz they took); a teacher's drill-down covers only the sets assigned to the
teacher's class and the quizzes set for it, so one teacher never sees another's material.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quizapp.models import (
    Assignment, Card, Question, QuestionSet, Quiz, QuizAnswer, QuizAttempt, User)
from quizapp.models.quizzes import quiz_classes
from quizapp.quizzes import results_visible, shows_at_least
from quizapp.reports import (
    CardMemory, DueForecast, KnowledgePoint, Mastery, Retention, RetentionReview, due_forecast,
    knowledge_forecast)
from quizapp.reports.activity import CALENDAR_DAYS, Activity, activity
from quizapp.reports.forecast import FORECAST_DAYS
from quizapp.reports.mastery import mastery_by, reading, recalls
from quizapp.reports.retention import retention_of
from quizapp.scheduling import Phase, study_day, study_day_start
from quizapp.scheduling.recall import planned_recalls
from quizapp.services.catalogue import assigned_sets_query
from quizapp.services.progress_log import (
    WINDOWS, day_rows, knowledge_history_of, retention_rows)
from quizapp.services.study import settings_for

LAPSES_SHOWN, KEEPS_FAILING = 10, 2  # cards forgotten at least twice after learning them
CATEGORIES = ("who", "what", "where", "when", "operation", "number")


@dataclass(frozen=True)
class Scope:
    """The sets (a select of set ids) and quizzes (None: any) a progress page covers."""

    set_ids: object
    quiz_ids: object | None
    student_view: bool

    @classmethod
    def student(cls, student: User, now: datetime) -> Scope:
        return cls(assigned_sets_query(student.id, now), None, True)

    @classmethod
    def school_class(cls, class_id: int) -> Scope:
        return cls(select(Assignment.set_id).where(Assignment.class_id == class_id),
                   select(quiz_classes.c.quiz_id).where(quiz_classes.c.class_id == class_id),
                   False)

    def resolved(self, session: Session) -> Scope:
        """The same scope with its set ids read once: a short list the later statements
        take as a plain IN, not a join of classes, enrolments and assignments each time."""
        return replace(self, set_ids=tuple(session.scalars(self.set_ids)))

    def questions(self):
        """The ids of the approved questions in the scope's sets."""
        return select(Question.id).where(Question.status == "approved",
                                         Question.set_id.in_(self.set_ids))


@dataclass(frozen=True)
class Today:
    reviews: int
    seconds: int
    failed: int
    due_now: int
    due_later: int  # later this study day
    next_due: datetime | None  # the next card to come due after now

    @property
    def failed_share(self) -> float | None:
        return self.failed / self.reviews if self.reviews else None


@dataclass(frozen=True)
class SetMastery:
    set_id: int
    title: str
    mastery: Mastery
    reading: str


@dataclass(frozen=True)
class Lapse:
    prompt: str
    answer: str
    kind: str
    source_text: str | None
    set_title: str
    lapses: int


@dataclass(frozen=True)
class QuizLine:
    quiz_title: str
    number: int
    submitted_at: datetime
    seconds: int
    score: float | None  # None: not shown to the student yet
    max_score: float
    categories: dict[str, tuple[int, int]] | None  # category: (right, asked); None: hidden

    @property
    def share(self) -> float | None:
        return None if self.score is None or not self.max_score else self.score / self.max_score


@dataclass(frozen=True)
class Progress:
    student: User
    now: datetime
    day: date
    desired_retention: float
    today: Today
    due: DueForecast
    activity: Activity
    retention: dict[int, Retention]
    sets: list[SetMastery]
    categories: dict[str, Mastery]
    reading: str
    knowledge: tuple[KnowledgePoint, ...]
    history: tuple[tuple[date, float], ...]
    lapses: list[Lapse]
    quizzes: list[QuizLine]

    @property
    def due_bars(self) -> list[tuple[str, int]]:
        """The due forecast as chart bars: ("2 Dec", cards)."""
        return [(f"{day.day} {day:%b}", count) for day, count in self.due.days]

    @property
    def history_points(self) -> list[tuple[str, float]]:
        return [("today" if day == self.day else f"{day.day} {day:%b}", total)
                for day, total in self.history]

    @property
    def knowledge_points(self) -> list[tuple[str, float]]:
        return [("today" if k.days_ahead == 0 else f"+{k.days_ahead} d", k.expected_recalled)
                for k in self.knowledge]


def retention_figures(rows, settings) -> dict[int, Retention]:
    """True retention over each of WINDOWS from the grouped rows, with the recall FSRS
    planned for each (elapsed, interval)."""
    by_window: dict[int, list[RetentionReview]] = {days: [] for days in WINDOWS}
    pairs = list({(elapsed, interval) for _, elapsed, interval, _, _ in rows if interval})
    planned = dict(zip(pairs, planned_recalls(pairs, settings)))
    for window, elapsed, interval, rating, count in rows:
        predicted = planned[elapsed, interval] if interval else None
        review = RetentionReview(None, rating, elapsed, interval, predicted, count)
        for days in WINDOWS:
            if window <= days:
                by_window[days].append(review)
    return {days: retention_of(reviews) for days, reviews in by_window.items()}


def today_figures(days, cards, student: User, now: datetime, day: date) -> Today:
    _, reviews, ms, failed = next((row for row in days if row[0] == day), (day, 0, 0, 0))
    end = study_day_start(day + timedelta(days=1), student.timezone, student.rollover_hour)
    dues = [c.due for c in cards if c.phase != int(Phase.NEW) and c.due is not None]
    ahead = [d for d in dues if d > now]
    return Today(reviews=reviews, seconds=int(ms) // 1000, failed=int(failed or 0),
                 due_now=sum(1 for d in dues if d <= now),
                 due_later=sum(1 for d in ahead if d < end),
                 next_due=min(ahead, default=None))


def due_rows(dues: Iterable[datetime], day: date, tz: str, rollover: int):
    """(study day, 1) of each due moment, found among the starts of the forecast's days (read
    once) rather than by turning every moment into the student's local time: a moment before
    today's start is backlog (yesterday here), one past the forecast is left on its last day."""
    starts = [study_day_start(day + timedelta(days=n), tz, rollover)
              for n in range(FORECAST_DAYS + 1)]
    for due in dues:
        n = bisect_right(starts, due) - 1
        yield day + timedelta(days=n if n >= 0 else -1), 1


def mastery_figures(questions, cards, settings, now, who: str):
    """(mastery by set with its reading, by category, overall reading) from one recall pass."""
    recall = recalls((CardMemory(c.question_id, c.stability, c.last_review) for c in cards
                      if c.stability and c.last_review), settings, now)
    titles = {q.set_id: q.title for q in questions}
    by_set = mastery_by(((q.set_id, q.id) for q in questions), recall)
    by_cell = mastery_by((((q.set_id, q.category), q.id) for q in questions), recall)
    categories = mastery_by(((q.category, q.id) for q in questions), recall)
    sets = [SetMastery(set_id, titles[set_id], by_set[set_id],
                       reading({c: m for (s, c), m in by_cell.items() if s == set_id}, who))
            for set_id in sorted(by_set, key=lambda s: (titles[s].lower(), s))]
    ordered = {c: categories[c] for c in CATEGORIES if c in categories}
    return sets, ordered, reading(ordered, who), recall


def lapses(session: Session, student: User, scope: Scope) -> list[Lapse]:
    rows = session.execute(
        select(Question.prompt, Question.answer, Question.kind, Question.source_text,
               QuestionSet.title, Card.lapses)
        .join(Card, Card.question_id == Question.id)
        .join(QuestionSet, QuestionSet.id == Question.set_id)
        .where(Card.user_id == student.id, Card.lapses >= KEEPS_FAILING,
               Question.id.in_(scope.questions()))
        .order_by(Card.lapses.desc(), Question.id).limit(LAPSES_SHOWN))
    return [Lapse(*row) for row in rows]


def quiz_lines(session: Session, student: User, scope: Scope, now: datetime) -> list[QuizLine]:
    mine = [QuizAttempt.user_id == student.id, QuizAttempt.submitted_at.is_not(None)]
    if scope.quiz_ids is not None:
        mine.append(QuizAttempt.quiz_id.in_(scope.quiz_ids))
    attempts = session.execute(select(QuizAttempt, Quiz).join(Quiz).where(*mine)
                               .order_by(QuizAttempt.submitted_at, QuizAttempt.id)).all()
    tally: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for attempt_id, category, asked, right in session.execute(
            select(QuizAnswer.attempt_id, Question.category, func.count(),
                   func.sum(case((QuizAnswer.correct.is_(True), 1), else_=0)))
            .join(Question, Question.id == QuizAnswer.question_id)
            .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id).where(*mine)
            .group_by(QuizAnswer.attempt_id, Question.category)):
        tally[attempt_id][category] = (int(right or 0), int(asked))
    lines = []
    for attempt, quiz in attempts:
        shown = not scope.student_view or results_visible(now, quiz.shows_when, quiz.closes_at)
        detail = shown and (not scope.student_view or shows_at_least(quiz.shows, "answers"))
        lines.append(QuizLine(
            quiz.title, attempt.number, attempt.submitted_at,
            int((attempt.submitted_at - attempt.started_at).total_seconds()),
            attempt.score if shown else None, attempt.max_score,
            {c: tally[attempt.id][c] for c in CATEGORIES if c in tally[attempt.id]}
            if detail else None))
    return lines


def progress(session: Session, student: User, scope: Scope, now: datetime) -> Progress:
    """Every figure of a student's progress page, in a bounded number of statements."""
    settings = settings_for(student)
    scope = scope.resolved(session)
    tz, rollover = student.timezone, student.rollover_hour
    day = study_day(now, tz, rollover)
    days = day_rows(session, student, scope, day - timedelta(days=CALENDAR_DAYS - 1))
    cards = session.execute(
        select(Card.question_id, Card.phase, Card.stability, Card.last_review, Card.due)
        .where(Card.user_id == student.id, Card.question_id.in_(scope.questions()))).all()
    questions = session.execute(
        select(Question.id, Question.set_id, Question.category, QuestionSet.title)
        .join(QuestionSet, QuestionSet.id == Question.set_id)
        .where(Question.status == "approved", Question.set_id.in_(scope.set_ids))).all()
    who = "you" if scope.student_view else student.name
    sets, categories, overall, recall = mastery_figures(questions, cards, settings, now, who)
    return Progress(
        student=student, now=now, day=day, desired_retention=student.desired_retention,
        today=today_figures(days, cards, student, now, day),
        due=due_forecast(due_rows((c.due for c in cards if c.phase != int(Phase.NEW) and c.due),
                                  day, tz, rollover), day),
        activity=activity(((d, n) for d, n, _, _ in days), day),
        retention=retention_figures(retention_rows(session, student, scope, now), settings),
        sets=sets, categories=categories, reading=overall,
        knowledge=knowledge_forecast((CardMemory(c.question_id, c.stability, c.last_review)
                                      for c in cards if c.question_id in recall),
                                     settings, now),
        history=knowledge_history_of(session, student, scope, now, settings),
        lapses=lapses(session, student, scope),
        quizzes=quiz_lines(session, student, scope, now))

