"""Events as Chinese and Korean pages write them: names ending in a keyword ("…合作研讨会",
"제5회 한중 과학기술 포럼"), dated visits and talks ("…组团赴韩国", "…与来访的…举行会谈"),
and their places ("在韩国首尔举行" → Seoul, KR)."""

import re

from archive.countries import CITIES, CITY_NAMES
from archive.importing.dates import DateRange, find_event_dates

KEYWORD_KINDS = {
    "委员会会议": "meeting",
    "联席会议": "meeting",
    "研讨会": "conference",
    "座谈会": "meeting",
    "联委会": "meeting",
    "签约仪式": "signing",
    "签字仪式": "signing",
    "揭牌仪式": "other",
    "启动仪式": "other",
    "开幕式": "other",
    "交流会": "exchange",
    "博览会": "exhibition",
    "展览会": "exhibition",
    "洽谈会": "exhibition",
    "论坛": "forum",
    "峰会": "meeting",
    "年会": "meeting",
    "大会": "conference",
    "会议": "meeting",
    "학술대회": "conference",
    "심포지엄": "conference",
    "콘퍼런스": "conference",
    "컨퍼런스": "conference",
    "박람회": "exhibition",
    "전시회": "exhibition",
    "엑스포": "exhibition",
    "교류회": "exchange",
    "간담회": "meeting",
    "협약식": "signing",
    "체결식": "signing",
    "서명식": "signing",
    "워크숍": "workshop",
    "워크샵": "workshop",
    "세미나": "workshop",
    "포럼": "forum",
    "정상회의": "meeting",
    "회의": "meeting",
}
_ZH_KEYWORDS = [k for k in KEYWORD_KINDS if re.match(r"[\u4e00-\u9fff]", k)]
_KO_KEYWORDS = [k for k in KEYWORD_KINDS if re.match(r"[\uac00-\ud7af]", k)]

# The keyword, then the run of characters before it within the clause (no punctuation, no
# space); "会议纪要" (minutes), "会议室" (a room), "会议期间" (during the meeting) are not names.
_ZH_KEYWORD = re.compile(
    "(?:"
    + "|".join(sorted(_ZH_KEYWORDS, key=len, reverse=True))
    + r")(?!纪要|室|中心|厅|馆|精神|秘书处|组委会|期间|第|会议)"
)
_ZH_RUN = re.compile(r"[\u4e00-\u9fff\dA-Za-z·\-]{1,40}$")
# Korean writes names as words: up to six before the keyword ("제5회 한중 과학기술 포럼").
_KO_KEYWORD = re.compile(
    "(?:" + "|".join(sorted(_KO_KEYWORDS, key=len, reverse=True)) + r")(?![실장록])"
)
_KO_RUN = re.compile(r"(?:[\uac00-\ud7afA-Za-z\d·\-]+ ){0,6}[\uac00-\ud7afA-Za-z\d·\-]*$")
_LEADING_DATE = re.compile(
    r"^(?:本月|当月|同月)?(?:(?:19|20)\d\d[年년]\s*)?(?:\d{1,2}[月월]\s*)?"
    r"(?:\d{1,2}[日일号]?(?:[-至~]\d{1,2})?[日일号])?"
)
# Where a clause's verb ends and the name begins: "…出席2018亚洲产学研合作研讨会".
_ZH_BOUNDARY = re.compile(
    r".*(?:出席|参加|参与|举办|举行|召开|主办|承办|开幕|闭幕|应邀|主持|启动|亮相|筹办|"
    r"组织|进行|前往|赴|在|于|的|了|为|将|由|向|同|并)"
)
_ZH_THIS = re.compile(r"^(?:该|此|这|本次|此次|本届|这次|上述|本|今年)")
_KO_STOP_WORD = re.compile(
    r"(?:에서|에게|으로|부터|까지|[은는을를의에와과도린된던할될며고])$|^(?:이번|해당|본|같은|지난|올해)$"
)


_LONGEST_FIRST = sorted(KEYWORD_KINDS, key=len, reverse=True)
SHORTEST_FIRST = sorted(KEYWORD_KINDS, key=len)


def kind_of(name: str) -> str:
    for keyword in _LONGEST_FIRST:
        if name.endswith(keyword):
            return KEYWORD_KINDS[keyword]
    return ""


def _zh_name(name: str) -> str:
    name = _LEADING_DATE.sub("", name)
    if boundary := _ZH_BOUNDARY.match(name):
        name = name[boundary.end() :]
    return "" if _ZH_THIS.match(name) else name


