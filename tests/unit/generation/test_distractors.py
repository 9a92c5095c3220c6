"""Distractors: same kind, similar rarity, from the article first, never an alias of the answer."""
import random

from quizapp.generation.distractors import date_shape, pick_distractors
from quizapp.generation.quality import duplicate_of, rejection
from quizapp.generation.sample import detokenise


def _records(kind, *texts):
    return [{"text": t, "kind": kind} for t in texts]


def test_countries_come_from_the_article_then_the_region():
    chosen = pick_distractors("Pakistan", [], "country", "Which country struck Iran?",
                              _records("country", "Iran", "Afghanistan"), [], random.Random(1))
    assert chosen[0] == "Afghanistan"  # Iran shows in the prompt, so it is not used
    assert "Iran" not in chosen and len(chosen) == 3
    assert set(chosen[1:]) <= {"India", "Bangladesh", "Nepal", "Sri Lanka", "Bhutan",
                               "Maldives"}


def test_aliases_acronyms_and_spellings_are_never_distractors():
    article = _records("carmaker", "General Motors", "GM", "Chrylser", "Ford", "Toyota",
                       "Honda")
    chosen = pick_distractors("Chrysler", [], "carmaker", "Which carmaker …?", article, [],
                              random.Random(1))
    assert "Chrylser" not in chosen
    chosen = pick_distractors("General Motors", ["GM"], "carmaker", "Which carmaker …?",
                              article, [], random.Random(1))
    assert "GM" not in chosen and len(chosen) == 3


def test_people_come_from_their_own_story_only():
    """Judged blind, "Alexander Litvinenko" or "Rachel Maddow" from other stories were no real
    choices beside the story's own people; a person short of three gets no multiple choice."""
    twice = [{"start": 0, "end": 1}, {"start": 5, "end": 6}]
    corpus = [{"text": t, "kind": "person", "mentions": twice}
              for t in ("Gordon Brown", "Angela Merkel", "Nicolas Sarkozy")]
    article = [{"text": t, "kind": "person", "role": r, "mentions": twice[:1]}
               for t, r in (("Jalil Abbas Jilani", "Pakistani Foreign Minister"),
                            ("Dreamliner", None), ("Der Spiegel", None))]
    chosen = pick_distractors("Hossein Amir-Abdollahian", ["Amir-Abdollahian"], "person",
                              "Who …?", article, corpus, random.Random(1))
    assert chosen == ["Jalil Abbas Jilani"]
    # Countries are alike across stories: the corpus and the region still fill them in.
    chosen = pick_distractors("Pakistan", [], "country", "Which country …?", [],
                              _records("country", "Iraq", "Iran"), random.Random(1))
    assert len(chosen) == 3


HP_PEOPLE = [{"text": t, "kind": "person", "aliases": [t.split()[-1]], "role": r,
              "mentions": [{"start": 0, "end": 1}, {"start": 5, "end": 6}]}
             for t, r in (("Mark Hurd", "HP CEO"), ("Shaw Wu", "analyst"),
                          ("Ronald Rittenmeyer", "EDS CEO"), ("Jesse Toprak", "analyst"),
                          ("Dell", "major"))]


def test_a_surname_gets_surnames_and_a_full_name_full_names():
    """"the answer is the only bare surname among full names" (blind judge, dev split)."""
    prompt = ("From “HP to aquire EDS for 13.9B” (May 2008): _____ said the deal would make "
              "HP a leader in services.")
    chosen = pick_distractors("Hurd", ["Mark Hurd"], "person", prompt, HP_PEOPLE, [],
                              random.Random(1))
    assert sorted(chosen) == ["Rittenmeyer", "Toprak", "Wu"]
    chosen = pick_distractors("Mark Hurd", ["Hurd"], "person", prompt, HP_PEOPLE, [],
                              random.Random(1))
    assert sorted(chosen) == ["Jesse Toprak", "Ronald Rittenmeyer", "Shaw Wu"]
    # A surname named in the prompt is no choice: "Comanescu, named in the prompt, is a choice".
    chosen = pick_distractors("Hurd", ["Mark Hurd"], "person", "Wu and _____ met.",
                              HP_PEOPLE, [], random.Random(1))
    assert "Wu" not in chosen and len(chosen) == 2


