"""Student forms: answering a card, rating it, undo, and study settings."""
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import (DecimalField, HiddenField, IntegerField, SelectField, SelectMultipleField,
                     StringField, SubmitField)
from wtforms.validators import (DataRequired, InputRequired, Length, NumberRange, Optional,
                                Regexp)
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.scheduling.load import WEEKDAYS


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


class SettingsForm(FlaskForm):
    desired_retention = DecimalField(
        "Desired retention", places=2, validators=[InputRequired(), NumberRange(0.70, 0.99)],
        description="How likely you want to be to remember a card when it comes back "
                    "(0.70–0.99). Higher means more reviews.")
    new_per_day = IntegerField("New cards per day", validators=[InputRequired(),
                                                                NumberRange(0, 500)])
    maximum_interval = IntegerField("Longest interval (days)",
                                    validators=[InputRequired(), NumberRange(1, 36500)])
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
        self.timezone.choices = sorted(available_timezones() - {"localtime"})
