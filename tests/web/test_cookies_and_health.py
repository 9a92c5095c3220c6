"""Cookies and caches on shared school computers, links that do not trust the Host header,
and a health check that tells the truth about the database and the limit store."""
import os
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import pytest

from quizapp.extensions import db
from tests.web.conftest import CSRF_RE, Actions

REFUSING_REDIS = "redis://127.0.0.1:1/15"


def set_cookies(response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def remember_expires(response) -> timedelta:
    header = set_cookies(response)["remember_token"]
    expires = next(part.split("=", 1)[1] for part in header.split("; ")
                   if part.lower().startswith("expires="))
    return parsedate_to_datetime(expires) - datetime.now(timezone.utc)


def test_cookies_are_secure_when_the_site_is_served_over_https(make_app, make_user):
    make_user("kim@example.com")
    client = make_app(HTTPS=True).test_client()
    page = client.get("/auth/login", base_url="https://localhost").get_data(as_text=True)
    response = client.post("/auth/login", base_url="https://localhost", data={
        "csrf_token": CSRF_RE.search(page).group(1), "email": "kim@example.com",
        "password": "password123", "remember": "y"},
        headers={"Referer": "https://localhost/auth/login"})  # Flask-WTF checks it on HTTPS
    assert response.status_code == 302
    cookies = set_cookies(response)
    assert "Secure" in cookies["session"] and "Secure" in cookies["remember_token"]


def test_cookies_over_plain_http_in_development_are_not_marked_secure(app, actions, make_user):
    make_user("kim@example.com")
    response = actions.login("kim@example.com")
    assert "Secure" not in set_cookies(response)["session"]


def remembered_login(actions):
    return actions.post("/auth/login", {"email": "kim@example.com", "password": "password123",
                                        "remember": "y"})


def test_remember_me_lasts_thirty_days_unless_configured(app, actions, make_user, make_app):
    make_user("kim@example.com")
    response = remembered_login(actions)
    assert timedelta(days=29, hours=23) < remember_expires(response) <= timedelta(days=30)
    db.session.rollback()  # SQLite: the test's open read would keep the other app waiting
    response = remembered_login(Actions(make_app(REMEMBER_DAYS=7).test_client()))
    assert timedelta(days=6, hours=23) < remember_expires(response) <= timedelta(days=7)


def test_signed_in_pages_are_not_stored_by_the_browser(app, actions, make_user):
    make_user("kim@example.com")
    make_user("t@example.com", "teacher")
    assert "no-store" not in actions.client.get("/auth/login").headers.get("Cache-Control", "")
    assert "no-store" in actions.login("kim@example.com").headers["Cache-Control"]
    assert "no-store" in actions.client.get("/student/").headers["Cache-Control"]
    actions.logout()
    actions.login("t@example.com")
    assert "no-store" in actions.client.get("/teacher/classes").headers["Cache-Control"]


def test_the_join_link_uses_the_configured_address_not_the_host_header(app, actions, make_user,
                                                                      make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    actions.login("t@example.com")
    url = f"/teacher/classes/{school_class.id}"
    actions.client.set_cookie("session", actions.client.get_cookie("session").value,
                              domain="evil.example")

    def class_page():
        response = actions.client.get(url, environ_overrides={"HTTP_HOST": "evil.example"})
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and school_class.join_code in page
        return page

    assert "evil.example" not in class_page()
    app.config["PUBLIC_URL"] = "https://quiz.school.example/"
    page = class_page()
    assert "evil.example" not in page
    assert f"https://quiz.school.example/auth/register?code={school_class.join_code}" in page


def test_healthz_answers_200_when_the_database_answers(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"
    assert response.json["database"] == "ok"


def test_healthz_answers_503_when_the_database_is_gone(make_app, tmp_path):
    for url in (f"sqlite:///{tmp_path / 'no-such-folder' / 'quizapp.sqlite'}",
                "postgresql+psycopg://postgres@127.0.0.1:1/quizapp"):
        response = make_app(SQLALCHEMY_DATABASE_URI=url).test_client().get("/healthz")
        assert response.status_code == 503, url
        assert response.json["database"] == "unreachable"
        assert url not in response.get_data(as_text=True)


def test_healthz_answers_503_when_the_configured_limit_store_is_gone(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=REFUSING_REDIS).test_client()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "failing", "database": "ok", "limit store": "unreachable"}


def test_healthz_answers_503_when_the_task_queue_in_redis_is_gone(make_app):
    app = make_app(TASK_QUEUE_URL=REFUSING_REDIS, TASK_QUEUE_IMMEDIATE=False)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "failing", "database": "ok", "task queue": "unreachable"}


@pytest.mark.skipif(not os.environ.get("QUIZAPP_TEST_REDIS_URL"),
                    reason="set QUIZAPP_TEST_REDIS_URL (.ci/run does) to check a live Redis")
def test_healthz_checks_a_task_queue_in_redis_that_answers(make_app):
    app = make_app(TASK_QUEUE_URL=os.environ["QUIZAPP_TEST_REDIS_URL"], TASK_QUEUE_IMMEDIATE=False)
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "task queue": "ok"}
