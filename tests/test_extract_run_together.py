"""Quotes in text whose paragraphs ran together, and who says them.

Real archives often hold articles whose paragraph breaks were lost: a quote reopens without the
previous one closing, and a quote opens a sentence with its speaker named a sentence earlier.
"""

from articles.extract import extract


def _quotes(text):
    return [(q.text, q.speaker) for q in extract(text).quotes]


REOPENED = """Harbour dues to double

Port manager Ellen Kerr said the harbour needed the money. "The pontoons are forty years old. "Every winter we lose another section, and the insurers have noticed." The board will vote in March.
"""


def test_a_quote_reopened_without_closing_is_two_quotes_by_the_same_speaker():
    quotes = _quotes(REOPENED)
    assert [t[:20] for t, _ in quotes] == ["The pontoons are for", "Every winter we lose"]
    assert {s for _, s in quotes} == {"Ellen Kerr"}
    assert not any("The board will vote" in t for t, _ in quotes)


REPORTED_THEN_QUOTED = """Dancers leave the stage

Ms Trew, who runs a ballet school in Hexham, admitted it would be hard to reverse the trend and said young dancers no longer wanted the hours. "You have to be very dedicated and you have to be very disciplined." Other schools report the same.
"""


def test_a_quote_after_reported_speech_goes_to_that_sentences_subject():
    assert _quotes(REPORTED_THEN_QUOTED) == [
        ("You have to be very dedicated and you have to be very disciplined.", "Trew")
    ]


RUN_ON = """Walker plans his comeback

Jamie Costin says he was lucky. "I was in a lot of pain," says the Waterford man. "My back had been broken in two places." He spent three months in a body cast. "Walking without the crutches felt like a real step."

Doctors at the hospital said his recovery was unusual.
"""


def test_a_role_noun_with_a_place_before_it_is_a_person_not_the_place():
    quotes = _quotes(RUN_ON)
    assert quotes[0] == ("I was in a lot of pain", "Jamie Costin")


def test_unattributed_quotes_go_on_in_the_last_speakers_voice_until_someone_else_is_named():
    speakers = [s for _, s in _quotes(RUN_ON)]
    assert speakers == ["Jamie Costin"] * 3


PRONOUN = """Agency chief stays on

On the morning programme Mr Johnson was asked why Mr Smith had been allowed to resign. He replied: "The chief executive decided it was time to move on." Doug Smith is still in post.

Alan Johnson is the work secretary.
"""


def test_a_pronoun_means_the_subject_of_the_last_sentence_that_named_someone():
    assert _quotes(PRONOUN) == [("The chief executive decided it was time to move on.", "Alan Johnson")]
