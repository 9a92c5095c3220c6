"""The quality score: a small logistic model over the signals the generator computes, fitted on
blind judgements by ``python -m quizapp.generation.fit``; its weights ship as data
(``data/quality_model.json``), so the app needs nothing but them.

A question's features are its signals — a number as itself, a word (``rule``) as an indicator
``rule=clause-subject`` — and indicators of its kind and category. Its score is the logistic of
the intercept plus the weighted features: the fitted chance that a judge finds it acceptable.
The fit also stores the score above which the review queue offers to approve drafts.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FORMAT = "quizapp-quality-model"
MODEL_PATH = Path(__file__).parent / "data" / "quality_model.json"


class ModelError(ValueError):
    """A model file that cannot be used, or signals it cannot score; the message says why."""


# The context lead a prompt opens with: "From “…” (May 2008): ", "In “…” (May 2008), ",
# "May 2008 news: ", "In May 2008, ".
_LEAD = re.compile(r"^(?:(?:From|In|True or false, from) “.*?”(?: \([^)]*\))?(?::|,) |"
                   r"(?:True or false \()?[A-Z][a-z]+ \d{4} news\)?: |In [A-Z][a-z]+ \d{4}, )")
_BACK = re.compile(r"\b(?:also|other|another|similar|again|previously|latter|the same)\b",
                   re.IGNORECASE)


def text_signals(prompt: str, answer: str) -> dict[str, float]:
    """Signals read from a question's words alone (so a judged round's key, which keeps them,
    gives them too): whether the prompt names its story's headline, how many words the answer
    has, commas, quotation marks and words pointing back into the article in the question."""
    lead = _LEAD.match(prompt)
    body = prompt[lead.end():] if lead else prompt
    return {"titled": float(bool(lead) and "“" in lead.group()),
            "answer_words": float(min(len(answer.split()), 6)),
            "commas": float(min(body.count(","), 6)),
            "quoted": float(any(q in body for q in "\"“”")),
            "points_back": float(bool(_BACK.search(body)))}


def features(signals: dict, kind: str, category: str) -> dict[str, float]:
    """The model's inputs for a question: numeric signals as they are, word signals, kind and
    category as indicators ("rule=cloze", "kind=mcq")."""
    out = {f"kind={kind}": 1.0, f"category={category}": 1.0}
    for name, value in signals.items():
        if isinstance(value, bool):
            out[name] = float(value)
        elif isinstance(value, int | float):
            out[name] = float(value)
        elif isinstance(value, str):
            out[f"{name}={value}"] = 1.0
    return out


@dataclass(frozen=True)
class QualityModel:
    intercept: float
    weights: dict[str, float]
    numeric: tuple[str, ...]  # the numeric signals every question must carry
    approve_above: float

    def probability(self, inputs: dict[str, float]) -> float:
        """The fitted chance that a judge accepts the question with these features."""
        missing = [name for name in self.numeric if name not in inputs]
        if missing:
            raise ModelError(f"the quality model needs the signals {', '.join(missing)}")
        z = self.intercept + sum(w * inputs.get(name, 0.0) for name, w in self.weights.items())
        return 1 / (1 + math.exp(-max(-60.0, min(60.0, z))))

    def score(self, signals: dict, kind: str, category: str) -> float:
        return round(self.probability(features(signals, kind, category)), 3)


def model_from_dict(data: dict) -> QualityModel:
    """A model from its JSON document; refuses anything that is not one."""
    try:
        if data["format"] != MODEL_FORMAT:
            raise ModelError(f"not a quality model (format {data['format']!r})")
        return QualityModel(intercept=float(data["intercept"]),
                            weights={str(k): float(v) for k, v in data["weights"].items()},
                            numeric=tuple(data["numeric"]),
                            approve_above=float(data["approve_above"]))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ModelError(f"not a usable quality model: {exc!r}") from exc


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> QualityModel:
    """The shipped model (read once per process)."""
    try:
        return model_from_dict(json.loads(Path(path).read_text("utf-8")))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: {exc}") from exc


def approve_above() -> float:
    """The review queue's default "approve every draft scoring at least" from the fit."""
    return load_model().approve_above
