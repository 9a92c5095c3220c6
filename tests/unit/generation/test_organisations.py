"""Organisations: each gets its sort (company, index, government body, …) and distractors of
that sort only; an answer's own acronym or expansion is never among the choices."""
import random

from quizapp.generation.distractors import pick_distractors
from quizapp.generation.entities import Entity
from quizapp.generation.orgs import organisation_sort, refine_sorts, sort_by_name, trade_of
from quizapp.generation.quality import rejection


def _records(kind, *texts, mentions=1):
    return [{"text": t, "kind": kind, "mentions": [{"start": 0, "end": 1}] * mentions}
            for t in texts]


def _sort(name, text=""):
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return organisation_sort(name, text, [(s, s + len(name)) for s in starts])


def test_sorts_from_the_name():
    assert sort_by_name("Qatar Airways") == "company"
    assert sort_by_name("US Treasury Department") == "government"
    assert sort_by_name("Department of Labor") == "government"
    assert sort_by_name("United Auto Workers") == "union"
    assert sort_by_name("Congressional Record") == "media"
    assert sort_by_name("Hang Seng") == "index"
    assert sort_by_name("International Monetary Fund") == "international"
    assert sort_by_name("European Central Bank") == "international"
    assert sort_by_name("Bank of America") == "company"
    assert sort_by_name("Cats Protection") is None and sort_by_name("Boeing") is None


def test_sorts_from_how_the_article_speaks():
    assert _sort("Nasdaq", "The Nasdaq fell 54.97 points to 1807.99.") == "index"
    assert _sort("Standard & Poor", "The Standard & Poor 500 index rose.") == "index"
    assert _sort("Chrysler", "The automaker Chrysler will receive a loan.") == "carmaker"
    assert _sort("Boeing", "Boeing's shares rose on Monday.") == "company"
    assert _sort("Jaish al-Adl", "The militant group Jaish al-Adl said so.") == "group"
    assert _sort("Qatar Airways", "Qatar Airways ordered jets.") == "airline"
    assert _sort("Cats Protection", "Cats Protection said nothing.") == "organisation"
    assert trade_of("Ford Motor Company") == "carmaker" and trade_of("Boeing") is None


def test_other_articles_sharpen_an_unknown_sort():
    boeing = Entity("Boeing", "ORG", "organisation", "what")
    pentagon = Entity("Cats Protection", "ORG", "organisation", "what")
    refine_sorts([boeing, pentagon], _records("planemaker", "Boeing", mentions=3)
                 + _records("company", "Boeing"))
    assert boeing.kind == "planemaker" and pentagon.kind == "organisation"


def test_an_organisation_of_no_known_sort_is_not_asked_as_multiple_choice():
    article = _records("organisation", "OPEC", "Cats Protection", "Hang Seng", "Chrysler")
    chosen = pick_distractors("TUI Travel", [], "organisation", "Which organisation …?",
                              article, article, random.Random(1))
    assert chosen == []
    question = {"id": "q", "kind": "mcq", "category": "what", "answer": "TUI Travel",
                "prompt": "In October 2008, which organisation rose 3%?", "accepted": [],
                "choices": ["TUI Travel"]}
    assert rejection(question) == "not enough distractors of the same kind"


def test_indices_get_indices_and_companies_of_one_trade_get_their_trade():
    corpus = (_records("index", "FTSE", "Nasdaq", "Dow Jones", "Dow Industrials", mentions=3)
              + _records("company", "Chrysler", "TUI Travel", mentions=5)
              + _records("airline", "Singapore Airlines", mentions=5))
    chosen = pick_distractors("Hang Seng", [], "index", "Which index fell 7.19%?", [], corpus,
                              random.Random(1))
    assert len(chosen) == 3 and set(chosen) <= {"FTSE", "Nasdaq", "Dow Jones", "Dow Industrials"}
    assert not {"Dow Jones", "Dow Industrials"} <= set(chosen)  # one Dow, not two
    # A company of unknown trade draws only on its own article, never on other stories.
    assert pick_distractors("Ford", [], "company", "Which company …?", [], corpus,
                            random.Random(1)) == []


def test_an_answers_expansion_or_acronym_is_never_a_distractor():
    article = _records("company", "European Aeronautic Defence", "JSA Research", "UBS",
                       "Airbus", "Lockheed")
    for seed in range(5):
        chosen = pick_distractors("EADS N.V.", [], "company", "Which company …?", article, [],
                                  random.Random(seed))
        assert "European Aeronautic Defence" not in chosen and len(chosen) == 3
    indices = _records("index", "Standard & Poor", "Dow", "FTSE", "Nasdaq")
    assert "Standard & Poor" not in pick_distractors("S&P", [], "index", "Which index …?",
                                                     indices, [], random.Random(1))
    companies = _records("company", "GM", "Ford Motor Co.", "Ford Motor Company", "Toyota",
                         "Aer Lingus Group PLC", "Nissan")
    for seed in range(5):
        chosen = pick_distractors("Ryanair", [], "company",
                                  "Which company owns a share in Aer Lingus?", companies, [],
                                  random.Random(seed))
        assert "Aer Lingus Group PLC" not in chosen  # the prompt names it
        assert not {"Ford Motor Co.", "Ford Motor Company"} <= set(chosen)  # one company twice
