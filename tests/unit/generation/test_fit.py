"""The quality score's fit: weights from judged rounds, ROC AUC held out by article, the shipped
model's form, and an approve-above score from held-out judgements."""
import json
import random

import pytest
from click.testing import CliRunner

from quizapp.generation.fit import main as fit
from quizapp.generation.fit import threshold
from quizapp.generation.quality_model import ModelError, features, model_from_dict


def _round(folder, label_of, articles=30, per_article=8, split="dev", seed=0):
    """A judged round whose verdicts follow ``label_of(signals, article)``."""
    rng = random.Random(seed)
    items, lines = {}, []
    for a in range(articles):
        for _ in range(per_article):
            number = str(len(items) + 1)
            signals = {"salience": round(rng.random(), 3), "prompt_words": rng.randint(5, 40),
                       "rule": rng.choice(["cloze", "role"]), "article_rule": f"a{a}"}
            items[number] = {"article_id": f"enwikinews-{a}", "question_id": f"q-{number}",
                             "kind": rng.choice(["mcq", "cloze"]), "category": "who",
                             "group": "top", "score": round(rng.random(), 3), "signals": signals}
            good = label_of(signals, a, rng)
            lines.append(f"{number}\t{'yes' if good else 'no'}\t"
                         f"{'fine' if good else 'worth asking: passing mention'}")
    folder.mkdir()
    (folder / "key.json").write_text(json.dumps({
        "format": "quizapp-judging-key", "split": split, "seed": seed, "items": items}))
    (folder / "verdicts.tsv").write_text("\n".join(lines) + "\n")
    return folder


def _fit(tmp_path, *rounds):
    out = tmp_path / "model.json"
    result = CliRunner().invoke(fit, [*map(str, rounds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text()), result.output


def test_a_signal_that_predicts_verdicts_gets_weight_and_a_high_held_out_auc(tmp_path):
    judged = _round(tmp_path / "r1", lambda s, a, rng: s["salience"] + rng.gauss(0, 0.15) > 0.5)
    document, output = _fit(tmp_path, judged)
    assert document["held_out"]["roc_auc"] > 0.85
    assert document["weights"]["salience"] > 0
    assert "Held-out ROC AUC" in output and "grouped by article" in output
    model = model_from_dict(document)
    signals = {"salience": 0.9, "prompt_words": 12, "rule": "cloze", "article_rule": "a1"}
    high, low = model.score(signals, "mcq", "who"), model.score({**signals, "salience": 0.1},
                                                                 "mcq", "who")
    assert 0 <= low < high <= 1
    assert 0 < document["approve_above"] < 1


def test_held_out_means_held_out_by_article(tmp_path):
    # Verdicts depend on the article alone, and each article has a signal of its own: fitted on
    # the same articles it would look perfect; held out by article it learns nothing.
    good = {a: random.Random(a).random() < 0.5 for a in range(30)}
    judged = _round(tmp_path / "r1", lambda s, a, rng: good[a])
    document, _ = _fit(tmp_path, judged)
    assert document["held_out"]["roc_auc"] < 0.65


def test_test_split_rounds_are_never_fitted_on(tmp_path):
    judged = _round(tmp_path / "r1", lambda s, a, rng: True, split="test")
    result = CliRunner().invoke(fit, [str(judged), "--out", str(tmp_path / "m.json")])
    assert result.exit_code == 2 and "fit on dev only" in result.output
    assert not (tmp_path / "m.json").exists()


def test_features_and_the_models_refusals():
    assert features({"rule": "cloze", "salience": 0.5, "lead": True}, "mcq", "who") == \
        {"kind=mcq": 1.0, "category=who": 1.0, "rule=cloze": 1.0, "salience": 0.5, "lead": 1.0}
    model = model_from_dict({"format": "quizapp-quality-model", "intercept": 0.0,
                             "weights": {"salience": 2.0}, "numeric": ["salience"],
                             "approve_above": 0.6})
    assert model.score({"salience": 0.0}, "mcq", "who") == 0.5
    with pytest.raises(ModelError, match="needs the signals salience"):
        model.score({}, "mcq", "who")
    with pytest.raises(ModelError, match="not a usable quality model"):
        model_from_dict({"format": "quizapp-quality-model"})


def test_threshold_is_the_lowest_score_reaching_the_target_share():
    scores = [i / 100 for i in range(100)]
    labels = [s >= 0.4 or s < 0.1 for s in scores]
    chosen = threshold(scores, labels, target=0.85)
    assert chosen["score"] == 0.3 and chosen["precision"] == 0.857  # 60 of the 70 at or above


def test_a_signal_missing_from_an_earlier_round_is_left_out_and_said(tmp_path):
    older = _round(tmp_path / "r1", lambda s, a, rng: s["salience"] > 0.5)
    key = json.loads((older / "key.json").read_text())
    for entry in key["items"].values():
        del entry["signals"]["salience"]
        entry["article_id"] += "-old"
    (older / "key.json").write_text(json.dumps(key))
    newer = _round(tmp_path / "r2", lambda s, a, rng: s["salience"] > 0.5, seed=1)
    document, output = _fit(tmp_path, older, newer)
    assert document["signals_left_out"] == ["salience"] and "salience" not in document["weights"]
    assert "prompt_words" in document["numeric"] and "left out" in output and "salience" in output
