"""Teachers set quizzes: the form, its checks, and who may see a quiz's pages."""
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Quiz


def form_data(school, **changes):
    data = {"title": "Friday quiz", "set_ids": [str(school["set"].id)],
            "class_ids": [str(school["class"].id)], "question_count": "5",
            "shuffle_questions": "y", "shuffle_choices": "y", "time_limit_minutes": "10",
            "attempts_allowed": "2", "grading": "last", "points": "2",
            "opens_at": "2026-03-02T09:00", "closes_at": "2026-03-09T17:00",
            "shows": "answers", "shows_when": "submitted", "feeds_schedule": "y"}
    return {**data, **changes}


def test_a_teacher_sets_a_quiz_for_a_class(school, actions):
    school["teacher"].timezone = "Europe/Berlin"
    db.session.commit()
    actions.login("teach@example.com")
    response = actions.post("/teacher/quizzes/new", form_data(school))
    assert response.status_code == 302, response.get_data(as_text=True)
    quiz = db.session.scalar(select(Quiz))
    assert (quiz.title, quiz.question_count, quiz.time_limit_seconds, quiz.attempts_allowed,
            quiz.grading, quiz.points, quiz.feeds_schedule) == \
        ("Friday quiz", 5, 600, 2, "last", 2.0, True)
    assert quiz.opens_at.hour == 8 and quiz.closes_at.hour == 16  # Berlin is UTC+1 in March
    assert [c.id for c in quiz.classes] == [school["class"].id]
    page = actions.client.get(f"/teacher/classes/{school['class'].id}").get_data(as_text=True)
    assert "Friday quiz" in page


def test_bad_settings_are_refused_with_a_message_and_nothing_written(school, actions):
    actions.login("teach@example.com")
    for changes, message in [
            ({"question_count": "50"}, "only 12 questions"),
            ({"closes_at": "2026-03-01T09:00"}, "must close after it opens"),
            ({"class_ids": []}, "Choose at least one class"),
            ({"kinds": ["nonsense"]}, "is not a valid choice"),
            ({"attempts_allowed": "0"}, "between 1 and 20"),
            ({"shows_when": "closed", "closes_at": ""}, "need a closing time")]:
        response = actions.post("/teacher/quizzes/new", form_data(school, **changes))
        assert response.status_code == 400, changes
        assert message in response.get_data(as_text=True), changes
    assert db.session.scalar(select(Quiz)) is None


def test_another_teachers_sets_and_classes_cannot_be_used(school, actions):
    actions.login("other@example.com")
    response = actions.post("/teacher/quizzes/new", form_data(school))
    assert response.status_code == 400 and db.session.scalar(select(Quiz)) is None


def test_quiz_pages_are_the_owners_alone(school, make_quiz, actions):
    quiz = make_quiz()
    urls = [f"/teacher/quizzes/{quiz.id}", f"/teacher/classes/{school['class'].id}/gradebook.csv"]
    actions.login("other@example.com")
    assert all(actions.client.get(url).status_code == 404 for url in urls)
    actions.logout()
    actions.login("kim@example.com")
    assert all(actions.client.get(url).status_code == 403 for url in urls)
    actions.logout()
    assert all(actions.client.get(url).status_code == 302 for url in urls)
    actions.login("teach@example.com")
    assert all(actions.client.get(url).status_code == 200 for url in urls)
