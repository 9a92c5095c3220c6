"""Normalised forms of typed answers: tokens, the comparable core, and a person's surname.

``form_of`` folds case, accents (NFKD), curly quotes, apostrophes, hyphens and other
punctuation, thousands separators, number words ("three" -> "3", "eighth" -> "8th") and a
leading article. It then works out the *core* used for comparison: function words dropped,
a leading title run dropped before a name ("British Prime Minister David Cameron"), and a
trailing generic head word dropped ("Sistan and Baluchistan province").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})
ARTICLES = frozenset({"the", "a", "an"})
# Words that never carry the fact asked for: "from 1980 to 1988" == "1980 to 1988" == "1980-1988",
# "in Paris" == "Paris". Negations, quantifiers and "early"/"late" are not here: they change meaning.
IGNORABLE = ARTICLES | frozenset({
    "this", "that", "these", "those", "of", "in", "on", "at", "by", "from", "to", "for", "with",
    "into", "onto", "upon", "within", "until", "till", "around", "about", "approximately",
    "roughly", "and", "its", "their", "his", "her", "our", "jr", "sr",
})
# Trailing head words a student may leave out ("the Jaish al-Adl group" -> "Jaish al-Adl").
GENERIC_HEADS = frozenset({
    "province", "provinces", "region", "county", "district", "group", "war", "operation",
    "movement", "organisation", "organization", "militants", "militant", "campaign", "offensive",
    "conflict", "crisis", "incident", "river", "government",
})
# Titles that may precede a person's name; the name alone is enough.
TITLES = frozenset({
    "president", "prime", "minister", "foreign", "interior", "defence", "defense", "secretary",
    "general", "major", "colonel", "captain", "lieutenant", "sergeant", "mr", "mrs", "ms", "miss",
    "dr", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope", "senator",
    "sen", "governor", "mayor", "chancellor", "premier", "ayatollah", "sheikh", "judge", "chief",
    "commander", "ambassador", "spokesman", "spokeswoman", "spokesperson", "professor", "prof",
    "reverend", "rev", "mp", "leader", "supreme", "vice", "deputy", "head",
})
# Titles that also begin names of things ("General Motors", "Major League"): strip them only
# when at least two name words follow.
AMBIGUOUS_TITLES = frozenset({"general", "major", "chief", "lord", "king", "queen", "prince",
                              "supreme", "leader", "head"})
# Capitalised multi-word answers with one of these words are places or bodies, not people, so
# their last word alone is not accepted ("York" is not "New York").
NOT_PERSON = GENERIC_HEADS | frozenset({
    "new", "san", "santa", "los", "las", "saint", "st", "sri", "hong", "costa", "puerto", "abu",
    "el", "al", "air", "united", "saudi", "south", "north", "east", "west", "great", "upper", "lower", "port",
    "fort", "mount", "lake", "cape", "buenos", "rio", "sao", "tel", "kuala", "city", "island",
    "islands", "republic", "kingdom", "states", "state", "emirates", "union", "university",
    "council", "court", "house", "ministry", "bank", "party", "army", "force", "forces", "guard",
    "corps", "agency", "company", "airlines", "airport", "street", "square", "valley", "sea",
    "ocean", "gulf", "bay", "coast", "strait", "desert", "mountains", "hills", "park", "bridge",
    "nations", "league", "association", "committee", "institute", "centre", "center", "times",
    "post", "news", "press",
})
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth")
# A number followed by one of these is a different number without it ("5 million" is not "5").
MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "m", "bn", "k"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
NUMBER_WORDS = {w: n for n, w in enumerate(UNITS)} | TENS
ORDINAL_WORDS = {w: n for n, w in enumerate(ORDINALS)} | {
    w[:-1] + "ieth": n for w, n in TENS.items()}
TOKEN = re.compile(r"[^\W_]+")
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Form:
    """One answer text, normalised. ``tokens`` keep every word; ``core`` is what is compared."""

    text: str
    tokens: tuple[str, ...]
    core: tuple[str, ...]
    numbers: tuple[str, ...]  # core tokens with digits: these must match exactly
    counted: bool  # numbers and lowercase words only ("12 people"): the numbers alone will do
    surname: tuple[str, ...] | None  # the last word's tokens when the text looks like a person
    proper: bool  # some word is capitalised: mismatches are "a different name"
    compact: str = ""  # letters and digits only, casefolded: "A 330" and "A330" are "a330"

    @property
    def norm(self) -> str:
        return " ".join(self.tokens)


def _ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Token(NamedTuple):
    """One normalised token and the whitespace word it came from."""

    text: str
    word: int  # index of the whitespace word, so "Amir-Abdollahian" stays one surname
    name_like: bool  # the word is capitalised and has lowercase letters ("Jilani", not "U.S.")
    upper: bool  # the word starts with a capital ("NSW", "Jilani")


def _fold(text: str) -> str:
    """Curly quotes, accents, possessives, apostrophes and thousands separators folded away."""
    text = unicodedata.normalize("NFKD", text.translate(QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\w) ?'s\b", "", text)  # "Rigby's", "Rigby 's" -> "Rigby"
    text = text.replace("'", "")  # "O'Brien" -> "OBrien", "Williams ' wife" -> "Williams wife"
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # "1,000" -> "1000"


def _tokens(text: str) -> list[Token]:
    """Casefolded alphanumeric tokens, with the shape of the word each came from."""
    tokens = []
    for i, raw in enumerate(_fold(text).split()):
        letters = [c for c in raw if c.isalpha()]
        upper = bool(letters) and letters[0].isupper()
        name_like = upper and any(c.islower() for c in letters)
        tokens += [Token(t.casefold(), i, name_like, upper) for t in TOKEN.findall(raw)]
    return tokens


def _numbers(tokens: list[Token]) -> list[Token]:
    """Number words to digits: "three" -> "3", "twenty-one" -> "21", "eighth" -> "8th"."""
    out: list[Token] = []
    for tok in tokens:
        unit = NUMBER_WORDS.get(tok.text, ORDINAL_WORDS.get(tok.text, 0))
        if out and out[-1].text.isdigit() and int(out[-1].text) in TENS.values() and 0 < unit < 10:
            n = int(out[-1].text) + unit
            out[-1] = out[-1]._replace(text=str(n) if tok.text in NUMBER_WORDS else _ordinal(n))
        elif tok.text in NUMBER_WORDS:
            out.append(tok._replace(text=str(NUMBER_WORDS[tok.text])))
        elif tok.text in ORDINAL_WORDS:
            out.append(tok._replace(text=_ordinal(ORDINAL_WORDS[tok.text])))
        else:
            out.append(tok)
    return out


def _strip_titles(tokens: list[Token]) -> list[Token]:
    """Drop a leading title run before a capitalised name.

    The run ends at its last title word and may hold other capitalised words before it
    ("British Prime Minister David Cameron", "NSW Liberal MP Gareth Ward").
    """
    end = 0
    for i, tok in enumerate(tokens):
        if tok.text in TITLES:
            end = i + 1
        elif not tok.upper:
            break
    rest = tokens[end:]
    if not end or not all(t.name_like for t in rest) or all(t.text in IGNORABLE for t in rest):
        return tokens
    ambiguous = any(t.text in AMBIGUOUS_TITLES for t in tokens[:end])
    if ambiguous and len({t.word for t in rest}) < 2:
        return tokens
    return rest


def _surname(name: list[Token]) -> tuple[str, ...] | None:
    """The last word of a 2-4 word capitalised personal name, if the text looks like one."""
    name = [t for t in name if t.text not in ("jr", "sr")]  # "King" for "Martin Luther King Jr."
    words = {t.word for t in name}
    if not 2 <= len(words) <= 4 or not all(t.name_like for t in name):
        return None
    if name[0].text in TITLES:  # a title that did not introduce a name: "General Motors"
        return None
    if any(t.text in NOT_PERSON or t.text in IGNORABLE or DIGIT.search(t.text) for t in name):
        return None
    surname = tuple(t.text for t in name if t.word == max(words))
    return surname if sum(len(t) for t in surname) >= 3 else None


def _core(name: list[str]) -> tuple[str, ...]:
    """Function words and a trailing generic head dropped; never emptied."""
    core = [t for t in name if t not in IGNORABLE] or list(name)
    while len(core) > 1 and core[-1] in GENERIC_HEADS and (len(core) > 2 or len(core[0]) >= 5):
        core.pop()
    return tuple(core)


@lru_cache(maxsize=4096)
def form_of(text: str) -> Form:
    """Normalise one answer text (given, expected, accepted or wrong)."""
    tokens = _numbers(_tokens(text))
    while tokens and tokens[0].text in ARTICLES:
        tokens = tokens[1:]
    name = _strip_titles(tokens)
    core = _core([t.text for t in name])
    numbers = tuple(t for t in core if DIGIT.search(t))
    words = [t for t in name if t.text not in IGNORABLE and not DIGIT.search(t.text)]
    counted = bool(numbers) and not any(t.upper or t.text in MAGNITUDES for t in words)
    return Form(text=text, tokens=tuple(t.text for t in tokens), core=core, numbers=numbers,
                counted=counted, surname=_surname(name), proper=any(t.upper for t in tokens),
                compact="".join(TOKEN.findall(_fold(text).casefold())))


def normalise(text: str) -> str:
    """The normalised text of an answer: folded tokens joined by single spaces."""
    return form_of(text).norm
