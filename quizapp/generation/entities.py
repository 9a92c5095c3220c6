"""The entities of an article: mentions grouped into one entity each, with kind, aliases and roles.

A surname alone ("Jilani") or the plural "provinces" joins the full entity ("Jalil Abbas Jilani",
"Sistan and Baluchistan province"). Each entity gets a fine ``kind`` (person, group, country,
province, …) so that multiple-choice distractors are of the same kind as the answer, and the
``aliases`` that also count as a right typed answer.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from quizapp.answers.normalise import MONTHS
from quizapp.bank import normalise_answer
from quizapp.generation.nlp import TITLE_WORDS, text_of
from quizapp.generation.orgs import organisation_sort

CATEGORY = {
    "PERSON": "who", "ORG": "what", "NORP": "who", "GPE": "where", "LOC": "where", "FAC": "where",
    "DATE": "when", "EVENT": "what", "OPERATION": "operation", "WORK_OF_ART": "what",
    "LAW": "what", "PRODUCT": "what", "MONEY": "number", "PERCENT": "number",
    "QUANTITY": "number",
}
_RELATIVE = re.compile(r"\b(next|last|this|ago|yesterday|today|tomorrow|previous|coming|"
                       r"following|earlier|later|recent|past)\b")
# Time zones and exchanges' clocks the model takes for organisations.
_NOT_ENTITIES = {"GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "BST", "JST", "AEST"}
# Transliterations that news sources spell both ways; each variant is accepted as right.
_SPELLINGS = [("Baluch", "Baloch"), ("Qaeda", "Qaida"), ("Mohammed", "Muhammad"),
              ("Mohammad", "Muhammad"), ("Gaddafi", "Qaddafi"), ("Kyiv", "Kiev")]
_DEMONYM_FIXED = {"american": "United States", "british": "United Kingdom", "french": "France",
                  "dutch": "Netherlands", "swiss": "Switzerland", "greek": "Greece",
                  "afghan": "Afghanistan", "filipino": "Philippines", "thai": "Thailand",
                  "welsh": "Wales", "scottish": "Scotland", "english": "England",
                  "irish": "Ireland", "spanish": "Spain", "swedish": "Sweden", "danish": "Denmark",
                  "finnish": "Finland", "polish": "Poland", "turkish": "Turkey", "saudi":
                  "Saudi Arabia", "mexican": "Mexico", "peruvian": "Peru", "norwegian": "Norway",
                  "israeli": "Israel", "lebanese": "Lebanon", "sudanese": "Sudan"}


@dataclass
class Entity:
    text: str
    label: str
    kind: str
    category: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    gloss: str | None = None
    period: str | None = None
    doubtful: bool = False  # one word the model also reads as part of another kind of name

    def record(self) -> dict:
        """The entity as a bank ``entities`` record (and a corpus entity for distractors)."""
        return {"text": self.text, "kind": self.kind, "category": self.category,
                "aliases": self.aliases, "role": self.role, "gloss": self.gloss,
                "mentions": [{"start": s, "end": e} for s, e in self.mentions]}


def _data(name: str) -> dict:
    # JSON, so that the package data rule that ships the bank schema ships these too.
    text = resources.files("quizapp.generation").joinpath("data", name).read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return frozenset(_data("countries.json")["names"])


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Sovereign state → its UN sub-region."""
    return {name: region for region, names in _data("regions.json")["regions"].items()
            for name in names}


TAKES_THE = re.compile(r"(United|Netherlands|Philippines|Czech Republic|Bahamas|Gambia|Maldives|"
                       r"Democratic Republic|Republic of|Central African|Dominican Republic|"
                       r"Solomon Islands|Marshall Islands|Comoros|Seychelles|U\.S\.|US\b|UK\b|"
                       r"U\.K\.|UAE\b)")


def takes_the(name: str) -> bool:
    """"the United States", "the U.S.", but plain "Iran"."""
    return bool(TAKES_THE.match(name))


def country_of_demonym(word: str) -> str | None:
    """"Iranian" → "Iran", "Pakistani" → "Pakistan"; None when no country fits."""
    lower = word.lower()
    if lower in _DEMONYM_FIXED:
        return _DEMONYM_FIXED[lower]
    stems = [word[:-3], word[:-1], word[:-2] + "a", word[:-3] + "a", word[:-2], word[:-3] + "y"]
    stems += [word[:-3] + "e", word[:-2] + "o", word + "y"]
    names = countries()
    return next((s for s in stems if s in names), None)


