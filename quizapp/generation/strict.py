"""What a teacher would not keep, read from the question's own words: the checks a blind judge
applied most often on the development split (``docs/judgements/dev*``).

Judged blind, most generated questions failed because their source sentence was long or
broken (run-ons, fragments, brackets, misspellings copied in), because the blank was a minor
detail (a date or a figure deep in the story, a word in passing, one surname), or because the
question named no story. A bank of a few good questions beats a long one, so a candidate that
shows any of these signs is left out, with its reason, before the bank is chosen.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from quizapp.generation.nlp import TITLE_WORDS

BLANK = "_____"
MAX_WORDS = {"cloze": 36, "mcq": 36, "short": 28, "truefalse": 36}
MAX_COMMAS = 3
SHORT_WORDS = 26  # a wh-question the generator phrases from a clause: short, or garbled
LEAD = 3  # the first sentences: the story's main facts
SALIENT = 0.25  # below this salience a name is a passing mention (see ``selection.salience``)
COMMON_WORD = 4.0  # a one-word name this common in English ("Committee", "Prize") says little
# Templates ask about one fact in the generator's own words; an operation is always asked.
TEMPLATES = {"role", "role-reverse", "gloss", "gloss-reverse", "period", "period-reverse",
             "province-country", "count"}
NAMES = {"who", "what", "where"}
_START = re.compile(r"[A-Z0-9“\"‘'_]")
_END = re.compile(r"[.!?…][\"”’']?$|[\"”’]$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def problem(question: dict, fact, *, salience: float, text: str, headline: str | None,
            records: list[dict] = ()) -> str | None:
    """Why a teacher would not keep this candidate, or None. ``text`` is the article,
    ``headline`` its own title (None when derived), ``records`` the article's entities."""
    if question["kind"] == "truefalse":
        return "a true/false statement"  # judged blind, a swapped name was often true or silly
    if fact.category == "operation":
        return None
    body = question.get("_body", question["prompt"])
    template = fact.rule in TEMPLATES
    reason = None if template else _form(body, question["kind"], fact.prompt is not None,
                                         framed=fact.frame is not None)
    if reason:
        return reason
    if not template:
        reason = _worth(question, fact, salience, body) or \
            _stands_alone(question, body, headline, records)
    return reason or _misspelt(fact.answer, text)


def _form(body: str, kind: str, wh: bool, framed: bool = False) -> str | None:
    words = len(body.split())
    if words > MAX_WORDS[kind if not wh or kind != "mcq" else "short"]:
        return "a long sentence"
    if body.count(",") > MAX_COMMAS or ";" in body or " – " in body or " - " in body:
        return "a run-on sentence"
    if not _START.match(body) or not (framed or _END.search(body.rstrip())):
        return "a fragment of a sentence"
    if body.count("(") > 1 or body.count("(") != body.count(")"):
        return "malformed"
    if re.search(r"\(\s*_____|_____\s*\)", body):
        return "a bracketed aside"
    if body.count("\"") % 2 or body.count("“") != body.count("”"):
        return "malformed"
    if re.search(r"\b(\w+) \1\b", body, re.IGNORECASE):
        return "malformed"  # "United Nations Nations", "the the"
    if "[" in body or "]" in body:
        return "malformed"  # an editor's brackets in a quotation
    return None


def _worth(question: dict, fact, salience: float, body: str) -> str | None:
    answer = fact.answer
    if fact.category in ("when", "number") and fact.sentence >= LEAD:
        return "a date or figure in passing"
    if salience < SALIENT:
        return "a passing mention"
    if question["kind"] == "short" and len(body.split()) > SHORT_WORDS:
        return "a long question the generator phrased"  # judged blind, mostly garbled
    if fact.attributive and fact.kind not in ("country", "person"):
        return "a name used as a modifier"  # "two _____ soldiers": guessable from the story
    words = answer.split()
    if fact.category == "who" and fact.kind == "person" and len(words) < 2:
        return "a surname alone"
    if fact.category in NAMES and len(words) == 1 and answer.isalpha() and \
            answer[:1].isupper() and not answer.isupper() and fact.kind not in \
            ("country", "person", "people", "province") and \
            zipf_frequency(answer.lower(), "en") >= COMMON_WORD:
        return "a common word"
    if BLANK in body and _in_place_pair(body):
        return "general knowledge"
    if BLANK in body and _cut_name(body):
        return "half a name"
    if BLANK in body and SOURCE.search(body):
        return "the source of a report"
    if fact.kind == "country" and BLANK in body and OFFICE.search(body):
        return "general knowledge"
    if question["kind"] in ("short", "mcq") and fact.prompt and \
            re.match(r"(?:In .*?, )?[Ww]hich organi[sz]ation\b", question["prompt"]):
        return "an organisation of no known sort"
    return None


