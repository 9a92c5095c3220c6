"""Sets: list and create, the set page (questions, assignments, export), edit, publish,
duplicate, assign to classes and unassign."""
from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.bank.format import shorten_title
from quizapp.extensions import db
from quizapp.formats import FORMATS
from quizapp.roles import role_required
from quizapp.services import authoring, catalogue, set_questions
from quizapp.services import classes as class_service
from quizapp.teacher import bp
from quizapp.teacher.access import owned_class, owned_set
from quizapp.teacher.forms import ActionForm, AssignForm, MoveForm, SetBulkForm, SetForm, options
from quizapp.templating import counted


@bp.route("/sets", methods=["GET", "POST"])
@role_required("teacher")
def sets():
    form = SetForm()
    if form.validate_on_submit():
        qset, created = authoring.create_set(db.session, current_user, form.title.data,
                                             form.description.data or "")
        db.session.commit()
        flash(f"Set {qset.title} created: add its first question." if created else
              f"You already have a set called {qset.title}.", "success" if created else "info")
        return redirect(url_for("teacher.set_page", set_id=qset.id))
    sets = catalogue.teacher_sets(db.session, current_user)
    return render_template("teacher/sets.html", form=form, sets=sets,
                           counts=catalogue.question_counts(db.session, sets)), \
        400 if form.errors else 200


def assign_form(qset, *, offered_only: bool = False) -> AssignForm:
    """The open classes to assign the set to; shown, only those it is not assigned to yet
    (an assigned class's dates are changed beside it, through the same route)."""
    form = AssignForm()
    assigned = {a.class_id for a in qset.assignments} if offered_only else set()
    form.class_id.choices = options((c.id, c.name) for c in
                             catalogue.teacher_classes(db.session, current_user)
                             if c.archived_at is None and c.id not in assigned)
    return form


def move_form(qset) -> MoveForm:
    form = MoveForm()
    form.target.choices = options((s.id, s.title) for s in
                           catalogue.teacher_sets(db.session, current_user) if s.id != qset.id)
    return form


@bp.route("/sets/<int:set_id>")
@role_required("teacher")
def set_page(set_id):
    qset = owned_set(set_id)
    counts = catalogue.question_counts(db.session, [qset])[qset.id]
    counts = {s: counts.get(s, 0) for s in ("draft", "approved", "rejected", "retired")}
    status = request.args.get("status") if request.args.get("status") in ("draft",
                                                                          "approved") else None
    shown = set_questions.page_of(db.session, qset, status,
                                  request.args.get("page", 1, type=int))
    return render_template("teacher/set.html", qset=qset, counts=counts, shown=shown,
                           status=status, bulk=bulk_form(qset),
                           assign=assign_form(qset, offered_only=True),
                           copy_title=authoring.copy_title(db.session, qset, current_user),
                           action=ActionForm(), formats=FORMATS)


def bulk_form(qset) -> SetBulkForm:
    form = SetBulkForm()
    form.target.choices = move_form(qset).target.choices
    return form


BULK_DONE = {"approve": "approved", "draft": "sent back to drafts", "delete": "deleted"}


@bp.route("/sets/<int:set_id>/bulk", methods=["POST"])
@role_required("teacher")
def set_bulk(set_id):
    qset = owned_set(set_id)
    form = bulk_form(qset)
    try:
        if not form.validate_on_submit():
            raise authoring.AuthoringError("Choose what to do with the ticked questions.")
        target = owned_set(form.target.data) if form.action.data == "move" and \
            form.target.data in {c.value for c in form.target.choices} else None
        count = set_questions.bulk_change(db.session, qset, form.ids.data, form.action.data,
                                          target)
    except authoring.AuthoringError as exc:
        db.session.rollback()
        flash(f"{exc} Nothing was changed.", "error")
    else:
        db.session.commit()
        done = f"moved to {target.title}" if target else BULK_DONE[form.action.data]
        flash(f"{counted(count, 'question')} {done}.", "success")
    return redirect(url_for("teacher.set_page", set_id=set_id))


@bp.route("/sets/<int:set_id>/edit", methods=["GET", "POST"])
@role_required("teacher")
def edit_set(set_id):
    qset = owned_set(set_id)
    form = SetForm(obj=qset)
    if form.validate_on_submit():
        qset.title, qset.description = form.title.data.strip(), form.description.data or ""
        db.session.commit()
        flash("Set saved.", "success")
        return redirect(url_for("teacher.set_page", set_id=set_id))
    return render_template("teacher/set_edit.html", qset=qset, form=form), \
        400 if form.errors else 200


@bp.route("/sets/<int:set_id>/publish", methods=["POST"], defaults={"published": True})
@bp.route("/sets/<int:set_id>/unpublish", methods=["POST"], endpoint="unpublish_set",
          defaults={"published": False})
@role_required("teacher")
def publish_set(set_id, published):
    qset = owned_set(set_id)
    if ActionForm().validate_on_submit():
        qset.published = published
        db.session.commit()
        flash("Published: students of its classes see its approved questions." if published
              else "Unpublished: students no longer see this set.", "success")
    return redirect(url_for("teacher.set_page", set_id=set_id))


@bp.route("/sets/<int:set_id>/duplicate", methods=["POST"])
@role_required("teacher")
def duplicate_set(set_id):
    qset = owned_set(set_id)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("teacher.set_page", set_id=set_id))
    title = shorten_title(request.form.get("title") or "", authoring.TITLE_MAX) or None
    copy = authoring.duplicate_set(db.session, qset, current_user, title)
    db.session.commit()
    flash(f"{copy.title} is an unpublished copy; assign it when it is ready.", "success")
    return redirect(url_for("teacher.set_page", set_id=copy.id))


def start_of_day(day) -> datetime | None:
    """Midnight of ``day`` in the teacher's time zone."""
    if day is None:
        return None
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(current_user.timezone or "UTC"))


@bp.route("/sets/<int:set_id>/assign", methods=["POST"])
@role_required("teacher")
def assign_set(set_id):
    qset = owned_set(set_id)
    form = assign_form(qset)
    if form.validate_on_submit():
        school_class = owned_class(form.class_id.data)
        _, created = class_service.set_assignment(db.session, school_class, qset.id,
                                                  start_of_day(form.starts_on.data),
                                                  form.due_on.data)
        db.session.commit()
        when = f" from {form.starts_on.data:%d %B %Y}" if form.starts_on.data else ""
        when += f", due {form.due_on.data:%d %B %Y}" if form.due_on.data else ""
        flash(f"{'Assigned to' if created else 'Updated for'} {school_class.name}{when}.",
              "success")
    elif form.due_on.errors:
        flash(f"{form.due_on.errors[0]} Nothing was changed.", "error")
    else:
        flash("Choose one of your open classes (and valid dates, if any).", "error")
    return redirect(url_for("teacher.set_page", set_id=set_id))


@bp.route("/sets/<int:set_id>/unassign/<int:class_id>", methods=["POST"])
@role_required("teacher")
def unassign_set(set_id, class_id):
    qset, school_class = owned_set(set_id), owned_class(class_id)
    if ActionForm().validate_on_submit() and class_service.unassign(db.session, school_class,
                                                                    qset.id):
        db.session.commit()
        flash(f"{qset.title} is no longer assigned to {school_class.name}.", "success")
    return redirect(url_for("teacher.set_page", set_id=set_id))
