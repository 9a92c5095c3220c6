"""Model numbers spaced differently, and acronyms the article spells out."""
import pytest

from quizapp.answers import acronym_forms, check_typed

ARTICLE = ("The United States Air Force (USAF) flew an Airbus A330 tanker. "
           "NATO (North Atlantic Treaty Organization) allies met.")


@pytest.mark.parametrize("given, answer", [("A 330", "A330"), ("a330", "A330"),
                                           ("F 16", "F-16"), ("B52", "B-52")])
def test_spacing_inside_a_model_number_is_forgiven(given, answer):
    assert check_typed(given, answer).correct


@pytest.mark.parametrize("given, answer", [("A 340", "A330"), ("3 30", "330"),
                                           ("Iran", "Iraq"), ("A33", "A330")])
def test_other_numbers_and_names_stay_wrong(given, answer):
    assert not check_typed(given, answer).correct


@pytest.mark.parametrize("given", ["US Air Force", "United States Air Force", "USAF"])
def test_a_defined_acronym_accepts_its_long_and_mixed_forms(given):
    assert check_typed(given, "USAF", acronym_forms("USAF", ARTICLE)).correct


def test_the_definition_may_follow_the_acronym():
    forms = acronym_forms("NATO", ARTICLE)
    assert check_typed("North Atlantic Treaty Organization", "NATO", forms).correct


def test_an_acronym_the_text_does_not_define_accepts_nothing_more():
    assert acronym_forms("USAF", "The USAF said on Monday it flew.") == ()
    assert not check_typed("US Air Force", "USAF",
                           acronym_forms("USAF", "The USAF said on Monday.")).correct
    assert acronym_forms("Toulouse", ARTICLE) == ()


def test_a_parenthesis_that_does_not_spell_the_acronym_is_no_definition():
    assert acronym_forms("USAF", "Officials from the army (USAF) spoke.") == ()