# "said _____.", "_____ said", "according to _____", "_____'s reporter … has more"
SOURCE = re.compile(r"\b(?:said|says|told|according to|reported|reports) (?:the )?_____|"
                    r"_____,? (?:said|says|told|reported)\b|\bhas more\.?$")
# "_____'s President Bashar al-Assad", "the leader of _____, Kim Jong Il": who leads a country
# or what its capital is is general knowledge.
OFFICE = re.compile(r"_____'s (?:[A-Z][a-z]+ )?(?:President|Prime Minister|[Pp]resident|"
                    r"[Pp]rime [Mm]inister|[Ll]eader|[Kk]ing|[Qq]ueen|capital)\b|"
                    r"\b(?:[Ll]eader|[Pp]resident|[Pp]rime [Mm]inister|[Kk]ing|[Qq]ueen|capital|"
                    r"[Cc]hancellor) of (?:the )?_____")
# Words that point back into the article: "also", "the other", "another", "similar charges".
BACK = re.compile(r"\b(?:also|other|another|similar|again|previously|latter|aforementioned|"
                  r"the same|as well|too)\b|\b[Tt]he (?:companies|firms|men|women|groups|"
                  r"parties|officials|two|three|four|pair|group's|company's|countries')",
                  re.IGNORECASE)


def _in_place_pair(body: str) -> bool:
    """"in Beijing, _____": a country after its city is general knowledge."""
    return bool(re.search(r"\b[A-Z][a-z]+, _____(?![\w'’])", body))


def _cut_name(body: str) -> bool:
    """A capitalised word glued to the blank ("giving _____ Real"): the blank is part of a name."""
    before = re.search(r"([A-Z][\w'’.-]*) _____", body)
    if before and not body.startswith(before.group()) and \
            before.group(1).lower().rstrip(".") not in TITLE_WORDS | {"dr", "mr", "mrs", "ms",
                                                                       "sir", "st"}:
        return True
    after = re.search(r"_____ ([A-Z][\w'’-]*)", body)
    return bool(after)


def _stands_alone(question: dict, body: str, headline: str | None,
                  records: list[dict]) -> str | None:
    """A question must not lean on the article ("also", "the other", a surname the article
    explained before), and one whose prompt leaves out the headline must name its story in its
    own words: at least one name other than the blank's."""
    if BACK.search(body):
        return "needs the article to make sense"
    shown = set(_WORD.findall(body))
    for record in records:
        if record.get("kind") != "person" or " " not in record["text"] or \
                record["text"] in body:
            continue
        if any(" " not in a and a in shown for a in (record["text"].split()[-1],
                                                    *record.get("aliases", ()))):
            return "a surname the article explained before"
    if headline is None or "“" + headline[:20] in question["prompt"]:
        return None
    names = [w for i, w in enumerate(_WORD.findall(body.replace(BLANK, " ")))
             if i > 0 and w[:1].isupper() and w.lower() not in TITLE_WORDS]
    return None if names else "names no story"


def _misspelt(answer: str, text: str) -> str | None:
    """A word of the answer that the article spells another way elsewhere ("Exchqequer" beside
    "Exchequer"), or that is an everyday word misspelt: the answer would copy the mistake."""
    for word in _WORD.findall(answer):
        if len(word) < 5 or zipf_frequency(word.lower(), "en") > 2.0:
            continue
        mine = text.count(word)
        for other in set(re.findall(rf"\b{re.escape(word[:2])}[\w'’-]+", text)):
            if other != word and abs(len(other) - len(word)) <= 2 and \
                    fuzz.ratio(other, word) >= 85 and text.count(other) >= mine and \
                    not other.startswith(word) and not word.startswith(other):
                return "a misspelling in the article"
    return None
