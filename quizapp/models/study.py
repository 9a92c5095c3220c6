"""Spaced repetition per user: the append-only review log (the truth), card state (a cache), and
the first answer given to each shown card."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text)
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.models.base import db, utcnow


class Card(db.Model):
    """One user's schedule for one question; rebuilt from the review log by ``srs rebuild``."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id"),
        # Covers the study queue's due-card order, so it is found without reading card rows.
        Index("ix_cards_user_id_due", "user_id", "due", "phase", "last_review_day", "stability",
              "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"),
                                             index=True)
    phase: Mapped[int] = mapped_column(default=0)  # quizapp.scheduling.Phase: 0 new … 3 relearning
    step: Mapped[int | None]
    stability: Mapped[float | None]
    difficulty: Mapped[float | None]
    due: Mapped[datetime | None]
    last_review: Mapped[datetime | None]
    # The study day of ``last_review`` in the student's zone (``date.toordinal()``): the queue
    # orders due cards in SQL by study days elapsed over stability, as retrievability does.
    last_review_day: Mapped[int | None]
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Review(db.Model):
    """One answer to one card. Never updated, except ``undone_at`` set once by undo."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("user_id", "request_id"),
        Index(None, "user_id", "reviewed_at"),
        Index("ix_reviews_user_id_question_id", "user_id", "question_id", "reviewed_at"),
        # Live reviews card by card in time order, carrying what the reports read (progress
        # page, item analysis): PostgreSQL reads them from the index alone, already ordered.
        Index("ix_reviews_live_user_question", "user_id", "question_id", "reviewed_at", "id",
              postgresql_include=["rating", "origin", "study_day", "interval_days",
                                  "duration_ms"],
              postgresql_where=text("undone_at IS NULL"), sqlite_where=text("undone_at IS NULL")),
        # A student's live reviews in time order, carrying what the class report counts
        # (fortnight, 30-day retention, last active): read from the index alone.
        Index("ix_reviews_live_user_time", "user_id", "reviewed_at", "id",
              postgresql_include=["question_id", "study_day", "rating", "duration_ms"],
              postgresql_where=text("undone_at IS NULL"), sqlite_where=text("undone_at IS NULL")),
        CheckConstraint("rating >= 1 AND rating <= 4", name="rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"),
                                             index=True)
    rating: Mapped[int]
    proposed_rating: Mapped[int | None]
    reviewed_at: Mapped[datetime]
    study_day: Mapped[date]
    duration_ms: Mapped[int | None]
    given: Mapped[str | None] = mapped_column(Text)
    correct: Mapped[bool | None]
    # The client's id for this answer: a resent form or a second tab writes one review, not two.
    request_id: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16), default="study")  # study | quiz
    # The days this answer scheduled the card (None for a step): the load balancer chose them
    # from counts a replay cannot see, so a rebuild keeps them while the state allows.
    interval_days: Mapped[int | None]
    undone_at: Mapped[datetime | None]


class StudyAnswer(db.Model):
    """The first answer to a shown card, so a second try with the same page cannot replace it.

    ``request_id`` is the review's idempotency key that the card page carried; the review that
    the rating writes takes its answer from here.
    """

    __tablename__ = "study_answers"
    __table_args__ = (UniqueConstraint("user_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"),
                                             index=True)
    request_id: Mapped[str] = mapped_column(String(64))
    given: Mapped[str | None] = mapped_column(Text)  # None: the student showed the answer
    correct: Mapped[bool | None]
    answered_at: Mapped[datetime]
