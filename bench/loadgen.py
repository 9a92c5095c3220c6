"""One load run with locust, in a process of its own (locust patches the standard library).

    python -m bench.loadgen --host http://127.0.0.1:8000 --students 128 --out runs.json \\
        study:32:10 health:32:10 paced:128:30

``study``: each student logs in through the real form (CSRF token and all), then loops through
the real study requests with no pause: GET the card, POST the answer (multiple choice: a
choice; short answer: a typed guess), POST the rating. ``paced``: the same with 2.5–8 s per
card, spent reading the card and the feedback. ``health``: GET /healthz with no pause. The
clock starts once every user has logged in; the JSON holds, for each run, requests/s and
p50/p95/p99 (ms) per request type, and the errors. Each run logs in the next students of the
class, so the runs share out the cards due today.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import time
import urllib.request

import gevent
from locust import FastHttpUser, constant, events, task
from locust.env import Environment
from locust.exception import StopUser

from bench.load_accounts import PASSWORD, email

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TOKEN_RE = re.compile(r'name="token"[^>]*value="([^"]+)"')
CHOICE_RE = re.compile(r'name="given" value="([^"]*)"')
CARD, ANSWER, RATE = "GET /student/study", "POST /student/study/answer", "POST /student/study/rate"
_numbers = itertools.count()
arrived, login_failures = [], []  # users past their login, logins refused


def field(pattern: re.Pattern, page: str, what: str) -> str:
    found = pattern.search(page)
    if not found:
        raise RuntimeError(f"no {what} on the page")
    return found.group(1)


class Student(FastHttpUser):
    wait_time = constant(0)
    pace: tuple[float, float] | None = None
    students = 1  # the class's size: each new user logs in as the next student, round it

    def on_start(self):
        try:
            page = self.client.get("/auth/login", name="login").text or ""
            sent = self.client.post("/auth/login", name="login", allow_redirects=False, data={
                "csrf_token": field(CSRF_RE, page, "login form"),
                "email": email(next(_numbers) % self.students), "password": PASSWORD})
            refused = None if sent.status_code == 302 else f"login answered {sent.status_code}"
        except Exception as exc:  # a timeout, a reset connection, a page without its form
            refused = f"login failed: {exc}"
        arrived.append(self)
        if refused:
            login_failures.append(refused)
            raise StopUser()

    def think(self, share: float) -> None:
        if self.pace:
            gevent.sleep(random.uniform(*self.pace) * share)

    @task
    def study_one_card(self):
        with self.client.get("/student/study", name=CARD, catch_response=True) as card:
            page = card.text or ""
            if 'name="token"' not in page:
                card.failure(f"no card to study (HTTP {card.status_code})")
                return
        choices = CHOICE_RE.findall(page)
        given = random.choice(choices) if choices else random.choice(["Person 3", "nobody"])
        self.think(0.6)
        feedback = self.client.post("/student/study/answer", name=ANSWER, data={
            "csrf_token": field(CSRF_RE, page, "answer form"),
            "token": field(TOKEN_RE, page, "card token"), "given": given, "submit": "x"}).text
        if not feedback or 'name="rating"' not in feedback:
            return  # the answer's failure is counted; start again from a card
        self.think(0.4)
        self.client.post("/student/study/rate", name=RATE, allow_redirects=False, data={
            "csrf_token": field(CSRF_RE, feedback, "rating form"),
            "token": field(TOKEN_RE, feedback, "rating token"),
            "rating": random.choice("1333334")})


class Health(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        arrived.append(self)

    @task
    def health(self):
        self.client.get("/healthz", name="GET /healthz")


def figures(stats, seconds: float) -> dict:
    out = {"requests": {}, "errors": stats.total.num_failures, "seconds": seconds}
    for (name, _method), entry in sorted(stats.entries.items()):
        if name == "login":
            continue
        out["requests"][name] = {
            "count": entry.num_requests, "rps": round(entry.num_requests / seconds, 1),
            "errors": entry.num_failures,
            **{f"p{p}_ms": entry.get_response_time_percentile(p / 100) for p in (50, 95, 99)}}
    out["errors"] = sum(r["errors"] for r in out["requests"].values())
    out["error_messages"] = sorted({f"{e.name}: {str(e.error)[:160]}"
                                    for e in stats.errors.values()})
    return out


def run(host: str, users: int, seconds: float, mode: str) -> dict:
    """One run: ``users`` users of the mode, measured for ``seconds`` after they logged in."""
    user_class = Health if mode == "health" else Student
    Student.pace = (2.5, 8.0) if mode == "paced" else None
    arrived.clear()
    login_failures.clear()
    env = Environment(user_classes=[user_class], host=host, events=events)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    deadline = time.monotonic() + 300
    while len(arrived) < users and time.monotonic() < deadline:
        gevent.sleep(0.05)
    login_errors = len(login_failures) + users - len(arrived)
    env.stats.reset_all()
    gevent.sleep(seconds)
    result = figures(env.stats, seconds)
    runner.quit()
    drain(host)
    result["login_errors"] = login_errors
    result["login_messages"] = sorted(set(login_failures))[:5]
    return result


def drain(host: str, seconds: float = 90) -> None:
    """Wait until the server has answered what the run left queued: /healthz comes back fast."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            urllib.request.urlopen(host + "/healthz", timeout=seconds)
        except OSError:
            pass
        if time.monotonic() - started < 0.2:
            return
        gevent.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--students", type=int, required=True, help="how many can log in")
    parser.add_argument("--out", required=True)
    parser.add_argument("runs", nargs="+", metavar="MODE:USERS:SECONDS",
                        help="e.g. study:32:10 health:32:10 paced:128:30, run in turn")
    args = parser.parse_args()
    if not args.host.startswith("http://127.0.0.1:"):
        parser.error("the load benchmark runs only against 127.0.0.1")
    Student.students = args.students
    results = []
    for spec in args.runs:
        mode, users, seconds = spec.split(":")
        results.append({"mode": mode, "users": int(users),
                        **run(args.host, int(users), float(seconds), mode)})
        print(f"{spec}: {results[-1]['errors']} errors", flush=True)
    with open(args.out, "w") as fh:
        json.dump(results, fh, indent=1)


if __name__ == "__main__":
    main()
