"""The registry of question kinds: how each validates, checks an answer and shows itself.

Generation, authoring, study, quizzes, import and export all go through ``get_kind``. A kind's
``public`` view is what a student may see before answering: never the answer.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from quizapp.answers import check_typed

BLANK = re.compile(r"_{3,}")
TRUE_OR_FALSE = re.compile(r"\s*true\s+or\s+false\b", re.IGNORECASE)
TRUE_WORDS = {"true", "t", "yes", "y", "1", "right", "correct"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "wrong", "incorrect"}


@dataclass(frozen=True)
class Outcome:
    """The server's verdict on one answer."""

    correct: bool
    given: str
    expected: str
    reason: str = ""
    score: float = field(default=0.0)


class Kind:
    name = ""
    label = ""
    input = "text"  # how the student answers: "text", "choice" or "truefalse"

    def validate(self, q: dict) -> list[str]:
        return []

    def check(self, q: dict, given: str) -> Outcome:
        verdict = check_typed(given, q["answer"], q.get("accepted", ()),
                              wrong=[c for c in q.get("choices", ()) if c != q["answer"]])
        return Outcome(verdict.correct, given, q["answer"], verdict.reason, verdict.score)

    def public(self, q: dict, rng: random.Random) -> dict:
        """What the student sees before answering."""
        return {"kind": self.name, "prompt": q["prompt"], "input": self.input}


class MultipleChoice(Kind):
    name, label, input = "mcq", "Multiple choice", "choice"

    def validate(self, q):
        choices = q.get("choices") or []
        problems = []
        if len(choices) < 2:
            problems.append("choices: multiple choice needs at least two choices")
        if q["answer"] not in choices:
            problems.append("choices: the answer must be one of the choices")
        if len({c.casefold() for c in choices}) != len(choices):
            problems.append("choices: two choices are the same")
        return problems

    def check(self, q, given):
        correct = given == q["answer"]
        return Outcome(correct, given, q["answer"], "" if correct else "another choice",
                       1.0 if correct else 0.0)

    def public(self, q, rng):
        choices = list(q["choices"])
        rng.shuffle(choices)
        return {**super().public(q, rng), "choices": choices}


class Cloze(Kind):
    name, label = "cloze", "Fill the blank"

    def validate(self, q):
        if not BLANK.search(q["prompt"]):
            return ["prompt: a cloze prompt needs a blank (three or more underscores)"]
        if q["answer"].casefold() in BLANK.sub(" ", q["prompt"]).casefold():
            return ["prompt: the answer shows in the prompt"]
        return []


class ShortAnswer(Kind):
    name, label = "short", "Short answer"


class TrueFalse(Kind):
    name, label, input = "truefalse", "True or false", "truefalse"

    def validate(self, q):
        if q["answer"] not in ("true", "false"):
            return ["answer: true/false answers are 'true' or 'false'"]
        return []

    def check(self, q, given):
        word = given.strip().casefold()
        value = "true" if word in TRUE_WORDS else "false" if word in FALSE_WORDS else None
        correct = value == q["answer"]
        return Outcome(correct, given, q["answer"], "" if correct else "the other way round",
                       1.0 if correct else 0.0)


def true_or_false_prompt(prompt: str) -> str:
    """A true/false prompt that says "True or false" once, whether or not it already did
    (generated statements and many hand-written ones carry the words)."""
    return prompt if TRUE_OR_FALSE.match(prompt) else f"True or false: {prompt}"


KIND_REGISTRY: dict[str, Kind] = {k.name: k for k in (MultipleChoice(), Cloze(), ShortAnswer(),
                                                       TrueFalse())}


def get_kind(name: str) -> Kind:
    try:
        return KIND_REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown question kind {name!r}") from None
