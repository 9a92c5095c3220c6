"""Fit the quality score on blind judgements: ``python -m quizapp.generation.fit ROUND... --out
quizapp/generation/data/quality_model.json``.

Each ROUND is a folder with a packet's ``key.json`` and the judge's ``verdicts.tsv`` (development
split only: the test split is never fitted on). The model is a logistic regression over the
features of ``quality_model.features``, standardised to fit and written back as raw weights.
Its ROC AUC is measured on held-out judgements: cross-validation by article, so no article is
both fitted on and scored. The "approve above" score is the lowest whose held-out acceptable
share reaches the target precision. Needs scikit-learn (the ``test`` extra); the app does not.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

from quizapp.generation.quality_model import MODEL_FORMAT, features, text_signals
from quizapp.generation.verdicts import load_key, read_verdicts, roc_auc

TARGET_PRECISION = 0.85


@dataclass(frozen=True)
class Example:
    article: str
    inputs: dict[str, float]
    acceptable: bool
    old_score: float | None


def load_examples(folders) -> tuple[list[Example], list[str], list[str]]:
    """(examples, rounds, problems) from the rounds' keys and verdicts; a round is named by its
    folder as given (``docs/judgements/dev1``)."""
    examples, rounds, problems = [], [], []
    for folder in map(Path, folders):
        key = load_key(folder / "key.json")
        if key.get("split") != "dev":
            raise click.UsageError(f"{folder}: split {key.get('split')!r}; fit on dev only")
        verdicts, found = read_verdicts((folder / "verdicts.tsv").read_text("utf-8"),
                                        key["items"], label=f"{folder}/verdicts.tsv")
        problems += found
        rounds.append(folder.as_posix())
        for item, verdict in verdicts.items():
            entry = key["items"][item]
            # Signals read from the question's words are read again from the key's prompt and
            # answer, so a round judged before they were kept gives them too.
            signals = entry["signals"] if "prompt" not in entry or "answer" not in entry else \
                {**text_signals(entry["prompt"], entry["answer"]), **entry["signals"]}
            examples.append(Example(entry["article_id"], features(
                signals, entry["kind"], entry["category"]), verdict.acceptable,
                entry.get("score")))
    return examples, rounds, problems


def feature_names(examples: list[Example]) -> tuple[list[str], list[str]]:
    """(features fitted, numeric signals left out): every indicator seen, and the numeric
    signals every example carries (one that an earlier round's generator did not compute would
    read as 0 there, so it is left out and said)."""
    every = {name for e in examples for name in e.inputs}
    numeric = {name for name in every if "=" not in name}
    common = {name for name in numeric if all(name in e.inputs for e in examples)}
    return sorted((every - numeric) | common), sorted(numeric - common)


def _matrix(examples: list[Example]):
    import numpy as np

    names = feature_names(examples)[0]
    x = np.array([[e.inputs.get(n, 0.0) for n in names] for e in examples], dtype=float)
    y = np.array([e.acceptable for e in examples], dtype=int)
    return names, x, y


def _fit(x, y, c: float):
    """(intercept, raw weights, standardised weights) of a logistic regression fitted on
    standardised features; the raw weights apply to the features as they are."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=1000).fit(scaler.transform(x), y)
    weights = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (weights * scaler.mean_).sum())
    return intercept, weights, model.coef_[0]


def _predict(intercept, weights, x):
    import numpy as np

    return 1 / (1 + np.exp(-(intercept + x @ weights)))


