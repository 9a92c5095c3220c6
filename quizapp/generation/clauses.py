"""Wh-questions from the parse: the subject, object or place of a clause replaced by a wh-phrase.

"Pakistani Foreign Minister Jalil Abbas Jilani strongly condemned Iran's attack, calling it …"
becomes "Which Pakistani foreign minister strongly condemned Iran's attack?". Fronted adverbials
("However,", "In a historic development,") and trailing comma clauses are left out; a clause
whose remaining words lean on a pronoun ("he said", "them") is not used, because the question
would need the article to make sense.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from quizapp.answers.normalise import UNITS
from quizapp.generation.entities import Entity, country_of_demonym, looks_like_a_name
from quizapp.generation.fact import Fact
from quizapp.generation.nlp import PEOPLE_WORDS, text_of

Index = dict[int, tuple[Entity, Span]]
LEANING_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "this", "these", "those",
                    "we", "us", "i", "you", "his", "me", "our", "my", "your", "here", "there"}
PLACE_PREPS = {"in", "within", "at", "inside", "near", "across", "throughout"}
TIME_PREPS = {"in", "on", "during"}  # not "since"/"until": "when has Japan not been …" misleads
CORE_DEPS = {"ccomp", "dobj", "xcomp", "attr", "acomp", "dative", "oprd"}
TRAILING_DEPS = {"advcl", "prep", "npadvmod", "advmod", "punct", "dep", "parataxis"}
NUMBER_WORDS = [*UNITS, "twenty"]  # a word's position is its value
ORDINALS = {"first", "second", "third", "fourth", "fifth", "last", "next", "only", "same",
            "main", "top", "leading", "largest", "biggest"}
DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# Verbs whose object does what the infinitive says ("prompted Pakistan to recall …"); with
# others ("defeated Boeing to win …") the infinitive belongs to the subject.
OBJECT_CONTROL = {"prompt", "force", "ask", "urge", "persuade", "order", "allow", "lead", "cause",
                  "encourage", "push", "pressure", "require", "tell", "invite", "compel", "oblige",
                  "convince", "permit", "enable", "call", "expect"}


def clause_facts(sent: Span, index: Index, sentence_no: int) -> list[Fact]:
    facts = []
    if not stands_alone(sent):
        return facts
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        kept = _kept_tokens(verb, subj)
        if kept is None:
            continue
        facts += _subject_fact(verb, subj, kept, index, sentence_no)
        facts += _object_facts(verb, subj, kept, index, sentence_no)
    return facts


def _kept_tokens(verb: Token, subj: Token) -> list[Token] | None:
    """The clause without fronted adverbials and trailing comma clauses (subject included)."""
    drop: set[int] = set()
    for child in verb.children:
        if child.i < subj.left_edge.i and child.dep_ in CORE_DEPS:
            return None  # "“…,” GM said": without what was said the clause says nothing
        if child.i < subj.left_edge.i and child.dep_ != "aux":
            drop |= {t.i for t in child.subtree}
        elif child.i > verb.i and child.dep_ in TRAILING_DEPS and child.left_edge.i > 0 and \
                verb.doc[child.left_edge.i - 1].text == "," or subj.i < child.i < verb.i and child.dep_ in ("prep", "advmod", "npadvmod") and \
                verb.doc[child.left_edge.i - 1].text == ",":
            drop |= {t.i for t in child.subtree} | {child.left_edge.i - 1}
        elif subj.i < child.i < verb.i and child.dep_ == "punct" and child.text == ",":
            drop |= {t.i for t in child.subtree}  # "Boeing, by contrast, believes …"
        elif child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            drop |= {t.i for t in child.subtree}  # a second clause with its own subject
            drop |= {c.i for c in verb.children if c.dep_ == "cc" and c.i < child.i}
    kept = [t for t in verb.subtree if t.i not in drop]
    while kept and (kept[-1].is_punct or kept[-1].is_space) and kept[-1].text not in "”\"’)%":
        kept.pop()
    return kept if 3 <= len(kept) <= 40 else None


def render(tokens: list[Token]) -> str:
    """The tokens as text; where words were left out between two tokens, one space."""
    parts = []
    for tok, nxt in zip(tokens, [*tokens[1:], None]):
        gap = nxt is not None and nxt.i != tok.i + 1 and not nxt.is_punct
        parts.append(tok.text + (" " if gap and not tok.whitespace_ else tok.whitespace_))
    text = "".join(parts).strip()
    text = " ".join(text.split()).replace(" ,", ",").strip(" ,;:—–-")
    return text


def stands_alone(sent: Span) -> bool:
    """Whether a sentence is whole: quotes and brackets balanced, not a piece of a quotation."""
    text = sent.text.strip()
    if not text or text[0].islower() or text[0] in "”’)":
        return False
    if any(c.dep_ == "mark" for c in sent.root.children):
        return False  # "While Japan's Nikkei index closed …": a subordinate clause alone
    return balanced(text)


def bare_definite_subject(sent: Span) -> bool:
    """"The planes are expected …": which planes, only the article says."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    kids = list(subj.children)
    return any(k.dep_ == "det" and k.lower_ in ("the", "this", "these", "that", "those")
               for k in kids) and all(k.dep_ == "det" for k in kids)


def balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and \
        text.count("(") == text.count(")")


def leans_on_context(tokens: list[Token]) -> bool:
    """Whether the words need the article to make sense (a pronoun that points outside)."""
    for tok in tokens:
        if tok.lower_ in LEANING_PRONOUNS and tok.pos_ in ("PRON", "DET", "ADV") and \
                tok.dep_ not in ("expl", "mark"):
            return True
    return False


def _subject_entity(subj: Token, index: Index) -> tuple[Entity, Span, str, list[str]] | None:
    """(entity, mention, wh-phrase, extra accepted) when the subject is or names an entity."""
    clausal = {t.i for c in subj.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    if any(t.dep_ == "conj" and t.i not in clausal for t in subj.subtree):
        return None  # "GM and Chrysler have received …": either one would be right
    named = {index[t.i][0].text for t in subj.subtree if t.i in index and t.i not in clausal
             and index[t.i][0].kind not in ("people", "count", "money", "percent", "date")}
    if len(named) > 1 and not any(c.dep_ == "appos" and c.i in index and index[c.i][1].root == c
                                  and subj.pos_ == "NOUN" for c in subj.children):
        return None  # "Washington Mutual, and Countrywide Financial, … saw shares fall"
    found = index.get(subj.i)
    if found and found[0].category == "number":
        return None
    if found and found[1].root == subj:
        entity, mention = found
        if entity.label == "PERSON" and entity.role and _role_before(mention, entity.role):
            return entity, mention, "Which " + _lower_title(entity.role), []
        return entity, mention, wh_phrase(entity), []
    for child in subj.children:
        hit = index.get(child.i)
        if child.dep_ == "appos" and hit and hit[1].root == child and subj.pos_ == "NOUN" and \
                not any(c.dep_ == "conj" for c in child.children):
            words = [t for t in subj.subtree if t.dep_ != "det" and not t.is_punct
                     and not (child.left_edge.i <= t.i <= child.right_edge.i)]
            if words and all(t.i < child.i for t in words) and \
                    not any(t.tag_ == "POS" for t in words):  # not "Which Boeing's rival"
                if any(t.tag_ in ("JJS", "RBS") or t.lower_ in ORDINALS for t in words):
                    # "Which biggest U.S. index" needs the determiner "which" replaced
                    return hit[0], hit[1], wh_phrase(hit[0]), []
                return hit[0], hit[1], "Which " + render(words), []
        if subj.lower_ in PEOPLE_WORDS and child.dep_ in ("compound", "amod") and hit \
                and hit[0].label == "NORP":
            name = hit[0].text
            return hit[0], hit[1], "Which people", [f"{name} {subj.text}", f"the {name}"]
    return None


def wh_phrase(entity: Entity) -> str:
    return {"person": "Who", "country": "Which country", "province": "Which province",
            "organisation": "Which organisation", "people": "Which people",
            "operation": "Which operation", "date": "When", "year": "In which year",
            "index": "Which index", "company": "Which company", "union": "Which union",
            "government": "Which government body", "media": "Which news organisation",
            "international": "Which international organisation", "group": "Which group",
            "airline": "Which company", "carmaker": "Which company",
            "planemaker": "Which company", "financial firm": "Which company",
            "place": "Which place"}.get(entity.kind) or (
        "Which war" if "war" in entity.text.lower() else
        "Which event" if entity.kind == "event" else "What")


def _role_before(mention: Span, role: str) -> bool:
    start = mention.start_char
    return text_of(mention.doc)[max(0, start - len(role) - 1):start].strip() == role


def _lower_title(role: str) -> str:
    """"Iranian Foreign Minister" → "Iranian foreign minister" (names keep their capitals)."""
    words = role.split()
    return " ".join(w if w[:1].isupper() and _is_name(w) else w.lower() for w in words)


def _is_name(word: str) -> bool:
    return word.isupper() or country_of_demonym(word) is not None or word in ("Sunni", "Shia")


def _subject_fact(verb, subj, kept, index, sentence_no) -> list[Fact]:
    found = _subject_entity(subj, index)
    if found is None:
        return []
    entity, mention, wh, extra = found
    if entity.doubtful or (entity.label in ("PERSON", "ORG") and not looks_like_a_name(entity.text)):
        return []  # "Who is targeted at smaller airports?" — the "who" is a plane
    rest = [t for t in kept if not (subj.left_edge.i <= t.i <= subj.right_edge.i)]
    if len(rest) < 3 or leans_on_context(rest) or not _finite(verb):
        return []
    prompt = f"{wh} {render(rest)}?"
    return [Fact(entity.category, entity.text, sentence_no, prompt,
                 (mention.start_char, mention.end_char), list(entity.aliases) + extra,
                 entity.kind, "clause-subject", shown=(subj.i, *(t.i for t in rest)))]


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _object_facts(verb, subj, kept, index, sentence_no) -> list[Fact]:
    facts = []
    subj_tokens = [t for t in kept if subj.left_edge.i <= t.i <= subj.right_edge.i]
    if leans_on_context(subj_tokens):
        return []
    for child in verb.children:
        target = _target(child, index)
        if target is None or child.i not in {t.i for t in kept}:
            continue
        entity, mention, wh = target
        taken = {t.i for t in child.subtree}
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > child.i), None)
        if child.dep_ == "dobj" and xcomp is not None and verb.text.endswith("ed") and \
                verb.lemma_ in OBJECT_CONTROL:
            rest = [t for t in xcomp.subtree]
            body = f"was {verb.text} {render(rest)}"
        elif subj.i in index:  # "who did the company announce …": the doer must be named
            rest = [t for t in kept if t.i not in taken]
            body = _inverted(verb, subj, rest)
        else:
            continue
        if body is None or leans_on_context(rest) or len(rest) < 2:
            continue
        if wh in ("Where", "When") and any(
                index[t.i][0].category == entity.category and index[t.i][0] is not entity
                for t in rest if t.i in index):
            continue  # "where will jobs be cut, … in Canada …": two places, one answer
        facts.append(Fact(entity.category, entity.text, sentence_no, f"{wh} {body}?",
                          (mention.start_char, mention.end_char), list(entity.aliases),
                          entity.kind, f"clause-{child.dep_}",
                          shown=tuple(sorted({*range(mention.start, mention.end),
                                              *(t.i for t in rest)}))))
    return facts


