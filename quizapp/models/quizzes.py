"""Quizzes a teacher sets from approved sets for classes, and each student's attempts.

An attempt's questions, their order, each question's choice order (behind opaque ids), its
points and its deadline are fixed when it starts and stored here: nothing the browser sends
changes them. ``QuizAnswer`` is one question of one attempt, answered or not.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow

quiz_sets = Table(
    "quiz_sets", db.metadata,
    Column("quiz_id", ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True),
    Column("set_id", ForeignKey("question_sets.id", ondelete="CASCADE"), primary_key=True))

quiz_classes = Table(
    "quiz_classes", db.metadata,
    Column("quiz_id", ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True,
           index=True))


class Quiz(db.Model):
    __tablename__ = "quizzes"
    __table_args__ = (
        CheckConstraint("grading IN ('highest', 'last', 'first')", name="grading"),
        CheckConstraint("shows IN ('score', 'answers', 'right_answers', 'source')", name="shows"),
        CheckConstraint("shows_when IN ('submitted', 'closed')", name="shows_when"),
        CheckConstraint("attempts_allowed >= 1", name="attempts_allowed"),
        CheckConstraint("points > 0", name="points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                 index=True)
    title: Mapped[str] = mapped_column(String(300))
    question_count: Mapped[int | None]  # drawn per student; None: every question in the pool
    fixed_question_ids: Mapped[list] = mapped_column(default=list)  # a fixed list instead
    kinds: Mapped[list] = mapped_column(default=list)  # empty: every kind
    shuffle_questions: Mapped[bool] = mapped_column(default=True)
    shuffle_choices: Mapped[bool] = mapped_column(default=True)
    one_per_page: Mapped[bool] = mapped_column(default=False)
    time_limit_seconds: Mapped[int | None]
    attempts_allowed: Mapped[int] = mapped_column(default=1)
    grading: Mapped[str] = mapped_column(String(16), default="highest")
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    points: Mapped[float] = mapped_column(default=1.0)  # per question
    shows: Mapped[str] = mapped_column(String(16), default="answers")
    shows_when: Mapped[str] = mapped_column(String(16), default="submitted")
    feeds_schedule: Mapped[bool] = mapped_column(default=True)
    # Per question id (as a string): {"accepted": [...], "everyone": bool}, set by a regrade.
    regrades: Mapped[dict] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner = relationship("User")
    sets = relationship("QuestionSet", secondary=quiz_sets, order_by="QuestionSet.title")
    classes = relationship("SchoolClass", secondary=quiz_classes, order_by="SchoolClass.name")
    attempts = relationship("QuizAttempt", back_populates="quiz", cascade="all, delete-orphan",
                            passive_deletes=True)


class QuizAttempt(db.Model):
    __tablename__ = "quiz_attempts"
    __table_args__ = (UniqueConstraint("quiz_id", "user_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    seed: Mapped[str] = mapped_column(String(64))  # the server's draw; never sent to a browser
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    deadline_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(String(16))  # student | time
    score: Mapped[float | None]
    max_score: Mapped[float] = mapped_column(default=0.0)

    quiz = relationship("Quiz", back_populates="attempts")
    user = relationship("User")
    answers = relationship("QuizAnswer", back_populates="attempt", cascade="all, delete-orphan",
                           order_by="QuizAnswer.position", passive_deletes=True)


class QuizAnswer(db.Model):
    """One question of one attempt: its place, points and choice order, and the answer."""

    __tablename__ = "quiz_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"),
                                             index=True)
    position: Mapped[int] = mapped_column(default=0)
    points: Mapped[float] = mapped_column(default=1.0)
    choices: Mapped[list] = mapped_column(default=list)  # [[opaque id, text], ...] as shown
    given: Mapped[str | None] = mapped_column(Text)
    correct: Mapped[bool | None]
    score: Mapped[float | None]
    answered_at: Mapped[datetime | None]

    attempt = relationship("QuizAttempt", back_populates="answers")
    question = relationship("Question")
