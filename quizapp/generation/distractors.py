"""Wrong choices for multiple choice and true/false: same kind as the answer, similar rarity.

Candidates come from the same article; only countries and dates, which are alike across stories,
are drawn from the corpus of other banks' entities and the list of country names: a person, a
place or a company from another story is no real choice beside the story's own. Rarity is ``wordfreq.zipf_frequency``: a
well-known answer gets well-known distractors, an obscure one obscure distractors. A candidate
that is an alias of the answer, contains it, or already shows in the prompt is never used.
"""
from __future__ import annotations

import random
import re

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from quizapp.bank import normalise_answer
from quizapp.generation.dates_and_numbers import (
    date_shape,
    later_than,
    numeric_distractors,
    year_gap,
    years_before,
)
from quizapp.generation.entities import (
    country_of_demonym,
    initials,
    is_acronym_of,
    looks_like_a_name,
    regions,
)
from quizapp.generation.nlp import TITLE_WORDS

ENOUGH = 3
# Organisations of a known sort (see ``orgs``); one of no known sort ("organisation") gets no
# distractors, because a company offered beside a charity and an index is no real choice.
ORG_KINDS = {"company", "index", "government", "union", "media", "international", "group",
             "airline", "carmaker", "planemaker", "financial firm"}
# The last word of an organisation's name says what sort it is: an assembly plant is no
# automaker, a stock exchange no bank. Names without one ("Ford", "Airbus") are brands.
ORG_SORTS = {"assembly", "exchange", "council", "committee", "association", "board", "union",
             "agency", "office", "department", "ministry", "commission", "bank", "university",
             "party", "plant", "factory", "court", "command", "force", "army", "navy",
             "government", "administration", "index", "institute", "foundation", "fund",
             "organisation", "organization", "reserve", "parliament", "senate", "congress",
             "house", "treasury", "representatives", "authority", "service", "police", "nations",
             "federation", "league", "markets", "hospital", "school", "sabha"}
NOT_A_PERSON = ORG_SORTS | {"atlantic", "airline", "airlines", "airways", "company", "motors",
                            "corporation", "inc", "ltd", "plc", "day", "dreamliner", "capital",
                            "partners", "management", "group", "news", "times", "transmission",
                            "international", "holdings", "systems", "industries", "air",
                            "berlin", "aviation", "motor", "bay", "street"}
# Kinds whose members are alike across articles; for others (products, laws, works) only the
# same article's entities are alike enough to be plausible.
CORPORATE = {"inc", "corp", "corporation", "co", "company", "ltd", "plc", "ag", "sa", "nv", "n",
             "v", "spa", "gmbh", "llc", "group"}
# Judged blind, people, places, roles and organisations from other stories were implausible
# beside the story's own ("Litvinenko" as an ABC spokesperson, "Air America" as a US carrier);
# countries, dates and stock indices are alike across stories.
SHARED_KINDS = {"country", "date", "index"}


CONTINENTS = {"Africa", "Asia", "Europe", "North America", "South America", "Antarctica",
              "Oceania", "Australia", "the Middle East", "Middle East", "Latin America"}


def rarity(text: str) -> float:
    return zipf_frequency(text, "en")


def _clashes(candidate: str, answer_forms: set[str], prompt: str,
             originals: tuple[str, ...] = ()) -> bool:
    norm = normalise_answer(candidate)
    if not norm or norm in answer_forms:
        return True
    if any(is_acronym_of(candidate, f.title()) or is_acronym_of(f.upper(), candidate)
           for f in answer_forms if " " in f or " " in candidate):
        return True  # "GM" for "General Motors"
    for form in answer_forms:
        if re.search(rf"\b{re.escape(form)}\b", norm) or re.search(rf"\b{re.escape(norm)}\b",
                                                                     form):
            return True
        if form.split()[-1:] == norm.split()[-1:] and len(norm.split()) > 1 and \
                len(form.split()) > 1 and not form.endswith(("province", "war", "group")):
            return True  # two people with one surname are one person more often than not
    if any(_expands(candidate, f) or _expands(f, candidate) for f in originals):
        return True  # "European Aeronautic Defence" beside "EADS N.V."
    prompt_norm = normalise_answer(prompt)
    last = norm.split()[-1] if norm.split() else ""
    if " " in norm and len(last) > 3 and re.search(rf"\b{re.escape(last)}\b", prompt_norm):
        return True  # "Barack Obama" for a question about "Obama's presidency"
    bare = normalise_answer(_bare(candidate))
    if len(bare) > 3 and re.search(rf"\b{re.escape(bare)}\b", prompt_norm):
        return True  # "Aer Lingus Group PLC" for a question that names Aer Lingus
    short = initials(candidate)
    if len(short) >= 3 and re.search(rf"\b{short}\b", prompt):
        return True  # "Government Accountability Office" beside "… respond to the GAO?"
    return bool(re.search(rf"\b{re.escape(norm)}\b", prompt_norm))


