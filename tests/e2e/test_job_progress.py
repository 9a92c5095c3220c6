"""The job page follows the task's real progress as the worker writes it (sentences read,
questions written), without a reload, and opens the review queue when the job is done."""
import re
import uuid

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from quizapp.clock import utcnow
from quizapp.models import Article, GenerationJob
from quizapp.services import accounts, authoring
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_the_job_page_shows_the_tasks_progress_as_it_goes(page, in_db):
    tag = uuid.uuid4().hex[:6]
    email = f"t{tag}@example.com"

    def setup(session):
        teacher = accounts.create_user(session, email, "password123", role="teacher")
        article = Article(sha256=uuid.uuid4().hex * 2, owner_id=teacher.id, title="News",
                          slug=f"news-{tag}", text="Some news.")
        session.add(article)
        session.flush()
        # A job a worker is running (its heartbeat fresh, so no other worker takes it).
        job = GenerationJob(owner_id=teacher.id, article_id=article.id, status="running",
                            attempt=1, heartbeat_at=utcnow(), progress=40,
                            message="12 of 30 sentences read", sentences_read=12,
                            sentences_total=30)
        session.add(job)
        session.flush()
        return job.id

    job_id = in_db(setup)
    login(page, email)
    page.goto(f"/teacher/jobs/{job_id}")
    assert page.locator("#progress").get_attribute("value") == "40"
    assert page.get_by_text("12 of 30 sentences read").is_visible()

    def beat(session, **values):
        session.execute(update(GenerationJob).where(GenerationJob.id == job_id).values(
            heartbeat_at=utcnow(), **values))

    in_db(lambda s: beat(s, progress=78, message="8 questions written from 30 sentences",
                         sentences_read=30, questions_written=8))
    expect(page.locator("#questions-written")).to_have_text("8", timeout=5000)
    assert page.locator("#progress").evaluate("p => p.value") == 78
    assert page.locator("#sentences-read").text_content() == "30"
    assert page.get_by_text("8 questions written from 30 sentences").is_visible()

    def finish(session):
        qset, _ = authoring.create_set(session, accounts.find_user(session, email), f"News {tag}")
        beat(session, status="done", progress=100, set_id=qset.id,
             message="0 questions are waiting for your review.")

    in_db(finish)
    page.wait_for_url(re.compile(r"/review$"), timeout=5000)
    assert page.get_by_text("0 questions are waiting for your review.").is_visible()
