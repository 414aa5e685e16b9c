"""Tokens and sentences, and the sentence an offset stands in."""

from archive.importing.extract.context import Context
from archive.importing.extract.tokens import sentences, tokenize


def test_an_ampersand_before_a_capital_stays_inside_the_word():
    words = [t.text for t in tokenize("R&D with AT&T&Q, not A&b")]
    assert words == ["R&D", "with", "AT&T&Q", ",", "not", "A", "&", "b"]


def test_a_period_after_an_abbreviation_ends_no_sentence():
    text = "Output grew at Hanwha Corp. Analysts cheered. Prof. Kim spoke.\n\nNext part"
    found = [text[s:e] for s, e in sentences(text)]
    assert found == [
        "Output grew at Hanwha Corp. Analysts cheered.",
        "Prof. Kim spoke.",
        "Next part",
    ]


def test_an_abbreviation_is_read_at_the_end_of_a_long_sentence():
    text = (
        "The long talks between the two delegations went on with Dr. Park of Daewoo Inc. "
        "Then it ended."
    )
    assert len(sentences(text)) == 1


def test_the_sentence_of_an_offset_between_sentences_is_the_whole_body():
    body = "First one here.   Second one.\n\nThird."
    ctx = Context(body, "", {}, None)
    assert ctx.sentence_of(0) == (0, 15)
    assert ctx.sentence_of(14) == (0, 15)
    assert ctx.sentence_of(19) == (18, 29)
    assert ctx.sentence_of(16) == (0, len(body))  # in the spaces after the first
    assert ctx.sentence_of(len(body)) == (0, len(body))
