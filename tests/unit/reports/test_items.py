"""Moodle's item figures on a hand-made quiz of four attempts, worked out by hand below.

    attempt  q1 q2 q3  total   q2's choice
    A         1  1  1    3     right
    B         1  1  0    2     right
    C         1  0  0    1     x
    D         0  0  1    1     y

Upper 27 % of 4 attempts = round(1.08) = 1 attempt: A; lower: D (C and D tie on 1, D ranks
after C by id).
"""
import math

import pytest

from quizapp.reports import AnswerRow, analyse_items
from quizapp.reports.items import (
    discrimination_band, facility_band, guess_fractions, random_guess_score, study_facility)

MARKS = {"A": (1, 1, 1), "B": (1, 1, 0), "C": (1, 0, 0), "D": (0, 0, 1)}
CHOICES = {"A": "right", "B": "right", "C": "x", "D": "y"}


def quiz():
    rows = []
    for attempt, marks in MARKS.items():
        for number, mark in enumerate(marks, start=1):
            choice = CHOICES[attempt] if number == 2 else None
            rows.append(AnswerRow(attempt, f"q{number}", mark, 1, choice))
    return rows


def test_q2_discriminates_perfectly():
    # x = 1 1 0 0 (mean ½), rest C = 2 1 1 1 (mean 5/4)
    # Σ dx·dC = ½·¾ + ½·(−¼) + (−½)(−¼) + (−½)(−¼) = ½  → Cov = ½ / 3 = 1/6
    # V(x) = 4·¼ / 3 = 1/3;  V(C) = (9/16 + 3·1/16) / 3 = 1/4
    # sorted pairs (0,1)(0,1)(1,1)(1,2) give the same ½ → Cov_max = 1/6, efficiency 100
    item = analyse_items(quiz(), {"q2": [1, 0, 0]})["q2"]
    assert item.attempts == 4
    assert item.facility == pytest.approx(0.5)
    assert item.sd == pytest.approx(math.sqrt(1 / 3))
    assert item.discrimination_index == pytest.approx(100 * (1 / 6) / math.sqrt(1 / 12))
    assert item.discriminative_efficiency == pytest.approx(100)
    assert item.random_guess_score == pytest.approx(1 / 3)
    assert item.flags == ()


def test_q3_discriminates_the_wrong_way_and_is_flagged():
    # x = 1 0 0 1 (mean ½), C = 2 2 1 0 (mean 5/4)
    # Σ dx·dC = ½·¾ − ½·¾ − ½·(−¼) + ½·(−5/4) = −½ → Cov = −1/6
    # V(C) = (9/16 + 9/16 + 1/16 + 25/16) / 3 = 11/12
    # sorted: x 0 0 1 1, C 0 1 2 2 → Σ = ½·5/4 + ½·¼ + ½·¾ + ½·¾ = 3/2 → Cov_max = ½
    item = analyse_items(quiz())["q3"]
    assert item.discrimination_index == pytest.approx(100 * (-1 / 6) / math.sqrt(11 / 36))
    assert item.discriminative_efficiency == pytest.approx(100 * (-1 / 6) / 0.5)
    assert item.random_guess_score is None
    assert len(item.flags) == 2
    assert "under 15%" in item.flags[0] and "negative discrimination" in item.flags[1]


def test_q1_does_not_discriminate():
    # x = 1 1 1 0 (mean ¾), C = 2 1 0 1 (mean 1): Σ dx·dC = ¼ − ¼ = 0
    item = analyse_items(quiz())["q1"]
    assert item.facility == pytest.approx(0.75)
    assert item.discrimination_index == pytest.approx(0)
    assert item.discriminative_efficiency == pytest.approx(0)
    assert item.flags == ("discriminative efficiency 0% is under 15%",)


def test_distractors_are_counted_in_the_upper_and_lower_27_percent():
    counts = analyse_items(quiz())["q2"].distractors
    assert {c: (d.chosen, d.upper, d.lower) for c, d in counts.items()} == {
        "right": (2, 1, 0), "x": (1, 0, 0), "y": (1, 0, 1)}


