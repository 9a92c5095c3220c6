"""Blind judging: the packet shows a judge nothing but the questions, the key keeps the rest,
and verdicts come back into the protocol's figures with every unreadable line reported."""
import json
import re

import pytest
from click.testing import CliRunner

from quizapp.generation.figures import figures_markdown
from quizapp.generation.packets import best_first, build_items, key_document, packet_markdown
from quizapp.generation.sample import main as sample
from quizapp.generation.splits import CorpusArticle, split_of
from quizapp.generation.verdicts import cohen_kappa, read_verdicts, roc_auc, rubric_test


def _question(n, score, kind="short", category="who"):
    q = {"id": f"q-{n:04d}", "kind": kind, "category": category, "prompt": f"Who did thing {n}?",
         "answer": f"Person {n}", "accepted": [f"P{n}"],
         "quality": {"score": score, "signals": {"rule": "clause-subject", "secret": n}}}
    if kind == "mcq":
        q["choices"] = [f"Person {n}", "Other A", "Other B", "Other C"]
    return q


def _articles_and_banks():
    articles = [CorpusArticle(id=f"enwikinews-{i}", title=f"Story {i}", date="2008-01-02",
                              url=f"https://en.wikinews.org/wiki/Story_{i}",
                              text=f"First paragraph {i}.\n\nSecond paragraph {i}.")
                for i in range(2)]
    banks = [{"article": {"sha256": str(i)}, "rejected": [],
              "questions": [_question(10 * i + n, score=n / 10,
                                      kind="mcq" if n == 9 else "short") for n in range(10)]}
             for i in range(2)]
    return articles, banks


def test_best_first_is_the_review_queues_order():
    qs = [_question(1, 0.5), _question(2, 0.9), _question(3, 0.5)]
    assert [q["id"] for q in best_first(qs)] == ["q-0002", "q-0001", "q-0003"]


def test_items_take_the_top_and_random_others_shuffled_within_the_article():
    articles, banks = _articles_and_banks()
    items = build_items(articles, banks, top=3, others=2, seed=4)
    assert [i.number for i in items] == list(range(1, 11))
    first = [i for i in items if i.article.id == "enwikinews-0"]
    assert sorted(i.question["id"] for i in first if i.group == "top") == \
        ["q-0007", "q-0008", "q-0009"]
    assert all(i.rank > 3 for i in first if i.group == "random") and len(first) == 5
    assert items == build_items(articles, banks, top=3, others=2, seed=4)  # seeded
    orders = {tuple(i.group for i in build_items(articles, banks, 3, 2, seed))
              for seed in range(8)}
    assert len(orders) > 1  # the groups are not in a fixed place


def test_packet_shows_no_score_signal_group_or_id_and_the_key_keeps_them():
    articles, banks = _articles_and_banks()
    items = build_items(articles, banks, top=3, others=2, seed=4)
    text = packet_markdown(items, {})
    assert "Who did thing 9?" in text and "Other A · Other B" in text and "Also accepted: P9" in text
    assert "First paragraph 0." in text and "CC BY 2.5" in text and "wikinews.org" in text
    assert "ITEM<TAB>yes|no<TAB>" in text
    for hidden in ("q-00", "score", "0.9", "secret", "clause-subject", "group", "rank"):
        assert hidden not in text.lower(), hidden
    assert not re.search(r"\b(?:top|random|best)\b", text, re.IGNORECASE)
    key = key_document(articles, banks, items, {"split": "dev", "seed": 4})
    entry = key["items"]["1"]
    assert set(entry) >= {"article_id", "question_id", "kind", "category", "group", "score",
                          "signals"}
    assert entry["signals"]["secret"] >= 0 and key["articles"][0]["questions"] == 10


KEY = {"format": "quizapp-judging-key", "split": "dev", "seed": 3, "top": 1, "random": 1,
       "articles": [{"id": "a"}, {"id": "b"}],
       "items": {"1": {"group": "top", "kind": "mcq", "category": "who", "score": 0.9},
                 "2": {"group": "random", "kind": "cloze", "category": "what", "score": 0.2},
                 "3": {"group": "top", "kind": "short", "category": "who", "score": 0.8},
                 "4": {"group": "random", "kind": "cloze", "category": "number", "score": 0.5}}}


def test_verdict_problems_are_reported_by_line():
    text = ("# a comment\n1\tyes\tfine\n2\tno\tworth asking: a data source\n"
            "2\tyes\tagain\n3\tmaybe\thm\n9\tyes\tx\nonly-one-field\n4\tno\tI dislike it\n")
    verdicts, problems = read_verdicts(text, KEY["items"], label="v.tsv")
    assert sorted(verdicts) == ["1", "2", "4"]
    assert verdicts["2"].test == "worth asking" and not verdicts["4"].acceptable
    assert problems == [
        "v.tsv line 4: item 2 judged again (first on line 3); the first verdict counts",
        "v.tsv line 5: verdict 'maybe' for item 3 is not yes or no",
        "v.tsv line 6: item '9' is not in the key",
        "v.tsv line 7: expected ITEM<TAB>yes|no<TAB>reason, found 'only-one-field'",
        "v.tsv line 8: item 4: the reason names no rubric test (well-formed, correct, stands "
        "alone, multiple choice, worth asking); counted as no",
        "v.tsv: item 3 has no verdict"]


