"""The task queue: SQLite in the instance folder or Redis, as configured; a sweep that queues
again the jobs no worker has."""
import os
from datetime import timedelta

import pytest
import redis

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Article, GenerationJob
from quizapp.services import generation_jobs
from quizapp.tasks import QueueError, make_huey, queued_job_ids, requeue_jobs, tasks

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL")


def test_the_queue_is_sqlite_in_the_instance_folder_unless_redis_is_named(make_app):
    app = make_app(TASK_QUEUE_URL=None, TASK_QUEUE_IMMEDIATE=False)
    huey = tasks(app).huey
    assert type(huey).__name__ == "SqliteHuey"
    assert huey.storage.filename.startswith(app.instance_path)
    redis_app = make_app(TASK_QUEUE_URL="redis://127.0.0.1:6379/15")  # connects when used
    assert type(tasks(redis_app).huey).__name__ == "RedisHuey"


def test_an_unknown_queue_url_is_refused_plainly(make_app):
    with pytest.raises(QueueError, match="must start with redis:// or sqlite:///"):
        make_app(TASK_QUEUE_URL="amqp://127.0.0.1/")


def job(teacher, sha: str) -> int:
    article = Article(owner_id=teacher.id, title="Notes", slug=f"notes-{sha}", text="Short.",
                      sha256=sha * 64)
    db.session.add(article)
    db.session.flush()
    queued, _ = generation_jobs.start_job(db.session, teacher, article)
    db.session.commit()
    return queued.id


@pytest.mark.skipif(not REDIS_URL, reason="set QUIZAPP_TEST_REDIS_URL (.ci/run does)")
def test_jobs_travel_through_redis_and_the_sweep_queues_only_the_lost(make_app, make_user):
    redis.Redis.from_url(REDIS_URL).flushdb()
    teacher = make_user("t@example.com", "teacher")
    lease = timedelta(seconds=1)
    app = make_app(TASK_QUEUE_URL=REDIS_URL, TASK_QUEUE_IMMEDIATE=False, TASK_LEASE_SECONDS=1)
    queue = tasks(app)
    in_queue, lost = job(teacher, "a"), job(teacher, "b")
    queue.generate(in_queue)
    assert queued_job_ids(queue) == {in_queue}
    # Both are older than the lease; only the one missing from the queue is queued again.
    db.session.execute(db.update(GenerationJob).values(created_at=utcnow() - lease * 5))
    db.session.commit()
    assert requeue_jobs(app) == [lost]
    assert queued_job_ids(queue) == {in_queue, lost}
    queue.huey.flush()


def test_the_worker_refuses_to_start_on_an_immediate_queue(runner):
    result = runner.invoke(args=["worker"])
    assert result.exit_code != 0 and "TASK_QUEUE_IMMEDIATE is set" in result.output
