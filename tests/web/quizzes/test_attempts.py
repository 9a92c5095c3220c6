"""Taking a quiz: what the page holds before submission, server-side time, one open attempt,
attempts allowed, submission once, the schedule fed once, results as the teacher allows."""
import pytest
from sqlalchemy import event, func, select

from quizapp.extensions import db
from quizapp.models import QuizAnswer, QuizAttempt, Review
from quizapp.services import authoring
from tests.web.quizzes.conftest import NOW, later
from tests.web.quizzes.helpers import choice_ids, page, right_answers, save, start, submit


@pytest.fixture
def clock(monkeypatch):
    """The routes' clock, frozen at NOW and moved by setting ``clock.now``."""
    class Clock:
        now = NOW

    import quizapp.student as student_pages
    import quizapp.student.quizzes as routes
    monkeypatch.setattr(routes, "utcnow", lambda: Clock.now)
    monkeypatch.setattr(student_pages, "utcnow", lambda: Clock.now)
    return Clock


def test_home_lists_open_upcoming_and_finished_quizzes(school, make_quiz, actions, clock):
    make_quiz(title="Open quiz")
    make_quiz(title="Upcoming quiz", opens_at=later(days=1))
    make_quiz(title="Closed quiz", closes_at=later(days=-1))
    actions.login("kim@example.com")
    html = actions.client.get("/student/").get_data(as_text=True)
    for group, title in [("open", "Open quiz"), ("upcoming", "Upcoming quiz"),
                         ("finished", "Closed quiz")]:
        section = html.split(f'quiz-list quiz-{group}">')[1].split("</ul>")[0]
        assert title in section, group


def test_the_page_before_submission_holds_no_answer(school, make_quiz, actions, clock):
    quiz = make_quiz(question_count=None)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    html = page(actions, attempt)
    assert len(attempt.answers) == 12 and attempt.max_score == 24.0
    for a in attempt.answers:
        if a.question.kind == "short":
            assert a.question.answer not in html  # typed answers: only the prompt shows
    ids = choice_ids(html)
    mcq = [a for a in attempt.answers if a.question.kind == "mcq"]
    firsts = 0
    for a in mcq:
        shown = ids[a.position]
        assert shown == [cid for cid, _ in a.choices]  # the stored order, behind opaque ids
        assert all(not any(word in cid for word in ("Right", "Wrong")) for cid in shown)
        firsts += a.choices[0][1] == a.question.answer
    assert firsts < len(mcq)  # the teacher typed the answer first; the order is shuffled
    assert "data-answer" not in html and "correct" not in html
    cookie = actions.client.get_cookie("session")
    assert cookie is None or all(a.question.answer not in cookie.value for a in mcq)


def test_nothing_the_browser_sends_changes_questions_points_or_times(school, make_quiz,
                                                                      actions, clock):
    quiz = make_quiz()
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    before = [(a.question_id, a.position, a.points, a.choices) for a in attempt.answers]
    deadline = attempt.deadline_at
    save(actions, attempt, {"a99": "x", "points": "100", "deadline_at": "2099-01-01",
                            "question_id": "1", "score": "99"})
    db.session.expire_all()
    attempt = db.session.get(QuizAttempt, attempt.id)
    assert [(a.question_id, a.position, a.points, a.choices)
            for a in attempt.answers] == before
    assert attempt.deadline_at == deadline and attempt.score is None


def test_a_choice_that_is_not_the_questions_is_refused(school, make_quiz, actions, clock):
    quiz = make_quiz(kinds=["mcq"], question_count=2)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    response = save(actions, attempt, {"a0": attempt.answers[0].question.answer})
    assert response.status_code == 400
    assert "not one of its choices" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(QuizAnswer)
                             .where(QuizAnswer.given.is_not(None))) == 0


def test_leaving_and_coming_back_resumes_the_same_attempt_elsewhere(school, make_quiz, app,
                                                                    actions, clock):
    quiz = make_quiz()
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    answers = right_answers(attempt)
    first = dict(list(answers.items())[:2])
    assert save(actions, attempt, first).status_code == 302
    from tests.web.conftest import Actions
    other_device = Actions(app.test_client())
    other_device.login("kim@example.com")
    again = start(other_device, quiz)
    assert again.id == attempt.id
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 1
    html = page(other_device, again)
    for field, value in first.items():
        assert f'value="{value}" checked' in html or f'value="{value}"' in html
    summary = other_device.client.get(f"/student/attempts/{attempt.id}/summary")
    assert "3 questions not answered" in summary.get_data(as_text=True)