def test_reasons_map_to_the_first_test_they_name():
    assert rubric_test("Stands alone: no country for 'the jobless rate'") == "stands alone"
    assert rubric_test("badly formed; also not worth asking") == "well-formed"
    assert rubric_test("wrong: 'Dems' accepted for 'Lib Dems'") == "correct"
    assert rubric_test("nice") is None


def test_kappa_and_auc():
    assert cohen_kappa([True, True, False, False], [True, True, False, False]) == 1.0
    assert cohen_kappa([True, False, True, False], [True, True, False, False]) == 0.0
    assert cohen_kappa([True, True], [True, True]) is None
    assert roc_auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert roc_auc([0.1, 0.9, 0.4, 0.6], [True, False, True, False]) == 0.0


def test_figures_from_verdicts():
    first, problems = read_verdicts("1\tyes\t-\n2\tno\twell-formed: run-on\n3\tyes\t-\n"
                                    "4\tno\tworth asking: exact percentage\n", KEY["items"])
    second, _ = read_verdicts("1\tyes\t-\n2\tyes\t-\n3\tyes\t-\n", KEY["items"], complete=False)
    text = figures_markdown(KEY, first, problems, second)
    assert problems == []
    assert "| best-scored (top of each bank) | 2/2 (100.0 %" in text
    assert "| random others | 0/2 (0.0 %" in text and "+100.0 points" in text
    assert "| overall | 2/4 (50.0 %" in text
    assert "| mcq | 1/1 (100 %) | 0/0 | 1/1 (100 %) |" in text
    assert "| well-formed | 1 | run-on |" in text and "| worth asking | 1 |" in text
    assert "Multiple choice among the best-scored: 1 of 2 (50.0 %)" in text
    assert "ROC AUC 1.000 over 4 questions" in text
    assert "agreement 2/3 (66.7 %), Cohen's kappa 0.00" in text and "differently: 2." in text


def test_figures_command_prints_then_exits_1_on_a_missing_verdict(tmp_path):
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "v.tsv").write_text("1\tyes\t-\n2\tno\tcorrect: wrong year\n3\tyes\t-\n")
    result = CliRunner().invoke(sample, ["figures", str(tmp_path), "--verdicts",
                                         str(tmp_path / "v.tsv")])
    assert result.exit_code == 1
    assert "v.tsv: item 4 has no verdict" in result.output and "| overall | 2/3" in result.output


def test_figures_command_refuses_a_folder_without_a_key(tmp_path):
    (tmp_path / "v.tsv").write_text("1\tyes\t-\n")
    result = CliRunner().invoke(sample, ["figures", str(tmp_path), "--verdicts",
                                         str(tmp_path / "v.tsv")])
    assert result.exit_code == 2 and "cannot read the key" in result.output


@pytest.mark.slow
def test_packets_command_writes_packet_and_key_and_never_overwrites(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "wikinews-articles").mkdir(parents=True)
    rows = [{"id": f"enwikinews-{i}", "title": f"Floods in Dhaka, report {i}",
             "date": "2007-08-0" + str(1 + i % 9), "url": f"https://en.wikinews.org/wiki/F{i}",
             "text": "Heavy monsoon rain flooded Dhaka, the capital of Bangladesh, on Monday "
                     "and forced thousands of families from their homes.\n\n"
                     "Prime Minister Sheikh Hasina visited the flooded districts of the city on "
                     "Tuesday and promised help to the families who lost their homes. The "
                     "Bangladesh Army evacuated 3,000 people from the northeastern city of "
                     "Sylhet on Wednesday as the rivers kept rising."} for i in range(12)]
    (corpus / "wikinews-articles" / "articles.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ["packets", "--split", "dev", "--seed", "2", "--articles", "2", "--top", "2",
            "--random", "1", "--out", str(tmp_path / "round"), "--corpus", str(corpus)]
    result = CliRunner().invoke(sample, args)
    assert result.exit_code == 0, result.output
    key = json.loads((tmp_path / "round" / "key.json").read_text("utf-8"))
    assert key["split"] == "dev" and key["seed"] == 2 and len(key["articles"]) == 2
    assert all(split_of(a["id"]) == "dev" for a in key["articles"])
    packet = (tmp_path / "round" / "packet.md").read_text("utf-8")
    assert key["items"] and all(f"**Item {n}**" in packet for n in key["items"])
    again = CliRunner().invoke(sample, args)
    assert again.exit_code == 2 and "exists already" in again.output
