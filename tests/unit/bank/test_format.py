"""The bank format: validation with located problems, stable ids, sorted dumps."""
import json
from pathlib import Path

import pytest

from quizapp.bank import BankError, dump_bank, load_bank, question_id, slugify, validate_bank

TINY = Path(__file__).resolve().parents[2] / "data" / "tiny_bank.json"


def tiny() -> dict:
    return json.loads(TINY.read_text("utf-8"))


def test_the_hand_written_bank_is_valid():
    assert validate_bank(tiny()) == []


def test_problems_name_their_place():
    bank = tiny()
    bank["questions"][0]["choices"] = ["only one"]
    del bank["questions"][2]["answer"]
    problems = validate_bank(bank)
    assert any(p.startswith("questions[2]") and "answer" in p for p in problems)
    bank["questions"][2]["answer"] = "Tehran"
    problems = validate_bank(bank)
    assert any(p.startswith("questions[0].choices") for p in problems)


def test_a_cloze_without_a_blank_and_a_leaking_answer_are_invalid():
    bank = tiny()
    bank["questions"][2]["prompt"] = "He spoke in Tehran on Tuesday."
    assert any("blank" in p for p in validate_bank(bank))


def test_duplicate_ids_are_reported():
    bank = tiny()
    bank["questions"][1]["id"] = bank["questions"][0]["id"]
    assert any("duplicate id" in p for p in validate_bank(bank))


def test_load_reports_invalid_json_with_its_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "quizapp-bank",\n  oops\n}')
    with pytest.raises(BankError, match="line 3"):
        load_bank(path)


def test_load_refuses_non_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(BankError, match="not UTF-8"):
        load_bank(path)


def test_dump_is_sorted_and_round_trips():
    bank = tiny()
    text = dump_bank(bank)
    assert text.endswith("\n") and json.loads(text) == bank
    assert text == dump_bank(json.loads(text))


def test_question_ids_are_stable_and_ignore_case_and_spacing():
    a = question_id("ab" * 32, "mcq", "who", "Hossein Amir-Abdollahian", "A sentence.")
    b = question_id("ab" * 32, "mcq", "who", "hossein  amir abdollahian", " A sentence. ")
    c = question_id("ab" * 32, "short", "who", "Hossein Amir-Abdollahian", "A sentence.")
    assert a == b != c


def test_slugify():
    assert slugify("Pakistan and Iran’s strikes — January 2024!") == \
        "pakistan-and-iran-s-strikes-january-2024"
    assert slugify("") == "untitled"


def test_a_title_too_long_is_cut_at_a_word_boundary():
    from quizapp.bank.format import shorten_title

    title = "Airbus parent company EADS N.V. said on Monday"
    assert shorten_title(title, 100) == title
    for limit in range(10, len(title)):
        short = shorten_title(title, limit)
        assert len(short) <= limit and short.endswith("…")
        assert title.startswith(short[:-1]) and title[len(short) - 1] == " ", short
    assert shorten_title("Antidisestablishmentarianism", 10) == "Antidises…"
    assert shorten_title("EADS  N.V.   tanker", 12) == "EADS N.V.…"
