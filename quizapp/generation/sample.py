"""Measuring the generator on real news: a seeded sample of questions, and QAMR coverage.

``python -m quizapp.generation.sample --seed 1 --n 60`` generates banks for the Wikinews
articles in ``../shared/corpus/wikinews-timeline`` and prints a seeded random sample of their
questions as Markdown, for a person to read and judge. ``--qamr`` instead measures how many of
the human who/where/when answers in QAMR's Wikinews sentences the generator also asks about.
Wikinews text is CC BY 2.5; what this prints is attributed to Wikinews.

The blind measure (``sample packets`` and ``sample figures``, see ``judging.py``) draws from
the development or test split of ``corpus/wikinews-articles`` instead: a packet for a judge
who has no stake in the generator, and the figures read back from the judge's verdicts.
"""
from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path

import click

from quizapp.bank import normalise_answer
from quizapp.generation.article import Article, derive_title
from quizapp.generation.judging import figures_command, packets_command

CORPUS = Path("../shared/corpus")
WIKINEWS = "wikinews-timeline/wikinews_timeline_docs.jsonl"
QAMR = ("qamr-wikinews/qamr_dev_wikinews.jsonl", "qamr-wikinews/qamr_test_wikinews.jsonl")
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}”’]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|''|'(?= ))")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘#]|``) ")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DATELINE = re.compile(r"^[A-Z][a-z]+ \d{1,2} ?, \d{4}$")


def detokenise(sentence: str) -> str:
    """Undo the corpus's space tokenisation: "( EADS ) ," → "(EADS),", `` x '' → “x”."""
    for bracket, char in _BRACKETS.items():
        sentence = sentence.replace(bracket, char)
    text = _NO_SPACE_BEFORE.sub(r"\1", sentence)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = text.replace("``", "“").replace("''", "”")
    text = re.sub(r"` (.+?) '", r"‘\1’", text)  # "` Black Monday '" → "‘Black Monday’"
    text = re.sub(r"(?<=[A-Za-z])\.\.(?!\.)", ".", text)  # "Jr. ." ends a sentence once
    text = re.sub(r"\b([OD])' (?=[A-Z])", r"\1'", text)  # "O' Leary" → "O'Leary"
    text = re.sub(r"\b(US|A|C|NZ|HK)\$ (?=\d)", r"\1$", text).replace("GB#", "£")
    return " ".join(text.split())


def _dct(value: str) -> date:
    """The corpus's publication dates are ISO, but one is day-month-year."""
    found = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    return date(int(found[3]), int(found[2]), int(found[1])) if found else \
        date.fromisoformat(value)


def wikinews_articles(corpus: Path = CORPUS) -> list[Article]:
    """The Wikinews articles: title, body (without the dateline), publication date."""
    articles = []
    for line in (corpus / WIKINEWS).read_text("utf-8").splitlines():
        doc = json.loads(line)
        sentences = [detokenise(s) for s in doc["sentences_tokenized"]]
        if sentences and detokenise(doc["title"]) == sentences[0]:
            sentences = sentences[1:]
        if sentences and _DATELINE.match(sentences[0].replace(" ,", ",")):
            sentences = sentences[1:]
        articles.append(Article(
            title=detokenise(doc["title"]), text=" ".join(sentences),
            published=_dct(doc["dct"]), source=f"Wikinews {doc['doc_id']}",
            licence="CC BY 2.5", attribution="Wikinews"))
    return articles


def wikinews_banks(corpus: Path = CORPUS) -> list[dict]:
    """A bank per Wikinews article, each drawing distractors from all the others' entities."""
    from quizapp.generation import generate_bank
    from quizapp.generation.entities import collect_entities
    from quizapp.generation.nlp import get_nlp

    articles = wikinews_articles(corpus)
    docs = get_nlp().pipe(a.text for a in articles)
    records = [[e.record() for e in collect_entities(doc)] for doc in docs]
    banks = []
    for i, article in enumerate(articles):
        others = [r for j, rs in enumerate(records) if j != i for r in rs]
        banks.append(generate_bank(article, corpus_entities=others))
    return banks


