"""The deployment a school runs: gunicorn with several workers on PostgreSQL (SQLite when no
PostgreSQL is configured). A student logs in and studies; requests land on either worker."""
import sys
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from quizapp import create_app
from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Enrolment, QuestionSet, Review
from quizapp.services import accounts, banks, classes
from tests.e2e.conftest import free_port, login, serving
from tests.web.conftest import POSTGRES_URL, make_postgres_database

pytestmark = pytest.mark.e2e
TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    if POSTGRES_URL:
        url, drop = make_postgres_database()
    else:
        url, drop = f"sqlite:///{folder / 'quizapp.sqlite'}", None
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "deploy"})
    with app.app_context():
        upgrade()
        teacher = accounts.create_user(db.session, "t@school.example", "password123",
                                       role="teacher")
        school_class = classes.create_class(db.session, teacher, "Deployed class")
        banks.import_bank(db.session, load_bank(TINY), owner=teacher)
        classes.set_assignment(db.session, school_class, db.session.scalar(select(QuestionSet.id)))
        student = accounts.create_user(db.session, "s@school.example", "password123")
        db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        db.session.commit()
    port = free_port()
    env = {"DATABASE_URL": url, "SECRET_KEY": "deploy", "QUIZAPP_RATELIMIT_ENABLED": "false"}
    command = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
               "quizapp:create_app()"]
    with serving(command, env, folder / "gunicorn.log", port) as base:
        yield base, app
    with app.app_context():
        db.engine.dispose()
    if drop:
        drop()


def test_a_student_studies_on_gunicorn_workers(browser, deployment, shoot):
    base, app = deployment
    context = browser.new_context(base_url=base)
    page = context.new_page()
    login(page, "s@school.example")
    for _ in range(3):
        page.goto("/student/study")
        page.get_by_role("button", name="Show the answer").click()
        page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
        page.keyboard.press("3")
        page.wait_for_selector("[data-study-page=card], [data-study-page=done]")
    shoot(page, "gunicorn-study")
    context.close()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Review)) == 3
