"""The parties and signatories of a signing in Chinese or Korean: the organizations and
people of its clause (witnesses, venues and organizations it founds left out), "双方" and
"양 기관" for the two named before, and the subject a clause leaves out.

Organizations and people are read from their spans, in any script: the names stage does not
index its names by token."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.native.signings import Signing, clause_start
from archive.importing.extract.native.words import HANGUL, HAS_HANGUL

# Witnesses: 在…的见证下, 장관이 지켜보는 가운데, 원장 등이 참석한 가운데.
# The Korean witnesses are the words before the marker after the parties' topic (…은/는).
_KO_WORD = r"(?![^\s,，.。]*[은는]\s)[^\s,，.。]+"
WITNESS = re.compile(
    r"在[^，。；]{1,60}?(?:的)?(?:共同)?(?:见证|陪同|主持|出席)下"
    rf"|(?<!\S)(?:{_KO_WORD}\s+){{1,8}}(?:지켜보는|참석한|배석한|임석한|참관한)\s*가운데"
    rf"|(?<!\S)(?:{_KO_WORD}\s+){{0,8}}(?:{_KO_WORD})?(?:참석|입회|배석)\s*하에"
)
# An organization the agreement founds: 共建…联合研究中心, …센터 설립을 위한.
_ZH_FOUNDED = re.compile(r"(?:共建|建立|建设|成立|设立|组建|筹建|揭牌|挂牌|合建)(?:的|一个|一所)?$")
_KO_FOUNDED = re.compile(
    r"(?:\([^)]{0,20}\))?\s*(?:을|를|의|가|이)?\s*(?:공동\s*)?(?:설립|설치|개소|건립|출범|개설|신설|구축)"
)
# The place of the signing: 在B签署 / B에서 체결: not a party when two others are named.
_ZH_VENUE = re.compile(r"在$")
# ... and one marked as a place, a recipient or a role is no party either (B에서, B에게,
# B로 지정된).
_KO_VENUE = re.compile(r"(?:\([^)]{0,20}\))?\s*(?:에서|에게|으로|로)(?![가-힣])")
# Korean topic or subject: 한국해양연구원은, KIST(…)가, KIST 측은.
_KO_TOPIC = re.compile(r"(?:\([^)]{0,30}\))?(?:\s?측)?(?:은|는|이|가)(?=\s)")
# The one signed with, or visited: B와, B 측과, B를 방문해; 与B, 同B; and a clause whose
# topic is named (A는 …).
_KO_COUNTERPART = re.compile(f"[{HANGUL}A-Za-z)](?:\\s?측)?(?:(?:과|와)(?:는|도|의)?|을|를)(?=\\s)")
_KO_TOPIC_IN = re.compile(f"(?![와과])[{HANGUL}A-Za-z)](?:\\s?측)?(?:은|는)(?=\\s)")
_ZH_COUNTERPART_IN = re.compile(r"^[^，。]{0,12}?(?:并|还|随后|又|也|先后)?(?:与|同|跟)")
# "双方", "양 기관": the parties named before; "三方", "세 기관": three of them.
_ANAPHOR = re.compile(
    r"(?P<two>双方|两校|两院|两所|两家|两单位|两机构|两部门|两馆|两会|两中心|"
    r"양\s?기관|양측|양사|양교|양\s?대학(?:교)?|양\s?연구원|양\s?단체|양\s?센터|두\s?기관)"
    r"|(?P<three>三方|세\s?기관|3개\s?기관)"
)
# "我校", "본원": the organization the article is about.
_SUBJECT_ANAPHOR = re.compile(
    r"我校|我院|我所|我单位|我会|我中心|本校|本院|본교|본원|우리\s?대학|당사"
)
# A clause without its subject: "…，与B签署了协议".
_ZH_JOINING_START = re.compile(r"^(?:[^，。与和同]{0,12})?(?:并|还|随后|又|也|先后)?(?:与|和|同)")
_KO_SIGN_VERB = re.compile(r"서명")
# A Korean signatory is the subject of the signing: "X 원장과 Y 총장이", "X 총장은".
_KO_SIGNER_AFTER = re.compile(f"\\s?(?:[{HANGUL}]{{1,6}}\\s?)?(?:과|와|이|가|은|는)(?=\\s)")
_ZH_SIGNER_CUE = re.compile(r"代表|分别|共同|签字|签署|签订|签约")


class Article:
    """The organizations and people of the article by where they stand, outermost first."""

    def __init__(self, ctx: Context):
        self.orgs = _outermost(
            (span.start, span.end, key) for key, fact in ctx.orgs.items() for span in fact.spans
        )
        self.org_ends = {end for _, end, _ in self.orgs}
        self.persons = _outermost(
            (span.start, span.end, key) for key, fact in ctx.persons.items() for span in fact.spans
        )

    def orgs_in(self, start: int, end: int, excluded=()) -> list[tuple[int, int, str]]:
        return _within(self.orgs, start, end, excluded)

    def persons_in(self, start: int, end: int, excluded=()) -> list[tuple[int, int, str]]:
        return _within(self.persons, start, end, excluded)


def _within(spans, start: int, end: int, excluded) -> list[tuple[int, int, str]]:
    """The spans that start in [start, end) outside the excluded ranges, one per key."""
    found, seen = [], set()
    for s_start, s_end, key in spans:
        if not start <= s_start < end or key in seen:
            continue
        if not any(a <= s_start < b for a, b in excluded):
            seen.add(key)
            found.append((s_start, s_end, key))
    return found


def _outermost(spans) -> list[tuple[int, int, str]]:
    """The spans not inside a longer one (부산대학교 in 부산대학교 산학협력단), in order."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for span in ordered:
        if span[1] <= reach:
            continue
        kept.append(span)
        reach = max(reach, span[1])
    return kept


