"""Whether the words a question shows say what they are about, read from the parse.

A sentence can be plain English and still lean on its article without a pronoun: "The United
States government would hold a 60% stake" (a stake in what?), "Fiat can assume the majority of
the ownership" (of what?), "Special services will continue from October 28" (which services?),
"Australia dropped by 8.4%" (in a story about stock markets, Australia stands for its market).
These checks look at the tokens a question shows — the clause of a wh-question, the frame of a
cloze, the sentence of a true/false statement — and name what is left unsaid, or return None.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

# Nouns that are about something else: a stake or an ownership is always in or of something, a
# candidate for something, so even "a 60% stake" needs its complement.
NEEDS_COMPLEMENT = {"stake", "ownership", "candidate"}
# Nouns whose definite or bare use ("the flight", "sales rose") points at a thing the article
# named before; "a flight" or "three new orders" does not.
RELATIONAL = {"flight", "deal", "offer", "plan", "service", "sale", "price", "decline", "share",
              "production", "job", "output", "profit", "loss", "revenue", "earnings", "merger",
              "takeover", "bid", "order", "contract", "delivery", "launch", "cut", "layoff",
              "value", "debt", "bailout", "loan", "package", "agreement", "majority", "holding",
              "acquisition", "purchase", "investment", "rescue", "restructuring", "plant",
              "factory", "fleet", "route", "workforce", "subsidiary", "unit", "division"}
DEFINITE = {"the", "this", "that", "these", "those"}
# Words that name a whole (an owner) when they modify a relational noun.
NAMED = {"ORG", "GPE", "NORP", "PERSON", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"}
PLACES = {"GPE", "LOC", "FAC"}
ANCHOR_PREPS = {"of", "in", "for", "on", "at", "from", "to", "with", "between", "by", "into",
                "over", "across"}
# "rose", "fell by 8.4%": a market's moves. Said of a country or a city in a story about stock
# markets, the place stands for its market, which the question then leaves out.
MARKET_MOVES = {"rise", "fall", "drop", "gain", "close", "climb", "slide", "plunge", "tumble",
                "surge", "jump", "decline", "sink", "rally", "soar", "slump", "finish", "open",
                "dip", "slip", "rebound", "recover", "lose", "shed", "add", "end", "crash",
                "plummet", "advance", "retreat", "edge", "trade", "fluctuate"}
CHANGE_NOUNS = {"fall", "drop", "rise", "gain", "loss", "decline", "plunge", "slump", "jump",
                "increase", "decrease", "surge", "crash", "rally", "slide", "tumble", "low",
                "high"}
MARKET_WORDS = {"index", "indices", "indexes", "stock", "stocks", "share", "shares", "market",
                "markets", "bourse", "exchange", "trading", "trader", "traders", "investor",
                "investors", "point", "points"}
QUANTITIES = {"PERCENT", "CARDINAL", "MONEY", "QUANTITY"}
MARKET_ARTICLE = 6  # market words an article has at least when it is about stock markets


def about_markets(doc: Doc) -> bool:
    """Whether an article is about stock markets (its words say index, shares, points …)."""
    return sum(1 for t in doc if t.lower_ in MARKET_WORDS) >= MARKET_ARTICLE


def unsaid(tokens: Iterable[Token], *, markets: bool) -> str | None:
    """What the shown ``tokens`` leave unsaid ("a stake of what", "a country for its market"),
    or None when they say what they are about."""
    tokens = list(tokens)
    for number, tok in enumerate(tokens):
        if _unanchored(tok):
            return f"“{tok.text}” without saying whose"
        if _points_back(tok, tokens[:number]):
            return f"“{tok.text}” without saying which"
        if markets and _place_for_market(tok):
            return f"“{tok.text}” standing for its market"
        if _compared(tok):
            return f"“{tok.text}” without saying than what"
        if _unresolved_pronoun(tok, tokens[:number]):
            return f"“{tok.text}” with nothing before it to stand for"
    return None


def _points_back(tok: Token, before: list[Token]) -> bool:
    """"that time", "the latest initiative", "the massive airliner": a definite phrase that
    names nothing of its own and so means the one the article spoke of."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ARGUMENTS:
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if "that" in dets:  # "that time" — but "not that panic that there was in November"
        return not any(c.dep_ in ("relcl", "acl") for c in tok.children)
    if "the" not in dets or any(_anchors(c) for c in tok.children) or _named_next(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma in ORG_POINTERS:  # "GM's shares lost 15.5% after the auto firm announced …"
        return not any(t.ent_type_ == "ORG" for t in before)
    if lemma in CRAFT_POINTERS:  # "the first A380 superjumbo, made by Airbus, …"
        return not any(t.ent_type_ == "PRODUCT" or _model_name(t) for t in before)
    if lemma in POINTERS:
        return True
    adjectives = {c.lower_ for c in tok.children if c.dep_ == "amod"}
    if "same" in adjectives:  # "in the same period a year earlier": the same as what?
        return not any(t.ent_type_ == "DATE" and t.i < tok.left_edge.i for t in before)
    return lemma not in TIME_NOUNS and bool(adjectives & DISCOURSE_ADJECTIVES)


def _compared(tok: Token) -> bool:
    """"Bank of America fared worse": worse than what, only the article says."""
    return tok.lower_ in ("worse", "better") and tok.tag_ in ("JJR", "RBR") and \
        not any(t.lower_ == "than" for t in tok.subtree) and \
        not any(t.lower_ == "than" for t in tok.head.subtree)


def _named_next(tok: Token) -> bool:
    """"the automaker Chrysler", "the companies Daimler-Benz and Chrysler", "Ford Motors Co.,
    the automobile manufacturing firm": a title next to the name it stands for."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and _named(after) or tok.dep_ == "appos" and _named(tok.head)


def _model_name(tok: Token) -> bool:
    """"A380", "C-17": a model's name."""
    return any(ch.isdigit() for ch in tok.text) and any(ch.isalpha() for ch in tok.text)


def _model_number(tok: Token) -> bool:
    """"A380", "the 717 program": a model's name or number, not a count."""
    return _model_name(tok) or tok.text.isdigit() and len(tok.text) == 3


def _unresolved_pronoun(tok: Token, before: list[Token]) -> bool:
    """"they"/"them" after no plural, "it" after no thing: "Senator John McCain entered them
    into the Congressional Record", "Alan Mulally remembered asking, “It's the best-selling …”"."""
    if tok.pos_ not in ("PRON", "DET") or tok.dep_ == "expl":
        return False
    if tok.lower_ in ("they", "them", "their", "theirs", "themselves"):
        return not any(t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("ORG", "NORP") or
                       t.dep_ == "conj" or t.lower_ == "both" for t in before)
    if tok.lower_ in ("it", "its", "itself"):
        return not any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" for t in before)
    return False


# Things an article names once and then calls "the airliner", "the company".
CRAFT_POINTERS = {"airliner", "aircraft", "plane", "jet", "superjumbo", "car", "vehicle", "model"}
POINTERS = {"initiative", "tube", "incident", "move", "decision", "project", "programme",
            "program", "scheme", "proposal", "report", "announcement", "crash", "accident"}
ORG_POINTERS = {"company", "firm", "automaker", "carmaker", "airline", "bank", "group", "union",
                "manufacturer", "lender", "carrier"}
TIME_NOUNS = {"year", "month", "week", "day", "quarter", "period", "time", "season", "decade"}
# Adjectives that place a thing in the article's own story: "the latest initiative".
DISCOURSE_ADJECTIVES = {"latest", "new", "planned", "proposed", "aforementioned", "said",
                        "above", "previous", "upcoming", "announced", "original", "same",
                        "other"}
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "oprd", "appos", "conj", "ROOT"}


