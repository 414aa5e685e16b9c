"""The instruments a sentence says were signed: the nouns (MOU, agreement, letter of
intent, joint statement ...) with the names they head ("General Collaborative Agreement"),
and the signing words that govern them, before ("signed an MOU", "a signing ceremony ... for
the MOU") or after ("an MOU was signed by"); instruments listed together share one."""

import re
from dataclasses import dataclass, field

from archive.importing.extract.context import Context

_INSTRUMENT = re.compile(
    r"\b(?:(?P<mou>MOUs?|MoUs?|memorand(?:um|a|ums)(?:\s+of\s+(?:understanding|agreement|"
    r"cooperation|association))?)"
    r"|(?P<statement>joint\s+(?:statement|declaration|communiqu[eé])s?)"
    r"|(?P<intent>letters?\s+of\s+intent)"
    r"|(?P<contract>contracts?)"
    r"|(?P<arrangement>arrangements?)"
    r"|(?P<agreement>agreements?))\b",
    re.I,
)
KINDS = {
    "mou": "mou",
    "statement": "joint_statement",
    "intent": "other",
    "contract": "contract",
    "arrangement": "other",
    "agreement": "cooperation",
}
LABELS = {
    "mou": "MOU",
    "statement": "Joint statement",
    "intent": "Letter of intent",
    "contract": "Contract",
    "arrangement": "Arrangement",
    "agreement": "Agreement",
}

# Signing words that come before the instrument they govern ("signed an MOU").
_CUE_BEFORE = re.compile(
    r"\b(?:signed|signs|inked|inks|concluded|concludes|entered\s+into|enters\s+into|renewed|"
    r"renews|exchanged|reached|sealed|initial(?:l)?ed|signing\s+(?:ceremony|of)|"
    r"put\s+(?:their|its|his|her)\s+(?:signatures?|names?|seals?)\s+to)\b",
    re.I,
)
# A statement is issued or adopted rather than signed.
_STATEMENT_CUE = re.compile(r"\b(?:issued|adopted|released|signed|signing\s+of)\b", re.I)
# Between a signing verb and its object: articles and modifiers, not another clause.
_OBJECT_GAP = re.compile(
    r"^(?:(?!\b(?:on|about|over|regarding|concerning|views|that|which)\b)[^.;:])*$", re.I
)
# ... or after it: "an MOU was signed", "the MOU signed by", "an agreement that both sides
# concluded".
_CUE_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,60}\)\s*)?(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:first\s+)?)?"
    r"(?:signed|inked|concluded|renewed)\b"
    r"|^\s*(?:\([^)]{1,60}\)\s*)?(?:that|which)\b[^.;]{0,60}?\b(?:signed|inked|concluded|"
    r"renewed|entered\s+into)\b",
    re.I,
)
# Instruments listed together share the signing: "an MOU and a student exchange agreement".
_LIST_GAP = re.compile(
    r"^[\s,'\"‘’“”]*(?:and|or|as\s+well\s+as|together\s+with|plus|consisting\s+of|comprising|"
    r"including|namely|:)\b",
    re.I,
)
_UMBRELLA = re.compile(r"\b(?:consisting\s+of|comprising|including|namely)\b|:", re.I)
# A word before the instrument that belongs to its name: "General Collaborative Agreement".
_NAME_WORD = re.compile(r"(?:[A-Z][\w\-]*|of|for|on|and|&)$")
_NOT_NAME_WORDS = {"of", "for", "on", "and", "&", "the", "this", "that", "a", "an", "its", "their"}
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|said)\s+(?:new\s+|same\s+)?$", re.I)


@dataclass
class Instrument:
    start: int
    end: int
    group: str
    name: str
    cue: tuple[int, int]
    anaphoric: bool
    dropped: bool = False
    parties: list[str] = field(default_factory=list)


def instruments_in(ctx: Context, s_start: int, sentence: str) -> list[Instrument]:
    """The instruments the sentence says were signed, in order."""
    found: list[Instrument] = []
    previous: Instrument | None = None
    for match in _INSTRUMENT.finditer(sentence):
        group = match.lastgroup or "agreement"
        start, end = match.span()
        if sentence[:start].rstrip().endswith("(") and previous and previous.end >= start - 2:
            continue  # "a memorandum of understanding (MOU)": the same one
        name_start = _name_start(sentence, start)
        cue = None
        if previous is not None and not previous.dropped:
            gap = sentence[previous.end - s_start : name_start]
            if _LIST_GAP.match(gap) and len(gap) < 40:
                cue = previous.cue
                if _UMBRELLA.search(gap):
                    previous.dropped = True
        if cue is None:
            cue = _cue(sentence, name_start, end, group)
            if cue is None:
                continue
            cue = (s_start + cue[0], s_start + cue[1])
        name = " ".join(sentence[name_start:end].split()).strip("'\"‘’“”")
        anaphoric = bool(_DETERMINER.search(sentence[:start])) and name_start == start
        # a later "between"/"with" names new parties: not a mention of the one before
        if re.match(r"\s+(?:between|with)\b", sentence[end:]):
            anaphoric = False
        previous = Instrument(s_start + start, s_start + end, group, name, cue, anaphoric)
        previous.start = s_start + name_start
        found.append(previous)
    return found


def _name_start(sentence: str, start: int) -> int:
    """Where the instrument's name begins: "General Collaborative Agreement", "'Implementing
    Arrangement'"."""
    words = sentence[:start].rstrip(" '\"‘“").split(" ")
    taken = 0
    length = len(sentence[:start]) - len(sentence[:start].rstrip(" '\"‘“"))
    for word in reversed(words):
        bare = word.strip("'\"‘’“”")
        if not bare or not _NAME_WORD.match(bare) or bare.lower() in _NOT_NAME_WORDS:
            break
        taken += len(word) + 1
    if taken == 0:
        return start
    return max(0, start - length - taken + 1)


def _cue(sentence: str, name_start: int, end: int, group: str) -> tuple[int, int] | None:
    before = sentence[:name_start]
    pattern = _STATEMENT_CUE if group == "statement" else _CUE_BEFORE
    cues = list(pattern.finditer(before))
    if cues:
        cue = cues[-1]
        gap = before[cue.end() :]
        ceremony = "ceremony" in cue.group().lower()
        if (ceremony and len(gap) < 160) or (len(gap) < 70 and _OBJECT_GAP.match(gap)):
            return cue.span()
    after = _CUE_AFTER.match(sentence[end:])
    if after:
        return end + after.start(), end + after.end()
    return None


def is_named(instrument: Instrument) -> bool:
    return instrument.name[:1].isupper() and " " in instrument.name
