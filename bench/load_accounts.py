"""The benchmark class's logins, shared by the seeding and the load generator."""
PASSWORD = "password123"


def email(n: int) -> str:
    return f"student{n}@bench.quizapp.org"
