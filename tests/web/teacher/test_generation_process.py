"""Generation runs in the task worker: the web process never loads spaCy, and a job survives
``kill -9`` of its worker (the next worker runs it again to the end)."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.generation import read_article
from quizapp.models import GenerationJob, Question
from quizapp.services import accounts, generation_jobs
from quizapp.tasks import tasks

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_a09212d6aeb45f40.txt"


def test_serving_pages_and_queueing_a_job_never_loads_the_language_model(tmp_path):
    script = textwrap.dedent(f"""
        import re, sys
        from flask_migrate import upgrade
        from quizapp import create_app
        from quizapp.extensions import db
        from quizapp.services import accounts

        app = create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path / 'g.sqlite'}",
                          "SECRET_KEY": "x", "RATELIMIT_ENABLED": False,
                          "TASK_QUEUE_URL": "sqlite:///{tmp_path / 'tasks.sqlite'}"}})
        with app.app_context():
            upgrade()
            accounts.create_user(db.session, "t@example.com", "password123", role="teacher")
            db.session.commit()
        client = app.test_client()
        token = lambda url: re.search('name="csrf_token"[^>]*value="([^"]+)"',
                                      client.get(url).get_data(True)).group(1)
        client.post("/auth/login", data={{"csrf_token": token("/auth/login"),
                                         "email": "t@example.com", "password": "password123"}})
        statuses = [client.get(url).status_code for url in
                    ("/teacher/", "/teacher/sets", "/teacher/articles/new", "/auth/password")]
        sent = client.post("/teacher/articles/new", data={{
            "csrf_token": token("/teacher/articles/new"), "seed": "{SEED.name}"}})
        job = client.get(sent.location)
        print(statuses, sent.status_code, job.status_code, "spacy" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[200,", "200,", "200,", "200]", "302", "200", "False"], \
        result.stdout + result.stderr


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen([sys.executable, "-m", "flask", "--app", "quizapp", "worker"],
                                cwd=ROOT, env={**os.environ, **env}, stdout=out,
                                stderr=subprocess.STDOUT)


def wait_for(app, job_id: int, done, log: Path, seconds: float = 120) -> SimpleNamespace:
    """The job's columns once ``done(job)`` holds (read afresh every 50 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with app.app_context():
            job = db.session.get(GenerationJob, job_id)
            seen = SimpleNamespace(**{c.key: getattr(job, c.key)
                                      for c in GenerationJob.__table__.columns})
            db.session.remove()
        if done(seen):
            return seen
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} never got there:\n{log.read_text()}")


@pytest.mark.slow
def test_a_job_survives_kill_9_of_its_worker_and_completes_after_restart(tmp_path):
    lease = 2
    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'g.sqlite'}",
              "SECRET_KEY": "x", "TASK_QUEUE_URL": f"sqlite:///{tmp_path / 'tasks.sqlite'}",
              "TASK_LEASE_SECONDS": lease}
    env = {"DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"], "SECRET_KEY": "x",
           "QUIZAPP_TASK_QUEUE_URL": config["TASK_QUEUE_URL"],
           "QUIZAPP_TASK_LEASE_SECONDS": str(lease)}
    app, log = create_app(config), tmp_path / "worker.log"
    with app.app_context():
        upgrade()
        teacher = accounts.create_user(db.session, "t@example.com", "password123",
                                       role="teacher")
        row = generation_jobs.save_article(db.session, teacher,
                                           read_article(SEED.read_bytes(), filename="seed.txt"))
        job, _ = generation_jobs.start_job(db.session, teacher, row)
        db.session.commit()
        job_id = job.id
        db.session.remove()
    tasks(app).generate(job_id)

    first = start_worker(env, log)
    try:
        wait_for(app, job_id, lambda j: j.status == "running" and j.progress >= 15, log)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    cut_off = wait_for(app, job_id, lambda j: True, log)
    assert (cut_off.status, cut_off.attempt) == ("running", 1), "finished before the kill"

    time.sleep(lease + 0.5)  # no heartbeat for a lease: the next worker takes the job over
    second = start_worker(env, log)
    try:
        job = wait_for(app, job_id, lambda j: j.status not in ("queued", "running"), log)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert (job.status, job.attempt, job.progress) == ("done", 2, 100), job.message
    with app.app_context():
        assert db.session.query(Question).filter_by(set_id=job.set_id).count() >= 10
        db.engine.dispose()
