"""Student forms: answering a card, rating it, undo, and study settings."""
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import (DecimalField, HiddenField, IntegerField, SelectField, StringField,
                     SubmitField)
from wtforms.validators import (DataRequired, InputRequired, Length, NumberRange, Optional,
                                Regexp)


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = sorted(available_timezones() - {"localtime"})
