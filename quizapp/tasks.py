"""The task queue: generation jobs and parameter fits run in a worker process, not a request.

Huey keeps the queue in SQLite in the instance folder by default (``make run`` needs nothing
more), or in Redis when ``TASK_QUEUE_URL`` is a ``redis://`` URL (a school's deployment, where
several app machines and task workers share it). ``TASK_QUEUE_IMMEDIATE`` runs each task at once
in the caller, for tests. ``flask --app quizapp worker`` runs the tasks; each task works inside
an app context of the app that the worker built.

A queued message is gone once a worker takes it, so a job whose worker was killed would be
lost: the jobs keep their own state in the database, and ``requeue_jobs`` (at the worker's
start and every minute) queues again every job that no worker is running any more.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import Flask, current_app
from huey import Huey, RedisHuey, SqliteHuey, crontab

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.services import fitting_jobs, generation_jobs

log = logging.getLogger(__name__)


class QueueError(RuntimeError):
    """The task queue is set up wrongly."""


@dataclass
class Tasks:
    """The app's queue and its tasks (``app.extensions["tasks"]``)."""

    huey: Huey
    generate: object
    fit: object
    requeue: object


def make_huey(app: Flask) -> Huey:
    url = app.config.get("TASK_QUEUE_URL") or ""
    options = {"results": False, "utc": True,
               "immediate": bool(app.config.get("TASK_QUEUE_IMMEDIATE"))}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("quizapp", url=url, **options)
    if url and not url.startswith("sqlite:///"):
        raise QueueError(f"TASK_QUEUE_URL must start with redis:// or sqlite:///, not {url!r}")
    path = url.removeprefix("sqlite:///") or str(Path(app.instance_path) / "tasks.sqlite")
    return SqliteHuey("quizapp", filename=path, **options)


def lease(app: Flask) -> timedelta:
    """How long a running job may go without a heartbeat before it counts as cut off."""
    return timedelta(seconds=float(app.config.get("TASK_LEASE_SECONDS", 120)))


def init_app(app: Flask) -> None:
    huey = make_huey(app)

    @huey.task(name="generate")
    def generate(job_id: int) -> None:
        with app.app_context():
            try:
                generation_jobs.run_job(db.session, job_id, lease=lease(app),
                                        questions_dir=app.config.get("QUESTIONS_DIR"))
            finally:
                db.session.remove()

    @huey.task(name="fit")
    def fit(user_id: int) -> None:
        with app.app_context():
            try:
                fitting_jobs.fit_student(db.session, user_id)
            finally:
                db.session.remove()

    @huey.periodic_task(crontab(), name="requeue")
    def requeue() -> None:
        requeue_jobs(app)

    app.extensions["tasks"] = Tasks(huey=huey, generate=generate, fit=fit, requeue=requeue)


def tasks(app: Flask | None = None) -> Tasks:
    return (app or current_app).extensions["tasks"]


def queued_job_ids(queue: Tasks) -> set[int]:
    return {task.args[0] for task in queue.huey.pending()
            if task.name == queue.generate.name and task.args}


def requeue_jobs(app: Flask) -> list[int]:
    """Queue again the jobs no worker is running: cut off mid-run, or never queued at all."""
    queue = tasks(app)
    with app.app_context():
        try:
            ids = generation_jobs.orphaned_jobs(db.session, utcnow(), lease(app),
                                                queued=queued_job_ids(queue))
            db.session.commit()
        finally:
            db.session.remove()
    for job_id in ids:
        log.warning("generation job %s had no worker; queued again", job_id)
        queue.generate(job_id)
    return ids


def queue_generation(job_id: int) -> None:
    """Queue a committed job (the worker must be able to read it)."""
    tasks().generate(job_id)


def queue_fit(user_id: int) -> None:
    """Queue a student's fit; a queue that cannot be reached loses this fit, not the rating
    already committed (the next ``FIT_EVERY`` reviews queue another)."""
    try:
        tasks().fit(user_id)
    except Exception:
        log.exception("could not queue the parameter fit of user %s", user_id)
