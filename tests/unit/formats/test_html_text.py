"""HTML text reading stays linear in its input: long runs of spaces between tags (the shape
that made the old patterns quadratic) are read in one pass."""
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
