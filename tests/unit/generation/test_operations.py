"""Every named military or police operation an article names gets its questions; an
organisation whose name starts with "Operation" is not taken for one."""
import hashlib
import json
import re
from datetime import date

import pytest

from quizapp.generation import Article, generate_bank
from quizapp.generation import operations
from quizapp.generation.nlp import analyse

pytestmark = pytest.mark.slow
NAMES_ONE = re.compile(r"\b[Oo]peration\s+['‘\"“]?[A-Z]")


def _development_articles(shared_dir):
    """The development split of the Wikinews articles (the test split is never read here)."""
    path = shared_dir / "corpus" / "wikinews-articles" / "articles.jsonl"
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        if int(hashlib.sha256(row["id"].encode()).hexdigest(), 16) % 4 != 0:
            yield row


def _asks_about(question, name):
    return name in question["answer"] or name in question["prompt"] or \
        name in question.get("accepted", ())


def test_every_operation_of_the_development_articles_is_asked(shared_dir):
    named = [row for row in _development_articles(shared_dir) if NAMES_ONE.search(row["text"])]
    assert len(named) >= 3
    for row in named:
        article = Article(title=row["title"], text=row["text"],
                          published=date.fromisoformat(row["date"]))
        bank = generate_bank(article)
        found = [e["text"] for e in bank["entities"] if e["kind"] == "operation"]
        assert found, row["id"]
        for name in found:
            asked = [q for q in bank["questions"] if _asks_about(q, name)]
            assert any(q["answer"] == name or q["category"] == "operation" for q in asked), \
                (row["id"], name)


@pytest.mark.parametrize("text, name", [
    ("Israel launched Operation Cast Lead in Gaza in December 2008.", "Cast Lead"),
    ("Federal police in Brazil ran Operation Car Wash against corruption at Petrobras.",
     "Car Wash"),
    ("Prime Minister Nouri al-Maliki went to Basra to supervise Operation Sulat al-Fursan "
     "(Knights Charge).", "Sulat al-Fursan"),
    ("The bodies were found during an operation known as Operation Fahwat al Asad 2.",
     "Fahwat al Asad 2"),
    ("Over the last weeks, the British have conducted 'operation Sinbad ' against Shiite "
     "militias in Basra.", "Sinbad"),
])
def test_operation_names_are_read_whole(text, name):
    assert [e.text for e in analyse(text).ents if e.label_ == "OPERATION"] == [name]


def test_a_name_in_brackets_after_an_operation_is_its_meaning():
    doc = analyse("Prime Minister Nouri al-Maliki went to Basra to supervise Operation Sulat "
                  "al-Fursan (Knights Charge).")
    assert [(g.text, g.label_) for g in doc.spans["gloss"]] == [
        ("Knights Charge", "Sulat al-Fursan")]


@pytest.mark.parametrize("text", [
    "The charity Operation USA sent medical supplies to Haiti after the earthquake.",
    "Operation Smile, a non-profit organisation, repaired the cleft lips of 200 children.",
])
def test_an_organisation_named_operation_is_none(text):
    assert not [e for e in analyse(text).ents if e.label_ == "OPERATION"]
    at = text.index("Operation")
    assert operations.is_organisation(text, at, text.index(" ", at + 10))


def test_an_operation_asks_who_ran_it_and_where():
    text = ("Israel launched Operation Cast Lead in the Gaza Strip on December 27, 2008. "
            "Operation Cast Lead was aimed at stopping rocket fire from Hamas. Hamas fired "
            "rockets at the Israeli town of Sderot.")
    bank = generate_bank(Article(title="Gaza fighting", text=text, published=date(2009, 1, 2)))
    asked = [q for q in bank["questions"] if _asks_about(q, "Cast Lead")]
    assert asked
    assert bank["questions"][0] in asked  # a named operation comes first
