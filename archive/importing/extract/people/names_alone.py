"""Names no title introduces: "Zhou Xiaoqin said", "alma mater of Park Chung-hee", "Hou
Jianguo (侯建国)"; not a credit's ("Photo by X") nor a headline's words."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.people.names import HONORIFIC_OR_STOP, headline_like, valid_run
from archive.importing.extract.people.record import NATIVE_AFTER, record_person
from archive.importing.extract.vocabulary import SURNAMES

_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def find_names_standing_alone(ctx: Context) -> None:
    """Names no title introduces: "Zhou Xiaoqin said", "alma mater of Park Chung-hee",
    "Hou Jianguo (侯建国)". Two or three name words with a known surname at either end or
    a hyphenated Korean given name ("Chung-hee"), not inside a longer capitalized phrase,
    nor in a headline-like line."""
    tokens, classes, body = ctx.tokens, ctx.name_classes, ctx.body
    n = len(tokens)
    i = 0
    # only name words can start a run: visit those, in order, past the run read last
    for first in [k for k, c in enumerate(classes) if c]:
        if first < i or first in ctx.person_at:
            continue
        i = first
        end = i
        while end + 1 < n and classes[end + 1]:
            end += 1
        start, stop = i, end
        i = end + 1
        if not 2 <= stop - start + 1 <= 3 or not valid_run(classes, start, stop):
            continue
        before = tokens[start - 1] if start else None
        after = tokens[stop + 1] if stop + 1 < n else None
        if (
            before is not None
            and before.is_cap
            and not before.is_acronym
            and before.lower not in HONORIFIC_OR_STOP
        ):
            continue
        # "Science and Technology Park": a capitalized phrase joined by "and", "of", "&"
        if (
            start >= 2
            and before is not None
            and before.text in {"and", "of", "&", "for"}
            and tokens[start - 2].is_cap
        ):
            continue
        if after is not None and after.is_cap and after.is_word:
            continue
        if any(
            start <= o.start_token <= stop or o.start_token <= start <= o.end_token
            for o in ctx.org_at.values()
        ):
            continue
        words = tokens[start : stop + 1]
        native = NATIVE_AFTER.match(body, words[-1].end)
        known_surname = words[0].lower in SURNAMES or words[-1].lower in SURNAMES
        hyphenated = any(_HYPHENATED_GIVEN.match(t.text) for t in words)
        if not (native or known_surname or hyphenated) or headline_like(body, words[0].start):
            continue
        if _CREDIT.search(body, max(0, words[0].start - 30), words[0].start):
            continue
        key = record_person(ctx, start, stop, [], confidence=0.6)
        if native:
            ctx.persons[key].native_name = ctx.persons[key].native_name or native.group(1)


# Page furniture that names people who are not in the story: "(Photo by X)", "By X / Staff
# Writer", "Editor: X".
_CREDIT = re.compile(
    r"(?:(?i:photos?|photographs?|pictures?|images?|written|edited|reported)\s+by|"
    r"(?:^|\n)\s*By|(?i:editor|reporter|writer|photo|source|author)\s*[:：])\s*$"
)
