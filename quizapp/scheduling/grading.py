"""The rating the app proposes from an answer's outcome and response time.

The student sees this rating preselected and may override it. Thresholds, by how the question
is answered (the ``input`` of its kind):

* wrong → Again, whatever the time;
* right but slower than ``SLOW_MS`` for the kind → Hard (the answer came with effort);
* right and, for a typed answer, faster than ``FAST_TYPED_MS`` → Easy: producing the answer
  quickly from memory is strong evidence; picking a choice or true/false quickly is not,
  because recognition is easier than recall, so those never earn Easy;
* right otherwise → Good;
* right only because a misspelling was forgiven (``misspelt``) → Hard at best: the student did
  not quite know the word.

A flashcard is self-graded ("I knew it" is ``correct``) and timed like a typed answer but never
proposed Easy: the flip itself is quick whatever the student recalled.
"""
from __future__ import annotations

from quizapp.bank.kinds import KIND_REGISTRY
from quizapp.scheduling.state import Rating

SELF_GRADED = "flashcard"  # not a kind of question: any card flipped rather than answered
SLOW_MS = {"typed": 20_000, "choice": 12_000, "self": 15_000}
FAST_TYPED_MS = 6_000


def answer_mode(kind: str) -> str:
    """"typed", "choice" or "self" for a question kind, from how the kind is answered
    (``quizapp.bank.kinds``); ValueError for an unknown kind."""
    if kind == SELF_GRADED:
        return "self"
    if kind not in KIND_REGISTRY:
        known = ", ".join(sorted([*KIND_REGISTRY, SELF_GRADED]))
        raise ValueError(f"no grading rule for question kind {kind!r} (known: {known})")
    return "typed" if KIND_REGISTRY[kind].input == "text" else "choice"


def propose_rating(correct: bool, response_ms: int, kind: str, misspelt: bool = False) -> Rating:
    """Again, Hard, Good or Easy for one answer (see the module docstring for thresholds)."""
    if response_ms < 0:
        raise ValueError(f"response time cannot be negative, got {response_ms} ms")
    mode = answer_mode(kind)
    if not correct:
        return Rating.AGAIN
    if misspelt or response_ms > SLOW_MS[mode]:
        return Rating.HARD
    if mode == "typed" and response_ms < FAST_TYPED_MS:
        return Rating.EASY
    return Rating.GOOD
