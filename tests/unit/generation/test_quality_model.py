"""The shipped quality model: the generator scores with it, its numeric signals are the ones the
generator computes, and its weights are exactly the fit of the judgements kept in the repo."""
import json

import pytest
from click.testing import CliRunner

from quizapp.generation.fit import main as fit
from quizapp.generation.quality_model import MODEL_PATH, features, load_model
from tests.unit.generation.conftest import ROOT


def test_bank_scores_come_from_the_shipped_model(seed_bank):
    model = load_model()
    for q in seed_bank["questions"]:
        signals = q["quality"]["signals"]
        assert set(model.numeric) <= set(features(signals, q["kind"], q["category"]))
        assert q["quality"]["score"] == model.score(signals, q["kind"], q["category"])


def test_shipped_weights_are_the_fit_of_the_judgements_in_the_repo(tmp_path, monkeypatch):
    shipped = json.loads(MODEL_PATH.read_text("utf-8"))
    settings = shipped["settings"]
    monkeypatch.chdir(ROOT)
    out = tmp_path / "model.json"
    result = CliRunner().invoke(fit, [*shipped["trained_on"]["rounds"], "--out", str(out),
                                      "--folds", str(settings["folds"]),
                                      "--c", str(settings["c"]),
                                      "--target", str(settings["target"])])
    assert result.exit_code == 0, result.output
    refitted = json.loads(out.read_text("utf-8"))
    # Equal up to the last digits a solver or BLAS build may change.
    assert refitted.keys() == shipped.keys() and refitted["weights"].keys() == \
        shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert refitted["weights"][name] == pytest.approx(weight, abs=1e-3), name
    assert refitted["intercept"] == pytest.approx(shipped["intercept"], abs=1e-3)
    for field in ("numeric", "trained_on", "settings", "held_out"):
        assert refitted[field] == shipped[field], field
    assert refitted["approve_above"] == pytest.approx(shipped["approve_above"], abs=0.002)
    assert all(r.startswith("docs/judgements/") for r in shipped["trained_on"]["rounds"])
