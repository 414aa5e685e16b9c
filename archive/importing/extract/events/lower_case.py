"""Events a sentence names in lower case: those it introduces ("a joint seminar on ...",
"a forum for young scientists"), numbered sessions ("the 2nd A-HORCs meeting"), a
capitalized name before a lower-case keyword ("the OECD ministerial meeting"), a body that
met ("the CAETS board met"), and bare mentions ("a symposium") that refer to a named one."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.events.article import Article
from archive.importing.extract.events.names import KEYWORD_KINDS, event_kind, normalize_name
from archive.importing.extract.facts import EventFact
from archive.importing.scan import finditer_at, positions, search_via, without_boundary

LOWER_KEYWORDS = (
    r"seminar|symposium|workshop|forum|conference|summit|exhibition|expo|dialogue|"
    r"roundtable|colloquium|meeting"
)
# "a special seminar on life and health", "a forum for young scientists of the three
# countries", "a China-Japan-Korea joint seminar on ...": an event the sentence introduces.
LOWER_KEYWORD = re.compile(rf"\b(?:{LOWER_KEYWORDS})\b")
LOWER_WORDS = LOWER_KEYWORDS.split("|")
_ARTICLE_BEFORE = re.compile(
    r"\b[Aa]n?\s+(?P<mods>(?:(?!(?:of|the|to|and|with|for|in|on|at|by|from|series|number|"
    r"lot|kind|type)\b)[\w-]+\s+){0,4}?)$"
)
_ARTICLE_FINDER = without_boundary(_ARTICLE_BEFORE)
_TAIL = re.compile(
    r"\s+(?:on|for|with|between|about)\s+(?:(?!(?:would|will|was|were|is|are|has|"
    r"have|had|which|that|who|where|to|at|in|held|took|takes|attended|organi[sz]ed)\b)"
    r"[\w()'’-]+\s*){1,12}"
)

# "the 2nd A-HORCs meeting", "the 2020 annual meeting of the International Council of ...".
_NUMBERED = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{LOWER_KEYWORDS}|session|convention|congress|assembly))\b"
    r"(?P<tail>\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of|and|for|on|the|&|[A-Z][\w-]*))*)?"
)
# where _NUMBERED may match: "the" before a number
_THE_NUMBER = re.compile(r"[Tt]he\s+\d")
# "the OECD ministerial meeting", "the Jeju summit": a capitalized name before a
# keyword written in lower case (kept only where a sentence says it took place).
_CAPPED_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w+&-]*\s+){1,4}(?:[a-z][a-z-]+\s+){0,2}?)$"
)
_CAPPED_FINDER = without_boundary(_CAPPED_BEFORE)
# "the CAETS board met by video": a body's meeting.
_MET = re.compile(r"\b(?:met|convened|gathered)\b")
_BODY_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w&-]*\s+){0,4}(?:board|council|committee|commission|assembly|Board|"
    r"Council|Committee|Commission|Assembly))\s+$"
)


# "has grown into a regional meeting that rotates ...": a description, not an occurrence.
_PREDICATIVE = re.compile(r"\b(?:into|become|becomes|became|is|was|are|were|as|be|remains)\s+$")


def lower_case_events(
    ctx: Context, article: Article, keywords: list[re.Match], named: dict[str, EventFact], add
) -> set[str]:
    """Events named in lower case (`keywords`: where LOWER_KEYWORD matches); returns the keys
    of those a sentence introduces ("a joint seminar on ..."), which need no verb to be an
    occurrence."""
    body = ctx.body
    introduced: set[str] = set()
    for keyword in keywords:
        match = search_via(
            _ARTICLE_BEFORE, _ARTICLE_FINDER, body, max(0, keyword.start() - 60), keyword.start()
        )
        if not match or article.in_org(keyword.start()):
            continue
        if _PREDICATIVE.search(body, max(0, match.start() - 20), match.start()):
            continue
        tail_match = _TAIL.match(body, keyword.end())
        tail = (
            re.sub(r"\s+(?:and|or|the|of|a|an)$", "", tail_match.group().rstrip())
            if (tail_match)
            else ""
        )
        if not match["mods"].strip() and not tail:
            continue  # "a symposium": linked to the title's event below, if any
        name = f"{match['mods']}{keyword.group()}{tail}"
        if any(normalize_name(name) in key for key in named):
            continue
        start = match.start("mods")
        add(name, KEYWORD_KINDS[keyword.group().lower()], start, start + len(name))
        introduced.add(normalize_name(name))
    for match in finditer_at(_NUMBERED, body, [m.start() for m in _THE_NUMBER.finditer(body)]):
        tail = re.sub(r"\s+(?:of|and|for|on|the|&)$", "", (match["tail"] or "").rstrip())
        name = match["name"] + tail
        end = match.start("name") + len(name)
        if article.in_org(match.start("name")) and not tail:
            continue
        add(name, event_kind(match["name"]), match.start("name"), end)
    # read back from the keyword or the verb: a scan from every capital costs too much
    for keyword in keywords:
        if keyword.group() in {"exhibition", "roundtable", "colloquium"}:
            continue
        match = search_via(
            _CAPPED_BEFORE, _CAPPED_FINDER, body, max(0, keyword.start() - 80), keyword.start()
        )
        if not match:
            continue
        name = match["name"] + keyword.group()
        if name.split()[0].lower() in {"this", "that"} or any(
            normalize_name(name) in key for key in named
        ):
            continue
        add(name, event_kind(name), match.start("name"), keyword.end())
    for verb in finditer_at(_MET, body, positions(body, ("met", "convened", "gathered"))):
        if match := _BODY_BEFORE.search(body, max(0, verb.start() - 80), verb.start()):
            add(f"{match['name']} meeting", "meeting", match.start("name"), verb.end())
    return introduced


_BARE = re.compile(rf"\b[Aa]n?\s+(?P<kw>{LOWER_KEYWORDS})\b")


def bare_mentions(body: str, keywords: list[re.Match]) -> list[tuple[int, int, str]]:
    """What _BARE.finditer(body) finds, read back from each keyword: "a"/"an" and the
    spaces before it."""
    found = []
    for keyword in keywords:
        start = keyword.start()
        while start and body[start - 1].isspace():  # str.isspace() is the \s of re
            start -= 1
        if start < keyword.start() and (m := _BARE.search(body, max(0, start - 2), keyword.end())):
            found.append((m.start(), m.end(), m["kw"].lower()))
    return found