def _ko_name(name: str) -> str:
    words = name.split()
    while words and _LEADING_DATE.fullmatch(words[0]):
        words.pop(0)
    for i in range(len(words) - 1, -1, -1):
        if _KO_STOP_WORD.search(words[i]) or re.fullmatch(r"\d+[월일년]", words[i]):
            words = words[i + 1 :]
            break
    return " ".join(words)


def _names(text: str):
    """(start, end, name) of every Chinese or Korean event name in the text."""
    last = 0
    for match in _ZH_KEYWORD.finditer(text):
        run = _ZH_RUN.search(text, max(last, match.start() - 40), match.start())
        last = match.end()
        name = _zh_name(run.group()) if run else ""
        if len(name) >= 2:
            yield match.start() - len(name), match.end(), name + match.group()
    last = 0
    for match in _KO_KEYWORD.finditer(text):
        run = _KO_RUN.search(text, max(last, match.start() - 80), match.start())
        last = match.end()
        name = _ko_name(run.group()) if run else ""
        if len(name.replace(" ", "")) >= 2:
            start = run.start() + run.group().find(name)
            yield start, match.end(), text[start : match.end()]


def find_names(ctx, add) -> list[tuple[int, int]]:
    """Adds the Chinese and Korean event names; returns where an English name stands beside
    one ("2018亚洲产学研合作研讨会—International Symposium on …": one event, two names)."""
    aliases: list[tuple[int, int]] = []
    if not has_cjk(ctx.body):
        return aliases
    for start, end, name in _names(ctx.body):
        if ctx.org_containing(start):
            continue
        fact = add(name, kind_of(name), start, end)
        english = re.match(r"\s*[—\-－(（:：]\s*[A-Z][\w -]+", ctx.body[end : end + 200])
        if english:
            fact.spans.append(ctx.span(end, end + english.end()))
            aliases.append((end, end + english.end()))
    return aliases


def title_names(title: str) -> list[str]:
    return [name for _, _, name in _names(title)] if has_cjk(title) else []


_HAS_CJK = re.compile(r"[\u4e00-\u9fff\uac00-\ud7af]")


def has_cjk(text: str) -> bool:
    # every pattern of this module needs a character outside ASCII; isascii() costs nothing
    return not text.isascii() and _HAS_CJK.search(text) is not None


_SENTENCE_END = re.compile(r"[。！？；]|(?<=[다요])\.(?=\s|$)")
_CLAUSE = re.compile(r"[^，,；;：:]+")
_VISIT_VERB = re.compile(
    r"访问|出访|到访|来访|走访|前往|来到|抵达|赴|방문|방한|방중|방일|내한|찾았|찾아"
)
_TALK_VERB = re.compile(r"会谈|会见|会面|会晤|회담|면담|접견")


def sentence_of(ctx, offset: int) -> tuple[int, int]:
    """The sentence about an offset, narrowed at Chinese and Korean sentence ends."""
    start, end = ctx.sentence_of(offset)
    if ctx.body.isascii():
        return start, end
    for match in _SENTENCE_END.finditer(ctx.body, start, end):
        if match.end() <= offset:
            start = match.end()
        else:
            return start, match.end()
    return start, end


def _sentences(body: str):
    start = 0
    for match in _SENTENCE_END.finditer(body):
        yield start, match.end()
        start = match.end()
    if start < len(body):
        yield start, len(body)


def reference_date(body: str, year: int | None) -> DateRange | None:
    """The first date the page gives a month for: a day alone ("26日", "本月23日") is in
    that month."""
    if not has_cjk(body):
        return None
    for start, end in _sentences(body):
        found = find_event_dates(body[start:end], year)
        if found and found.month_day:
            return found
    return None


# Signing an MOU or agreement: "双方签署了合作备忘录", "양해각서(MOU)를 체결했다".
_SIGN_CLAUSE = re.compile(
    r"(?:签署|签订|签约|签字).{0,20}?(?:协议|备忘录|协定|合同)|(?:协议|备忘录|协定)\S{0,6}签署|"
    r"(?:양해각서|업무협약|협약|MOU).{0,12}?(?:체결|서명)"
)


_PAST = re.compile(r"纪要|自|以来|至今|曾|이래")


