"""Import and export in the browser and on the command line: every format, round trips,
located problems with nothing written, and script shown as text in pages and files."""
from __future__ import annotations

import io
import json

import pytest
from anki import collection as anki_collection
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.bank import load_bank, slugify
from quizapp.extensions import db
from quizapp.formats import FORMATS
from quizapp.models import Question, QuestionSet
from quizapp.services import authoring
from tests.web.teacher.conftest import TINY

ROUND_TRIP = ("json", "gift", "moodle", "csv")
FIELDS = ("kind", "prompt", "answer", "accepted", "choices")


@pytest.fixture
def approved(drafts):
    for q in drafts.questions:
        q.status = "approved"
    q = drafts.questions[0]
    q.prompt = "Who said <script>alert(1)</script> in Tehran?"
    db.session.commit()
    return drafts


def send(as_teacher, data: bytes, filename: str, target: int = 0, status: str = "approved"):
    boundary, body = encode_multipart({
        "csrf_token": as_teacher.token("/teacher/import"), "target": str(target),
        "status": status, "upload": FileStorage(io.BytesIO(data), filename=filename)})
    return as_teacher.client.post("/teacher/import", data=body,
                                  content_type=f"multipart/form-data; boundary={boundary}")


def content(set_id: int, fmt: str = "json") -> list[tuple]:
    rows = db.session.scalars(select(Question).where(Question.set_id == set_id)
                              .order_by(Question.position))
    out = [tuple(getattr(q, f) for f in FIELDS) for q in rows]
    if fmt == "moodle":
        # Moodle XML has no place for typed alternatives of a multiple-choice question (a
        # student picks a choice there), so they do not come back: compare without them.
        out = [t[:3] + (t[3] if t[0] != "mcq" else [],) + t[4:] for t in out]
    return out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_downloads(as_teacher, approved, fmt):
    response = as_teacher.client.get(f"/teacher/sets/{approved.id}/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="tiny-test-article{FORMATS[fmt].extension}"')
    assert response.data


@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_round_trip_through_the_browser(as_teacher, approved, fmt):
    data = as_teacher.client.get(f"/teacher/sets/{approved.id}/export/{fmt}").data
    approved.title = "The original"  # else the import fills the set of the same title
    db.session.commit()
    response = send(as_teacher, data, f"again{FORMATS[fmt].extension}")
    assert response.status_code == 302, response.get_data(as_text=True)
    copy = db.session.scalar(select(QuestionSet).where(QuestionSet.id != approved.id))
    assert content(copy.id, fmt) == content(approved.id, fmt)
    page = as_teacher.client.get(response.location).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page


def test_importing_into_an_existing_set_updates_by_id(as_teacher, approved):
    data = as_teacher.client.get(f"/teacher/sets/{approved.id}/export/json").data
    page = send(as_teacher, data, "same.json", target=approved.id)
    assert page.status_code == 302
    flashed = as_teacher.client.get(page.location).get_data(as_text=True)
    assert "0 new, 0 updated, 4 unchanged" in flashed
    assert db.session.scalar(select(func.count()).select_from(Question)) == 4


def test_the_same_file_sent_twice_is_imported_once(as_teacher, approved):
    data = as_teacher.client.get(f"/teacher/sets/{approved.id}/export/csv").data
    approved.title = "The original"
    db.session.commit()
    for _ in range(2):
        assert send(as_teacher, data, "week 3.csv").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 2
    assert db.session.scalar(select(func.count()).select_from(Question)) == 8


def test_an_invalid_file_reports_every_problem_and_writes_nothing(as_teacher, teacher):
    gift = (b"::one:: Who spoke in Tehran? {=Amir-Abdollahian}\n\n"
            b"::two:: Which city? {=Tehran ~Tehran}\n\n"
            b"::three:: A question with no answers {}\n")
    response = send(as_teacher, gift, "broken.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Nothing was imported" in page
    assert "line 3" in page and "line 5" in page
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0


def test_an_anki_package_is_refused_as_an_import(as_teacher, approved):
    data = as_teacher.client.get(f"/teacher/sets/{approved.id}/export/apkg").data
    response = send(as_teacher, data, "set.apkg")
    assert response.status_code == 400 and "cannot be imported" in response.get_data(True)


def test_script_in_an_imported_file_is_text_in_pages_and_exports(as_teacher):
    csv = b'question,answer\n"<script>alert(1)</script> Who?","<img src=x onerror=alert(2)>"\n'
    response = send(as_teacher, csv, "evil.csv")
    assert response.status_code == 302
    page = as_teacher.client.get(response.location).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    qset = db.session.scalar(select(QuestionSet))
    xml = as_teacher.client.get(f"/teacher/sets/{qset.id}/export/moodle").get_data(as_text=True)
    # HTML question text, escaped as HTML and again as XML: Moodle shows the tag as text.
    assert "<script>" not in xml and "&amp;lt;script&amp;gt;" in xml
    gift = as_teacher.client.get(f"/teacher/sets/{qset.id}/export/gift").get_data(as_text=True)
    assert "::[plain]<script>alert(1)</script> Who?" in gift  # [plain]: Moodle shows text


def test_the_anki_package_opens_in_anki(as_teacher, approved, tmp_path):
    package = tmp_path / "set.apkg"
    package.write_bytes(as_teacher.client.get(f"/teacher/sets/{approved.id}/export/apkg").data)
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(package), options=anki_collection.ImportAnkiPackageOptions())
        log = col.import_anki_package(request).log
        assert len(log.new) == col.card_count() == 4
        questions = [col.get_card(c).question() for c in col.find_cards("")]
        assert not any("<script>" in q for q in questions)
        assert any("&lt;script&gt;" in q for q in questions)
    finally:
        col.close()


@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_bank_export_and_import_on_the_command_line(runner, approved, teacher, tmp_path, fmt):
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    result = runner.invoke(args=["bank", "export", approved.slug, "--format", fmt,
                                 "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 questions of tiny-test-article" in result.output
    if fmt == "json":
        assert load_bank(path)["questions"][0]["id"] == "q-tiny-who-mcq"
        return
    db.session.delete(approved)
    db.session.commit()
    result = runner.invoke(args=["bank", "import", str(path), "--owner", teacher.email])
    assert result.exit_code == 0, result.output
    assert "4 new, 0 updated" in result.output
    again = runner.invoke(args=["bank", "import", str(path), "--owner", teacher.email])
    assert "0 new, 0 updated, 4 unchanged" in again.output
    assert db.session.scalar(select(func.count()).select_from(Question)) == 4


def test_bank_export_by_id_to_standard_output_and_a_missing_set(runner, approved):
    result = runner.invoke(args=["bank", "export", str(approved.id), "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.output)["article"]["title"] == approved.title
    result = runner.invoke(args=["bank", "export", "no-such-set", "-o", "-"])
    assert result.exit_code != 0 and "No set 'no-such-set'" in result.output


def test_bank_import_reports_problems_of_a_broken_file(runner, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<quiz><question type='multichoice'><name><text>x</text></name>"
                    "</question></quiz>")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0 and "not imported" in result.output
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0


def test_bank_generate_is_attached(runner):
    result = runner.invoke(args=["bank", "generate", "--help"])
    assert result.exit_code == 0 and "Generate question banks" in result.output


def test_export_skips_drafts_unless_asked(drafts):
    assert authoring.exportable(drafts) == []
    assert [q["id"] for q in authoring.exportable(drafts, drafts=True)] == [
        q["id"] for q in load_bank(TINY)["questions"]]


def test_import_without_a_file_asks_for_one(as_teacher):
    response = as_teacher.post("/teacher/import", {"target": "0", "status": "approved"})
    assert response.status_code == 400
    assert "Choose a file to import." in response.get_data(as_text=True)


@pytest.mark.parametrize("fmt", ["gift", "moodle"])  # the formats that name their set
def test_reimporting_an_export_into_its_set_loses_nothing(runner, approved, teacher, tmp_path,
                                                          fmt):
    """A format that cannot carry a field (Moodle has no source sentence, no quality score)
    leaves that field of the set's questions as it was."""
    approved.slug = slugify(approved.title)  # the file's title names this set
    db.session.commit()
    before = {q.uid: q.to_bank() for q in approved.questions}
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    runner.invoke(args=["bank", "export", approved.slug, "--format", fmt, "-o", str(path)])
    result = runner.invoke(args=["bank", "import", str(path), "--owner", teacher.email])
    assert result.exit_code == 0, result.output
    assert f"{approved.slug}: 0 new, 0 updated, 4 unchanged" in result.output
    db.session.expire_all()
    assert {q.uid: q.to_bank() for q in approved.questions} == before


def test_a_gift_file_imports_what_it_can_and_lists_what_it_skipped(as_teacher, teacher):
    gift = (b"$CATEGORY: $course$/top/Week 3\n\n"
            b"::one:: Who spoke in Tehran? {=Amir-Abdollahian}\n\n"
            b"::essay:: Write about the strikes. {}\n\n"
            b"::two:: Pakistan recalled its ambassador. {TRUE}\n")
    response = send(as_teacher, gift, "week 3.gift")
    assert response.status_code == 302
    page = as_teacher.client.get(response.location).get_data(as_text=True)
    assert "1 question not imported: line 5: question 2 (essay): an essay question" in page
    assert db.session.scalar(select(func.count()).select_from(Question)) == 2


def send_named(as_teacher, data: bytes, filename: str, title: str):
    boundary, body = encode_multipart({
        "csrf_token": as_teacher.token("/teacher/import"), "target": "0", "title": title,
        "status": "approved", "upload": FileStorage(io.BytesIO(data), filename=filename)})
    return as_teacher.client.post("/teacher/import", data=body,
                                  content_type=f"multipart/form-data; boundary={boundary}")


def test_a_gift_file_names_its_set_from_its_category(as_teacher, teacher):
    gift = (b"$CATEGORY: $course$/top/Capitals of Europe\n\n"
            b"::one:: Capital of France? {=Paris}\n")
    assert send(as_teacher, gift, "week 3.gift").status_code == 302
    assert db.session.scalar(select(QuestionSet.title)) == "Capitals of Europe"


def test_a_gift_file_that_names_no_set_asks_for_a_name(as_teacher, teacher):
    gift = b"::one:: Capital of France? {=Paris}\n"
    response = send(as_teacher, gift, "week 3.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "does not name its set" in page
    assert 'id="title-errors"' in page
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 0
    assert send_named(as_teacher, gift, "week 3.gift", "Capitals").status_code == 302
    assert db.session.scalar(select(QuestionSet.title)) == "Capitals"
