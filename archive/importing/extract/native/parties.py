"""Agreements written in Chinese or Korean: a signing verb (签署, 签订, 签约; 체결, 서명, 맺다)
that governs an instrument (合作协议, 谅解备忘录, 联合声明; 업무협약, 양해각서, MOU), with its
parties, signatories and date.

Chinese puts the verb before the instrument (A与B签署了合作协议) or the instrument before its
ceremony (合作协议签约仪式); Korean puts the verb after it (A와 B는 MOU를 체결했다). In both the
parties and signatories stand before the verb, in the signing clause; "双方" and "양 기관" stand
for the two organizations named before. Plans to sign (将签署, 체결할 예정) are no agreement;
an agreement only cited (根据…协议, 체결한 MOU에 따라) is one only when its parties are named.

Organizations and people are read from their spans, in any script: the native stage does not
index its names by token."""

import re
from dataclasses import dataclass
from datetime import date

from archive.importing.dates import find_dates
from archive.importing.extract.context import Context
from archive.importing.extract.facts import AgreementFact
from archive.importing.extract.native.words import HAN, HANGUL

_HAS_NATIVE = re.compile(f"[{HAN}{HANGUL}]")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# -- instruments ------------------------------------------------------------------------------

ZH_INSTRUMENTS = {
    "谅解备忘录": "mou",
    "备忘录": "mou",
    "协议书": "cooperation",
    "协议": "cooperation",
    "协定": "cooperation",
    "联合声明": "joint_statement",
    "共同声明": "joint_statement",
    "联合宣言": "joint_statement",
    "共同宣言": "joint_statement",
    "意向书": "other",
    "合同书": "contract",
    "合同": "contract",
}
KO_INSTRUMENTS = {
    "양해각서": "mou",
    "MOU": "mou",
    "MoU": "mou",
    "업무협약서": "cooperation",
    "업무협약": "cooperation",
    "협약서": "cooperation",
    "협약": "cooperation",
    "협정서": "cooperation",
    "협정": "cooperation",
    "합의서": "cooperation",
    "약정서": "cooperation",
    "약정": "cooperation",
    "공동성명": "joint_statement",
    "공동선언문": "joint_statement",
    "공동선언": "joint_statement",
    "의향서": "other",
    "계약서": "contract",
    "계약": "contract",
}
_KINDS = {**ZH_INSTRUMENTS, **KO_INSTRUMENTS}


def _kind_of(instrument: str) -> str | None:
    return _KINDS.get(instrument) or _KINDS.get(instrument.removesuffix("s"))


_LABELS = {
    "mou": "MOU",
    "cooperation": "Agreement",
    "joint_statement": "Joint statement",
    "other": "Letter of intent",
    "contract": "Contract",
}
_INSTRUMENT = re.compile(
    f"(?<![A-Za-z])(?:{_alternation(_KINDS)})s?(?![A-Za-z])|"
    # 签约 with no instrument: "A与B在京签约", "签约仪式"
    r"(?P<bare>签约)(?!项目|金额|额|企业|资金|球员|作家|艺人)"
)
# Characters that end the words before an instrument's kind: 签署了|合作协议, 的|协议.
_ZH_LABEL_STOPS = "了的、和与及份项个在，,《》“”"
# Trade agreements (自由贸易协定, 자유무역협정) bind states, not organizations.
_STATE_INSTRUMENT = re.compile(r"(?:贸易|무역|관세|투자보장)\s?$")

# -- signing words ----------------------------------------------------------------------------

# Chinese verbs before their instrument: 签署了…合作协议.
_ZH_VERB = re.compile(r"签署|签订|缔结|续签|签约|互签|共签|交换|达成")
# Between the verb and its instrument: modifiers, no clause break; "的" first is a relative
# clause (A与B签署的协议).
_ZH_GAP = re.compile(r"^(?P<rel>的)?[^，。；！？,;:：]{0,40}$")
# The instrument before its signing: 合作协议签约仪式, 备忘录正式签署, 协议的签订, 在协议上签字.
_ZH_AFTER = re.compile(
    r"[》」”\"]?(?:的|上)?(?:正式|顺利|共同|成功|现场)?(?:签署|签订|签约|签字|缔结|续签)"
)
# Korean verbs after their instrument: MOU를 체결했다, 협약에 서명, 협약을 맺고, MOU 체결식,
# '…에 관한 양해각서'에 서명; a few words may stand between (공식 체결, 지난 5월 21일 체결).
_KO_AFTER = re.compile(
    r"(?:\s*[(（][^)）]{0,20}[)）])?[’'”\"」』]?\s*(?:을|를|에|이|가|도|의)?\s*"
    f"(?:[{HANGUL}\\d]{{1,6}}\\s+){{0,3}}(?P<verb>체결|서명|맺|교환|조인)"
    r"|(?P<ceremony>식|\s*체결식|\s*서명식)"
)
# Korean relative clause before the instrument: 체결한 MOU, A와 B가 맺은 협약.
_KO_RELATIVE = re.compile(
    r"(?:체결|서명)(?:한|된|했던)\s+(?:\S+\s+){0,2}$|맺은\s+(?:\S+\s+){0,2}$|맺었던\s+(?:\S+\s+){0,2}$"
)

