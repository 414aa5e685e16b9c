"""Organizations named without a keyword: the well-known ones ("Samsung") and those the
archive knows, in any script, found where the text writes them through an index built once
per mapping of names."""

from collections.abc import Mapping

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.tokens import tokenize
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    KNOWN_ORGANIZATIONS,
    NON_ORG_ACRONYMS,
    ORG_KEYWORDS,
    STOP_WORDS,
    TITLE_WORDS,
    country_of,
)


class _NameIndex:
    """Names to find as written, by their first word: one dict lookup per token, however
    many names there are."""

    def __init__(self, names: Mapping[str, str]):
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for written, canonical in names.items():
            words = tuple(_fold(t.text) for t in tokenize(written))
            if not words or not _worth_finding(words):
                continue
            self.first.setdefault(words[0], []).append((words, canonical))
        for entries in self.first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def find(self, words: list[str]) -> list[tuple[int, int, str]]:
        found = []
        first = self.first
        n = len(words)
        i = 0
        while i < n:
            entries = first.get(words[i])
            step = 1
            if entries:
                for name, canonical in entries:
                    end = i + len(name)
                    if end <= n and tuple(words[i:end]) == name:
                        found.append((i, end - 1, canonical))
                        step = len(name)
                        break
            i += step
        return found


def _fold(word: str) -> str:
    return word.replace("’", "'")


def _worth_finding(words: tuple[str, ...]) -> bool:
    """A known name is looked for when it is a name: capitalized (or in Chinese, Japanese or
    Korean script and two characters or more), and not one common word alone."""
    first = words[0]
    if first[:1].isascii():
        if not first[:1].isupper():
            return False
        if len(words) == 1:
            lower = first.lower()
            return not (
                lower in STOP_WORDS
                or lower in ORG_KEYWORDS
                or lower in TITLE_WORDS
                or first in COUNTRY_NAMES
                or first in NON_ORG_ACRONYMS
                or country_of(first)
            )
        return True
    return first[:1].isalpha() and len(words) >= 2


_BUILT_IN_NAMES = {name: name for name in KNOWN_ORGANIZATIONS}
_BUILT_IN = _NameIndex(_BUILT_IN_NAMES)
_cached: list = [None, -1, _BUILT_IN]  # the mapping last indexed, its size, its index


def _index_of(names: Mapping[str, str]) -> _NameIndex:
    """One index of the built-in names and the archive's, built once per mapping."""
    if not names:
        return _BUILT_IN
    if _cached[0] is not names or _cached[1] != len(names):
        _cached[:] = [names, len(names), _NameIndex({**_BUILT_IN_NAMES, **names})]
    return _cached[2]


def known_spans(ctx: Context) -> list[OrgSpan]:
    """Well-known names and the names the archive knows, where the text writes them."""
    words = [t.text for t in ctx.tokens]
    if "’" in ctx.body:
        words = [_fold(word) for word in words]
    spans = []
    for start, end, canonical in _index_of(ctx.known_names).find(words):
        first, last = ctx.tokens[start], ctx.tokens[end]
        name = ctx.body[first.start : last.end]
        spans.append(OrgSpan(start, end, name, first.start, last.end, last.lower, canonical))
    return spans
