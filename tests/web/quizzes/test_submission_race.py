"""The countdown's automatic submission and a click racing each other, from two browsers at
once (real parallel requests; on PostgreSQL they truly overlap): the attempt is graded once."""
import threading

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import QuizAttempt, Review
from quizapp.services import attempts
from tests.web.conftest import CSRF_RE, Actions
from tests.web.quizzes.conftest import later
from tests.web.quizzes.helpers import right_answers, save, start


@pytest.mark.parametrize("round_", range(3))
def test_auto_submit_and_a_click_grade_once(school, make_quiz, app, actions, monkeypatch,
                                             round_):
    import quizapp.student.quizzes as routes
    now = {"at": later(seconds=0)}
    monkeypatch.setattr(routes, "utcnow", lambda: now["at"])
    graded = []
    real_grade = attempts.grade_attempt
    monkeypatch.setattr(attempts, "grade_attempt",
                        lambda session, attempt: (graded.append(attempt.id),
                                                  real_grade(session, attempt)))
    quiz = make_quiz(time_limit_seconds=60)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    answers = right_answers(attempt)
    save(actions, attempt, answers)
    browsers = []
    for _ in range(2):
        browser = Actions(app.test_client())
        browser.login("kim@example.com")
        page = browser.client.get(f"/student/attempts/{attempt.id}").get_data(as_text=True)
        browsers.append((browser, CSRF_RE.search(page).group(1)))
    now["at"] = later(seconds=60)  # the countdown reaches zero as the student clicks
    base, attempt_id = f"/student/attempts/{attempt.id}", attempt.id
    db.session.rollback()  # the test holds no transaction (nor SQLite's write lock) meanwhile
    barrier, results, errors = threading.Barrier(2), [], []

    def send(browser, token, url, data):
        try:
            barrier.wait()
            results.append(browser.client.post(url, data={"csrf_token": token, **data}))
        except Exception as exc:  # reported below
            errors.append(exc)

    jobs = [threading.Thread(target=send, args=(*browsers[0], base,
                                                {**answers, "go": "timeup"})),
            threading.Thread(target=send, args=(*browsers[1], f"{base}/submit", {}))]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    assert errors == [] and sorted(r.status_code for r in results) in ([302, 302], [302, 409])
    assert graded == [attempt_id]
    done = db.session.get(QuizAttempt, attempt_id)
    assert done.submitted_at is not None and done.score == 10.0
    assert db.session.scalar(select(func.count()).select_from(Review)) == 5
