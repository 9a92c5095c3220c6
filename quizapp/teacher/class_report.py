"""The class report: a roster with at-risk flags, the category heat map, the recall forecast for
an exam date, completion and scores; each table also as CSV. Read-only, so its forms are GET."""
from __future__ import annotations

from flask import Response, render_template, request
from flask_login import current_user
from wtforms import DateField, Form, SelectField
from wtforms.validators import InputRequired

from quizapp.clock import utcnow
from quizapp.errors import render_error
from quizapp.extensions import db
from quizapp.reports.classes import heat_columns, shade
from quizapp.roles import role_required
from quizapp.scheduling import study_day
from quizapp.services import class_progress, report_tables
from quizapp.services import class_report as service
from quizapp.teacher import bp
from quizapp.teacher.access import owned_class
from quizapp.teacher.forms import options


class ForecastForm(Form):
    """The set and the exam date for the recall forecast (GET: it changes nothing)."""

    set = SelectField("Set to forecast", coerce=int, validators=[InputRequired()])
    exam = DateField("Exam date", validators=[InputRequired()])


def forecast_for(data, form: ForecastForm):
    """(forecast or None, problem or None) for the form in the query string."""
    form.set.choices = options(data.sets)
    if "set" not in request.args and "exam" not in request.args:
        return None, None
    if not form.validate():
        return None, " ".join(f"{form[name].label.text}: {' '.join(errors)}"
                              for name, errors in form.errors.items())
    today = study_day(data.now, current_user.timezone, current_user.rollover_hour)
    if form.exam.data < today:
        form.exam.errors = ["The exam date must be today or later."]
        return None, form.exam.errors[0]
    try:
        return class_progress.class_forecast(db.session, data, form.set.data,
                                             class_progress.exam_moment(form.exam.data,
                                                                        current_user)), None
    except ValueError as exc:
        form.set.errors = [str(exc).capitalize() + "."]
        return None, form.set.errors[0]


def sort_order() -> tuple[str, bool] | str:
    """(sort key, descending) from ``?sort=&dir=``, or the problem with them."""
    key, direction = request.args.get("sort", "name"), request.args.get("dir", "asc")
    if key not in service.SORTS:
        return f"The roster cannot be sorted by {key!r}: use one of {', '.join(service.SORTS)}."
    if direction not in ("asc", "desc"):
        return f"The sort direction must be asc or desc, not {direction!r}."
    return key, direction == "desc"


def report_context(school_class, data, order) -> tuple[dict, bool]:
    """Everything the report page shows, and whether the forecast form had a problem."""
    form = ForecastForm(request.args)
    forecast, problem = forecast_for(data, form)
    rows = service.roster(db.session, data)
    categories = service.categories_present(data)
    return {"school_class": school_class, "data": data, "form": form, "sort": order,
            "rows": service.sorted_roster(rows, *order), "forecast": forecast,
            "categories": categories, "shade": shade, "problem": problem,
            "columns": heat_columns({r.student.id: r.categories for r in rows}, categories),
            "sets": class_progress.set_completion(data),
            "quizzes": class_progress.quiz_completion(db.session, data)}, problem is not None


@bp.route("/classes/<int:class_id>/report")
@role_required("teacher")
def class_report(class_id):
    school_class, order = owned_class(class_id), sort_order()
    if isinstance(order, str):
        return render_error(400, order)
    data = service.load(db.session, school_class, utcnow())
    context, problem = report_context(school_class, data, order)
    return render_template("teacher/class_report.html", **context), 400 if problem else 200


@bp.route("/classes/<int:class_id>/report/<any(" + ", ".join(report_tables.TABLES)
          + "):report_table>.csv")
@role_required("teacher")
def class_report_csv(class_id, report_table):
    table = report_table
    school_class = owned_class(class_id)
    data = service.load(db.session, school_class, utcnow())
    if table == "forecast":
        forecast, problem = forecast_for(data, ForecastForm(request.args))
        if forecast is None:
            return render_error(400, problem or "Choose a set and an exam date to forecast.")
        text = report_tables.forecast_csv(forecast)
    else:
        text = report_tables.TABLES[table](db.session, data)
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="class-{class_id}-{table}.csv"'})
