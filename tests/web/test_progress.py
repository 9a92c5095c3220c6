"""A student's progress page and a teacher's drill-down into one student, on a small hand-made
class whose every figure is worked out by hand below (not by the code under test).

NOW is Wed 2 Dec 2026 12:00 UTC; Kim's zone is UTC with the 4 am rollover, so today is the
study day 2 Dec (D) and D-n is n days before. Set "Harbour" holds q1, q2 (who) and q3, q4
(where); set "Election" holds q5 (when) and q6 (number). Both are assigned to Kim's class.

The review log (all at 10:00 unless said):
- q3: every day from D-25 to D-2 (24 reviews, each setting a 1-day interval). The first has no
  previous review; the next 23 come 1 study day after the previous: counted. The first five of
  those (D-24 … D-20) are Again, the other 18 pass. Predicted recall of each: the 1-day
  interval reviewed after 1 day is the desired retention, 0.9.
- q4: D-35 (setting a 30-day interval), then D-5, Again, 30 days later: counted, mature, failed,
  predicted 0.9. (D-35 is outside every window but is the previous review that counts it.)
- q1: today at 08:00 (Again, 40 s) and 08:10 (Good, 50 s): the first and a same-day repeat,
  neither counted for retention.
- q3 at D-1: Again, undone: it counts nowhere.

So true retention over 30 and 365 days: 23 + 1 = 24 reviews, 18 passed = 75 %, predicted
90 %; young 23 reviews, 18 passed = 78 %; mature 1 review: not enough data (1 of 20). Over 7
days: q3 D-6 … D-2 (5) and q4 D-5 (1): 6 reviews, not enough data (6 of 20).
Today: 2 reviews, 90 s (1 minute), 1 failed of 2 = 50 %. Calendar: studied on D-35, D-25 …
D-2 (24 days) and D: 26 days, 28 reviews; D-1 has only the undone review, so the streak is 1.

Cards (each last reviewed one stability ago, so each recall now is FSRS's 0.9 exactly):
q1 learning, due tomorrow 09:00 (D+1); q3 review, due D+3; q4 review, 3 lapses, due
D-3 (overdue: backlog 1, due now 1). q2, q5, q6 unseen. Due later today: 0; next review after
now: tomorrow at 9:00. Due forecast: 0 today, 1 on D+1, 1 on D+3: 2 in 30 days.
Mastery: who 1 seen of 2, recall 0.9, mastery 0.9 / 2 = 45 %; where 2 of 2, 90 %, 90 %;
when 0 of 1; number 0 of 1. Harbour: 3 of 4 seen, mastery 2.7 / 4 = 0.675 (68 %): places 90 %
but people 45 %: "You know the places but not the people." Election: not started.
Over all: places best, dates and numbers least (ties go by name: "when" last): "You know the
places but not the dates." Knowledge today: ΣR = 3 × 0.9 = 2.7.
Knowledge over time, at 12:00 on each of the last 12 weeks' Wednesdays (D-84 … D-7) and
now: nothing reviewed before D-35, so 0 up to D-42; on D-35 q4 was reviewed that morning
(recall 1); on D-28 q4 is 7 days into its 30-day interval (q3 starts on D-25); from D-21
on, q3 was also reviewed that very morning (1 more); today q4 is 5 days into a 1-day
interval and q3 2 days into one (the undone D-1 review does not count), q1 only in its
learning steps (left out).
Lapses: q4 only (forgotten 3 times); q3's 1 lapse is under the 2 that "keep failing" needs.
Quizzes: "Harbour quiz", 3 answers (who right, who wrong, where right): 2 / 3 = 67 %, in
5 min 30 s, people 1/2, places 1/1. "Closed quiz" shows results only when it closes (next
week): the student sees no score yet, the teacher sees 1 / 1.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import (
    Card, Enrolment, Question, QuestionSet, Quiz, QuizAnswer, QuizAttempt, Review)
from quizapp.scheduling import Phase
from quizapp.services import classes
from quizapp.templating import local_when

NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)
D = date(2026, 12, 2)
SOURCE = "The harbour at Dunmore was rebuilt in 1880 by the town council."


def at(days_before: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(D - timedelta(days=days_before), datetime.min.time(),
                            tzinfo=UTC).replace(hour=hour, minute=minute)


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    monkeypatch.setattr("quizapp.student.progress.utcnow", lambda: NOW)
    monkeypatch.setattr("quizapp.teacher.student_report.utcnow", lambda: NOW)


def question(qset, n, category, **extra):
    q = Question(set_id=qset.id, uid=f"q{n}", kind="short", category=category,
                 prompt=f"Question {n}?", answer=f"Answer {n}", status="approved", position=n,
                 **extra)
    db.session.add(q)
    return q


REQUESTS = itertools.count()


def review(student, q, when, rating, interval=None, seconds=None, undone=False):
    db.session.add(Review(user_id=student.id, question_id=q.id, rating=rating,
                          reviewed_at=when, study_day=(when - timedelta(hours=4)).date(),
                          duration_ms=None if seconds is None else seconds * 1000,
                          request_id=f"r{next(REQUESTS)}", interval_days=interval,
                          undone_at=when if undone else None))


def card(student, q, phase, last, due, lapses=0):
    stability = (NOW - last).total_seconds() / 86400  # last reviewed one stability ago
    db.session.add(Card(user_id=student.id, question_id=q.id, phase=int(phase),
                        stability=stability, difficulty=5.0, last_review=last, due=due,
                        reps=3, lapses=lapses))


@pytest.fixture
def kim(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    student = make_user("kim@example.com", name="Kim")
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    harbour = QuestionSet(slug="harbour", title="Harbour", owner_id=teacher.id)
    election = QuestionSet(slug="election", title="Election", owner_id=teacher.id)
    db.session.add_all([harbour, election])
    db.session.flush()
    q1, q2 = question(harbour, 1, "who"), question(harbour, 2, "who")
    q3, q4 = question(harbour, 3, "where"), question(harbour, 4, "where", source_text=SOURCE)
    question(election, 5, "when"), question(election, 6, "number")
    db.session.flush()
    for qset in (harbour, election):
        classes.set_assignment(db.session, school_class, qset.id)
    for days in range(25, 1, -1):  # q3: D-25 … D-2; Again on D-24 … D-20
        review(student, q3, at(days), 1 if 20 <= days <= 24 else 3, interval=1)
    review(student, q3, at(1), 1, interval=1, undone=True)
    review(student, q4, at(35), 3, interval=30)
    review(student, q4, at(5), 1, interval=1)
    review(student, q1, at(0, 8), 1, seconds=40)
    review(student, q1, at(0, 8, 10), 3, seconds=50)
    card(student, q1, Phase.LEARNING, at(0, 8, 10), datetime(2026, 12, 3, 9, tzinfo=UTC))
    card(student, q3, Phase.REVIEW, at(2), at(-3, 4), lapses=1)
    card(student, q4, Phase.REVIEW, at(5), at(3, 4), lapses=3)
    quizzes(student, school_class, teacher, q1, q2, q3)
    db.session.commit()
    return student, school_class


def quizzes(student, school_class, teacher, q1, q2, q3):
    open_quiz = Quiz(owner_id=teacher.id, title="Harbour quiz", classes=[school_class])
    closed = Quiz(owner_id=teacher.id, title="Closed quiz", classes=[school_class],
                  shows_when="closed", closes_at=NOW + timedelta(days=7))
    db.session.add_all([open_quiz, closed])
    db.session.flush()
    first = QuizAttempt(quiz_id=open_quiz.id, user_id=student.id, seed="s",
                        started_at=at(1, 9), submitted_at=at(1, 9, 5) + timedelta(seconds=30),
                        score=2.0, max_score=3.0)
    second = QuizAttempt(quiz_id=closed.id, user_id=student.id, seed="s", started_at=at(1, 11),
                         submitted_at=at(1, 11, 2), score=1.0, max_score=1.0)
    db.session.add_all([first, second])
    db.session.flush()
    for q, right in ((q1, True), (q2, False), (q3, True)):
        db.session.add(QuizAnswer(attempt_id=first.id, question_id=q.id, correct=right,
                                  score=1.0 if right else 0.0, given="x"))
    db.session.add(QuizAnswer(attempt_id=second.id, question_id=q3.id, correct=True,
                              score=1.0, given="x"))


def planned(elapsed: int, interval: int) -> float:
    """Recall FSRS-6 planned ``elapsed`` days after a review that set ``interval`` days, by
    hand: its default decay is 0.1542, and at the interval recall is the desired 0.9."""
    decay = -0.1542
    return (1 + elapsed / interval * (0.9 ** (1 / decay) - 1)) ** decay


def text_of(html: str) -> str:
    """The page's words with tags dropped and spaces squeezed, to read sentences in it."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_the_student_sees_each_figure_worked_out_by_hand(kim, actions):
    actions.login("kim@example.com")
    page = actions.client.get("/student/progress")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    words = text_of(html)
    # today
    for label, value in (("Reviews", "2"), ("Minutes", "1"), ("Failed", "50%"),
                         ("Due now", "1"), ("Due later today", "0")):
        assert f"{label} {value}" in words
    assert "1 card is due now. After that, the next review is tomorrow at 9:00" in words
    assert "Study now" in words
    # backlog, activity
    assert "Backlog: 1 card overdue" in words
    assert "2 cards fall due in the next 30 days" in words
    assert "Streak 1 day " in words and "Days studied (last year) 26" in words
    assert "Reviews (last year) 28" in words
    # retention: 30 days row
    assert ("30 days 75% of 24 predicted 90% 78% of 23 predicted 90% "
            "not enough data yet (1 of 20 reviews)") in words
    assert "7 days not enough data yet (6 of 20 reviews)" in words
    # mastery
    assert "You know the places but not the dates." in words
    assert "people 1 / 2 90% 45%" in words and "places 2 / 2 90% 90%" in words
    assert "Harbour 3 / 4 90% 68% You know the places but not the people." in words
    assert "Election 0 / 2 — 0% You have not started this yet." in words
    assert "About 2.7 cards remembered today" in words
    # lapses with the source sentence; the card forgotten once is not listed
    assert "Question 4? Answer: Answer 4 · forgotten 3 times" in words and SOURCE in words
    assert "Question 3?" not in words
    # quizzes: the closed quiz's score is not shown to the student yet
    assert "Harbour quiz" in words and "2 / 3 (67%)" in words and "5 min 30 s" in words
    assert "people 1/2, places 1/1" in words
    assert "Closed quiz" in words and "shown when the quiz closes" in words
    assert "1 / 1" not in words


