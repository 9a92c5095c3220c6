"""Log loss, RMSE(bins) and AUC on small hand-checked inputs."""
import math

import pytest

from quizapp.scheduling.metrics import Scored, auc, log_loss, rmse_bins, summarise


def s(recalled, p, elapsed=1, position=2, lapses=0):
    return Scored(recalled, p, elapsed, position, lapses)


def test_log_loss():
    assert log_loss([s(True, 0.8), s(False, 0.8)]) == pytest.approx(
        -(math.log(0.8) + math.log(0.2)) / 2)
    assert math.isfinite(log_loss([s(False, 1.0)]))


def test_auc_ranks_and_ties():
    assert auc([s(False, 0.1), s(True, 0.9), s(True, 0.5)]) == 1.0
    assert auc([s(True, 0.1), s(False, 0.9)]) == 0.0
    assert auc([s(True, 0.5), s(False, 0.5)]) == 0.5
    assert auc([s(False, 0.2), s(True, 0.5), s(False, 0.5), s(True, 0.9)]) == pytest.approx(
        (1 + 1 + 0.5 + 1) / 4)
    assert math.isnan(auc([s(True, 0.3), s(True, 0.4)]))


def test_rmse_bins_groups_by_elapsed_position_and_lapses():
    # one bin: the error is the gap between the recall rate and the mean prediction
    one_bin = [s(True, 0.9), s(False, 0.9), s(True, 0.6), s(True, 0.6)]
    assert rmse_bins(one_bin) == pytest.approx(abs(0.75 - 0.75))
    # elapsed 1 and 10 fall in different bins (2.48 · 3.62^k): each bin is scored on its own
    two_bins = [s(True, 0.5, elapsed=1), s(True, 0.5, elapsed=1),
                s(False, 0.5, elapsed=10), s(False, 0.5, elapsed=10)]
    assert rmse_bins(two_bins) == pytest.approx(0.5)
    # lapses 0 and 1 are different bins too
    assert rmse_bins([s(True, 0.5, lapses=0), s(False, 0.5, lapses=1)]) == pytest.approx(0.5)


def test_summarise_refuses_nothing_to_score():
    with pytest.raises(ValueError):
        summarise([])
    assert summarise([s(True, 0.7), s(False, 0.2)])["n_scored"] == 2
