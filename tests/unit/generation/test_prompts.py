"""Prompts read as English and name what they ask about: the article's headline and date, or
the date alone when the headline gives the answer away (the language model is loaded)."""
from datetime import date

import pytest

from quizapp.bank import validate_bank
from quizapp.generation import Article, generate_bank
from quizapp.generation.article import derive_title
from quizapp.generation.headline import gives_away, masked
from quizapp.generation.quality import rejection
from quizapp.generation.questions import accepted_forms, undated

pytestmark = pytest.mark.slow

DOW = ("The biggest U.S. stock market index, the Dow Jones, plunged by more than 416 points by "
       "the closing bell on Tuesday, the worst single-day decline since the re-opening of the "
       "markets following the September 11th terrorist attacks. The automaker Chrysler will "
       "receive a loan from the US Treasury Department.")


@pytest.fixture(scope="module")
def dow_bank():
    return generate_bank(Article(title="Stocks", text=DOW, published=date(2007, 2, 27)))


def test_a_superlative_descriptor_is_not_kept_after_which(dow_bank):
    # How a candidate is phrased, kept or not (a bank keeps only what a teacher would).
    prompts = {q["prompt"]: q["answer"] for q in _candidates(dow_bank, every=True)
               if q["kind"] == "short"}
    assert not any("which biggest" in p for p in prompts)
    assert prompts["In “Stocks” (February 2007), which index plunged by more than 416 points by the "
                   "closing bell on Tuesday?"] == "Dow Jones"


def test_organisations_are_asked_by_their_sort(dow_bank):
    kinds = {e["text"]: e["kind"] for e in dow_bank["entities"]}
    assert kinds["Dow Jones"] == "index" and kinds["Chrysler"] == "carmaker"
    assert kinds["US Treasury Department"] == "government"
    # A title before a name is no pointer into the article: "The automaker _____ will …".
    assert any(q["kind"] == "cloze" and q["answer"] == "Chrysler"
               for q in _candidates(dow_bank, every=True))
    # Too few indices in one article and no other banks: not asked as multiple choice.
    assert not any(q["kind"] == "mcq" for q in dow_bank["questions"])


AUTO = ("The Senate voted the proposition down on Thursday. Ford Motor Company will close two "
        "more plants in 2012. Chrysler will receive a loan from the US Treasury Department.")


def _candidates(bank, every=False):
    """The kept questions and the other forms of them that were left out as twins (``every``:
    and every other candidate left out, as phrased)."""
    return [*bank["questions"], *(r for r in bank["rejected"]
                                  if every or r["reason"] == "another form of a kept question")]


def _prompts(title):
    bank = generate_bank(Article(title=title, text=AUTO, published=date(2008, 12, 13)))
    validate_bank(bank)
    return bank, {(q["kind"], q["answer"]): q["prompt"] for q in _candidates(bank, every=True)}


def test_each_kind_names_the_headline_and_the_date():
    bank, prompts = _prompts("White House considering auto rescue plan")
    named = "“White House considering auto rescue plan” (December 2008)"
    assert prompts["short", "Senate"] == \
        f"In {named}, which government body voted the proposition down on Thursday?"
    assert prompts["cloze", "2012"] == \
        f"From {named}: Ford Motor Company will close two more plants in _____."
    statement = next(q["prompt"] for q in _candidates(bank, every=True)
                     if q["kind"] == "truefalse")
    assert statement.startswith(f"True or false, from {named}: ")


def test_a_headline_that_gives_the_answer_away_is_shown_without_it():
    bank, prompts = _prompts("Senate rejects GM rescue plan for 2012")
    # "Senate" and "2012" are in the headline: those questions name it without them.
    assert prompts["short", "Senate"] == ("In “… rejects GM rescue plan for 2012” (December "
                                          "2008), which government body voted the proposition "
                                          "down on Thursday?")
    assert prompts["cloze", "2012"] == ("From “Senate rejects GM rescue plan for …” (December "
                                        "2008): Ford Motor Company will close two more plants "
                                        "in _____.")
    # "Chrysler" is not in it: the headline stays whole.
    assert prompts["cloze", "Chrysler"].startswith("From “Senate rejects GM rescue plan for 2012”")
    assert not any(q["answer"] in q["prompt"] for q in bank["questions"] if q["kind"] != "truefalse")


def test_a_headline_that_says_little_without_the_answer_leaves_only_the_date():
    _, prompts = _prompts("Senate votes")
    # Without "Senate" the headline is one word: the question names only its date.
    assert prompts["short", "Senate"] == \
        "In December 2008, which government body voted the proposition down on Thursday?"
    assert prompts["cloze", "Chrysler"].startswith("From “Senate votes” (December 2008): ")


