"""Reading a news page as a person does: what is the story, and what is only around it.

A page copied from a news site carries more than the story: a section label ("Politics"), a
byline ("By Jane Smith, CNN"), a dateline before the first words ("LONDON (Reuters) -",
"New York CNN —", "Washington, March 3 (AP) —"), photo captions and credits ("… Gabe
Ginsberg/FilmMagic/Getty Images"), advertising and feedback boxes ("How relevant is this ad to
you?"), "Related:" and "Read more" links. None of it is a headline, and none of it may become a
question. ``clean`` removes it from a body; ``is_headline`` says whether a line can be a title;
``tidy_title`` cuts a site's name from a page title. The same rules serve pasted text, text files
and the text trafilatura extracts from HTML.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_AGENCY = (r"(?:CNN(?: Business)?|Reuters|AP|AFP|Bloomberg|BBC(?: News)?|UPI|PTI|Xinhua|dpa|"
           r"The Associated Press|Associated Press|Agence France-Presse)")
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# "LONDON (Reuters) -", "New York CNN —", "Washington, March 3 (AP) —", "BAGHDAD --"
DATELINE = re.compile(
    rf"\A(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,3}})(?:,\s*{_MONTH}\s*\d{{1,2}})?"
    rf"(?:,?\s*\(?{_AGENCY}\)?)(?:\s*(?:—|–|--|-)\s*|\s*\Z)"
    rf"|\A[A-Z]{{5,}}(?:[ ,]+[A-Z]{{2,}})*(?:,\s*{_MONTH}\s*\d{{1,2}})?\s*(?:—|–|--)\s*")
BYLINE = re.compile(
    rf"\A(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
    rf"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})*\s*(?:,\s*{_AGENCY})?\s*\Z"
    rf"|\A(?:Updated|Published|Posted|Last updated)\b.{{0,60}}\d.{{0,20}}\Z")
SECTIONS = {"politics", "business", "world", "sport", "sports", "health", "technology", "tech",
            "entertainment", "science", "opinion", "markets", "economy", "us", "uk", "europe",
            "asia", "africa", "americas", "middle east", "live", "breaking news", "news",
            "analysis", "world news", "us politics", "uk politics", "money", "investing",
            "climate", "culture", "travel", "style", "media", "video", "local", "national",
            "international", "finance", "features", "home", "latest"}
_CREDIT_SOURCES = (r"(?:Getty Images|AFP|AP|Reuters|Bloomberg|FilmMagic|WireImage|EPA|"
                   r"Shutterstock|Alamy|PA|Sipa|NurPhoto|Anadolu|Xinhua|Pool|CNN)")
# "Gabe Ginsberg/FilmMagic/Getty Images", "(AP Photo/Evan Vucci)", "Photo: Jane Doe/Reuters"
CREDIT = re.compile(
    rf"\(?\b(?:AP Photo|Photo|Pool)/[A-Z][\w.'’ -]{{1,40}}\)?"
    rf"|(?:\b(?:[A-Z]\.|[A-Z][\w'’-]*)\s){{0,2}}[A-Z][\w'’-]*(?:/[A-Z][\w.'’ -]{{1,30}}?)*"
    rf"/{_CREDIT_SOURCES}"
    rf"(?:\s+for\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})?\b")
CAPTION_LINE = re.compile(r"\A(?:Photo|Image|Picture|Image caption|Image source|Media caption|"
                          r"Caption|Credit|Photograph|Video)\s*(?::|—|-)", re.IGNORECASE)
BOILERPLATE = re.compile(
    r"How relevant is this ad to you\?|Video Ad Feedback|Ad Feedback|"
    r"Thank you for your feedback\.?|Did you encounter any technical issues\?", re.IGNORECASE)
AD_LINE = re.compile(r"\A(?:Advertisement|ADVERTISEMENT|Sponsored(?: content)?|Paid content)"
                     r"\s*\Z")
LINK_LINE = re.compile(r"\A(?:Related(?: Article| Video| Story|Content)?s?\s*:|Read more\b|"
                       r"Read More\b|READ MORE\b|More:|See also\s*:|Click here\b|Sign up\b|"
                       r"Subscribe\b|Follow us\b|Share this\b|Watch:|WATCH:|Listen:|"
                       r"(?:©|Copyright)\s)", re.IGNORECASE)
_SITE_SUFFIX = re.compile(rf"\s+(?:\||–|—|-)\s+(?:{_AGENCY}|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*"
                          rf"(?:News|Online|Times|Post)|The Guardian|Al Jazeera)[\w ]*\Z")


def is_headline(line: str) -> bool:
    """Whether a line can be a story's title: not a section label, a byline, a dateline, a
    credit, a caption or a link."""
    line = line.strip()
    if not line or line.lower().rstrip(":") in SECTIONS:
        return False
    if BYLINE.match(line) or CAPTION_LINE.match(line) or LINK_LINE.match(line) or \
            BOILERPLATE.search(line) or CREDIT.search(line):
        return False
    return not DATELINE.match(line)


def tidy_title(title: str) -> str:
    """A page title without the site's name or a wiki path: "Oil hits $90 | CNN Business" →
    "Oil hits $90", "User:TUFKAAP/Air America goes silent" → "Air America goes silent"."""
    title = _WIKI_PATH.sub("", title.strip())
    return _SITE_SUFFIX.sub("", title).strip()


# Wikinews pages whose templates were cut leave their labels before the first words: a section
# ("Economy and business The US …"), a flag ("Guatemala George W. Bush, the President …",
# "Italy Italian state-owned …", "Iran nuclear program A senior …"), an infobox's name.
_WIKI_PATH = re.compile(r"\A(?:User|Wikinews|Portal|Template|Category|Talk|Draft)(?: talk)?:"
                        r"(?:[^/]*/)?")
_WIKI_SECTIONS = (r"(?:Economy and business|Politics and conflicts|Crime and law|"
                  r"Disasters and accidents|Science and technology|Culture and entertainment|"
                  r"Health|Environment|Weather|Wackynews|Obituaries|Sports|Education|Internet|"
                  r"Transport|Religion|Space|Elections)")
_FLAG_EXTRA = {"Palestine", "Gaza", "Kosovo", "Taiwan", "Scotland", "England", "Wales",
               "Northern Ireland", "Hong Kong", "Europe", "Africa", "Asia", "Middle East",
               "European Union", "Tibet", "Darfur", "Chechnya", "Somaliland", "Puerto Rico"}
_FLAG_TAIL = r"(?: infobox| nuclear program| war| news| elections?)?"
# A country's name followed by one of these is an organisation's name, not a flag.
_NAME_GOES_ON = {"Air", "Airlines", "Airways", "Southern", "Eastern", "Telecom", "Post",
                 "Railways", "Bank", "Mobile", "Steel", "Motors", "Times", "Daily", "Herald",
                 "Today", "Petroleum", "National", "Central", "Defense", "Defence", "Development",
                 "Democratic", "People's", "Republic", "Football", "Cricket", "Rugby", "(",
                 "President", "Senator", "Prime", "Foreign", "Secretary", "Minister", "Vice",
                 "Congressman", "Representative", "Governor", "Attorney", "Supreme", "Army",
                 "Navy", "Embassy", "Ambassador"}


@lru_cache(maxsize=1)
def _flag_names() -> list[str]:
    """Country names, longest first (read here, not from ``entities``: reading a page must not
    load the language model)."""
    text = resources.files("quizapp.generation").joinpath("data", "regions.json").read_text("utf-8")
    names = {name for names in json.loads(text)["regions"].values() for name in names}
    return sorted(names | _FLAG_EXTRA, key=len, reverse=True)


def strip_stray_lead(line: str) -> str:
    """The first line without a section label or flag stuck before its first sentence."""
    section = re.match(rf"{_WIKI_SECTIONS}\s+(?=[A-Z0-9])", line)
    if section:
        return line[section.end():]
    for name in _flag_names():
        flag = re.match(rf"{re.escape(name)}{_FLAG_TAIL}\s+(?=[A-Z0-9])", line)
        if flag:
            following = line[flag.end():].split(" ", 1)[0].rstrip(",.")
            return line if following in _NAME_GOES_ON or following[:1] == "(" \
                else line[flag.end():]
    return line


def clean(text: str) -> str:
    """The story's paragraphs, without what is only around it (see the module docstring)."""
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if _dropped(stripped):
            if _bare_credit(stripped) and kept and kept[-1] and len(kept[-1].split()) <= 15:
                kept.pop()  # the caption the credit belongs to
            continue
        stripped = BOILERPLATE.sub("", stripped)
        stripped = CREDIT.sub("", stripped)
        stripped = DATELINE.sub("", stripped, count=1)
        stripped = re.sub(r"[ \t]{2,}", " ", stripped).strip()
        if stripped and not any(kept):
            stripped = strip_stray_lead(stripped)
        if stripped:
            kept.append(stripped)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _dropped(line: str) -> bool:
    """A whole line that is not the story: a label, a byline, a caption, a link, an ad."""
    if line.lower().rstrip(":") in SECTIONS or BYLINE.match(line) or CAPTION_LINE.match(line) \
            or LINK_LINE.match(line):
        return True
    if BOILERPLATE.fullmatch(line.strip(" .")) or AD_LINE.match(line):
        return True
    return _bare_credit(line)


def _bare_credit(line: str) -> bool:
    """"Gabe Ginsberg/FilmMagic/Getty Images" on a line of its own."""
    without = CREDIT.sub("", line).strip(" .,;()")
    return without != line.strip(" .,;()") and len(without.split()) < 4
