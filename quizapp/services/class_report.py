"""A teacher's class report: the rows it reads, fetched in bulk, and the roster and heat map.

Every figure counts the study of this class's assigned sets only (their questions, their cards,
their reviews), so a teacher sees nothing of a student's other classes. Each read is one
statement over the whole class (the students and the questions come in as subqueries, or as
arrays once the report holds them), so a page takes the same few statements for 3 students
or 300; the maths is in
``quizapp.reports``. Study days are each student's own (time zone, rollover hour).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from quizapp.models import (
    Card,
    Enrolment,
    Question,
    QuestionSet,
    QuizAttempt,
    Review,
    SchoolClass,
    User,
)
from quizapp.models.quizzes import quiz_classes
from quizapp.reports import QuestionRow
from quizapp.reports.classes import (
    Activity,
    RiskInputs,
    activity,
    combined,
    counted_retention,
    mastery_of,
    risk_flags,
)
from quizapp.reports.mastery import Mastery
from quizapp.reports.retention import RetentionFigure
from quizapp.scheduling import (
    Phase,
    Rating,
    Settings,
    as_utc,
    days_between,
    study_day,
    study_day_start,
)
from quizapp.services.class_recall import (
    RecallSums,
    assigned_set_ids,
    listed,
    recall_sums,
    student_ids,
)
from quizapp.services.study import settings_for

RETENTION_DAYS = 30
CATEGORIES = ("who", "what", "where", "when", "operation", "number")


@dataclass
class ClassData:
    """What the report reads of one class, each part in one statement."""

    school_class: SchoolClass
    now: datetime
    students: list[User]
    sets: list[tuple[int, str]]  # (set id, title), assigned to the class
    questions: list[QuestionRow]  # approved questions of the assigned sets
    question_ids: list[int]  # every question of the assigned sets, whatever its status
    attempts: list[tuple]  # (user, quiz, number, started, submitted, score, max score)
    settings: dict[int, Settings]
    recall: RecallSums  # student → (set, category) → (cards seen, ΣR now)

    def today(self, student: User):
        return study_day(self.now, student.timezone, student.rollover_hour)


def load(session: Session, school_class: SchoolClass, now: datetime) -> ClassData:
    students = list(session.scalars(
        select(User).where(User.id.in_(student_ids(school_class)))
        .order_by(User.name, User.email)))
    sets = [tuple(row) for row in session.execute(
        select(QuestionSet.id, QuestionSet.title)
        .where(QuestionSet.id.in_(assigned_set_ids(school_class)))
        .order_by(QuestionSet.title, QuestionSet.id))]
    # Every question of the class's sets: reviews of a question retired since still count as
    # study; the approved ones are the sets' questions today.
    every = session.execute(
        select(Question.id, Question.set_id, Question.category, Question.status)
        .where(Question.set_id.in_(assigned_set_ids(school_class)))
        .order_by(Question.set_id, Question.position, Question.id)).all()
    questions = [QuestionRow(q, set_id, category) for q, set_id, category, status in every
                 if status == "approved"]
    attempts = [tuple(row) for row in session.execute(
        select(QuizAttempt.user_id, QuizAttempt.quiz_id, QuizAttempt.number,
               QuizAttempt.started_at, QuizAttempt.submitted_at, QuizAttempt.score,
               QuizAttempt.max_score)
        .join(quiz_classes, quiz_classes.c.quiz_id == QuizAttempt.quiz_id)
        .where(quiz_classes.c.class_id == school_class.id,
               QuizAttempt.user_id.in_(student_ids(school_class))))]
    settings = {s.id: settings_for(s) for s in students}
    return ClassData(school_class, now, students, sets, questions, [row[0] for row in every],
                     attempts, settings,
                     recall_sums(session, school_class, students, settings, now))


def class_reviews(session: Session, data: ClassData):
    """The live reviews of the class's students on the class's questions (their index, which
    carries what the report counts, holds live reviews only)."""
    return and_(listed(session, Review.user_id, [s.id for s in data.students]),
                listed(session, Review.question_id, data.question_ids),
                Review.undone_at.is_(None))


def review_days(data: ClassData, days: dict[int, list[tuple]]) -> dict[int, Activity]:
    """Each student's reviews per study day over the last fortnight, as ``Activity``."""
    return {s.id: activity(((day, reviews, spent) for day, reviews, spent, _, _
                            in days.get(s.id, ())), data.today(s)) for s in data.students}