def _bare(name: str) -> str:
    """A name without its corporate suffix: "Ford Motor Co." → "Ford Motor"."""
    words = name.replace(".", " ").split()
    while len(words) > 1 and words[-1].lower() in CORPORATE:
        words.pop()
    return " ".join(words)


def _expands(long: str, short: str) -> bool:
    """Whether ``long`` spells out (the start of) the acronym ``short``: "European Aeronautic
    Defence" of "EADS N.V.", "General Motors Corporation" of "GM"."""
    letters = re.sub(r"[^A-Za-z]", "", _bare(short))
    words = [w for w in re.split(r"[\s&-]+", _bare(long)) if w]
    if len(words) < 2 or not 2 <= len(letters) <= 6 or not letters.isupper() or \
            " " in _bare(short):
        return False
    head = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    return len(head) >= 2 and (letters.startswith(head) or head.startswith(letters))


def org_sort(name: str) -> str:
    words = [w.lower().strip(".,") for w in name.split()]
    return next((w for w in reversed(words) if w in ORG_SORTS), "name")


def _mixed_kinds(records: list[dict]) -> set[str]:
    kinds: dict[str, set[str]] = {}
    for record in records:
        kinds.setdefault(record["text"], set()).add(record.get("kind", ""))
    return {text for text, seen in kinds.items() if len(seen) > 1}


def _near(candidate: str, others: list[str]) -> bool:
    """A spelling or a longer form of something already chosen ("Chrylser" beside "Chrysler",
    "Caterpillar Inc." beside "Caterpillar")."""
    norm = normalise_answer(_bare(candidate))
    for original in others:
        other = normalise_answer(_bare(original))
        if fuzz.ratio(norm, other) >= 85 or re.search(rf"\b{re.escape(other)}\b", norm) or \
                re.search(rf"\b{re.escape(norm)}\b", other):
            return True
        if _expands(candidate, original) or _expands(original, candidate):
            return True  # "European Aeronautic Defence" beside "EADS N.V."
        if _variant(norm, other):
            return True
        first, other_first = norm.split()[:1], other.split()[:1]
        if first == other_first and first and _distinctive(first[0]):
            return True  # "Dow Industrials" beside "Dow Jones", not "Air India" beside "Air France"
    return False


def _variant(one: str, other: str) -> bool:
    """Another spelling or form of one name: "andrey lugovoy" of "lugovoi", "daimler" of
    "daimlerchrysler" (normalised, corporate suffixes off)."""
    a, b = one.split(), other.split()
    if not a or not b:
        return False
    if len(a[-1]) > 4 and len(b[-1]) > 4 and fuzz.ratio(a[-1], b[-1]) >= 80:
        return True  # the surname spelt two ways
    for whole, parts in ((a, b), (b, a)):
        if len(whole) == 1 and len(parts[0]) > 3 and whole[0] != parts[0] and \
                whole[0].startswith(parts[0]):
            return True  # one word that starts with the other's first
    return False


def _distinctive(word: str) -> bool:
    """A rare first word that is no country or nationality ("Dow", "Ford"; not "Air", "China")."""
    return rarity(word) < 4.5 and country_of_demonym(word.title()) is None and \
        word.title() not in regions()


def _stray_lead(role: str) -> bool:
    """"thumb Ford Motor Company CEO": a lower-case word that is no title, stuck before a name
    (a picture caption's leftover), makes no role."""
    first, second = role.split()[:2]
    return first.islower() and first not in TITLE_WORDS and second[:1].isupper()


def candidates_of(kind: str, records: list[dict], corpus: bool = False) -> list[str]:
    """Texts of that kind in entity records (roles and glosses are fields of their owners)."""
    if kind == "role":  # a role with its owner ("European Central Bank president"), not "analyst"
        return [r["role"] for r in records if r.get("role") and " " in r["role"]
                and any(w[:1].isupper() for w in r["role"].split()[1:] + r["role"].split()[:1])
                and not _stray_lead(r["role"])]
    if kind == "gloss":
        return [r["gloss"] for r in records if r.get("gloss")]
    if kind == "person":  # named twice or with a role: "Der Spiegel", named once, may be no one
        return [r["text"] for r in records if r.get("kind") == "person"
                and (r.get("role") or len(r.get("mentions", ())) > 1)]
    if kind == "organisation":
        return []
    if kind in ORG_KINDS and corpus:  # from other stories, only the much-named ones
        named: dict[str, int] = {}
        for r in records:
            if r.get("kind") == kind:
                named[r["text"]] = named.get(r["text"], 0) + len(r.get("mentions", ()))
        return [text for text, mentions in named.items() if mentions > 2]
    return [r["text"] for r in records if r.get("kind") == kind]


