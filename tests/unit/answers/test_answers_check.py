"""Typed-answer checking: normalisation, typos, surnames, parts, numbers and wrong answers."""
from __future__ import annotations

import dataclasses

import pytest

from quizapp.answers import Verdict, allowed_edits, check_typed, form_of, normalise

PERSON = "Hossein Amir-Abdollahian"
OTHER_PERSON = "Jalil Abbas Jilani"
PROVINCE = "Sistan and Baluchistan province"


@pytest.mark.parametrize("given, answer", [
    ("Amir Abdollahian", PERSON),
    ("amir-abdollahian", PERSON),
    ("Hossein Amir Abdollahian", PERSON),
    ("Jilani", OTHER_PERSON),
    ("jalil abbas jilani", OTHER_PERSON),
    ("Jaish al Adl", "Jaish al-Adl"),
    ("Jaish-al-Adl", "Jaish al-Adl"),
    ("jaish al-adl group", "Jaish al-Adl"),
    ("1980 to 1988", "from 1980 to 1988"),
    ("1980-1988", "from 1980 to 1988"),
    ("Sistan and Baluchistan", PROVINCE),
    ("sistan-baluchistan", PROVINCE),
    ("three", "3"),
    ("twenty-one", "21"),
    ("eighth", "8th"),
    ("1,000", "1000"),
    ("  the Tehran ", "Tehran"),
    ("Téhéran", "Tehran"),
    ("\u201cIran\u201d", "Iran"),
    ("O\u2019Brien", "O'Brien"),
    ("in Paris", "Paris"),
    ("Major Nidal Hassan", "Nidal Hassan"),
    ("Nidal Hassan", "Major Nidal Hassan"),
    ("British Prime Minister David Cameron", "David Cameron"),
    ("Jalil Abbas Jilani", "Jilani"),
    ("Jalil Jilani", OTHER_PERSON),
    ("Mr Jilani", OTHER_PERSON),
    ("12", "12 people"),
    ("12 people", "12"),
    ("40%", "40 percent"),
    ("16 January 2024", "January 16, 2024"),
])
def test_accepted(given, answer):
    verdict = check_typed(given, answer)
    assert verdict.correct, verdict
    assert verdict.matched == answer


@pytest.mark.parametrize("given, answer, reason", [
    ("Iraq", "Iran", "a different name"),
    ("Iran", "Iraq", "a different name"),
    ("Balochistan", PROVINCE, "only part of the answer"),
    ("Baluchistan", PROVINCE, "only part of the answer"),
    ("Sistan", PROVINCE, "only part of the answer"),
    ("1981", "1980", "a different number"),
    ("1980 to 1989", "from 1980 to 1988", "a different number"),
    ("four", "3", "a different number"),
    ("Iran and Pakistan", "Iran", "more than the answer"),
    ("Pkstan", "Pakistan", "misspelt beyond what we accept"),
    ("York", "New York", "only part of the answer"),
    ("Motors", "General Motors", "only part of the answer"),
    ("Adl", "Jaish al-Adl", "only part of the answer"),
    ("Saturday night", "late Saturday night", "only part of the answer"),
    ("Abbas Jilani", OTHER_PERSON, "only part of the answer"),
    ("5", "5 million", "only part of the answer"),
    ("22", "May 22", "only part of the answer"),
    ("January 17 2024", "January 16, 2024", "a different number"),
    ("1980", "1980s", "a different number"),
])
def test_rejected(given, answer, reason):
    verdict = check_typed(given, answer)
    assert not verdict.correct
    assert verdict.reason == reason
    assert verdict.matched is None


def test_a_name_from_wrong_is_rejected_as_a_different_name():
    verdict = check_typed(PERSON, OTHER_PERSON, wrong=[PERSON])
    assert verdict == Verdict(False, verdict.score, "a different name", None)
    assert verdict.score < 0.6


def test_a_typo_that_lands_on_a_wrong_name_is_rejected():
    assert check_typed("Balochistan", "Baluchistan").correct
    verdict = check_typed("Balochistan", "Baluchistan", wrong=["Balochistan"])
    assert not verdict.correct and verdict.reason == "a different name"


