"""The evaluation on the shared review log, and the click command."""
import json

import pytest
from click.testing import CliRunner

from quizapp.scheduling.command import evaluate_command
from quizapp.scheduling.evaluate import evaluate_log, sm2_update
from quizapp.scheduling.logs import read_log
from quizapp.scheduling.state import Rating


@pytest.fixture(scope="module")
def josh(shared_dir):
    return shared_dir / "reviews" / "review_logs_josh_py-fsrs.csv"


def test_targets_on_the_held_out_half(josh):
    result = evaluate_log(read_log(josh), "UTC", 4)
    default, fitted, sm2 = (result.figures[k] for k in ("default", "fitted", "sm2"))
    assert fitted["log_loss"] <= 0.440 and fitted["rmse_bins"] <= 0.065
    assert default["log_loss"] <= 0.445
    assert sm2["log_loss"] > default["log_loss"] + 0.03
    assert sm2["rmse_bins"] > fitted["rmse_bins"] * 1.5 and sm2["auc"] < fitted["auc"]
    assert default["n_scored"] == fitted["n_scored"] == sm2["n_scored"] > 3000
    # held out: the split is at the median review, and only the second half is scored
    assert default["n_scored"] < result.n_reviews / 2
    # reviews the next morning are not predicted at certain recall
    assert result.next_day_within_24h > 100
    assert result.next_day_at_one == {"default": 0, "fitted": 0}


def test_command_json_and_text(josh):
    runner = CliRunner()
    out = runner.invoke(evaluate_command, [str(josh), "--json", "--timezone", "UTC",
                                           "--rollover", "4"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.output)
    assert set(figures) == {"default", "fitted", "sm2"}
    assert all(set(f) == {"log_loss", "rmse_bins", "auc", "n_scored"} for f in figures.values())
    text = runner.invoke(evaluate_command, [str(josh)])
    assert text.exit_code == 0 and "| SM-2 baseline |" in text.output
    assert "predicted at recall 1.0: default 0, fitted 0" in text.output


def test_command_names_the_bad_line(tmp_path):
    path = tmp_path / "logs.csv"
    path.write_text("card_id,review_rating,review_time,review_duration\n"
                    "1,3,2024-01-01T00:00:00+00:00,5\n1,9,2024-01-02T00:00:00+00:00,5\n")
    out = CliRunner().invoke(evaluate_command, [str(path)])
    assert out.exit_code == 1 and "logs.csv:3: rating must be 1–4, got 9" in out.output
    out = CliRunner().invoke(evaluate_command, [str(path), "--timezone", "Nowhere/Land"])
    assert out.exit_code == 1 and "unknown time zone" in out.output


def test_sm2_steps():
    assert sm2_update(0, 2.5, 0, Rating.GOOD) == (1, 2.5, 1)
    assert sm2_update(1, 2.5, 1, Rating.EASY) == (6, 2.6, 2)
    interval, ease, reps = sm2_update(6, 2.6, 2, Rating.HARD)
    assert (interval, reps) == (16, 3) and ease == pytest.approx(2.46)
    assert sm2_update(16, 2.46, 3, Rating.AGAIN)[::2] == (1, 0)
