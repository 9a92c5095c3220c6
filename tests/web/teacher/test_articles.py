"""A set from an article: pasted, uploaded or from the library; bad files are refused with a
message and the pasted text kept; the generator runs on the task queue with progress, can be
cancelled, and a run cut off is run again."""
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.bank import load_bank
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.generation import ArticleError
from quizapp.models import Article, GenerationJob, Question, QuestionSet
from quizapp.services import generation_jobs
from tests.web.teacher.conftest import TINY

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_a09212d6aeb45f40.txt"
URL = "/teacher/articles/new"


def upload(as_teacher, data: bytes, filename: str, text: str = "Kept text"):
    # Encoded here in memory: the test client would spool a big body to a file it never closes.
    boundary, body = encode_multipart({
        "csrf_token": as_teacher.token(URL), "text": text, "seed": "",
        "upload": FileStorage(io.BytesIO(data), filename=filename)})
    return as_teacher.client.post(URL, data=body,
                                  content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.parametrize("data,filename,message", [
    (b"", "empty.txt", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "picture.txt", "binary"),
    ("Caf\u00e9 news".encode("latin-1"), "latin.txt", "UTF-8"),
    (b"a" * 2_000_001, "huge.txt", "more than the 2,000,000 allowed"),
    (b"Some news.", "article.pdf", "unsupported file type"),
])
def test_a_bad_upload_says_why_and_keeps_the_text(as_teacher, data, filename, message):
    response = upload(as_teacher, data, filename, text="My <b>draft</b> notes")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page.lower() or message in page
    assert "My &lt;b&gt;draft&lt;/b&gt; notes</textarea>" in page
    assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_nothing_given_asks_for_an_article(as_teacher):
    response = as_teacher.post(URL, {"text": "", "seed": ""})
    assert response.status_code == 400
    assert "Paste an article, upload a file or pick one" in response.get_data(as_text=True)


def test_the_library_lists_the_seed_articles(as_teacher):
    page = as_teacher.client.get(URL).get_data(as_text=True)
    assert SEED.name in page


def test_an_unknown_library_pick_is_refused(as_teacher):
    response = as_teacher.post(URL, {"seed": "../../etc/passwd"})
    assert response.status_code == 400 and db.session.scalar(select(func.count())
                                                             .select_from(Article)) == 0


def run_to_the_end(app, location: str) -> GenerationJob:
    """The job the page follows (the test app runs queued tasks at once, in the request)."""
    job_id = int(location.rsplit("/", 1)[1])
    db.session.expire_all()
    return db.session.get(GenerationJob, job_id)


@pytest.mark.slow
def test_a_pasted_article_becomes_a_set_of_drafts(app, as_teacher):
    text = SEED.read_text(encoding="utf-8")
    response = as_teacher.post(URL, {"text": "<script>x</script> " + text, "seed": "",
                                     "title": "Strikes <i>on</i> Iran"})
    assert response.status_code == 302 and "/teacher/jobs/" in response.location
    job = run_to_the_end(app, response.location)
    assert (job.status, job.progress) == ("done", 100), job.message
    progress = as_teacher.client.get(response.location.replace(
        f"/jobs/{job.id}", f"/jobs/{job.id}.json")).get_json()
    assert progress["status"] == "done" and progress["review_url"].endswith("/review")
    qset = db.session.get(QuestionSet, job.set_id)
    assert qset.title == "Strikes <i>on</i> Iran" and qset.owner_id == job.owner_id
    drafts = db.session.scalars(select(Question).where(Question.set_id == qset.id)).all()
    assert len(drafts) >= 10 and {q.status for q in drafts} == {"draft"}
    page = as_teacher.client.get(response.location, follow_redirects=True).get_data(True)
    assert "questions are waiting for your review" in page
    assert "Strikes &lt;i&gt;on&lt;/i&gt; Iran" in page and "<script>x" not in page


@pytest.mark.slow
def test_the_same_article_sent_twice_runs_one_job_and_one_set(app, as_teacher, client):
    token = as_teacher.token(URL)
    first = client.post(URL, data={"csrf_token": token, "seed": SEED.name})
    second = client.post(URL, data={"csrf_token": token, "seed": SEED.name})
    run_to_the_end(app, first.location)
    run_to_the_end(app, second.location)
    assert db.session.scalar(select(func.count()).select_from(Article)) == 1
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 1


def test_a_job_that_fails_says_so(app, teacher):
    article = Article(owner_id=teacher.id, title="Notes", slug="notes", text="Short.",
                      sha256="0" * 64)
    db.session.add(article)
    db.session.flush()
    job, created = generation_jobs.start_job(db.session, teacher, article)
    db.session.commit()

    def refuse(article, **_):
        raise ArticleError("the article has no sentences to ask about")

    generation_jobs.run_job(db.session, job.id, generate=refuse)
    db.session.refresh(job)
    assert created and job.status == "failed"
    assert job.message == ("The questions could not be generated: the article has no "
                           "sentences to ask about")
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0


def queued_job(teacher, sha: str) -> int:
    article = Article(owner_id=teacher.id, title="Notes", slug=f"notes-{sha}", text="Short.",
                      sha256=sha * 64)
    db.session.add(article)
    db.session.flush()
    job, _ = generation_jobs.start_job(db.session, teacher, article)
    job_id = job.id
    db.session.commit()
    return job_id


def test_progress_counts_sentences_and_questions_as_they_go(app, teacher, monkeypatch):
    job_id, bank, seen = queued_job(teacher, "1"), load_bank(TINY), []
    monkeypatch.setattr(generation_jobs, "BEAT_EVERY", 0)

    def generate(article, progress, **_):
        for read in range(1, 4):
            progress(read, 3, 0)
            seen.append(peek(job_id))
        progress(3, 3, 4)
        seen.append(peek(job_id))
        return bank

    generation_jobs.run_job(db.session, job_id, generate=generate)
    assert seen == [(1, 3, 0), (2, 3, 0), (3, 3, 0), (3, 3, 4)]
    job = db.session.get(GenerationJob, job_id)
    assert (job.status, job.progress, job.questions_written) == ("done", 100, 4)
    assert job.message.startswith("4 questions")


def peek(job_id: int) -> tuple[int, int, int]:
    db.session.expire_all()
    job = db.session.get(GenerationJob, job_id)
    return job.sentences_read, job.sentences_total, job.questions_written


def test_a_cancelled_job_stops_at_its_next_beat_and_saves_nothing(app, teacher, monkeypatch):
    job_id = queued_job(teacher, "2")
    monkeypatch.setattr(generation_jobs, "BEAT_EVERY", 0)

    def generate(article, progress, **_):
        assert generation_jobs.cancel_job(db.session, db.session.get(GenerationJob, job_id))
        db.session.commit()  # the teacher's click, between two beats
        progress(1, 5, 0)
        raise AssertionError("the run went on after being cancelled")

    generation_jobs.run_job(db.session, job_id, generate=generate)
    job = db.session.get(GenerationJob, job_id)
    assert job.status == "cancelled" and "no questions were saved" in job.message
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0


def test_the_cancel_button_is_the_owners_and_needs_its_token(app, teacher, as_teacher, client):
    job_id = queued_job(teacher, "3")
    assert client.post(f"/teacher/jobs/{job_id}/cancel").status_code == 400  # no CSRF token
    response = as_teacher.post(f"/teacher/jobs/{job_id}/cancel", token_from=f"/teacher/jobs/"
                               f"{job_id}", follow_redirects=True)
    assert "The job is cancelled." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(GenerationJob, job_id).status == "cancelled"


def test_a_job_cut_off_mid_run_is_run_again_and_not_twice_at_once(app, teacher):
    job_id, lease = queued_job(teacher, "4"), timedelta(minutes=2)
    now = utcnow()
    assert generation_jobs.claim(db.session, job_id, now, lease) == 1
    # While the first run beats, nobody else takes the job and the sweep leaves it alone.
    assert generation_jobs.claim(db.session, job_id, now + lease / 2, lease) is None
    assert generation_jobs.orphaned_jobs(db.session, now + lease / 2, lease, queued=set()) == []
    later = now + lease * 2  # its worker was killed: no heartbeat since
    assert generation_jobs.orphaned_jobs(db.session, later, lease, queued=set()) == [job_id]
    assert generation_jobs.claim(db.session, job_id, later, lease) == 2
    generation_jobs.run_job(db.session, job_id, lease=lease,
                            generate=lambda a, **_: load_bank(TINY))  # still held: no-op
    assert db.session.get(GenerationJob, job_id).attempt == 2


def test_a_job_whose_worker_keeps_dying_fails_and_says_why(app, teacher):
    job_id, lease, now = queued_job(teacher, "5"), timedelta(minutes=2), utcnow()
    for attempt in range(generation_jobs.MAX_ATTEMPTS):
        now += lease * 2
        assert generation_jobs.claim(db.session, job_id, now, lease) == attempt + 1
    assert generation_jobs.orphaned_jobs(db.session, now + lease * 2, lease, queued=set()) == []
    db.session.commit()
    job = db.session.get(GenerationJob, job_id)
    assert job.status == "failed" and "the worker stopped 3 times" in job.message


def errors_under(page: str, field: str) -> str:
    found = re.search(rf'<ul class="errors" id="{field}-errors">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


@pytest.mark.parametrize("data,filename", [(b"", "empty.txt"), (b"Some news.", "article.pdf"),
                                           (b"x" * 6_000_000, "enormous.txt")])
def test_a_files_problem_shows_under_the_file_field_not_the_paste_box(as_teacher, data,
                                                                       filename):
    response = upload(as_teacher, data, filename, text="My notes")
    page = response.get_data(as_text=True)
    assert response.status_code in (400, 413)
    assert errors_under(page, "upload") and not errors_under(page, "text")
    assert "<h1>A set from an article</h1>" in page
    # The field says which file it is about: the problem is read beside the file input.
    assert page.index('id="upload"') < page.index('id="upload-errors"')