def test_the_nav_has_progress_and_charts_carry_their_numbers(kim, actions):
    actions.login("kim@example.com")
    html = actions.client.get("/student/progress").get_data(as_text=True)
    assert '<a href="/student/progress">Progress</a>' in html
    assert html.count('<svg class="chart-svg') == 4 and html.count("<h1>") == 1
    assert 'style="' not in html and "<script>" not in html  # the strict CSP holds
    assert html.count('class="bar"') == 30  # one bar a day
    assert html.count('class="cal-') == 365  # one cell a day


def test_each_table_exports_to_csv(kim, actions):
    actions.login("kim@example.com")
    get = actions.client.get
    due = rows_of(get("/student/progress/due.csv"))
    assert due[1] == ["before today (backlog)", "1"]
    assert due[2:5] == [["2026-12-02", "0"], ["2026-12-03", "1"], ["2026-12-04", "0"]]
    assert due[5] == ["2026-12-05", "1"] and len(due) == 2 + 30
    retention = rows_of(get("/student/progress/retention.csv"))
    assert ["30", "overall", "24", "18", "0.750", "0.900", "0.900"] in retention
    assert ["30", "mature", "1", "0", "", "0.900", "0.900"] in retention
    sets = rows_of(get("/student/progress/sets.csv"))
    assert sets[1] == ["Election", "2", "0", "0.000", "", "0.000",
                       "You have not started this yet."]
    assert sets[2][:6] == ["Harbour", "4", "3", "0.750", "0.900", "0.675"]
    categories = rows_of(get("/student/progress/categories.csv"))
    assert categories[1] == ["who", "2", "1", "0.500", "0.900", "0.450"]
    assert rows_of(get("/student/progress/knowledge.csv"))[1] == ["0", "2.70"]
    history = rows_of(get("/student/progress/history.csv"))
    assert [day for day, _ in history[1:]] == [
        (D - timedelta(weeks=k)).isoformat() for k in range(12, -1, -1)]
    assert [float(v) for _, v in history[1:]] == pytest.approx(
        [0] * 7 + [1, planned(7, 30), 1 + planned(14, 30), 1 + planned(21, 30),
                   1 + planned(28, 30), planned(5, 1) + planned(2, 1)], abs=0.005)
    calendar = rows_of(get("/student/progress/calendar.csv"))
    assert calendar[-1] == ["2026-12-02", "2"] and calendar[-2] == ["2026-12-01", "0"]
    lapses = rows_of(get("/student/progress/lapses.csv"))
    assert lapses[1] == ["Question 4?", "Answer 4", SOURCE, "Harbour", "3"]
    quiz_rows = rows_of(get("/student/progress/quizzes.csv"))
    assert quiz_rows[1][:6] == ["Harbour quiz", "1", "2026-12-01 09:05", "330", "2", "3"]
    assert quiz_rows[2][4] == ""  # the closed quiz's score is not out yet
    assert get("/student/progress/nothing.csv").status_code == 404