# Plans and negations: 将签署, 拟签订, 计划签署; 체결할 예정, 체결하기로, 체결을 추진.
_ZH_PLAN = re.compile(
    r"(?:将|拟|计划|准备|有望|预计|希望|期待|期望|争取|推动|推进|商签|洽谈|讨论|探讨|磋商|商讨|"
    r"尽快|即将|愿意|愿|同意|决定|打算|正在|有待|尚未|未能|没有|并未|还未|建议|提议|寻求)"
    r"[^，。；]{0,8}$|就$"
)
_ZH_PLAN_AFTER = re.compile(r"[^，。；]{0,20}?(?:事宜|进行(?:了)?(?:讨论|磋商|协商|商谈))")
_KO_PLAN = re.compile(
    r"(?:할|하기로|키로|하려|할지|될|을|를|에|\s)*"
    r"(?:예정|계획|방침|추진|논의|검토|협의|협상|제안|요청|합의|여부|위한|위해|앞두|앞둔|준비|"
    r"목표|희망|기로|키로|하기로|할|하려)"
    r"|(?:하)?지\s*(?:못|않)"
)
# An agreement only cited: 根据…协议, 在…协议框架下, 自…签署…以来; MOU에 따라.
_ZH_CITED_BEFORE = re.compile(r"根据|依据|按照|依照|基于|落实|执行|履行|继|自")
_CITED_AFTER = re.compile(
    r"[》」”\"]?[^，。；,]{0,12}?(?:框架|以来|至今|精神|规定|基础上)"
    r"|\s*(?:\([^)]{0,20}\))?\s*(?:에\s*따라|에\s*따른|을\s*바탕으로|를\s*바탕으로|의\s*후속)"
)

# -- parties and signatories ------------------------------------------------------------------

# Witnesses: 在…的见证下, 장관이 지켜보는 가운데, 원장 등이 참석한 가운데.
# The Korean witnesses are the words before the marker after the parties' topic (…은/는).
_KO_WORD = r"(?![^\s,，.。]*[은는]\s)[^\s,，.。]+"
_WITNESS = re.compile(
    r"在[^，。；]{1,60}?(?:的)?(?:共同)?(?:见证|陪同|主持|出席)下"
    rf"|(?<!\S)(?:{_KO_WORD}\s+){{1,8}}(?:지켜보는|참석한|배석한|임석한|참관한)\s*가운데"
    rf"|(?<!\S)(?:{_KO_WORD}\s+){{0,8}}(?:{_KO_WORD})?(?:참석|입회|배석)\s*하에"
)
# A clause whose subject attended or witnessed the signing (X出席签约仪式, X见证了签约): it
# states no agreement of its own.
_ZH_ATTENDED = re.compile(r"(?:见证|出席|参加|陪同|主持|观摩|参观)(?:了)?[^，。；]{0,12}$")
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
# Korean topic or subject: 한국재료연구원은, KIST(…)가, KIST 측은.
_KO_TOPIC = re.compile(r"(?:\([^)]{0,30}\))?(?:\s?측)?(?:은|는|이|가)(?=\s)")
# The one signed with, or visited: B와, B 측과, B를 방문해; 与B, 同B; and a clause whose
# topic is named (A는 …).
_KO_COUNTERPART = re.compile(f"[{HANGUL}A-Za-z)](?:\\s?측)?(?:(?:과|와)(?:는|도|의)?|을|를)(?=\\s)")
_KO_TOPIC_IN = re.compile(f"(?![와과])[{HANGUL}A-Za-z)](?:\\s?측)?(?:은|는)(?=\\s)")
_ZH_COUNTERPART_IN = re.compile(r"^[^，。]{0,12}?(?:并|还|随后|又|也|先后)?(?:与|同|跟)")
_HAS_HANGUL = re.compile(f"[{HANGUL}]")
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

