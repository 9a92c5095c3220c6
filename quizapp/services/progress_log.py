"""The review-log statements of a progress page, each counted in SQL so that what comes back
follows the variety of the log (days, intervals, ratings), never its length.

True retention needs each review's previous review of the same card, and the knowledge history
each review's next one: window functions (LAG, LEAD) over the student's log, partitioned by
card. ``scope`` is a ``quizapp.services.progress.Scope``.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import (
    Date, Float, Integer, and_, case, cast, func, literal, or_, select, union_all)
from sqlalchemy.orm import Session

from quizapp.models import Review, User
from quizapp.models.base import UTCDateTime
from quizapp.reports.forecast import knowledge_history
from quizapp.scheduling import Rating, Settings, study_day, study_day_start
from quizapp.scheduling.recall import planned_curve

WINDOWS = (7, 30, 365)  # days of true retention
HISTORY_WEEKS = 12  # knowledge on each of the last 12 weeks' same moment


def live_reviews(student: User, scope: Scope):
    """The conditions on the student's live reviews the page counts."""
    conditions = [Review.user_id == student.id, Review.undone_at.is_(None)]
    if not scope.student_view:
        conditions.append(Review.question_id.in_(scope.questions()))
    return conditions


def day_rows(session: Session, student: User, scope: Scope, first_day: date) -> list:
    """(study day, reviews, milliseconds, failed) for each study day from ``first_day``."""
    return session.execute(
        select(Review.study_day, func.count(), func.coalesce(func.sum(Review.duration_ms), 0),
               func.sum(case((Review.rating == int(Rating.AGAIN), 1), else_=0)))
        .where(*live_reviews(student, scope), Review.study_day >= first_day,
               Review.reviewed_at >= study_day_start(first_day, student.timezone,
                                                     student.rollover_hour))
        .group_by(Review.study_day)).all()


def days_apart(session: Session, later, earlier):
    """Whole days between two DATE expressions, in the database's own words."""
    if session.get_bind().dialect.name == "postgresql":
        return later - earlier
    return cast(func.julianday(later) - func.julianday(earlier), Integer)


def retention_rows(session: Session, student: User, scope: Scope, now: datetime) -> list:
    """The reviews of the last year that measure memory, grouped in SQL by window (the
    shortest of WINDOWS that holds them), study days since the card's previous review (from
    the whole log), the interval that review set, and the rating: (window, elapsed,
    interval, rating, reviews)."""
    order = {"partition_by": Review.question_id, "order_by": (Review.reviewed_at, Review.id)}
    log = select(Review.reviewed_at, Review.study_day, Review.rating,
                 func.lag(Review.study_day, type_=Date).over(**order).label("prev_day"),
                 func.lag(Review.interval_days, type_=Integer).over(**order)
                 .label("interval")).where(*live_reviews(student, scope)).subquery()
    window = case(*((log.c.reviewed_at >= now - timedelta(days=days), days)
                    for days in WINDOWS[:-1]), else_=WINDOWS[-1])
    elapsed = days_apart(session, log.c.study_day, log.c.prev_day)
    return session.execute(
        select(window, elapsed, log.c.interval, log.c.rating, func.count())
        .where(log.c.reviewed_at >= now - timedelta(days=WINDOWS[-1]), log.c.reviewed_at < now,
               log.c.prev_day < log.c.study_day)
        .group_by(window, elapsed, log.c.interval, log.c.rating)).all()


def history_moments(now: datetime) -> list[datetime]:
    """The same moment of each of the last HISTORY_WEEKS weeks, and now."""
    return [now - timedelta(weeks=k) for k in range(HISTORY_WEEKS, -1, -1)]


def history_days(now: datetime, tz: str, rollover: int) -> list[date]:
    return [study_day(at, tz, rollover) for at in history_moments(now)]


def knowledge_join(session: Session, student: User, scope: Scope, now: datetime):
    """(select of samples × the review that was each card's latest before each sample, the
    samples, the log, elapsed study days): for each of HISTORY_WEEKS weekly moments up to now.
    A review is a card's latest before a moment when the card's next review (LEAD) comes at or
    after it: a range join of a dozen moments."""
    order = {"partition_by": Review.question_id, "order_by": (Review.reviewed_at, Review.id)}
    log = select(Review.study_day, Review.reviewed_at, Review.interval_days,
                 func.lead(Review.reviewed_at, type_=UTCDateTime()).over(**order)
                 .label("next_at")).where(
        Review.user_id == student.id, Review.undone_at.is_(None),
        Review.question_id.in_(scope.questions())).subquery()
    days = history_days(now, student.timezone, student.rollover_hour)
    samples = union_all(*(
        select(literal(day, Date).label("day"), literal(at, UTCDateTime()).label("at"))
        for day, at in zip(days, history_moments(now)))).subquery()
    elapsed = days_apart(session, samples.c.day, log.c.study_day)
    joined = select().join_from(samples, log, and_(
        log.c.reviewed_at < samples.c.at, or_(log.c.next_at.is_(None),
                                               log.c.next_at >= samples.c.at))) \
        .where(or_(log.c.next_at.is_(None), log.c.next_at >= history_moments(now)[0]))
    # (a review followed by another before the first moment is nobody's latest)
    return joined, samples, log, elapsed


def knowledge_rows(session: Session, student: User, scope: Scope, now: datetime) -> list:
    """For each of HISTORY_WEEKS weekly moments up to now: (study day, elapsed study days,
    interval, cards), the cards grouped by how long before that moment their latest review
    was and the interval it set, counted in SQL."""
    joined, samples, log, elapsed = knowledge_join(session, student, scope, now)
    return session.execute(
        joined.add_columns(samples.c.day, elapsed, log.c.interval_days, func.count())
        .group_by(samples.c.day, elapsed, log.c.interval_days)).all()


def knowledge_history_of(session: Session, student: User, scope: Scope, now: datetime,
                         settings: Settings) -> tuple[tuple[date, float], ...]:
    """ΣR on each of the weekly moments (``quizapp.reports.forecast.knowledge_history``). On
    PostgreSQL the planned recall of each card is summed in SQL with the student's curve
    (``planned_curve``), so a dozen rows come back, not one for every (moment, elapsed,
    interval) the log holds; elsewhere the grouped rows are summed in Python."""
    days = history_days(now, student.timezone, student.rollover_hour)
    if session.get_bind().dialect.name != "postgresql":
        return knowledge_history(knowledge_rows(session, student, scope, now), settings, days)
    joined, samples, log, elapsed = knowledge_join(session, student, scope, now)
    span, decay = planned_curve(settings)
    recall = func.power(1 + func.greatest(elapsed, 0) * literal(span, Float)
                        / log.c.interval_days, literal(decay, Float))
    totals = dict.fromkeys(days, 0.0)
    totals.update(session.execute(
        joined.add_columns(samples.c.day, func.sum(recall, type_=Float))
        .where(log.c.interval_days > 0).group_by(samples.c.day)).all())
    return tuple(sorted(totals.items()))
