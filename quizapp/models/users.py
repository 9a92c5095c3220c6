"""People: students, teachers and admins, with their study settings."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.models.base import db, utcnow
from quizapp.scheduling.pace import DEFAULT_DAILY_REVIEWS

ROLES = ("student", "teacher", "admin")


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('student', 'teacher', 'admin')", name="role"),
        CheckConstraint("desired_retention >= 0.7 AND desired_retention <= 0.99",
                        name="desired_retention"),
        CheckConstraint("rollover_hour >= 0 AND rollover_hour <= 23", name="rollover_hour"),
        CheckConstraint("easy_days >= 0 AND easy_days <= 127", name="easy_days"),
        CheckConstraint("daily_reviews >= 1 AND daily_reviews <= 9999", name="daily_reviews"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    # Bumped at logout and password change: every cookie carrying an older value is dead.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Study settings (issue: spaced repetition).
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    rollover_hour: Mapped[int] = mapped_column(default=4)
    desired_retention: Mapped[float] = mapped_column(default=0.9)
    new_per_day: Mapped[int] = mapped_column(default=20)
    maximum_interval: Mapped[int] = mapped_column(default=36500)
    # Weekdays with fewer reviews, one bit each: 1 Monday, 2 Tuesday, … 64 Sunday.
    easy_days: Mapped[int] = mapped_column(default=0, server_default="0")
    # The daily workload aimed for: new cards come while the next days stay under it.
    daily_reviews: Mapped[int] = mapped_column(default=DEFAULT_DAILY_REVIEWS,
                                               server_default=str(DEFAULT_DAILY_REVIEWS))
    fsrs_parameters: Mapped[list | None] = mapped_column(default=None)
    parameters_fitted_at: Mapped[datetime | None] = mapped_column(default=None)
    # Reviews since the last parameter fit, bumped by the rating's own UPDATE (no count of the
    # whole log per rating); at FIT_EVERY it goes back to 0 and a fit is queued.
    reviews_since_fit: Mapped[int] = mapped_column(default=0, server_default="0")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)  # scrypt, werkzeug's default

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_teacher(self) -> bool:
        return self.role in ("teacher", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
