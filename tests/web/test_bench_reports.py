"""The reports benchmark's class builder and page walk, at a tiny size, so neither rots:
the rows it loads are the ones the schema and the report pages read (on SQLite by
executemany, on PostgreSQL by COPY, as ``python -m bench.reports`` does)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from bench import reports
from bench.report_class import build
from quizapp.extensions import db
from quizapp.models import Card, Question, Quiz, QuizAnswer, QuizAttempt, Review, User
from quizapp.services import item_analysis

NOW = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_builder_makes_the_class_it_says(app):
    made = build(db.session, students=3, questions=8, reviews=50, now=NOW)
    db.session.commit()
    assert (made.questions, made.reviews, len(made.student_ids)) == (8, 50, 3)
    assert count(Review) == 50 and count(Question) == 8 and count(User) == 4
    # 24 cards share 50 reviews: every card has one at least, so every card has a state
    assert count(Card) == 24
    assert db.session.scalar(select(func.sum(Card.reps))) == 50
    assert count(QuizAttempt) == 3 and count(QuizAnswer) == 3 * 8
    reviewed = db.session.scalars(select(Review.reviewed_at)).all()
    assert all(r <= NOW for r in reviewed)
    # the item analysis reads what was loaded: each question answered in each attempt
    analysis = item_analysis.analyse(db.session, db.session.get(Quiz, made.quiz_id))
    assert analysis.counted == 3 and len(analysis.questions) == 8


def test_the_bench_walks_every_report_page_the_app_has(app):
    made = build(db.session, students=3, questions=8, reviews=50, now=NOW)
    db.session.commit()
    times, missing = reports.measure(app, made, runs=2)
    names = {endpoint for endpoint, *_ in reports.PAGES.values()}
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(missing) == names - endpoints
    assert {name for name in times if name != "healthz"} == {
        name for name, (endpoint, *_) in reports.PAGES.items() if endpoint in endpoints}
    assert "teacher.quiz_analysis" not in missing
    assert all(len(values) == 2 for values in times.values())
    result = reports.summary(times, missing, made, 3)
    assert result["reviews"] == 50 and result["item_analysis_ms"] > 0
