"""The sentences that state a signing in Chinese or Korean: the instruments (合作协议,
谅解备忘录; 업무협약, MOU) and the verbs that sign them (签署, 签订; 체결, 서명), the plans
(将签署, 체결할 예정) that are no agreement, and the citations (根据…协议, MOU에 따라) that are
one only when their parties are named."""

import re
from dataclasses import dataclass

from archive.importing.extract.native.words import HAN, HANGUL, alternation

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


def kind_of(instrument: str) -> str | None:
    return _KINDS.get(instrument) or _KINDS.get(instrument.removesuffix("s"))


INSTRUMENT = re.compile(
    f"(?<![A-Za-z])(?:{alternation(_KINDS)})s?(?![A-Za-z])|"
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
KO_AFTER = re.compile(
    r"(?:\s*[(（][^)）]{0,20}[)）])?[’'”\"」』]?\s*(?:을|를|에|이|가|도|의)?\s*"
    f"(?:[{HANGUL}\\d]{{1,6}}\\s+){{0,3}}(?P<verb>체결|서명|맺|교환|조인)"
    r"|(?P<ceremony>식|\s*체결식|\s*서명식)"
)
# Korean relative clause before the instrument: 체결한 MOU, A와 B가 맺은 협약.
_KO_RELATIVE = re.compile(
    r"(?:체결|서명)(?:한|된|했던)\s+(?:\S+\s+){0,2}$|맺은\s+(?:\S+\s+){0,2}$|맺었던\s+(?:\S+\s+){0,2}$"
)

# Plans and negations: 将签署, 拟签订, 计划签署; 체결할 예정, 체결하기로, 체결을 추진.
ZH_PLAN = re.compile(
    r"(?:将|拟|计划|准备|有望|预计|希望|期待|期望|争取|推动|推进|商签|洽谈|讨论|探讨|磋商|商讨|"
    r"尽快|即将|愿意|愿|同意|决定|打算|正在|有待|尚未|未能|没有|并未|还未|建议|提议|寻求)"
    r"[^，。；]{0,8}$|就$"
)
_ZH_PLAN_AFTER = re.compile(r"[^，。；]{0,20}?(?:事宜|进行(?:了)?(?:讨论|磋商|协商|商谈))")
KO_PLAN = re.compile(
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

# A clause whose subject attended or witnessed the signing (X出席签约仪式, X见证了签约): it
# states no agreement of its own.
_ZH_ATTENDED = re.compile(r"(?:见证|出席|参加|陪同|主持|观摩|参观)(?:了)?[^，。；]{0,12}$")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


@dataclass
class Signing:
    kind: str
    inst_start: int
    inst_end: int
    verb_start: int  # where the parties' region ends
    verb_end: int
    cited: bool  # a relative clause or a citation: parties must be named
    korean: bool
    label: str = ""  # the instrument as written: 合作协议, 업무협약(MOU)


# -- finding the signings ---------------------------------------------------------------------


def signings_in(body: str, s_start: int, s_end: int) -> list[Signing]:
    found: list[Signing] = []
    previous_end = -1
    for match in INSTRUMENT.finditer(body, s_start, s_end):
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


def clause_start(body: str, s_start: int, offset: int, article=None) -> int:
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


def _zh_signing(body: str, s_start: int, s_end: int, match: re.Match) -> Signing | None:
    start, end = match.span()
    text = match.group()
    if not re.match(f"[{HAN}]", text):
        return None
    clause = clause_start(body, s_start, start)
    if match.group("bare"):
        verb_start, verb_end, relative = start, end, False
        if ZH_PLAN.search(body, clause, start) or _ZH_ATTENDED.search(body, clause, start):
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
        if ZH_PLAN.search(body, clause, verb_start) or _ZH_ATTENDED.search(
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
    return Signing(kind, start, end, verb_start, verb_end, cited, False, label)


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


def _ko_signing(body: str, s_start: int, match: re.Match) -> Signing | None:
    start, end = match.span()
    text = match.group()
    kind = kind_of(text)
    if text.rstrip("s") not in KO_INSTRUMENTS or kind is None:
        return None
    after = KO_AFTER.match(body, end)
    relative = False
    if after is not None:
        verb_end = after.end()
        if after.group("verb") and KO_PLAN.match(body, verb_end):
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
    return Signing(kind, start, end, region_end, verb_end, cited, True, label)
