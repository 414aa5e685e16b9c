"""The body as tokens and sentences, the units every rule reads."""

import re
from dataclasses import dataclass

from archive.importing.extract.vocabulary import STOP_WORDS


@dataclass(slots=True)
class Token:
    """A word or mark of the body, with its offsets; its traits are worked out once."""

    text: str
    start: int
    end: int
    lower: str
    is_cap: bool
    is_acronym: bool
    is_word: bool


# A word runs on through letters, digits, hyphens and an "&" before a capital ("R&D"); the
# runs are written as runs (not a repeated either-or), which `re` reads several times faster.
_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9\-]*(?:&(?=[A-Z])[A-Za-z0-9\-]*)*|\d+(?:st|nd|rd|th)?|['’]s\b|\S"
)


def tokenize(text: str) -> list[Token]:
    # The hottest loop of the import: one pass, the traits from cheap string methods.
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if word[0].isupper():
            # an acronym has no lower-case letter and at least two capitals ("CAS", "R&D")
            acronym = word.isupper() and sum(c.isupper() for c in word) > 1
            append(Token(word, start, end, word.lower(), True, acronym, True))
        else:
            append(Token(word, start, end, word.lower(), False, False, word[0].isalnum()))
    return tokens


_ABBREVIATION_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Co|St|Jr|No|U\.S|vs|Inc|Corp)|\b[A-Z])$")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"(\d]|\s*\n|\s*$)|\n\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; an abbreviation's period ("Dr.", "Co.") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # An abbreviation ends at the period, or before a newline just ahead of it ($), and
        # is at most four characters long: only the last six before the period can hold it.
        # (A sentence begins at 0 or after a space, so \b sees the same there as in a slice.)
        if match.group() == "." and _ABBREVIATION_END.search(
            text, max(start, match.start() - 6), match.start()
        ):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def is_name_word(token: Token) -> bool:
    return token.is_cap and token.is_word and token.lower not in STOP_WORDS


def is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")
