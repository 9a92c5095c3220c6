"""The teacher's quiz forms: the quiz settings and a regrade. Times are read in the teacher's
own time zone and stored in UTC."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateTimeLocalField, DecimalField, IntegerField, SelectField,
    SelectMultipleField, StringField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.bank.kinds import KIND_REGISTRY
from quizapp.quizzes import GRADING_RULES, SHOWS
from quizapp.teacher.forms import options


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class QuizForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=300)])
    set_ids = Checkboxes("From the sets", coerce=int,
                         validators=[DataRequired(message="Choose at least one set.")])
    class_ids = Checkboxes("For the classes", coerce=int,
                           validators=[DataRequired(message="Choose at least one class.")])
    question_count = IntegerField("Questions drawn at random for each student",
                                  validators=[Optional(), NumberRange(min=1, max=500)],
                                  description="Left empty: every question of the sets.")
    fixed_question_ids = Checkboxes("…or a fixed list of questions", coerce=int,
                                    validate_choice=False,
                                    description="Ticked questions are asked of everyone "
                                                "instead of a random draw.")
    kinds = Checkboxes("Kinds of question", description="None ticked: every kind.",
                       choices=options((k.name, k.label) for k in KIND_REGISTRY.values()))
    shuffle_questions = BooleanField("Shuffle the questions", default=True)
    shuffle_choices = BooleanField("Shuffle multiple-choice choices", default=True)
    one_per_page = BooleanField("One question a page")
    time_limit_minutes = DecimalField("Time limit in minutes", places=2,
                                      validators=[Optional(), NumberRange(min=0.1, max=600)],
                                      description="Left empty: no time limit.")
    attempts_allowed = IntegerField("Attempts allowed", default=1,
                                    validators=[InputRequired(), NumberRange(min=1, max=20)])
    grading = SelectField("Which attempt counts", choices=options(GRADING_RULES.items()))
    opens_at = DateTimeLocalField("Opens", validators=[Optional()],
                                  description="Left empty: open now.")
    closes_at = DateTimeLocalField("Closes", validators=[Optional()],
                                   description="Left empty: never closes.")
    points = DecimalField("Points per question", default=Decimal(1), places=2,
                          validators=[InputRequired(), NumberRange(min=0.01, max=100)])
    shows = SelectField("After submitting, students see", default="answers",
                        choices=options(SHOWS.items()))
    shows_when = SelectField("…and see it", choices=options([
        ("submitted", "at once"), ("closed", "after the quiz closes")]))
    feeds_schedule = BooleanField("Answers also count as reviews in each student's schedule",
                                  default=True)

    def values(self, zone: str) -> dict:
        """The settings as the quizzes service takes them."""
        minutes = self.time_limit_minutes.data
        return {"title": self.title.data.strip(), "question_count": self.question_count.data,
                "fixed_question_ids": list(self.fixed_question_ids.data or []),
                "kinds": list(self.kinds.data or []),
                "shuffle_questions": self.shuffle_questions.data,
                "shuffle_choices": self.shuffle_choices.data,
                "one_per_page": self.one_per_page.data,
                "time_limit_seconds": int(minutes * 60) if minutes else None,
                "attempts_allowed": self.attempts_allowed.data, "grading": self.grading.data,
                "opens_at": in_utc(self.opens_at.data, zone),
                "closes_at": in_utc(self.closes_at.data, zone),
                "points": float(self.points.data), "shows": self.shows.data,
                "shows_when": self.shows_when.data, "feeds_schedule": self.feeds_schedule.data}

    def add_problems(self, message: str) -> None:
        """Put "field: message" problems from the service on their fields."""
        for problem in message.split("; "):
            name, _, text = problem.partition(": ")
            field = getattr(self, name, None) if text else None
            target = field if field is not None else self.title
            target.errors = [*target.errors, (text or problem)[:1].upper() + (text or problem)[1:]]


def in_utc(moment: datetime | None, zone: str) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=ZoneInfo(zone or "UTC")).astimezone(timezone.utc)


class RegradeForm(FlaskForm):
    question_id = IntegerField(validators=[DataRequired()])
    accept = StringField("Also accept", validators=[Optional(), Length(max=500)])
    everyone = BooleanField("Give everyone the point")
