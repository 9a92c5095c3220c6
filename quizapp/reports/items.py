"""Item analysis of a quiz's attempts with Moodle's figures, bands and flags.

The definitions are Moodle's (``question/classes/statistics/questions/calculator.php``,
``initial_question_walker`` and ``secondary_question_walker``), over the ``s`` attempts that
answered question i, with x its mark and C = (attempt total − x) the rest of the test:

- facility = mean(x) / max mark;
- standard deviation = sqrt(Σ(x − mean x)² / (s − 1)), shown as a share of the max mark;
- discrimination index = 100 · Cov(x, C) / sqrt(V(x) · V(C)), all with (s − 1);
- discriminative efficiency = 100 · Cov(x, C) / Cov_max(x, C), where Cov_max pairs the
  marks and the rest-of-test marks each sorted on its own (the largest covariance they allow);
- random guess score (multiple choice, one answer) = Σ choice fractions / number of choices
  (``qtype_multichoice::get_random_guess_score``).

Figures that need a spread (s < 2, or no variance) are None, as in Moodle. Distractors are
counted over the upper and lower 27 % of attempts ranked by total mark (ties broken by attempt
id). A question is flagged when its efficiency is under 15 %, its discrimination is negative,
or its facility is at most 5 % or at least 95 %; bands put Moodle's words on facility and
discrimination (``facility_band``, ``discrimination_band``). ``study_facility`` gives the same
facility from study: the pass share of each student's first review of a question.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quizapp.scheduling import Rating

GROUP_SHARE = 0.27
LOW_EFFICIENCY = 15.0
EASY_FACILITY, HARD_FACILITY = 0.95, 0.05


@dataclass(frozen=True)
class AnswerRow:
    """One question's mark in one attempt (first attempts by default, chosen upstream).

    Every question of every attempt has a row, an unanswered one with mark 0, as Moodle's
    latest steps do: otherwise the rest-of-test marks would leave out what was skipped.
    """

    attempt_id: Hashable
    question_id: Hashable
    mark: float
    max_mark: float
    choice: Hashable | None = None  # the choice picked, for multiple choice


@dataclass(frozen=True)
class DistractorCount:
    """How often one choice was picked: by everyone, the upper 27 % and the lower 27 %."""

    chosen: int
    upper: int
    lower: int


@dataclass(frozen=True)
class ItemStats:
    """Moodle's figures for one question; facility and sd are shares of the max mark,
    discrimination index and efficiency are percentages (as Moodle shows them)."""

    question_id: Hashable
    attempts: int
    facility: float | None
    sd: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    random_guess_score: float | None
    distractors: dict[Hashable, DistractorCount] = field(default_factory=dict)
    flags: tuple[str, ...] = ()


def random_guess_score(choice_fractions: Sequence[float]) -> float:
    """The mean score of a random pick among the choices (each choice's fraction of credit)."""
    if not choice_fractions:
        raise ValueError("a multiple-choice question needs at least one choice")
    return sum(choice_fractions) / len(choice_fractions)


def _sample_cov(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (len(xs) - 1)


def guess_fractions(kind: str, choices: Sequence[str], answer: str) -> list[float]:
    """Each possible pick's credit, for the random guess score: a multiple-choice question's
    choices, true or false's two words; a typed answer cannot be guessed from a list, so it
    scores 0 (Moodle's short answer does the same unless it accepts anything)."""
    if kind == "mcq":
        return [1.0 if choice == answer else 0.0 for choice in choices]
    if kind == "truefalse":
        return [1.0, 0.0]
    return [0.0]


# Moodle's reading of the figures ("Quiz report statistics"), as (lowest value, words).
FACILITY_BANDS = ((0.95, "extremely easy"), (0.90, "very easy"), (0.81, "easy"),
                  (0.66, "fairly easy"), (0.35, "about right for the average student"),
                  (0.21, "moderately difficult"), (0.11, "difficult"), (0.06, "very difficult"),
                  (0.0, "extremely difficult or something wrong with the question"))
DISCRIMINATION_BANDS = ((50.0, "very good discrimination"), (30.0, "adequate discrimination"),
                        (20.0, "weak discrimination"),
                        (0.0, "very weak discrimination"),
                        (-math.inf, "probably invalid: stronger students did worse"))


def band(value: float | None, bands: Sequence[tuple[float, str]]) -> str | None:
    """The words for ``value``: the first band whose lowest value it reaches."""
    if value is None:
        return None
    for lowest, words in bands:
        if value >= lowest - 1e-9:
            return words
    return bands[-1][1]


def facility_band(facility: float | None) -> str | None:
    """Moodle's words for a facility (a share of the max mark)."""
    return band(facility, FACILITY_BANDS)


def discrimination_band(index: float | None) -> str | None:
    """Moodle's words for a discrimination index (in percent)."""
    return band(index, DISCRIMINATION_BANDS)


def spread_figures(marks: Sequence[float], rest: Sequence[float],
                   max_mark: float) -> tuple[float | None, float | None, float | None]:
    """(sd as a share of the max mark, discrimination index, discriminative efficiency)."""
    if len(marks) < 2:
        return None, None, None
    var_x, var_c = _sample_cov(marks, marks), _sample_cov(rest, rest)
    cov = _sample_cov(marks, rest)
    cov_max = _sample_cov(sorted(marks), sorted(rest))
    sd = math.sqrt(var_x) / max_mark if max_mark else None
    index = 100 * cov / math.sqrt(var_x * var_c) if var_x * var_c else None
    efficiency = 100 * cov / cov_max if cov_max else None
    return sd, index, efficiency


def flags_for(facility: float | None, index: float | None,
              efficiency: float | None) -> tuple[str, ...]:
    """Why a question looks dubious, in words a teacher reads beside it."""
    found = []
    if efficiency is not None and efficiency < LOW_EFFICIENCY:
        found.append(f"discriminative efficiency {efficiency:.0f}% is under 15%")
    if index is not None and index < 0:
        found.append(f"negative discrimination ({index:.0f}%): stronger students did worse")
    if facility is not None and facility <= HARD_FACILITY:
        found.append(f"facility {facility:.0%}: almost nobody got it right")
    if facility is not None and facility >= EASY_FACILITY:
        found.append(f"facility {facility:.0%}: almost everybody got it right")
    return tuple(found)


def upper_and_lower(totals: Mapping[Hashable, float]) -> tuple[set, set]:
    """The attempts in the upper and the lower 27 % by total mark (none under 2 attempts)."""
    ranked = sorted(totals, key=lambda a: (-totals[a], a))
    size = max(1, round(GROUP_SHARE * len(ranked))) if len(ranked) >= 2 else 0
    return set(ranked[:size]), set(ranked[len(ranked) - size:])


def _distractors(rows: list[AnswerRow], upper: set, lower: set) -> dict[Hashable, DistractorCount]:
    chosen = Counter(r.choice for r in rows if r.choice is not None)
    up = Counter(r.choice for r in rows if r.choice is not None and r.attempt_id in upper)
    low = Counter(r.choice for r in rows if r.choice is not None and r.attempt_id in lower)
    return {c: DistractorCount(chosen[c], up[c], low[c]) for c in sorted(chosen, key=str)}


def analyse_items(answers: Iterable[AnswerRow],
                  choice_fractions: Mapping[Hashable, Sequence[float]] | None = None
                  ) -> dict[Hashable, ItemStats]:
    """Moodle's item statistics for every question answered in ``answers``.

    ``choice_fractions`` gives, for each multiple-choice question, the fraction of credit of
    each of its choices (1 for the right one, 0 for the others); it sets the random guess score.
    """
    rows = list(answers)
    totals: dict[Hashable, float] = defaultdict(float)
    by_question: dict[Hashable, list[AnswerRow]] = defaultdict(list)
    for row in rows:
        totals[row.attempt_id] += row.mark
        by_question[row.question_id].append(row)
    upper, lower = upper_and_lower(totals)
    fractions = choice_fractions or {}
    return {qid: _item(qid, q_rows, totals, upper, lower, fractions.get(qid))
            for qid, q_rows in by_question.items()}


def _item(question_id: Hashable, rows: list[AnswerRow], totals: Mapping[Hashable, float],
          upper: set, lower: set, fractions: Sequence[float] | None) -> ItemStats:
    marks = [r.mark for r in rows]
    rest = [totals[r.attempt_id] - r.mark for r in rows]
    max_mark = max(r.max_mark for r in rows)
    facility = sum(marks) / len(marks) / max_mark if max_mark else None
    sd, index, efficiency = spread_figures(marks, rest, max_mark)
    guess = random_guess_score(fractions) if fractions is not None else None
    return ItemStats(question_id=question_id, attempts=len(rows), facility=facility, sd=sd,
                     discrimination_index=index, discriminative_efficiency=efficiency,
                     random_guess_score=guess,
                     distractors=_distractors(rows, upper, lower),
                     flags=flags_for(facility, index, efficiency))


@dataclass(frozen=True)
class StudyFacility:
    """Share of students whose first study review of a question passed (Hard, Good, Easy)."""

    question_id: Hashable
    students: int
    facility: float


def study_facility(first_reviews: Iterable[tuple[Hashable, int]]) -> dict[Hashable, StudyFacility]:
    """Facility from study: ``(question_id, rating)`` of each student's first review of it."""
    tally: dict[Hashable, list[int]] = defaultdict(lambda: [0, 0])  # passed, students
    for question_id, rating in first_reviews:
        counts = tally[question_id]
        counts[0] += Rating(int(rating)) is not Rating.AGAIN
        counts[1] += 1
    return {q: StudyFacility(q, n, hits / n) for q, (hits, n) in tally.items()}