def _target(child: Token, index: Index) -> tuple[Entity, Span, str] | None:
    """An object or a place/time phrase of the verb that names an entity."""
    if any(c.dep_ == "conj" for c in child.subtree) or any(
            c.dep_ == "neg" for c in child.head.children):
        return None
    if child.dep_ == "dobj":
        hit = index.get(child.i)
        if hit and hit[1].root == child and hit[0].category in ("who", "where", "what",
                                                                 "operation"):
            return hit[0], hit[1], wh_phrase(hit[0])
    if child.dep_ == "prep":
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        hit = index.get(pobj.i) if pobj is not None else None
        if hit is None or hit[1].root != pobj:
            return None
        extra = [t for t in child.subtree if t.i != child.i and not hit_covers(hit, t)]
        if all(t.dep_ == "det" for t in extra):
            if hit[0].category == "where" and child.lower_ in PLACE_PREPS:
                return hit[0], hit[1], "Where"
            if hit[0].category == "when" and child.lower_ in TIME_PREPS:
                return hit[0], hit[1], "When"
    return None


def hit_covers(hit: tuple[Entity, Span], tok: Token) -> bool:
    return hit[1].start <= tok.i < hit[1].end


def _inverted(verb: Token, subj: Token, rest: list[Token]) -> str | None:
    """The clause after a fronted wh-phrase: "has Pakistan carried out …", "did Iran report …"."""
    subject = render([t for t in subj.subtree])
    if subj.left_edge.pos_ != "PROPN" and subj.left_edge.text != "I":
        subject = subject[:1].lower() + subject[1:]  # "About 9,000 jobs" inside a question
    rest = [t for t in rest if not (subj.left_edge.i <= t.i <= subj.right_edge.i)]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        first = auxes[0]
        return f"{first.lower_} {subject} {render([t for t in rest if t.i != first.i])}"
    if verb.lemma_ == "be":
        return f"{verb.lower_} {subject} {render([t for t in rest if t.i != verb.i])}"
    do = DO_SUPPORT.get(verb.tag_)
    if do is None:
        return None
    words = [verb.lemma_ if t.i == verb.i else t.text for t in rest]
    spaces = [t.whitespace_ for t in rest]
    body = " ".join("".join(w + s for w, s in zip(words, spaces)).split()).rstrip(" ,;:")
    return f"{do} {subject} {body}"


def number_forms(text: str) -> list[str]:
    """"four" ↔ "4": both count as the answer."""
    lower = text.lower()
    if lower in NUMBER_WORDS:
        return [str(NUMBER_WORDS.index(lower))]
    if text.isdigit() and int(text) < len(NUMBER_WORDS):
        return [NUMBER_WORDS[int(text)]]
    return []