def parties_of(
    ctx: Context,
    article: Article,
    s_start: int,
    s_end: int,
    signing: Signing,
    excluded: list[tuple[int, int]],
) -> list[str]:
    body = ctx.body
    region_end = signing.verb_start
    clause = clause_start(body, s_start, region_end, article)
    orgs = [o for o in article.orgs_in(clause, region_end, excluded) if not _founded(body, o)]
    # the instrument's own name may state its parties: 《A与B合作谅解备忘录》
    if not signing.korean and body[signing.inst_end : signing.inst_end + 1] == "》":
        opening = body.rfind("《", s_start, signing.inst_start)
        if opening != -1:
            orgs += article.orgs_in(opening, signing.inst_start)
    orgs = _without_venue(body, orgs, signing.korean)
    parties = _unique(key for _, _, key in orgs)
    if signing.cited:
        return parties if len(parties) >= 2 else []
    region = body[clause:region_end]
    if len(parties) < 2 and signing.korean:
        topic = _ko_topic(body, article, s_start, clause, excluded)
        if topic and topic not in parties:
            parties.insert(0, topic)
    elif len(parties) < 2 and (not parties or _ZH_JOINING_START.match(region)):
        earlier = [
            o[2] for o in article.orgs_in(s_start, clause, excluded) if not _founded(body, o)
        ]
        if earlier and earlier[0] not in parties:
            parties.insert(0, earlier[0])
    anaphor = _ANAPHOR.search(body, s_start, region_end)
    if anaphor:
        wanted = 3 if anaphor.group("three") else 2
        named_before: list[str] = []
        for key in _orgs_before(ctx, article, s_start):
            if len(parties) + len(named_before) >= wanted:
                break
            if key not in parties:
                named_before.append(key)
        parties += reversed(named_before)  # in the order the text names them
    return parties


def needs_subject(body: str, article: Article, s_start: int, signing: Signing) -> bool:
    """ "与B签署", "B와 …체결", "我校与B": the one organization named is the other side; the
    subject is left out, or is "we"."""
    clause = clause_start(body, s_start, signing.verb_start, article)
    region = body[clause : signing.verb_start]
    if _SUBJECT_ANAPHOR.search(region):
        return True
    if signing.korean:
        return bool(_KO_COUNTERPART.search(region)) and not _KO_TOPIC_IN.search(region)
    return bool(_ZH_COUNTERPART_IN.search(region))


