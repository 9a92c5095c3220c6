"""A set from an article: paste, upload or pick one from the library; the generator runs on the
task queue while a page shows its progress (and can cancel it); then the review queue."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from flask import current_app, flash, jsonify, redirect, render_template, url_for
from flask_login import current_user

from quizapp.bank import article_problems
from quizapp.errors import TOO_LARGE_FORMS, render_error, too_large_message
from quizapp.extensions import db
from quizapp.generation.article import MAX_BYTES, ArticleError, read_article
from quizapp.roles import role_required
from quizapp.services import generation_jobs
from quizapp.tasks import queue_generation
from quizapp.teacher import bp
from quizapp.teacher.access import owned_job
from quizapp.teacher.forms import ActionForm, ArticleForm, options

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")


def library() -> dict[str, Path]:
    """The articles in ``SEEDS_DIR``, by file name."""
    folder = Path(current_app.config["SEEDS_DIR"])
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix.lower() in SEED_SUFFIXES}


def library_label(path: Path) -> str:
    """An article's title for the picker (reading a file is quick: no language model)."""
    try:
        return f"{read_article(path).title} ({path.name})"
    except ArticleError:
        return path.name


def article_from(form: ArticleForm):
    """The Article the form names: the upload, else the library pick, else the pasted text."""
    upload = form.upload.data
    if upload and getattr(upload, "filename", ""):
        # Read whole (the request limit bounds it) so an over-size file is told its real size.
        return read_article(upload.read(), filename=Path(upload.filename).name)
    if form.seed.data:
        path = library().get(form.seed.data)
        if path is None:
            raise ArticleError("That article is not in the library.")
        return read_article(path)
    if not (form.text.data or "").strip():
        raise ArticleError("Paste an article, upload a file or pick one from the library.")
    return read_article(form.text.data)


def with_title(article, title: str | None):
    if not (title or "").strip():
        return article
    return dataclasses.replace(article, title=title.strip())


def checked(article):
    """The article, or ArticleError naming each field too long or wrong to store."""
    problems = article_problems(article.as_bank_article())
    if problems:
        raise ArticleError("The article cannot be saved: " + "; ".join(problems) + ".")
    return article


def article_form(**kwargs) -> ArticleForm:
    form = ArticleForm(**kwargs)
    form.seed.choices = options([("", "(none)")] + [(name, library_label(path))
                                                    for name, path in library().items()])
    return form


def add_error(field, message: str) -> None:
    field.errors = [*field.errors, message]


def too_large():
    """The article page again, empty, with the over-size upload's message on its file field."""
    message = too_large_message(f"{MAX_BYTES:,} bytes")
    if not (current_user.is_authenticated and current_user.is_teacher):
        return render_error(413, message)
    form = article_form(formdata=None)
    add_error(form.upload, message)
    return render_template("teacher/article_new.html", form=form), 413


TOO_LARGE_FORMS["teacher.new_article"] = too_large


@bp.route("/articles/new", methods=["GET", "POST"])
@role_required("teacher")
def new_article():
    form = article_form()
    if form.validate_on_submit():
        uploaded = bool(form.upload.data and getattr(form.upload.data, "filename", ""))
        try:
            article = checked(with_title(article_from(form), form.title.data))
        except ArticleError as exc:
            add_error(form.upload if uploaded else form.text, str(exc))
        else:
            row = generation_jobs.save_article(db.session, current_user, article)
            if row.title != article.title:
                flash(f"You gave this article before, as “{row.title}”: it keeps that title.",
                      "info")
            job, created = generation_jobs.start_job(db.session, current_user, row)
            job_id = job.id
            db.session.commit()
            if created:
                queue_generation(job_id)
            return redirect(url_for("teacher.job", job_id=job_id))
    return render_template("teacher/article_new.html", form=form), 400 if form.errors else 200


def job_state(job) -> dict:
    return {"status": job.status, "progress": job.progress, "message": job.message,
            "sentences_read": job.sentences_read, "sentences_total": job.sentences_total,
            "questions_written": job.questions_written,
            "review_url": url_for("teacher.review", set_id=job.set_id) if job.set_id else None}


@bp.route("/jobs/<int:job_id>")
@role_required("teacher")
def job(job_id):
    job = owned_job(job_id)
    if job.status == "done" and job.set_id:
        flash(job.message, "success")
        return redirect(url_for("teacher.review", set_id=job.set_id))
    return render_template("teacher/job.html", job=job, state=job_state(job), cancel=ActionForm())


@bp.route("/jobs/<int:job_id>/cancel", methods=["POST"])
@role_required("teacher")
def cancel_job(job_id):
    job = owned_job(job_id)
    if not ActionForm().validate_on_submit():
        flash("Cancel could not be read; the job goes on.", "error")
    elif generation_jobs.cancel_job(db.session, job):
        db.session.commit()
        flash("The job is cancelled.", "info")
    else:
        flash("The job had already ended.", "info")
    return redirect(url_for("teacher.job", job_id=job_id))


@bp.route("/jobs/<int:job_id>.json")
@role_required("teacher")
def job_json(job_id):
    return jsonify(job_state(owned_job(job_id)))
