"""HTML text reading stays linear in its input: long runs of spaces between tags (the shape
that made the old patterns quadratic) are read in one pass, and a file's markup is bounded."""
import pytest

from quizapp.formats import FormatError, import_questions
from quizapp.formats.html_text import _BREAK, _tidy, html_to_text, split_marked


def test_tidy_reads_a_million_spaces_between_edges_in_one_pass():
    # The old "[ e]*e[ e]*" pattern took minutes on this; the input is bounded, not the time.
    parts = ["x"] + [" "] * 1_000_000 + [_BREAK, "y"] + [" "] * 1_000_000 + ["\n", "z"]
    assert _tidy(parts) == "x\n\ny\nz"


def test_a_large_adversarial_question_text_is_read():
    fragment = "x" + "<a> " * 100_000 + "y"  # 400 KB, the shape of the 600 KB upload
    assert html_to_text(fragment) == "x y"


def test_spaces_collapse_as_a_browser_shows_them():
    assert html_to_text("<p>a <b> </b> b</p>  <p> c </p>") == "a b\n\nc"
    assert html_to_text("one<br> two <br/>three") == "one\ntwo\nthree"
    outside, inside, attrs = split_marked('<p>Why</p><blockquote class="m" data-x="1"> so '
                                          "</blockquote>", "m")
    assert (outside, inside, attrs["data-x"]) == ("Why", "so", "1")


def test_a_file_of_endless_markup_is_refused_before_it_is_read():
    text = "x" + "&lt;a&gt; " * 150_000  # the 600 KB Moodle upload that held a worker for 30 s
    data = (f'<?xml version="1.0"?><quiz><question type="shortanswer"><questiontext '
            f'format="html"><text>{text}</text></questiontext><answer fraction="100"><text>x'
            f"</text></answer></question></quiz>").encode()
    with pytest.raises(FormatError, match=r"150,\d{3} HTML or XML tags; the limit is 100,000"):
        import_questions(data, filename="slow.xml")
    with pytest.raises(FormatError, match=r"the limit is 100,000"):
        import_questions(b"::q:: [html]" + b"<a> " * 150_000 + b"{=x}", filename="slow.gift")
