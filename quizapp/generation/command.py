"""The ``bank generate`` command: articles (files or folders) in, bank files out, and a summary.

A plain click command, so the web app attaches it under ``flask --app quizapp bank generate`` and
tests call it with click's runner. Banks already in the output folder lend their entities as
distractors to the new ones.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from quizapp.bank import BankError, dump_bank, load_bank, validate_bank

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def _article_paths(paths: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not inside:
                raise click.UsageError(f"{path}: no .txt, .md or .html articles in this folder")
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise click.UsageError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def _corpus(out: Path | None) -> list[dict]:
    """The banks already in the output folder (a broken one lends nothing; import reports it)."""
    if out is None or not out.is_dir():
        return []
    banks = []
    for path in sorted(out.glob("*.json")):
        try:
            banks.append(load_bank(path))
        except BankError:
            continue
    return banks


def _others(corpus: list[dict], sha256: str) -> list[dict]:
    """Entities of the other articles' banks: a regenerated bank must not lean on its old self."""
    from quizapp.generation import corpus_entities

    return corpus_entities(b for b in corpus if b["article"]["sha256"] != sha256)


def _print_summary(totals: dict, written: list[str]) -> None:
    click.echo(f"articles: {totals['articles']}, questions: {totals['questions']}", err=True)
    for category, count in totals["by_category"].items():
        click.echo(f"  {category:<10} {count}", err=True)
    if totals["rejected"]:
        click.echo("rejected candidates:", err=True)
        for reason, count in totals["rejected"].items():
            click.echo(f"  {count:>4}  {reason}", err=True)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@click.command("generate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", default="questions", show_default=True,
              help="Folder for the bank files, or '-' for standard output.")
def generate_command(paths: tuple[str, ...], out: str) -> None:
    """Generate question banks from articles (FILES or FOLDERS of .txt, .md, .html)."""
    from quizapp.generation import ArticleError, generate_bank, read_article, summary

    articles = _article_paths(paths)
    to_stdout = out == "-"
    out_dir = None if to_stdout else Path(out)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    corpus = _corpus(out_dir)
    banks, written, failures = [], [], []
    with click.progressbar(articles, label="Generating", file=sys.stderr,
                           show_pos=True) as bar:
        for path in bar:
            try:
                article = read_article(path)
                bank = generate_bank(article, corpus_entities=_others(corpus, article.sha256))
            except ArticleError as exc:
                failures.append(str(exc))
                continue
            problems = validate_bank(bank)
            if problems:
                failures.append(f"{path}: the generated bank is invalid: {problems[0]}")
                continue
            banks.append(bank)
            if out_dir is not None:
                target = out_dir / f"{bank['article']['slug']}.json"
                target.write_text(dump_bank(bank), encoding="utf-8")
                written.append(str(target))
    if to_stdout and banks:
        click.echo(dump_bank(banks[0]) if len(banks) == 1 else
                   "[\n" + ",\n".join(dump_bank(b).rstrip() for b in banks) + "\n]")
    _print_summary(summary(banks), written)
    if failures:
        for failure in failures:
            click.echo(f"error: {failure}", err=True)
        raise click.exceptions.Exit(1)