def test_late_answers_are_refused_and_the_attempt_is_submitted_by_time(school, make_quiz,
                                                                         actions, clock):
    quiz = make_quiz(time_limit_seconds=60)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    answers = right_answers(attempt)
    first, rest = list(answers.items())[:1], list(answers.items())[1:]
    clock.now = later(seconds=65)  # within the 10 s grace
    assert save(actions, attempt, dict(first)).status_code == 302
    clock.now = later(seconds=71)
    response = save(actions, attempt, dict(rest))
    assert response.status_code == 409
    assert "Time is up" in response.get_data(as_text=True)
    db.session.expire_all()
    attempt = db.session.get(QuizAttempt, attempt.id)
    assert attempt.submitted_by == "time" and attempt.submitted_at == later(seconds=60)
    assert attempt.score == 2.0  # only the answer sent in time counts
    assert sum(a.given is not None for a in attempt.answers) == 1


def test_an_expired_attempt_is_submitted_when_next_seen(school, make_quiz, actions, clock):
    quiz = make_quiz(time_limit_seconds=60)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt))
    clock.now = later(minutes=30)
    response = actions.client.get(f"/student/attempts/{attempt.id}")
    assert response.headers["Location"].endswith(f"/student/attempts/{attempt.id}/result")
    db.session.expire_all()
    assert db.session.get(QuizAttempt, attempt.id).score == 10.0


def test_answers_after_the_close_time_are_refused(school, make_quiz, actions, clock):
    quiz = make_quiz(time_limit_seconds=None, closes_at=later(minutes=5))
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    assert attempt.deadline_at == later(minutes=5)
    clock.now = later(minutes=6)
    assert save(actions, attempt, right_answers(attempt)).status_code == 409
    response = actions.post(f"/student/quizzes/{quiz.id}/start",
                            token_from="/student/settings", follow_redirects=True)
    assert "This quiz has closed." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 1


def test_a_submitted_attempt_cannot_change_and_attempts_are_limited(school, make_quiz, actions,
                                                                     clock):
    quiz = make_quiz(attempts_allowed=2)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt, wrong=True))
    submit(actions, attempt)
    response = save(actions, attempt, right_answers(attempt))
    assert response.status_code == 409 and "already submitted" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(QuizAttempt, attempt.id).score == 0.0
    second = start(actions, quiz)
    assert second.number == 2
    submit(actions, second)
    response = actions.post(f"/student/quizzes/{quiz.id}/start",
                            token_from="/student/settings", follow_redirects=True)
    assert "used all 2 attempt(s)" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 2


def test_a_double_submission_grades_once(school, make_quiz, actions, clock):
    quiz = make_quiz()
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt))
    first = submit(actions, attempt)
    second = submit(actions, attempt)
    assert first.status_code == second.status_code == 302
    page_text = actions.client.get(second.headers["Location"]).get_data(as_text=True)
    assert "already submitted" in page_text
    assert db.session.scalar(select(func.count()).select_from(Review)) == 5


def test_quiz_answers_feed_the_schedule_once_each(school, make_quiz, actions, clock):
    quiz = make_quiz(question_count=6)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    answers = right_answers(attempt)
    wrong = right_answers(attempt, wrong=True)
    fields = sorted(answers)
    clock.now = later(minutes=1)
    save(actions, attempt, {f: answers[f] for f in fields[:3]})
    clock.now = later(minutes=2)
    save(actions, attempt, {f: wrong[f] for f in fields[3:5]})  # one left unanswered
    clock.now = later(minutes=3)
    submit(actions, attempt)
    submit(actions, attempt)
    reviews = db.session.scalars(select(Review).order_by(Review.reviewed_at, Review.id)).all()
    assert len(reviews) == 5 and {r.origin for r in reviews} == {"quiz"}
    assert [(r.rating, r.correct, r.reviewed_at) for r in reviews] == \
        [(3, True, later(minutes=1))] * 3 + [(1, False, later(minutes=2))] * 2
    assert len({r.question_id for r in reviews}) == 5


