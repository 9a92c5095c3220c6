"""Grading an answer through the kinds registry, regrading, and the score that counts."""
from __future__ import annotations

from dataclasses import dataclass

from quizapp.bank.kinds import get_kind

GRADING_RULES = {"highest": "Highest attempt", "last": "Last attempt", "first": "First attempt"}
AGAIN, GOOD = 1, 3  # quizapp.scheduling.Rating values


@dataclass(frozen=True)
class Regrade:
    """A teacher's second look at one question: more answers accepted, or everyone right."""

    accepted: tuple[str, ...] = ()
    everyone: bool = False

    @classmethod
    def from_dict(cls, data: dict | None) -> Regrade | None:
        if not data:
            return None
        return cls(tuple(data.get("accepted", ())), bool(data.get("everyone")))

    def to_dict(self) -> dict:
        return {"accepted": list(self.accepted), "everyone": self.everyone}


def grade(question: dict, given: str | None, points: float,
          regrade: Regrade | None = None) -> tuple[bool, float]:
    """(correct, points earned). A bank-shaped ``question``; no answer earns nothing."""
    if regrade is not None and regrade.everyone:
        return True, points
    if given is None or not given.strip():
        return False, 0.0
    kind = get_kind(question["kind"])
    correct = kind.check(question, given).correct
    if not correct and regrade is not None:
        correct = any(kind.check({**question, "answer": other, "accepted": [], "choices": []},
                                 given).correct for other in regrade.accepted)
    return correct, points if correct else 0.0


def total(scores: list[float | None]) -> float:
    return float(sum(s or 0.0 for s in scores))


def counted_score(attempts: list[tuple[int, float | None]], rule: str) -> float | None:
    """The score that counts among (attempt number, score) of submitted attempts."""
    graded = sorted((n, s) for n, s in attempts if s is not None)
    if not graded:
        return None
    if rule == "first":
        return graded[0][1]
    if rule == "last":
        return graded[-1][1]
    return max(s for _, s in graded)


def review_rating(correct: bool) -> int:
    """The rating a quiz answer implies for the schedule: right is Good, wrong is Again."""
    return GOOD if correct else AGAIN
