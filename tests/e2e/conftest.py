"""Browser tests: a real server (``flask run`` in a subprocess, on a migrated SQLite file) and
Debian's Chromium driven by Playwright. Screenshots go to ``screenshots/`` for people to look at.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "screenshots"

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_config(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("e2e")
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'quizapp.sqlite'}",
            "SECRET_KEY": "e2e-secret", "RATELIMIT_ENABLED": False,
            "TASK_QUEUE_URL": f"sqlite:///{folder / 'tasks.sqlite'}"}


@pytest.fixture(scope="session")
def server_app(server_config):
    """An app in the test process on the server's database, to set up data and check it."""
    app = create_app(server_config)
    with app.app_context():
        upgrade()
    return app


@contextmanager
def serving(command: list[str], env: dict, log_path: Path, port: int, seconds: float = 60):
    """Run a server until the block ends; its URL once /healthz answers."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=log,
                                   stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + seconds
            while True:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=1)
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the server did not start:\n{log_path.read_text()}")
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=15)


@pytest.fixture(scope="session")
def base_url(server_app, server_config, tmp_path_factory):
    port = free_port()
    env = {"DATABASE_URL": server_config["SQLALCHEMY_DATABASE_URI"],
           "SECRET_KEY": server_config["SECRET_KEY"], "QUIZAPP_RATELIMIT_ENABLED": "false",
           "QUIZAPP_TASK_QUEUE_URL": server_config["TASK_QUEUE_URL"]}
    logs = tmp_path_factory.mktemp("server")
    command = [sys.executable, "-m", "flask", "--app", "quizapp", "run", "--port", str(port)]
    with task_worker(env, logs / "worker.log"), serving(command, env, logs / "server.log",
                                                         port) as url:
        yield url


@contextmanager
def task_worker(env: dict, log_path: Path):
    """The task worker beside a server, for the generation jobs its pages start."""
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "flask", "--app", "quizapp", "worker"],
                                   cwd=ROOT, env={**os.environ, **env}, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=15)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


def open_page(browser, base_url, **options):
    """A page whose console errors (a script refused by the security policy, a script that
    throws) fail the test that opened it."""
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    errors = []

    def console(msg):
        # A page answered 4xx on purpose (a wrong password is a 401) is logged as a failed load;
        # failed sub-resources are caught by the response check below instead.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            errors.append(msg.text)

    def response(resp):
        if resp.request.resource_type != "document" and resp.status >= 400:
            errors.append(f"{resp.status} {resp.url}")

    page.on("console", console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", response)
    return context, page, errors


@pytest.fixture
def page(browser, base_url):
    context, page, errors = open_page(browser, base_url, viewport={"width": 1100, "height": 800})
    yield page
    context.close()
    assert errors == [], f"the browser console reported errors: {errors}"


@pytest.fixture
def phone(browser, base_url):
    context, page, errors = open_page(browser, base_url, viewport={"width": 375, "height": 740},
                                      is_mobile=True, has_touch=True)
    yield page
    context.close()
    assert errors == [], f"the browser console reported errors: {errors}"


@pytest.fixture
def shoot():
    """``shoot(page, "name")`` saves screenshots/<name>.png (full page)."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def in_db(server_app):
    """Run a function with the database of the running server: ``in_db(lambda s: ...)``."""
    def run(fn):
        with server_app.app_context():
            result = fn(db.session)
            db.session.commit()
            return result

    return run


def login(page, email: str, password: str = "password123") -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture
def audited(browser, base_url):
    """``audited()`` opens a desktop page that carries axe-core (tests/e2e/checks.py), for
    journeys that check every page they visit; console errors fail the test, as for ``page``."""
    from tests.e2e.checks import with_axe

    opened = []

    def open_audited(**options):
        context, page, errors = open_page(
            browser, base_url, **{"viewport": {"width": 1100, "height": 800}, **options})
        with_axe(context)
        opened.append((context, errors))
        return page

    yield open_audited
    for context, errors in opened:
        context.close()
        assert errors == [], f"the browser console reported errors: {errors}"
