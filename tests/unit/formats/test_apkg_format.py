"""Anki packages: opened with Anki's own library, cards shown escaped, re-import updates notes."""
from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from io import BytesIO

import pytest
from anki import collection as anki_collection

from quizapp.formats import FORMATS, FormatError, export_questions, import_questions
from quizapp.formats.apkg import MODEL_ID, deck_id, note_guid

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)


def _import(tmp_path, data: bytes, col=None):
    package = tmp_path / f"set-{len(list(tmp_path.iterdir()))}.apkg"
    package.write_bytes(data)
    col = col or anki_collection.Collection(str(tmp_path / "collection.anki2"))
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(package), options=anki_collection.ImportAnkiPackageOptions())
    return col, col.import_anki_package(request).log


def _notes(col) -> dict[str, object]:
    return {col.get_note(nid)["QuizappId"]: col.get_note(nid) for nid in col.find_notes("")}


def test_anki_opens_the_package_and_shows_every_card(tmp_path, questions, article):
    data = export_questions("apkg", questions, title="Strikes", article=article, now=NOW)
    col, log = _import(tmp_path, data)
    try:
        assert (len(log.new), len(log.updated), len(log.duplicate)) == (len(questions), 0, 0)
        assert col.note_count() == col.card_count() == len(questions)
        assert "Strikes" in [d.name for d in col.decks.all_names_and_ids()]
        notes = _notes(col)
        mcq = notes["q-0a1b2c3d4e5f6071"]
        assert mcq["Prompt"].startswith("Who said \"&lt;script&gt;alert(1)&lt;/script&gt;\"")
        assert "<br>Hint: ~ = # { } : \\ //" in mcq["Prompt"]
        assert "<li>&lt;b&gt;bold&lt;/b&gt; &amp; co</li>" in mcq["Choices"]
        assert mcq["Answer"] == "Amir-Abdollahian’s ministry"
        assert mcq["Source"] == "Amir-Abdollahian’s ministry defended the strikes."
        assert set(mcq.tags) == {"quizapp::who", "quizapp::mcq", "iran", "foreign_ministers"}
        assert mcq.guid == note_guid("q-0a1b2c3d4e5f6071")
        assert notes["q-cloze:where.1"]["Accepted"] == "Baluchistan, Balochistan Province"
        assert notes["q-tf-1"]["Answer"] == "True"
        card = col.get_card(mcq.card_ids()[0])
        question, answer = card.question(), card.answer()
        assert "<script>" not in question and "<script>" not in answer
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in question
        assert "Amir-Abdollahian’s ministry defended the strikes." in answer
    finally:
        col.close()


def test_a_second_export_updates_the_same_notes(tmp_path, questions):
    first = export_questions("apkg", questions, title="Strikes", now=NOW)
    questions[2]["prompt"] = "When did Pakistan strike back? (corrected)"
    second = export_questions("apkg", questions, title="Strikes", now=LATER)
    col, _ = _import(tmp_path, first)
    try:
        before = {n.guid: n.id for n in _notes(col).values()}
        col, log = _import(tmp_path, second, col)
        assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, len(questions), 0)
        assert col.note_count() == len(questions)
        notes = _notes(col)
        assert {n.guid: n.id for n in notes.values()} == before
        assert notes["q-short-when"]["Prompt"] == "When did Pakistan strike back? (corrected)"
    finally:
        col.close()


def _ids(data: bytes) -> tuple:
    import sqlite3
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".anki2") as db_file:
        db_file.write(zipfile.ZipFile(BytesIO(data)).read("collection.anki2"))
        db_file.flush()
        db = sqlite3.connect(db_file.name)
        try:
            guids = [row[0] for row in db.execute("select guid from notes order by guid")]
            models = {row[0] for row in db.execute("select mid from notes")}
            decks = {row[0] for row in db.execute("select did from cards")}
        finally:
            db.close()
    return guids, models, decks


def test_ids_are_stable_across_exports(questions):
    first = _ids(export_questions("apkg", questions, title="Strikes", now=NOW))
    second = _ids(export_questions("apkg", questions, title="Strikes", now=LATER))
    assert first == second
    guids, models, decks = first
    assert sorted(guids) == sorted(note_guid(q["id"]) for q in questions)
    assert models == {MODEL_ID} and decks == {deck_id("strikes")}
    assert 1 << 30 <= MODEL_ID < 1 << 31
    other = _ids(export_questions("apkg", questions, title="Strikes", slug="other", now=NOW))
    assert other[2] == {deck_id("other")} != decks


def test_anki_export_needs_the_time_and_is_export_only(questions):
    with pytest.raises(ValueError, match="needs now"):
        export_questions("apkg", questions, title="Strikes")
    assert FORMATS["apkg"].importer is None
    data = export_questions("apkg", questions, title="Strikes", now=NOW)
    with pytest.raises(FormatError, match="cannot be imported"):
        import_questions(data, filename="strikes.apkg")
