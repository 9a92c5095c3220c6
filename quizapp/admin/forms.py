"""Forms for the administrator's pages. Every form carries a CSRF token (Flask-WTF)."""
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from quizapp.services.accounts import MIN_PASSWORD


class StaffForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField("Role", choices=[SelectChoice("teacher", "Teacher"),
                                        SelectChoice("admin", "Administrator")],
                       default="teacher")
    password = PasswordField(
        "First password", validators=[DataRequired(), Length(min=MIN_PASSWORD, max=200)],
        description=f"At least {MIN_PASSWORD} characters. Give it to them in person; they "
                    "change it under Password after logging in.")
