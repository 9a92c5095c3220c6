"""Every attempt route as another student, another class's teacher, and anonymous."""
import pytest

from quizapp.extensions import db
from tests.web.quizzes.helpers import right_answers, save, start, submit


@pytest.fixture
def taken(school, make_quiz, actions):
    """Kim's submitted attempt and Lee's open one, at one quiz."""
    quiz = make_quiz()
    actions.login("kim@example.com")
    done = start(actions, quiz)
    save(actions, done, right_answers(done))
    submit(actions, done)
    actions.logout()
    actions.login("lee@example.com")
    open_one = start(actions, quiz)
    actions.logout()
    return quiz, done, open_one


def student_urls(attempt):
    base = f"/student/attempts/{attempt.id}"
    return [("get", base), ("get", f"{base}/summary"), ("get", f"{base}/result"),
            ("post", base), ("post", f"{base}/submit")]


def request(actions, method, url, token_from="/auth/password"):
    if method == "get":
        return actions.client.get(url)
    return actions.post(url, {"a0": "x"}, token_from=token_from)


def test_another_student_can_neither_read_nor_write_an_attempt(taken, actions):
    quiz, done, open_one = taken
    actions.login("sam@example.com")  # in the other teacher's class
    for attempt in (done, open_one):
        for method, url in student_urls(attempt):
            assert request(actions, method, url).status_code == 404, url
    assert actions.client.get(f"/student/quizzes/{quiz.id}").status_code == 404
    actions.logout()
    actions.login("lee@example.com")  # same class, not her attempt
    for method, url in student_urls(done):
        assert request(actions, method, url).status_code == 404, url
    db.session.expire_all()
    assert all(a.given != "x" for a in open_one.answers) and open_one.submitted_at is None


def test_another_classes_teacher_sees_no_attempt(taken, actions):
    quiz, done, _ = taken
    urls = [f"/teacher/quizzes/{quiz.id}", f"/teacher/quizzes/{quiz.id}/attempts/{done.id}"]
    actions.login("other@example.com")
    assert all(actions.client.get(url).status_code == 404 for url in urls)
    response = actions.post(f"/teacher/quizzes/{quiz.id}/regrade",
                            {"question_id": str(done.answers[0].question_id), "everyone": "y"},
                            token_from="/auth/password")
    assert response.status_code == 404
    for method, url in student_urls(done):  # teachers do not take quizzes
        assert request(actions, method, url).status_code == 403, url
    actions.logout()
    actions.login("teach@example.com")
    assert all(actions.client.get(url).status_code == 200 for url in urls)


def test_anonymous_visitors_are_sent_to_log_in(taken, actions):
    quiz, done, _ = taken
    for method, url in [*student_urls(done), ("get", f"/teacher/quizzes/{quiz.id}"),
                        ("get", f"/teacher/quizzes/{quiz.id}/attempts/{done.id}"),
                        ("get", f"/student/quizzes/{quiz.id}")]:
        response = request(actions, method, url, token_from="/auth/login")
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
