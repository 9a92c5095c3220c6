"""The load benchmark's figures into docs/benchmarks.json (merged) and docs/benchmarks.md (its
own section, between markers, replaced on each run)."""
from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
START, END = "<!-- load benchmark: start -->", "<!-- load benchmark: end -->"
STUDY = ("GET /student/study", "POST /student/study/answer", "POST /student/study/rate")


def summary(run: dict, key: str) -> dict:
    return {name: run["requests"].get(name, {}).get(key) for name in STUDY}


def saturation(runs: dict) -> dict:
    study, health = runs["study"], runs["health"]
    study_rps = round(sum(r["rps"] for r in study["requests"].values()), 1)
    health_rps = round(sum(r["rps"] for r in health["requests"].values()), 1)
    return {"study_rps": study_rps, "health_rps": health_rps,
            "ratio": round(study_rps / health_rps, 3) if health_rps else None,
            "errors": study["errors"] + study["login_errors"], "health_errors": health["errors"],
            "error_messages": study["error_messages"] + study.get("login_messages", []),
            **{f"p{p}_ms": summary(study, f"p{p}_ms") for p in (50, 95, 99)}}


def paced(run: dict) -> dict:
    return {"rps": round(sum(r["rps"] for r in run["requests"].values()), 1),
            "errors": run["errors"] + run["login_errors"],
            **{f"p{p}_ms": summary(run, f"p{p}_ms") for p in (50, 95, 99)}}


def figures(results: dict) -> dict:
    rss = {backend: r["worker_rss_mb"] for backend, r in results.items()}
    return {
        "study_load": {b: {str(n): saturation(runs) for n, runs in r["saturation"].items()}
                       for b, r in results.items()},
        "study_paced": {b: {str(n): paced(run["paced"]) for n, run in r["paced"].items()}
                        for b, r in results.items() if r["paced"]},
        "worker_rss_mb": max((mb for sizes in rss.values() for mb in sizes), default=None),
        "worker_rss_mb_each": rss,
    }


def write_reports(results: dict, args) -> None:
    found = figures(results)
    path = DOCS / "benchmarks.json"
    merged = json.loads(path.read_text()) if path.exists() else {}
    merged.update(found)
    path.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n")
    section = markdown(found, results, args)
    md = DOCS / "benchmarks.md"
    text = md.read_text() if md.exists() else "# quizapp benchmarks\n"
    if START in text and END in text:
        text = text[:text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    md.write_text(text)


def markdown(found: dict, results: dict, args) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [START, "## The study loop under load (`make bench`: `python -m bench.load`)", "",
             f"Measured {when} on {platform.node()} ({platform.machine()}, "
             f"{_cores()} cores, shared with other work while it ran), against the production "
             "profile: gunicorn with 4 sync workers and a task worker, rate limits and the task "
             "queue in Redis. A class of 128 students, 1,000 approved questions assigned "
             "(500 facts × multiple choice and short answer), each student with 500–1,500 past "
             "reviews, about 100 cards due and 700 new. locust logs each student in through "
             "the form, then loops GET card → POST answer → POST rating; /healthz is driven "
             f"the same way right after, as the ceiling. Saturation runs last {args.seconds:g} s, "
             f"paced runs (2.5–8 s per card) {args.paced:g} s; the clock starts after the "
             "logins. Times in ms.", ""]
    lines += ["| database | students | study req/s | /healthz req/s | share | errors | "
              "p95 card / answer / rating |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for backend, by_users in found["study_load"].items():
        for users, row in by_users.items():
            lines.append(f"| {backend} | {users} | {row['study_rps']} | {row['health_rps']} | "
                         f"{_percent(row['ratio'])} | {row['errors']} | {_trio(row['p95_ms'])} |")
    lines += ["", "At a realistic pace:", "", "| database | students | req/s | errors | "
              "p50 card / answer / rating | p95 | p99 |", "| --- | ---: | ---: | ---: | --- | "
              "--- | --- |"]
    for backend, by_users in found["study_paced"].items():
        for users, row in by_users.items():
            lines.append(f"| {backend} | {users} | {row['rps']} | {row['errors']} | "
                         f"{_trio(row['p50_ms'])} | {_trio(row['p95_ms'])} | "
                         f"{_trio(row['p99_ms'])} |")
    rss = "; ".join(f"{b}: {', '.join(f'{mb:g}' for mb in sizes)}"
                    for b, sizes in found["worker_rss_mb_each"].items())
    lines += ["", f"gunicorn worker RSS after the load (MB): {rss}.", "",
              "Errors count refused logins and failed study requests; the requests' failures: " + ("; ".join(sorted({m for r in results.values()
                                                                for runs in r["saturation"].values()
                                                                for m in runs["study"]
                                                                ["error_messages"]}))
                                             or "none") + ".", END]
    return "\n".join(lines)


def _cores() -> int:
    import os
    return os.cpu_count() or 0


def _percent(ratio) -> str:
    return "–" if ratio is None else f"{100 * ratio:.1f} %"


def _trio(values: dict) -> str:
    return " / ".join("–" if values.get(n) is None else f"{values[n]:g}" for n in STUDY)
