"""Import and export in the browser: our bank JSON, Anki .apkg (export), Moodle GIFT, Moodle
XML and CSV. An import reports every problem with its line or question and writes nothing
when the file is invalid."""
from __future__ import annotations

import re

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.clock import utcnow
from quizapp.errors import TOO_LARGE_FORMS, render_error, too_large_message
from quizapp.extensions import db
from quizapp.formats import FORMATS, MAX_IMPORT_BYTES, FormatError, import_questions
from quizapp.formats.common import megabytes
from quizapp.roles import role_required
from quizapp.services import authoring, banks, catalogue
from quizapp.teacher import bp
from quizapp.teacher.access import owned_set
from quizapp.teacher.forms import ImportForm, options

NEW_SET = 0


class UnnamedSet(ValueError):
    """A new set is asked for and neither the teacher nor the file names it."""


def download_name(qset, fmt: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", qset.slug) + FORMATS[fmt].extension


@bp.route("/sets/<int:set_id>/export/<fmt>")
@role_required("teacher")
def export_set(set_id, fmt):
    qset = owned_set(set_id)
    if fmt not in FORMATS:
        abort(404)
    try:
        data = authoring.export_set(qset, fmt, now=utcnow(),
                                   drafts=request.args.get("drafts") == "1")
    except FormatError as exc:
        flash(f"This set cannot be exported as {FORMATS[fmt].label}: {exc}", "error")
        return redirect(url_for("teacher.set_page", set_id=set_id))
    return Response(data, mimetype=FORMATS[fmt].media_type, headers={
        "Content-Disposition": f'attachment; filename="{download_name(qset, fmt)}"',
        "X-Content-Type-Options": "nosniff"})


def import_form(**kwargs) -> ImportForm:
    form = ImportForm(target=request.args.get("set", NEW_SET, type=int), **kwargs)
    form.target.choices = options(
        [(NEW_SET, "the set named in the file (new unless you have it)")]
        + [(s.id, s.title) for s in catalogue.teacher_sets(db.session, current_user)])
    return form


UNNAMED = ("The file does not name its set (it has no $CATEGORY line): give the new set a "
           "name here and choose the file again, or import into one of your sets.")


def target_set(form: ImportForm, result):
    """The chosen set, or a new one named by the teacher or the file (never only by the file's
    name when its format has a place for a name); a bank file's article comes along."""
    if form.target.data == NEW_SET:
        title = (form.title.data or "").strip() or (result.title if result.named else None)
        if title is None:
            raise UnnamedSet(UNNAMED)
        qset, _ = authoring.create_set(db.session, current_user, title)
    else:
        qset = owned_set(form.target.data)
    if result.article and result.article.get("text") and qset.article_id is None:
        qset.article = banks.upsert_article(db.session, result.article, current_user)
    return qset


def import_upload(form: ImportForm, upload):
    """Import the uploaded file; returns (set, counts, skipped), or raises FormatError."""
    result = import_questions(upload.read(), filename=upload.filename)
    qset = target_set(form, result)
    return qset, authoring.import_into_set(db.session, qset, result.questions,
                                           status=form.status.data), result.skipped


def skipped_message(skipped: list[str], shown: int = 10) -> str:
    """The questions a file held that quizapp has no kind for, each with its place."""
    more = f"; and {len(skipped) - shown} more" if len(skipped) > shown else ""
    return (f"{len(skipped)} question{'s' if len(skipped) != 1 else ''} not imported: "
            + "; ".join(skipped[:shown]) + more + ".")


def too_large():
    """The import page again with the over-size upload's message on its file field."""
    message = too_large_message(megabytes(MAX_IMPORT_BYTES))
    if not (current_user.is_authenticated and current_user.is_teacher):
        return render_error(413, message)
    form = import_form(formdata=None)
    form.upload.errors = [message]
    return render_template("teacher/import.html", form=form, problems=[],
                           formats=FORMATS), 413


TOO_LARGE_FORMS["teacher.import_file"] = too_large


@bp.route("/import", methods=["GET", "POST"])
@role_required("teacher")
def import_file():
    form = import_form()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors = ["Choose a file to import."]
        else:
            try:
                qset, counts, skipped = import_upload(form, upload)
            except FormatError as exc:
                problems = exc.problems
            except UnnamedSet as exc:
                db.session.rollback()
                form.title.errors = [str(exc)]
            else:
                db.session.commit()
                flash(f"Imported into {qset.title}: {counts['created']} new, "
                      f"{counts['updated']} updated, {counts['unchanged']} unchanged.",
                      "success")
                if skipped:
                    flash(skipped_message(skipped), "error")
                return redirect(url_for("teacher.set_page", set_id=qset.id))
    return render_template("teacher/import.html", form=form, problems=problems,
                           formats=FORMATS), 400 if (form.errors or problems) else 200