def test_a_surname_shared_with_a_wrong_name_is_rejected():
    assert check_typed("Obama", "Barack Obama").correct
    assert not check_typed("Obama", "Barack Obama", wrong=["Michelle Obama"]).correct
    assert check_typed("Barack Obama", "Barack Obama", wrong=["Michelle Obama"]).correct


def test_a_wrong_form_equal_to_the_answer_is_ignored():
    assert check_typed("Tehran", "Tehran", wrong=["tehran", "Baghdad"]).correct


def test_accepted_forms_match_and_are_named():
    verdict = check_typed("IRGC", "Islamic Revolutionary Guard Corps", ["IRGC"])
    assert verdict.correct and verdict.matched == "IRGC" and verdict.score == 1.0
    assert not check_typed("Guard Corps", "Islamic Revolutionary Guard Corps", ["IRGC"]).correct


def test_a_caller_listed_surname_works_where_the_answer_does_not_look_like_a_person():
    assert not check_typed("Gaulle", "Charles de Gaulle").correct
    assert check_typed("de Gaulle", "Charles de Gaulle", ["de Gaulle"]).correct


@pytest.mark.parametrize("given, answer, correct", [
    ("Pakistn", "Pakistan", True),  # one deletion in 8 letters
    ("Paksitan", "Pakistan", True),  # a swap counts as one edit
    ("Pakstn", "Pakistan", False),
    ("Abdolahian", "Abdollahian", True),
    ("Abdolahyan", "Abdollahian", False),
    ("Jilany", "Jilani", True),
    ("Irna", "Iran", False),
])
def test_typos_are_forgiven_by_word_length(given, answer, correct):
    verdict = check_typed(given, answer)
    assert verdict.correct is correct
    if correct:
        assert verdict.reason == "close enough: minor spelling" and 0.8 < verdict.score < 1.0


def test_typo_allowance_grows_with_length():
    assert [allowed_edits(n) for n in (1, 4, 5, 8, 9, 11, 12, 18)] == [0, 0, 1, 1, 1, 1, 2, 3]


def test_surname_acceptance_says_so():
    verdict = check_typed("Jilani", OTHER_PERSON)
    assert verdict == Verdict(True, 1.0, "close enough: surname only", OTHER_PERSON)
    misspelt = check_typed("Amir Abdolahian", PERSON)
    assert misspelt.correct and misspelt.reason == "close enough: surname only"
    assert 0.9 < misspelt.score < 1.0


@pytest.mark.parametrize("given", ["", "   ", "the", "?!"])
def test_empty_answers_are_rejected(given):
    assert check_typed(given, "Iran") == Verdict(False, 0.0, "empty answer", None)


def test_answers_over_500_characters_are_rejected_and_told_why():
    verdict = check_typed("Iran " * 101, "Iran")
    assert not verdict.correct and "500 characters" in verdict.reason
    assert check_typed(" " * 495 + "Iran", "Iran").correct


def test_an_answer_without_letters_is_a_caller_error():
    with pytest.raises(ValueError):
        check_typed("Iran", "  ")


def test_normalise_folds_case_accents_quotes_punctuation_and_articles():
    assert normalise("  The \u201cAmir-Abdollahian\u2019s\u201d  visit. ") == "amir abdollahian visit"
    assert normalise("Quảng Nam") == "quang nam"


def test_person_detection_skips_places_particles_and_titles():
    assert form_of(OTHER_PERSON).surname == ("jilani",)
    assert form_of(PERSON).surname == ("amir", "abdollahian")
    assert form_of("President Barack Obama").surname == ("obama",)
    for text in ("New York", PROVINCE, "Jaish al-Adl", "United States", "Charles de Gaulle"):
        assert form_of(text).surname is None, text


def test_verdict_is_frozen():
    verdict = check_typed("Iran", "Iran")
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.correct = False  # type: ignore[misc]
