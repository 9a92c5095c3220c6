"""Migrations keep a school's cards (SQLite's table rebuilds included), and the study-queue
migration gives each its last review's study day in the student's own zone."""
from datetime import datetime

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db
from tests.web.test_migrations import empty_database  # noqa: F401  (a fixture)
from tests.web.conftest import app_config

OLDER = "0003_study_answers"  # before the migrations that rebuild users and reviews on SQLite
BEFORE = "0005_easy_days_review_intervals"
ROWS = [
    "INSERT INTO users (id, email, name, password_hash, role, session_version, created_at, "
    "timezone, rollover_hour, desired_retention, new_per_day, maximum_interval, reviews_at_fit) "
    "VALUES (1, 'kim@example.com', 'Kim', 'x', 'student', 1, :at, 'Asia/Tokyo', 4, 0.9, 20, "
    "36500, 0)",
    "INSERT INTO question_sets (id, slug, title, description, published, created_at, "
    "updated_at) VALUES (1, 's', 'S', '', TRUE, :at, :at)",
    "INSERT INTO questions (id, set_id, uid, kind, category, prompt, answer, accepted, choices, "
    "tags, origin, status, position, quality_signals, created_at, updated_at) VALUES "
    "(1, 1, 'u', 'short', 'who', 'Who?', 'Kim', '[]', '[]', '[]', 'authored', 'approved', 0, "
    "'{}', :at, :at), (2, 1, 'v', 'short', 'who', 'Who?', 'Lee', '[]', '[]', '[]', 'authored', "
    "'approved', 1, '{}', :at, :at)",
    "INSERT INTO cards (user_id, question_id, phase, reps, lapses, updated_at, last_review) "
    "VALUES (1, 1, 2, 1, 0, :at, :late), (1, 2, 0, 0, 0, :at, NULL)",
]


def test_existing_cards_survive_every_migration_and_get_their_study_day(empty_database):  # noqa: F811
    app = create_app(app_config(empty_database))
    late = datetime(2024, 5, 5, 18, 30)  # UTC: 03:30 on the 6th in Tokyo, before the rollover
    with app.app_context():
        upgrade(revision=OLDER)
        with db.engine.begin() as conn:
            for statement in ROWS:
                conn.execute(sa.text(statement), {"at": late, "late": late})
        upgrade()
        with db.engine.connect() as conn:
            days = dict(conn.execute(sa.text(
                "SELECT question_id, last_review_day FROM cards")).all())
        assert days == {1: datetime(2024, 5, 5).toordinal(), 2: None}
        downgrade(revision=BEFORE)
        with db.engine.connect() as conn:  # nothing lost on the way up or down
            assert conn.execute(sa.text("SELECT count(*) FROM cards")).scalar() == 2
        db.engine.dispose()
