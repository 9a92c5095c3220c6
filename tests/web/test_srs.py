"""The spaced-repetition commands and the background fit of a student's own parameters."""
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event, select

from quizapp.extensions import db
from quizapp.models import Card, Question, QuestionSet, Review
from quizapp.scheduling import MIN_REVIEWS
from quizapp.services import fitting_jobs, study
from quizapp.tasks import tasks


@pytest.fixture
def long_history(app, make_user):
    """A student with 120 cards reviewed on 12 different days each: enough to fit, and enough
    in the first half of the log alone for `srs evaluate`."""
    student = make_user("kim@example.com")
    qset = QuestionSet(slug="drill", title="Drill")
    db.session.add(qset)
    db.session.flush()
    questions = [Question(set_id=qset.id, uid=f"q{i}", kind="short", category="what",
                          prompt=f"Question {i}?", answer=f"answer {i}", status="approved")
                 for i in range(120)]
    db.session.add_all(questions)
    db.session.flush()
    start = datetime(2024, 1, 1, 17, tzinfo=timezone.utc)
    for i, question in enumerate(questions):
        day = 0
        for n in range(12):
            day += 1 + n + (i % 3)
            rating = 1 if (i + n) % 5 == 0 else 3
            db.session.add(Review(user_id=student.id, question_id=question.id, rating=rating,
                                  reviewed_at=start + timedelta(days=day, minutes=i),
                                  study_day=(start + timedelta(days=day)).date(),
                                  request_id=f"{question.id}:{n}"))
    db.session.commit()
    assert 120 * 11 >= MIN_REVIEWS
    return student


def test_srs_rebuild_builds_cards_from_the_log(long_history, runner):
    result = runner.invoke(args=["srs", "rebuild", "--user", "kim@example.com"])
    assert result.exit_code == 0, result.output
    assert "Rebuilt 120 card(s)" in result.output
    cards = db.session.scalars(select(Card)).all()
    assert len(cards) == 120 and all(card.reps == 12 for card in cards)


def test_srs_fit_stores_parameters_and_reschedules(long_history, runner):
    runner.invoke(args=["srs", "rebuild"])
    before = {c.question_id: c.due for c in db.session.scalars(select(Card))}
    result = runner.invoke(args=["srs", "fit", "--user", "kim@example.com"])
    assert result.exit_code == 0 and "fitted and rescheduled" in result.output, result.output
    db.session.expire_all()
    student = long_history
    assert len(student.fsrs_parameters) == 21 and student.parameters_fitted_at is not None
    after = {c.question_id: c.due for c in db.session.scalars(select(Card))}
    assert after != before  # new parameters, new schedule
    cached = {c.question_id: study.card_state(c) for c in db.session.scalars(select(Card))}
    study.rebuild_user(db.session, student)
    assert cached == {c.question_id: study.card_state(c) for c in db.session.scalars(select(Card))}


def test_srs_fit_says_when_there_is_too_little(app, make_user, runner):
    make_user("new@example.com")
    result = runner.invoke(args=["srs", "fit", "--user", "new@example.com"])
    assert result.exit_code == 0 and "not fitted" in result.output


def test_every_fit_every_th_review_makes_a_fit_due_by_a_counter(long_history):
    student = long_history
    student.reviews_since_fit = fitting_jobs.FIT_EVERY - 2
    db.session.commit()
    student_id = student.id
    statements = []

    def seen(conn, cursor, statement, *rest):
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        due = [fitting_jobs.count_review(db.session, student_id) for _ in range(3)]
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert due == [False, True, False]
    assert len(statements) == 3 and all(s.lstrip().upper().startswith("UPDATE")
                                        for s in statements)  # no count of the whole log
    db.session.expire_all()
    assert student.reviews_since_fit == 1


def test_the_queued_fit_stores_parameters_and_reschedules(app, long_history):
    study.rebuild_user(db.session, long_history)
    long_history.reviews_since_fit = 7
    before = {c.question_id: c.due for c in db.session.scalars(select(Card))}
    student_id = long_history.id
    db.session.commit()
    tasks(app).fit(student_id)  # the test app runs tasks at once
    db.session.expire_all()
    assert len(long_history.fsrs_parameters) == 21 and long_history.parameters_fitted_at
    cards = list(db.session.scalars(select(Card)))
    assert {c.question_id: c.due for c in cards} != before
    assert {c.question_id: study.card_state(c) for c in cards} == {
        q: study.card_state(study.rebuild_card(db.session, long_history, q)) for q in before}


def test_a_fit_on_too_short_a_log_changes_nothing(app, make_user):
    student = make_user("new@example.com")
    assert fitting_jobs.fit_student(db.session, student.id) is False
    db.session.expire_all()
    assert student.fsrs_parameters is None


def test_srs_evaluate_runs_under_flask(app, runner, shared_dir):
    log = shared_dir / "reviews" / "review_logs_josh_py-fsrs.csv"
    result = runner.invoke(args=["srs", "evaluate", str(log), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures) == {"default", "fitted", "sm2"}
    assert figures["fitted"]["log_loss"] <= 0.440 and figures["fitted"]["rmse_bins"] <= 0.065


def test_our_log_export_reads_back_into_evaluate(long_history, runner, tmp_path):
    out = tmp_path / "log.csv"
    result = runner.invoke(args=["srs", "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "user_id,question_id,rating,reviewed_at,duration_ms"
    assert len(lines) == 1 + 120 * 12
    evaluated = runner.invoke(args=["srs", "evaluate", str(out), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    figures = json.loads(evaluated.output)
    assert figures["default"]["n_scored"] > 0
