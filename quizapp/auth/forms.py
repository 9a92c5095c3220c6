"""Account forms. Every form carries a CSRF token (Flask-WTF)."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from quizapp.services.accounts import MIN_PASSWORD


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    remember = BooleanField("Keep me logged in on this device")
    next = HiddenField()


class RegisterForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(),
                                                     Length(min=MIN_PASSWORD, max=200)])
    confirm = PasswordField("Password again", validators=[
        DataRequired(), EqualTo("password", message="The two passwords differ.")])
    class_code = StringField("Class code", validators=[DataRequired(), Length(min=4, max=16)],
                             description="Your teacher gives you this code.")
    # Filled in by the browser (static/register.js): study days start at 4 am where you are.
    timezone = HiddenField(validators=[Length(max=64)])


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    new = PasswordField("New password", validators=[DataRequired(),
                                                    Length(min=MIN_PASSWORD, max=200)])
    confirm = PasswordField("New password again", validators=[
        DataRequired(), EqualTo("new", message="The two passwords differ.")])


class JoinClassForm(FlaskForm):
    class_code = StringField("Class code", validators=[DataRequired(), Length(min=4, max=16)])
