"""The bad-input corpus against every upload and import route: each file is answered 4xx with
a message naming its problem, and the row count of every table is the same before and after."""
from __future__ import annotations

import html
import io

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.extensions import db
from tests.web.bad_inputs import ARTICLES, IMPORTS

IMPORT_URL, ARTICLE_URL = "/teacher/import", "/teacher/articles/new"


def row_counts() -> dict[str, int]:
    db.session.expire_all()
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def send_file(actions, url: str, fields: dict, filename: str, data: bytes):
    # Encoded here in memory: the test client would spool a big body to a file it never closes.
    boundary, body = encode_multipart({
        "csrf_token": actions.token(url), **fields,
        "upload": FileStorage(io.BytesIO(data), filename=filename)})
    return actions.client.post(url, data=body,
                               content_type=f"multipart/form-data; boundary={boundary}")


@pytest.fixture
def as_teacher(actions, make_user):
    make_user("teach@example.com", "teacher")
    actions.login("teach@example.com")
    return actions


def assert_refused(response, words: list[str], before: dict[str, int]) -> None:
    page = html.unescape(response.get_data(as_text=True))
    assert 400 <= response.status_code < 500, (response.status_code, page[-2000:])
    for word in words:
        assert word in page, (word, page[-3000:])
    assert row_counts() == before


@pytest.mark.parametrize("name,filename,data,words", IMPORTS, ids=[c[0] for c in IMPORTS])
def test_the_import_page_refuses_bad_files(as_teacher, name, filename, data, words):
    before = row_counts()
    response = send_file(as_teacher, IMPORT_URL, {"target": "0", "status": "approved"},
                         filename, data)
    assert_refused(response, words, before)


@pytest.mark.parametrize("name,filename,data,words", ARTICLES, ids=[c[0] for c in ARTICLES])
def test_the_article_page_refuses_bad_files(as_teacher, name, filename, data, words):
    before = row_counts()
    response = send_file(as_teacher, ARTICLE_URL, {"text": "", "seed": "", "title": ""},
                         filename, data)
    assert_refused(response, words, before)


def test_an_over_long_title_typed_on_the_article_page_is_refused(as_teacher):
    before = row_counts()
    response = as_teacher.post(ARTICLE_URL, {"text": "News from Paris today.", "seed": "",
                                             "title": "T" * 301})
    assert_refused(response, ["300 characters"], before)


@pytest.mark.parametrize("url,fields", [
    (IMPORT_URL, {"target": "0", "status": "approved"}),
    (ARTICLE_URL, {"text": "My notes", "seed": "", "title": ""}),
])
def test_a_file_over_the_request_limit_is_answered_on_the_form(as_teacher, url, fields):
    before = row_counts()
    response = send_file(as_teacher, url, fields, "enormous.txt", b"x" * 6_000_000)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 413
    assert 'enctype="multipart/form-data"' in page  # the form, to choose another file
    assert "5.7 MB" in page and "limit" in page
    assert row_counts() == before


ON_DISK = [c for c in IMPORTS if c[0] != "file name too long"]  # too long for a file system


@pytest.mark.parametrize("name,filename,data,words", ON_DISK, ids=[c[0] for c in ON_DISK])
def test_bank_import_on_the_command_line_refuses_bad_files(app, runner, tmp_path, name,
                                                           filename, data, words):
    path = tmp_path / filename
    path.write_bytes(data)
    before = row_counts()
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    for word in words:
        assert word in result.output, (word, result.output)
    assert row_counts() == before


def test_a_bad_file_is_told_under_the_file_field_not_the_paste_box(as_teacher):
    response = send_file(as_teacher, ARTICLE_URL, {"text": "", "seed": "", "title": ""},
                         "latin.txt", "Caf\u00e9 news.".encode("latin-1"))
    page = response.get_data(as_text=True)
    errors = page[page.index('id="upload-errors"'):]
    assert "not UTF-8" in errors[:errors.index("</ul>")]
    assert 'id="text-errors"' not in page
