"""The class report on a hand-made class of four, every number worked out here by hand.

Now is Wednesday 2 December 2026, 12:00 UTC; the students study in UTC (rollover 4 am), so
today's study day is 2 December; the teacher lives in São Paulo (UTC-3). Set A has three
approved questions (a1 who, a2 where, a3 where) and a draft; set B one (b1 who); both are
assigned to the class. Cards are written directly (the cache is not what is tested): every
seen card has stability 2 days and was last reviewed 2 days ago, so its recall now is exactly
0.9 (FSRS's stability is the time to 90 %).

    student  cards            mastery          who    where  reviews of the class's questions
    Ann      a1 a2 a3 b1      4 × 0.9 / 4 = .9   .9     .9     a2 on days -29 … -8 (first one
                                                                 uncounted), plus a same-day
                                                                 Again at -8; one review today
                                                                 of another class's set
    Bob      a1 a2            2 × 0.9 / 4 = .45  .45    .45    a1 daily from day -30 to today
    Cat      —                0                  0      0      none; nothing at all
    Dan      —                0                  0      0      none; a quiz attempt open

Roster:
- Ann: last active day -8 (24 Nov) 09:00 → inactive 8 days (flag). Days active in 14: -13 …
  -8 = 6. Reviews this week: 0. Fortnight: 5 + 2 = 7 reviews → load 0.5 a day. Backlog: a1 a2
  a3 due yesterday (b1 due later today is not backlog) = 3 > 2 × 0.5 (flag). Retention: days
  -28 … -8 counted, 21 of 21 passed (the same-day Again is not counted) = 100 %. Quiz 4/10 =
  40 % (flag).
- Bob: retention: days -29 … 0 counted (30), Again on -29 … -21 (9) → 21/30 = 70 %, 20 points
  under 90 % (flag). Days active 14; this week 7 reviews of 60 s = 7 minutes. Backlog 0. Latest
  quiz: attempt 2, 6/10 = 60 % (attempt 1 was 9/10).
- Cat: has not studied yet (flag). Dan: active an hour ago (his attempt), no flag.
Heat map: who (a1, b1) and where (a2, a3): column means (0.9 + 0.45) / 4 = 0.3375 each;
at ≥ 0.8: Ann only, 1/4.
Completion: set A done Ann, in progress Bob (2 of 3), not started Cat, Dan; set B done Ann,
not started 3. Quiz: done Ann, Bob; in progress Dan; not started Cat. Counted scores (highest):
Ann 0.4, Bob 0.9 → bands 40–50 % and 90–100 %; mean 0.65.
Forecast for set A on 4 December (9:00 in São Paulo = 12:00 UTC): each card is then 4 days =
2 stabilities past its review, R2 = (1 + 2f) ** -d with d = w20 and f = 0.9 ** (-1 / d) - 1.
Ann 3 × R2 / 3 = R2, Bob 2 × R2 / 3, Cat 0, Dan 0; class (R2 + 2 R2 / 3) / 4 = 5 R2 / 12.
Under 50 %: Cat and Dan (Bob's 2 R2 / 3 ≈ 0.56 is not). Most likely forgotten: a3 (R2 / 4),
then a1 and a2 (R2 / 2).
"""
from __future__ import annotations

import csv
import io
import itertools
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Card,
    Enrolment,
    Question,
    QuestionSet,
    Quiz,
    QuizAttempt,
    Review,
)
from quizapp.scheduling.recall import recall_at
from quizapp.services import class_recall
from quizapp.services.study import settings_for
from quizapp.teacher import class_report as routes

NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)
D = fsrs.scheduler.DEFAULT_PARAMETERS[20]
F = 0.9 ** (-1 / D) - 1
R2 = (1 + 2 * F) ** -D


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    monkeypatch.setattr(routes, "utcnow", lambda: NOW)


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 12, 2, hour, minute, tzinfo=UTC) + timedelta(days=day)


def add_set(teacher, title, questions) -> QuestionSet:
    qset = QuestionSet(slug=title.lower(), title=title, owner_id=teacher.id)
    db.session.add(qset)
    db.session.flush()
    for position, (uid, category, status) in enumerate(questions):
        db.session.add(Question(set_id=qset.id, uid=uid, kind="short", category=category,
                                prompt=f"Question {uid}?", answer=uid, status=status,
                                position=position))
    db.session.flush()
    return qset


def qid(uid: str) -> int:
    return db.session.scalar(db.select(Question.id).where(Question.uid == uid))


