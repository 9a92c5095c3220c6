"""The tables of a progress page as plain rows, for CSV export: the numbers beside each chart.

Each table is (header, rows); cells go through the gradebook's ``cell`` so that no text a
teacher or an article wrote runs as a spreadsheet formula. Shares are decimals (0.85).
"""
from __future__ import annotations

import csv
import io

from quizapp.services.gradebook import cell
from quizapp.services.progress import CATEGORIES, WINDOWS, Progress

TABLES = ("due", "calendar", "retention", "sets", "categories", "history", "knowledge",
          "lapses", "quizzes")


def share(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def due_table(p: Progress):
    rows = [["before today (backlog)", p.due.backlog]]
    rows += [[day.isoformat(), count] for day, count in p.due.days]
    return ["study day", "cards due"], rows


def calendar_table(p: Progress):
    return ["study day", "reviews"], [[day.isoformat(), n] for day, n in p.activity.days]


def retention_table(p: Progress):
    rows = []
    for days in WINDOWS:
        for label in ("overall", "young", "mature"):
            f = getattr(p.retention[days], label)
            rows.append([days, label, f.reviews, f.passed, share(f.rate), share(f.predicted),
                         share(p.desired_retention)])
    return (["last days", "which cards", "reviews", "passed", "true retention",
             "mean predicted recall", "desired retention"], rows)


def sets_table(p: Progress):
    return (["set", "questions", "seen", "coverage", "mean recall of seen", "mastery", "reading"],
            [[s.title, s.mastery.questions, s.mastery.seen, share(s.mastery.coverage),
              share(s.mastery.mean_recall), share(s.mastery.mastery), s.reading]
             for s in p.sets])


def categories_table(p: Progress):
    return (["category", "questions", "seen", "coverage", "mean recall of seen", "mastery"],
            [[c, m.questions, m.seen, share(m.coverage), share(m.mean_recall),
              share(m.mastery)] for c, m in p.categories.items()])


def knowledge_table(p: Progress):
    return (["days from now", "expected cards recalled"],
            [[k.days_ahead, f"{k.expected_recalled:.2f}"] for k in p.knowledge])


def history_table(p: Progress):
    return (["study day", "expected cards recalled"],
            [[day.isoformat(), f"{total:.2f}"] for day, total in p.history])


def lapses_table(p: Progress):
    return (["question", "answer", "source sentence", "set", "lapses"],
            [[x.prompt, x.answer, x.source_text or "", x.set_title, x.lapses] for x in p.lapses])


def quizzes_table(p: Progress):
    header = ["quiz", "attempt", "submitted (UTC)", "seconds used", "score", "max score",
              *(f"{c} right/asked" for c in CATEGORIES)]
    rows = []
    for q in p.quizzes:
        cats = q.categories or {}
        rows.append([q.quiz_title, q.number, q.submitted_at.strftime("%Y-%m-%d %H:%M"),
                     q.seconds, "" if q.score is None else f"{q.score:g}", f"{q.max_score:g}",
                     *(f"{cats[c][0]}/{cats[c][1]}" if c in cats else "" for c in CATEGORIES)])
    return header, rows


BUILDERS = {"due": due_table, "calendar": calendar_table, "retention": retention_table,
            "sets": sets_table, "categories": categories_table, "history": history_table,
            "knowledge": knowledge_table, "lapses": lapses_table, "quizzes": quizzes_table}


def table_csv(p: Progress, name: str) -> str:
    """One table of the page as CSV text; a KeyError for a table that does not exist."""
    header, rows = BUILDERS[name](p)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([cell(h) for h in header])
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()
