"""The database models, one module per area; import them from here."""
from quizapp.models.base import db
from quizapp.models.classes import Assignment, Enrolment, SchoolClass
from quizapp.models.content import Article, GenerationJob, Question, QuestionSet
from quizapp.models.quizzes import Quiz, QuizAnswer, QuizAttempt
from quizapp.models.study import Card, Review, StudyAnswer
from quizapp.models.users import ROLES, User

__all__ = [
    "db", "Assignment", "Enrolment", "SchoolClass", "Article", "GenerationJob", "Question",
    "QuestionSet", "Quiz", "QuizAnswer", "QuizAttempt", "Card", "Review", "StudyAnswer", "ROLES",
    "User",
]