def test_the_teacher_sees_the_same_figures_for_their_class(kim, actions):
    student, school_class = kim
    actions.login("t@example.com")
    url = f"/teacher/classes/{school_class.id}/students/{student.id}"
    words = text_of(actions.client.get(url).get_data(as_text=True))
    assert "Kim: progress in Year 9 history" in words
    assert "Kim knows the places but not the dates." in words
    assert "Harbour 3 / 4 90% 68% Kim knows the places but not the people." in words
    assert "30 days 75% of 24 predicted 90%" in words
    assert "Closed quiz" in words and "1 / 1 (100%)" in words  # teachers see every score
    assert "Study now" not in words
    class_page = actions.client.get(f"/teacher/classes/{school_class.id}").get_data(as_text=True)
    assert f'href="{url}"' in class_page
    quiz_rows = rows_of(actions.client.get(f"{url}/quizzes.csv"))
    assert quiz_rows[2][4] == "1"


def test_a_student_outside_the_class_is_hidden(kim, actions, make_user):
    _, school_class = kim
    other = make_user("sam@example.com")
    actions.login("t@example.com")
    assert actions.client.get(
        f"/teacher/classes/{school_class.id}/students/{other.id}").status_code == 404
    assert actions.client.get(
        f"/teacher/classes/{school_class.id}/students/{other.id}/due.csv").status_code == 404


