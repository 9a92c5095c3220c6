"""Generating a set from an article on the task queue, with progress a page can poll.

The view saves the article and a queued ``GenerationJob``, commits, and queues it; a worker
runs ``run_job``. A run claims the job with a conditional UPDATE (a new ``attempt``) and beats
while it works, writing how many sentences it has read and questions it has written; each beat
checks that the job is still its own, so a cancelled job, or one taken over after its worker
went quiet, stops at the next beat. The job ends "done" with a set of draft questions waiting
for review, "failed" with the reason, or "cancelled".

A worker killed mid-run leaves the job "running" with an old heartbeat: ``orphaned_jobs`` finds
it and the task queue runs it again, up to ``MAX_ATTEMPTS`` times.
"""
from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from quizapp.bank import BankError, load_bank
from quizapp.clock import utcnow
from quizapp.models import Article, GenerationJob, Question, QuestionSet, User
from quizapp.services import authoring, banks
from quizapp.services.classes import lock_owner

RUNNING = ("queued", "running")
MAX_ATTEMPTS = 3
BEAT_EVERY = 0.5  # seconds between progress writes while sentences and questions stream by


class JobStopped(Exception):
    """The job was cancelled, or another worker has taken it over: stop without a trace."""


def save_article(session: Session, owner: User, article) -> Article:
    """Store a ``quizapp.generation.Article``; the same text from the same teacher is one row,
    which keeps the title it was first given."""
    lock_owner(session, owner)
    row = banks.upsert_article(session, article.as_bank_article(), owner, rename=False)
    session.flush()
    return row


def start_job(session: Session, owner: User, article: Article) -> tuple[GenerationJob, bool]:
    """(job, created): a new queued job for the article, or the one already queued or running
    for it (a form sent twice starts one job)."""
    lock_owner(session, owner)
    job = session.scalar(select(GenerationJob).where(
        GenerationJob.owner_id == owner.id, GenerationJob.article_id == article.id,
        GenerationJob.status.in_(RUNNING)))
    if job is not None:
        return job, False
    job = GenerationJob(owner_id=owner.id, article_id=article.id, status="queued",
                        message="Waiting for a worker to start")
    session.add(job)
    session.flush()
    return job, True


def cancel_job(session: Session, job: GenerationJob) -> bool:
    """Cancel a queued or running job; its run stops at its next beat. False when it had ended."""
    done = session.execute(update(GenerationJob).execution_options(synchronize_session=False).where(
        GenerationJob.id == job.id, GenerationJob.status.in_(RUNNING)).values(
        status="cancelled", message="Cancelled: no questions were saved.",
        finished_at=utcnow()))
    session.expire(job)
    return done.rowcount == 1


def _cut_off(now: datetime, lease: timedelta):
    return and_(GenerationJob.status == "running",
                or_(GenerationJob.heartbeat_at.is_(None), GenerationJob.heartbeat_at < now - lease))


def claim(session: Session, job_id: int, now: datetime, lease: timedelta) -> int | None:
    """Take the job for this run (queued, or running with no heartbeat for ``lease``); its
    attempt number, or None when it is done, cancelled or another run holds it. Commits."""
    taken = session.execute(update(GenerationJob).execution_options(synchronize_session=False).where(
        GenerationJob.id == job_id, GenerationJob.attempt < MAX_ATTEMPTS,
        or_(GenerationJob.status == "queued", _cut_off(now, lease))).values(
        status="running", attempt=GenerationJob.attempt + 1, heartbeat_at=now, progress=5,
        message="Starting").returning(GenerationJob.attempt))
    attempt = taken.scalar()
    session.commit()
    return attempt


def orphaned_jobs(session: Session, now: datetime, lease: timedelta, *,
                  queued: set[int]) -> list[int]:
    """Jobs to queue again: running with no heartbeat for ``lease`` (their worker died), or
    queued for longer than ``lease`` yet missing from the queue (``queued``). A job already
    tried ``MAX_ATTEMPTS`` times is failed instead, saying why."""
    session.execute(update(GenerationJob).execution_options(synchronize_session=False).where(
        GenerationJob.attempt >= MAX_ATTEMPTS, _cut_off(now, lease)).values(
        status="failed", finished_at=now,
        message=f"The questions could not be generated: the worker stopped {MAX_ATTEMPTS} "
                "times while writing them (it is logged)."))
    lost = session.scalars(select(GenerationJob.id).where(or_(
        _cut_off(now, lease),
        and_(GenerationJob.status == "queued", GenerationJob.created_at < now - lease))))
    return [job_id for job_id in lost if job_id not in queued]


class Beat:
    """Writes a run's progress and heartbeat, and stops the run when the job is not its own."""

    def __init__(self, session: Session, job_id: int, attempt: int):
        self.session, self.job_id, self.attempt, self.last = session, job_id, attempt, 0.0
        self.sentences_total = 0

    def __call__(self, progress: int, message: str, **counts) -> None:
        done = self.session.execute(update(GenerationJob).execution_options(synchronize_session=False).where(
            GenerationJob.id == self.job_id, GenerationJob.attempt == self.attempt,
            GenerationJob.status == "running").values(
            progress=progress, message=message, heartbeat_at=utcnow(), **counts))
        self.session.commit()
        self.last = time.monotonic()
        if done.rowcount != 1:
            raise JobStopped

    def generation(self, read: int, total: int, written: int) -> None:
        """The generator's progress: at most one write every ``BEAT_EVERY`` seconds."""
        self.sentences_total = total
        if time.monotonic() - self.last < BEAT_EVERY:
            return
        if written:
            self(70 + min(written, 60) // 3, f"{written} questions written from {total} "
                 "sentences", sentences_read=read, sentences_total=total,
                 questions_written=written)
        else:
            self(20 + 50 * read // max(total, 1), f"{read} of {total} sentences read",
                 sentences_read=read, sentences_total=total)


