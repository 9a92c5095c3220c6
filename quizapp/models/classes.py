"""Classes (a teacher's group of students), enrolments and assignments of sets to classes."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import db, utcnow


class SchoolClass(db.Model):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)

    teacher = relationship("User")
    enrolments = relationship("Enrolment", back_populates="school_class",
                              cascade="all, delete-orphan")
    assignments = relationship("Assignment", back_populates="school_class",
                               cascade="all, delete-orphan")


class Enrolment(db.Model):
    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    school_class = relationship("SchoolClass", back_populates="enrolments")
    student = relationship("User")


class Assignment(db.Model):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("set_id", "class_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_sets.id", ondelete="CASCADE"))
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(default=None)
    due_on: Mapped[date | None] = mapped_column(default=None)  # a day in the class's calendar
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)

    school_class = relationship("SchoolClass", back_populates="assignments")
    question_set = relationship("QuestionSet", back_populates="assignments")
