"""``srs evaluate``: score the scheduler on a review log (a plain click command).

The web app attaches ``evaluate_command`` as ``flask --app quizapp srs evaluate``; the command
itself needs no app and no database.
"""
from __future__ import annotations

import json

import click

from quizapp.scheduling.clock import DEFAULT_ROLLOVER_HOUR, check_rollover, zone
from quizapp.scheduling.evaluate import Evaluation, evaluate_log
from quizapp.scheduling.fitting import NotEnoughReviews
from quizapp.scheduling.logs import LogFormatError, read_log

MODELS = (("default", "FSRS, default parameters"), ("fitted", "FSRS, fitted on first half"),
          ("sm2", "SM-2 baseline"))


def _report(result: Evaluation) -> str:
    lines = [(f"reviews: {result.n_reviews}; split at {result.split_at.isoformat()}; "
             f"fitted on {result.n_train_items} training items from the first half"),
             "scored: second half only, reviews on a later study day than the previous one", "",
             "| model | log loss | RMSE(bins) | AUC | scored |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for key, label in MODELS:
        f = result.figures[key]
        lines.append(f"| {label} | {f['log_loss']:.4f} | {f['rmse_bins']:.4f} | "
                     f"{f['auc']:.4f} | {f['n_scored']} |")
    at_one = ", ".join(f"{k} {v}" for k, v in result.next_day_at_one.items())
    lines += ["", (f"scored reviews < 24 h after the previous one but on a later study day: "
                  f"{result.next_day_within_24h}; predicted at recall 1.0: {at_one}"),
              "fitted parameters: " + ", ".join(f"{p:.4f}" for p in result.parameters)]
    return "\n".join(lines)


@click.command("evaluate")
@click.argument("log_csv", type=click.Path(exists=True, dir_okay=False))
@click.option("--timezone", "tz", default="UTC", show_default=True,
              help="The student's IANA time zone, for study days.")
@click.option("--rollover", default=DEFAULT_ROLLOVER_HOUR, show_default=True, type=int,
              help="The hour (local time) at which a new study day starts.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_command(log_csv: str, tz: str, rollover: int, as_json: bool) -> None:
    """Fit FSRS on the first half of LOG_CSV by time and score the second half.

    LOG_CSV has columns card_id,review_rating,review_time,review_duration or quizapp's export
    user_id,question_id,rating,reviewed_at,duration_ms.
    """
    try:
        zone(tz)
        check_rollover(rollover)
        result = evaluate_log(read_log(log_csv), tz, rollover)
    except (LogFormatError, NotEnoughReviews, ValueError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(result.figures, sort_keys=True) if as_json else _report(result))
