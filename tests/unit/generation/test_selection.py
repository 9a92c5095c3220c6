"""A bank is the questions a teacher keeps: one per fact, best first, the story's own subjects,
whole names, safe accepted answers — and nothing that is not worth asking (real sentences)."""
from datetime import date

import pytest
from spacy.tokens import Span

from quizapp.generation import Article, generate_bank
from quizapp.generation.entities import aliases_of
from quizapp.generation.fact import Fact
from quizapp.generation.facts import cuts_a_name
from quizapp.generation.nlp import analyse
from quizapp.generation.quality import rejection
from quizapp.generation.selection import not_worth_asking, one_of_a_list

pytestmark = pytest.mark.slow


def _bank(text, title="World news"):
    return generate_bank(Article(title=title, text=text, published=date(2007, 5, 4)))


def _reasons(bank, answer):
    return {r["reason"] for r in bank["rejected"] if r["answer"] == answer}


def test_a_paragraph_never_runs_into_the_next():
    doc = analyse("On the IntercontinentalExchange Brent Crude futures reached US$89.30 as of "
                  "8:34 a.m..\n\nNYMEX crude rose to a record.")
    assert [s.text.strip() for s in doc.sents][-1] == "NYMEX crude rose to a record."


def test_one_fact_is_one_question_best_first():
    bank = _bank("Iran launched missile strikes on Pakistan on Tuesday. Pakistan recalled its "
                 "ambassador from Iran on Wednesday. Pakistani Foreign Minister Jalil Abbas "
                 "Jilani condemned the strikes in Islamabad.", title="Iran strikes Pakistan")
    questions = bank["questions"]
    assert questions
    assert len({q["fact"] for q in questions}) == len(questions)
    assert len({q["prompt"] for q in questions}) == len(questions)
    scores = [q["quality"]["score"] for q in questions]
    assert scores == sorted(scores, reverse=True)
    assert "another form of a kept question" in {r["reason"] for r in bank["rejected"]}
    assert all("salience" in q["quality"]["signals"] for q in questions)


def test_a_conversion_in_brackets_is_not_asked():
    text = ("The Royal Canadian Mint said the Gold Maple Leaf coin weighs 100 kilograms "
            "(220 pounds) and is made of pure gold.")
    doc = analyse(text)
    for answer, reason in (("220 pounds", "a conversion in brackets"), ("100 kilograms", None)):
        at = text.index(answer)
        fact = Fact("number", answer, 0, span=(at, at + len(answer)), kind="quantity",
                    rule="cloze")
        assert not_worth_asking({"kind": "cloze"}, fact, doc, lead=True) == reason


def test_the_source_of_a_figure_is_not_asked():
    bank = _bank("Oil touched a record price of US$92.22 a barrel in New York, according to "
                 "Bloomberg. Crude closed at $91.86 on Friday.", title="Oil prices reach high")
    assert not any(q["answer"] == "Bloomberg" for q in bank["questions"])
    assert "the source of a report" in _reasons(bank, "Bloomberg")


def test_a_blank_never_cuts_a_name_in_two():
    doc = analyse("Airbus is owned by its parent company European Aeronautic Defence and Space "
                  "Company, which is based in the Netherlands.")
    start = next(t.i for t in doc if t.text == "European")
    half = Span(doc, start, start + 3, label="ORG")  # "European Aeronautic Defence"
    doc.ents = [half]  # as the model reads it in some sentences
    assert cuts_a_name(half)
    whole = Span(doc, start, start + 6, label="ORG")
    doc.ents = [whole]
    assert not cuts_a_name(whole)


def test_a_model_number_names_its_product():
    assert {"787", "787 Dreamliner"} <= set(aliases_of("787 Dreamliners", "PRODUCT"))
    assert aliases_of("2008 Olympics", "EVENT") == []  # a year alone is another answer


def test_a_surname_that_is_also_a_word_is_no_answer_alone():
    bank = _bank("Lib Dems leader Nick Clegg spoke to the Lib Dems conference in Liverpool. "
                 "He said the Lib Dems would win more seats.", title="Clegg speaks")
    accepted = {a for q in bank["questions"] for a in q["accepted"]}
    entities = {e["text"]: e["aliases"] for e in bank["entities"]}
    assert "Dems" not in accepted and "Dems" not in entities.get("Lib Dems", [])


def test_a_surname_the_article_uses_is_accepted():
    bank = _bank("The vice president of the United States, Joe Biden, said yesterday that he "
                 "expects new sanctions against Iran. Biden also said that Israel has pledged "
                 "not to take military action against Iran.", title="Biden on Iran")
    assert "Biden" in next(e for e in bank["entities"] if e["text"] == "Joe Biden")["aliases"]


@pytest.mark.parametrize("body, answer", [
    ("_____ has denied ever influencing the decisions of the.", "Karl Rove"),  # a lost word
    ("Economy and business The government of Dubai will provide _____ to Dubai World.",
     "$9.5 billion"),                                                         # a fused label
    ('Who said that Rove is "constitutionally immune from testimony"."?', "Robert Luskin"),
    ("In May, the panel subpoena _____ in an attempt to force him to testify.", "ed Rove"),
])
def test_what_the_source_text_broke_is_not_asked(body, answer):
    question = {"kind": "cloze", "category": "who", "prompt": body, "_body": body,
                "answer": answer, "accepted": []}
    assert rejection(question) == "malformed"


def test_a_household_name_in_office_is_general_knowledge():
    fact = Fact("who", "George W. Bush", 3, "Who was the United States president?",
                rule="role", kind="person")
    assert not_worth_asking({"kind": "short"}, fact, None, lead=False) == "general knowledge"
    fact = Fact("who", "Jalil Abbas Jilani", 3, "Who was Pakistan's foreign minister?",
                rule="role", kind="person")
    assert not_worth_asking({"kind": "short"}, fact, None, lead=False) is None


@pytest.mark.parametrize("body, listed", [
    # "one item of a list of three countries with embassy attacks" (blind judge, dev split)
    ("There have been demonstrations and attacks on Danish embassies and consulates in "
     "Pakistan, Jordan and _____.", True),
    ("Of the 72 examined, Stockholm came out on top, followed in order by _____, Munich and "
     "Paris.", True),
    ("Andhra Pradesh, _____ and Orissa will elect their state representatives simultaneously "
     "with the Lok Sabha polls.", True),
    # A place within a place, or one of two, is no list.
    ("Suharto was born Raden Suharto on June 8, 1921 in _____, Java, Indonesia.", False),
    ("Democrat _____ and Republican Duncan Hunter were also barred from the broadcast.", False),
])
def test_one_item_of_a_list_is_not_worth_asking(body, listed):
    assert one_of_a_list(body) is listed
