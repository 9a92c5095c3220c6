"""Questions say what they are about: relational nouns with no owner, a country standing for its
market, a word of the answer's name left in the prompt (the language model is loaded)."""
from datetime import date

import pytest

from quizapp.generation import Article, generate_bank
from quizapp.generation.grounding import about_markets, unsaid
from quizapp.generation.nlp import analyse
from quizapp.generation.quality import name_leak, rejection

pytestmark = pytest.mark.slow


def _unsaid(sentence: str, markets: bool = False) -> str | None:
    return unsaid(analyse(sentence), markets=markets)


@pytest.mark.parametrize("sentence, noun", [
    ("The United States government would hold a 60% stake.", "stake"),
    ("Fiat can assume the majority of the ownership upon repayment of American loans.",
     "ownership"),
    ("Special services will continue from October 28.", "services"),
    ("The first flight will take off for a charity flight from Singapore and land in Sydney.",
     "flight"),
    ("About 9,000 production jobs will be cut in the U.S. and 2,000 in Canada.", "jobs"),
    ("The deal was approved by shareholders on Monday.", "deal"),
])
def test_a_relational_noun_without_an_owner_needs_the_article(sentence, noun):
    assert _unsaid(sentence) == f"“{noun}” without saying whose"


@pytest.mark.parametrize("sentence", [
    "In 2009, Fiat bought a twenty percent stake in Chrysler.",           # stake in what: said
    "The first flight of the 777 was in 1994.",                           # of what: said
    "Airbus' first flight is scheduled for early March.",                 # whose: possessive
    "GM will cut 30,000 jobs and close five factories.",                  # the doer owns them
    "Ford said that total sales improved to 142,285 units.",              # a named speaker
    "Oil prices also dropped to lows not reached since February.",        # prices in general
    "The FTSE 100 rose in value by 8.04%, which is 392.50 points.",       # "in value": no one's
    "Boeing announced a deal with Air Berlin on Saturday.",               # indefinite
    "The plan to cut 30,000 jobs was announced by Ford in January.",      # the plan's content
])
def test_relational_nouns_that_say_whose_are_kept(sentence):
    assert _unsaid(sentence) is None


def test_a_country_stands_for_its_market_only_in_a_story_about_markets():
    sentence = "Australia dropped by 8.4% and South Korea saw a 9% fall."
    assert _unsaid(sentence, markets=True) == "“Australia” standing for its market"
    assert _unsaid("South Korea saw a 9% fall on Friday.", markets=True) == \
        "“Korea” standing for its market"
    assert _unsaid(sentence, markets=False) is None
    # The market is named: "Britain's FTSE 100", "stocks in Japan".
    assert _unsaid("Britain's FTSE 100 fell 2% on Friday.", markets=True) is None
    assert _unsaid("Stocks in Japan fell 2% on Friday.", markets=True) is None
    # A country's own deeds are not its market's.
    assert _unsaid("China opened its markets to foreign banks.", markets=True) is None


def test_an_article_about_markets_is_told_from_its_words():
    assert about_markets(analyse(
        "The Dow Jones index fell 300 points. The Nasdaq index lost 2%. Shares of GM fell, and "
        "investors sold stocks across the market."))
    assert not about_markets(analyse("Boeing delivered its first 787 to All Nippon Airways."))


def _question(answer, prompt, category="what", kind="cloze"):
    return {"answer": answer, "prompt": prompt, "category": category, "kind": kind,
            "accepted": []}


def test_a_word_of_the_answers_name_in_the_prompt_is_a_leak():
    leaky = _question("Ford Motor Company", "January 2006 news: The _____ will cut 30,000 jobs "
                      "as part of a plan to relieve Ford after a loss.")
    assert name_leak(leaky) == "Ford"
    assert rejection(leaky) == "answer leaks into the prompt"
    assert name_leak(_question("McDonnell Douglas", "The plant was the home of Douglas Aircraft "
                               "and _____.")) == "Douglas"
    assert name_leak(_question("Rick Wagoner", "In 2009, who did Wagoner replace?", "who",
                               "short")) == "Wagoner"


def test_words_naming_a_sort_stop_words_and_the_date_are_no_leak():
    # "Airlines" names the sort of another company, not the answer.
    assert name_leak(_question("Pakistan International Airlines", "Bans were lifted on flag "
                               "carrier _____ and Surinam carrier Blue Wing Airlines.")) is None
    assert name_leak(_question("Bank of America", "_____ gained $704 million in a year of "
                               "losses for the bank.")) is None
    # Numbers and dates are not names: "October 2007 news:" is the generator's own lead.
    assert name_leak(_question("October 28", "October 2007 news: Regular service on the "
                               "Singapore-Sydney route begins on _____.", "when")) is None
    assert name_leak(_question("New Zealand", "In March 2008, which country did Airbus New "
                               "Guinea sell planes to?", "where", "short")) is None


