"""The demo a newcomer meets after `make run`: the shipped banks imported, then `flask demo`
(twice: it makes nothing twice). Its sets come from dev-split Wikinews articles with their
attribution, only the hand-picked questions are approved, and two students have weeks of study,
written by the real scheduler, and a finished quiz."""
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.generation.article import read_article
from quizapp.generation.splits import corpus_articles, split_of
from quizapp.models import (
    Article, Card, Enrolment, Question, QuestionSet, Quiz, QuizAttempt, Review, User)
from quizapp.services import study

ROOT = Path(__file__).resolve().parents[2]
DEMO = json.loads((ROOT / "seeds" / "demo.json").read_text())
BANKS = sorted(str(p) for p in (ROOT / "questions").glob("*.json"))


def counts() -> dict:
    tables = (User, Enrolment, Question, QuestionSet, Quiz, QuizAttempt, Review, Card)
    found = {t.__name__: db.session.scalar(select(func.count()).select_from(t)) for t in tables}
    found["approved"] = db.session.scalar(select(func.count()).where(
        Question.status == "approved"))
    return found


def test_demo_articles_are_dev_split_wikinews_with_their_attribution(shared_dir):
    corpus = {a.id: a for a in corpus_articles(corpus=shared_dir / "corpus")}
    wikinews = [entry for entry in DEMO["sets"] if "corpus_id" in entry]
    assert 5 <= len(wikinews) <= 6
    for entry in wikinews:
        assert split_of(entry["corpus_id"]) == "dev"
        source = corpus[entry["corpus_id"]]
        article = read_article(ROOT / entry["article"])
        bank = json.loads((ROOT / "questions" / entry["bank"]).read_text())
        assert (article.source, article.licence, article.attribution) == (
            source.url, "CC BY 2.5", "Wikinews")
        assert bank["article"]["sha256"] == article.sha256
        assert (bank["article"]["source"], bank["article"]["attribution"]) == (
            source.url, "Wikinews")
        assert set(entry["approved"]) <= {q["id"] for q in bank["questions"]}


@pytest.mark.slow
def test_demo_gives_weeks_of_study_and_a_finished_quiz_once(app, runner):
    imported = runner.invoke(args=["bank", "import", *BANKS])
    assert imported.exit_code == 0, imported.output
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    after_first = counts()
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output
    assert counts() == after_first
    assert first.output.splitlines()[:4] == second.output.splitlines()[:4]
    assert "Four weeks of past study written for 2 student(s)" in first.output
    assert "past study" not in second.output

    picked = {uid for entry in DEMO["sets"] for uid in entry["approved"]}
    approved = set(db.session.scalars(select(Question.uid).where(Question.status == "approved")))
    assert approved == picked
    drafts = db.session.scalar(select(func.count()).where(Question.status == "draft"))
    assert drafts > 0  # the rest of each bank waits in the teacher's review queue

    now = utcnow()
    for email in ("ada@demo.quizapp.org", "ben@demo.quizapp.org"):
        student = db.session.scalar(select(User).where(User.email == email))
        reviews = db.session.scalars(select(Review).where(Review.user_id == student.id)).all()
        times = [r.reviewed_at.replace(tzinfo=now.tzinfo) for r in reviews]
        assert len(reviews) >= 100 and max(times) < now
        joined = db.session.scalar(select(Enrolment.joined_at).where(
            Enrolment.student_id == student.id))
        assert joined.replace(tzinfo=now.tzinfo) < min(times)  # in the class before studying
        assert max(times) - min(times) > timedelta(days=21)
        assert len({r.study_day for r in reviews}) >= 8
        assert {r.origin for r in reviews} == {"study", "quiz"}
        assert 0.5 < sum(bool(r.correct) for r in reviews) / len(reviews) < 1
        # Every card is what replaying its log with the real scheduler gives.
        before = {c.question_id: (c.due, c.stability, c.reps, c.lapses) for c in
                  db.session.scalars(select(Card).where(Card.user_id == student.id))}
        study.rebuild_user(db.session, student)
        after = {c.question_id: (c.due, c.stability, c.reps, c.lapses) for c in
                 db.session.scalars(select(Card).where(Card.user_id == student.id))}
        assert after == before and len(before) > len(picked) * 3 // 4

    quiz = db.session.scalar(select(Quiz))
    assert quiz.closes_at.replace(tzinfo=now.tzinfo) < now
    attempts = db.session.scalars(select(QuizAttempt)).all()
    assert len(attempts) == 2 and all(a.submitted_at and a.score is not None for a in attempts)

    articles = db.session.scalars(select(Article).where(Article.attribution == "Wikinews")).all()
    assert len(articles) == len([e for e in DEMO["sets"] if "corpus_id" in e])
    assert all(a.licence == "CC BY 2.5" and a.source.startswith("http") for a in articles)
