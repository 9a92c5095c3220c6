"""A judge's verdicts read back against a packet's key, and the statistics the figures need.

``verdicts.tsv`` has one line per item: ``ITEM<TAB>yes|no<TAB>reason``, the reason of a ``no``
naming the first rubric test that fails. Every line that cannot be read — too few fields, an
item the key does not have, a verdict other than yes or no, an item judged twice, a ``no`` that
names no test — and every item left unjudged is reported by its line, never skipped silently.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from quizapp.generation.packets import KEY_FORMAT, RUBRIC_TESTS

# Words a judge may use for a test instead of its name, earliest in the reason first.
TEST_WORDS = {
    "well-formed": ("well-formed", "well formed", "badly formed", "malformed", "ill-formed"),
    "correct": ("correct", "wrong"),
    "stands alone": ("stands alone", "stand alone", "no context", "context"),
    "multiple choice": ("multiple choice", "multiple-choice", "distractor"),
    "worth asking": ("worth asking", "not worth", "worth"),
}


class VerdictError(ValueError):
    """A key or verdicts file that cannot be read at all; the message says why."""


@dataclass(frozen=True)
class Verdict:
    item: str
    acceptable: bool
    reason: str
    test: str | None  # the rubric test the reason names first; None when it names none
    line: int


def load_key(path: Path) -> dict:
    """A packet's ``key.json``; refuses anything else."""
    try:
        key = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise VerdictError(f"{path}: cannot read the key: {exc}") from exc
    if not isinstance(key, dict) or key.get("format") != KEY_FORMAT or \
            not isinstance(key.get("items"), dict):
        raise VerdictError(f"{path}: not a judging key (format {KEY_FORMAT!r} with items)")
    return key


def rubric_test(reason: str) -> str | None:
    """The rubric test a reason names first ("stands alone: no country" → "stands alone")."""
    text = reason.casefold()
    found = [(text.find(word), test) for test, words in TEST_WORDS.items() for word in words
             if word in text]
    return min(found)[1] if found else None


def read_verdicts(text: str, items, *, label: str = "verdicts", complete: bool = True
                  ) -> tuple[dict[str, Verdict], list[str]]:
    """(verdicts by item, problems): each problem names its line. With ``complete``, an item of
    ``items`` that has no verdict is a problem too (a second judge's overlap is not complete)."""
    wanted = {str(i) for i in items}
    verdicts: dict[str, Verdict] = {}
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        verdict, problem = _parse_line(raw, number, wanted, verdicts)
        if problem:
            problems.append(f"{label} line {number}: {problem}")
        if verdict:
            verdicts[verdict.item] = verdict
    if complete:
        missing = sorted(wanted - verdicts.keys(), key=_item_order)
        problems += [f"{label}: item {item} has no verdict" for item in missing]
    return verdicts, problems


def _parse_line(raw: str, number: int, wanted: set[str], seen: dict[str, Verdict]):
    fields = raw.rstrip("\n").split("\t")
    if len(fields) < 2:
        return None, f"expected ITEM<TAB>yes|no<TAB>reason, found {raw.strip()[:60]!r}"
    item, answer = fields[0].strip(), fields[1].strip().casefold()
    reason = "\t".join(fields[2:]).strip()
    if item not in wanted:
        return None, f"item {item!r} is not in the key"
    if answer not in ("yes", "no"):
        return None, f"verdict {fields[1].strip()!r} for item {item} is not yes or no"
    if item in seen:
        return None, f"item {item} judged again (first on line {seen[item].line}); " \
                     "the first verdict counts"
    test = rubric_test(reason) if answer == "no" else None
    verdict = Verdict(item, answer == "yes", reason, test, number)
    if answer == "no" and test is None:
        return verdict, f"item {item}: the reason names no rubric test " \
                        f"({', '.join(RUBRIC_TESTS)}); counted as no"
    return verdict, None


def _item_order(item: str):
    return (0, int(item), "") if item.isdigit() else (1, 0, item)


def wilson(yes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a share ``yes``/``n``."""
    if n == 0:
        return 0.0, 1.0
    p = yes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def cohen_kappa(first: list[bool], second: list[bool]) -> float | None:
    """Cohen's kappa of two judges' yes/no verdicts on the same items; None when undefined
    (both judges gave one and the same verdict throughout)."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second)) / n
    p1, p2 = sum(first) / n, sum(second) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def roc_auc(scores: list[float], labels: list[bool]) -> float | None:
    """The chance that an acceptable question scores above an unacceptable one (ties count
    half): the ROC AUC. None without both kinds of label."""
    ranked = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid_rank = (i + 1 + j) / 2  # ranks i+1 … j share their mean
        rank_sum += mid_rank * sum(1 for _, label in ranked[i:j] if label)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
