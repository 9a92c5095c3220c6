"""The teacher's forms (Flask-WTF: each carries a CSRF token). Kind rules live in the kinds
registry; the authoring service turns its problems into messages on these fields."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    DecimalField,
    Field,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

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
    due_on = DateField("Due date (optional)", validators=[Optional()],
                       description="Shown to students beside the set.")

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.starts_on.data and self.due_on.data and self.due_on.data < self.starts_on.data:
            self.due_on.errors = ["The due date comes before the start date."]
            return False
        return True


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


MAX_CHOICES = 6  # boxes for choices on a new question; an edited one gets one spare
# What to write in the question box, for each kind (the page shows the chosen kind's only).
PROMPT_HINTS = {
    "mcq": "The question; its choices come below.",
    "cloze": "A sentence with the blank written as _____ (three or more underscores).",
    "short": "A question whose answer is a word or a few.",
    "truefalse": "A statement; students are asked whether it is true or false.",
}
TYPED_KINDS = ("cloze", "short")  # the kinds whose answer is typed in the answer box


class ChoicesField(Field):
    """Multiple choice's boxes, all of one name, in page order: empty boxes are kept so that
    the index the "right answer" circle sends points at its own box."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, default=list, **kwargs)

    def process_formdata(self, valuelist):
        self.data = [value.strip() for value in valuelist]

    def pre_validate(self, form):
        if any(len(value) > 500 for value in self.data) or len(self.data) > 20:
            raise ValidationError("Up to 20 choices of up to 500 characters each.")


class QuestionForm(FlaskForm):
    kind = SelectField("Kind", choices=options((k.name, k.label) for k in KIND_REGISTRY.values()))
    category = SelectField("Category", choices=options((c, c.capitalize()) for c in CATEGORIES))
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=2000)])
    answer = StringField("Answer", validators=[Optional(), Length(max=500)])
    accepted = TextAreaField("Other accepted answers", validators=[Optional()],
                             description="One a line, for typed answers.")
    choices = ChoicesField("Choices")
    right = RadioField("The right answer", validate_choice=False, validators=[Optional()],
                       choices=options((str(i), f"Choice {i + 1}") for i in range(20)))
    truth = RadioField("The statement is", validators=[Optional()],
                       choices=options([("true", "True"), ("false", "False")]))
    tags = StringField("Tags", validators=[Optional(), Length(max=500)],
                       description="Separated by commas.")
    explanation = TextAreaField("Explanation (optional)",
                                validators=[Optional(), Length(max=4000)])

    def right_choice(self) -> str:
        """The text of the choice marked right ("" when none, or an empty box, is marked)."""
        index = int(self.right.data) if (self.right.data or "").isdigit() else -1
        boxes = self.choices.data
        return boxes[index] if 0 <= index < len(boxes) else ""

    def choice_boxes(self) -> list[str]:
        """The boxes to show: the choices so far and empty ones, at least ``MAX_CHOICES``."""
        boxes = list(self.choices.data)
        if len(boxes) < MAX_CHOICES:
            return boxes + [""] * (MAX_CHOICES - len(boxes))
        return boxes + ([""] if boxes[-1] else [])  # a spare box when all are used

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        kind = self.kind.data
        missing = {"cloze": (self.answer, not (self.answer.data or "").strip(),
                             "This field is required."),
                   "short": (self.answer, not (self.answer.data or "").strip(),
                             "This field is required."),
                   "mcq": (self.right, not self.right_choice(),
                           "Mark the right answer: the circle beside its choice."),
                   "truefalse": (self.truth, self.truth.data not in ("true", "false"),
                                 "Choose whether the statement is true or false.")}
        field, empty, message = missing.get(kind, (None, False, ""))
        if empty:
            field.errors = [*field.errors, message]
        return valid and not empty

    def values(self) -> dict:
        kind = self.kind.data
        answer = {"mcq": self.right_choice(), "truefalse": self.truth.data}.get(
            kind, self.answer.data)
        return {"kind": kind, "category": self.category.data,
                "prompt": self.prompt.data, "answer": answer,
                # Kept for every kind: a generated multiple-choice question has typed
                # alternatives too, in a box its page does not show.
                "accepted": lines(self.accepted.data),
                "choices": list(self.choices.data),
                "tags": [t.strip() for t in (self.tags.data or "").split(",")],
                "explanation": self.explanation.data}

    def fill(self, question) -> None:
        for name in ("kind", "category", "prompt", "explanation"):
            getattr(self, name).data = getattr(question, name)
        self.answer.data = question.answer if question.kind in TYPED_KINDS else ""
        self.truth.data = question.answer if question.kind == "truefalse" else None
        self.accepted.data = "\n".join(question.accepted)
        self.choices.data = list(question.choices)
        if question.answer in question.choices:
            self.right.data = str(question.choices.index(question.answer))
        self.tags.data = ", ".join(question.tags)

    def add_problems(self, problems: list[str]) -> None:
        """Put "field: message" problems from the kinds registry on their fields."""
        aliases = {"choices": "right", "answer": "truth" if self.kind.data == "truefalse"
                   else "answer"}
        for problem in problems:
            name, _, message = problem.partition(": ")
            name = name.split(".")[0].split("[")[0]
            field = getattr(self, aliases.get(name, name), None)
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
    title = StringField("Name of the new set (optional)", validators=[Optional(), Length(max=300)],
                        description="Left empty, the name comes from the file: its $CATEGORY "
                                    "line (GIFT, Moodle XML) or its title; a CSV file's name.")
    status = RadioField("New questions are", default="approved",
                        choices=options([("approved", "approved: ready for students"),
                                         ("draft", "drafts: I will review them first")]))