def test_a_quiz_that_does_not_feed_the_schedule_writes_no_review(school, make_quiz, actions,
                                                                   clock):
    quiz = make_quiz(feeds_schedule=False)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt))
    submit(actions, attempt)
    assert db.session.scalar(select(func.count()).select_from(Review)) == 0


@pytest.mark.parametrize("shows, seen, unseen", [
    ("score", ["Your score"], ["Your answer", "Answer:"]),
    ("answers", ["Your answer"], ["Answer:"]),
    ("right_answers", ["Your answer", "Answer:"], []),
])
def test_results_show_what_the_teacher_allows(school, make_quiz, actions, clock, shows, seen,
                                              unseen):
    quiz = make_quiz(shows=shows)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt, wrong=True))
    response = submit(actions, attempt)
    html = actions.client.get(response.headers["Location"]).get_data(as_text=True)
    assert all(text in html for text in seen) and not any(text in html for text in unseen)


def test_results_after_closing_wait_for_the_close(school, make_quiz, actions, clock):
    quiz = make_quiz(shows_when="closed", closes_at=later(hours=1), time_limit_seconds=None)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    submit(actions, attempt)
    url = f"/student/attempts/{attempt.id}/result"
    assert "Your score" not in actions.client.get(url).get_data(as_text=True)
    clock.now = later(hours=2)
    assert "Your score" in actions.client.get(url).get_data(as_text=True)


def test_one_question_a_page_walks_through_the_attempt(school, make_quiz, actions, clock):
    quiz = make_quiz(one_per_page=True, question_count=3)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    answers = right_answers(attempt)
    html = page(actions, attempt)
    assert html.count('class="card quiz-question"') == 1 and "Question 1 of 3" in html
    response = save(actions, attempt, {"a0": answers["a0"], "page": "0", "go": "next"})
    assert response.headers["Location"].endswith(f"/student/attempts/{attempt.id}?page=1")
    second = actions.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Question 2 of 3" in second and "Question 1 of" not in second
    response = save(actions, attempt, {"a1": answers["a1"], "page": "1", "go": "summary"})
    summary = actions.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 question not answered" in summary and "page=2" in summary


def test_starting_again_after_time_ran_out_submits_the_attempt_even_when_none_is_left(
        school, make_quiz, actions, clock):
    quiz = make_quiz(time_limit_seconds=60)
    actions.login("kim@example.com")
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt))
    clock.now = later(minutes=5)
    response = actions.post(f"/student/quizzes/{quiz.id}/start",
                            token_from="/student/settings", follow_redirects=True)
    assert "used all 1 attempt(s)" in response.get_data(as_text=True)
    db.session.expire_all()
    done = db.session.get(QuizAttempt, attempt.id)
    assert done.submitted_by == "time" and done.submitted_at == later(seconds=60)
    assert done.score == 10.0
    assert db.session.scalar(select(func.count()).select_from(Review)) == 5
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 1


def started_statements(actions, quiz) -> tuple[QuizAttempt, list[str]]:
    """Start an attempt; the SQL statements of the start request alone."""
    token = actions.token("/student/settings")
    seen = []

    def note(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        response = actions.client.post(f"/student/quizzes/{quiz.id}/start",
                                       data={"csrf_token": token})
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert response.status_code == 302
    attempt_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    return db.session.get(QuizAttempt, attempt_id), seen


def test_starting_an_attempt_takes_the_same_few_statements_for_any_number_of_questions(
        school, make_quiz, actions, clock):
    for i in range(48):
        authoring.add_question(db.session, school["set"], {
            "kind": "short", "category": "what", "prompt": f"Another question {i}?",
            "answer": f"Another{i}"})
    db.session.commit()
    few, many = make_quiz(question_count=3), make_quiz(question_count=None)
    actions.login("kim@example.com")
    small, small_statements = started_statements(actions, few)
    large, large_statements = started_statements(actions, many)
    assert (len(small.answers), len(large.answers)) == (3, 60)
    assert sorted({a.position for a in large.answers}) == list(range(60))
    assert len(small_statements) == len(large_statements) <= 8, large_statements
    assert not any(s.lstrip().upper().startswith("SELECT QUIZ_ANSWERS")
                   for s in large_statements)