def test_facility_bands_flag_questions_nearly_all_right_or_wrong():
    rows = [AnswerRow(a, "easy", 2, 2) for a in "ABC"] + [
        AnswerRow(a, "hard", 0, 2) for a in "ABC"] + [
        AnswerRow("A", "split", 1, 1), AnswerRow("B", "split", 0, 1),
        AnswerRow("C", "split", 0, 1)]
    items = analyse_items(rows)
    assert items["easy"].facility == 1.0
    assert "almost everybody" in items["easy"].flags[0]
    assert items["hard"].facility == 0.0 and "almost nobody" in items["hard"].flags[0]
    # no variance in the mark: no index or efficiency, as in Moodle
    assert items["easy"].discrimination_index is None
    assert items["easy"].discriminative_efficiency is None


def test_one_attempt_has_no_spread_figures():
    item = analyse_items([AnswerRow("A", "q", 1, 2)])["q"]
    assert item.facility == 0.5
    assert (item.sd, item.discrimination_index, item.discriminative_efficiency) == (
        None, None, None)


def test_random_guess_score_is_the_mean_credit_of_the_choices():
    assert random_guess_score([1, 0, 0, 0]) == 0.25
    assert random_guess_score([1, 0.5, 0]) == 0.5
    with pytest.raises(ValueError):
        random_guess_score([])


def test_ties_on_the_total_rank_by_attempt_id():
    # attempts 9 and 10 tie on 0; by id 9 ranks first, so the lower 27 % (1 of 4) is 10
    rows = [AnswerRow(a, "q", mark, 1, "c") for a, mark in ((1, 1), (2, 1), (9, 0), (10, 0))]
    counts = analyse_items(rows)["q"].distractors["c"]
    assert (counts.chosen, counts.upper, counts.lower) == (4, 1, 1)
    rows[3] = AnswerRow(10, "q", 0, 1, "d")
    assert analyse_items(rows)["q"].distractors["d"].lower == 1


def test_study_facility_is_the_pass_share_of_first_reviews():
    # q1: Good, Hard, Again, Easy → 3 of 4 pass; q2: Again, Again → 0 of 2
    first = [("q1", 3), ("q1", 2), ("q1", 1), ("q1", 4), ("q2", 1), ("q2", 1)]
    facility = study_facility(first)
    assert (facility["q1"].students, facility["q1"].facility) == (4, 0.75)
    assert (facility["q2"].students, facility["q2"].facility) == (2, 0.0)


def test_guess_fractions_by_kind():
    # one right among four choices: a random pick scores ¼; true or false ½; typed 0
    fractions = guess_fractions("mcq", ["Paris", "Lyon", "Nice", "Lille"], "Paris")
    assert fractions == [1.0, 0.0, 0.0, 0.0]
    assert random_guess_score(fractions) == 0.25
    assert random_guess_score(guess_fractions("truefalse", [], "true")) == 0.5
    assert random_guess_score(guess_fractions("short", [], "Paris")) == 0.0
    assert random_guess_score(guess_fractions("cloze", [], "Paris")) == 0.0


@pytest.mark.parametrize("facility, words", [
    (0.0, "extremely difficult or something wrong with the question"),
    (0.05, "extremely difficult or something wrong with the question"),
    (0.06, "very difficult"), (0.10, "very difficult"), (0.11, "difficult"),
    (0.21, "moderately difficult"), (0.34, "moderately difficult"),
    (0.35, "about right for the average student"), (0.64, "about right for the average student"),
    (0.66, "fairly easy"), (0.81, "easy"), (0.90, "very easy"), (0.94, "very easy"),
    (0.95, "extremely easy"), (1.0, "extremely easy"), (None, None)])
def test_facility_bands_are_moodles(facility, words):
    assert facility_band(facility) == words


@pytest.mark.parametrize("index, words", [
    (75.0, "very good discrimination"), (50.0, "very good discrimination"),
    (49.9, "adequate discrimination"), (30.0, "adequate discrimination"),
    (29.0, "weak discrimination"), (20.0, "weak discrimination"),
    (19.0, "very weak discrimination"), (0.0, "very weak discrimination"),
    (-0.5, "probably invalid: stronger students did worse"), (None, None)])
def test_discrimination_bands_are_moodles(index, words):
    assert discrimination_band(index) == words
