"""A teacher's class report, continued: assignment and quiz completion, score distributions, and
the recall forecast for an exam date. Reads what ``class_report.load`` fetched, plus one
statement for the quizzes and one for the prompts of the questions most likely forgotten."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.models import Question, Quiz, User
from quizapp.models.quizzes import quiz_classes
from quizapp.quizzes import counted_score
from quizapp.reports import ExamForecast, StudentCards, exam_forecast
from quizapp.reports.classes import Completion, completion, score_bins, set_state
from quizapp.scheduling.clock import zone
from quizapp.services.class_recall import set_memories
from quizapp.services.class_report import ClassData

EXAM_HOUR = 9  # an exam date is read as 9:00 in the teacher's time zone


@dataclass
class SetCompletion:
    set_id: int
    title: str
    questions: int
    counts: Completion
    states: dict[int, str]  # student id → done | in progress | not started


def set_completion(data: ClassData) -> list[SetCompletion]:
    """Per assigned set: students who studied every approved question, some, or none."""
    sizes = Counter(q.set_id for q in data.questions)
    seen: dict[int, Counter] = {s.id: Counter() for s in data.students}
    for student_id, sums in data.recall.items():
        for (set_id, _), (cards, _) in sums.items():
            seen[student_id][set_id] += cards
    result = []
    for set_id, title in data.sets:
        states = {s.id: set_state(seen[s.id][set_id], sizes[set_id]) for s in data.students}
        result.append(SetCompletion(set_id, title, sizes[set_id], completion(states.values()),
                                    states))
    return result


@dataclass
class QuizCompletion:
    quiz: Quiz
    counts: Completion
    states: dict[int, str]
    scores: dict[int, float]  # student id → share of the points that counts (quiz's rule)
    bins: list[int]  # score_bins of ``scores``

    @property
    def mean(self) -> float | None:
        return sum(self.scores.values()) / len(self.scores) if self.scores else None


def quiz_completion(session: Session, data: ClassData) -> list[QuizCompletion]:
    """Per quiz set for the class: submitted, started, or not started; the counted scores."""
    quizzes = list(session.scalars(
        select(Quiz).join(quiz_classes, quiz_classes.c.quiz_id == Quiz.id)
        .where(quiz_classes.c.class_id == data.school_class.id).order_by(Quiz.id)))
    attempts: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for user_id, quiz_id, number, _, submitted, score, max_score in data.attempts:
        attempts[user_id, quiz_id].append((number, submitted, score, max_score))
    result = []
    for quiz in quizzes:
        states, scores = {}, {}
        for s in data.students:
            mine = attempts.get((s.id, quiz.id), [])
            graded = [(n, score / top) for n, at, score, top in mine
                      if at is not None and score is not None and top]
            states[s.id] = ("done" if any(at is not None for _, at, *_ in mine)
                            else "in progress" if mine else "not started")
            counted = counted_score(graded, quiz.grading)
            if counted is not None:
                scores[s.id] = counted
        result.append(QuizCompletion(quiz, completion(states.values()), states, scores,
                                     score_bins(scores.values())))
    return result


def exam_moment(day: date, teacher: User) -> datetime:
    """The exam on ``day``: 9:00 in the teacher's own time zone."""
    return datetime.combine(day, time(EXAM_HOUR), tzinfo=zone(teacher.timezone))


@dataclass
class ClassForecast:
    set_id: int
    title: str
    exam_at: datetime
    forecast: ExamForecast
    students: dict[int, User]
    prompts: dict[int, str]  # question id → prompt, for the questions most likely forgotten


def class_forecast(session: Session, data: ClassData, set_id: int,
                   exam_at: datetime) -> ClassForecast:
    """The class's expected recall of one assigned set at the exam (ValueError for a set that
    is not assigned to the class or has no approved question)."""
    titles = dict(data.sets)
    if set_id not in titles:
        raise ValueError("that set is not assigned to this class")
    questions = [q.question_id for q in data.questions if q.set_id == set_id]
    if not questions:
        raise ValueError(f"{titles[set_id]} has no approved questions to forecast")
    memories = set_memories(session, data.school_class, set_id)
    forecast = exam_forecast(questions, (
        StudentCards(s.id, data.settings[s.id], tuple(memories.get(s.id, ())))
        for s in data.students), exam_at)
    shown = [f.question_id for f in forecast.likely_forgotten]
    prompts = dict(session.execute(select(Question.id, Question.prompt)
                                   .where(Question.id.in_(shown))).all())
    return ClassForecast(set_id, titles[set_id], exam_at, forecast,
                         {s.id: s for s in data.students}, prompts)