def test_a_name_the_model_took_for_a_person_gets_no_choices():
    """"answer is a company, the distractors are people": "Dell", "Arla", "Lok Sabha", "Nasser
    Hospital" were labelled persons; without a person's full name they get no choices."""
    for answer, prompt in (
            ("Dell", "With a major _____ partner now part of the competition that alliance "
                     "will certainly be in question."),
            ("Lok Sabha", "Andhra Pradesh, Sikkim and Orissa will elect their state "
                          "representatives simultaneously with the _____ polls."),
            ("Nasser Hospital", "The white phosphorus hit _____ in Khan Yunis.")):
        assert pick_distractors(answer, [], "person", prompt, HP_PEOPLE, [],
                                random.Random(1)) == []


def test_other_forms_and_spellings_of_the_answer_are_no_choices():
    article = [{"text": t, "kind": "person", "aliases": [], "role": "x",
                "mentions": [{"start": 0, "end": 1}, {"start": 5, "end": 6}]}
               for t in ("Alexander Litvinenko", "Andrey Lugovoy", "Margaret Beckett",
                         "Vladimir Putin", "Andrei Lugovoi")]
    prompt = ("There are indications from Moscow that the extradition of _____, who denies any "
              "involvement in the murder, is unlikely to happen.")
    chosen = pick_distractors("Lugovoi", ["Andrei Lugovoi"], "person", prompt, article, [],
                              random.Random(1))
    assert sorted(chosen) == ["Beckett", "Litvinenko", "Putin"]
    companies = _records("carmaker", "Daimler AG", "Chrysler Holding LLC", "GM", "Ford",
                         "Toyota")
    prompt = ("The _____ has announced that the corporation is divesting itself of the "
              "Chrysler Group by selling it to Cerberus Capital Management.")
    chosen = pick_distractors("DaimlerChrysler Corporation", [], "carmaker", prompt, companies,
                              [], random.Random(1))
    assert "Daimler AG" not in chosen and len(chosen) == 3


def test_numbers_periods_and_dates_keep_their_shape():
    assert set(pick_distractors("four", [], "count", "", [], [], random.Random(1))) <= {
        "two", "three", "five", "six", "seven"}
    periods = pick_distractors("1980 to 1988", [], "period", "", [], [], random.Random(1))
    assert len(periods) == 3 and all(" to " in p for p in periods)
    dates = pick_distractors("October 2006", [], "date", "", _records(
        "date", "fall 2007", "May 2007", "Friday", "June 2005", "March 2004"), [],
        random.Random(1))
    assert sorted(dates) == ["June 2005", "March 2004", "May 2007"]
    assert date_shape("October 2006") == "month year" and date_shape("at least 2007") is None


def _q(**fields):
    base = {"id": "q-1", "kind": "short", "category": "who", "prompt": "Who led the team?",
            "answer": "Ann Smith", "accepted": []}
    return {**base, **fields}


def test_rejections():
    assert rejection(_q(answer="they")) == "blank is a pronoun"
    assert rejection(_q(answer="people", category="who")) == "blank is a trivial word"
    assert rejection(_q(prompt="Who did Ann Smith beat?")) == "answer leaks into the prompt"
    assert rejection(_q(kind="cloze", prompt="Pakistani minister said _____'s army",
                        answer="Pakistan", category="where")) == "answer leaks into the prompt"
    assert rejection(_q(accepted=["Smith"], prompt="Who met Smith?")) == \
        "answer leaks into the prompt"
    assert rejection(_q(kind="mcq", choices=["Ann Smith", "Bo Li"])) == \
        "not enough distractors of the same kind"
    assert rejection(_q(answer="four", category="number", prompt="How many?")) is None
    assert rejection(_q()) is None


def test_duplicates_and_near_duplicates():
    kept = [_q()]
    assert duplicate_of(_q(id="q-2"), kept) == "duplicate"
    assert duplicate_of(_q(id="q-2", prompt="Who led the team then?"), kept) == "near-duplicate"
    assert duplicate_of(_q(id="q-2", prompt="Who won the cup?"), kept) is None
    assert duplicate_of(_q(id="q-2", kind="mcq"), kept) is None


def test_detokenise_the_corpus():
    assert detokenise("Northrop Grumman ( NOC ) , Boeing 's `` big '' win of US$ 40 billion .") == \
        "Northrop Grumman (NOC), Boeing's “big” win of US$40 billion."
    assert detokenise("Russ -LRB- Nash -RRB- said it did n't .") == "Russ (Nash) said it didn't."


