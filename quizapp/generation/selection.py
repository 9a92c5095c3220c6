"""Which candidate questions make the bank: the facts the story is about, one question each.

A teacher keeps 10–25 questions of an article, not every sentence turned every way. Each fact
(one answer in one sentence) is asked once, in its best form: multiple choice when it has good
distractors, else short answer or cloze, true/false last. The story's own subjects come first —
what the headline and the lead name, what the article names again and again — and what is not
worth asking (a conversion in brackets, the source a figure is credited to, a photo credit, an
exact figure from deep in the story) is left out with its reason, like every candidate beyond
the bank's size.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from quizapp.bank import normalise_answer
from quizapp.generation.headline import gives_away
from quizapp.generation.nlp import text_of
from quizapp.generation.quality import duplicate_of, rejection

BANK_MIN, BANK_MAX = 10, 25
PER_SENTENCE = 2  # a sentence gives at most two questions: the bank covers the story
LEAD_SENTENCES = 3
PASSING = 0.2  # below this salience a fact is a passing mention, once the bank has its minimum
TEMPLATE_RULES = {"role", "role-reverse", "gloss", "gloss-reverse", "period", "period-reverse",
                  "province-country", "count"}
TEMPLATE_FLOOR = 0.6
SOURCE_VERBS = {"say", "report", "tell", "announce", "state", "confirm", "estimate", "claim"}
CREDIT = re.compile(r"/|\b(?:Getty|Images|AP Photo|Photo|Courtesy)\b")
AGENCIES = {"reuters", "afp", "ap", "associated press", "agence france-presse", "bloomberg",
            "xinhua", "itar-tass", "interfax", "upi", "pti", "dpa", "efe", "ansa", "kyodo",
            "wikinews", "press trust of india"}
PER_ANSWER = 2  # the same answer asked twice at most: the bank covers the story
# A figure in brackets after another is the same figure in other units or another currency.
CONVERSION = re.compile(r"\(\s*(?:about |approx\.? |approximately |around |roughly |some )?"
                        r"[^()]{0,20}\d[^()]*\)")


def salience(fact, sentences: int, headline: str | None, records: dict[str, dict],
             lead_end: int | None = None) -> float:
    """0–1: how much the story is about this fact. The headline's subjects count most, then
    what the article names often, then what its first sentences say (or name: an answer the
    lead names, ending at character ``lead_end``, counts as the lead's wherever it is asked);
    a named operation and a fact the rule layer reads whole (a role, a gloss, a war's years)
    are never in passing."""
    answer, sentence = fact.answer, fact.sentence
    if fact.category == "operation":
        return 1.0
    floor = TEMPLATE_FLOOR if fact.rule in TEMPLATE_RULES else 0.0
    record = next((records[f] for f in map(normalise_answer, (answer, *fact.accepted))
                   if f in records), None)
    mentions = len(record["mentions"]) if record else 1
    if record is not None and record.get("role"):
        floor = max(floor, TEMPLATE_FLOOR)  # a person the article introduces by their office
    in_headline = bool(headline) and gives_away(headline, [answer])
    about = 1.0 if in_headline else min(1.0, (mentions - 1) / 3)
    in_lead = lead_end is not None and record is not None and \
        any(m["start"] < lead_end for m in record["mentions"])
    position = 1.0 if sentence < LEAD_SENTENCES or in_lead else \
        0.6 * max(0.0, 1 - sentence / sentences)
    return round(max(floor, 0.6 * about + 0.4 * position), 3)


def not_worth_asking(question: dict, fact, doc: Doc | None, lead: bool) -> str | None:
    """Why a question asks about something a teacher would not keep, or None."""
    if fact.rule in ("role", "role-reverse") and _head_of_state(fact):
        return "general knowledge"
    if question["kind"] == "truefalse" or fact.span is None:
        return None
    a, b = fact.span
    text = text_of(doc) if doc is not None else ""
    if CREDIT.search(fact.answer):
        return "a photo credit"
    if normalise_answer(fact.answer) in AGENCIES:
        return "the source of a report"
    if fact.category == "number" and _in_brackets(text, a, b):
        return "a conversion in brackets"
    if doc is not None and _is_source(doc, a, b):
        return "the source of a report"
    if fact.category == "number" and fact.rule == "cloze" and not lead and \
            re.search(r"[.%]|\d,\d", fact.answer):
        return "an exact figure in passing"
    if one_of_a_list(question.get("_body", "")):
        return "one item of a list"
    return None


_ITEM = r"(?:[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|of|de|al-\w+)){0,3}|_____)"
_LIST = re.compile(rf"{_ITEM}(?:(?:,\s|,?\s(?:and|or)\s){_ITEM}){{2,}}")


def one_of_a_list(body: str) -> bool:
    """Whether the blank is one of three or more names in a list ("embassies in Pakistan,
    Jordan and _____"): guessable from the others, and rarely the story's point."""
    return any("_____" in m.group() and re.search(r"\s(?:and|or)\s", m.group())
               for m in _LIST.finditer(body))


HEADS = re.compile(r"\b(?:president|prime minister|king|queen|pope|chancellor)\b", re.IGNORECASE)
FAMOUS = 4.0  # a surname this common in English text is a household name ("Obama", "Bush")


def _head_of_state(fact) -> bool:
    """"Who was the United States president?": a head of state or government famous enough
    that the article adds nothing to what everyone knows."""
    office = fact.answer if fact.rule == "role-reverse" else fact.prompt or ""
    person = (fact.prompt or "") if fact.rule == "role-reverse" else fact.answer
    names = re.findall(r"[A-Z][a-z'’-]+", person)
    return bool(HEADS.search(office)) and bool(names) and \
        zipf_frequency(names[-1], "en") >= FAMOUS


def _in_brackets(text: str, a: int, b: int) -> bool:
    opened = text.rfind("(", max(0, a - 40), a)
    return opened != -1 and ")" not in text[opened:a] and ")" in text[b:b + 40] and \
        bool(CONVERSION.match(text, opened))


def _is_source(doc: Doc, a: int, b: int) -> bool:
    """"according to Bloomberg", "…, the agency said": the answer is who a report is credited
    to, and the report, not its teller, is the fact."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0 and \
            doc[root.head.i - 1].lower_ == "according":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "by") and \
            root.head.head.lemma_ in ("datum", "data", "figure", "statistic", "report"):
        return True
    return root.ent_type_ == "ORG" and root.dep_ == "nsubj" and \
        root.head.lemma_ in SOURCE_VERBS and root.head.i > root.i and \
        any(t.text in ",“”\"" for t in doc[root.head.sent.start:span.start])


def select(candidates: list[dict]) -> tuple[list[dict], list[dict]]:
    """(kept, rejected): one question per fact, at most ``BANK_MAX``, chosen in the rules'
    priority order (``quality.priority``) and kept best first by the fitted score."""
    candidates = sorted(candidates, key=lambda q: -q["_priority"])
    kept, rejected = [], []
    facts: set[str] = set()
    per_sentence: dict[int | str, int] = {}
    per_answer: dict[str, int] = {}
    for question in candidates:
        reason = question.pop("_worth", None) or rejection(question) or \
            question.pop("_strict", None) or _twin(question, facts) or \
            duplicate_of(question, kept)
        sentence = question["source"]["sentence"]
        if question["quality"]["signals"]["rule"] in TEMPLATE_RULES:
            sentence = question["fact"]  # a template asks about one fact of the sentence, in its own words
        if not reason and per_sentence.get(sentence, 0) >= PER_SENTENCE:
            reason = "a third question on one sentence"
        answer = normalise_answer(question["_about"])
        if question["quality"]["signals"]["rule"] in TEMPLATE_RULES:
            answer = question["fact"]  # "In which country is Balochistan?" is about the province
        if not reason and per_answer.get(answer, 0) >= PER_ANSWER:
            reason = "a third question with one answer"
        if not reason and len(kept) >= BANK_MIN and question["_salience"] < PASSING:
            reason = "a passing mention"
        if not reason and len(kept) >= BANK_MAX:
            reason = f"beyond the bank's {BANK_MAX} best"
        if reason:
            rejected.append({"reason": reason, "kind": question["kind"],
                             "prompt": question["prompt"], "answer": question["answer"]})
            continue
        kept.append(question)
        facts.add(question["fact"])
        per_sentence[sentence] = per_sentence.get(sentence, 0) + 1
        per_answer[answer] = per_answer.get(answer, 0) + 1
    kept.sort(key=lambda q: -q["quality"]["score"])
    return kept, rejected


def _twin(question: dict, facts: set[str]) -> str | None:
    if question["fact"] in facts:
        return "another form of a kept question"
    return None
