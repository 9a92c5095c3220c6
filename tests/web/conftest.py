"""Web fixtures: an app per test on a migrated database, on SQLite and (when configured)
PostgreSQL. The schema is migrated once per backend per run; each test starts from empty tables.

``QUIZAPP_TEST_POSTGRES_URL`` (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) turns on
the PostgreSQL runs; each run gets a database of its own, dropped at the end.
"""
from __future__ import annotations

import os
import re
import uuid

import pytest
import sqlalchemy as sa
from flask import g, request_started
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services import accounts, classes

POSTGRES_URL = os.environ.get("QUIZAPP_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def make_postgres_database() -> tuple[str, callable]:
    """A fresh database beside the configured one; returns its URL and a function to drop it."""
    base = sa.make_url(POSTGRES_URL)
    name = f"quizapp_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def app_config(url: str, **extra) -> dict:
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test-secret",
            "RATELIMIT_ENABLED": False, "TASK_QUEUE_IMMEDIATE": True, **extra}


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp_path_factory.mktemp('db') / 'quizapp.sqlite'}", None
    else:
        url, drop = make_postgres_database()
    app = create_app(app_config(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    yield url
    if drop:
        drop()


def forget_request_user(sender, **extra):
    """Tests hold one app context across requests, so ``g`` would carry the logged-in user
    from one request to the next; in production each request has its own."""
    g.pop("_login_user", None)


@pytest.fixture
def make_app(database_url):
    """Another app on the test database, with extra settings; its engine closed afterwards."""
    made = []

    def make(**extra):
        made.append(create_app(app_config(database_url, **extra)))
        return made[-1]

    yield make
    for other in made:
        with other.app_context():
            db.engine.dispose()


@pytest.fixture
def app(database_url):
    app = create_app(app_config(database_url))
    request_started.connect(forget_request_user, app)
    with app.app_context():
        yield app
        db.session.remove()
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
                conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            else:
                for table in reversed(db.metadata.sorted_tables):
                    conn.execute(table.delete())
        db.engine.dispose()


class Actions:
    """What a person does in the browser, through the test client, CSRF tokens included."""

    def __init__(self, client):
        self.client = client

    def token(self, url: str = "/auth/login") -> str:
        match = CSRF_RE.search(self.client.get(url).get_data(as_text=True))
        assert match, f"no CSRF token on {url}"
        return match.group(1)

    def post(self, url: str, data: dict | None = None, *, token_from: str | None = None, **kw):
        data = {"csrf_token": self.token(token_from or url), **(data or {})}
        return self.client.post(url, data=data, **kw)

    def login(self, email: str, password: str = "password123", **kw):
        return self.post("/auth/login", {"email": email, "password": password}, **kw)

    def logout(self):
        return self.post("/auth/logout", token_from="/auth/password")


@pytest.fixture
def actions(client) -> Actions:
    return Actions(client)


@pytest.fixture
def make_user(app):
    def make(email: str, role: str = "student", password: str = "password123", name=None):
        user = accounts.create_user(db.session, email, password, role=role, name=name)
        db.session.commit()
        return user

    return make


@pytest.fixture
def make_class(app):
    def make(teacher, name: str = "Year 9 history"):
        school_class = classes.create_class(db.session, teacher, name)
        db.session.commit()
        return school_class

    return make


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
