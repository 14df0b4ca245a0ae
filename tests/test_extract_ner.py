"""The named-entity model beside the rules (articles/extract/ner.py and its merge in entities.py).

These run the pinned model itself; a few run the rules alone, to show what the model adds.
"""

import pytest

from articles.extract import Known, KnownPerson, extract, ner
from articles.extract.ner import _windows


@pytest.fixture
def rules_only(monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_NER", "off")


def _people(text, **kwargs):
    return {p.name for p in extract(text, **kwargs).people}


def _orgs(text, **kwargs):
    return {o.name for o in extract(text, **kwargs).organisations}


PASSING_MENTION = """Ferry fares to rise in spring

Operators on the northern routes will raise fares by six per cent in April, the harbour board said on Monday.

The increase was first proposed by former prime minister Theresa May and has been shelved twice since then, after protests on the islands.

Chad Wilson, who runs a guest house on the island, said the timing was poor. "Bookings are down already," Wilson said.

The band signed to Sony Music in 2019 and will play on the first sailing of the season.
"""


def test_model_finds_names_the_rules_have_no_cue_for():
    assert "Sony Music" in _orgs(PASSING_MENTION)


def test_a_month_after_a_first_name_is_a_surname():
    assert "Theresa May" in _people(PASSING_MENTION)


def test_first_names_that_look_like_places_stay_in_the_name():
    assert "Chad Wilson" in _people(PASSING_MENTION)
    assert "Wilson" not in _people(PASSING_MENTION)


def test_rules_alone_miss_what_the_model_adds(rules_only):
    assert not ner.enabled()
    assert "Sony Music" not in _orgs(PASSING_MENTION)


def test_titles_and_speech_verbs_never_become_part_of_a_name():
    text = """Mac sales climb

"It is a natural next step," said Mr Fogg. Said Mr Fogg: "It is very much a computer."
Analyst Dr Anna Lee of the Keystone Institute agreed with Ian Fogg on the price.
"""
    people = _people(text)
    assert not any(name.startswith(("Said", "Mr", "Dr")) for name in people)
    assert "Anna Lee" in people


def test_archive_names_win_over_the_model():
    text = """Budget talks stall in the capital

Talks on the city budget stalled again on Friday, officials said.

Ministers met Harland Pryce again on Friday, and the talks went on late into the evening.

A second round is planned for next week.
"""
    assert "Harland Pryce" in _orgs(text) or "Harland Pryce" not in _people(text)  # what the model alone makes of it
    known = Known(people=(KnownPerson("Harland Pryce"),))
    ex = extract(text, known=known)
    assert "Harland Pryce" in {p.name for p in ex.people}
    assert "Harland Pryce" not in {o.name for o in ex.organisations}


def test_windows_stay_in_their_paragraph_and_merge_when_close():
    text = "First paragraph mentions Alpha Beta here.\nSecond one names Gamma Delta and Epsilon Zeta."
    a = text.index("Alpha Beta")
    g = text.index("Gamma Delta")
    e = text.index("Epsilon Zeta")
    windows = _windows(text, [(a, a + 10), (g, g + 11), (e, e + 12)])
    assert len(windows) == 2
    first, second = windows
    assert "\n" not in text[first[0]:first[1]] and "\n" not in text[second[0]:second[1]]
    assert "Gamma Delta" in text[second[0]:second[1]] and "Epsilon Zeta" in text[second[0]:second[1]]


def test_switch_reads_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_NER", "off")
    assert not ner.enabled()
    monkeypatch.setenv("NEWSARCHIVE_NER", "on")
    assert ner.enabled()
    assert ner.find_names("", []) == ()