def card(student, uid, due):
    db.session.add(Card(user_id=student.id, question_id=qid(uid), phase=2, stability=2.0,
                        difficulty=5.0, due=due, last_review=NOW - timedelta(days=2), reps=3))


REQUESTS = itertools.count()


def review(student, uid, when, rating=3):
    db.session.add(Review(user_id=student.id, question_id=qid(uid), rating=rating,
                          reviewed_at=when, study_day=(when - timedelta(hours=4)).date(),
                          duration_ms=60_000, request_id=f"r{next(REQUESTS)}", interval_days=1))


def attempt(student, quiz, number, started, submitted=None, score=None):
    db.session.add(QuizAttempt(quiz_id=quiz.id, user_id=student.id, number=number, seed="s",
                               started_at=started, submitted_at=submitted, score=score,
                               max_score=10.0))


@pytest.fixture
def klass(teacher, make_user, make_class):
    teacher.timezone = "America/Sao_Paulo"
    school_class, other = make_class(teacher), make_class(teacher, "Another class")
    set_a = add_set(teacher, "Rivers", [("a1", "who", "approved"), ("a2", "where", "approved"),
                                        ("a3", "where", "approved"), ("ad", "who", "draft")])
    set_b = add_set(teacher, "Cities", [("b1", "who", "approved")])
    set_c = add_set(teacher, "Elsewhere", [("c1", "what", "approved")])
    db.session.add_all([Assignment(set_id=set_a.id, class_id=school_class.id),
                        Assignment(set_id=set_b.id, class_id=school_class.id),
                        Assignment(set_id=set_c.id, class_id=other.id)])
    ann, bob, cat, dan, eve = (make_user(f"{n}@example.com", name=n.title())
                               for n in ("ann", "bob", "cat", "dan", "eve"))
    for s in (ann, bob, cat, dan):
        db.session.add(Enrolment(class_id=school_class.id, student_id=s.id))
    db.session.add_all([Enrolment(class_id=other.id, student_id=s.id) for s in (ann, eve)])
    for uid in ("a1", "a2", "a3"):
        card(ann, uid, at(-1, 4))
    card(ann, "b1", NOW + timedelta(hours=1))
    for day in range(-29, -7):
        review(ann, "a2", at(day, 8))
    review(ann, "a2", at(-8, 9), rating=1)  # the same study day: not counted
    review(ann, "c1", at(0, 8))  # another class's set
    card(bob, "a1", NOW + timedelta(days=1))
    card(bob, "a2", NOW + timedelta(days=1))
    for day in range(-30, 1):
        review(bob, "a1", at(day), rating=1 if -29 <= day <= -21 else 3)
    review(eve, "c1", at(0))
    quiz = Quiz(owner_id=teacher.id, title="Rivers quiz", sets=[set_a],
                classes=[school_class], grading="highest")
    db.session.add(quiz)
    db.session.flush()
    attempt(ann, quiz, 1, at(-8, 8), at(-8, 8, 45), 4.0)
    attempt(bob, quiz, 1, at(-3), at(-3, 10, 20), 9.0)
    attempt(bob, quiz, 2, at(-1), at(-1, 10, 20), 6.0)
    attempt(dan, quiz, 1, NOW - timedelta(hours=1))
    db.session.commit()
    return school_class, set_a, quiz


