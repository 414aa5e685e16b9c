"""People written in Chinese or Korean, found by the titles that stand beside their names
(中国科学院院长侯建国, 侯建国院长; 김민수 원장), with the positions those titles state."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.facts import PositionFact
from archive.importing.extract.native.state import Found, State
from archive.importing.extract.native.words import (
    HAN,
    HANGUL,
    KO_HEADS_OF_STATE,
    KO_NOT_NAMES,
    KO_ORG_ENDINGS,
    KO_PARTICLE,
    KO_RANKS,
    KO_SURNAMES,
    KO_TITLES,
    ZH_AFTER_NAME,
    ZH_FUNCTION,
    ZH_HEADS_OF_STATE,
    ZH_NOT_NAMES,
    ZH_RANKS,
    ZH_SURNAMES,
    ZH_TITLE,
    alternation,
)

# 院长侯建国, 主席Yeungshik Kim
_ZH_TITLE_NAME = re.compile(
    f"(?P<title>{ZH_TITLE})(?:(?P<name>[{''.join(sorted(ZH_SURNAMES))}][{HAN}]{{1,2}})"
    r"|\s?(?P<latin>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}))"
)
# 侯建国院长, 姜开宇、魏兆成两位副教授
_ZH_NAME_TITLE = re.compile(
    f"(?P<names>(?:[{HAN}]{{2,3}}、)*[{HAN}]{{2,3}})(?:[两三四五六]位)?(?P<title>{ZH_TITLE})"
)
_KO_TITLE = re.compile(
    f"(?<![{HANGUL}])(?P<title>{alternation(KO_TITLES)})(?:{KO_PARTICLE})?(?![{HANGUL}])"
)
_KO_NAME_BEFORE = re.compile(
    f"(?:(?<![{HANGUL}])(?P<name>[{HANGUL}]{{2,4}})"
    r"|(?P<latin>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})) $"
)


# -- Chinese people ---------------------------------------------------------------------------


def _zh_name_after(name: str) -> str:
    """The name at the start of `name` (two or three characters after a title)."""
    if name[0] not in ZH_SURNAMES:
        return ""
    if len(name) == 3 and name[2] not in ZH_AFTER_NAME:
        return name
    return name[:2] if name[1] not in ZH_AFTER_NAME else ""


def _zh_name_before(name: str) -> str:
    """The name at the end of `name` (two or three characters before a title)."""
    if name[-2:] in ZH_NOT_NAMES:
        return ""
    if len(name) == 3 and name[0] in ZH_SURNAMES and name[0] not in ZH_FUNCTION:
        return name
    if name[-2] in ZH_SURNAMES:
        return name[-2:]
    return ""


def _org_before(state: State, offset: int) -> Found | None:
    return state.orgs_by_end.get(offset)


def _position(state: State, person_key: str, title: str, org: Found | None, span, heads, ranks):
    ctx = state.ctx
    if org is not None and org.parent is not None and heads is ZH_HEADS_OF_STATE:
        # 科技部国际合作司司长: the title names the unit, the position the organization
        title = ctx.body[org.start : org.end] + title
        org_key = org.parent.key
    else:
        org_key = org.key if org is not None else ""
    if not org_key and (title in heads or title in ranks):
        return
    ctx.positions.append(PositionFact(person_key, org_key, title, span, 0.7))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _org_mask(ctx: Context) -> bytearray:
    """1 where an organization's name stands: a name is never inside one."""
    mask = bytearray(len(ctx.body))
    for fact in ctx.orgs.values():
        for span in fact.spans:
            mask[span.start : span.end] = b"\x01" * (span.end - span.start)
    return mask