def test_masked_headline():
    assert masked("Nauru to hold parliamentary elections", ["Nauru"]) == \
        "… to hold parliamentary elections"
    assert masked("Moldovan mobile phone growth results in more than 2 million users",
                  ["Moldova"]) == "… mobile phone growth results in more than 2 million users"
    assert masked("UK's BAA forced to sell three airports", ["BAA Limited", "BAA"]) == \
        "UK's … forced to sell three airports"
    assert masked("Greece votes", ["Greece"]) is None  # one word left names no story


def test_ids_do_not_depend_on_the_headline():
    first, _ = _prompts("White House considering auto rescue plan")
    second, _ = _prompts("Senate rejects GM rescue plan for 2012")
    ids = {(q["kind"], q["answer"], q["source"]["start"]): q["id"] for q in first["questions"]}
    same = [(q["kind"], q["answer"], q["source"]["start"]) for q in second["questions"]
            if (q["kind"], q["answer"], q["source"]["start"]) in ids]
    assert same  # the headline ranks the questions; a question asked in both keeps its id
    assert all(ids[key] == q["id"] for q in second["questions"]
               for key in [(q["kind"], q["answer"], q["source"]["start"])] if key in ids)


def test_a_title_derived_from_the_text_is_no_headline():
    article = Article(title=derive_title(AUTO), text=AUTO, published=date(2008, 12, 13))
    assert article.headline is None
    assert not any("“" in q["prompt"] for q in generate_bank(article)["questions"])


@pytest.mark.parametrize("headline, forms", [
    ("Ford Motor Company cutting 30,000 jobs by 2012", ["2012"]),          # the number itself
    ("Ford Motor Company cutting 30,000 jobs by 2012", ["Ford"]),          # a word of the name
    ("Ford cuts jobs", ["Ford Motor Company"]),                            # a word of the answer
    ("Iranian strikes kill seven", ["Iran"]),                              # inside a longer word
    ("Iran strikes kill seven", ["Iranian"]),                              # the stem of the answer
    ("GM sales plunge by 45%", ["General Motors"]),                        # its acronym
    ("General Motors sales plunge by 45%", ["GM"]),                        # its expansion
    ("EADS wins tanker deal", ["European Aeronautic Defence and Space Company"]),
    ("Dow Jones falls below 9,000", ["Nasdaq", "the Dow Jones"]),          # an other form
])
def test_headlines_that_give_the_answer_away(headline, forms):
    assert gives_away(headline, forms)


@pytest.mark.parametrize("headline, forms", [
    ("White House considering auto rescue plan", ["Senate"]),
    ("Ford Motor Company cutting 30,000 jobs by 2012", ["2011"]),
    ("Bank of America buys Merrill Lynch", ["Department of Energy"]),     # "of" says nothing
    ("US stocks log gains for fourth week in a row", ["Nasdaq"]),
])
def test_headlines_that_do_not(headline, forms):
    assert not gives_away(headline, forms)


def test_a_dated_question_drops_the_articles_today_and_yesterday():
    """"'yesterday' left in a dated question" (blind judge, development split)."""
    assert undated("From “Suharto dies at 86” (January 2008): Suharto, second president of "
                   "Indonesia, has died today in a _____ hospital at the age of 86.") == (
        "From “Suharto dies at 86” (January 2008): Suharto, second president of Indonesia, "
        "has died in a _____ hospital at the age of 86.")
    assert undated("October 2007 news: Brown is expected to travel to _____ later today.") == \
        "October 2007 news: Brown is expected to travel to _____."
    assert undated("_____ told analysts on a conference call yesterday.") == \
        "_____ told analysts on a conference call."
    kept = "In May 2008, which paper did USA Today cite on today's figures?"
    assert undated(kept) == kept


def test_broken_and_loose_answers_are_not_accepted():
    """"accepted alternative 'John Birch Society (JBS' is broken"; "accepted 'president' is
    too loose" (blind judge, development split)."""
    assert accepted_forms(["John Birch Society (JBS", "JBS"], "John Birch Society") == ["JBS"]
    assert accepted_forms(["Ecuador's president", "president"], "Ecuadorian president") == \
        ["Ecuador's president"]
    assert accepted_forms(["CEO", "attorney", "Northrop Grumman's CEO"],
                          "Northrop Grumman CEO") == ["Northrop Grumman's CEO"]
    question = {"id": "q-1", "kind": "cloze", "category": "what", "accepted": ["JBS"],
                "prompt": "The poll was run by the _____), show several candidates.",
                "answer": "John Birch Society (JBS"}
    assert rejection(question) == "malformed"
    assert rejection({**question, "answer": '"Kucinich for President'}) == "malformed"