def test_the_drill_down_covers_only_the_class_material(kim, actions, make_user, make_class):
    """Another teacher's set and quiz the student also has stay out of this teacher's report."""
    student, school_class = kim
    other_teacher = make_user("o@example.com", "teacher")
    other_class = make_class(other_teacher, "Chess club")
    db.session.add(Enrolment(class_id=other_class.id, student_id=student.id))
    chess = QuestionSet(slug="chess", title="Chess openings", owner_id=other_teacher.id)
    db.session.add(chess)
    db.session.flush()
    q = question(chess, 7, "what")
    db.session.flush()
    classes.set_assignment(db.session, other_class, chess.id)
    review(student, q, at(1), 3, seconds=20)
    card(student, q, Phase.REVIEW, at(1), at(-5, 4), lapses=4)
    db.session.commit()
    actions.login("t@example.com")
    words = text_of(actions.client.get(
        f"/teacher/classes/{school_class.id}/students/{student.id}").get_data(as_text=True))
    assert "Chess openings" not in words and "Question 7?" not in words
    assert "Streak 1 day " in words  # D-1's chess review is not this class's
    actions.logout()
    actions.login("kim@example.com")
    words = text_of(actions.client.get("/student/progress").get_data(as_text=True))
    assert "Chess openings" in words and "Question 7?" in words
    # the student's own page counts it: D, D-1 and q3's D-2 … D-25 make a streak of 26 days
    assert "Streak 26 days" in words and "Days studied (last year) 27" in words


