"""Generating an article's questions again never touches what the teacher approved, rejected
or edited: new or changed questions arrive as drafts beside them, the article keeps its title,
and the message counts the drafts really waiting. A text too short for any question makes no
set and says why."""
from __future__ import annotations

import copy

from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.extensions import db
from quizapp.generation import Article as ArticleText
from quizapp.models import Article, GenerationJob, Question, QuestionSet
from quizapp.services import authoring, generation_jobs
from tests.web.teacher.conftest import TINY

BANK = load_bank(TINY)


def generator(wording: str, questions: int = 4):
    """A generator (no language model) whose prompts are worded ``wording``."""
    def generate(article, **_):
        bank = copy.deepcopy(BANK)
        bank["article"]["title"] = article.title
        bank["questions"] = bank["questions"][:questions]
        for q in bank["questions"]:
            q["prompt"] = f"{wording}: {q['prompt']}"
        return bank
    return generate


def generate_from(teacher, title: str, generate) -> GenerationJob:
    text = ArticleText(title=title, text=BANK["article"]["text"])
    row = generation_jobs.save_article(db.session, teacher, text)
    job, _ = generation_jobs.start_job(db.session, teacher, row)
    db.session.commit()
    generation_jobs.run_job(db.session, job.id, generate=generate)
    db.session.expire_all()
    return db.session.get(GenerationJob, job.id)


def by_uid() -> dict[str, Question]:
    return {q.uid: q for q in db.session.scalars(select(Question))}


def drafts() -> int:
    return db.session.scalar(select(func.count()).select_from(Question)
                             .where(Question.status == "draft"))


def test_generating_again_keeps_what_the_teacher_reviewed_and_edited(app, teacher):
    first = generate_from(teacher, "Strikes on Iran", generator("First"))
    assert first.status == "done" and drafts() == 4
    rows = by_uid()
    edited, approved, rejected = (rows["q-tiny-who-mcq"], rows["q-tiny-who-short"],
                                  rows["q-tiny-tf"])
    values = {"kind": "short", "category": "who", "prompt": "Who spoke in Tehran?",
              "answer": "Hossein Amir-Abdollahian", "accepted": ["Amir-Abdollahian", "the FM"],
              "choices": [], "tags": [], "explanation": "He is the foreign minister."}
    authoring.update_question(db.session, edited, values)
    authoring.set_status(edited, "approved")
    authoring.set_status(approved, "approved")
    authoring.set_status(rejected, "rejected", "Too easy")
    db.session.commit()

    second = generate_from(teacher, "Another headline", generator("Second"))

    rows = by_uid()
    assert rows["q-tiny-who-mcq"].prompt == "Who spoke in Tehran?"  # the teacher's edit wins
    assert rows["q-tiny-who-mcq"].accepted == ["Amir-Abdollahian", "the FM"]
    assert rows["q-tiny-who-mcq"].explanation == "He is the foreign minister."
    assert rows["q-tiny-who-mcq"].status == "approved"
    assert rows["q-tiny-who-short"].prompt.startswith("First: ")  # approved: untouched
    assert rows["q-tiny-who-short"].status == "approved"
    assert rows["q-tiny-tf"].status == "rejected" and rows["q-tiny-tf"].prompt.startswith("First")
    assert rows["q-tiny-where-cloze"].prompt.startswith("Second: ")  # a draft: regenerated
    beside = [q for q in rows.values() if q.uid not in ("q-tiny-who-mcq", "q-tiny-who-short",
                                                        "q-tiny-tf", "q-tiny-where-cloze")]
    # The changed versions of the approved and the rejected questions wait beside them.
    assert sorted((q.status, q.prompt.split(":")[0]) for q in beside) == [
        ("draft", "Second"), ("draft", "Second")]
    assert db.session.scalar(select(Article.title)) == "Strikes on Iran"
    assert db.session.scalar(select(QuestionSet.title)) == "Strikes on Iran"
    assert second.message.startswith(f"{drafts()} questions are waiting for your review")
    assert drafts() == 3

    third = generate_from(teacher, "Strikes on Iran", generator("Second"))
    assert by_uid().keys() == rows.keys() and drafts() == 3  # the same again: nothing new
    assert third.message.startswith("3 questions are waiting for your review")


def test_a_question_gone_from_a_new_generation_stays_when_the_teacher_approved_it(app, teacher):
    generate_from(teacher, "Strikes on Iran", generator("First"))
    approved = by_uid()["q-tiny-who-mcq"]
    authoring.set_status(approved, "approved")
    db.session.commit()
    generate_from(teacher, "Strikes on Iran", _without("q-tiny-who-mcq", "q-tiny-who-short"))
    rows = by_uid()
    assert rows["q-tiny-who-mcq"].status == "approved"  # kept, though no longer generated
    assert "q-tiny-who-short" not in rows  # an unreviewed draft goes


def _without(*uids):
    base = generator("First")

    def generate(article, **kw):
        bank = base(article, **kw)
        bank["questions"] = [q for q in bank["questions"] if q["id"] not in uids]
        return bank
    return generate


def test_a_text_too_short_for_any_question_makes_no_set_and_says_why(app, teacher):
    job = generate_from(teacher, "A note", generator("First", questions=0))
    assert job.status == "failed" and job.set_id is None
    assert "No question could be written" in job.message and "words" in job.message
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0


def test_the_page_shows_a_text_too_short_as_an_error(app, teacher, as_teacher):
    job = generate_from(teacher, "A note", generator("First", questions=0))
    page = as_teacher.client.get(f"/teacher/jobs/{job.id}").get_data(as_text=True)
    assert "No question could be written" in page
    assert 'id="failed" class="flash error">' in page  # shown, in the error style


def test_the_same_text_pasted_with_another_title_is_told_it_keeps_its_title(app, as_teacher):
    text = BANK["article"]["text"]
    as_teacher.post("/teacher/articles/new", {"text": text, "seed": "", "title": "First title"})
    response = as_teacher.post("/teacher/articles/new", {"text": text, "seed": "",
                                                         "title": "Second title"})
    assert response.status_code == 302
    page = as_teacher.client.get(response.location, follow_redirects=True).get_data(True)
    assert "You gave this article before, as “First title”: it keeps that title." in page
    assert db.session.scalar(select(Article.title)) == "First title"
