"""Generation runs in a child process: the web worker that launched it never loads spaCy."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_the_web_worker_never_loads_the_language_model(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from flask_migrate import upgrade
        from quizapp import create_app
        from quizapp.extensions import db
        from quizapp.generation import read_article
        from quizapp.models import GenerationJob
        from quizapp.services import accounts, generation_jobs

        app = create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path / 'g.sqlite'}",
                          "SECRET_KEY": "x", "QUESTIONS_DIR": "{tmp_path}"}})
        with app.app_context():
            upgrade()
            teacher = accounts.create_user(db.session, "t@example.com", "password123",
                                           role="teacher")
            article = read_article(open("{ROOT / 'seeds' / '000_a09212d6aeb45f40.txt'}", "rb")
                                   .read(), filename="seed.txt")
            row = generation_jobs.save_article(db.session, teacher, article)
            job, _ = generation_jobs.start_job(db.session, teacher, row)
            db.session.commit()
            job_id = job.id
            generation_jobs.launch(app, job_id)
            db.session.remove()
            generation_jobs.wait(app, job_id)
            job = db.session.get(GenerationJob, job_id)
            print(job.status, job.progress, "spacy" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["done", "100", "False"], result.stdout + result.stderr
