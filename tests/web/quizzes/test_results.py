"""Teachers' results: every attempt, one attempt question by question, a regrade that
recomputes every score, and the class gradebook as CSV."""
import csv
import io

from quizapp.extensions import db
from quizapp.models import QuizAttempt
from tests.web.quizzes.helpers import right_answers, save, start, submit


def take(actions, quiz, email, wrong=False):
    actions.login(email)
    attempt = start(actions, quiz)
    save(actions, attempt, right_answers(attempt, wrong=wrong))
    submit(actions, attempt)
    actions.logout()
    return attempt


def test_a_regrade_recomputes_every_score(school, make_quiz, actions):
    quiz = make_quiz(question_count=None, shuffle_questions=False, kinds=["short"])
    kim = take(actions, quiz, "kim@example.com")
    lee = take(actions, quiz, "lee@example.com", wrong=True)
    question_id = lee.answers[0].question_id
    actions.login("teach@example.com")
    page = actions.client.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    assert "8 / 8" in page and "0 / 8" in page
    response = actions.post(f"/teacher/quizzes/{quiz.id}/regrade",
                            {"question_id": str(question_id), "accept": "nonsense"},
                            token_from=f"/teacher/quizzes/{quiz.id}")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(QuizAttempt, lee.id).score == 2.0  # her 'nonsense' now counts
    assert db.session.get(QuizAttempt, kim.id).score == 8.0
    other = lee.answers[1].question_id
    actions.post(f"/teacher/quizzes/{quiz.id}/regrade",
                 {"question_id": str(other), "everyone": "y"},
                 token_from=f"/teacher/quizzes/{quiz.id}")
    db.session.expire_all()
    assert db.session.get(QuizAttempt, lee.id).score == 4.0
    one = actions.client.get(f"/teacher/quizzes/{quiz.id}/attempts/{lee.id}")
    assert "Lee, attempt 1" in one.get_data(as_text=True)


def test_a_regrade_of_a_question_not_in_the_quiz_is_refused(school, make_quiz, actions):
    quiz = make_quiz()
    take(actions, quiz, "kim@example.com")
    actions.login("teach@example.com")
    for data in ({"question_id": "99999", "everyone": "y"}, {"question_id": "x"}):
        response = actions.post(f"/teacher/quizzes/{quiz.id}/regrade", data,
                                token_from=f"/teacher/quizzes/{quiz.id}")
        assert response.status_code == 400
    assert quiz.regrades == {}


def test_the_gradebook_has_a_row_a_student_and_a_column_a_quiz(school, make_quiz, actions):
    first = make_quiz(title="=cmd|' /C calc'!A0")
    second = make_quiz(title="Second quiz", attempts_allowed=2, grading="highest")
    take(actions, first, "kim@example.com")
    take(actions, second, "kim@example.com", wrong=True)
    take(actions, second, "kim@example.com")
    take(actions, second, "lee@example.com", wrong=True)
    actions.login("teach@example.com")
    response = actions.client.get(f"/teacher/classes/{school['class'].id}/gradebook.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["student", "email", "'=cmd|' /C calc'!A0", "Second quiz"]
    assert rows[1:] == [["Kim", "kim@example.com", "10", "10"],
                        ["Lee", "lee@example.com", "", "0"]]
