"""The ``bank generate`` command: articles (files or folders) in, bank files out, and a summary.

A plain click command, so the web app attaches it under ``flask --app quizapp bank generate`` and
tests call it with click's runner. Banks already in the output folder lend their entities as
distractors to the new ones. Each bank is named after its input file's stem (``cnn-1.txt`` →
``cnn-1.json``): a bank of the same article is replaced, any other file of that name is kept and
the new bank takes the next free name (``cnn-1-2.json``); each is said in a line per article.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from quizapp.bank import BankError, dump_bank, load_bank, slugify, validate_bank
from quizapp.generation import summary

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


def bank_path(out_dir: Path, source: Path, sha256: str, taken: set[Path]) -> tuple[Path, str]:
    """(where the bank of ``source`` goes, what happens there): its stem's name when free or
    holding a bank of the same article ("replaced"), else the next free ``stem-N.json``."""
    stem = source.stem if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", source.stem) \
        else slugify(source.stem)
    for n in range(1, 10_000):
        target = out_dir / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
        if target in taken:
            continue
        if not target.exists():
            return target, "new" if n == 1 else f"new, {stem}.json holds another article"
        if _article_sha256(target) == sha256:
            return target, "replaced"
    raise click.ClickException(f"{out_dir}: no free name for a bank of {source}")


def _article_sha256(path: Path) -> str | None:
    try:
        return load_bank(path)["article"]["sha256"]
    except (BankError, KeyError, TypeError):
        return None


def _article_line(source: Path, target: Path | None, how: str, bank: dict) -> str:
    kinds = summary(bank)["by_kind"]
    counts = ", ".join(f"{n} {kind}" for kind, n in kinds.items()) or "none"
    where = f"{target} ({how})" if target else "standard output"
    return (f"{source} → {where}: “{bank['article']['title']}”, "
            f"{len(bank['questions'])} questions ({counts}), "
            f"{len(bank.get('rejected', ()))} rejected")


def _print_summary(totals: dict, written: list[str], per_article: list[str]) -> None:
    for line in per_article:
        click.echo(line, err=True)
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
    from quizapp.generation import ArticleError, generate_bank, read_article

    articles = _article_paths(paths)
    to_stdout = out == "-"
    out_dir = None if to_stdout else Path(out)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    corpus = _corpus(out_dir)
    banks, written, failures, lines = [], [], [], []
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
            target, how = None, ""
            if out_dir is not None:
                target, how = bank_path(out_dir, path, article.sha256, set(map(Path, written)))
                target.write_text(dump_bank(bank), encoding="utf-8")
                written.append(str(target))
            lines.append(_article_line(path, target, how, bank))
    if to_stdout and banks:
        click.echo(dump_bank(banks[0]) if len(banks) == 1 else
                   "[\n" + ",\n".join(dump_bank(b).rstrip() for b in banks) + "\n]")
    _print_summary(summary(banks), written, lines)
    if failures:
        for failure in failures:
            click.echo(f"error: {failure}", err=True)
        raise click.exceptions.Exit(1)
