"""Reading an article as a person does: the headline, never a dateline, byline or section label;
no captions, credits, ads, "Related:" or "Read more" lines in the text questions are made from."""
import pytest

from quizapp.generation import read_article
from quizapp.generation.article import derive_title
from quizapp.generation.cleaning import clean, is_headline, tidy_title

PASTED = """Business

Lib Dems surge in the polls
By Jane Smith and Ann Lee, CNN
Updated 10:21 AM ET, Tue March 1, 2022

New York CNN — The Liberal Democrats rose to 30% in a poll on Tuesday.

Olivia Newton-John in 2019.
Gabe Ginsberg/FilmMagic/Getty Images
Newton-John, who died on Monday, was 73.

How relevant is this ad to you?

Related: Clegg speaks in Liverpool

Read more: what the polls say

Nick Clegg spoke in Liverpool (AP Photo/Evan Vucci) on Monday."""


@pytest.mark.parametrize("line", [
    "New York CNN —", "LONDON (Reuters) -", "Washington, March 3 (AP)", "BAGHDAD --",
    "By Jane Smith, CNN", "By Jane Smith and Ann Lee", "Updated 10:21 AM ET, Tue March 1, 2022",
    "Politics", "Business", "World news", "Related: Clegg speaks", "Read more",
    "Gabe Ginsberg/FilmMagic/Getty Images", "How relevant is this ad to you?",
])
def test_what_is_never_a_headline(line):
    assert not is_headline(line)


@pytest.mark.parametrize("line", [
    "Lib Dems surge in the polls", "EADS wins US tanker deal", "Iran and Pakistan trade strikes",
    "Oil prices reach all-time high; pass US$91.00 per barrel",
])
def test_what_can_be_a_headline(line):
    assert is_headline(line)


def test_pasted_page_keeps_the_headline_and_the_story_only():
    article = read_article(PASTED)
    assert article.title == "Lib Dems surge in the polls"
    assert article.text.startswith("The Liberal Democrats rose to 30% in a poll on Tuesday.")
    for gone in ("CNN", "Getty", "FilmMagic", "ad to you", "Related", "Read more", "AP Photo",
                 "Jane Smith", "Updated", "Business", "Olivia Newton-John in 2019"):
        assert gone not in article.text, gone
    assert "Newton-John, who died on Monday, was 73." in article.text
    assert "Nick Clegg spoke in Liverpool on Monday." in article.text


@pytest.mark.parametrize("text, body", [
    ("LONDON (Reuters) - Oil prices rose on Monday as OPEC cut output.",
     "Oil prices rose on Monday as OPEC cut output."),
    ("Washington, March 3 (AP) — The Senate voted on the bill.", "The Senate voted on the bill."),
    ("New York CNN — Stocks fell on Friday.", "Stocks fell on Friday."),
])
def test_a_dateline_is_neither_title_nor_text(text, body):
    article = read_article(text)
    assert article.text == body
    assert "Reuters" not in article.title and "CNN" not in article.title and \
        "(AP)" not in article.title


def test_words_of_the_story_stay():
    text = ("He said it is more than a slogan in a TV advertisement. Photo agencies and the "
            "Operation USA charity were there.\n\nThe models were chosen to front an "
            "advertisement campaign.")
    assert clean(text) == text


def test_a_title_ends_on_a_whole_word():
    assert derive_title("Airbus parent company EADS N.V. said on Monday that it would cut "
                        "jobs.").endswith("cut jobs")
    assert derive_title("The tanker deal went to EADS N.V.") == "The tanker deal went to EADS N.V."
    assert not derive_title("The deal went to EADS N.V. Boeing lost.").endswith("N.V")


def test_a_page_title_loses_the_site_name():
    assert tidy_title("Oil hits $90 a barrel | CNN Business") == "Oil hits $90 a barrel"
    assert tidy_title("Clegg speaks in Liverpool - BBC News") == "Clegg speaks in Liverpool"
    assert tidy_title("Iran-Iraq war remembered") == "Iran-Iraq war remembered"


def test_html_is_read_by_the_same_rules():
    page = ("<html><head><title>Lib Dems surge in the polls | CNN Politics</title></head><body>"
            "<article><h1>Lib Dems surge in the polls</h1><p>New York CNN — The Liberal "
            "Democrats rose to 30% in a poll on Tuesday, the highest in a decade.</p>"
            "<p>How relevant is this ad to you?</p><p>Nick Clegg, the party's leader, spoke in "
            "Liverpool on Monday to a crowd of two thousand members.</p></article></body></html>")
    article = read_article(page.encode(), filename="page.html")
    assert article.title == "Lib Dems surge in the polls"
    assert "CNN" not in article.text and "relevant" not in article.text


def test_a_hard_wrapped_first_sentence_is_no_headline():
    text = ("Pakistan has carried out a series of military\nstrikes within Iran on Thursday, "
            "a day after Iran struck targets in Pakistan.")
    assert read_article(text).title.startswith("Pakistan has carried out a series of military")
    assert read_article(text).text == text


@pytest.mark.parametrize("text, start", [
    # Wikinews flags and section labels left before the first words (development split).
    ("Guatemala George W. Bush, the President of the United States, met in the Oval Office.",
     "George W. Bush, the President"),
    ("Italy Italian state-owned flag carrier Alitalia's board has conditionally accepted a bid.",
     "Italian state-owned flag carrier"),
    ("Palestine Human Rights Watch (HRW) has charged Israel with using white phosphorous bombs.",
     "Human Rights Watch (HRW)"),
    ("Economy and business The US Bureau of Labor Statistics reported on Friday.",
     "The US Bureau of Labor"),
    ("United States infobox Kay Hagan, a North Carolina State senator, won.", "Kay Hagan, a"),
    ("Iran nuclear program A senior United States intelligence official said.", "A senior"),
    ("Afghanistan Hamid Karzai, president of Afghanistan, has opened a new terminal.",
     "Hamid Karzai, president"),
    # A country's name that begins the sentence stays.
    ("United States President Barack Obama announced on Tuesday a plan.", "United States Pres"),
    ("United States president Donald Trump dismissed Anthony Scaramucci.", "United States pres"),
    ("Greece has formally asked for rescue loans.", "Greece has"),
    ("United Arab Emirates (UAE) developer Emaar Properties has claimed a record.", "United Arab"),
    ("Singapore Airlines has ordered ten aircraft.", "Singapore Airlines has"),
])
def test_a_flag_or_section_label_before_the_first_words_is_left_out(text, start):
    body = clean(f"{text}\n\nGuatemala George W. Bush stays in a later paragraph.")
    assert body.startswith(start)
    assert body.endswith("Guatemala George W. Bush stays in a later paragraph.")


def test_a_wiki_path_is_no_part_of_the_title():
    assert tidy_title("User:TUFKAAP/Air America goes silent, files for Chapter 7 bankruptcy") \
        == "Air America goes silent, files for Chapter 7 bankruptcy"
    assert tidy_title("Bush meets with President of Guatemala") == \
        "Bush meets with President of Guatemala"
