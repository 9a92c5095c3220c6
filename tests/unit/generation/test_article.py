"""Reading articles: titles, front matter, HTML, and the errors a user sees for bad input."""
from datetime import date
from pathlib import Path

import pytest

from quizapp.generation.article import ArticleError, derive_title, read_article

SEED = Path(__file__).parents[3] / "seeds" / "000_a09212d6aeb45f40.txt"


def test_seed_has_no_title_line_so_the_title_is_derived():
    article = read_article(SEED)
    assert article.title == "Pakistan has carried out a series of military strikes within Iran"
    assert article.text.startswith("In a historic development, Pakistan")
    assert article.slug == "pakistan-has-carried-out-a-series-of-military-strikes-within"
    assert len(article.sha256) == 64 and article.published is None


def test_short_first_line_before_a_blank_line_is_the_title():
    article = read_article(b"Floods in Dhaka\n\nHeavy rain flooded Dhaka on Monday.\n",
                           filename="a.txt")
    assert article.title == "Floods in Dhaka"
    assert article.text == "Heavy rain flooded Dhaka on Monday."


def test_line_endings_are_normalised_before_offsets_exist():
    article = read_article("Title\r\n\r\nOne line.\r\nTwo line.\rThree.")
    assert article.text == "One line.\nTwo line.\nThree."


def test_markdown_front_matter():
    text = ("---\ntitle: \"Storm hits coast\"\nsource: https://example.org/a\n"
            "published: 2024-01-18\nlicence: CC BY 2.5\n---\nThe storm hit the coast of Kerala.\n")
    article = read_article(text.encode(), filename="storm.md")
    assert article.title == "Storm hits coast"
    assert article.source == "https://example.org/a"
    assert article.published == date(2024, 1, 18)
    assert article.licence == "CC BY 2.5"
    assert article.text == "The storm hit the coast of Kerala."
    assert article.as_bank_article()["published"] == "2024-01-18"


def test_markdown_heading_is_the_title_without_front_matter():
    article = read_article(b"# Vote counted\n\nThe vote was counted in Lima.", filename="v.md")
    assert (article.title, article.text) == ("Vote counted", "The vote was counted in Lima.")


def test_markdown_bad_date_is_reported():
    with pytest.raises(ArticleError, match="published date 'last week' is not YYYY-MM-DD"):
        read_article(b"---\npublished: last week\n---\nText.", filename="x.md")


def test_html_main_text_is_extracted():
    paragraph = "The mayor of Lyon opened a new bridge over the Rhone on Tuesday morning. " * 4
    page = (f"<html><head><title>Bridge opens in Lyon</title></head><body><nav>Home | News</nav>"
            f"<article><h1>Bridge opens in Lyon</h1><p>{paragraph}</p></article>"
            f"<footer>Copyright</footer></body></html>").encode()
    article = read_article(page, filename="bridge.html")
    assert article.title == "Bridge opens in Lyon"
    assert "The mayor of Lyon opened a new bridge" in article.text
    assert "Home | News" not in article.text


@pytest.mark.parametrize("raw, message", [
    (b"", "the article is empty"),
    (b"  \n\t\n", "the article is empty"),
    (b"abc\x00def", "binary content (NUL byte at offset 3)"),
    (b"caf\xe9 au lait", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
])
def test_bad_input_errors(raw, message):
    with pytest.raises(ArticleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_article(raw, filename="bad.txt")


def test_oversized_input_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="is more than the 100 allowed"):
        read_article(b"word " * 50, filename="big.txt", max_bytes=100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 50)
    with pytest.raises(ArticleError, match="250 bytes is more than the 100 allowed"):
        read_article(big, max_bytes=100)


def test_missing_file_and_unknown_type():
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(Path("/nonexistent/article.txt"))
    with pytest.raises(ArticleError, match="unsupported file type '.pdf'"):
        read_article(b"%PDF-1.4", filename="a.pdf")


def test_derived_title_drops_a_leading_adverbial_and_trailing_clause():
    assert derive_title("After a long night, the council voted for the plan, ending talks.") == (
        "The council voted for the plan")
