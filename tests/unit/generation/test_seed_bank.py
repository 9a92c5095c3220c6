"""The seed article's bank: it asks about every fact a teacher expects, and every question holds."""
import random
from pathlib import Path

import pytest

from quizapp.bank import load_bank, normalise_answer, validate_bank
from quizapp.generation import generate_bank, summary

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[3]
SHIPPED = ROOT / "questions" / "000_a09212d6aeb45f40.json"


def _asked(bank, answer, category=None, kinds=None, prompt_has=""):
    return [q for q in bank["questions"]
            if normalise_answer(q["answer"]) == normalise_answer(answer)
            and (category is None or q["category"] == category)
            and (kinds is None or q["kind"] in kinds) and prompt_has in q["prompt"]]


@pytest.mark.parametrize("answer, category, prompt_has", [
    ("Marg Bar Sarmachar", "operation", "death to guerrilla fighters"),
    ("death to guerrilla fighters", "operation", "Marg Bar Sarmachar"),
    ("Jaish al-Adl", "what", ""),  # a group: "what" (people and their roles are "who")
    ("Hossein Amir-Abdollahian", "who", "foreign minister"),
    ("Iranian Foreign Minister", "who", "Hossein Amir-Abdollahian"),
    ("Jalil Abbas Jilani", "who", "foreign minister"),
    ("Pakistani Foreign Minister", "who", "Jalil Abbas Jilani"),
    ("Sistan and Baluchistan province", "where", ""),
    ("Balochistan province", "where", ""),
    ("Iran-Iraq war", "what", "1980 to 1988"),
    ("1980 to 1988", "when", "Iran-Iraq war"),
    ("Baloch", "who", ""),
    ("four", "number", "children"),
    ("three", "number", "women"),
    ("Pakistan", "where", "recall its ambassador"),
])
def test_seed_facts_are_asked(seed_bank, answer, category, prompt_has):
    assert _asked(seed_bank, answer, category, prompt_has=prompt_has), (answer, category)


def test_wh_questions_read_as_expected(seed_bank):
    prompts = {q["prompt"]: q["answer"] for q in seed_bank["questions"]
               if q["kind"] in ("short", "mcq")}
    assert prompts["Which operation name loosely translates to “death to guerrilla fighters”?"] \
        == "Marg Bar Sarmachar"
    assert prompts["How many children were among the casualties Iran reported?"] == "four"
    assert prompts["Which Pakistani foreign minister strongly condemned Iran’s attack?"] == \
        "Jalil Abbas Jilani"
    assert prompts["Which country was prompted to recall its ambassador from Iran and suspend "
                   "high-level visits?"] == "Pakistan"
    assert prompts["When was the Iran-Iraq war fought?"] == "1980 to 1988"
    assert prompts["Which people have a history of seeking independence and resenting rule from "
                   "Islamabad and Tehran?"] == "Baloch"
    assert prompts["Which Baloch separatist group targeted by Iran operates on both sides of the "
                   "border and advocates for the independence of Iran’s Sistan and Baluchistan "
                   "provinces?"] == "Jaish al-Adl"


def test_every_question_validates_and_points_at_its_sentence(seed_bank, seed_article):
    assert validate_bank(seed_bank) == []
    text = seed_article.text
    for q in seed_bank["questions"]:
        src = q["source"]
        assert text[src["start"]:src["end"]] == src["text"]
        assert q["origin"] == "generated" and 0 <= q["quality"]["score"] <= 1
        if q["kind"] == "mcq":
            assert len(q["choices"]) == 4 and q["answer"] in q["choices"]
            aliases = {normalise_answer(a) for a in [q["answer"], *q["accepted"]]}
            wrong = [c for c in q["choices"] if c != q["answer"]]
            assert not aliases & {normalise_answer(c) for c in wrong}
        if q["kind"] == "cloze":
            assert q["prompt"].count("_____") == 1
        if q["kind"] in ("short", "mcq"):
            assert q["answer"].casefold() not in q["prompt"].casefold()
        if q["kind"] == "truefalse" and q["answer"] == "true":
            assert q["prompt"].split(": ", 1)[1] in text


def test_accepted_forms(seed_bank):
    person = _asked(seed_bank, "Hossein Amir-Abdollahian", kinds={"short", "cloze"})[0]
    assert {"Amir-Abdollahian", "Amir Abdollahian"} <= set(person["accepted"])
    place = _asked(seed_bank, "Sistan and Baluchistan province", kinds={"cloze"})[0]
    assert "Sistan and Baluchistan" in place["accepted"]
    assert "Balochistan" not in place["accepted"]
    count = _asked(seed_bank, "four", "number", kinds={"short", "mcq"})[0]
    assert count["accepted"] == ["4"]


def test_ids_are_stable_across_runs(seed_article, seed_bank):
    again = generate_bank(seed_article, rng=random.Random(seed_article.sha256))
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in seed_bank["questions"]]
    assert again == seed_bank


def test_one_fact_is_one_question(seed_bank):
    facts = [q["fact"] for q in seed_bank["questions"]]
    prompts = [q["prompt"] for q in seed_bank["questions"]]
    assert len(facts) == len(set(facts)) and len(prompts) == len(set(prompts))
    reasons = {r["reason"] for r in seed_bank["rejected"]}
    assert "another form of a kept question" in reasons  # the short twin of a kept choice


def test_the_bank_is_best_first_and_kept_to_size(seed_bank):
    scores = [q["quality"]["score"] for q in seed_bank["questions"]]
    assert scores == sorted(scores, reverse=True)
    assert 10 <= len(scores) <= 25
    # Multiple choice is kept wherever the article gives distractors of a kind blind judges
    # found fair (countries here); the roles' choices ("What position does … hold?") were
    # refused in all 26 of dev1 and dev2, so roles are asked as short answers.
    assert sum(q["kind"] == "mcq" for q in seed_bank["questions"]) >= 4


def test_rejections_keep_their_reasons(seed_bank):
    reasons = summary(seed_bank)["rejected"]
    assert all(r["reason"] for r in seed_bank["rejected"])
    assert "answer leaks into the prompt" in reasons  # "_____'s sovereignty" after "Pakistani"


def test_the_shipped_seed_bank_is_the_generated_one(seed_bank):
    shipped = load_bank(SHIPPED)
    assert shipped["questions"] == seed_bank["questions"]
    assert shipped["article"] == seed_bank["article"]


def test_summary_counts(seed_bank):
    counts = summary(seed_bank)
    assert counts["articles"] == 1
    assert counts["questions"] == len(seed_bank["questions"])
    assert set(counts["by_category"]) == {"who", "what", "where", "when", "operation", "number"}
