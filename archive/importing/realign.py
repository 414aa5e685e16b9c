"""A changed article's mentions, carried over to its new text: the part of the import that
keeps editors' review decisions on the span of text they were made on.

Pure functions, no database. `Alignment` maps character offsets of the old body to the new
one through the stretches of text the two share; `reconcile` pairs the mentions stored for
the old body with those the extraction states in the new one:

- a stored mention whose span still stands in the new text, and that the extraction states
  again at that place, is the same row: same id, same decision, its offsets moved;
- one whose span still stands but that the extraction no longer states stays if an editor
  reviewed it (the decision is the editor's, not the machine's) and goes otherwise;
- one whose text is gone goes, and is counted with the decision it carried;
- a fact stated at a span no stored mention stands on is a new, unreviewed mention: a
  decision never spreads to another span with the same words.

The alignment is difflib's, first by lines (a news body is paragraphs; an edit touches a
few), then by words within the paragraphs that changed: two small matches instead of one
over every character, which costs a fraction of a millisecond for a changed page."""

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

# A stored mention, as the import reads it back: id, kind, the five targets
# (organization, person, agreement, event, position), start, end, quote, review status,
# confidence.
OLD_ID, OLD_KIND, OLD_TARGETS, OLD_START, OLD_END = 0, 1, slice(2, 7), 7, 8
OLD_QUOTE, OLD_REVIEW, OLD_CONFIDENCE = 9, 10, 11
# A stated mention, as store._Mentions makes it: article, kind, the five targets, start,
# end, quote, confidence.
NEW_KIND, NEW_TARGETS, NEW_START, NEW_END, NEW_CONFIDENCE = 1, slice(2, 7), 7, 8, 10
UNREVIEWED = "unreviewed"


class Alignment:
    """Where each stretch of the old text that the new text keeps now stands."""

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        blocks = []  # (old start, new start, length), in order
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_at, new_at = _offsets(old_lines), _offsets(new_lines)
        matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                blocks.append((old_at[i1], new_at[j1], old_at[i2] - old_at[i1]))
            elif tag == "replace":
                old_part, new_part = old[old_at[i1] : old_at[i2]], new[new_at[j1] : new_at[j2]]
                blocks += _word_blocks(old_part, new_part, old_at[i1], new_at[j1])
        self.blocks = _joined(blocks)
        self.starts = [block[0] for block in self.blocks]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the old text's [start, end) stands in the new text, or None if it changed."""
        index = bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        old_start, new_start, length = self.blocks[index]
        if end > old_start + length:
            return None
        moved = new_start - old_start
        return start + moved, end + moved


def _offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _word_blocks(old: str, new: str, old_base: int, new_base: int) -> list[tuple]:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    old_at, new_at = _offsets(old_tokens), _offsets(new_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        (old_base + old_at[i], new_base + new_at[j], old_at[i + n] - old_at[i])
        for i, j, n in matcher.get_matching_blocks()
        if n
    ]


def _joined(blocks: list[tuple]) -> list[tuple]:
    """Blocks that follow each other in both texts are one stretch: a span may cross them."""
    joined: list[list] = []
    for old_start, new_start, length in blocks:
        if (
            joined
            and joined[-1][0] + joined[-1][2] == old_start
            and (joined[-1][1] + joined[-1][2] == new_start)
        ):
            joined[-1][2] += length
        else:
            joined.append([old_start, new_start, length])
    return [tuple(block) for block in joined]


@dataclass
class Reconciled:
    """What to do with one article's mentions."""

    insert: list[tuple] = field(default_factory=list)  # stated rows no stored one stands for
    # stored rows kept: (id, start, end, confidence or None, new targets or None)
    update: list[tuple] = field(default_factory=list)
    unchanged: int = 0
    delete: list[tuple] = field(default_factory=list)  # stored rows that go
    gone_reviewed: int = 0  # of those, rows whose text is gone and that carried a decision


def reconcile(old_rows: list[tuple], new_rows: list[tuple], alignment: Alignment) -> Reconciled:
    """Pair an article's stored mentions with the ones stated in its new text (see the
    module's docstring)."""
    result = Reconciled()
    standing = []  # (stored row, new start, new end)
    for row in old_rows:
        moved = alignment.span(row[OLD_START], row[OLD_END])
        if moved is None or alignment.new[moved[0] : moved[1]] != row[OLD_QUOTE]:
            result.delete.append(row)
            result.gone_reviewed += row[OLD_REVIEW] != UNREVIEWED
        else:
            standing.append((row, *moved))

    # The same fact at the same place first; then the same kind of fact at the same place,
    # its record resolved differently this time (an editor pointed it elsewhere, say).
    exact, by_place = defaultdict(list), defaultdict(list)
    for row in new_rows:
        exact[(row[NEW_KIND], row[NEW_TARGETS], row[NEW_START], row[NEW_END])].append(row)
    unpaired = []
    for old, start, end in standing:
        stated = exact.get((old[OLD_KIND], old[OLD_TARGETS], start, end))
        if stated:
            _keep(result, old, start, end, stated.pop(), retarget=False)
        else:
            unpaired.append((old, start, end))
    for rows in exact.values():
        for row in rows:
            by_place[(row[NEW_KIND], row[NEW_START], row[NEW_END])].append(row)
    for old, start, end in unpaired:
        stated = by_place.get((old[OLD_KIND], start, end))
        if stated:
            _keep(result, old, start, end, stated.pop(), retarget=old[OLD_REVIEW] == UNREVIEWED)
        elif old[OLD_REVIEW] != UNREVIEWED:
            _keep(result, old, start, end, None, retarget=False)
        else:
            result.delete.append(old)  # the machine no longer states it; nobody decided on it
    result.insert = [row for rows in by_place.values() for row in rows]
    return result


def _keep(result: Reconciled, old: tuple, start: int, end: int, stated, *, retarget) -> None:
    confidence = stated[NEW_CONFIDENCE] if stated else None
    targets = stated[NEW_TARGETS] if retarget and stated[NEW_TARGETS] != old[OLD_TARGETS] else None
    if (
        (start, end) == (old[OLD_START], old[OLD_END])
        and targets is None
        and (confidence is None or confidence == old[OLD_CONFIDENCE])
    ):
        result.unchanged += 1
        return
    result.update.append((old[OLD_ID], start, end, confidence, targets))
