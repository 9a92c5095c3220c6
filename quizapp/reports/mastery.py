"""Mastery by set and by category: how much of each part of the material a student knows.

For each group of questions (a set, or a category: who / what / where / when / operations /
numbers): coverage = seen / all, the mean recall of the seen cards, and mastery = ΣR / all,
where R is the card's predicted recall now (``quizapp.scheduling.recall``: the student's own
parameters, fractional elapsed days) and an unseen question counts R = 0. "You know the places
in this story but not the people" is mastery by category.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from quizapp.scheduling import Settings
from quizapp.scheduling.recall import recall_at


@dataclass(frozen=True)
class QuestionRow:
    """A question the student should know, with the set it is in and its category."""

    question_id: Hashable
    set_id: Hashable
    category: str


@dataclass(frozen=True)
class CardMemory:
    """The student's memory of one question: FSRS stability and the last review (UTC)."""

    question_id: Hashable
    stability: float
    last_review: datetime


@dataclass(frozen=True)
class Mastery:
    """One group's figures: ``questions`` in it, ``seen`` of them, ``recall_sum`` = ΣR."""

    questions: int
    seen: int
    recall_sum: float

    @property
    def coverage(self) -> float | None:
        return self.seen / self.questions if self.questions else None

    @property
    def mean_recall(self) -> float | None:
        """Mean predicted recall of the seen cards; None when none was seen."""
        return self.recall_sum / self.seen if self.seen else None

    @property
    def mastery(self) -> float | None:
        return self.recall_sum / self.questions if self.questions else None


def recalls(memories: Iterable[CardMemory], settings: Settings,
            now: datetime) -> dict[Hashable, float]:
    """Each seen question's predicted recall at ``now``."""
    return {m.question_id: recall_at(m.stability, m.last_review, now, settings)
            for m in memories}


def mastery_by(groups: Iterable[tuple[Hashable, Hashable]],
               recall: Mapping[Hashable, float]) -> dict[Hashable, Mastery]:
    """Mastery of each group from ``(group, question_id)`` pairs (a question counts once per
    group) and the recall of the seen questions."""
    members: dict[Hashable, set[Hashable]] = {}
    for group, question_id in groups:
        members.setdefault(group, set()).add(question_id)
    result = {}
    for group, questions in members.items():
        seen = [recall[q] for q in questions if q in recall]
        result[group] = Mastery(questions=len(questions), seen=len(seen),
                                recall_sum=sum(seen))
    return result


def mastery_by_set(questions: Iterable[QuestionRow], memories: Iterable[CardMemory],
                   settings: Settings, now: datetime) -> dict[Hashable, Mastery]:
    recall = recalls(memories, settings, now)
    return mastery_by(((q.set_id, q.question_id) for q in questions), recall)


def mastery_by_category(questions: Iterable[QuestionRow], memories: Iterable[CardMemory],
                        settings: Settings, now: datetime) -> dict[Hashable, Mastery]:
    recall = recalls(memories, settings, now)
    return mastery_by(((q.category, q.question_id) for q in questions), recall)



CATEGORY_WORDS = {"who": "people", "what": "things", "where": "places", "when": "dates",
                  "operation": "operations", "number": "numbers"}
KNOWN, GAP, WELL = 0.5, 0.25, 0.8


def reading(by_category: Mapping[str, Mastery], who: str = "you") -> str:
    """One line on what a student knows of some material, by category: "you know the places
    but not the people" when the best-known category is at least half known and the
    least-known lies a quarter or more under it. ``who``: "you", or the student's name."""
    groups = {c: m for c, m in by_category.items() if m.questions}
    know, has = ("know", "have") if who == "you" else ("knows", "has")
    who = who[:1].upper() + who[1:]
    if not any(m.seen for m in groups.values()):
        return f"{who} {has} not started this yet."
    ranked = sorted(groups, key=lambda c: (-(groups[c].mastery or 0), c))
    best, worst = (CATEGORY_WORDS.get(c, c) for c in (ranked[0], ranked[-1]))
    high, low = groups[ranked[0]].mastery or 0, groups[ranked[-1]].mastery or 0
    if low >= WELL:
        return f"{who} {know} all of it well."
    if high >= KNOWN and high - low >= GAP:
        return f"{who} {know} the {best} but not the {worst}."
    if high < KNOWN:
        return f"{who} {know} little of it yet, the {best} best ({high:.0%})."
    overall = (sum(m.recall_sum for m in groups.values())
               / sum(m.questions for m in groups.values()))
    return f"{who} {know} about {overall:.0%} of it, much the same in each kind of question."