def _in_org(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


def find_zh_people(state: State) -> None:
    ctx, text = state.ctx, state.ctx.body
    mask = _org_mask(ctx)
    previous_end, previous_org = -1, None
    for match in _ZH_TITLE_NAME.finditer(text):
        title = match.group("title")
        if match.group("latin"):
            name = match.group("latin")
            n_start = match.start("latin")
        else:
            name = _zh_name_after(match.group("name"))
            n_start = match.start("name")
        if not name or _in_org(mask, n_start, n_start + len(name)):
            continue
        n_end = n_start + len(name)
        key = state.add_person(name, n_start, n_end)
        state.taken.append((match.start(), n_end))
        org = _org_before(state, match.start())
        # 司长叶冬柏、一级巡视员阮湘平: a list under one organization
        if org is None and match.start() == previous_end + 1 and text[previous_end] == "、":
            org = previous_org
        span = ctx.span(org.start if org else match.start(), n_end)
        _position(state, key, title, org, span, ZH_HEADS_OF_STATE, ZH_RANKS)
        # 浙江工业大学校长、中国工程院院士高翔: every title of a chain before the name
        chain_start = org.start if org is not None else match.start()
        while chain_start > 0 and text[chain_start - 1] == "、":
            earlier = re.search(f"({ZH_TITLE})$", text[max(0, chain_start - 8) : chain_start - 1])
            if not earlier:
                break
            title_start = chain_start - 1 - len(earlier.group(1))
            earlier_org = _org_before(state, title_start)
            if earlier_org is None:
                break
            _position(state, key, earlier.group(1), earlier_org, span, ZH_HEADS_OF_STATE, ZH_RANKS)
            chain_start = earlier_org.start
        previous_end, previous_org = n_end, (org.parent or org) if org else None
    for match in _ZH_NAME_TITLE.finditer(text):
        if _overlaps(state.taken, match.start("title"), match.end("title")):
            continue
        title = match.group("title")
        names = match.group("names").split("、")
        offset = match.start("names")
        after = _org_after_representing(state, match.end())
        for index, raw in enumerate(names):
            name = _zh_name_before(raw) if index == 0 else (raw if raw[0] in ZH_SURNAMES else "")
            start = offset + len(raw) - len(name)
            offset += len(raw) + 1
            if not name or _in_org(mask, start, start + len(name)):
                continue
            key = state.add_person(name, start, start + len(name))
            org = _org_before(state, start) or after
            span = ctx.span(org.start if org and org.end <= start else start, match.end())
            _position(state, key, title, org, span, ZH_HEADS_OF_STATE, ZH_RANKS)


def _org_after_representing(state: State, offset: int) -> Found | None:
    """两位副教授代表大连理工大学: the organization a person speaks for."""
    text = state.ctx.body
    if not text.startswith("代表", offset):
        return None
    for found in state.orgs_by_end.values():
        if found.start == offset + 2 and found.parent is None:
            return found
    return None


# -- Korean people ----------------------------------------------------------------------------


def _ko_name(text: str, end: int) -> tuple[str, int] | None:
    """The person name ending one space before `end`: a Hangul name or a Latin one."""
    match = _KO_NAME_BEFORE.search(text, max(0, end - 30), end)
    if not match:
        return None
    if match.group("latin"):
        return match.group("latin"), match.start("latin")
    name = match.group("name")
    if name[0] not in KO_SURNAMES or name in KO_NOT_NAMES or len(name) > 4:
        return None
    if any(name.endswith(e) for e in KO_ORG_ENDINGS) or _KO_TITLE.fullmatch(name):
        return None
    return name, match.start("name")


def find_ko_people(state: State) -> None:
    ctx, text = state.ctx, state.ctx.body
    for match in _KO_TITLE.finditer(text):
        start = match.start()
        if start < 2 or text[start - 1] != " ":
            continue
        title = match.group("title")
        org = state.orgs_by_end.get(start - 1)
        if org is not None:  # 김민수 한국해양연구원 원장 / 한국해양연구원 김민수 원장
            found = _ko_name(text, org.start)
            if found is None:
                continue
        else:
            found = _ko_name(text, start)
            if found is None:
                continue
            org = state.orgs_by_end.get(found[1] - 1)
        name, n_start = found
        key = state.add_person(name, n_start, n_start + len(name))
        span = ctx.span(min(n_start, org.start) if org else n_start, match.end("title"))
        _position(state, key, title, org, span, KO_HEADS_OF_STATE, KO_RANKS)


def drop_placeless_duplicates(ctx: Context) -> None:
    """部长金钟焕 after 仁川经济自由区部长金钟焕: the title without its organization repeats it."""
    placed = {(p.person_key, p.title) for p in ctx.positions if p.org_key}
    ctx.positions[:] = [
        p for p in ctx.positions if p.org_key or (p.person_key, p.title) not in placed
    ]
