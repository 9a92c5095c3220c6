"""Facts from an analysed article: rule-layer templates, wh-questions from clauses, and clozes.

Templates cover what the rule layer finds — people's roles, operation names and their glosses,
the years of a war, which country a province is in, casualty counts — and each asks about a fact
in words that make sense without the article. Clozes blank one entity mention in a sentence that
stands on its own.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from quizapp.generation.clauses import (
    balanced,
    bare_definite_subject,
    clause_facts,
    leans_on_context,
    number_forms,
    stands_alone,
)
from quizapp.generation.entities import Entity, country_of_demonym, entity_index, takes_the
from quizapp.generation.fact import Fact
from quizapp.generation.nlp import TITLE_WORDS, text_of
from quizapp.generation.quality import ANAPHORA

CLOZES_PER_SENTENCE = 2
NUMERIC = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "DATE", "TIME"}
PERSONAL = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}
FIRST_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your"}
TIME_NOUNS = {"week", "year", "month", "morning", "afternoon", "evening", "quarter", "season",
              "time", "weekend", "summer", "winter", "spring", "autumn", "fall", "decade"}


def find_facts(doc: Doc, entities: list[Entity], *, dated: bool,
               on_sentence=None) -> list[Fact]:
    """Every candidate fact of the document, sentence by sentence; ``on_sentence(n)`` is told
    when the first n sentences are done."""
    index = entity_index(doc, entities)
    sentences = list(doc.sents)
    sentence_of = {}
    for number, sent in enumerate(sentences):
        sentence_of.update({i: number for i in range(sent.start, sent.end)})
    facts: list[Fact] = []
    for entity in entities:
        facts += _role_facts(doc, entity, entities, sentence_of, dated)
        facts += _gloss_facts(doc, entity, sentence_of)
        facts += _period_facts(doc, entity, sentence_of)
    facts += _containment_facts(doc, index, sentence_of)
    facts += _count_facts(doc, sentence_of)
    for number, sent in enumerate(sentences):
        facts += clause_facts(sent, index, number)
        facts += _cloze_facts(sent, index, number)
        if on_sentence:
            on_sentence(number + 1)
    return facts


UNIQUE_OFFICES = {"minister", "president", "prime minister", "governor", "mayor", "ceo",
                  "chief executive", "chief executive officer", "chairman", "chairwoman", "king",
                  "queen", "chancellor", "premier", "secretary-general", "secretary general",
                  "foreign minister", "finance minister", "defence minister", "defense minister",
                  "interior minister", "president and ceo", "chief financial officer", "cfo"}


def _holder(role: Span, entities: list[Entity]) -> tuple[str, str] | None:
    """("Iran's", "foreign minister") from "Iranian Foreign Minister"; None when no one owns it.

    The owner is the country of a nationality or the organisation or place named in the title;
    the rest of the title, lower-cased, is the office.
    """
    owner, office = [], []
    for tok in role:
        if not office and tok.ent_type_ in ("NORP", "GPE", "ORG"):
            owner.append(tok)
        elif not office and tok.tag_ == "POS":
            continue  # "Canada's Minister of Industry"
        else:
            office.append(tok.text if tok.ent_type_ or tok.text.isupper() else tok.lower_)
    if not owner or not office:
        return None
    name = "".join(t.text_with_ws for t in owner).strip()
    known = next((e for e in entities if e.text == name), None)
    if owner[0].ent_type_ == "ORG" and (known is None or len(known.mentions) < 2):
        return None  # an organisation named once, as in "Automotive analyst", may be a misreading
    if owner[0].ent_type_ == "ORG" and all(zipf_frequency(t.text, "en") >= 4.0 for t in owner):
        return None  # "Central Bank's chairman": which central bank, only the article says
    name = country_of_demonym(name) or name
    if takes_the(name):  # "the U.S. president", not "the U.S.'s president"
        return f"the {name}", " ".join(office)
    return (f"{name}'" if name.endswith("s") else f"{name}'s"), " ".join(office)


def _role_facts(doc: Doc, entity: Entity, entities: list[Entity], sentence_of,
                dated: bool) -> list[Fact]:
    role = next((s for s in doc.spans["role"] if s.label_ == entity.text), None)
    if entity.label != "PERSON" or role is None:
        return []
    sentence = sentence_of[role.start]
    holder = _holder(role, entities)
    if holder is None:
        return []  # "chief executive" of whom? The question would have no single answer.
    facts = [Fact("who", role.text, sentence,
                  f"What position did {entity.text} hold?" if dated
                  else f"What position does {entity.text} hold?",
                  (role.start_char, role.end_char),
                  [f"{holder[0]} {holder[1]}", holder[1]], "role",
                  "role-reverse")]
    if dated and holder[1] in UNIQUE_OFFICES:
        # Who holds an office changes: without the article's date the question has no answer.
        facts.append(Fact("who", entity.text, sentence, f"Who was {holder[0]} {holder[1]}?",
                          None, list(entity.aliases), "person", "role"))
    return facts


def _gloss_facts(doc: Doc, entity: Entity, sentence_of) -> list[Fact]:
    gloss = next((s for s in doc.spans["gloss"] if s.label_ == entity.text), None)
    if gloss is None:
        return []
    lead = text_of(doc)[max(0, gloss.start_char - 40):gloss.start_char].lower()
    adverb = next((a + " " for a in ("loosely", "roughly", "literally") if a in lead), "")
    sentence = sentence_of[gloss.start]
    mention = next(m for m in entity.mentions if m[0] < gloss.start_char)
    return [
        Fact("operation", gloss.text, sentence,
             f"What does the operation name “{entity.text}” {adverb}translate to?",
             (gloss.start_char, gloss.end_char), [], "gloss", "gloss", timely=False),
        Fact("operation", entity.text, sentence,
             f"Which operation name {adverb}translates to “{gloss.text}”?", mention,
             list(entity.aliases), "operation", "gloss-reverse", timely=False),
    ]


def _period_facts(doc: Doc, entity: Entity, sentence_of) -> list[Fact]:
    period = next((s for s in doc.spans["period"] if s.label_ == entity.text), None)
    if period is None:
        return []
    first, last = re.findall(r"\d{4}", period.text)[:2]
    noun = "war" if "war" in entity.text.lower() else "event"
    name = entity.text if entity.text[:1].isupper() and " " not in entity.text else \
        f"the {entity.text}"
    ask = f"When was {name} fought?" if noun == "war" else f"When did {name} take place?"
    sentence = sentence_of[period.start]
    mention = next(m for m in entity.mentions if m[0] < period.start_char)
    return [
        Fact("when", f"{first} to {last}", sentence, ask, (period.start_char, period.end_char),
             [f"from {first} to {last}", f"{first}-{last}", f"{first}–{last}",
              f"{first} until {last}"], "period", "period", timely=False),
        Fact("what", entity.text, sentence, f"Which {noun} lasted from {first} to {last}?",
             mention, list(entity.aliases) + [f"the {entity.text}"], entity.kind,
             "period-reverse", timely=False),
    ]


def _containment_facts(doc: Doc, index, sentence_of) -> list[Fact]:
    """"Iran's southeastern Sistan and Baluchistan province": the province is in Iran."""
    facts, seen = [], set()
    for span in doc.ents:
        hit = index.get(span.start)
        if hit is None or hit[0].kind != "province" or hit[0].text in seen:
            continue
        owner = next((index.get(c.i) for c in span.root.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next((index.get(t.i) for t in span.root.subtree
                          if t.dep_ == "poss" and t.i < span.start), None)
        if owner is None or owner[0].kind != "country":
            continue
        seen.add(hit[0].text)
        facts.append(Fact("where", owner[0].text, sentence_of[span.start],
                          f"In which country is {hit[0].text}?",
                          (owner[1].start_char, owner[1].end_char), list(owner[0].aliases),
                          "country", "province-country", timely=False))
    return facts


def _count_facts(doc: Doc, sentence_of) -> list[Fact]:
    """"Iran reported casualties, including three women and four children": how many children?"""
    facts = []
    for count in doc.spans["count"]:
        noun = count[-1]
        head = noun
        while head.dep_ == "conj":
            head = head.head
        including = head.head
        if head.dep_ != "pobj" or including.lower_ != "including":
            continue
        whole, verb = including.head, including.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if whole.dep_ != "dobj" or subj is None or leans_on_context(list(subj.subtree)):
            continue
        number = count[:-1].text
        subject = "".join(t.text_with_ws for t in subj.subtree).strip()
        prompt = f"How many {noun.text} were among the {whole.text} {subject} {verb.text}?"
        facts.append(Fact("number", number, sentence_of[count.start], prompt,
                          (count[:-1].start_char, count[:-1].end_char), number_forms(number),
                          "count", "count"))
    return facts


def _cloze_frame(sent: Span) -> Span | None:
    """The words a cloze shows: the sentence, or when it leans on the one before ("This follows
    Iran's announcement of …") what follows its verb; None when neither stands on its own."""
    if sum(1 for t in sent if t.is_alpha) < 5 or not any(t.pos_ in ("VERB", "AUX") for t in sent) \
            or not stands_alone(sent) or bare_definite_subject(sent):
        return None  # a caption ("General Motors logo."), a fragment, a piece of a quotation
    frame = sent
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    if leans_on_context(subjects):
        root = sent.root
        words = [t for t in sent.doc[root.i + 1:sent.end] if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if root.i - sent.start > 2 or len(words) < 12 or \
                not all(t.lower_ in ("this", "it", "that") for t in subjects):
            return None
        frame = sent.doc[words[0].i:words[-1].i + 1]
        named = {e.text for e in frame.ents if e.label_ not in NUMERIC}
        if leans_on_context(list(frame)) or not balanced(frame.text) or \
                ANAPHORA.search(frame.text) or len(named) < 3:
            return None  # a fragment needs names of its own to say what it is about
    if any(t.lower_ in ("this", "these", "those") and (t.pos_ == "PRON" or (
            t.dep_ == "det" and t.head.lower_ not in TIME_NOUNS)) for t in frame):
        return None  # "… had not done this", "in this index": only the article says what
    return frame


def _pronouns_resolved(frame: Span, index) -> bool:
    """Whether every pronoun of the frame can point back to a name (or the blank) before it:
    "_____ defending its strikes" can, "Its serial number is 001" cannot."""
    quoted = any(c in frame.text for c in "“”\"")
    for tok in frame:
        if tok.lower_ in FIRST_SECOND and tok.pos_ in ("PRON", "DET") and not quoted:
            return False
        if tok.lower_ in PERSONAL and tok.pos_ in ("PRON", "DET"):
            named = [i for i in range(frame.start, tok.i) if i in index]
            if not named:
                return False
    return True


def _cloze_facts(sent: Span, index, number: int) -> list[Fact]:
    """Blank the rarest entity mentions of a sentence that makes sense on its own."""
    frame = _cloze_frame(sent)
    if frame is None or not _pronouns_resolved(frame, index):
        return []
    mentions = {}
    for i in range(frame.start, frame.end):
        if i in index:
            entity, span = index[i]
            if entity.kind == "people" and (country_of_demonym(span.text) or
                                            span.root.dep_ == "amod"):
                continue  # "Iranian", "the Asian lows": an adjective here, not a fact
            mentions[(span.start_char, span.end_char)] = (entity, span)
    texts = [e.text for e, _ in mentions.values()]
    # An operation's name is always among the blanks; the rarest other names come next.
    ranked = sorted(mentions.values(), key=lambda es: (es[0].kind != "operation",
                                                       zipf_frequency(es[1].text, "en")))
    facts = []
    for entity, span in ranked:
        if texts.count(entity.text) > 1:
            continue  # blanking one mention would leave the answer in the sentence
        if text_of(sent.doc)[:span.start_char].rstrip().endswith("("):
            continue  # "General Motors (_____)": the abbreviation is given away
        after = sent.doc[span.end] if span.end < len(sent.doc) else None
        if after is not None and after.like_num and not after.is_punct and span.label_ != "DATE":
            continue  # "Air France Flight 447": the blank would cut a name in two
        if cuts_a_name(span):
            continue  # "parent company _____ and Space Company": half a name is no answer
        accepted = sorted({entity.text, *entity.aliases} - {span.text})
        facts.append(Fact(entity.category, span.text, number, None,
                          (span.start_char, span.end_char), accepted, entity.kind, "cloze",
                          frame=None if frame is sent else (frame.start_char, frame.end_char),
                          attributive=span.root.dep_ in ("compound", "amod", "nmod"),
                          shown=tuple(range(frame.start, frame.end))))
        if len(facts) == CLOZES_PER_SENTENCE:
            break
    return facts


def cuts_a_name(span: Span) -> bool:
    """Whether the model read only part of a name: the capitalised words go on after the span
    ("European Aeronautic Defence | and Space Company") or before it, outside any entity."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    if len(after) and _loose_name_word(after[0]):
        return True
    if len(after) == 2 and after[0].lower_ in ("and", "&", "of") and \
            _loose_name_word(after[1]):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and _loose_name_word(before) and \
        before.lower_ not in TITLE_WORDS and before.lower_ != "operation"


def _loose_name_word(tok) -> bool:
    """A capitalised name word that belongs to no entity ("Space", not "Iran" or "Mr.")."""
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and \
        not tok.text.endswith(".") and tok.is_sent_start is not True
