"""Importing banks: idempotent upserts by stable id; studied questions are retired, not lost."""
import json
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.models import Article, Question, QuestionSet, Review
from quizapp.services.banks import import_bank

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


def statuses() -> dict[str, str]:
    return dict(db.session.execute(select(Question.uid, Question.status)).all())


def test_import_creates_the_set_article_and_questions(app):
    report = import_bank(db.session, load_bank(TINY))
    db.session.commit()
    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    qset = db.session.scalar(select(QuestionSet))
    assert qset.slug == "tiny-test-article" and qset.article.published == date(2024, 1, 18)
    question = db.session.scalar(select(Question).where(Question.uid == "q-tiny-who-mcq"))
    text = qset.article.text
    assert text[question.source_start:question.source_end] == question.source_text
    assert question.choices[0] == "Hossein Amir-Abdollahian" and question.status == "approved"
    assert question.to_bank()["choices"] == question.choices


def test_import_twice_changes_nothing(app):
    import_bank(db.session, load_bank(TINY))
    db.session.commit()
    report = import_bank(db.session, load_bank(TINY))
    db.session.commit()
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)
    assert db.session.scalar(select(func.count()).select_from(Question)) == 4
    assert db.session.scalar(select(func.count()).select_from(Article)) == 1


def test_a_removed_question_with_reviews_is_retired_and_returns(app, make_user):
    bank = load_bank(TINY)
    import_bank(db.session, bank)
    student = make_user("kim@example.com")
    studied = db.session.scalar(select(Question).where(Question.uid == "q-tiny-tf"))
    now = datetime(2024, 2, 1, 9, tzinfo=timezone.utc)
    db.session.add(Review(user_id=student.id, question_id=studied.id, rating=3, reviewed_at=now,
                          study_day=now.date(), request_id="r1"))
    db.session.commit()
    smaller = json.loads(json.dumps(bank))
    smaller["questions"] = [q for q in bank["questions"]
                            if q["id"] not in ("q-tiny-tf", "q-tiny-where-cloze")]
    report = import_bank(db.session, smaller)
    db.session.commit()
    assert (report.retired, report.deleted) == (1, 1)
    assert statuses() == {"q-tiny-who-mcq": "approved", "q-tiny-who-short": "approved",
                          "q-tiny-tf": "retired"}
    report = import_bank(db.session, bank)
    db.session.commit()
    assert statuses()["q-tiny-tf"] == "approved" and report.created == 1


def test_a_fixed_typo_updates_the_same_question(app):
    bank = load_bank(TINY)
    import_bank(db.session, bank)
    db.session.commit()
    before = db.session.scalar(select(Question.id).where(Question.uid == "q-tiny-who-short"))
    bank["questions"][1]["prompt"] = "Who was Iran's foreign minister in Jan. 2024?"
    report = import_bank(db.session, bank)
    db.session.commit()
    after = db.session.scalar(select(Question).where(Question.uid == "q-tiny-who-short"))
    assert report.updated == 1 and after.id == before and "Jan." in after.prompt


def test_a_question_answered_in_a_quiz_is_retired_not_deleted(app, make_user, make_class):
    from quizapp.models import Quiz, QuizAnswer, QuizAttempt

    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    bank = load_bank(TINY)
    import_bank(db.session, bank)
    student = make_user("kim@example.com")
    question = db.session.scalar(select(Question).where(Question.uid == "q-tiny-tf"))
    quiz = Quiz(title="Friday quiz", sets=[question.question_set], classes=[school_class])
    db.session.add(quiz)
    db.session.flush()
    attempt = QuizAttempt(quiz_id=quiz.id, user_id=student.id, seed="s")
    db.session.add(attempt)
    db.session.flush()
    db.session.add(QuizAnswer(attempt_id=attempt.id, question_id=question.id, given="true",
                              correct=True))
    db.session.commit()
    bank["questions"] = [q for q in bank["questions"] if q["id"] != "q-tiny-tf"]
    report = import_bank(db.session, bank)
    db.session.commit()
    assert report.retired == 1 and statuses()["q-tiny-tf"] == "retired"