def find_signings(ctx, add) -> list[str]:
    """One signing a page, at the first clause that says an MOU or agreement was signed."""
    if not has_cjk(ctx.body):
        return []
    for s_start, s_end in _sentences(ctx.body):
        sentence = ctx.body[s_start:s_end]
        for clause in _CLAUSE.finditer(sentence):
            # "自1992年两国签署…协定至今" (since 1992): a signing long past, no event here
            if _SIGN_CLAUSE.search(clause.group()) and not _PAST.search(clause.group()):
                text = clause.group().strip().rstrip("。！？；.!? ")
                start = s_start + clause.start() + clause.group().find(text)
                add(text, "signing", start, start + len(text))
                return [text]
    return []


def find_visits(ctx, add, reference: DateRange | None) -> list[str]:
    """Dated visits and talks, one a sentence: the first clause with a visit or talk verb
    ("机械学院…组团赴韩国", "侯建国在京与来访的…举行会谈")."""
    found: list[str] = []
    if not has_cjk(ctx.body):
        return found
    month = int(reference.month_day[:2]) if reference else None
    for s_start, s_end in _sentences(ctx.body):
        sentence = ctx.body[s_start:s_end]
        if not _HAS_CJK.search(sentence) or not find_event_dates(sentence, ctx.year, month):
            continue
        for clause in _CLAUSE.finditer(sentence):
            text = clause.group()
            visit, talk = _VISIT_VERB.search(text), _TALK_VERB.search(text)
            if not (visit or talk) or (visit and not talk and visit.end() >= len(text.rstrip())):
                continue
            lead = _LEADING_DATE.match(text.lstrip())
            start = s_start + clause.start() + (len(text) - len(text.lstrip())) + lead.end()
            end = s_start + clause.start() + len(text.rstrip("。！？；.!? "))
            if talk:
                end = s_start + clause.start() + max(m.end() for m in _TALK_VERB.finditer(text))
            name = ctx.body[start:end].strip()
            if len(name) >= 4:
                add(name, "visit" if visit else "meeting", start, end)
                found.append(name)
            break
    return found


_ZH_COUNTRY = {
    "韩国": "KR",
    "韩": "KR",
    "日本": "JP",
    "日": "JP",
    "中国": "CN",
    "华": "CN",
    "美国": "US",
    "俄罗斯": "RU",
    "澳大利亚": "AU",
    "新加坡": "SG",
    "蒙古": "MN",
    "越南": "VN",
    "德国": "DE",
    "法国": "FR",
    "英国": "GB",
    "한국": "KR",
    "중국": "CN",
    "일본": "JP",
    "미국": "US",
}
_COUNTRY_AFTER_VERB = re.compile(
    r"(?:赴|访问|出访|在|到|前往|抵达|来到|访)("
    + "|".join(sorted(_ZH_COUNTRY, key=len, reverse=True))
    + r")|(한국|중국|일본|미국)(?:을|를|에|에서)|방(한|중|일)"
)
_VISIT_SHORT = {"한": "KR", "중": "CN", "일": "JP"}
# A city named inside an organization's name ("北京大学", "서울대학교") is no place.
_CJK_CITY = re.compile(
    "(" + "|".join(sorted(CITY_NAMES, key=len, reverse=True)) + r")(?![大学院所局厅部]|대학|시청)"
)
_CAPITAL_SHORT = {"京": "Beijing", "沪": "Shanghai"}


def country_in(text: str) -> str:
    if text.isascii():
        return ""
    if match := _COUNTRY_AFTER_VERB.search(text):
        if match.group(1):
            return _ZH_COUNTRY[match.group(1)]
        if match.group(2):
            return _ZH_COUNTRY[match.group(2)]
        return _VISIT_SHORT[match.group(3)]
    return ""


def place_of(ctx, sentence_spans: list[tuple[int, int]]) -> tuple[str, str]:
    """(city, country) from Chinese and Korean sentences: "在韩国首尔举行", "在京"."""
    if ctx.body.isascii():
        return "", ""
    for start, end in sentence_spans:
        text = ctx.body[start:end]
        for match in _CJK_CITY.finditer(text):
            if not ctx.org_containing(start + match.start()):
                city = CITY_NAMES[match.group(1)]
                return city, CITIES[city]
        if short := re.search(r"(?:在|来|抵|进|赴)(京|沪)", text):
            city = _CAPITAL_SHORT[short.group(1)]
            return city, CITIES[city]
        if country := country_in(text):
            return "", country
    return "", ""
