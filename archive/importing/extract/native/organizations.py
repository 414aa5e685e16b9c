"""Organizations written in Chinese or Korean: names by the regular endings of organization
names (科学院, 大学, 研究所; 연구원, 대학교, 재단), units after their organization, and the
abbreviations the text defines for them."""

import re

from archive.importing.extract.native.state import Found, State
from archive.importing.extract.native.words import (
    HAN,
    HANGUL,
    KO_COUNTRIES,
    KO_NOT_BEFORE,
    KO_ORG_ENDINGS,
    KO_PARTICLE,
    ZH_BOUNDARIES,
    ZH_BOUNDARY_EXCEPT,
    ZH_COUNTRY,
    ZH_GENERIC_START,
    ZH_JOINING,
    ZH_LIST_MARKS,
    ZH_NOT_AFTER,
    ZH_NOT_BEFORE,
    ZH_ORG_ENDINGS,
    ZH_PROVINCES,
    ZH_TITLE,
    alternation,
)

_ZH_ENDING = re.compile(f"(?P<end>{alternation(ZH_ORG_ENDINGS)})(?![{ZH_NOT_AFTER}])")
_ZH_BOUNDARY = re.compile(alternation(ZH_BOUNDARIES))
# 浙江工业大学（浙工大）, （以下简称“中科院”）, 韩国生产技术研究院（KITECH，仁川）
_ZH_ABBREVIATION = re.compile(
    r"\s?[（(](?:以下简称|下称|简称)?[“\"「]?"
    f"(?P<abbr>[{HAN}]{{2,6}}|[A-Z][A-Za-z&]{{1,9}})"
    r"[”\"」]?(?:[，,、][^）)]{1,10})?[）)]"
)
_KO_ORG = re.compile(
    f"(?<![{HANGUL}])(?P<name>[{HANGUL}]{{1,20}}?(?P<end>{alternation(KO_ORG_ENDINGS)}))"
    f"(?:{KO_PARTICLE})?(?![{HANGUL}])"
)
_KO_BEFORE = re.compile(
    f"(?:(?<=[\\s(])|^)(?P<word>{alternation(KO_COUNTRIES)}|[{HANGUL}]{{2,6}}시"
    f"|[{HANGUL}]{{1,3}}[-·][{HANGUL}]{{1,3}}(?:[-·][{HANGUL}]{{1,3}})?) $"
)
_KO_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")


# -- Chinese organizations --------------------------------------------------------------------


def _zh_start(text: str, start: int, end_start: int) -> int:
    """Where the name ending with the ending at `end_start` begins, in text[start:end_start]."""
    prefix = text[start:end_start]
    listed = start == 0 or text[start - 1] in ZH_LIST_MARKS
    cut = 0
    for match in _ZH_BOUNDARY.finditer(prefix):
        word = match.group()
        before = prefix[match.start() - 1] if match.start() else ""
        if word in ZH_BOUNDARY_EXCEPT and before and before in ZH_BOUNDARY_EXCEPT[word]:
            continue
        # in a list, 与/和 inside a name join its subjects (、国际交流与合作处)
        if listed and match.start() > 0 and word in ZH_JOINING:
            continue
        if word == "有" and prefix.startswith("限", match.end()):  # 有限公司
            continue
        cut = match.end()
    for match in re.finditer(ZH_TITLE, prefix[cut:]):
        cut += match.end()
        break
    country = ZH_COUNTRY.search(prefix, cut)
    if country:
        cut = country.start()
    return start + cut


class _Candidate:
    """A run of Han characters up to an organization ending."""

    __slots__ = ("_end", "_end_start", "_ending", "_start")

    def __init__(self, start: int, end_start: int, end: int, ending: str):
        self._start, self._end_start, self._end, self._ending = start, end_start, end, ending

    def group(self, _name: str) -> str:
        return self._ending

    def start(self, name: str = "") -> int:
        return self._end_start if name else self._start

    def end(self) -> int:
        return self._end


def _zh_candidates(text: str):
    """The leftmost shortest runs of up to 24 characters and an ending (as a lazy regex would
    read them), found from the endings (a cheap search) instead of from every character."""
    run_start = 0
    for match in _ZH_ENDING.finditer(text):
        at = match.start()
        start = at
        while start > run_start and start > at - 24 and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        if start == at:  # nothing before the ending: it starts the next run instead
            continue
        run_start = match.end()
        yield _Candidate(start, at, match.end(), match.group("end"))


def find_zh_orgs(state: State) -> None:
    text = state.ctx.body
    previous: Found | None = None
    carry = carry_end = -1  # start of a province name that the next ending continues (浙江省科技厅)
    for match in _zh_candidates(text):
        ending = match.group("end")
        end_start = match.start("end")
        start = _zh_start(text, match.start(), end_start)
        if carry >= 0 and match.start() == carry_end and start == match.start():
            start = carry
        carry = -1
        stem = text[start:end_start]
        before = text[end_start - 1] if end_start > 0 else ""
        if before in ZH_NOT_BEFORE.get(ending, ""):
            continue
        # 王志刚部长 is a name and a title; 通信部长官 a ministry and 长官
        at = match.end()
        if len(ending) == 1 and text.startswith("长", at) and not text.startswith("长官", at):
            continue
        if ending == "省" and stem in ZH_PROVINCES:
            carry, carry_end = start, match.end()
            continue
        if len(stem) < 2 or stem[0] in ZH_GENERIC_START:
            continue
        parent = previous if previous is not None and previous.end == start else None
        if parent is not None:
            top = parent.parent or parent
            name = text[top.start : match.end()]
            found = state.add_org(name, top.start, match.end(), ZH_ORG_ENDINGS[ending], top)
            found.start = start  # the unit's own words, for titles (国际合作司司长)
        else:
            name = text[start : match.end()]
            found = state.add_org(name, start, match.end(), ZH_ORG_ENDINGS[ending], None)
        previous = found
        abbreviation = _ZH_ABBREVIATION.match(text, match.end())
        if abbreviation:
            state.add_abbreviation(
                found, abbreviation.group("abbr"), match.end(), abbreviation.end()
            )
            previous = None


# -- Korean organizations ---------------------------------------------------------------------


def find_ko_orgs(state: State) -> None:
    text = state.ctx.body
    for match in _KO_ORG.finditer(text):
        name = match.group("name")
        ending = match.group("end")
        stem = name[: -len(ending)]
        if ending in KO_NOT_BEFORE and (len(stem) < 2 or stem[-1] in KO_NOT_BEFORE[ending]):
            continue
        if stem in (
            "책임",
            "선임",
            "수석",
            "객원",
            "박사후",
            "연구",
            "각",
            "전",
            "본",
            "해당",
            "이",
        ):
            continue
        start, end = match.start("name"), match.end("name")
        # 부산대학교 산학협력단: a unit after its organization, one space apart
        parent = state.orgs_by_end.get(start - 1)
        if parent is not None and text[start - 1] == " ":
            top = parent.parent or parent
            state.add_org(text[top.start : end], top.start, end, KO_ORG_ENDINGS[ending], top)
            continue
        before = _KO_BEFORE.search(text, max(0, start - 12), start)
        if before:
            start = before.start("word")
        found = state.add_org(text[start:end], start, end, KO_ORG_ENDINGS[ending], None)
        abbreviation = _KO_ABBREVIATION.match(text, end)
        if abbreviation:
            state.add_abbreviation(found, abbreviation.group("abbr"), end, abbreviation.end())
