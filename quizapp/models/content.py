"""Articles, question sets and questions, and the jobs that generate sets from articles."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow

QUESTION_STATUSES = ("draft", "approved", "rejected", "retired")


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                 index=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None]
    licence: Mapped[str | None] = mapped_column(String(200))
    attribution: Mapped[str | None] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner = relationship("User")

    def to_bank(self) -> dict:
        """This article as a bank ``article`` object (see quizapp/bank/schema.json)."""
        return {"title": self.title, "slug": self.slug, "sha256": self.sha256,
                "text": self.text, "source": self.source, "licence": self.licence,
                "attribution": self.attribution,
                "published": self.published.isoformat() if self.published else None}


class QuestionSet(db.Model):
    __tablename__ = "question_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                 index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    published: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner = relationship("User")
    article = relationship("Article")
    questions = relationship("Question", back_populates="question_set",
                             order_by="Question.position", cascade="all, delete-orphan")
    assignments = relationship("Assignment", back_populates="question_set",
                               cascade="all, delete-orphan")


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("set_id", "uid"),
        CheckConstraint("kind IN ('mcq', 'cloze', 'short', 'truefalse')", name="kind"),
        CheckConstraint("category IN ('who', 'what', 'where', 'when', 'operation', 'number')",
                        name="category"),
        CheckConstraint("status IN ('draft', 'approved', 'rejected', 'retired')", name="status"),
        CheckConstraint("origin IN ('generated', 'authored')", name="origin"),
        # Covers the study queue's search for new cards, by set and position.
        Index("ix_questions_set_id_status_position", "set_id", "status", "position", "id",
              "fact"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_sets.id", ondelete="CASCADE"),
                                        index=True)
    uid: Mapped[str] = mapped_column(String(64))  # the bank's stable id
    fact: Mapped[str | None] = mapped_column(String(64))  # siblings share it
    kind: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    accepted: Mapped[list] = mapped_column(default=list)
    choices: Mapped[list] = mapped_column(default=list)
    explanation: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list] = mapped_column(default=list)
    origin: Mapped[str] = mapped_column(String(16), default="authored")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    reject_reason: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    quality: Mapped[float | None]
    quality_signals: Mapped[dict] = mapped_column(default=dict)
    source_sentence: Mapped[int | None]
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    source_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    question_set = relationship("QuestionSet", back_populates="questions")

    def to_bank(self) -> dict:
        """This question as a bank question dict (see quizapp/bank/schema.json)."""
        out = {"id": self.uid, "kind": self.kind, "category": self.category,
               "prompt": self.prompt, "answer": self.answer, "accepted": list(self.accepted),
               "choices": list(self.choices), "tags": list(self.tags), "origin": self.origin,
               "explanation": self.explanation}
        if self.fact:
            out["fact"] = self.fact
        if self.source_start is not None:
            out["source"] = {"sentence": self.source_sentence or 0, "start": self.source_start,
                             "end": self.source_end, "text": self.source_text or ""}
        if self.quality is not None:
            out["quality"] = {"score": self.quality, "signals": dict(self.quality_signals)}
        return out


class GenerationJob(db.Model):
    """Generating a set from an article, run outside the request; its progress is shown."""

    __tablename__ = "generation_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    set_id: Mapped[int | None] = mapped_column(ForeignKey("question_sets.id", ondelete="SET NULL"))
    # queued, running, done, failed or cancelled.
    status: Mapped[str] = mapped_column(String(16), default="queued")
    progress: Mapped[int] = mapped_column(default=0)  # percent
    message: Mapped[str] = mapped_column(Text, default="")
    sentences_read: Mapped[int] = mapped_column(default=0, server_default="0")
    sentences_total: Mapped[int] = mapped_column(default=0, server_default="0")
    questions_written: Mapped[int] = mapped_column(default=0, server_default="0")
    # Each run of the job in a worker takes the next attempt and beats while it works; a run
    # whose heartbeat has stopped (its worker was killed) is taken over by the next worker.
    attempt: Mapped[int] = mapped_column(default=0, server_default="0")
    heartbeat_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
