"""The blind-judging commands: ``sample packets`` writes a packet for a judge and its key,
``sample figures`` reads the judge's verdicts back into the protocol's figures.

    python -m quizapp.generation.sample packets --split dev --seed 5 --articles 60 \\
        --top 5 --random 5 --out judging/dev1
    python -m quizapp.generation.sample figures judging/dev1 --verdicts judging/dev1/verdicts.tsv

Give the judge ``packet.md`` and the rubric, nothing else; ``key.json`` stays with the measure.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from quizapp.generation.splits import ARTICLES, CORPUS, SPLITS, corpus_articles


def generator_commit() -> str | None:
    """The commit of the checkout the generator runs from ("…-dirty" with local changes)."""
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty", "--abbrev=12"],
                              cwd=Path(__file__).parent, capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


@click.command("packets")
@click.option("--split", type=click.Choice(SPLITS), required=True, help="The corpus split.")
@click.option("--seed", type=int, required=True, help="Seed of the draw (write it down).")
@click.option("--articles", "count", type=click.IntRange(1), default=15, show_default=True,
              help="Articles drawn at random from the split.")
@click.option("--top", type=click.IntRange(0), default=5, show_default=True,
              help="Best-scored questions taken from each bank.")
@click.option("--random", "others", type=click.IntRange(0), default=2, show_default=True,
              help="Random other questions taken from each bank.")
@click.option("--out", type=click.Path(file_okay=False), required=True,
              help="Folder for packet.md and key.json (must not hold a packet already).")
@click.option("--corpus", default=str(CORPUS), show_default=True, type=click.Path(),
              help="The shared corpus folder.")
def packets_command(split, seed, count, top, others, out, corpus) -> None:
    """Write a blind judging packet (packet.md) and its key (key.json) to OUT."""
    from quizapp.generation import GENERATOR_VERSION
    from quizapp.generation.packets import (build_items, draw_articles, generate_banks,
                                            key_document, packet_markdown)

    folder = Path(out)
    existing = [p for p in (folder / "packet.md", folder / "key.json") if p.exists()]
    if existing:
        raise click.UsageError(f"{existing[0]} exists already: give a new --out folder")
    try:
        drawn = draw_articles(corpus_articles(split, Path(corpus)), count, seed)
    except (OSError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    banks = generate_banks(drawn)
    items = build_items(drawn, banks, top, others, seed)
    meta = {"split": split, "seed": seed, "top": top, "random": others,
            "corpus": ARTICLES, "command": " ".join(sys.argv[1:]) or None,
            "generator": {"version": GENERATOR_VERSION, "commit": generator_commit()}}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "packet.md").write_text(packet_markdown(items, meta), encoding="utf-8")
    key = key_document(drawn, banks, items, meta)
    (folder / "key.json").write_text(json.dumps(key, indent=1, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    click.echo(f"{len(items)} items from {len(drawn)} {split} articles (seed {seed}): "
               f"wrote {folder / 'packet.md'} for the judge and {folder / 'key.json'} "
               "(never shown to the judge)", err=True)


@click.command("figures")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--verdicts", "verdicts_path", type=click.Path(exists=True, dir_okay=False),
              required=True, help="The judge's verdicts.tsv.")
@click.option("--second", "second_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="A second judge's verdicts on an overlap.")
def figures_command(folder, verdicts_path, second_path) -> None:
    """Print the protocol's figures for FOLDER's key and a judge's verdicts, as Markdown.

    Exits 1 (after printing) when a verdict line could not be read or an item was not judged."""
    from quizapp.generation.figures import figures_markdown
    from quizapp.generation.verdicts import VerdictError, load_key, read_verdicts

    try:
        key = load_key(Path(folder) / "key.json")
    except VerdictError as exc:
        raise click.UsageError(str(exc)) from exc
    verdicts, problems = read_verdicts(_text(verdicts_path), key["items"],
                                       label=Path(verdicts_path).name)
    second = None
    if second_path:
        second, more = read_verdicts(_text(second_path), key["items"],
                                     label=f"second judge's {Path(second_path).name}",
                                     complete=False)
        problems += more
    click.echo(figures_markdown(key, verdicts, problems, second, label=str(folder)))
    if problems:
        click.echo(f"{len(problems)} verdict problem(s), listed above", err=True)
        raise click.exceptions.Exit(1)


def _text(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{path}: cannot read: {exc}") from exc
