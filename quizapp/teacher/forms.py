"""The teacher's forms (Flask-WTF: each carries a CSRF token). Kind rules live in the kinds
registry; the authoring service turns its problems into messages on these fields."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    DecimalField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from quizapp.bank import CATEGORIES
from quizapp.bank.kinds import KIND_REGISTRY
from quizapp.generation.quality_model import approve_above


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class ClassForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])


class SetForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=300)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=4000)])


class AssignForm(FlaskForm):
    class_id = SelectField("Class", coerce=int, validators=[DataRequired()])
    starts_on = DateField("Start date (optional)", validators=[Optional()],
                          description="Students see the set from this day on.")


class ArticleForm(FlaskForm):
    title = StringField("Title (optional)", validators=[Optional(), Length(max=300)],
                        description="Left empty, the title comes from the article.")
    text = TextAreaField("Paste the article", validators=[Optional(), Length(max=2_000_000)])
    upload = FileField("…or upload a file", description=".txt, .md or .html, UTF-8, up to 2 MB")
    seed = SelectField("…or pick an article from the library", validators=[Optional()])


def options(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 wants SelectChoice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(FlaskForm):
    kind = SelectField("Kind", choices=options((k.name, k.label) for k in KIND_REGISTRY.values()))
    category = SelectField("Category", choices=options((c, c.capitalize()) for c in CATEGORIES))
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=2000)],
                           description="For fill-the-blank, write the blank as _____ "
                                       "(three or more underscores).")
    answer = StringField("Answer", validators=[DataRequired(), Length(max=500)],
                         description="For true/false, write true or false.")
    accepted = TextAreaField("Other accepted answers", validators=[Optional()],
                             description="One a line, for typed answers.")
    choices = TextAreaField("Choices (multiple choice)", validators=[Optional()],
                            description="One a line; include the answer.")
    tags = StringField("Tags", validators=[Optional(), Length(max=500)],
                       description="Separated by commas.")
    explanation = TextAreaField("Explanation (optional)",
                                validators=[Optional(), Length(max=4000)])

    def values(self) -> dict:
        return {"kind": self.kind.data, "category": self.category.data,
                "prompt": self.prompt.data, "answer": self.answer.data,
                "accepted": lines(self.accepted.data), "choices": lines(self.choices.data),
                "tags": [t.strip() for t in (self.tags.data or "").split(",")],
                "explanation": self.explanation.data}

    def fill(self, question) -> None:
        for name in ("kind", "category", "prompt", "answer", "explanation"):
            getattr(self, name).data = getattr(question, name)
        self.accepted.data = "\n".join(question.accepted)
        self.choices.data = "\n".join(question.choices)
        self.tags.data = ", ".join(question.tags)

    def add_problems(self, problems: list[str]) -> None:
        """Put "field: message" problems from the kinds registry on their fields."""
        for problem in problems:
            name, _, message = problem.partition(": ")
            field = getattr(self, name.split(".")[0].split("[")[0], None)
            target = field if field is not None and hasattr(field, "errors") else self.prompt
            if isinstance(target.errors, tuple):
                target.errors = list(target.errors)
            text = message if field is not None else problem
            target.errors.append(text[:1].upper() + text[1:])


# The reasons a teacher most often gives, one click away; their own words may add to one.
REJECT_REASONS = ("The answer is wrong or unclear", "Too easy: the answer can be guessed",
                  "A detail not worth asking", "Badly worded", "Asked already in this set")


class RejectForm(FlaskForm):
    why = SelectField("Reject because", validators=[Optional()],
                      choices=options([("", "Choose a reason…")]
                                      + [(r, r) for r in REJECT_REASONS]))
    reason = StringField("Reason in your words", validators=[Optional(), Length(max=400)])

    def verdict_reason(self) -> str:
        """The reason from the list, the teacher's words, or both ("Badly worded: …")."""
        return ": ".join(part.strip() for part in (self.why.data, self.reason.data)
                         if part and part.strip())

    def validate(self, extra_validators=None) -> bool:
        return super().validate(extra_validators) and bool(self.verdict_reason())


class BulkForm(FlaskForm):
    ids = SelectMultipleField("Questions", coerce=int, validate_choice=False)
    action = StringField(validators=[DataRequired()])  # the button pressed
    reason = StringField("Reason (to reject)", validators=[Optional(), Length(max=500)])


class ThresholdForm(FlaskForm):
    # The default comes from the quality score's fit on blind judgements.
    threshold = DecimalField("Approve every draft scoring at least",
                             default=lambda: round(approve_above(), 2), places=2,
                             validators=[DataRequired(), NumberRange(min=0, max=1)])


class MoveForm(FlaskForm):
    target = SelectField("Move to set", coerce=int)


class SetBulkForm(FlaskForm):
    """What to do with the questions ticked on the set page."""
    ids = SelectMultipleField("Questions", coerce=int, validate_choice=False)
    action = SelectField("With the ticked questions", choices=options([
        ("approve", "Approve"), ("draft", "Send back to drafts"), ("move", "Move to the set…"),
        ("delete", "Delete")]))
    target = SelectField("Set to move them to", coerce=int, validate_choice=False,
                         validators=[Optional()])


class ImportForm(FlaskForm):
    upload = FileField("Question file", description="Our bank JSON, Moodle GIFT (.gift, .txt), "
                                                    "Moodle XML (.xml) or CSV.")
    target = SelectField("Into", coerce=int)
    status = RadioField("New questions are", default="approved",
                        choices=options([("approved", "approved: ready for students"),
                                         ("draft", "drafts: I will review them first")]))