def test_such_questions_are_rejected_with_their_reason():
    text = ("The United States government would hold a 60% stake. Special services will "
            "continue from October 28. General Motors will cut 30,000 jobs in Canada as it "
            "closes plants in Oshawa and Windsor.")  # long enough to say what it is about
    bank = generate_bank(Article(title="GM", text=text, published=date(2009, 6, 1)))
    shown = " ".join(q["prompt"] for q in bank["questions"])
    assert "60% stake" not in shown and "Special services" not in shown
    assert "30,000 jobs" in shown  # whose jobs: General Motors'
    reasons = {r["prompt"]: r["reason"] for r in bank["rejected"]}
    assert reasons["From “GM” (June 2009): Special services will continue from _____."] == \
        "needs the article to make sense"


@pytest.mark.parametrize("sentence, noun", [
    ("If a price is not agreed on by that time, Fiat will pay the average.", "time"),
    ("The massive airliner will then fly directly to Sydney and Melbourne.", "airliner"),
    ("Pipas points to gas prices as the direct cause of the latest initiative.", "initiative"),
    ("The first jets will be delivered in 2014.", "jets"),
])
def test_a_definite_phrase_that_names_nothing_points_back(sentence, noun):
    assert _unsaid(sentence) == f"“{noun}” without saying which"


@pytest.mark.parametrize("sentence", [
    "General Motors' shares lost 15.5% after the auto firm announced its auditors' doubts.",
    "In January 2005, Boeing announced that it would cancel the 717 program.",
    "The first A380 superjumbo, made by Airbus, was delivered today to Singapore Airlines.",
    "Shares in the auto companies Toyota, Nissan and Honda all dropped by 10 percent.",
    "Ford sales dropped 42% last month from the previous year.",
    "Stocks fell, causing some of the biggest single-day losses in recent years.",
])
def test_a_definite_phrase_with_its_referent_at_hand_is_kept(sentence):
    assert _unsaid(sentence) is None


def test_a_pronoun_needs_something_before_it_to_stand_for():
    assert _unsaid("Senator John McCain entered them into the Congressional Record.") == \
        "“them” with nothing before it to stand for"
    assert _unsaid("Alan Mulally remembered asking, “It's the best-selling car in America.”") \
        == "“It” with nothing before it to stand for"
    assert _unsaid("GM and Chrysler said their sales fell.") is None
    assert _unsaid("UAW workers in Detroit earn $28 an hour; their replacements earn half.") \
        is None
    assert _unsaid("Airbus said that it would cut 10,000 jobs.") is None


def test_a_comparison_needs_what_it_compares_with():
    assert _unsaid("Bank of America fared worse, with a fall of 17.38%.") == \
        "“worse” without saying than what"
    assert _unsaid("Bank of America fared worse than Citigroup.") is None


def test_the_same_period_needs_a_date_before_it():
    assert _unsaid("In the same period a year earlier, Bank of America gained $704 million.") \
        == "“period” without saying which"
    assert _unsaid("Sales of cars in the United States fell 35% in January, compared to the "
                   "same month a year ago.") is None


def test_an_amount_with_its_currency_sign_after_it_is_malformed():
    question = _question("150 million $", "The government will give up to _____(US$199 "
                         "million) in aid.", "number")
    assert rejection(question) == "malformed"
    assert rejection(_question("US$199 million", "The government will give up to 150 "
                               "million euros (_____) in aid.", "number")) is None


def test_other_and_candidate_need_what_they_are_of():
    assert _unsaid("EVA Airways is the other launch customer.") == \
        "“customer” without saying which"
    assert _unsaid("Automotive News reports that Renault Samsung Motors of Korea is the most "
                   "likely candidate.") == "“candidate” without saying whose"
    assert _unsaid("Renault is the most likely candidate for the Saturn brand.") is None


def test_a_name_read_after_the_is_not_swapped_for_a_person():
    text = ("Boeing chief executive Jim McNerney spoke on Monday. Airbus chief executive Louis "
            "Gallois spoke on Tuesday. Whereas the Airbus A380 is aimed at large hubs, the "
            "Dreamliner is targeted at smaller airports where Boeing predicts growth.")
    bank = generate_bank(Article(title="Jets", text=text, published=date(2007, 7, 9)))
    assert next(e for e in bank["entities"] if e["text"] == "Dreamliner")["kind"] == "person"
    # every candidate statement, kept or left out as another form of a kept question
    statements = [q["prompt"] for q in [*bank["questions"], *bank["rejected"]]
                  if q["kind"] == "truefalse"]
    assert statements  # the sentences about people are still stated
    assert not any("smaller airports" in s for s in statements)
