"""The class report's tables as CSV, one file a table, through the gradebook's cells (which a
spreadsheet will not run as formulas). Figures are written as plain numbers: shares 0–1 with
three decimals, blank where there is nothing to show."""
from __future__ import annotations

import csv
import io
from datetime import datetime

from sqlalchemy.orm import Session

from quizapp.services import class_progress, class_report
from quizapp.services.class_report import ClassData
from quizapp.services.gradebook import cell


def number(value, digits: int = 3) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def moment(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def write(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def roster_csv(session: Session, data: ClassData) -> str:
    rows = class_report.roster(session, data)
    return write(
        ["student", "email", "last active (UTC)", "days active (last 14)", "reviews this week",
         "minutes this week", "backlog", "30-day retention", "retention reviews",
         "mastery of assigned sets", "latest quiz", "at risk because"],
        ([r.student.name, r.student.email, moment(r.last_active), r.activity.days_active,
          r.activity.reviews_week, number(r.activity.minutes_week, 1), r.backlog,
          number(r.retention.rate), r.retention.reviews, number(r.mastery.mastery),
          number(r.latest_quiz), "; ".join(r.flags)] for r in rows))


def categories_csv(session: Session, data: ClassData) -> str:
    categories = class_report.categories_present(data)
    rows = class_report.roster(session, data)
    return write(["student", *categories],
                 ([r.student.name, *(number(r.categories[c].mastery) if c in r.categories
                                     else "" for c in categories)] for r in rows))


def sets_csv(session: Session, data: ClassData) -> str:
    return write(["set", "questions", "done", "in progress", "not started"],
                 ([s.title, s.questions, s.counts.done, s.counts.in_progress,
                   s.counts.not_started] for s in class_progress.set_completion(data)))


def quizzes_csv(session: Session, data: ClassData) -> str:
    return write(["quiz", "done", "in progress", "not started", "mean score"],
                 ([q.quiz.title, q.counts.done, q.counts.in_progress, q.counts.not_started,
                   number(q.mean)]
                  for q in class_progress.quiz_completion(session, data)))


def scores_csv(session: Session, data: ClassData) -> str:
    bins = [f"{10 * i}–{10 * i + 10}%" for i in range(10)]
    return write(["quiz", *bins], ([q.quiz.title, *q.bins]
                                   for q in class_progress.quiz_completion(session, data)))


def forecast_csv(forecast: class_progress.ClassForecast) -> str:
    """Each student's expected share of the set, then the questions most likely forgotten."""
    f = forecast.forecast
    students = [["student", forecast.students[s].name, number(share),
                 "under 50%" if s in f.at_risk else ""]
                for s, share in sorted(f.shares.items(), key=lambda item: item[1])]
    questions = [["question", forecast.prompts.get(q.question_id, ""), number(q.mean_recall), ""]
                 for q in f.likely_forgotten]
    return write(["row", f"{forecast.title} on {forecast.exam_at:%Y-%m-%d %H:%M %Z}",
                  "expected recall", "note"], [*students, *questions])


# Every table of the class report, by the name in its CSV address. The forecast also needs the
# set and the exam date from the query string, so the view writes it itself.
TABLES = {"roster": roster_csv, "categories": categories_csv, "sets": sets_csv,
          "quizzes": quizzes_csv, "scores": scores_csv, "forecast": None}
