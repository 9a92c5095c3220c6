"""``flask --app quizapp worker``: the process that runs the task queue's generation jobs and
parameter fits. The app it serves is the one this command built, in its own entry point.

SIGINT (Ctrl-C) or SIGTERM stop it; a job cut off that way is run again by the next worker
(see ``quizapp.tasks``). Run several, on one machine or many, when jobs wait too long.
"""
from __future__ import annotations

import logging

import click
from flask import current_app

from quizapp.cli.database import needs_database
from quizapp.extensions import db
from quizapp.tasks import requeue_jobs, tasks


@click.command("worker")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Tasks run at once in this process (generation is CPU-bound: prefer "
                   "several worker processes).")
@needs_database
def worker_command(threads):
    """Run queued generation jobs and parameter fits until stopped."""
    app = current_app._get_current_object()
    db.session.remove()  # the schema check's session; each task opens its own
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s "
                        "%(message)s")
    huey = tasks(app).huey
    if huey.immediate:
        raise click.ClickException("TASK_QUEUE_IMMEDIATE is set: tasks run in the web process "
                                   "and there is nothing for a worker to do.")
    requeue_jobs(app)
    # SIGTERM stops at once (a cut-off job is run again), SIGINT lets running tasks finish.
    huey.create_consumer(workers=threads, worker_type="thread", periodic=True).run()