def pick_distractors(answer: str, accepted: list[str], kind: str, prompt: str,
                     article_records: list[dict], corpus_records: list[dict],
                     rng: random.Random, n: int = ENOUGH, latest: int | None = None) -> list[str]:
    """Up to ``n`` distractors for ``answer``, nearest in rarity, from the article first; a
    year or date after ``latest`` (the article's year) is none: it had not come yet."""
    if kind == "year" and latest is not None and answer.isdigit() and int(answer) <= latest:
        return years_before(int(answer), latest, rng, n)
    if kind in ("count", "year", "period"):
        return numeric_distractors(answer, kind, rng, n)
    if kind == "date" and latest is not None:
        corpus_records = [r for r in corpus_records if not later_than(r["text"], latest)]
        article_records = [r for r in article_records if not later_than(r["text"], latest)]
    forms = {normalise_answer(a) for a in (answer, *accepted)}
    # A text the model labels with two kinds ("Virgin Atlantic" a person here, a company there)
    # is a doubtful member of either.
    doubtful = _mixed_kinds(article_records + corpus_records)
    target = rarity(answer)
    chosen: list[str] = []
    for source in _sources(answer, kind, article_records, corpus_records):
        # Nearest in rarity first (dates: nearest in time); equally near ones in a seeded
        # random order, not by alphabet.
        pool = sorted(set(source))
        rng.shuffle(pool)
        pool.sort(key=lambda c: year_gap(c, answer) if kind in ("date", "year")
                  else round(abs(rarity(c) - target) * 2))
        for candidate in pool:
            if len(chosen) == n:
                return chosen
            if candidate not in doubtful and \
                    not _clashes(candidate, forms, prompt, (answer, *accepted)) and \
                    not _near(candidate, [answer, *accepted, *chosen]):
                chosen.append(candidate)
    return chosen


def _sources(answer: str, kind: str, article_records: list[dict],
             corpus_records: list[dict]) -> list[list[str]]:
    """Candidate lists in the order they are drawn on, each of the answer's kind and sort."""
    sources = [candidates_of(kind, article_records),
               candidates_of(kind, corpus_records, corpus=True) if kind in SHARED_KINDS else []]
    if kind == "date":  # "October 2006" wants "May 2007", not "at least 2007"
        shape = date_shape(answer)
        return [[c for c in s if shape and date_shape(c) == shape] for s in sources]
    if kind == "person":
        return _people(answer, sources, article_records)
    if kind in ORG_KINDS:
        sort = org_sort(answer)
        sources = [[c for c in s if org_sort(c) == sort and looks_like_a_name(c)]
                   for s in sources]
        return sources
    if kind == "country":
        # Neighbours first: "Pakistan" gets "India" and "Afghanistan", not "Brazil".
        region = regions().get(answer.removeprefix("the "))
        near = [c for c, r in regions().items() if r == region]
        return [[c for c in sources[0] if c in near], near, *sources, sorted(regions())]
    if kind == "place":  # a district wants districts and towns, not "U.S." or "Europe"
        # A street wants streets and an airport airports, a town towns ("Main Street" beside
        # "Rochester", "Rome International Airport" among cities were no real choices).
        return [[c for c in s if c.removeprefix("the ") not in regions() and
                 not re.fullmatch(r"[A-Z.]+", c) and c not in CONTINENTS and
                 _facility(c) == _facility(answer)] for s in sources]
    if kind == "people":
        # Nationalities ("Iranian") are no distractors for peoples ("Baloch"), nor the reverse.
        demonym = country_of_demonym(answer) is not None
        plural = answer.endswith("s")  # "Democrats" wants "Republicans", not "European"
        return [[c for c in s if (country_of_demonym(c) is not None) == demonym
                 and c.endswith("s") == plural] for s in sources]
    return sources


_FACILITY = re.compile(r"\b(Street|Road|Avenue|Square|Boulevard|Lane|Tower|Building|Airport|"
                       r"Hospital|Bridge|Station|Stadium|Hotel|Park)\Z")


def _facility(place: str) -> str:
    found = _FACILITY.search(place)
    return found.group() if found else ""


def _people(answer: str, sources: list[list[str]], article_records: list[dict]) -> list[list[str]]:
    """Full names for a full name, surnames for a surname, so the answer's form does not give it
    away. A name the model may have mislabelled ("Dell", "Lok Sabha", "Nasser Hospital": one word
    that is no known person's surname, or a word of an organisation's) gets none."""
    full = [[c for c in s if _full_name(c)] for s in sources]
    if not _full_name(answer) and answer not in _surnames(article_records):
        return []
    if " " in answer:
        return full
    return [[c.split()[-1] for c in s] for s in full]


def _full_name(text: str) -> bool:
    """"Mark Hurd", not "Virgin Atlantic", "Garuda Indonesia" or "Nasser Hospital"."""
    return len(text.split()) > 1 and looks_like_a_name(text) and not \
        {w.lower().strip(".,") for w in text.split()} & NOT_A_PERSON and \
        not any(w in regions() for w in text.split())


def _surnames(records: list[dict]) -> set[str]:
    """The short forms of the article's fully named people ("Hurd" of "Mark Hurd")."""
    out: set[str] = set()
    for record in records:
        if record.get("kind") == "person" and _full_name(record["text"]):
            out.add(record["text"].split()[-1])
            out.update(a for a in record.get("aliases", ()) if " " not in a)
    return out