def _unanchored(tok: Token) -> bool:
    """A relational noun that no possessive, name, complement or doer says whose."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.dep_ not in ARGUMENTS or \
            lemma not in NEEDS_COMPLEMENT | RELATIONAL:
        return False
    # "the Atlanta and St. Louis plants will be closed": a place says which, not whose.
    owners_only = tok.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.head.children)
    if any(_anchors(child, owners_only) for child in tok.children):
        return False
    if lemma in NEEDS_COMPLEMENT:  # "a stake", "acquired a stake … in GMAC"
        return not any(c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i > tok.i
                       for c in tok.head.children)
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if dets and not any(d in DEFINITE for d in dets):
        return False  # "a flight", "some deals": nothing the article named before
    if any(c.tag_ in ("JJS", "RBS") for c in tok.children):
        return False  # "the biggest losses in recent years" says which by itself
    # "dropped in value", "per share", "create 273 jobs", "oil prices rose": no particular one
    # — unless a passive leaves out who acts ("9,000 production jobs will be cut").
    general = any(c.dep_ in ("nummod", "compound") for c in tok.children)
    if not dets and (tok.dep_ == "pobj" or general and tok.dep_ != "nsubjpass"):
        return False
    return not _doer(tok)


def _anchors(child: Token, owners_only: bool = False) -> bool:
    """Whether a dependent says whose or which: "GM's", "Airbus", "of the 777", "to cut jobs"."""
    if child.dep_ == "poss":
        return True
    if child.dep_ in ("compound", "nmod", "amod", "appos", "nummod"):  # "the 717 program"
        return any(_named(t) and not (owners_only and t.ent_type_ in PLACES) or
                   _model_number(t) for t in child.subtree)
    if child.dep_ == "prep":
        return child.lower_ in ANCHOR_PREPS and any(c.dep_ == "pobj" for c in child.children)
    if child.dep_ in ("acl", "relcl", "xcomp"):  # "the plan to cut 30,000 jobs": its content
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
    if child.dep_ == "relcl":  # "the deal GM signed"
        return any(c.dep_ in ("nsubj", "agent") and any(_named(t) for t in c.subtree)
                   for c in child.children)
    return False


def _named(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAMED


def _doer(tok: Token) -> bool:
    """A clause around the noun that says who acts: "GM will cut 30,000 jobs", "Ford said
    that total sales improved" — "Special services will continue" has none."""
    inside = {t.i for t in tok.subtree}
    head = tok.head
    for _ in range(8):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") and child.i not in inside:
                if tok.dep_ == "dobj" or any(_named(t) for t in child.subtree):
                    return True  # an object belongs to its doer; a subject to a named one
        if head.dep_ == "ROOT" or head.head is head:
            return False
        inside |= {t.i for t in head.subtree}
        head = head.head
    return False


def _place_for_market(tok: Token) -> bool:
    """A country or city as the subject of a market's move: "Australia dropped by 8.4%"."""
    if tok.ent_type_ != "GPE" or tok.dep_ not in ("nsubj", "conj"):
        return False
    subject = tok
    while subject.dep_ == "conj":
        subject = subject.head
    if subject.dep_ != "nsubj" or subject.ent_type_ != "GPE":
        return False
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in MARKET_MOVES:
        # "Australia fell 2%", not "China opened its markets"
        return all(c.ent_type_ in QUANTITIES or c.lemma_.lower() == "point" for c in objects)
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CHANGE_NOUNS for c in verb.children)
