"""What a teacher would not keep: each check of ``strict`` on the kind of question blind judges
failed on the development split, and on one they accepted."""
from quizapp.generation.fact import Fact
from quizapp.generation.strict import (
    _form,
    _garbled,
    _national_office,
    expand_surnames,
    problem,
)

GOOD = ("The United States announced that an airstrike against a house in Yusufiyah on Tuesday "
        "killed insurgent commander _____ and two others.")


def _problem(body, answer, *, kind="cloze", category="who", fact_kind="person", sentence=0,
            salience=1.0, rule="cloze", prompt=None, headline="Insurgent commander killed",
            records=(), text="", verbless=False):
    shown = prompt or f"From “{headline}” (September 2007): {body}"
    question = {"kind": kind, "category": category, "prompt": shown, "answer": answer,
                "_body": body}
    fact = Fact(category, answer, sentence, prompt=body if kind == "short" else None,
                span=(0, 1), kind=fact_kind, rule=rule)
    return problem(question, fact, salience=salience, text=text or body, headline=headline,
                   records=list(records), verbless=verbless)


def test_a_plain_salient_sentence_is_kept():
    assert _problem(GOOD, "Abu Usama al-Tunisi") is None


def test_broken_sentences_are_left_out():
    assert _form("Earlier _____ ruled the city from 1975 to 1979, killed many, jailed more, fled "
                 "in 1979, and returned in 1982 to the north.", "cloze", False) == \
        "a run-on sentence"
    assert _form("(Long live _____!), which refers to a rallying cry by the late dictator General "
                 "Francisco Franco.", "cloze", False) == "a fragment of a sentence"
    assert _form('"[There was] insufficient evidence of any kind of plot," said the attorney for '
                 "_____ on Tuesday morning.", "cloze", False) == "malformed"
    assert _form("The opposing _____ previouly made an appeal to the High Court for the recount "
                 "to be stopped at once.", "cloze", False) == "a misspelling in the article"
    assert _form("Low-income communities in _____ are ruled by drug lords since the 1970s, a "
                 "situation which has continuously deteriorating.", "cloze", False) == "malformed"
    assert _form("_____ was the first suspect arrested.", "cloze", False) == "too little said"
    assert _form("Minutes after the House adjourned, _____ (-) began typing in random access codes "
                 "to the House speaker system.", "cloze", False) == "malformed"
    assert _form("Which ministry spokesman said that said that one of the vehicles in the convoy "
                 "was destroyed?", "short", True) == "malformed"
    assert _problem(GOOD, "Abu Usama al-Tunisi", verbless=True) == "a fragment of a sentence"


def test_minor_and_general_facts_are_left_out():
    assert _problem(GOOD.replace("Tuesday", "_____").replace("_____ and", "Abu al-Tunisi and"),
                    "Tuesday", category="when", fact_kind="date", sentence=5) == \
        "a date or figure in passing"
    assert _problem(GOOD, "Abu Usama al-Tunisi", salience=0.1) == "a passing mention"
    assert _problem(GOOD.replace("insurgent commander _____", "_____"), "Tunisi") == \
        "a surname alone"
    body = ("United States President George W. Bush and Russian President _____ have been in a "
            "war of words this week over Iran.")
    assert _problem(body, "Vladimir Putin") == "general knowledge"
    body = ("At least one team of British reporters for the BBC have been arrested in _____, "
            "Iran, on suspicion of spying.")
    assert _problem(body, "Tehran", category="where", fact_kind="place") == "general knowledge"
    body = ("Muhammad Karim Abedi did not say how many were arrested and did not name any of the "
            "reporters, said _____.")
    assert _problem(body, "Iran", category="where", fact_kind="country") == "a non-statement"


def test_questions_that_lean_on_the_article_are_left_out():
    body = ("_____ also said that traps were seen on the outside of the East Delavan restaurant "
            "in an attempt to keep rats out.")
    assert _problem(body, "Anthony Billittier") == "needs the article to make sense"
    records = [{"kind": "person", "text": "Steven Maebus", "aliases": ["Maebus"]}]
    body = "After the arrests in _____, Maebus says that several more arrests of four men were made."
    assert _problem(body, "Denmark", category="where", fact_kind="country",
                    records=records) == "a surname the article explained before"
    # Only its date, and not the story's first sentence: no story named.
    assert _problem(GOOD, "Abu Usama al-Tunisi", sentence=4,
                    prompt=f"September 2007 news: {GOOD}") == "names no story"
    assert _problem(GOOD, "Abu Usama al-Tunisi", sentence=0,
                    prompt=f"September 2007 news: {GOOD}") is None


def test_a_country_its_people_name_is_given_away():
    body = ("Which country is in the final day of campaigning ahead of Sunday's general election "
            "in which its prime minister seeks a second term?")
    assert _problem(body, "Spain", kind="short", category="where", fact_kind="country",
                    rule="clause-subject", headline="Spanish councillor shot and killed",
                    prompt=f"In “Spanish councillor shot and killed” (March 2008), {body}") == \
        "answer leaks into the prompt"


def test_true_false_is_not_kept():
    assert _problem(GOOD.replace("_____", "Abu Usama al-Tunisi"), "true", kind="truefalse") == \
        "a true/false statement"


def test_clause_questions_that_did_not_come_out_whole():
    assert _garbled("Which international organisation temporarily suspended all of its "
                    "operations in Gaza, and wounded three others?")
    assert _garbled("Which government body announced the death of US Army Spc?")
    assert not _garbled("Who was en route to attend the Ministerial Consultations in Canberra, "
                        "Australia?")
    assert not _garbled("Which Pakistani foreign minister strongly condemned Iran’s attack?")


def test_roles_of_a_country():
    assert _national_office("Iranian Foreign Minister")
    assert _national_office("New Zealand Foreign Minister")
    assert not _national_office("Airbus executive")


def test_a_surname_explained_before_is_written_out():
    records = [{"kind": "person", "text": "Joseph Lieberman", "aliases": ["Lieberman"]},
               {"kind": "person", "text": "John Howard", "aliases": []},
               {"kind": "person", "text": "Hillary Clinton", "aliases": ["Clinton"]},
               {"kind": "person", "text": "Bill Clinton", "aliases": []}]
    assert expand_surnames("Lieberman's speech came first.", records) == \
        "Joseph Lieberman's speech came first."
    assert expand_surnames("Mr Howard said the _____ members agreed.", records) == \
        "John Howard said the _____ members agreed."
    assert expand_surnames("Clinton said so.", records) == "Clinton said so."  # two Clintons
    assert expand_surnames("Senator Joseph Lieberman spoke.", records) == \
        "Senator Joseph Lieberman spoke."
