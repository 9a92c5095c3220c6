"""Plain question text to and from the HTML that Moodle stores.

Our questions are plain text. Writing them as HTML escapes every ``<``, ``>`` and ``&`` (so a
``<script>`` in a prompt shows as text) and turns newlines into ``<br>``. Reading HTML back keeps
only the text: tags are dropped, entities decoded, whitespace collapsed as a browser would, and
``<br>`` and block ends become newlines. Nothing is ever executed or fetched.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
           "tr", "table", "pre"}
# Whatever is inside these is never text a reader sees.
_HIDDEN = {"script", "style", "head", "title", "template"}
_BREAK = "\x01"  # stands for a block's edge until the text is tidied


_MEDIA = re.compile(r"<\s*(img|video|audio|object|embed|iframe|svg|math)\b", re.IGNORECASE)


def has_media(fragment: str) -> bool:
    """Whether HTML shows something that is not text (an image, a video, a formula…)."""
    return bool(_MEDIA.search(fragment))


def text_to_html(text: str) -> str:
    """Plain text as an HTML fragment that displays exactly that text."""
    return html.escape(text, quote=False).replace("\n", "<br>")


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML fragment, and one marked element's text apart."""

    def __init__(self, marker_class: str | None = None):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.marked: list[str] = []
        self.marked_attrs: dict[str, str] = {}
        self._marker = marker_class
        self._depth_marked = 0
        self._hidden = 0

    def _out(self) -> list[str]:
        return self.marked if self._depth_marked else self.parts

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag in _HIDDEN:
            self._hidden += 1
        elif self._depth_marked:
            self._depth_marked += tag not in ("br", "img", "hr", "input")
        elif self._marker and self._marker in attrs.get("class", "").split():
            self._depth_marked = 1
            self.marked_attrs = attrs
        if tag == "br":
            self._out().append("\n")
        elif tag in _BLOCKS:
            self._out().append(_BREAK)

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._out().append(_BREAK)
        if self._depth_marked and tag not in ("br", "img", "hr", "input"):
            self._depth_marked -= 1

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._out().append("\n")

    def handle_data(self, data):
        if not self._hidden:
            # Whitespace inside HTML text is one space, as a browser shows it.
            self._out().append(re.sub(r"\s+", " ", data))


# A run of spaces and block edges; one character class with "+" matches each run once, in
# time linear in its length (patterns such as "[ x]*x[ x]*" backtrack quadratically).
_SPACES_AND_EDGES = re.compile(f"[ {_BREAK}]+")
_SPACE_BY_NEWLINE = re.compile(r" ?\n ?")


def _one_space_or_edge(run: re.Match) -> str:
    return _BREAK if _BREAK in run.group() else " "


def _tidy(parts: list[str]) -> str:
    """The collected parts as text: blocks next to each other make one paragraph break,
    <br> newlines are kept as written, spaces collapse to one and never touch a newline."""
    text = _SPACES_AND_EDGES.sub(_one_space_or_edge, "".join(parts)).strip(f" {_BREAK}")
    text = _SPACE_BY_NEWLINE.sub("\n", text.replace(_BREAK, "\n\n"))
    return text.strip(" ")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _tidy(collector.parts)


def split_marked(fragment: str, marker_class: str) -> tuple[str, str | None, dict[str, str]]:
    """The fragment's text outside and inside the element with class ``marker_class``.

    Returns (outside text, inside text or None when there is no such element, its attributes).
    """
    collector = _TextCollector(marker_class)
    collector.feed(fragment)
    collector.close()
    inside = _tidy(collector.marked) if collector.marked_attrs else None
    return _tidy(collector.parts), inside, collector.marked_attrs