def is_country(text: str) -> bool:
    return text.removeprefix("the ") in countries()


def _kind(label: str, text: str) -> str:
    lower = text.lower()
    if label == "GPE":
        if re.search(r"\b(province|provinces|region|state|district|county|territory)$", lower):
            return "province"
        return "country" if is_country(text) else "place"
    if label == "DATE":
        return "year" if re.fullmatch(r"\d{4}", text) else "date"
    return {"PERSON": "person", "ORG": "organisation", "NORP": "people", "LOC": "place",
            "FAC": "place", "EVENT": "event", "OPERATION": "operation"}.get(label, label.lower())


def _canonical(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"\bprovinces$", "province", text)


def _wanted(span: Span) -> bool:
    if span.label_ not in CATEGORY or len(span.text) < 2 or span.text in _NOT_ENTITIES:
        return False
    if span.label_ == "ORG" and span[0].lower_ in TITLE_WORDS:
        return False  # "Spokeswoman Sandy Angers" is a person with a title, not an organisation
    if span.label_ == "DATE":
        lower = span.text.lower()
        if _RELATIVE.search(lower):
            return False  # "January next year" means nothing without the article's date
        return bool(re.search(r"\b\d{4}\b", lower)) or any(m in lower for m in MONTHS)
    return any(c.isalpha() or c.isdigit() for c in span.text)


NAME_PARTICLES = {"of", "de", "du", "la", "le", "des", "van", "von", "der", "&"}


def looks_like_a_name(text: str) -> bool:
    """"Procter & Gamble", "Bank of America" — not "787 Dreamliner", "Fusion and Taurus",
    "Air Force for Acquisition" or "Delta IV", which the model sometimes takes for names."""
    words = text.split()
    if any(c.isdigit() for c in text) or "," in text or words[-1] in ("II", "III", "IV", "V"):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES or w.startswith("al-") for w in words)


def initials(text: str) -> str:
    """"General Motors" → "GM", "European Union" → "EU" (capitalised words only)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", text) if w[:1].isupper())


_CORPORATE = {"NV", "N.V", "Inc", "Ltd", "PLC", "plc", "AG", "SA", "S.A", "Corp", "Co", "LLC",
              "SpA", "GmbH"}


def is_acronym_of(short: str, text: str) -> bool:
    """"GM" of "General Motors", "EADS" of "European Aeronautic Defence & Space NV"."""
    letters = short.replace(".", "")
    if len(letters) < 2 or not letters.isupper() or " " not in text:
        return False
    words = [w for w in text.split() if w.strip(".,") not in _CORPORATE]
    # Whole initials only: "US" is no acronym of "United States Air Force".
    return letters in (initials(text), initials(" ".join(words)))


def aliases_of(text: str, label: str) -> list[str]:
    """Other forms of an answer that a student may type and be right."""
    out = {text, text.replace("-", " ")}
    words = [w for w in text.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    if label == "PERSON" and len(words) > 1 and zipf_frequency(words[-1], "en") < 5.2:
        # "Brown" for "Gordon Brown", but not "Day" for "Martin Luther King Jr. Day"
        out |= {words[-1], words[-1].replace("-", " ")}
    out = {o.strip() for o in out}
    if label in ("GPE", "LOC") and re.search(r" (province|region|district|county)$", text):
        out.add(text.rsplit(" ", 1)[0])
    model = re.fullmatch(r"([A-Z]{0,3}-?\d[\w-]*) ([A-Z][a-z]+?)(s?)", text)
    if model and label not in ("DATE", "CARDINAL") and not re.fullmatch(r"(1[89]|20)\d\d", model[1]):
        # "787" or "787 Dreamliner" for "787 Dreamliners": the model number names it
        out |= {model[1], f"{model[1]} {model[2]}", f"{model[1]} {model[2]}s"}
    for a, b in _SPELLINGS:
        out |= {o.replace(a, b) for o in out} | {o.replace(b, a) for o in out}
    out.discard(text)
    return sorted(o for o in out if o.strip())


def collect_entities(doc: Doc) -> list[Entity]:
    """Group the document's entity mentions into entities, in order of first mention."""
    by_key: dict[str, Entity] = {}
    short_forms: dict[str, Entity] = {}  # "SIA" once bracketed after "Singapore Airlines"
    for span in doc.ents:
        if not _wanted(span):
            continue
        text = _canonical(span.text)
        key = normalise_answer(text)
        entity = by_key.get(key) or short_forms.get(key)
        if entity is None:
            entity = _surname_owner(by_key, span, text) or _bracketed_owner(by_key, doc, span)
            if entity is not None:
                short_forms[key] = entity
        if entity is None:
            entity = by_key[key] = Entity(text, span.label_, _kind(span.label_, text),
                                          CATEGORY[span.label_])
        entity.mentions.append((span.start_char, span.end_char))
    _mark_doubtful(doc, list(by_key.values()))
    _sort_organisations(text_of(doc), list(by_key.values()))
    for entity in by_key.values():
        entity.aliases = [a for a in aliases_of(entity.text, entity.label)
                          if _alias_is_safe(entity, a, text_of(doc))]
        short = {text_of(doc)[a:b] for a, b in entity.mentions} - {entity.text}
        entity.aliases = sorted(set(entity.aliases) | {s for s in short if s.isupper()})
    _attach(doc, by_key)
    return list(by_key.values())


