"""Several workers at once: answers to one card never lose an update, and login limits are
shared between workers through Redis."""
import os
import re
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Card, Question, Review, User
from quizapp.scheduling import Rating
from quizapp.services import banks, study

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


def answer_in_thread(app, user_id, question_id, request, now, errors):
    with app.app_context():
        try:
            user = db.session.get(User, user_id)
            question = db.session.get(Question, question_id)
            study.record_review(db.session, user, question, rating=Rating.GOOD, now=now,
                                request=request, duration_ms=1000, given=None, correct=None,
                                proposed=None)
            db.session.commit()
        except Exception as exc:  # reported to the test below
            errors.append(exc)
        finally:
            db.session.remove()


def run_together(app, jobs):
    db.session.rollback()  # the test's own session holds no transaction (nor SQLite's lock)
    errors, threads = [], []
    for args in jobs:
        threads.append(threading.Thread(target=answer_in_thread, args=(app, *args, errors)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@pytest.fixture
def card_setup(app, make_user):
    student = make_user("kim@example.com")
    banks.import_bank(db.session, load_bank(TINY))
    db.session.commit()
    return student.id, db.session.scalar(select(Question.id).where(Question.uid == "q-tiny-tf"))


def test_the_same_answer_sent_eight_times_at_once_is_one_review(app, card_setup):
    now = datetime(2024, 3, 1, 9, tzinfo=timezone.utc)
    errors = run_together(app, [(*card_setup, "same-key", now)] * 8)
    assert errors == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Review)) == 1
    assert db.session.scalar(select(Card.reps)) == 1


def test_different_answers_to_one_card_all_count(app, card_setup):
    base = datetime(2024, 3, 1, 9, tzinfo=timezone.utc)
    jobs = [(*card_setup, f"key-{i}", base + timedelta(seconds=i)) for i in range(6)]
    errors = run_together(app, jobs)
    assert errors == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Review)) == 6
    assert db.session.scalar(select(Card.reps)) == 6  # no update lost


@pytest.mark.skipif(not os.environ.get("QUIZAPP_TEST_REDIS_URL"),
                    reason="set QUIZAPP_TEST_REDIS_URL (.ci/run does) to test shared limits")
def test_login_limits_are_shared_between_workers_through_redis(make_app):
    url = os.environ["QUIZAPP_TEST_REDIS_URL"]
    import redis

    redis.Redis.from_url(url).flushdb()
    workers = [make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=url).test_client()
               for _ in range(2)]
    codes = []
    for i in range(12):
        client = workers[i % 2]
        page = client.get("/auth/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        codes.append(client.post("/auth/login", data={
            "csrf_token": token, "email": "x@example.com", "password": "wrongwrong"}).status_code)
    assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]