def last_active(session: Session, data: ClassData) -> dict[int, datetime]:
    """Each student's last review of the class's questions or last quiz attempt started.

    One subquery per enrolment row, which the (user, reviewed at) index answers from its end:
    no student's whole history is read."""
    latest = (select(func.max(Review.reviewed_at))
              .where(Review.user_id == Enrolment.student_id,
                     listed(session, Review.question_id, data.question_ids),
                     Review.undone_at.is_(None))
              .correlate(Enrolment).scalar_subquery())
    found = {user: as_utc(moment) for user, moment in session.execute(
        select(Enrolment.student_id, latest).where(
            Enrolment.class_id == data.school_class.id)) if moment is not None}
    for user_id, _, _, started, submitted, *_ in data.attempts:
        latest_attempt = max(m for m in (started, submitted) if m is not None)
        if user_id not in found or latest_attempt > found[user_id]:
            found[user_id] = latest_attempt
    return found


def recent_days(session: Session, data: ClassData) -> dict[int, list[tuple]]:
    """Each student's study days over the last 30, counted in SQL in one statement: (study
    day, reviews, milliseconds spent, reviews that true retention counts, those passed).

    Every zone's last 30 study days, the fortnight among them, fit in the last 32 days, read
    from the index of live reviews in time order, which carries what is counted. A review
    counts for retention when it is the card's first of its study day and the card had a
    live review before: then the previous review was on an earlier study day (elapsed ≥ 1).
    Both are read from the window's own rows (row numbers per card and per card and day);
    only a card's first review in the window looks further back, for any earlier review."""
    if not data.students:
        return {}
    first_day = min(data.today(s) for s in data.students) - timedelta(days=RETENTION_DAYS - 1)
    order = (Review.reviewed_at, Review.id)
    window = select(
        Review.user_id, Review.question_id, Review.reviewed_at, Review.study_day, Review.rating,
        Review.duration_ms,
        func.row_number().over(partition_by=(Review.user_id, Review.question_id,
                                             Review.study_day), order_by=order).label("nth_day"),
        func.row_number().over(partition_by=(Review.user_id, Review.question_id),
                               order_by=order).label("nth"),
    ).where(class_reviews(session, data), Review.study_day >= first_day,
            Review.reviewed_at >= data.now - timedelta(days=RETENTION_DAYS + 2)).subquery()
    earlier = aliased(Review)
    seen_before = exists().where(earlier.user_id == window.c.user_id,
                                 earlier.question_id == window.c.question_id,
                                 earlier.reviewed_at < window.c.reviewed_at,
                                 earlier.undone_at.is_(None))
    # 0: not counted, 1: counted and failed, 2: counted and passed; grouped by, so each row's
    # earlier review is looked for once, and only where the window cannot tell.
    verdict = case((and_(window.c.nth_day == 1, or_(window.c.nth > 1, seen_before)),
                    case((window.c.rating > int(Rating.AGAIN), 2), else_=1)),
                   else_=0).label("verdict")
    totals: dict[tuple[int, date], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for user_id, day, kind, reviews, spent in session.execute(
            select(window.c.user_id, window.c.study_day, verdict, func.count(),
                   func.coalesce(func.sum(window.c.duration_ms), 0))
            .group_by(window.c.user_id, window.c.study_day, verdict)):
        total = totals[user_id, day]
        total[0] += reviews
        total[1] += spent
        total[2] += reviews if kind else 0
        total[3] += reviews if kind == 2 else 0
    days: dict[int, list[tuple]] = defaultdict(list)
    for (user_id, day), total in totals.items():
        days[user_id].append((day, *total))
    return days


def retention_counts(data: ClassData,
                     days: dict[int, list[tuple]]) -> dict[int, RetentionFigure]:
    """True retention over each student's last 30 study days."""
    result = {}
    for s in data.students:
        since = data.today(s) - timedelta(days=RETENTION_DAYS - 1)
        kept = [(n, p) for day, _, _, n, p in days.get(s.id, ()) if since <= day <= data.today(s)]
        result[s.id] = counted_retention(sum(n for n, _ in kept), sum(p for _, p in kept))
    return result


def backlogs(session: Session, data: ClassData) -> dict[int, int]:
    """Cards of the class's questions due on a study day before the student's today."""
    by_cutoff: dict[datetime, list[int]] = defaultdict(list)
    for s in data.students:
        by_cutoff[study_day_start(data.today(s), s.timezone, s.rollover_hour)].append(s.id)
    if not by_cutoff:
        return {}
    overdue = or_(*(and_(Card.user_id.in_(ids), Card.due < cutoff)
                    for cutoff, ids in by_cutoff.items()))
    return dict(session.execute(
        select(Card.user_id, func.count()).where(
            overdue, Card.phase != int(Phase.NEW),
            listed(session, Card.question_id, data.question_ids))
        .group_by(Card.user_id)).all())


def mastery_tables(data: ClassData) -> dict[int, tuple[Mastery, dict[str, Mastery]]]:
    """Each student's mastery of each category, and of all the assigned sets together (every
    question is in one category, so the categories add up to the whole)."""
    sizes = Counter(q.category for q in data.questions)
    result = {}
    for s in data.students:
        sums: dict[str, tuple[int, float]] = {}
        for (_, category), (seen, recall_sum) in data.recall.get(s.id, {}).items():
            before = sums.get(category, (0, 0.0))
            sums[category] = (before[0] + seen, before[1] + recall_sum)
        by_category = mastery_of(sizes, sums)
        result[s.id] = (combined(by_category.values()), by_category)
    return result


def latest_quiz(data: ClassData) -> dict[int, float]:
    """Each student's share of the points in their latest submitted attempt."""
    latest: dict[int, tuple[datetime, float]] = {}
    for user_id, _, _, _, submitted, score, max_score in data.attempts:
        if submitted is None or score is None or not max_score:
            continue
        if user_id not in latest or submitted > latest[user_id][0]:
            latest[user_id] = (submitted, score / max_score)
    return {user: share for user, (_, share) in latest.items()}


@dataclass
class RosterRow:
    student: User
    last_active: datetime | None
    days_inactive: int | None
    activity: Activity
    backlog: int
    retention: RetentionFigure
    mastery: Mastery
    categories: dict[str, Mastery]
    latest_quiz: float | None
    flags: list[str]


def roster(session: Session, data: ClassData) -> list[RosterRow]:
    """One row a student with every roster figure and the reasons they may be at risk."""
    recent = recent_days(session, data)
    days, retention = review_days(data, recent), retention_counts(data, recent)
    active, backlog = last_active(session, data), backlogs(session, data)
    masteries, quizzes = mastery_tables(data), latest_quiz(data)
    rows = []
    for s in data.students:
        last = active.get(s.id)
        inactive = None if last is None else days_between(last, data.now, s.timezone,
                                                          s.rollover_hour)
        flags = risk_flags(RiskInputs(
            days_inactive=inactive, backlog=backlog.get(s.id, 0),
            daily_load=days[s.id].daily_load, retention=retention[s.id].rate,
            retention_reviews=retention[s.id].reviews, desired_retention=s.desired_retention,
            latest_quiz=quizzes.get(s.id)))
        rows.append(RosterRow(s, last, inactive, days[s.id], backlog.get(s.id, 0), retention[s.id],
                              *masteries[s.id], quizzes.get(s.id), flags))
    return rows


def categories_present(data: ClassData) -> list[str]:
    """The categories the assigned sets have questions in, in the usual order."""
    present = {q.category for q in data.questions}
    return [c for c in CATEGORIES if c in present]


# Roster sort keys: each a value to sort by (None, nothing to show, sorts last either way).
SORTS = {
    "name": lambda r: r.student.name.casefold(),
    "last_active": lambda r: r.last_active,
    "days_active": lambda r: r.activity.days_active,
    "reviews": lambda r: r.activity.reviews_week,
    "minutes": lambda r: r.activity.minutes_week,
    "backlog": lambda r: r.backlog,
    "retention": lambda r: r.retention.rate,
    "mastery": lambda r: r.mastery.mastery,
    "quiz": lambda r: r.latest_quiz,
    "flags": lambda r: len(r.flags),
}


def sorted_roster(rows: list[RosterRow], key: str, descending: bool) -> list[RosterRow]:
    """The roster by ``key`` (one of SORTS; KeyError otherwise), then by name."""
    value = SORTS[key]
    rows = sorted(rows, key=SORTS["name"])
    known = sorted((r for r in rows if value(r) is not None), key=value, reverse=descending)
    return known + [r for r in rows if value(r) is None]
