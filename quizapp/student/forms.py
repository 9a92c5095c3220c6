"""Student forms: answering a card, rating it, undo, taking an answer back, and study settings."""
from functools import lru_cache
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import (DecimalField, HiddenField, IntegerField, SelectField, SelectMultipleField,
                     StringField, SubmitField)
from wtforms.validators import (DataRequired, InputRequired, Length, NumberRange, Optional,
                                Regexp)
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.scheduling.load import WEEKDAYS
from quizapp.scheduling.pace import MAX_DAILY_REVIEWS


class AnswerForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])
    given = StringField("Your answer", validators=[Optional(), Length(max=500)])
    submit = SubmitField("Check")
    flip = SubmitField("Show the answer")


class RateForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])  # the rating is the pressed button's value


class UndoForm(FlaskForm):
    # The review the page showed as the last answer: a double click cannot undo two.
    review = HiddenField(validators=[Optional(), Regexp(r"^[0-9]{1,18}$")])
    set_id = HiddenField(validators=[Optional(), Regexp(r"^[0-9]{1,18}$")])  # one set studied


class TakeBackForm(FlaskForm):
    # Names the answer on a feedback screen: taking it back twice withdraws it once.
    token = HiddenField(validators=[DataRequired()])


class WeekdaysField(SelectMultipleField):
    """Weekdays as checkboxes, kept on the user as a bit mask (1 Monday … 64 Sunday)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, coerce=int,
                         choices=[SelectChoice(day, name) for day, name in enumerate(WEEKDAYS)],
                         **kwargs)

    def process_data(self, value):
        if isinstance(value, int):
            value = [day for day in range(7) if value >> day & 1]
        super().process_data(value)

    def populate_obj(self, obj, name):
        setattr(obj, name, sum(1 << day for day in set(self.data or ())))


REGIONS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
           "Europe", "Indian", "Pacific")


@lru_cache(maxsize=1)
def zone_choices() -> dict[str, list[tuple[str, str]]]:
    """Time zones grouped by region, each named by its place ("Argentina / Buenos Aires");
    the old aliases ("US/Eastern", "UTC") last, under "Other", so a saved one stays valid."""
    groups: dict[str, list[tuple[str, str]]] = {region: [] for region in REGIONS}
    other = []
    for name in sorted(available_timezones() - {"localtime"}):
        region, _, place = name.partition("/")
        if region in groups and place:
            groups[region].append((name, place.replace("_", " ").replace("/", " / ")))
        else:
            other.append((name, name.replace("_", " ")))
    return {region: zones for region, zones in groups.items() if zones} | {"Other": other}


class SettingsForm(FlaskForm):
    desired_retention = DecimalField(
        "How much you want to remember", places=2,
        validators=[InputRequired(), NumberRange(0.70, 0.99)],
        description="The share of cards you still want to know when they come back: 0.90 "
                    "means about 9 in 10; a higher number means more reviews (0.70–0.99).")
    new_per_day = IntegerField("New cards per day", validators=[InputRequired(),
                                                                NumberRange(0, 500)])
    daily_reviews = IntegerField(
        "About how many reviews a day", validators=[InputRequired(),
                                                    NumberRange(1, MAX_DAILY_REVIEWS)],
        description="New cards come only while each of the next three days has fewer reviews "
                    "due than this, so your reviews stay near it; reviews already due always "
                    "come. A set with a due date still gets enough new cards each day to be "
                    "started by that date, even beyond this number.")
    maximum_interval = IntegerField(
        "Longest wait between reviews (days)", validators=[InputRequired(), NumberRange(1, 36500)],
        description="However well you know a card, it comes back within this many days: 365 "
                    "means at least once a year; 36500 (100 years) means no limit.")
    timezone = SelectField("Time zone", validators=[DataRequired()])
    rollover_hour = IntegerField("New study day starts at (hour)",
                                 validators=[InputRequired(), NumberRange(0, 23)],
                                 description="A review at 1 am still counts for the evening before.")
    easy_days = WeekdaysField(
        "Easy days", render_kw={"class": "weekdays"},
        description="Days you want fewer reviews, such as the weekend: cards you answer from "
                    "now on are put on these days about half as often as on the others. "
                    "Nothing is moved that is already due.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = zone_choices()
