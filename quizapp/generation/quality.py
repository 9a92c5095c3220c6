"""Quality of generated questions: the reasons to reject one, and a 0–1 score for the rest.

Rejected candidates keep their reason in the bank (``rejected``), so a teacher can see what was
left out and why. The score weighs how reliable the rule that found the fact is, how rare (and so
how informative) the answer is, and how long the prompt is; the signals behind it are kept.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from quizapp.bank import normalise_answer
from quizapp.generation.headline import STOP_WORDS
from quizapp.generation.orgs import sort_words
from quizapp.generation.quality_model import load_model, text_signals

NEAR_DUPLICATE = 92
TRIVIAL_ZIPF = 5.5  # words at least this common ("the", "people", "said") are trivial blanks
PRONOUNS = {"he", "she", "it", "they", "we", "you", "i", "him", "her", "them", "us", "me", "his",
            "its", "their", "our", "this", "that", "these", "those", "who", "which"}
RULE_PRIOR = {"role": 0.95, "role-reverse": 0.9, "gloss": 0.95, "gloss-reverse": 0.95,
              "period": 0.95, "period-reverse": 0.95, "province-country": 0.9, "count": 0.85,
              "clause-subject": 0.8, "clause-dobj": 0.7, "clause-prep": 0.65, "cloze": 0.7}
# Definite noun phrases that point back into the article ("the two countries", "the company's
# move"): a question that holds one cannot be understood without the article.
ANAPHORA = re.compile(r"\b(?:[Tt]he|[Bb]oth|[Tt]hese|[Tt]hose)\s+(?:(?:two|other|new|first|"
                      r"latest|proposed|planned|final|same|whole|entire|additional|sales|"
                      r"government|financial|preliminary)\s+)?(?:countries|"
                      r"nations|sides|region|area|company|company's|firm|firm's|man|woman|city|"
                      r"country|exchange|incident|move|decision|deal|plan|automaker|carmaker|"
                      r"airline|plant|factory|agreement|bank|delay|ban|merger|takeover|crash|"
                      r"accident|proposal|bill|scheme|project|programme|program|rally|loss|"
                      r"losses|announcement|rejection|vote|ruling|bailout|talks|order|demands|"
                      r"demand|plans|deals|cuts|measures|proposals|offer|request|conditions|"
                      r"terms|report|statement|remarks|comments|claims|allegations|agreement|"
                      r"contract|package|loan|loans|aid|money|funds|sale|purchase|strike|"
                      r"protest|changes|problem|problems|situation|crisis|case|attack|plane|"
                      r"aircraft|jet|car|vehicle|model|group|organisation|organization|union|"
                      r"delays|gains|figures|exception|results)\b"
                      r"(?!\s+(?:of|to|for|that|which|who|announced|between)\b"
                      r"|\s+(?:the\s+)?(?:_____|[A-Z]))")
# "both sides of the border", "the plan to cut 30,000 jobs" name what they mean.
# A possessive pronoun standing for a thing ("their's", "theirs") points outside the sentence;
# so does a change with nothing changing ("reported a _____ decline.").
STANDS_FOR = re.compile(r"\b(?:their'?s|theirs|hers|ours)\b", re.IGNORECASE)
BARE_CHANGE = re.compile(r"\b(?:reported|posted|announced|recorded|saw|suffered|had) an? _____\s+"
                         r"(?:decline|drop|fall|rise|increase|gain|jump|plunge|slump|decrease|"
                         r"growth)\b(?!\s+(?:in|of|for|on)\b)")
# "that record", "that level": a demonstrative before a noun points back into the article.
DEMONSTRATIVE = re.compile(r"\b(?:that|this)\s+(?:record|level|figure|amount|number|sum|"
                           r"price|mark|milestone|target|deadline|estimate|forecast)\b")

# A currency sign after its amount ("150 million $") is a symbol the text lost ("€"), not an amount.
CURRENCY_AFTER = re.compile(r"\d(?:\s*(?:million|billion|trillion))?\s*[$£¥€]\s*$")

# A quotation mark left alone where the words it closed were cut ("… conducted '?").
STRAY_QUOTE = re.compile(r"\s['‘’\"“”]\s*[?.!]?$")

# A sentence that lost its last word, as converted text sometimes has: "the decisions of the."
LOST_WORD = re.compile(r"\b(?:the|an|and)\s*[?.!]$")
# A label fused to a sentence's first words: "Economy and business The government of Dubai …"
FUSED_LABEL = re.compile(r"(?<=[a-z]) (?:The|A|An) (?=[a-z])")
# A quotation's full stop left before the question mark: "… testimony"."?"
STOP_BEFORE_MARK = re.compile(r"(?<![A-Z])\.[\"”’]?\?$")

# An ordinal whose noun was left out ("rolled out the first that is to be delivered").
HEADLESS = re.compile(r"\bthe (?:first|second|third|last|next) (?:that|which|who|is|was|to)\b")


# The date a question opens with is the generator's, not the article's words about the answer.
DATE_LEAD = re.compile(r"^(?:In )?(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December) \d{4}(?: news:|,)\s*")
NAME_CATEGORIES = {"who", "what", "where", "operation"}
COMMON_WORD = 5.0  # words at least this common ("United", "Company", "General") give little away


def name_leak(question: dict) -> str | None:
    """A word of the answer's name that the prompt still shows: "… to relieve Ford" when the
    blank is "Ford Motor Company". Stop words and everyday words do not count."""
    if question["category"] not in NAME_CATEGORIES:
        return None
    prompt = DATE_LEAD.sub("", question["prompt"])
    for word in re.findall(r"[\w&.'’-]+", question["answer"]):
        word = word.strip(".'’-")
        if len(word) < 2 or word.lower() in STOP_WORDS or word.lower() in sort_words() or \
                (word.isalpha() and zipf_frequency(word.lower(), "en") >= COMMON_WORD):
            continue
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", prompt):
            return word
    return None


def balanced(text: str) -> bool:
    """Every bracket closed and every straight quote paired."""
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0 and \
        text.count("“") == text.count("”")


def rejection(question: dict) -> str | None:
    """Why a candidate question must not be asked, or None."""
    answer, prompt, kind = question["answer"], question["prompt"], question["kind"]
    norm = normalise_answer(answer)
    if kind != "truefalse":
        if not norm or norm in PRONOUNS:
            return "blank is a pronoun"
        if " " not in norm and not norm.isdigit() and question["category"] != "number" and \
                zipf_frequency(norm, "en") >= TRIVIAL_ZIPF:
            return "blank is a trivial word"
        if answer.casefold() in prompt.casefold():
            return "answer leaks into the prompt"  # also as part of a word: "Pakistan(i)"
        prompt_norm = f" {normalise_answer(prompt)}"
        for form in question.get("accepted", ()):
            form_norm = normalise_answer(form)
            if len(form_norm) >= 3 and f" {form_norm}" in prompt_norm:
                return "answer leaks into the prompt"
        if name_leak(question):
            return "answer leaks into the prompt"
    # The checks on what a question leaves unsaid read its own words, not the headline's.
    body = question.get("_body", prompt)
    if question.get("_unsaid") or ANAPHORA.search(body) or re.search(r"\b[Ff]ellow\s", body) or \
            STANDS_FOR.search(body) or BARE_CHANGE.search(body) or DEMONSTRATIVE.search(body):
        return "needs the article to make sense"
    if HEADLESS.search(body) or CURRENCY_AFTER.search(answer) or STRAY_QUOTE.search(body) or \
            LOST_WORD.search(body) or FUSED_LABEL.search(body) or STOP_BEFORE_MARK.search(body):
        return "malformed"
    if not balanced(answer):
        return "malformed"  # "John Birch Society (JBS", "\"Kucinich for President"
    if question["category"] in NAME_CATEGORIES and kind != "truefalse" and \
            re.match(r"[a-z]{1,3}\s", answer):
        return "malformed"  # "ed Rove": the end of a word the source lost, fused to a name
    words = len(body.split())
    if words > (70 if kind in ("cloze", "truefalse") else 45):
        return "prompt too long"
    if kind == "mcq" and len(question.get("choices", ())) < 4:
        return "not enough distractors of the same kind"
    return None


def duplicate_of(question: dict, kept: list[dict]) -> str | None:
    """"duplicate" or "near-duplicate" when an already kept question asks the same."""
    prompt = normalise_answer(question["prompt"])
    for other in kept:
        if other["kind"] != question["kind"]:
            continue
        if other["id"] == question["id"] or normalise_answer(other["prompt"]) == prompt:
            return "duplicate"
        if normalise_answer(other["answer"]) == normalise_answer(question["answer"]) and \
                fuzz.token_set_ratio(normalise_answer(other["prompt"]), prompt) >= NEAR_DUPLICATE:
            return "near-duplicate"
    return None


# A fact asked with choices is easier to get right and quicker to answer; a true/false
# statement tests the least.
KIND_BONUS = {"mcq": 0.1, "short": 0.0, "cloze": 0.0, "truefalse": -0.1}


def priority(question: dict, rule: str, salience: float = 0.0) -> float:
    """The rules' 0–1 priority of a candidate, for choosing which questions make the bank and
    in which form (``selection.select``): how reliable the rule, how rare the answer, how long
    the prompt, how much the story is about it, and the form. The bank's ``score`` and order
    come from the fitted model (``score``)."""
    answer = question["answer"] if question["kind"] != "truefalse" else question["_about"]
    rarity = max(0.0, min(1.0, 1 - zipf_frequency(answer, "en") / 7))
    words = len(question.get("_body", question["prompt"]).split())
    length = 1.0 if 6 <= words <= 30 else 0.6 if words <= 45 else 0.3
    value = 0.35 * RULE_PRIOR.get(rule, 0.6) + 0.15 * rarity + 0.1 * length + \
        0.4 * salience + KIND_BONUS.get(question["kind"], 0.0)
    return max(0.0, min(1.0, value))


def score(question: dict, rule: str, sentence: str, salience: float = 0.0) -> dict:
    """The quality object of a question: ``score``, the chance in 0–1 that a blind judge
    accepts it (the model fitted on judgements, ``quality_model``), and the ``signals`` it is
    computed from. ``salience`` says how much the story is about the answer."""
    answer = question["answer"] if question["kind"] != "truefalse" else question["_about"]
    rarity = max(0.0, min(1.0, 1 - zipf_frequency(answer, "en") / 7))
    words = len(question.get("_body", question["prompt"]).split())  # without the context lead
    signals = {"rule": rule, "answer_rarity": round(rarity, 3), "prompt_words": words,
               "salience": salience, **text_signals(question["prompt"], question["answer"])}
    return {"score": load_model().score(signals, question["kind"], question["category"]),
            "signals": signals}