def run_job(session: Session, job_id: int, *, lease: timedelta = timedelta(minutes=2),
            questions_dir: str | None = None, generate=None) -> None:
    """Run one job to the end (``generate`` defaults to ``quizapp.generation.generate_bank``)."""
    from quizapp import generation

    attempt = claim(session, job_id, utcnow(), lease)
    if attempt is None:
        return
    beat = Beat(session, job_id, attempt)
    try:
        _generate(session, beat, questions_dir, generate or generation.generate_bank)
    except JobStopped:
        session.rollback()
    except Exception as exc:  # the job must end visibly, whatever went wrong
        session.rollback()
        told = isinstance(exc, (generation.ArticleError, BankError))
        # A problem with the article is the teacher's to fix; any other is ours, and logged.
        try:
            _finish(session, beat, "failed", "The questions could not be generated: "
                    + (str(exc) if told else "an error in quizapp (it is logged)."))
            session.commit()
        except JobStopped:
            session.rollback()  # cancelled meanwhile: the teacher asked for nothing more
        if not told:
            raise


def _finish(session: Session, beat: Beat, status: str, message: str, **values) -> None:
    """End the run's job, if it is still the run's own (JobStopped otherwise)."""
    done = session.execute(update(GenerationJob).execution_options(synchronize_session=False).where(
        GenerationJob.id == beat.job_id, GenerationJob.attempt == beat.attempt,
        GenerationJob.status == "running").values(
        status=status, message=message, finished_at=utcnow(), heartbeat_at=utcnow(), **values))
    if done.rowcount != 1:
        raise JobStopped


def _generate(session: Session, beat: Beat, questions_dir: str | None, generate) -> None:
    from quizapp import generation

    beat(10, "Reading the article")
    job = session.get(GenerationJob, beat.job_id)
    row = session.get(Article, job.article_id)
    article = generation.Article(title=row.title, text=row.text, source=row.source,
                                 published=row.published, licence=row.licence,
                                 attribution=row.attribution)
    sha256 = row.sha256
    others = [b for b in corpus_banks(questions_dir) if b["article"]["sha256"] != sha256]
    # The beat commits: from here no row is touched (a lazy load would open a transaction and,
    # on SQLite, hold the write lock) until the questions are written.
    beat(15, "Loading the language model")
    bank = generate(article, corpus_entities=generation.corpus_entities(others),
                    rng=random.Random(sha256), progress=beat.generation)
    count = len(bank["questions"])
    if not count:
        raise generation.ArticleError(
            f"No question could be written from this article ({len(article.text.split())} words): "
            "questions ask about the people, places, dates and numbers its sentences name. "
            "Give a longer article.")
    saving = f"Saving {count} question{'s' if count != 1 else ''} for review"
    beat(90, saving, questions_written=count,
         sentences_read=beat.sentences_total, sentences_total=beat.sentences_total)
    _finish(session, beat, "done", saving, progress=100)
    job = session.get(GenerationJob, beat.job_id)
    qset = _set_for(session, job, session.get(Article, job.article_id))
    bank["title"] = qset.title
    report = banks.import_bank(session, bank, owner=session.get(User, job.owner_id),
                               status="draft", set_slug=qset.slug)
    job.set_id, job.message = qset.id, waiting_message(session, qset, report)
    session.commit()


def waiting_message(session: Session, qset: QuestionSet, report: banks.ImportReport) -> str:
    """How many drafts of the set really wait for review, and what was kept as it was."""
    waiting = session.scalar(select(func.count()).select_from(Question).where(
        Question.set_id == qset.id, Question.status == "draft"))
    message = f"{waiting} question{'s are' if waiting != 1 else ' is'} waiting for your review."
    if report.kept:
        message += (f" {report.kept} you reviewed or edited "
                    + ("are kept as they are." if report.kept != 1 else "is kept as it is."))
    return message


def corpus_banks(questions_dir: str | None) -> list[dict]:
    """The library's banks, whose entities lend distractors to a new bank."""
    if not questions_dir or not Path(questions_dir).is_dir():
        return []
    found = []
    for path in sorted(Path(questions_dir).glob("*.json")):
        try:
            found.append(load_bank(path))
        except BankError:
            continue  # a broken library bank lends nothing; `bank import` reports it
    return found


def _set_for(session: Session, job: GenerationJob, article: Article) -> QuestionSet:
    """The set this job fills: the one made from the same article before, else a new one."""
    qset = session.scalar(select(QuestionSet).where(QuestionSet.owner_id == job.owner_id,
                                                    QuestionSet.article_id == article.id)
                          .order_by(QuestionSet.id))
    if qset is None:
        owner = session.get(User, job.owner_id)
        qset, created = authoring.create_set(session, owner, article.title)
        if not created and qset.article_id not in (None, article.id):
            # The teacher's set of that title is about another article: never mix them.
            qset = QuestionSet(slug=authoring.unique_slug(session, article.title),
                               title=f"{article.title} ({utcnow():%d %b %Y %H:%M})",
                               owner_id=owner.id)
            session.add(qset)
        qset.article_id = article.id
        session.flush()
    return qset