# -- dates ------------------------------------------------------------------------------------

_MONTH_DAY = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)\s*[年년]\s*)?(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일号]"
)
_DAY_ONLY = re.compile(
    r"(?P<relative>上月|本月|下月|当月|지난\s?달|이달|다음\s?달)?\s*"
    r"(?<![\d月월\-~～至])(?P<day>\d{1,2})\s*[日일](?![本본간])"
)
_MONTH_ONLY = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)\s*[年년]\s*)?(?P<month>\d{1,2})\s*[月월](?!\s*\d)"
)
_YEAR_ONLY = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년](?!\s*\d)")
# A sentence that speaks of the occasion of the one before: 会上, 会后, 이날, 이 자리에서.
_OCCASION = re.compile(
    r"会上|会后|会谈后|会见后|期间|仪式上|活动中|当天|当日|同日|"
    r"이날|이\s자리에서|행사에서|방문\s기간|같은\s날"
)
_OCCASION_LOOKBACK = 3  # sentences

# -- sentences --------------------------------------------------------------------------------

_SENTENCE_END = re.compile(f"[。！？!?]+|(?<=[{HANGUL})）\"”'’])\\.(?=\\s|$)|\\n+")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def _native_sentences(body: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(body):
        if body[start : match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if body[start:].strip():
        spans.append((start, len(body)))
    return spans


@dataclass
class _Signing:
    kind: str
    inst_start: int
    inst_end: int
    verb_start: int  # where the parties' region ends
    verb_end: int
    cited: bool  # a relative clause or a citation: parties must be named
    korean: bool
    label: str = ""  # the instrument as written: 合作协议, 업무협약(MOU)


class _Article:
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
    """The spans not inside a longer one (충남대학교 in 충남대학교 산학협력단), in order."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for span in ordered:
        if span[1] <= reach:
            continue
        kept.append(span)
        reach = max(reach, span[1])
    return kept


def find_native_agreements(ctx: Context) -> None:
    body = ctx.body
    if not _HAS_NATIVE.search(body):
        return
    sentences = _native_sentences(body)
    article: _Article | None = None
    for index, (s_start, s_end) in enumerate(sentences):
        signings = _signings(body, s_start, s_end)
        if not signings:
            continue
        if article is None:
            article = _Article(ctx)
        for signing in signings:
            _add(ctx, article, sentences, index, signing)
    if not ctx.agreements and _HAS_NATIVE.search(ctx.title):
        _from_title(ctx, sentences)


# -- finding the signings ---------------------------------------------------------------------


def _signings(body: str, s_start: int, s_end: int) -> list[_Signing]:
    found: list[_Signing] = []
    previous_end = -1
    for match in _INSTRUMENT.finditer(body, s_start, s_end):
        start, end = match.span()
        # 업무협약(MOU): the same instrument again; MOU names its kind
        if previous_end >= 0 and re.fullmatch(r"\s?[(（]", body[previous_end:start]):
            if found and match.group().rstrip("s") in {"MOU", "MoU"}:
                found[-1].kind = "mou"
            continue
        if _STATE_INSTRUMENT.search(body, max(s_start, start - 4), start):
            continue
        signing = _zh_signing(body, s_start, s_end, match) or _ko_signing(body, s_start, match)
        if signing is None:
            continue
        if found and match.group("bare") and found[-1].verb_start <= start <= found[-1].inst_end:
            continue
        previous_end = end
        found.append(signing)
    return found


def _clause_start(body: str, s_start: int, offset: int, article=None) -> int:
    """Where the clause holding the offset begins; a comma in a list of organizations (A와 B,
    C는) is no clause break."""
    for brk in reversed(list(_CLAUSE_BREAK.finditer(body, s_start, offset))):
        at = brk.start()
        if article is not None and (
            at in article.org_ends or (at - 1 in article.org_ends and body[at - 1] in "와과")
        ):
            continue
        return brk.end()
    return s_start


def _zh_signing(body: str, s_start: int, s_end: int, match: re.Match) -> _Signing | None:
    start, end = match.span()
    text = match.group()
    if not re.match(f"[{HAN}]", text):
        return None
    clause = _clause_start(body, s_start, start)
    if match.group("bare"):
        verb_start, verb_end, relative = start, end, False
        if _ZH_PLAN.search(body, clause, start) or _ZH_ATTENDED.search(body, clause, start):
            return None
        kind = "cooperation"
    else:
        kind = ZH_INSTRUMENTS[text]
        verbs = list(_ZH_VERB.finditer(body, clause, start))
        verb = verbs[-1] if verbs else None
        gap = _ZH_GAP.match(body[verb.end() : start]) if verb else None
        if verb is not None and gap is not None:
            verb_start, verb_end, relative = verb.start(), verb.end(), bool(gap.group("rel"))
            if verb.group() == "达成" and kind != "cooperation":
                return None
        else:
            after = _ZH_AFTER.match(body, end, s_end)
            if after is None:
                return None
            verb_start, verb_end, relative = start, after.end(), False
        if _ZH_PLAN.search(body, clause, verb_start) or _ZH_ATTENDED.search(
            body, clause, verb_start
        ):
            return None
        if _ZH_PLAN_AFTER.match(body, end, s_end):
            return None
    cited = (
        relative
        or bool(_ZH_CITED_BEFORE.search(body, clause, verb_start))
        or bool(_CITED_AFTER.match(body, end, s_end))
    )
    label = (
        "签约"
        if match.group("bare")
        else _zh_label(body, s_start, start, end, verb_end if verb_end <= start else clause)
    )
    return _Signing(kind, start, end, verb_start, verb_end, cited, False, label)


def _zh_label(body: str, s_start: int, start: int, end: int, floor: int) -> str:
    """The instrument with the words of its kind before it: 合作协议, 谅解备忘录, or the name
    in 《》."""
    if body.startswith("》", end):
        opening = body.rfind("《", s_start, start)
        if opening != -1:
            return body[opening + 1 : end]
    window = body[max(floor, start - 4) : start]
    cut = max((window.rfind(c) for c in _ZH_LABEL_STOPS), default=-1)
    return window[cut + 1 :] + body[start:end]


def _ko_signing(body: str, s_start: int, match: re.Match) -> _Signing | None:
    start, end = match.span()
    text = match.group()
    kind = _kind_of(text)
    if text.rstrip("s") not in KO_INSTRUMENTS or kind is None:
        return None
    after = _KO_AFTER.match(body, end)
    relative = False
    if after is not None:
        verb_end = after.end()
        if after.group("verb") and _KO_PLAN.match(body, verb_end):
            return None
        if after.group("verb") == "맺" and re.match(r"(?:을|기로|으려)", body[verb_end:]):
            return None
    elif _KO_RELATIVE.search(body, max(s_start, start - 30), start):
        relative = True
        verb_end = end
    else:
        return None
    cited = relative or bool(_CITED_AFTER.match(body, end))
    region_end = start
    if relative:
        region_end = _KO_RELATIVE.search(body, max(s_start, start - 30), start).start()
    label = text
    parenthesis = re.match(r"\s?[(（](MOU|MoU)[)）]", body[end : end + 8])
    if parenthesis:
        label += f"({parenthesis.group(1)})"
    return _Signing(kind, start, end, region_end, verb_end, cited, True, label)


# -- the fact ---------------------------------------------------------------------------------


def _add(
    ctx: Context, article: _Article, sentences: list[tuple[int, int]], index: int, signing
) -> None:
    body = ctx.body
    s_start, s_end = sentences[index]
    excluded = [m.span() for m in _WITNESS.finditer(body, s_start, signing.verb_start)]
    parties = _parties(ctx, article, s_start, s_end, signing, excluded)
    if (
        len(parties) == 1
        and not signing.cited
        and _needs_subject(ctx.body, article, s_start, signing)
    ):
        subject = _previous_subject(ctx, article, sentences, index, parties)
        subject = subject or _article_subject(ctx, article, parties)
        if subject:
            parties.insert(0, subject)
    if len(parties) < 2:
        return
    signatories = _signatories(ctx, article, s_start, signing, excluded, parties)
    stated, precision = _date(ctx, sentences, index, signing)
    for fact in ctx.agreements:
        if fact.kind == signing.kind and set(fact.party_keys) == set(parties):
            _complete(fact, signatories, stated, precision)
            return
    ctx.agreements.append(
        AgreementFact(
            signing.kind,
            _title(ctx, parties, signing.label or _LABELS[signing.kind], signing.korean),
            stated if precision == "day" else None,
            parties,
            signatories,
            _summary(body, sentences, index),
            ctx.span(s_start, s_end),
            0.75,
            date_precision=precision,
            stated_on=stated,
        )
    )


def _title(ctx: Context, parties: list[str], label: str, korean: bool) -> str:
    """As a headline of the language names it: 清华大学与首尔大学合作协议, 한국재료연구원·부산대학교
    업무협약."""
    names = [ctx.orgs[key].name for key in parties]
    if any(name in label for name in names):  # 《A与B合作协议》 names them itself
        return label[:500]
    if korean:
        return f"{'·'.join(names)} {label}"[:500]
    joined = "、".join(names[:-1]) + "与" + names[-1] if len(names) > 1 else names[0]
    return f"{joined}{label}"[:500]


def _parties(
    ctx: Context,
    article: _Article,
    s_start: int,
    s_end: int,
    signing: _Signing,
    excluded: list[tuple[int, int]],
) -> list[str]:
    body = ctx.body
    region_end = signing.verb_start
    clause = _clause_start(body, s_start, region_end, article)
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


def _needs_subject(body: str, article: _Article, s_start: int, signing: _Signing) -> bool:
    """ "与B签署", "B와 …체결", "我校与B": the one organization named is the other side; the
    subject is left out, or is "we"."""
    clause = _clause_start(body, s_start, signing.verb_start, article)
    region = body[clause : signing.verb_start]
    if _SUBJECT_ANAPHOR.search(region):
        return True
    if signing.korean:
        return bool(_KO_COUNTERPART.search(region)) and not _KO_TOPIC_IN.search(region)
    return bool(_ZH_COUNTERPART_IN.search(region))


def _previous_subject(
    ctx: Context,
    article: _Article,
    sentences: list[tuple[int, int]],
    index: int,
    parties: list[str],
) -> str:
    """The subject a sentence leaves out is that of one of the two sentences before: the first
    organization marked as topic (Korean) or the first named (Chinese)."""
    body = ctx.body
    for start, end in reversed(sentences[max(0, index - 2) : index]):
        korean = bool(_HAS_HANGUL.search(body, start, end))
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
    body: str, article: _Article, s_start: int, end: int, excluded: list[tuple[int, int]]
) -> str:
    """The organization a Korean sentence is about: the first marked 은/는/이/가."""
    for _, o_end, key in article.orgs_in(s_start, end, excluded):
        if _KO_TOPIC.match(body, o_end):
            return key
    return ""


def _orgs_before(ctx: Context, article: _Article, offset: int) -> list[str]:
    """Organizations named before the offset, nearest first, then those of the title."""
    found: list[str] = []
    for _, _, key in reversed(article.orgs_in(0, offset)):
        if key not in found:
            found.append(key)
    for key in _title_orgs(ctx):
        if key not in found:
            found.append(key)
    return found


def _title_orgs(ctx: Context) -> list[str]:
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


def _article_subject(ctx: Context, article: _Article, parties: list[str]) -> str:
    """The organization the article is about: the first its title names, else the one the
    body names most often on its own (not inside a longer name)."""
    title = [key for key in _title_orgs(ctx) if key not in parties]
    if title:
        return title[0]
    counts: dict[str, int] = {}
    for _, _, key in article.orgs:
        if key not in parties:
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


def _signatories(
    ctx: Context,
    article: _Article,
    s_start: int,
    signing: _Signing,
    excluded: list[tuple[int, int]],
    parties: list[str],
) -> list[tuple[str, str]]:
    body = ctx.body
    clause = _clause_start(body, s_start, signing.verb_start, article)
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


# -- dates ------------------------------------------------------------------------------------


def _date(
    ctx: Context, sentences: list[tuple[int, int]], index: int, signing: _Signing
) -> tuple[date | None, str]:
    """The date nearest before the verb in the sentence, else the first after it, else that of
    the sentence before when this one speaks of its occasion (会上, 이날)."""
    s_start, s_end = sentences[index]
    body = ctx.body
    # a Korean date may stand between the instrument and its verb (협약을 21일 체결했다)
    verb = signing.verb_end if signing.korean else signing.verb_start
    found = _last_date(ctx, s_start, verb) or _first_date(ctx, signing.verb_end, s_end)
    if found:
        return found
    if not _OCCASION.search(body, s_start, verb):
        return None, "unknown"
    for start, end in reversed(sentences[max(0, index - _OCCASION_LOOKBACK) : index]):
        found = _last_date(ctx, start, end)
        if found:
            return found
    return None, "unknown"


def _dates_in(ctx: Context, start: int, end: int) -> list[tuple[int, date | None, str]]:
    body = ctx.body
    found: list[tuple[int, date | None, str]] = []
    taken: list[tuple[int, int]] = []
    for full in find_dates(body[start:end]):
        found.append((start + full.start, full.value, full.precision))
        taken.append((start + full.start, start + full.end))

    def free(match: re.Match) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    for match in _MONTH_DAY.finditer(body, start, end):
        if free(match):
            year = int(match["year"]) if match["year"] else ctx.year
            value = _safe(year, int(match["month"]), int(match["day"]))
            found.append((match.start(), value, "day" if value else "unknown"))
            taken.append(match.span())
    for match in _DAY_ONLY.finditer(body, start, end):
        if free(match):
            # 지난달 28일, 本月23日: a month the page's date would tell, which is not known here
            month = None if match["relative"] else _month_before(body, match.start())
            value = _safe(ctx.year, month, int(match["day"])) if month else None
            found.append((match.start(), value, "day" if value else "unknown"))
            taken.append(match.span())
    for match in _MONTH_ONLY.finditer(body, start, end):
        if free(match):
            year = int(match["year"]) if match["year"] else ctx.year
            value = _safe(year, int(match["month"]), 1)
            found.append((match.start(), value, "month" if value else "unknown"))
            taken.append(match.span())
    for match in _YEAR_ONLY.finditer(body, start, end):
        if free(match):
            found.append((match.start(), date(int(match["year"]), 1, 1), "year"))
    return sorted(found, key=lambda item: item[0])


def _last_date(ctx: Context, start: int, end: int) -> tuple[date | None, str] | None:
    found = _dates_in(ctx, start, end)
    return (found[-1][1], found[-1][2]) if found else None


def _first_date(ctx: Context, start: int, end: int) -> tuple[date | None, str] | None:
    found = _dates_in(ctx, start, end)
    return (found[0][1], found[0][2]) if found else None


def _month_before(body: str, offset: int) -> int | None:
    """A day alone (26日) takes the month of the date before it in the text (10月23日)."""
    dates = list(_MONTH_DAY.finditer(body, max(0, offset - 600), offset))
    return int(dates[-1]["month"]) if dates else None


def _safe(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _complete(fact: AgreementFact, signatories, stated: date | None, precision: str) -> None:
    for person, org in signatories:
        if person not in {p for p, _ in fact.signatories}:
            fact.signatories.append((person, org))
    if fact.stated_on is None and stated is not None:
        fact.stated_on, fact.date_precision = stated, precision
        fact.signed_on = stated if precision == "day" else None


def _summary(body: str, sentences: list[tuple[int, int]], index: int) -> str:
    """The sentences after the signing that speak of the agreement or of the two sides."""
    parts = []
    for start, end in sentences[index + 1 : index + 4]:
        text = body[start:end].strip()
        if not re.search(r"协议|备忘录|双方|根据|MOU|협약|양해각서|양\s?기관|양측|이번", text):
            break
        parts.append(text)
    return " ".join(parts)


# -- the title --------------------------------------------------------------------------------


def _from_title(ctx: Context, sentences: list[tuple[int, int]]) -> None:
    """A headline that announces an agreement ("A-B, 연구협력 MOU", "A与B签署合作协议") when the
    body speaks of the instrument but names no signing of its own."""
    title = ctx.title
    match = _INSTRUMENT.search(title)
    if match is None or _ZH_PLAN.search(title, 0, match.start()):
        return
    verb = _KO_AFTER.match(title, match.end())
    if verb is not None and _KO_PLAN.match(title, verb.end()):
        return
    parties = _title_orgs(ctx)
    if len(parties) < 2:
        return
    kind = "cooperation" if match.group("bare") else _kind_of(match.group()) or "other"
    label = match.group()
    for start, end in sentences:
        if _INSTRUMENT.search(ctx.body, start, end):
            ctx.agreements.append(
                AgreementFact(
                    kind,
                    _title(ctx, parties, label, bool(_HAS_HANGUL.search(title))),
                    None,
                    parties,
                    [],
                    "",
                    ctx.span(start, end),
                    0.5,
                )
            )
            return
