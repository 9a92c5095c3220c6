"""The error page itself never fails: after a database error that leaves the session needing
a rollback, the visitor still gets quizapp's page with a plain message, not a bare one. An id
too large for the database is not found, never an error."""
from __future__ import annotations

import pytest
from flask import abort
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from quizapp.services import accounts
from tests.web.conftest import Actions


def broken_flush(then_abort: int | None):
    def view():
        db.session.add(User(email="kim@example.com", name="Again", role="student",
                            password_hash="x"))
        try:
            db.session.flush()  # the same email twice: the database refuses it
        except Exception:
            if then_abort:
                abort(then_abort)
            raise
        return "not reached"
    return view


@pytest.mark.parametrize("code", [500, 404])
def test_the_error_page_survives_a_session_needing_rollback(app, make_app, code):
    accounts.create_user(db.session, "kim@example.com", "password123", role="student")
    db.session.commit()
    db.session.remove()
    other = make_app(PROPAGATE_EXCEPTIONS=False)  # as in production: no exception re-raised
    other.add_url_rule("/broken", view_func=broken_flush(None if code == 500 else code))
    with other.app_context():
        client = other.test_client()
        Actions(client).login("kim@example.com")
        response = client.get("/broken")
        page = response.get_data(as_text=True)
        assert response.status_code == code
        assert "<html" in page and f"Error {code}" in page
        assert "Log out" in page  # the layout, with the signed-in person, was drawn
        assert db.session.scalar(select(func.count()).select_from(User)) == 1
        db.session.remove()


@pytest.mark.parametrize("path", ["/teacher/sets/{n}", "/teacher/jobs/{n}.json",
                                  "/teacher/sets/{n}/export/json", "/teacher/import?set={n}"])
def test_an_id_beyond_the_database_integers_is_not_found_not_an_error(app, actions, make_user,
                                                                       path):
    make_user("teach@example.com", "teacher")
    actions.login("teach@example.com")
    response = actions.client.get(path.format(n=2**40))
    assert response.status_code in (200, 404)  # the import page ignores an unknown set
    assert response.status_code == 404 or "import" in path


def test_a_set_named_by_a_huge_number_on_the_command_line_is_not_found(runner):
    result = runner.invoke(args=["bank", "export", str(10**30)])
    assert result.exit_code != 0 and "Traceback" not in result.output