def report(as_teacher, school_class, query="", status=200) -> str:
    response = as_teacher.client.get(f"/teacher/classes/{school_class.id}/report{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == status, html
    return html


def table(as_teacher, school_class, name, query="") -> list[list[str]]:
    response = as_teacher.client.get(f"/teacher/classes/{school_class.id}/report/{name}.csv"
                                     f"{query}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_roster_figures_and_flags(as_teacher, klass):
    rows = {r[0]: r for r in table(as_teacher, klass[0], "roster")[1:]}
    assert list(rows) == ["Ann", "Bob", "Cat", "Dan"]  # Eve is in the other class only
    ann, bob, cat, dan = rows.values()
    # last active, days active, reviews and minutes this week, backlog, retention, its
    # reviews, mastery, latest quiz
    assert ann[2:11] == ["2026-11-24T09:00:00Z", "6", "0", "0.0", "3", "1.000", "21", "0.900",
                         "0.400"]
    assert ann[11].split("; ") == [
        "inactive for 8 days",
        "backlog of 3 cards is more than 2 days of their load (0.5 reviews a day over 14 days)",
        "latest quiz 40%, under 50%"]
    assert bob[2:11] == ["2026-12-02T10:00:00Z", "14", "7", "7.0", "0", "0.700", "30", "0.450",
                         "0.600"]
    assert bob[11] == "retention 70% over 30 reviews is 20 points under their target of 90%"
    assert cat[2:12] == ["", "0", "0", "0.0", "0", "", "0", "0.000", "", "has not studied yet"]
    assert dan[2] == "2026-12-02T11:00:00Z" and dan[11] == ""


def test_roster_page_says_why_and_not_enough_data(as_teacher, klass):
    html = report(as_teacher, klass[0])
    assert "<h1>Class report: Year 9 history</h1>" in html
    assert "inactive for 8 days" in html and "has not studied yet" in html
    assert "not enough data yet (0 of 20 reviews)" in html  # Cat and Dan
    assert "90 %" in html and "45 %" in html and "70 %" in html


def names_in_order(html: str) -> list[str]:
    roster = html[html.index('id="roster-caption"'):html.index("</table>")]
    return sorted(("Ann", "Bob", "Cat", "Dan"),
                  key=lambda n: roster.index(f'<th scope="row">{n}</th>'))


def test_roster_sorts_on_the_server_with_empty_values_last(as_teacher, klass):
    school_class = klass[0]
    assert names_in_order(report(as_teacher, school_class, "?sort=mastery&dir=desc")) == [
        "Ann", "Bob", "Cat", "Dan"]
    assert names_in_order(report(as_teacher, school_class, "?sort=quiz&dir=asc")) == [
        "Ann", "Bob", "Cat", "Dan"]
    assert names_in_order(report(as_teacher, school_class, "?sort=quiz&dir=desc")) == [
        "Bob", "Ann", "Cat", "Dan"]
    assert names_in_order(report(as_teacher, school_class, "?sort=last_active&dir=desc")) == [
        "Dan", "Bob", "Ann", "Cat"]
    assert names_in_order(report(as_teacher, school_class, "?sort=flags&dir=desc")) == [
        "Ann", "Bob", "Cat", "Dan"]
    html = report(as_teacher, school_class, "?sort=backlog&dir=desc")
    assert 'aria-sort="descending"' in html


def test_a_bad_sort_is_refused_by_name(as_teacher, klass):
    assert "&#39;shoe size&#39;" in report(as_teacher, klass[0], "?sort=shoe size", 400)
    assert "asc or desc" in report(as_teacher, klass[0], "?dir=sideways", 400)


def test_heat_map_cells_and_columns(as_teacher, klass):
    rows = table(as_teacher, klass[0], "categories")
    assert rows == [["student", "who", "where"], ["Ann", "0.900", "0.900"],
                    ["Bob", "0.450", "0.450"], ["Cat", "0.000", "0.000"],
                    ["Dan", "0.000", "0.000"]]
    html = report(as_teacher, klass[0])
    heat = html[html.index('id="heat-caption"'):]
    heat = heat[:heat.index("</table>")]
    assert heat.count('class="num heat-4">90 %') == 2  # Ann
    assert heat.count('class="num heat-2">45 %') == 2  # Bob
    assert heat.count('class="num heat-0">0 %') == 4
    mean_row = heat[heat.index("Class mean"):heat.index("At mastery")]
    assert mean_row.count(">34 %<") == 2  # 0.3375
    assert heat[heat.index("At mastery"):].count(">25 %<") == 2


def test_completion_and_score_distribution(as_teacher, klass):
    assert table(as_teacher, klass[0], "sets") == [
        ["set", "questions", "done", "in progress", "not started"],
        ["Cities", "1", "1", "0", "3"], ["Rivers", "3", "1", "1", "2"]]
    assert table(as_teacher, klass[0], "quizzes") == [
        ["quiz", "done", "in progress", "not started", "mean score"],
        ["Rivers quiz", "2", "1", "1", "0.650"]]
    scores = table(as_teacher, klass[0], "scores")
    assert scores[1] == ["Rivers quiz", "0", "0", "0", "0", "1", "0", "0", "0", "0", "1"]
    html = report(as_teacher, klass[0])
    assert "2 scores counted, mean 65 %." in html
    assert html.count('<rect class="bar"') == 10


def forecast_query(set_id, exam="2026-12-04") -> str:
    return f"?set={set_id}&exam={exam}"


def test_recall_forecast_for_an_exam_date(as_teacher, klass):
    school_class, set_a, _ = klass
    rows = table(as_teacher, school_class, "forecast", forecast_query(set_a.id))
    assert rows[0][1] == "Rivers on 2026-12-04 09:00 -03"
    students = {r[1]: (float(r[2]), r[3]) for r in rows[1:] if r[0] == "student"}
    assert students == {"Ann": (pytest.approx(R2, abs=5e-4), ""),
                        "Bob": (pytest.approx(2 * R2 / 3, abs=5e-4), ""),
                        "Cat": (0.0, "under 50%"), "Dan": (0.0, "under 50%")}
    questions = [(r[1], float(r[2])) for r in rows[1:] if r[0] == "question"]
    assert questions == [("Question a3?", pytest.approx(R2 / 4, abs=5e-4)),
                         ("Question a1?", pytest.approx(R2 / 2, abs=5e-4)),
                         ("Question a2?", pytest.approx(R2 / 2, abs=5e-4))]
    html = report(as_teacher, school_class, forecast_query(set_a.id))
    assert f"<strong>{5 * R2 / 12 * 100:.0f} %</strong> of Rivers" in html
    at_risk = html[html.index("Students likely under 50 %"):html.index('id="forgotten-caption"')]
    assert "Cat: 0 %" in at_risk and "Dan: 0 %" in at_risk and "Bob" not in at_risk


@pytest.mark.parametrize("query,words", [
    ("?set={set_id}&exam=2026-12-01", "The exam date must be today or later."),
    ("?set={set_id}&exam=2026-13-45", "Exam date: Not a valid date value."),
    ("?set={set_id}", "Exam date: This field is required."),
    ("?set=99999&exam=2026-12-04", "Set to forecast: Not a valid choice."),
    ("?set=&exam=2026-12-04", "Set to forecast: "),
])
def test_a_bad_forecast_request_says_what_is_wrong(as_teacher, klass, query, words):
    school_class, set_a, _ = klass
    html = report(as_teacher, school_class, query.format(set_id=set_a.id), 400)
    assert words in html
    response = as_teacher.client.get(f"/teacher/classes/{school_class.id}/report/forecast.csv"
                                     + query.format(set_id=set_a.id))
    assert response.status_code == 400


def test_csv_cells_cannot_run_as_formulas(as_teacher, klass, make_user):
    evil = make_user("evil@example.com", name="=HYPERLINK(\"http://x\")")
    db.session.add(Enrolment(class_id=klass[0].id, student_id=evil.id))
    db.session.commit()
    names = [r[0] for r in table(as_teacher, klass[0], "roster")]
    assert "'=HYPERLINK(\"http://x\")" in names


def test_the_class_page_links_to_its_report(as_teacher, klass):
    page = as_teacher.client.get(f"/teacher/classes/{klass[0].id}").get_data(as_text=True)
    assert f'href="/teacher/classes/{klass[0].id}/report"' in page


def statements_of(client, url) -> int:
    """Statements of one request; the test's session forgets what it holds first, so every
    request reads what a request in production would read."""
    db.session.expire_all()
    count = [0]

    def seen(_conn, _cursor, statement, *_args):
        count[0] += not statement.startswith("BEGIN")

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    return count[0]


def test_the_report_takes_the_same_statements_for_four_or_fourteen_students(
        as_teacher, klass, make_user):
    school_class, set_a, quiz = klass
    urls = [f"/teacher/classes/{school_class.id}/report{forecast_query(set_a.id)}",
            *(f"/teacher/classes/{school_class.id}/report/{name}.csv"
              for name in ("roster", "categories", "sets", "quizzes", "scores")),
            f"/teacher/classes/{school_class.id}/report/forecast.csv{forecast_query(set_a.id)}"]
    before = [statements_of(as_teacher.client, url) for url in urls]
    for n in range(10):
        student = make_user(f"more{n}@example.com", name=f"More {n}")
        db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        for uid in ("a1", "a2", "a3", "b1"):
            card(student, uid, NOW - timedelta(days=n))
            for day in range(-12, 0, 3):
                review(student, uid, at(day))
        attempt(student, quiz, 1, at(-1), at(-1, 11), float(n))
    db.session.commit()
    after = [statements_of(as_teacher.client, url) for url in urls]
    assert after == before
    assert max(before) <= 14


def one_set_class(teacher, make_class, students):
    school_class = make_class(teacher, "Small class")
    qset = add_set(teacher, "Hills", [("h1", "where", "approved"), ("h2", "where", "approved"),
                                      ("ad", "where", "draft")])
    db.session.add(Assignment(set_id=qset.id, class_id=school_class.id))
    for s in students:
        db.session.add(Enrolment(class_id=school_class.id, student_id=s.id))
    return school_class


def test_study_days_and_inactivity_are_each_students_own(as_teacher, teacher, make_user,
                                                         make_class):
    # 25 Nov 19:30 UTC is still 25 Nov in UTC but 26 Nov 04:30 in Tokyo, after its rollover:
    # for Tokyo today (2 Dec) is 6 study days later and the review is in this week's 7 days;
    # for UTC it is 7 days later, outside the week, and inactive from 7 days
    tokyo, utc = make_user("tokyo@example.com", name="Tokyo"), make_user("utc@example.com",
                                                                         name="Utc")
    tokyo.timezone = "Asia/Tokyo"
    school_class = one_set_class(teacher, make_class, [tokyo, utc])
    moment = datetime(2026, 11, 25, 19, 30, tzinfo=UTC)
    for student, day in ((tokyo, datetime(2026, 11, 26)), (utc, datetime(2026, 11, 25))):
        db.session.add(Review(user_id=student.id, question_id=qid("h1"), rating=3,
                              reviewed_at=moment, study_day=day.date(), duration_ms=90_000,
                              request_id="only"))
    db.session.commit()
    rows = {r[0]: r for r in table(as_teacher, school_class, "roster")[1:]}
    assert rows["Tokyo"][3:6] == ["1", "1", "1.5"] and rows["Tokyo"][11] == ""
    assert rows["Utc"][3:6] == ["1", "0", "0.0"] and rows["Utc"][11] == "inactive for 7 days"


def test_undone_reviews_count_neither_as_reviews_nor_as_the_previous_one(
        as_teacher, teacher, make_user, make_class):
    # h1: day -5 (undone), day -3, day -1: the day -3 review is the card's first live one, so
    # only day -1 counts. h2: day -4, day -2 (undone), day -1: day -1 follows day -4, counts.
    student = make_user("undo@example.com", name="Undo")
    school_class = one_set_class(teacher, make_class, [student])
    for uid, day, undone in (("h1", -5, True), ("h1", -3, False), ("h1", -1, False),
                             ("h2", -4, False), ("h2", -2, True), ("h2", -1, False)):
        review(student, uid, at(day), rating=1 if uid == "h2" and day == -1 else 3)
        if undone:
            db.session.flush()
            db.session.execute(db.update(Review).where(Review.request_id.like("r%"),
                                                       Review.user_id == student.id,
                                                       Review.reviewed_at == at(day))
                               .values(undone_at=at(day, 11)))
    db.session.commit()
    row = table(as_teacher, school_class, "roster")[1]
    assert row[8] == "2"  # h1 day -1 and h2 day -1, one of them passed: too few for a rate
    assert row[7] == ""
    assert row[3:5] == ["3", "4"]  # 3 days (-4, -3, -1), 4 live reviews: undone ones are not


def test_recall_summed_in_sql_is_recall_at_card_by_card(teacher, make_user, make_class):
    # Two students, one on fitted parameters with a steep decay; cards reviewed 30 hours and
    # 9 days before now: the database's ΣR per category is the sum of recall_at over the same
    # cards, on SQLite and PostgreSQL alike.
    steep = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    steep[20] = 0.5
    plain, fitted = make_user("plain@example.com"), make_user("fitted@example.com")
    fitted.fsrs_parameters = steep
    school_class = one_set_class(teacher, make_class, [plain, fitted])
    cards = {"h1": (0.7, NOW - timedelta(hours=30)), "h2": (3.3, NOW - timedelta(days=9))}
    for student in (plain, fitted):
        for uid, (stability, last) in cards.items():
            db.session.add(Card(user_id=student.id, question_id=qid(uid), phase=2,
                                stability=stability, difficulty=5.0, due=NOW, last_review=last))
    db.session.add(Card(user_id=plain.id, question_id=qid("ad"), phase=2, stability=1.0,
                        difficulty=5.0, due=NOW, last_review=NOW))  # a draft: not counted
    db.session.commit()
    settings = {s.id: settings_for(s) for s in (plain, fitted)}
    sums = class_recall.recall_sums(db.session, school_class, [plain, fitted], settings, NOW)
    set_id = db.session.scalar(db.select(Question.set_id).where(Question.uid == "h1"))
    for student in (plain, fitted):
        expected = sum(recall_at(s, last, NOW, settings[student.id])
                       for s, last in cards.values())
        assert sums[student.id] == {(set_id, "where"): (2, pytest.approx(expected, rel=1e-6))}
    assert sums[fitted.id][set_id, "where"][1] < sums[plain.id][set_id, "where"][1]