def held_out(examples: list[Example], folds: int, c: float):
    """Out-of-fold predictions by article (GroupKFold) and each fold's ROC AUC."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    _, x, y = _matrix(examples)
    groups = [e.article for e in examples]
    predicted = np.zeros(len(y))
    fold_auc = []
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        intercept, weights, _ = _fit(x[train], y[train], c)
        predicted[test] = _predict(intercept, weights, x[test])
        fold_auc.append(roc_auc(list(predicted[test]), [bool(v) for v in y[test]]))
    return predicted, fold_auc


def threshold(scores, labels, target: float = TARGET_PRECISION) -> dict:
    """The lowest score whose questions at or above it are acceptable at ``target`` share or
    more (on held-out predictions); the best share reached when none is."""
    pairs = sorted(zip(scores, labels), reverse=True)
    total, least = sum(labels), max(10, len(pairs) // 10)  # a threshold approves some
    best, found = None, None
    kept = good = 0
    for i, (score, label) in enumerate(pairs):
        kept, good = kept + 1, good + label
        if i + 1 < len(pairs) and pairs[i + 1][0] == score:
            continue  # a threshold takes every question of its score
        row = {"score": round(float(score), 3), "precision": round(good / kept, 3),
               "recall": round(good / max(total, 1), 3), "questions": kept}
        if kept >= least and (best is None or row["precision"] > best["precision"]):
            best = row
        if kept >= least and row["precision"] >= target:
            found = row
    return {**(found or best or {"score": 0.5, "precision": None, "recall": None,
                                 "questions": 0}),
            "rule": f"lowest held-out score with acceptable share ≥ {target:.0%}"
            if found else "held-out score with the highest acceptable share (target not met)"}


def fit_document(examples: list[Example], rounds: list[str], folds: int = 5,
                 c: float = 1.0, target: float = TARGET_PRECISION) -> dict:
    """The model's JSON document: weights fitted on every example, figures held out."""
    articles = {e.article for e in examples}
    if len(articles) < folds or len({e.acceptable for e in examples}) < 2:
        raise click.UsageError(f"{len(examples)} verdicts on {len(articles)} articles: need "
                               f"both verdicts and at least {folds} articles to fit")
    names, x, y = _matrix(examples)
    predicted, fold_auc = held_out(examples, folds, c)
    labels = [bool(v) for v in y]
    intercept, weights, standardised = _fit(x, y, c)
    numeric = [n for n in names if "=" not in n]
    old = [(e.old_score, e.acceptable) for e in examples if e.old_score is not None]
    return {
        "format": MODEL_FORMAT, "format_version": 1,
        "intercept": round(intercept, 6),
        "weights": {n: round(float(w), 6) for n, w in zip(names, weights)},
        "numeric": numeric,
        "signals_left_out": feature_names(examples)[1],
        "standardised_weights": {n: round(float(w), 3) for n, w in zip(names, standardised)},
        "approve_above": threshold(list(predicted), labels, target)["score"],
        "approve_rule": threshold(list(predicted), labels, target),
        "trained_on": {"rounds": rounds, "questions": len(examples), "articles": len(articles),
                       "acceptable": int(sum(labels))},
        "settings": {"folds": folds, "c": c, "target": target},
        "held_out": {
            "method": f"{folds}-fold cross-validation grouped by article (GroupKFold), C={c}",
            "roc_auc": round(roc_auc(list(predicted), labels), 3),
            "fold_roc_auc": [round(a, 3) if a is not None else None for a in fold_auc],
            "previous_score_roc_auc": round(roc_auc([s for s, _ in old], [a for _, a in old]), 3)
            if old else None},
    }


def report(document: dict) -> str:
    """The fit as Markdown: data, held-out ROC AUC, approve-above and weights."""
    held, trained, rule = document["held_out"], document["trained_on"], document["approve_rule"]
    lines = [f"Fitted on {trained['questions']} judged questions from {trained['articles']} "
             f"articles ({trained['acceptable']} acceptable); rounds: "
             + "; ".join(trained["rounds"]) + ".", "",
             f"- **Held-out ROC AUC: {held['roc_auc']:.3f}** ({held['method']}; per fold "
             + ", ".join(str(a) for a in held["fold_roc_auc"]) + ").",
             "- Numeric signals left out (not computed in every round): "
             + (", ".join(document["signals_left_out"]) or "none") + ".",
             f"- The score it replaces, on the same verdicts: ROC AUC "
             f"{held['previous_score_roc_auc']}.",
             f"- Approve above {document['approve_above']:.3f}: {rule['rule']}; held out, "
             f"{rule['questions']} questions at or above it, acceptable share "
             f"{rule['precision']}, recall {rule['recall']}.", "",
             "| feature | weight per standard deviation | weight as shipped |",
             "| --- | ---: | ---: |"]
    ranked = sorted(document["standardised_weights"].items(), key=lambda kv: -abs(kv[1]))
    lines += [f"| {name} | {weight:+.3f} | {document['weights'][name]:+.3f} |"
              for name, weight in ranked]
    lines.append(f"| (intercept) | | {document['intercept']:+.3f} |")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("rounds", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="Where to write the model (quizapp/generation/data/quality_model.json).")
@click.option("--folds", type=click.IntRange(2), default=5, show_default=True)
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, help="Inverse regularisation strength.")
@click.option("--target", type=click.FloatRange(0, 1), default=TARGET_PRECISION,
              show_default=True, help="Acceptable share wanted above the approve-above score.")
def main(rounds, out, folds, c, target) -> None:
    """Fit the quality score on judged ROUNDS (folders with key.json and verdicts.tsv)."""
    examples, names, problems = load_examples(rounds)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    document = fit_document(examples, names, folds, c, target)
    Path(out).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    click.echo(report(document))
    click.echo(f"wrote {out}", err=True)


if __name__ == "__main__":
    main()