def previous_subject(
    ctx: Context,
    article: Article,
    sentences: list[tuple[int, int]],
    index: int,
    parties: list[str],
) -> str:
    """The subject a sentence leaves out is that of one of the two sentences before: the first
    organization marked as topic (Korean) or the first named (Chinese)."""
    body = ctx.body
    for start, end in reversed(sentences[max(0, index - 2) : index]):
        korean = bool(HAS_HANGUL.search(body, start, end))
        for _, o_end, key in article.orgs_in(start, end):
            if key not in parties and (not korean or _KO_TOPIC.match(body, o_end)):
                return key
    return ""


def _unique(keys) -> list[str]:
    seen: list[str] = []
    for key in keys:
        if key not in seen:
            seen.append(key)
    return seen


def _founded(body: str, org: tuple[int, int, str]) -> bool:
    start, end, _ = org
    return bool(_ZH_FOUNDED.search(body, max(0, start - 6), start) or _KO_FOUNDED.match(body, end))


def _without_venue(body: str, orgs, korean: bool):
    pattern = _KO_VENUE if korean else _ZH_VENUE
    venues = [
        o
        for o in orgs
        if (pattern.match(body, o[1]) if korean else pattern.search(body, max(0, o[0] - 1), o[0]))
    ]
    if venues and len(orgs) - len(venues) >= 2:
        return [o for o in orgs if o not in venues]
    return orgs


def _ko_topic(
    body: str, article: Article, s_start: int, end: int, excluded: list[tuple[int, int]]
) -> str:
    """The organization a Korean sentence is about: the first marked 은/는/이/가."""
    for _, o_end, key in article.orgs_in(s_start, end, excluded):
        if _KO_TOPIC.match(body, o_end):
            return key
    return ""


def _orgs_before(ctx: Context, article: Article, offset: int) -> list[str]:
    """Organizations named before the offset, nearest first, then those of the title."""
    found: list[str] = []
    for _, _, key in reversed(article.orgs_in(0, offset)):
        if key not in found:
            found.append(key)
    for key in title_orgs(ctx):
        if key not in found:
            found.append(key)
    return found


def title_orgs(ctx: Context) -> list[str]:
    """The organizations the title names, in order; a name inside a longer one the title
    names (中国科学院 in 中国科学院金属研究所) is not named on its own."""
    hits = []
    for key, fact in ctx.orgs.items():
        for name in (fact.name, fact.acronym, *fact.aliases):
            if name and len(name) > 1:
                at = ctx.title.find(name)
                if at != -1:
                    hits.append((at, at + len(name), key))
                    break
    return [
        key
        for start, end, key in sorted(hits)
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in hits)
    ]


def article_subject(ctx: Context, article: Article, parties: list[str]) -> str:
    """The organization the article is about: the first its title names, else the one the
    body names most often on its own (not inside a longer name)."""
    title = [key for key in title_orgs(ctx) if key not in parties]
    if title:
        return title[0]
    counts: dict[str, int] = {}
    for _, _, key in article.orgs:
        if key not in parties:
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


def signatories_of(
    ctx: Context,
    article: Article,
    s_start: int,
    signing: Signing,
    excluded: list[tuple[int, int]],
    parties: list[str],
) -> list[tuple[str, str]]:
    body = ctx.body
    clause = clause_start(body, s_start, signing.verb_start, article)
    found = []
    for _, p_end, key in article.persons_in(clause, signing.verb_start, excluded):
        if signing.korean:
            if not (
                _KO_SIGN_VERB.match(body, signing.verb_end - 2)
                or _KO_SIGNER_AFTER.match(body, p_end)
            ):
                continue
        elif not _ZH_SIGNER_CUE.search(body, p_end, signing.verb_end):
            continue
        found.append((key, _org_of(ctx, key, parties)))
    return found


def _org_of(ctx: Context, person: str, parties: list[str]) -> str:
    for position in ctx.positions:
        if position.person_key != person:
            continue
        if position.org_key in parties:
            return position.org_key
        parent = ctx.orgs[position.org_key].parent_key if position.org_key in ctx.orgs else ""
        if parent in parties:
            return parent
    return ""
