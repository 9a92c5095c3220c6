"""How well predicted recall matches what happened: log loss, RMSE(bins) and AUC.

RMSE(bins) is the FSRS benchmark's definition (open-spaced-repetition/srs-benchmark,
``rmse_matrix``): scored reviews are grouped by their elapsed days, their position in the card's
history and the card's lapses so far, each on a logarithmic scale; the result is the root of
the count-weighted mean squared difference between a group's recall rate and its mean
prediction. It rewards calibration within groups rather than per review.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# log loss of a prediction of exactly 0 or 1 that turned out wrong is infinite; clip as
# scikit-learn's log_loss does, so one such review cannot swamp the figure.
EPSILON = 1e-15


@dataclass(frozen=True)
class Scored:
    """One held-out review: recalled or not, its prediction and the features RMSE bins use."""

    recalled: bool
    predicted: float
    elapsed_days: int  # study days since the previous review (≥ 1)
    position: int  # this review's number in the card's history, from 1
    lapses: int  # Again ratings before, on a later study day than their previous review


def log_loss(scored: Sequence[Scored]) -> float:
    total = 0.0
    for s in scored:
        p = min(max(s.predicted, EPSILON), 1 - EPSILON)
        total -= math.log(p) if s.recalled else math.log(1 - p)
    return total / len(scored)


def _log_bin(x: float, base: float, scale: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(x) / math.log(base)), digits)


def rmse_bins(scored: Sequence[Scored]) -> float:
    groups: dict[tuple[float, float, float], list[float]] = {}
    for s in scored:
        key = (_log_bin(s.elapsed_days, 3.62, 2.48, 2), _log_bin(s.position, 1.89, 1.99, 0),
               _log_bin(s.lapses, 1.73, 1.65, 0) if s.lapses else 0.0)
        group = groups.setdefault(key, [0.0, 0.0, 0.0])  # recalled, predicted, count
        group[0] += s.recalled
        group[1] += s.predicted
        group[2] += 1
    weighted = sum(n * (y / n - p / n) ** 2 for y, p, n in groups.values())
    return math.sqrt(weighted / sum(n for _, _, n in groups.values()))


def auc(scored: Sequence[Scored]) -> float:
    """Area under the ROC curve: the chance a recalled review was predicted higher than a
    forgotten one (Mann–Whitney, ties count half). NaN when only one outcome occurs."""
    ordered = sorted(scored, key=lambda s: s.predicted)
    rank_sum, positives, i = 0.0, 0, 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j].predicted == ordered[i].predicted:
            j += 1
        average_rank = (i + 1 + j) / 2  # ranks i+1 … j share their mean
        hits = sum(s.recalled for s in ordered[i:j])
        rank_sum += hits * average_rank
        positives += hits
        i = j
    negatives = len(ordered) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def summarise(scored: Sequence[Scored]) -> dict[str, float | int]:
    if not scored:
        raise ValueError("no held-out reviews to score")
    return {"log_loss": log_loss(scored), "rmse_bins": rmse_bins(scored), "auc": auc(scored),
            "n_scored": len(scored)}
