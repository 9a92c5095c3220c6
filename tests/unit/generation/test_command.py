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
    bank = load_bank(out / "dhaka.json")  # named by the input file's stem
    assert bank["article"]["title"] == "Floods in Dhaka"
    assert bank["questions"]
    assert "articles: 1, questions:" in result.output
    assert f"wrote {out / 'dhaka.json'}" in result.output
    assert f"{folder / 'dhaka.txt'} → {out / 'dhaka.json'} (new): “Floods in Dhaka”, " \
           f"{len(bank['questions'])} questions (" in result.output


def _story(city: str) -> str:
    return (f"Floods in Bangladesh\n\nFloods hit {city} on Monday. Prime Minister Sheikh Hasina visited {city} "
            "on Tuesday, and the army evacuated 3,000 people from Sylhet.\n")


def test_alike_headlines_give_one_bank_each_and_nothing_is_overwritten(tmp_path):
    articles = tmp_path / "articles"
    (articles / "later").mkdir(parents=True)
    for name, city in (("cnn-a", "Dhaka"), ("cnn-b", "Chittagong"), ("cnn-c", "Khulna")):
        (articles / f"{name}.txt").write_text(_story(city), encoding="utf-8")
    (articles / "later" / "cnn-a.txt").write_text(_story("Rajshahi"), encoding="utf-8")
    out = tmp_path / "questions"
    out.mkdir()
    (out / "cnn-b.json").write_text("a teacher's notes, not a bank", encoding="utf-8")
    result = CliRunner().invoke(generate_command, [str(articles), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = {p.name: load_bank(p)["article"]["text"] for p in out.glob("*.json")
             if p.name != "cnn-b.json"}
    assert sorted(names) == ["cnn-a-2.json", "cnn-a.json", "cnn-b-2.json", "cnn-c.json"]
    assert {load_bank(out / n)["article"]["title"] for n in names} == {"Floods in Bangladesh"}
    assert len(set(names.values())) == 4  # four articles, four banks
    assert "Rajshahi" in names["cnn-a.json"] or "Rajshahi" in names["cnn-a-2.json"]
    assert (out / "cnn-b.json").read_text("utf-8") == "a teacher's notes, not a bank"
    assert "(new, cnn-b.json holds another article)" in result.output
    assert "articles: 4, questions:" in result.output
    again = CliRunner().invoke(generate_command, [str(articles / "cnn-c.txt"), "--out", str(out)])
    assert again.exit_code == 0 and f"{out / 'cnn-c.json'} (replaced)" in again.output
    assert len(list(out.glob("*.json"))) == 5


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