def _markdown(number: int, bank: dict, q: dict) -> str:
    article = bank["article"]
    heading = (f"### {number}. {q['kind']} · {q['category']} — “{article['title']}” "
               f"({article['published']}, Wikinews)")
    lines = [heading, f"- **Prompt:** {q['prompt']}"]
    if q.get("choices"):
        lines.append(f"- **Choices:** {' · '.join(q['choices'])}")
    lines.append(f"- **Answer:** {q['answer']}" + (
        f" (also accepted: {', '.join(q['accepted'])})" if q.get("accepted") else ""))
    lines.append(f"- **Source sentence:** {q['source']['text']}")
    lines.append(f"- **Quality score:** {q['quality']['score']}")
    return "\n".join(lines)


def _overlap(a: str, b: str) -> float:
    """Token F1 of two normalised answers."""
    x, y = normalise_answer(a).split(), normalise_answer(b).split()
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    if not common:
        return 0.0
    precision, recall = common / len(y), common / len(x)
    return 2 * precision * recall / (precision + recall)


def qamr_coverage(corpus: Path = CORPUS, threshold: float = 0.5) -> dict:
    """Of QAMR's human who/where/when questions, how many answers the generator also asks
    (and, for scale, how many answers are a name the language model finds at all)."""
    from quizapp.generation import generate_bank

    counts = {w: [0, 0, 0] for w in ("who", "where", "when")}
    for name in QAMR:
        for line in (corpus / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            humans = [(qa["question"].split()[0].lower().rstrip("?"), qa) for qa in row["qas"]]
            humans = [(w, qa) for w, qa in humans if w in counts]
            if not humans:
                continue
            sentence = detokenise(row["sentence"])
            # A lone sentence has no headline: its title is derived, as for a .txt without one.
            bank = generate_bank(Article(title=derive_title(sentence), text=sentence))
            ours = [a for q in bank["questions"] if q["kind"] != "truefalse"
                    for a in (q["answer"], *q.get("accepted", ()))]
            names = [record["text"] for record in bank["entities"]]
            for word, qa in humans:
                theirs = [qa["answer"], *qa.get("validator_answers", ())]
                hit = any(_overlap(t, o) >= threshold for t in theirs for o in ours)
                named = any(_overlap(t, n) >= threshold for t in theirs for n in names)
                counts[word][0] += hit
                counts[word][1] += 1
                counts[word][2] += named
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"by_word": counts, "total": total}


@click.group(invoke_without_command=True)
@click.option("--seed", default=1, show_default=True, help="Seed of the random sample.")
@click.option("--n", "size", default=60, show_default=True, help="Questions in the sample.")
@click.option("--corpus", default=str(CORPUS), show_default=True, type=click.Path(),
              help="The shared corpus folder.")
@click.option("--kind", "kind", default=None, help="Sample only questions of this kind (mcq, …).")
@click.option("--qamr", is_flag=True, help="Measure QAMR who/where/when coverage instead.")
@click.pass_context
def main(ctx: click.Context, seed: int, size: int, corpus: str, kind: str | None,
         qamr: bool) -> None:
    """Print a seeded sample of generated questions (or the QAMR coverage) as Markdown; or,
    with a command, write a blind judging packet or read its verdicts back."""
    if ctx.invoked_subcommand is not None:
        return
    if qamr:
        result = qamr_coverage(Path(corpus))
        click.echo("| question word | human questions | answer is a name the model finds | "
                   "answers also asked | coverage |")
        click.echo("| --- | ---: | ---: | ---: | ---: |")
        for word, (hit, total, named) in [*result["by_word"].items(), ("all", result["total"])]:
            click.echo(f"| {word} | {total} | {named} | {hit} | {hit / max(total, 1):.1%} |")
        return
    banks = wikinews_banks(Path(corpus))
    pool = [(b, q) for b in banks for q in b["questions"] if kind in (None, q["kind"])]
    picked = random.Random(seed).sample(pool, min(size, len(pool)))
    click.echo(f"{len(pool)} questions from {len(banks)} Wikinews articles; "
               f"a sample of {len(picked)} (seed {seed}).\n")
    for number, (bank, q) in enumerate(picked, start=1):
        click.echo(_markdown(number, bank, q) + "\n")


main.add_command(packets_command)
main.add_command(figures_command)

if __name__ == "__main__":
    main()
