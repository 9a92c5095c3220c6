"""The study loop under load, against the production profile, on PostgreSQL and on SQLite.

    .venv/bin/python -m bench.load [--backends postgresql sqlite] [--seconds 10] [--paced 30]

For each database: a fresh one is migrated and seeded (``bench.load_seed``: a class of 128
students with hundreds of past reviews and many due cards), then served as ``make serve``
serves it: gunicorn with 4 sync workers and a task worker, rate limits and the task queue in
Redis (databases 13 and 14, emptied first), on 127.0.0.1 only. locust (``bench.loadgen``)
drives 8, 32 and 128 logged-in students through the study loop with no pause, and the same
number of users through /healthz, the ceiling; then 32 and 128 students at a realistic pace
(2.5–8 s per card). Then the RSS of each gunicorn worker. Figures go to docs/benchmarks.json
(``study_load``, ``study_paced``, ``worker_rss_mb``; other keys kept) and to the load section
of docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import redis
import sqlalchemy as sa
from flask_migrate import upgrade

from bench.load_report import write_reports
from bench.load_seed import seed
from quizapp import create_app
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("QUIZAPP_BENCH_POSTGRES_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/quizapp_bench_load")
REDIS = "redis://127.0.0.1:6379"
STUDENTS, SATURATION, PACED = 128, (8, 32, 128), (32, 128)
WEB_WORKERS, PORT = 4, 8765


def fresh_database(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'load.sqlite'}"
    url = sa.make_url(POSTGRES)
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{url.database}"')
    server.dispose()
    return url.render_as_string(hide_password=False)


def prepare(url: str) -> float:
    started = time.monotonic()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        seed(STUDENTS, random.Random(10))
        db.session.remove()
        db.engine.dispose()
    for number in (13, 14):
        redis.Redis.from_url(f"{REDIS}/{number}").flushdb()
    return time.monotonic() - started


@contextmanager
def production_profile(url: str, folder: Path):
    """gunicorn and a task worker as ``make serve`` runs them, over plain HTTP on 127.0.0.1."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench",
           "QUIZAPP_TASK_QUEUE_URL": f"{REDIS}/13", "QUIZAPP_RATELIMIT_STORAGE_URI": f"{REDIS}/14",
           "QUIZAPP_TRUSTED_PROXIES": "0", "QUIZAPP_HTTPS": "false"}
    log = (folder / "server.log").open("ab")
    web = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", str(WEB_WORKERS),
                            "--bind", f"127.0.0.1:{PORT}", "quizapp:create_app()"],
                           cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "quizapp", "worker"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        host = f"http://127.0.0.1:{PORT}"
        wait_for(host + "/healthz", web)
        yield host, web.pid
    finally:
        for process in (web, worker):
            process.terminate()
            process.wait(timeout=60)
        log.close()


def wait_for(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start (see its log)") from None
            time.sleep(0.5)


def load(host: str, runs: list[str], folder: Path, name: str) -> list[dict]:
    out = folder / f"{name}.json"
    subprocess.run([sys.executable, "-m", "bench.loadgen", "--host", host, "--students",
                    str(STUDENTS), "--out", str(out), *runs], cwd=ROOT, check=True, timeout=1800)
    return json.loads(out.read_text())


def worker_rss_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if int(fields.get("PPid", "0").strip()) == master:
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def measure(backend: str, args, folder: Path) -> dict:
    url = fresh_database(backend, folder)
    result = {"seed_seconds": round(prepare(url), 1), "saturation": {}, "paced": {}}
    print(f"{backend}: seeded in {result['seed_seconds']} s", flush=True)
    runs = [f"{mode}:{users}:{args.seconds:g}" for users in args.saturation
            for mode in ("study", "health")]
    if backend in args.paced_on:
        runs += [f"paced:{users}:{args.paced:g}" for users in args.paced_users]
    with production_profile(url, folder) as (host, master):
        for run in load(host, runs, folder, backend):
            kind = "paced" if run["mode"] == "paced" else "saturation"
            result[kind].setdefault(run["users"], {})[run["mode"]] = run
        result["worker_rss_mb"] = worker_rss_mb(master)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["postgresql", "sqlite"],
                        choices=("postgresql", "sqlite"))
    parser.add_argument("--seconds", type=float, default=8, help="each saturation run")
    parser.add_argument("--paced", type=float, default=20, help="each paced run")
    parser.add_argument("--saturation", nargs="+", type=int, default=SATURATION)
    parser.add_argument("--paced-users", nargs="*", type=int, default=PACED)
    parser.add_argument("--paced-on", nargs="*", default=["postgresql"])
    parser.add_argument("--no-write", action="store_true", help="print, leave docs/ alone")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="quizapp-load-"))  # kept: the server's log is there
    print(f"logs and runs in {folder}", flush=True)
    results = {backend: measure(backend, args, folder) for backend in args.backends}
    print(json.dumps(results, indent=1, default=str))
    if not args.no_write:
        write_reports(results, args)


if __name__ == "__main__":
    main()