class Statements:
    def __init__(self):
        self.count = 0

    def __call__(self, _conn, _cursor, statement, *_):
        self.count += not statement.startswith("BEGIN")


def statements_of(client, url: str) -> int:
    counter = Statements()
    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return counter.count


def test_the_pages_take_the_same_few_statements_with_ten_times_the_data(kim, actions):
    student, school_class = kim
    teacher_url = f"/teacher/classes/{school_class.id}/students/{student.id}"
    actions.login("kim@example.com")
    small_student = statements_of(actions.client, "/student/progress")
    actions.logout()
    actions.login("t@example.com")
    small_teacher = statements_of(actions.client, teacher_url)
    qset = db.session.get(QuestionSet, db.session.scalar(db.select(QuestionSet.id)))
    for n in range(100, 160):
        q = question(qset, n, "what", source_text="More.")
        db.session.flush()
        for days in range(10, 0, -1):
            review(student, q, at(days), 1 if days % 3 else 3, interval=1)
        card(student, q, Phase.REVIEW, at(1), at(-2, 4), lapses=2)
    db.session.commit()
    big_teacher = statements_of(actions.client, teacher_url)
    actions.logout()
    actions.login("kim@example.com")
    big_student = statements_of(actions.client, "/student/progress")
    assert big_student == small_student <= 10
    assert big_teacher == small_teacher <= 12


@pytest.mark.parametrize("moment,words", [
    (datetime(2026, 12, 2, 18, 30, tzinfo=UTC), "today at 18:30"),
    (datetime(2026, 12, 3, 9, tzinfo=UTC), "tomorrow at 9:00"),
    (datetime(2026, 12, 7, 9, 5, tzinfo=UTC), "on Monday at 9:05"),
])
def test_when_the_next_card_comes_due_in_words(moment, words):
    assert local_when(moment, SimpleNamespace(timezone="UTC"), NOW) == words


def test_when_words_read_the_students_zone():
    # 2 Dec 23:30 UTC is 3 Dec 08:30 in Tokyo, where it is already 2 Dec 21:00 now
    assert local_when(datetime(2026, 12, 2, 23, 30, tzinfo=UTC),
                      SimpleNamespace(timezone="Asia/Tokyo"), NOW) == "tomorrow at 8:30"


def test_a_new_student_sees_every_section_empty(app, make_user, actions):
    make_user("new@example.com", name="New")
    actions.login("new@example.com")
    page = actions.client.get("/student/progress")
    assert page.status_code == 200
    words = text_of(page.get_data(as_text=True))
    assert "No card is scheduled yet." in words and "Study ahead: learn new cards" in words
    assert "You have not started this yet." in words
    assert "not enough data yet (0 of 20 reviews)" in words
    assert "No quiz submitted yet." in words and "Streak 0 days" in words
    for table in ("due", "calendar", "retention", "sets", "categories", "history", "knowledge",
                  "lapses", "quizzes"):
        assert actions.client.get(f"/student/progress/{table}.csv").status_code == 200
