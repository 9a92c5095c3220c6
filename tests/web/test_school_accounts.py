"""Accounts in a school: many people behind one address, limits by account and by address,
a limit store that is down, and nothing that tells a stranger whether an account exists."""
import hashlib
import logging

from sqlalchemy import func, select

from quizapp.extensions import db, limiter
from quizapp.models import Enrolment, User
from quizapp.services import accounts, classes
from tests.web.conftest import Actions

REFUSING_REDIS = "redis://127.0.0.1:1/15"  # nothing listens on port 1: connections are refused


def limited_client(make_app, **settings) -> Actions:
    app = make_app(RATELIMIT_ENABLED=True, **settings)
    # The limiter is one object for every app a test run builds, and init_app keeps its
    # "storage is dead, count in memory" state: a Redis-down test must not leave it so for the
    # next test's app (where the fallback would apply none of the route limits).
    limiter._storage_dead = False
    return Actions(app.test_client())


def login(actions, email, password="wrong-password", address="10.1.1.1", **headers):
    return actions.post("/auth/login", {"email": email, "password": password},
                        environ_base={"REMOTE_ADDR": address}, headers=headers).status_code


def register(actions, code, email, address="10.1.1.1"):
    return actions.post("/auth/register", {
        "name": "Kim", "email": email, "password": "password123", "confirm": "password123",
        "class_code": code}, environ_base={"REMOTE_ADDR": address})


def test_a_school_behind_one_address_is_not_locked_out(make_app, make_user):
    make_user("kim@example.com")
    school = limited_client(make_app)
    codes = [login(school, f"pupil{i}@example.com") for i in range(15)]
    assert codes == [401] * 15
    assert login(school, "kim@example.com", "password123") == 302


def test_wrong_passwords_for_one_account_are_limited_from_any_address(make_app, make_user):
    make_user("kim@example.com")
    # Counted per hour here, so a slow machine cannot let the window move on mid-test.
    attacker = limited_client(make_app, LOGIN_LIMITS_PER_ACCOUNT="10 per hour")
    codes = [login(attacker, "KIM@example.com", address=f"10.9.0.{i}") for i in range(12)]
    assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]


def test_the_forwarded_address_counts_only_behind_a_configured_proxy(make_app):
    direct = limited_client(make_app, LOGIN_LIMITS_PER_ADDRESS="3 per hour")
    codes = [login(direct, f"p{i}@example.com", **{"X-Forwarded-For": f"10.0.0.{i}"})
             for i in range(4)]
    assert codes == [401, 401, 401, 429]  # a forged header does not buy new attempts
    proxied = limited_client(make_app, LOGIN_LIMITS_PER_ADDRESS="3 per hour",
                             TRUSTED_PROXIES=1)
    codes = [login(proxied, f"p{i}@example.com", **{"X-Forwarded-For": f"10.0.0.{i}"})
             for i in range(4)]
    assert codes == [401] * 4  # four pupils behind the school's proxy


def test_a_whole_class_registers_from_one_address(make_app, make_user, make_class):
    code = make_class(make_user("t@example.com", "teacher")).join_code
    db.session.rollback()  # SQLite: this session's read would hold the write lock
    school = limited_client(make_app)
    statuses = []
    for i in range(22):
        statuses.append(register(school, code, f"pupil{i}@example.com").status_code)
        school.logout()
    assert statuses == [302] * 22


def test_guessing_class_codes_from_one_address_is_limited(make_app):
    guesser = limited_client(make_app, REGISTER_LIMITS_PER_ADDRESS="5 per hour")
    statuses = [register(guesser, f"ZZZZ{i:04d}", f"g{i}@example.com").status_code
                for i in range(6)]
    assert statuses == [400] * 5 + [429]


def test_logins_work_while_the_limit_store_is_down(make_app, make_user, caplog):
    make_user("kim@example.com")
    client = limited_client(make_app, RATELIMIT_STORAGE_URI=REFUSING_REDIS)
    with caplog.at_level(logging.WARNING):
        assert login(client, "kim@example.com") == 401
        assert login(client, "kim@example.com", "password123") == 302
    assert any("limit" in r.getMessage().lower() and r.levelno >= logging.WARNING
               for r in caplog.records), "falling back to in-memory limits must be logged"


def test_wrong_passwords_are_still_limited_while_the_limit_store_is_down(make_app, make_user):
    make_user("kim@example.com")
    client = limited_client(make_app, RATELIMIT_STORAGE_URI=REFUSING_REDIS)
    codes = [login(client, "kim@example.com") for _ in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429


def test_an_unknown_email_runs_the_password_hasher(app, make_user, monkeypatch):
    make_user("kim@example.com")
    hashed = []
    real_scrypt = hashlib.scrypt

    def spy(password, **kw):
        hashed.append(password)
        return real_scrypt(password, **kw)

    monkeypatch.setattr(hashlib, "scrypt", spy)
    assert accounts.authenticate(db.session, "nobody@example.com", "guess-one") is None
    assert b"guess-one" in hashed  # as slow as checking a real account's password
    assert accounts.authenticate(db.session, "kim@example.com", "guess-two") is None
    assert b"guess-two" in hashed


def test_registration_does_not_confirm_that_an_account_exists(app, actions, make_user,
                                                               make_class):
    code = make_class(make_user("t@example.com", "teacher")).join_code
    make_user("kim@example.com")
    response = register(actions, code, "KIM@example.com")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "exists" not in page and "already" not in page
    assert "log in" in page.lower() and "password" in page
    assert db.session.scalar(select(func.count()).select_from(User)) == 2


def test_class_codes_typed_with_spaces_are_accepted(app, actions, make_user, make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    spaced = " ".join(school_class.join_code[i:i + 2] for i in range(0, 8, 2)).lower()
    assert register(actions, spaced, "kim@example.com").status_code == 302
    other = classes.create_class(db.session, db.session.get(User, school_class.teacher_id),
                                 "Year 10 history")
    db.session.commit()
    spaced = f" {other.join_code[:4]} - {other.join_code[4:]} "
    response = actions.post("/student/join", {"class_code": spaced}, token_from="/student/")
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Enrolment)) == 2


def test_the_join_form_is_rate_limited(make_app, make_user):
    make_user("kim@example.com")
    address = "10.3.3.3"
    student = limited_client(make_app, JOIN_LIMITS_PER_ACCOUNT="10 per hour")
    assert login(student, "kim@example.com", "password123", address=address) == 302
    statuses = [student.post("/student/join", {"class_code": f"ZZZZ{i:04d}"},
                             token_from="/student/",
                             environ_base={"REMOTE_ADDR": address}).status_code
                for i in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429
