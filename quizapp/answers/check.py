"""Checking a typed answer against the expected answer, its accepted forms and known wrong ones.

``check_typed(given, answer, accepted=(), wrong=())`` returns a ``Verdict``. A given answer is
right when, after normalisation (see ``quizapp.answers.normalise``), it

* equals the answer or an accepted form, or their core (function words, a leading title and a
  trailing generic head such as "province" or "group" left out);
* differs from one only by typos: none in a word of up to 4 letters ("Iraq" is not "Iran"), one
  edit in a word of 5-8 letters, one edit per 6 letters above that; numbers never bend
  ("1981" is not "1980", but "three" is "3"); a number may leave out a lowercase unit ("12"
  for "12 people", but not "5" for "5 million"), a date may change its order;
* has the same letters and digits as a model number, spaced or hyphenated differently ("A 330"
  for "A330");
* is the surname of an answer that looks like a person's name (2-4 capitalised words, none of
  them a place or organisation word, no lowercase particle): "Jilani" for "Jalil Abbas Jilani",
  "Amir-Abdollahian" for "Hossein Amir-Abdollahian". Callers may also list a surname in
  ``accepted``; that always works, whatever the answer looks like. First name and surname
  without the middle name are right too, and a full name is right when the answer is its
  surname alone.

and it is not as close or closer to one of ``wrong`` (other names from the same article, the
distractors) than to the answer. Any other strict part of the answer is wrong ("Balochistan"
for "Sistan and Baluchistan province"), as are empty answers and answers over 500 characters.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from quizapp.answers.normalise import DIGIT, MONTHS, Form, form_of

MAX_LENGTH = 500
TYPO = "close enough: minor spelling"
SURNAME = "close enough: surname only"


@dataclass(frozen=True)
class Verdict:
    """The checker's decision on one typed answer.

    ``score`` is how close the given text is to the nearest answer form, 0-1 (1.0 for a match
    after normalisation); ``reason`` is a few words for the student (empty when simply right);
    ``matched`` is the answer or accepted form that matched, ``None`` when wrong.
    """

    correct: bool
    score: float
    reason: str = ""
    matched: str | None = None


def allowed_edits(length: int) -> int:
    """Typos forgiven in a word of ``length`` characters: 0 up to 4, 1 up to 8, then 1 per 6."""
    if length <= 4:
        return 0
    return 1 if length <= 8 else length // 6


def _numbers(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in tokens if DIGIT.search(t))


def _token_close(given: str, expected: str) -> bool:
    if given == expected:
        return True
    if DIGIT.search(given) or DIGIT.search(expected):
        return False
    limit = allowed_edits(len(expected))
    return OSA.distance(given, expected, score_cutoff=limit) <= limit


def _close(given: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """Same words up to typos, or the same letters when words are split or joined differently."""
    if len(given) == len(expected):
        return all(_token_close(g, e) for g, e in zip(given, expected))
    if _numbers(given) != _numbers(expected):
        return False
    joined = "".join(expected)
    limit = allowed_edits(len(joined))
    return OSA.distance("".join(given), joined, score_cutoff=limit) <= limit


def _model_number(compact: str) -> bool:
    """Letters and digits together, as in a model number ("a330", "f16", "b52")."""
    return bool(DIGIT.search(compact)) and any(c.isalpha() for c in compact)


def _ratio(given: tuple[str, ...], expected: tuple[str, ...]) -> float:
    return fuzz.ratio(" ".join(given), " ".join(expected)) / 100


def _match(g: Form, t: Form) -> tuple[float, str] | None:
    """(score, reason) when ``g`` is an acceptable way of writing ``t``, else None."""
    if g.norm == t.norm or g.core == t.core:
        return 1.0, ""
    if g.compact == t.compact and _model_number(t.compact):
        return 1.0, ""  # "A 330" for "A330", "F 16" for "F-16": spacing inside a model number
    if g.numbers != t.numbers:
        return None
    if _close(g.core, t.core):
        return _ratio(g.core, t.core), TYPO
    if g.numbers and (g.counted and t.core == g.numbers or t.counted and g.core == t.numbers):
        return 1.0, ""  # "12" for "12 people", "40 percent" for "40"
    if g.numbers and sorted(g.core) == sorted(t.core) and MONTHS & set(t.core):
        return 1.0, ""  # "16 January 2024" for "January 16 2024"
    if t.surname:
        if _close(g.core, t.surname):
            return _ratio(g.core, t.surname), SURNAME
        first_last = (t.core[0], *t.surname)
        if len(t.core) > len(first_last) and _close(g.core, first_last):
            return _ratio(g.core, first_last), ""  # the middle name left out
    if g.surname and _close(g.surname, t.core):  # full name given, the answer is the surname
        return _ratio(g.surname, t.core), ""
    return None


def similarity(g: Form, f: Form) -> float:
    """How close ``g`` is to ``f`` (0-1), counting ``f``'s surname when it names a person."""
    score = _ratio(g.core, f.core)
    if f.surname:
        score = max(score, _ratio(g.core, f.surname))
    return score


