"""Report pages on a large class, PostgreSQL: the class report, a student's progress page and
a quiz's item analysis, each the median of whole requests through the test client, logged in.

    cd <checkout> && .venv/bin/python -m bench.reports [--postgres URL] [--small] [--runs 15]

A fresh database is made beside the one ``--postgres`` (or QUIZAPP_BENCH_POSTGRES_URL) names,
migrated, and filled in bulk (COPY) by ``bench.report_class``: 200 students × 1,000 questions
with 2,000,000 study reviews and a quiz with 200 submitted attempts (``--small``: 20 × 100 ×
20,000, a quick check that is not written down). Only the pages the app has are measured; a
missing one is named. The medians go into docs/benchmarks.json under "reports" (other keys
are kept). Targets: class report under 300 ms, a student's page under 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import sqlalchemy as sa
from flask import url_for
from flask_migrate import upgrade

from bench.quiz import DEFAULT_POSTGRES, fresh_database
from bench.report_class import ReportClass, build
from quizapp import create_app
from quizapp.clock import utcnow
from quizapp.extensions import db

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.json"
FULL = {"students": 200, "questions": 1000, "reviews": 2_000_000}
SMALL = {"students": 20, "questions": 100, "reviews": 20_000}
# Each page: its endpoint, who asks (the teacher or a student), its figure, its target (ms).
PAGES = {"class_report": ("teacher.class_report", "teacher", "class_report_ms", 300),
         "student_page": ("student.progress", "student", "student_page_ms", 100),
         "item_analysis": ("teacher.quiz_analysis", "teacher", "item_analysis_ms", None)}


def page_url(app, endpoint: str, made: ReportClass) -> str | None:
    """The page's URL for the class made, or None when the app has no such endpoint."""
    rules = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    if not rules:
        return None
    values = {"class_id": made.class_id, "quiz_id": made.quiz_id}
    with app.test_request_context():
        return url_for(endpoint, **{k: values[k] for k in rules[0].arguments})


def client_for(app, user_id: int):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = f"{user_id}:1", True
    return client


def timed(client, url: str) -> float:
    begin = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - begin) * 1000
    if response.status_code != 200:
        raise SystemExit(f"bench.reports: GET {url} answered {response.status_code}")
    return elapsed


def measure(app, made: ReportClass, runs: int) -> tuple[dict[str, list[float]], list[str]]:
    """Times of each page the app has (after one warm-up request each), and the missing ones.
    A student's page is asked for by a different student each run."""
    times: dict[str, list[float]] = {"healthz": []}
    missing = []
    teacher = client_for(app, made.teacher_id)
    for name, (endpoint, who, _, _) in PAGES.items():
        url = page_url(app, endpoint, made)
        if url is None:
            missing.append(endpoint)
            continue
        students = [client_for(app, s) for s in made.student_ids[:runs + 1]]
        clients = [teacher] * (runs + 1) if who == "teacher" else students
        timed(clients[0], url)
        times[name] = [timed(clients[(n + 1) % len(clients)], url) for n in range(runs)]
    times["healthz"] = [timed(teacher, "/healthz") for _ in range(runs)]
    return times, missing


def summary(times: dict[str, list[float]], missing: list[str], made: ReportClass,
            students: int) -> dict:
    medians = {name: round(statistics.median(v), 1) for name, v in times.items()}
    result = {"database": "postgresql", "students": students, "questions": made.questions,
              "reviews": made.reviews, "quiz_attempts": students,
              "runs": len(times["healthz"]), "baseline_healthz_ms": medians["healthz"],
              "missing_endpoints": missing}
    for name, (_, _, key, target) in PAGES.items():
        result[key] = medians.get(name)
        if target is not None:
            result[key.replace("_ms", "_target_ms")] = target
    return result


def record(result: dict) -> None:
    """Merge under "reports" into docs/benchmarks.json, keeping every other key."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["reports"] = result
    temporary = RESULTS.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    temporary.replace(RESULTS)


def run(url: str, sizes: dict, runs: int) -> dict:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        upgrade()
        begin = time.perf_counter()
        made = build(db.session, now=utcnow(), **sizes)
        db.session.commit()
        # What autovacuum does to a table that has grown: statistics, and the visibility map
        # that lets index-only scans skip the table (after a bulk load nothing is marked yet).
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        print(f"filled in {time.perf_counter() - begin:.0f} s: {len(made.student_ids)} students, "
              f"{made.questions} questions, {made.reviews:,} reviews")
        db.session.remove()
    times, missing = measure(app, made, runs)
    with app.app_context():
        db.engine.dispose()
    return summary(times, missing, made, sizes["students"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("QUIZAPP_BENCH_POSTGRES_URL",
                                                             DEFAULT_POSTGRES))
    parser.add_argument("--small", action="store_true",
                        help="20 students × 100 questions × 20,000 reviews; nothing written")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    try:
        url, drop = fresh_database(args.postgres)
    except sa.exc.OperationalError as exc:
        raise SystemExit(f"bench.reports needs PostgreSQL ({args.postgres}): {exc}") from None
    try:
        result = run(url, SMALL if args.small else FULL, args.runs)
    finally:
        drop()
    if not args.small:
        record(result)
    print(json.dumps(result, indent=2))
    for endpoint in result["missing_endpoints"]:
        print(f"MISSING: {endpoint} is not in the app's url_map yet: not measured")
    for _, (endpoint, _, key, target) in PAGES.items():
        if target is not None and result[key] is not None and result[key] >= target:
            print(f"ABOVE TARGET: {endpoint} median {result[key]} ms (target under {target} ms)")


if __name__ == "__main__":
    main()
