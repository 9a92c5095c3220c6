"""Wh-questions read as English and name what they ask about (the language model is loaded)."""
from datetime import date

import pytest

from quizapp.generation import Article, generate_bank

pytestmark = pytest.mark.slow

DOW = ("The biggest U.S. stock market index, the Dow Jones, plunged by more than 416 points by "
       "the closing bell on Tuesday, the worst single-day decline since the re-opening of the "
       "markets following the September 11th terrorist attacks. The automaker Chrysler will "
       "receive a loan from the US Treasury Department.")


@pytest.fixture(scope="module")
def dow_bank():
    return generate_bank(Article(title="Stocks", text=DOW, published=date(2007, 2, 27)))


def test_a_superlative_descriptor_is_not_kept_after_which(dow_bank):
    prompts = {q["prompt"]: q["answer"] for q in dow_bank["questions"] if q["kind"] == "short"}
    assert not any(p.startswith("In February 2007, which biggest") for p in prompts)
    assert prompts["In February 2007, which index plunged by more than 416 points by the "
                   "closing bell on Tuesday?"] == "Dow Jones"


def test_organisations_are_asked_by_their_sort(dow_bank):
    kinds = {e["text"]: e["kind"] for e in dow_bank["entities"]}
    assert kinds["Dow Jones"] == "index" and kinds["Chrysler"] == "carmaker"
    assert kinds["US Treasury Department"] == "government"
    # A title before a name is no pointer into the article: "The automaker _____ will …".
    assert any(q["kind"] == "cloze" and q["answer"] == "Chrysler" for q in dow_bank["questions"])
    # Too few indices in one article and no other banks: not asked as multiple choice.
    assert not any(q["kind"] == "mcq" for q in dow_bank["questions"])