def _covers(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Every word of ``part`` is (up to typos) a word of the longer ``whole``."""
    return len(part) < len(whole) and all(any(_token_close(p, w) for w in whole) for p in part)


def _why_wrong(g: Form, t: Form) -> str:
    """A few words saying how ``g`` misses ``t``."""
    if g.numbers != t.numbers:
        return "a different number"
    if _covers(g.core, t.core):
        return "only part of the answer"
    if _covers(t.core, g.core):
        return "more than the answer"
    if len(g.core) == len(t.core) and similarity(g, t) >= 0.7 and all(
            min(len(a), len(b)) > 4 for a, b in zip(g.core, t.core) if a != b):
        return "misspelt beyond what we accept"
    return "a different name" if t.proper else "not the answer"


def check_typed(given: str, answer: str, accepted: Iterable[str] = (),
                wrong: Iterable[str] = ()) -> Verdict:
    """Decide whether the typed ``given`` is the ``answer`` (or one of ``accepted``).

    ``wrong`` holds other names from the same article or the question's distractors: a given
    answer as close or closer to one of them than to the answer is wrong. Wrong forms that
    normalise to an answer form are ignored. Raises ``ValueError`` when ``answer`` has no
    letters or digits.
    """
    if len(given) > MAX_LENGTH:
        return Verdict(False, 0.0, f"too long: over {MAX_LENGTH} characters")
    if not form_of(answer).tokens:
        raise ValueError(f"answer {answer!r} has no letters or digits")
    targets = _forms([answer, *accepted])
    g = form_of(given)
    if not g.tokens:
        return Verdict(False, 0.0, "empty answer")
    same = {t.core for t in targets} | {t.tokens for t in targets}
    rivals = [r for r in _forms(wrong) if r.core not in same and r.tokens not in same]
    rival_score, rival = max(((similarity(g, r), r) for r in rivals), key=lambda sr: sr[0],
                             default=(0.0, None))
    matches = [(m, t) for t in targets if (m := _match(g, t))]
    if matches:
        (score, reason), target = max(matches, key=lambda mt: mt[0][0])
        if rival_score < score:
            return Verdict(True, round(score, 3), reason, target.text)
    score, nearest = max(((similarity(g, t), t) for t in targets), key=lambda st: st[0])
    score = round(score, 3)
    if rival and (matches or _match(g, rival)):
        return Verdict(False, score, "a different name" if rival.proper else "another answer")
    return Verdict(False, score, _why_wrong(g, nearest))


def _forms(texts: Iterable[str]) -> list[Form]:
    """Normalised forms of the non-empty texts, in order."""
    forms = (form_of(t) for t in texts if t)
    return [f for f in forms if f.tokens]
