"""Generating a set from an article outside the request, with progress a page can poll.

The view saves the article and a queued ``GenerationJob`` and commits; ``launch`` then runs the
job in a child process, watched by a thread, so the request returns at once. The job moves
through stages (reading, loading the language model, writing questions, saving them) and ends
"done" with a set of draft questions waiting for review, or "failed" with a message.

The language model (about 150 MB) is loaded only in that child, which exits when the job is
done: web workers never hold it, however many of them there are.
"""
from __future__ import annotations

import multiprocessing
import random
import threading
from datetime import timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.bank import BankError, load_bank
from quizapp.clock import utcnow
from quizapp.models import Article, GenerationJob, QuestionSet, User
from quizapp.services import authoring, banks
from quizapp.services.classes import lock_owner

RUNNING = ("queued", "running")
# One article at a time per web worker (and per process running jobs): a class generating
# together queues up instead of loading the language model many times over at once.
_ONE_AT_A_TIME = threading.Lock()
# A job that has not finished after this long was cut off (the server stopped); say so.
STALE_AFTER = timedelta(minutes=15)


def save_article(session: Session, owner: User, article) -> Article:
    """Store a ``quizapp.generation.Article``; the same text from the same teacher is one row."""
    lock_owner(session, owner)
    row = banks.upsert_article(session, article.as_bank_article(), owner)
    session.flush()
    return row


def start_job(session: Session, owner: User, article: Article) -> tuple[GenerationJob, bool]:
    """(job, created): a new queued job for the article, or the one already queued or running
    for it (a form sent twice starts one job)."""
    lock_owner(session, owner)
    job = session.scalar(select(GenerationJob).where(
        GenerationJob.owner_id == owner.id, GenerationJob.article_id == article.id,
        GenerationJob.status.in_(RUNNING)))
    if job is None or is_stale(job, utcnow()):
        job = GenerationJob(owner_id=owner.id, article_id=article.id, status="queued",
                            message="Waiting to start")
        session.add(job)
        session.flush()
        return job, True
    return job, False


def is_stale(job: GenerationJob, now) -> bool:
    return job.status in RUNNING and now - job.created_at > STALE_AFTER


def _stage(session: Session, job: GenerationJob, progress: int, message: str) -> None:
    job.status, job.progress, job.message = "running", progress, message
    session.commit()


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


def run_job(session: Session, job_id: int, *, questions_dir: str | None = None,
            generate=None) -> None:
    """Run one job to the end, committing each stage so the progress page sees it.

    ``generate`` defaults to ``quizapp.generation.generate_bank``.
    """
    from quizapp import generation

    job = session.get(GenerationJob, job_id)
    try:
        _generate(session, job, questions_dir, generate or generation.generate_bank)
    except Exception as exc:  # the job must end visibly, whatever went wrong
        session.rollback()
        job = session.get(GenerationJob, job_id)
        job.status, job.finished_at = "failed", utcnow()
        told = isinstance(exc, (generation.ArticleError, BankError))
        # A problem with the article is the teacher's to fix; any other is ours, and logged.
        job.message = ("The questions could not be generated: "
                       + (str(exc) if told else "an error in quizapp (it is logged)."))
        session.commit()
        if not told:
            raise


def _generate(session: Session, job: GenerationJob, questions_dir: str | None, generate) -> None:
    from quizapp import generation

    _stage(session, job, 10, "Reading the article")
    row = session.get(Article, job.article_id)
    article = generation.Article(title=row.title, text=row.text, source=row.source,
                                 published=row.published, licence=row.licence,
                                 attribution=row.attribution)
    others = [b for b in corpus_banks(questions_dir) if b["article"]["sha256"] != row.sha256]
    if not _ONE_AT_A_TIME.acquire(blocking=False):
        _stage(session, job, 15, "Waiting for another article to finish")
        _ONE_AT_A_TIME.acquire()
    try:
        _stage(session, job, 25, "Loading the language model and finding facts")
        bank = generate(article, corpus_entities=generation.corpus_entities(others),
                        rng=random.Random(row.sha256))
    finally:
        _ONE_AT_A_TIME.release()
    count = len(bank["questions"])
    _stage(session, job, 85, f"Saving {count} questions for review")
    qset = _set_for(session, job, row)
    bank["title"] = qset.title
    banks.import_bank(session, bank, owner=session.get(User, job.owner_id), status="draft",
                      set_slug=qset.slug)
    job.set_id, job.status, job.progress, job.finished_at = qset.id, "done", 100, utcnow()
    job.message = (f"{count} questions are waiting for your review." if count else
                   "No questions could be written from this article: it may be too short.")
    session.commit()


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


# What a child process needs to build the same app; everything else comes from the environment.
CHILD_CONFIG = ("SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_ENGINE_OPTIONS", "SECRET_KEY",
                "QUESTIONS_DIR", "SEEDS_DIR", "TESTING")
_SPAWN = multiprocessing.get_context("spawn")  # no fork of a threaded web worker


def run_in_child(config: dict, job_id: int) -> None:
    """The child process: an app of its own, the job, and exit (taking the model with it)."""
    from quizapp import create_app
    from quizapp.extensions import db

    app = create_app(config)
    with app.app_context():
        try:
            run_job(db.session, job_id, questions_dir=app.config.get("QUESTIONS_DIR"))
        finally:
            db.session.remove()
            db.engine.dispose()


def _set_status(app: Flask, job_id: int, message: str, *, failed: bool = False) -> None:
    from quizapp.extensions import db

    with app.app_context():
        try:
            job = db.session.get(GenerationJob, job_id)
            if job is not None and job.status in RUNNING:
                job.message = message
                if failed:
                    job.status, job.finished_at = "failed", utcnow()
                db.session.commit()
        finally:
            db.session.remove()


def launch(app: Flask, job_id: int) -> threading.Thread:
    """Run the job in a child process; the watching thread is kept in ``app.extensions``."""
    config = {key: app.config[key] for key in CHILD_CONFIG if key in app.config}

    def watch():
        if not _ONE_AT_A_TIME.acquire(blocking=False):
            _set_status(app, job_id, "Waiting for another article to finish")
            _ONE_AT_A_TIME.acquire()
        try:
            child = _SPAWN.Process(target=run_in_child, args=(config, job_id),
                                   name=f"quizapp-generation-{job_id}", daemon=True)
            child.start()
            child.join()
        finally:
            _ONE_AT_A_TIME.release()
        if child.exitcode != 0:
            app.logger.error("generation job %s: child exited with %s", job_id, child.exitcode)
            _set_status(app, job_id, "The questions could not be generated: an error in "
                        "quizapp (it is logged).", failed=True)

    thread = threading.Thread(target=watch, name=f"generation-job-{job_id}", daemon=True)
    app.extensions.setdefault("generation_threads", {})[job_id] = thread
    thread.start()
    return thread


def wait(app: Flask, job_id: int, timeout: float = 120) -> None:
    """Block until the job's thread has finished (for tests and commands)."""
    thread = app.extensions.get("generation_threads", {}).get(job_id)
    if thread is not None:
        thread.join(timeout)
