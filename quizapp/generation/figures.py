"""The protocol's figures, as Markdown, from a packet's key and a judge's verdicts.

Acceptable share among each article's best-scored questions and among the random others (and
the difference), overall, by kind and by category; the reasons by the rubric test they name;
multiple choice's share of the best-scored; how well the score ranks (ROC AUC); and, with a
second judge, the agreement and Cohen's kappa on the items both judged.
"""
from __future__ import annotations

from collections import Counter

from quizapp.generation.packets import RUBRIC_TESTS
from quizapp.generation.verdicts import Verdict, cohen_kappa, roc_auc, wilson


def pct(value: float, digits: int = 1) -> str:
    """0.543 → "54.3 %"."""
    return f"{100 * value:.{digits}f} %"


def share(yes: int, n: int) -> str:
    """"57/105 (54.3 %, 95 % interval 44.8–63.8 %)"."""
    if n == 0:
        return "0/0"
    low, high = wilson(yes, n)
    return f"{yes}/{n} ({pct(yes / n)}, 95 % interval {pct(low)}–{pct(high)})"


def figures_markdown(key: dict, verdicts: dict[str, Verdict], problems: list[str],
                     second: dict[str, Verdict] | None = None, label: str = "") -> str:
    """The round's figures; ``problems`` (lines not read, items not judged) are listed last."""
    items = key["items"]
    judged = [(items[i], v) for i, v in verdicts.items()]
    lines = [f"## Blind judgement{': ' + label if label else ''}", "",
             f"Split **{key.get('split')}**, seed {key.get('seed')}, "
             f"{len(key.get('articles', ()))} articles, {len(items)} items "
             f"(top {key.get('top')} and {key.get('random')} random per article); "
             f"generator {key.get('generator', {}).get('commit') or 'unknown commit'}; "
             f"{len(judged)} items judged.", ""]
    lines += _groups(judged) + _breakdown(judged, "kind") + _breakdown(judged, "category")
    lines += _reasons(judged) + _ranking(judged)
    if second is not None:
        lines += _agreement(verdicts, second)
    if problems:
        lines += ["### Verdict lines not counted or not judged", "",
                  *(f"- {p}" for p in problems), ""]
    return "\n".join(lines).rstrip() + "\n"


def _groups(judged) -> list[str]:
    top = [v.acceptable for e, v in judged if e["group"] == "top"]
    rest = [v.acceptable for e, v in judged if e["group"] == "random"]
    every = [v.acceptable for _, v in judged]
    lines = ["| questions | acceptable |", "| --- | --- |",
             f"| best-scored (top of each bank) | {share(sum(top), len(top))} |",
             f"| random others | {share(sum(rest), len(rest))} |",
             f"| overall | {share(sum(every), len(every))} |"]
    if top and rest:
        gap = 100 * (sum(top) / len(top) - sum(rest) / len(rest))
        lines.append(f"| difference, top − random | {gap:+.1f} points |")
    mcq = [e for e, _ in judged if e["group"] == "top"]
    lines += ["", "Multiple choice among the best-scored: "
              f"{sum(e['kind'] == 'mcq' for e in mcq)} of {len(mcq)}"
              + (f" ({pct(sum(e['kind'] == 'mcq' for e in mcq) / len(mcq))})" if mcq else "")
              + ".", ""]
    return lines


def _breakdown(judged, field: str) -> list[str]:
    lines = [f"### By {field}", "", f"| {field} | top | random | all |", "| --- | --- | --- | --- |"]
    for value in sorted({e[field] for e, _ in judged}):
        cells = []
        for group in ("top", "random", None):
            marks = [v.acceptable for e, v in judged
                     if e[field] == value and group in (None, e["group"])]
            cells.append(f"{sum(marks)}/{len(marks)}" +
                         (f" ({pct(sum(marks) / len(marks), 0)})" if marks else ""))
        lines.append(f"| {value} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _reasons(judged) -> list[str]:
    refused = [v for _, v in judged if not v.acceptable]
    by_test = Counter(v.test or "(no test named)" for v in refused)
    lines = ["### Reasons (first failing test)", "", "| test | questions | most common reasons |",
             "| --- | ---: | --- |"]
    order = [t for t in (*RUBRIC_TESTS, "(no test named)") if by_test[t]]
    for test in sorted(order, key=lambda t: -by_test[t]):
        texts = Counter(_reason_text(v.reason) for v in refused if (v.test or
                                                                     "(no test named)") == test)
        examples = "; ".join(f"{t} ({c})" if c > 1 else t for t, c in texts.most_common(4))
        lines.append(f"| {test} | {by_test[test]} | {examples.replace('|', '/')} |")
    return [*lines, ""]


def _reason_text(reason: str) -> str:
    """A reason without its leading test name, for grouping alike reasons."""
    head, sep, rest = reason.partition(":")
    text = rest if sep and len(head) <= 20 else reason
    return " ".join(text.split()).rstrip(".").casefold() or "(no reason given)"


def _ranking(judged) -> list[str]:
    scored = [(e["score"], v.acceptable) for e, v in judged if e.get("score") is not None]
    auc = roc_auc([s for s, _ in scored], [a for _, a in scored])
    text = f"{auc:.3f}" if auc is not None else "undefined (needs both verdicts)"
    return [f"The score against these verdicts: ROC AUC {text} over {len(scored)} questions.", ""]


def _agreement(first: dict[str, Verdict], second: dict[str, Verdict]) -> list[str]:
    both = sorted(first.keys() & second.keys(), key=lambda i: (len(i), i))
    a = [first[i].acceptable for i in both]
    b = [second[i].acceptable for i in both]
    agree = sum(x == y for x, y in zip(a, b))
    kappa = cohen_kappa(a, b)
    rate = f" ({pct(agree / len(both))})" if both else ""
    kappa_text = f"{kappa:.2f}" if kappa is not None else "undefined"
    lines = ["### Second judge", "", f"On the {len(both)} items both judged: agreement "
             f"{agree}/{len(both)}{rate}, Cohen's kappa {kappa_text}.", ""]
    differ = [i for i in both if first[i].acceptable != second[i].acceptable]
    if differ:
        lines += ["Items judged differently: " + ", ".join(differ) + ".", ""]
    return lines