RARE_SURNAME = 3.0  # a surname this rare names no one else ("Jilani"), so it is safe alone


def _alias_is_safe(entity: Entity, alias: str, text: str) -> bool:
    """A surname alone is right only where the article itself calls the person by it, or where
    it is too rare to name anyone or anything else: "Dems" for "Lib Dems" would let the US
    Democrats through."""
    if entity.label != "PERSON" or " " in alias.strip() or alias not in entity.text.split():
        return True
    if zipf_frequency(alias, "en") < RARE_SURNAME:
        return True
    alone = len(re.findall(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text))
    return alone > len(re.findall(re.escape(entity.text), text))


def _sort_organisations(text: str, entities: list[Entity]) -> None:
    """Each organisation's sort as its kind (company, index, government body, …), so that it is
    asked with "which company" and given distractors of its own sort."""
    for entity in entities:
        if entity.label == "ORG":
            entity.kind = organisation_sort(entity.text, text, entity.mentions)


def _bracketed_owner(by_key: dict[str, Entity], doc: Doc, span: Span) -> Entity | None:
    """"Singapore Airlines (SIA)": a short name in brackets right after a name is that name."""
    before = text_of(doc)[max(0, span.start_char - 2):span.start_char]
    if before.strip() != "(" or " " in span.text:
        return None
    end = span.start_char - len(before)
    return next((e for e in by_key.values() if e.mentions and e.mentions[-1][1] == end
                 and e.label in ("ORG", "GPE", "LOC")), None)


def _mark_doubtful(doc: Doc, entities: list[Entity]) -> None:
    """"Dreamliner" as a person beside "787 Dreamliner" as a product: the model is unsure."""
    for entity in entities:
        if " " in entity.text or entity.label not in ("PERSON", "ORG"):
            continue
        for span in doc.ents:
            if span.label_ != entity.label and entity.text in span.text.split() and \
                    span.text != entity.text:
                entity.doubtful = True
                break


def _surname_owner(by_key: dict[str, Entity], span: Span, text: str) -> Entity | None:
    """A one-word mention that is the surname of a person already named in full, or the
    acronym of an organisation or place named in full ("GM" after "General Motors")."""
    if " " in text or span.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    for entity in by_key.values():
        if entity.label == "PERSON" and " " in entity.text and \
                entity.text.rsplit(" ", 1)[1] == text:
            return entity
        if entity.label in ("ORG", "GPE", "LOC") and is_acronym_of(text, entity.text):
            return entity
    return None


def _attach(doc: Doc, by_key: dict[str, Entity]) -> None:
    """Roles, glosses and periods found by the rule layer, onto their entities."""
    for group, attr in (("role", "role"), ("gloss", "gloss"), ("period", "period")):
        for span in doc.spans[group]:
            owner = by_key.get(normalise_answer(_canonical(span.label_)))
            if owner is not None and getattr(owner, attr) is None:
                setattr(owner, attr, span.text)


def entity_index(doc: Doc, entities: list[Entity]) -> dict[int, tuple[Entity, Span]]:
    """Token index → (entity, mention span) for every token inside a kept mention."""
    by_mention = {m: e for e in entities for m in e.mentions}
    out = {}
    for span in doc.ents:
        entity = by_mention.get((span.start_char, span.end_char))
        if entity is not None:
            for i in range(span.start, span.end):
                out[i] = (entity, span)
    return out