def test_organisations_of_the_same_sort_that_look_like_names():
    from quizapp.generation.distractors import looks_like_a_name, org_sort

    assert looks_like_a_name("Procter & Gamble") and looks_like_a_name("Bank of America")
    assert not looks_like_a_name("787 Dreamliner")
    assert not looks_like_a_name("Fusion and Taurus")
    assert not looks_like_a_name("Delta IV")
    assert (org_sort("Ford"), org_sort("Louisville Assembly")) == ("name", "assembly")
    article = _records("carmaker", "Louisville Assembly", "New York Stock Exchange",
                       "Toyota", "Nissan", "Honda", "Maintenance, Repair and Overhaul")
    chosen = pick_distractors("Ford", [], "carmaker", "Which automaker …?", article, [],
                              random.Random(1))
    assert sorted(chosen) == ["Honda", "Nissan", "Toyota"]


def test_prompts_that_point_outside_their_sentence_are_rejected():
    needs = "needs the article to make sense"
    for prompt in ("In December 2008, which union refused to meet the demands?",
                   "In January 2006, which company announced the plan on Monday?",
                   "Shares in the company fell _____.",
                   "In May 2008, which company had hoped to have their's ready for 2012?",
                   "February 2009 news: General Motors reported a _____ decline.",
                   "In October 2007, which index nearly broke that record on Friday?",
                   "In March 2010, which company was the sole exception to the sales gains?"):
        assert rejection(_q(prompt=prompt, answer="Zed")) == needs, prompt
    for prompt in ("In January 2006, which company announced the plan to cut 30,000 jobs?",
                   "Which group operates on both sides of the border?",
                   "October 2008 news: The Nasdaq Composite index experienced a _____ drop.",
                   "February 2009 news: General Motors reported a _____ decline in sales.",
                   "February 2007 news: The automaker _____ will receive a loan."):
        assert rejection(_q(prompt=prompt, answer="Zed")) is None, prompt


def test_roles_with_a_stray_leading_word_are_no_distractors():
    records = [{"text": t, "kind": "person", "role": r} for t, r in (
        ("A B", "thumb Ford Motor Company CEO"), ("C D", "Alabama Governor"),
        ("E F", "minister of transport for Indonesia"), ("G H", "Kansas senator"),
        ("I J", "chief economist at Merk Investments"))]
    chosen = pick_distractors("Indonesian President", [], "role", "What position …?", records,
                              [], random.Random(1), n=4)
    assert "thumb Ford Motor Company CEO" not in chosen and len(chosen) == 4


def test_an_ordinal_without_its_noun_is_malformed():
    assert rejection(_q(prompt="In August 2011, which company has rolled out the first that is "
                               "to be delivered to a customer?", answer="Boeing")) == "malformed"
    assert rejection(_q(prompt="Which company rolled out the first 787 that is to be delivered?",
                        answer="Boeing")) is None


def test_a_definite_phrase_that_names_its_referent_is_kept():
    needs = "needs the article to make sense"
    assert rejection(_q(prompt="Some of the new aircraft will replace _____.", answer="Zed",
                        kind="cloze")) == needs
    for prompt in ("Emails of Air Force officials were entered into the public record by _____.",
                   "The activist organization the _____ has called it favoritism.",
                   "The Fed saw the federal funds rate hover around _____."):
        assert rejection(_q(prompt=prompt, answer="Zed", kind="cloze")) is None, prompt


def test_no_year_or_date_after_the_article():
    """"2008 and 2009 are impossible for a year already over by January 2008" (blind judge)."""
    for seed in range(5):
        years = pick_distractors("2007", [], "year", "", [], [], random.Random(seed), latest=2008)
        assert len(years) == 3 and all(int(y) <= 2008 for y in years) and "2007" not in years
    dates = _records("date", "March 2005", "May 2009", "June 2010", "April 2005", "July 2007")
    chosen = pick_distractors("October 2006", [], "date", "", dates, [], random.Random(1),
                              latest=2008)
    assert sorted(chosen) == ["April 2005", "July 2007", "March 2005"]


def test_a_street_gets_streets_and_a_town_towns():
    """"Arizona, Rome International Airport and South Pacific are not Florida cities"."""
    places = _records("place", "Main Street", "Rochester", "Erie", "Syracuse", "Norwalk",
                      "Rome International Airport", "Elm Street")
    chosen = pick_distractors("Buffalo", [], "place", "Labatt moves to _____, New York.",
                              places, [], random.Random(1))
    assert sorted(chosen) == sorted(set(chosen)) and len(chosen) == 3
    assert not {"Main Street", "Elm Street", "Rome International Airport"} & set(chosen)
    streets = pick_distractors("Main Street", [], "place", "Offices are on _____.", places, [],
                               random.Random(1))
    assert not {"Rochester", "Erie", "Syracuse", "Norwalk"} & set(streets)
