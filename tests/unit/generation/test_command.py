"""The ``bank generate`` command: files and folders in, bank files or standard output out."""
import json

import pytest
from click.testing import CliRunner

from quizapp.bank import load_bank
from quizapp.generation.command import generate_command

pytestmark = pytest.mark.slow
ARTICLE = ("Floods in Dhaka\n\nHeavy rain flooded Dhaka, the capital of Bangladesh, on Monday. "
           "Prime Minister Sheikh Hasina visited the city on Tuesday. The Brahmaputra river rose "
           "by two metres, and the army evacuated 3,000 people from Sylhet.\n")


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "dhaka.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF")  # not an article: left alone
    return articles


def test_folder_in_bank_files_out(folder, tmp_path):
    out = tmp_path / "questions"
    result = CliRunner().invoke(generate_command, [str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    bank = load_bank(out / "floods-in-dhaka.json")
    assert bank["article"]["title"] == "Floods in Dhaka"
    assert bank["questions"]
    assert "articles: 1, questions:" in result.output
    assert f"wrote {out / 'floods-in-dhaka.json'}" in result.output


def test_out_dash_prints_the_bank(folder):
    runner = CliRunner()
    result = runner.invoke(generate_command, [str(folder / "dhaka.txt"), "--out", "-"])
    assert result.exit_code == 0
    bank = json.loads(result.stdout)
    assert bank["format"] == "quizapp-bank" and bank["generator"]["name"] == "quizapp"


def test_bad_input_exits_non_zero_with_the_reason(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    result = CliRunner().invoke(generate_command, [str(bad), "--out", str(tmp_path / "q")])
    assert result.exit_code == 1
    assert "not UTF-8 text (invalid byte 0xe9 at offset 3)" in result.output


def test_missing_path_and_empty_folder(tmp_path):
    result = CliRunner().invoke(generate_command, [str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
    result = CliRunner().invoke(generate_command, [str(tmp_path)])
    assert result.exit_code == 2 and "no .txt, .md or .html articles" in result.output
