"""Organizations and people written in Chinese or Korean script: names by the regular endings
of organization names (科学院, 大学, 研究所; 연구원, 대학교, 재단), people by the titles that
stand beside their names (中国科学院院长侯建国, 侯建国院长; 최철진 원장), abbreviations the text
defines, and names the archive already knows in these scripts.

One pass of compiled regexes per class over the body; Chinese has no spaces, so a name's left
edge is found by the function words, verbs and titles that cannot be inside a name."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import PositionFact

HAN = "\u4e00-\u9fff"
HANGUL = "\uac00-\ud7a3"
_HAS_NATIVE = re.compile(f"[{HAN}{HANGUL}]")
_HAS_HAN = re.compile(f"[{HAN}]")
_HAS_HANGUL = re.compile(f"[{HANGUL}]")


def _words(text: str) -> list[str]:
    return text.split()


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# -- vocabulary -------------------------------------------------------------------------------

# Chinese (and Japanese-in-Chinese) organization endings -> kind.
ZH_ORG_ENDINGS = {
    "大学": "university",
    "学院": "university",
    "分校": "university",
    "科学院": "academy",
    "工程院": "academy",
    "分院": "academy",
    "研究院": "institute",
    "研究所": "institute",
    "研究中心": "institute",
    "中心": "institute",
    "实验室": "institute",
    "研究会": "association",
    "学会": "association",
    "协会": "association",
    "联合会": "association",
    "理事会": "association",
    "联盟": "association",
    "委员会": "government",
    "联委会": "government",
    "科委": "government",
    "基金委": "government",
    "基金会": "foundation",
    "部": "government",
    "局": "government",
    "厅": "government",
    "省": "government",  # Japanese ministries (外务省); provinces are excluded below
    "司": "department",
    "处": "department",
    "办公室": "department",
    "学部": "department",
    "机构": "government",
    "自由区": "government",
    "开发区": "government",
    "高新区": "government",
    "公司": "company",
    "集团": "company",
    "医院": "other",
    "通讯社": "company",
}
# Endings that are also the last character of common words: not an organization after these.
_ZH_NOT_BEFORE = {
    "部": "全内外东西南北中总本干头底顶腹大一这该各俱局",
    "局": "格布结当大全开僵时政赌",
    "厅": "餐大客展前门歌",
    "司": "上官",
    "处": "之到好此各深相长短住益难出用一两",
    "省": "",
    "中心": "为以市",
}
# A character right after an ending that shows the ending is inside a longer word
# (大学生, 大学城, 部门, 部分, 学会了).
_ZH_NOT_AFTER = "生城门分署队落件面势限堂了到得化"
# Provinces of China: "浙江省" is a place, not a ministry.
ZH_PROVINCES = _words(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾"
)
# Words that end the phrase before a name: prepositions, conjunctions, particles, verbs of
# meeting and visiting (与韩国… → 韩国…).
ZH_BOUNDARIES = _words(
    "的 了 在 与 和 及 以及 由 向 被 把 将 从 给 为 是 等 并 于 赴 到 前往 访问 走访 参观 出席 "
    "参加 会见 会晤 会谈 邀请 举办 举行 主办 承办 签署 代表 通过 随同 率 应 受 还有 包括 "
    "其中 来到 位于 希望 表示 感谢 支持 成立 设立 组建 依托 欢迎 介绍 考察 同 对 跟 "
    "携手 牵头 主持 召开 来访 一行 陪同 之间 有"
)
_ZH_BOUNDARY_EXCEPT = {"和": "共"}  # 共和国 keeps its 和
_ZH_JOINING = {"与", "和", "及"}
_ZH_LIST_MARKS = "、|｜ \t\n\u3000"
# Country words: a name that holds one starts there (…欢迎韩国国家科学技术研究会).
ZH_COUNTRIES = {
    "中日韩": "",
    "中韩": "",
    "中日": "",
    "韩中": "",
    "日中": "",
    "日韩": "",
    "韩日": "",
    "中国": "CN",
    "中华": "CN",
    "韩国": "KR",
    "大韩": "KR",
    "日本": "JP",
    "美国": "US",
    "英国": "GB",
    "德国": "DE",
    "法国": "FR",
    "俄罗斯": "RU",
    "朝鲜": "KP",
    "亚洲": "",
    "欧洲": "",
}
# Generic determiners and counts: 该大学, 五所大学, 本中心 are no names.
_ZH_GENERIC_START = "该本我贵两各其此这全多每某一二三四五六七八九十几诸各个"

# Chinese titles, longest first in the alternation.
ZH_TITLES = _words(
    "院长 副院长 执行院长 常务副院长 校长 副校长 所长 副所长 部长 副部长 司长 副司长 局长 "
    "副局长 处长 副处长 厅长 副厅长 主任 副主任 主席 副主席 书记 党委书记 副书记 理事长 "
    "副理事长 会长 副会长 秘书长 副秘书长 总经理 副总经理 董事长 总裁 副总裁 总统 总理 副总理 "
    "大使 公使 参赞 教授 副教授 研究员 副研究员 院士 博士 长官 次官 市长 副市长 省长 副省长 "
    "区长 副区长 县长 负责人 首席科学家 巡视员 一级巡视员 审议官 课长 事务官 总监 总干事 "
    "首相 大臣 会长 社长 理事 委员 主任委员 组长 团长 系主任"
)
# Heads of state and government: named beside the title, but not a position at an organization.
ZH_HEADS_OF_STATE = {"总统", "主席", "总理", "首相"}
# Ranks that say nothing about where a person works when no organization stands beside them.
ZH_RANKS = {"教授", "副教授", "研究员", "副研究员", "院士", "博士"}

# Common Chinese surnames (also the Han spelling of Korean ones: 金, 崔, 朴, 柳).
ZH_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝朴习续寿"
)
# Words before a title that start with a surname character but are no names (单位负责人).
ZH_NOT_NAMES = {
    "单位",
    "方面",
    "高校",
    "学校",
    "常务",
    "执行",
    "名誉",
    "时任",
    "现任",
    "前任",
    "分管",
}
# Characters that start the word after a name (高翔一行, 王博等, 陶鹏随同): the name ends before.
_ZH_AFTER_NAME = set(
    "与和及在等一对的表介热陪会向说指出率以为同也还就是认称致参访作代随带将已曾于从到赴来去给被把让请邀宣回答举谈则均都又再共并欢感希两亲、"
)
# Characters that are words of their own before a name (和高翔, 对王志刚): not a surname there.
_ZH_FUNCTION = set("于向和与同及在由将把被对给为是有的了并等经从自让请任时")

# Korean organization endings -> kind.
KO_ORG_ENDINGS = {
    "대학교": "university",
    "대학": "university",
    "대학원": "university",
    "과학원": "academy",
    "연구원": "institute",
    "연구소": "institute",
    "연구회": "association",
    "기술원": "institute",
    "진흥원": "government",
    "정보원": "institute",
    "평가원": "government",
    "개발원": "institute",
    "재단": "foundation",
    "위원회": "government",
    "학회": "association",
    "협회": "association",
    "연합회": "association",
    "사업단": "department",
    "협력단": "department",
    "추진단": "department",
    "센터": "institute",
    "공사": "company",
    "그룹": "company",
    "부": "government",
    "청": "government",
    "처": "government",
}
# Single-syllable endings also end common words (정부, 요청, 초청).
_KO_NOT_BEFORE = {"부": "정내외일세전여간", "청": "요신초", "처": "대거출"}
# Particles after a Korean name: cut off (연구원은 → 연구원).
KO_PARTICLES = _words(
    "에서는 에서도 에서 에게 으로 와의 과의 와는 과는 과도 와도 까지 부터 이며 이자 이다 "
    "하고 은 는 이 가 을 를 의 와 과 에 로 도 만 측"
)
# Words that may stand before a Korean name: countries, country pairs, cities (…시).
KO_COUNTRIES = {
    "한국": "KR",
    "대한민국": "KR",
    "중국": "CN",
    "일본": "JP",
    "미국": "US",
    "韓": "KR",
    "中": "CN",
    "日": "JP",
}
KO_TITLES = _words(
    "원장 부원장 교수 부교수 장관 차관 제1차관 제2차관 총장 부총장 대표 대표이사 이사장 이사 "
    "소장 부소장 회장 부회장 박사 단장 부단장 센터장 실장 국장 과장 본부장 위원장 부위원장 "
    "사장 부사장 부장 부부장 의장 총리 부총리 대통령 대사 서기 당위서기 총경리 전무이사 전무 "
    "상무 주석 시장 청장 처장 학장 사무총장 총재 관장 책임연구원 선임연구원 연구위원"
)
KO_HEADS_OF_STATE = {"대통령", "총리", "주석"}
KO_RANKS = {"교수", "부교수", "박사", "책임연구원", "선임연구원", "연구위원"}
KO_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄"
    "채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
# Two-syllable words that start with a surname syllable but are no names (신임 원장, 이번).
KO_NOT_NAMES = set(
    _words(
        "신임 공동 이번 이날 이후 이어 정부 한국 한편 전임 현재 당시 명예 초대 전직 상임 수석 책임 "
        "선임 주요 최근 최초 조직 기존 우리 양측 양국 한중 한일 전문 고문 부문 사업 공식 이사 "
        "대표 위원 부회 유관 관계 기관 진행 참석 방문 한중일 주한 주중 주일 주최 주관"
    )
)

# -- compiled patterns ------------------------------------------------------------------------

_ZH_ENDING = re.compile(f"(?P<end>{_alternation(ZH_ORG_ENDINGS)})(?![{_ZH_NOT_AFTER}])")
_ZH_PROVINCE = re.compile(_alternation(ZH_PROVINCES))
_ZH_BOUNDARY = re.compile(_alternation(ZH_BOUNDARIES))
_ZH_COUNTRY = re.compile(_alternation(ZH_COUNTRIES))
_ZH_TITLE = _alternation(ZH_TITLES)
# 院长侯建国, 主席Yeungshik Kim
_ZH_TITLE_NAME = re.compile(
    f"(?P<title>{_ZH_TITLE})(?:(?P<name>[{''.join(sorted(ZH_SURNAMES))}][{HAN}]{{1,2}})"
    r"|\s?(?P<latin>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}))"
)
# 侯建国院长, 姜开宇、魏兆成两位副教授
_ZH_NAME_TITLE = re.compile(
    f"(?P<names>(?:[{HAN}]{{2,3}}、)*[{HAN}]{{2,3}})(?:[两三四五六]位)?(?P<title>{_ZH_TITLE})"
)
# 浙江工业大学（浙工大）, （以下简称“中科院”）, 韩国生产技术研究院（KITECH，仁川）
_ZH_ABBREVIATION = re.compile(
    r"\s?[（(](?:以下简称|下称|简称)?[“\"「]?"
    f"(?P<abbr>[{HAN}]{{2,6}}|[A-Z][A-Za-z&]{{1,9}})"
    r"[”\"」]?(?:[，,、][^）)]{1,10})?[）)]"
)
_KO_PARTICLE = _alternation(KO_PARTICLES)
_KO_ORG = re.compile(
    f"(?<![{HANGUL}])(?P<name>[{HANGUL}]{{1,20}}?(?P<end>{_alternation(KO_ORG_ENDINGS)}))"
    f"(?:{_KO_PARTICLE})?(?![{HANGUL}])"
)
_KO_BEFORE = re.compile(
    f"(?:(?<=[\\s(])|^)(?P<word>{_alternation(KO_COUNTRIES)}|[{HANGUL}]{{2,6}}시"
    f"|[{HANGUL}]{{1,3}}[-·][{HANGUL}]{{1,3}}(?:[-·][{HANGUL}]{{1,3}})?) $"
)
_KO_TITLE = re.compile(
    f"(?<![{HANGUL}])(?P<title>{_alternation(KO_TITLES)})(?:{_KO_PARTICLE})?(?![{HANGUL}])"
)
_KO_NAME_BEFORE = re.compile(
    f"(?:(?<![{HANGUL}])(?P<name>[{HANGUL}]{{2,4}})"
    r"|(?P<latin>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})) $"
)
_KO_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")


@dataclass
class _Found:
    """A native organization name where it stands, with its parent when it is a unit."""

    start: int
    end: int
    key: str
    parent: "_Found | None" = None


def find_native_names(ctx: Context) -> None:
    body = ctx.body
    if not _HAS_NATIVE.search(body):
        return
    state = _State(ctx)
    han, hangul = _HAS_HAN.search(body), _HAS_HANGUL.search(body)
    if han:
        _find_zh_orgs(state)
    if hangul:
        _find_ko_orgs(state)
    _find_known(state)
    if han:
        _find_zh_people(state)
    if hangul:
        _find_ko_people(state)
    _drop_placeless_duplicates(ctx)


class _State:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.orgs_by_end: dict[int, _Found] = {}
        self.taken: list[tuple[int, int]] = []
        self.known = _native_keys(ctx.known_names)
        self.known_people = _native_keys(ctx.known_people)

    def add_org(self, name: str, start: int, end: int, kind: str, parent: _Found | None) -> _Found:
        ctx = self.ctx
        canonical = self.known.get(name)
        key = ctx.add_org(
            canonical or name,
            ctx.span(start, end),
            confidence=0.75,
            parent_key=parent.key if parent else "",
        )
        fact = ctx.orgs[key]
        if canonical:
            fact.aliases.add(name)
        if fact.kind == "other":
            fact.kind = kind
        if not fact.country:
            fact.country = native_country(name)
        # Domestic usage drops the country: 中国科技部 is 科技部 at home.
        country = _ZH_COUNTRY.match(name)
        if country and kind == "government" and len(name) - country.end() >= 2:
            fact.aliases.add(name[country.end() :])
        index = ctx.token_index_at.get(start)
        last = ctx.token_index_at.get(end - 1)
        if index is not None and last is not None and index not in ctx.org_at:
            ctx.org_at[index] = OrgSpan(index, last, name, start, end, name, key)
        found = _Found(start, end, key, parent)
        self.orgs_by_end[end] = found
        return found

    def add_person(self, name: str, start: int, end: int) -> str:
        canonical = self.known_people.get(name)
        return self.ctx.add_person(canonical or name, self.ctx.span(start, end), confidence=0.75)

    def add_abbreviation(self, found: _Found, abbr: str, start: int, end: int) -> None:
        ctx = self.ctx
        fact = ctx.orgs[found.key]
        if not fact.acronym:
            fact.acronym = abbr
        fact.aliases.add(abbr)
        ctx.acronyms.setdefault(abbr, found.key)
        self.orgs_by_end[end] = found
        # later uses of a Chinese short form (浙工大将…)
        if _HAS_NATIVE.match(abbr):
            for match in re.finditer(re.escape(abbr), ctx.body[end:]):
                s, e = end + match.start(), end + match.end()
                fact.spans.append(ctx.span(s, e))
                self.orgs_by_end.setdefault(e, found)


def _native_keys(mapping: Mapping[str, str]) -> dict[str, str]:
    """The names in Chinese or Korean script of a known-names mapping, as written."""
    if not mapping:
        return {}
    # worked out once per run's mapping, not per article
    cached = _KNOWN_CACHE.get(id(mapping))
    if cached is not None and cached[0] is mapping:
        return cached[1]
    keys = {
        unicodedata.normalize("NFKC", n).strip(): canonical
        for n, canonical in mapping.items()
        if _HAS_NATIVE.search(n)
    }
    if len(_KNOWN_CACHE) > 8:
        _KNOWN_CACHE.clear()
    _KNOWN_CACHE[id(mapping)] = (mapping, keys)
    return keys


_KNOWN_CACHE: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


def native_country(name: str) -> str:
    """The country a native name states: by a country word (韩国…, 중국 …) or, for Chinese
    names, a province of China. Script alone says nothing (a Korean page names Chinese bodies
    in Hangul)."""
    match = _ZH_COUNTRY.search(name)
    if match:
        return ZH_COUNTRIES[match.group()]
    for word, country in KO_COUNTRIES.items():
        if name.startswith(word):
            return country
    if _ZH_PROVINCE.match(name):
        return "CN"
    return ""


# -- Chinese organizations --------------------------------------------------------------------


def _zh_start(text: str, start: int, end_start: int) -> int:
    """Where the name ending with the ending at `end_start` begins, in text[start:end_start]."""
    prefix = text[start:end_start]
    listed = start == 0 or text[start - 1] in _ZH_LIST_MARKS
    cut = 0
    for match in _ZH_BOUNDARY.finditer(prefix):
        word = match.group()
        before = prefix[match.start() - 1] if match.start() else ""
        if word in _ZH_BOUNDARY_EXCEPT and before and before in _ZH_BOUNDARY_EXCEPT[word]:
            continue
        # in a list, 与/和 inside a name join its subjects (、国际交流与合作处)
        if listed and match.start() > 0 and word in _ZH_JOINING:
            continue
        if word == "有" and prefix.startswith("限", match.end()):  # 有限公司
            continue
        cut = match.end()
    for match in re.finditer(_ZH_TITLE, prefix[cut:]):
        cut += match.end()
        break
    country = _ZH_COUNTRY.search(prefix, cut)
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


def _find_zh_orgs(state: _State) -> None:
    text = state.ctx.body
    previous: _Found | None = None
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
        if before in _ZH_NOT_BEFORE.get(ending, ""):
            continue
        # 王志刚部长 is a name and a title; 通信部长官 a ministry and 长官
        at = match.end()
        if len(ending) == 1 and text.startswith("长", at) and not text.startswith("长官", at):
            continue
        if ending == "省" and stem in ZH_PROVINCES:
            carry, carry_end = start, match.end()
            continue
        if len(stem) < 2 or stem[0] in _ZH_GENERIC_START:
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


def _find_ko_orgs(state: _State) -> None:
    text = state.ctx.body
    for match in _KO_ORG.finditer(text):
        name = match.group("name")
        ending = match.group("end")
        stem = name[: -len(ending)]
        if ending in _KO_NOT_BEFORE and (len(stem) < 2 or stem[-1] in _KO_NOT_BEFORE[ending]):
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
        # 충남대학교 산학협력단: a unit after its organization, one space apart
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


# -- known names ------------------------------------------------------------------------------


def _find_known(state: _State) -> None:
    """Organizations and people the archive knows by a native name (东芝, 홍길동)."""
    ctx, body = state.ctx, state.ctx.body
    for table, is_org in ((state.known, True), (state.known_people, False)):
        if not table:
            continue
        index = _known_index(table)
        after = 0
        # one pass over the native characters; a dict of first two characters, not a regex
        # of thousands of names
        for char in _NATIVE_CHAR.finditer(body):
            at = char.start()
            if at < after:
                continue
            for name in index.get(body[at : at + 2], ()):
                if not body.startswith(name, at):
                    continue
                end = at + len(name)
                span = ctx.span(at, end)
                if is_org:
                    key = ctx.add_org(table[name], span, confidence=0.85)
                    ctx.orgs[key].aliases.add(name)
                    state.orgs_by_end.setdefault(end, _Found(at, end, key))
                else:
                    ctx.add_person(table[name], span, confidence=0.85)
                    state.taken.append((at, end))
                after = end
                break


_NATIVE_CHAR = re.compile(f"[{HAN}{HANGUL}]")
_INDEX_CACHE: dict[int, tuple[dict[str, str], dict[str, list[str]]]] = {}


def _known_index(table: dict[str, str]) -> dict[str, list[str]]:
    """The known native names by their first two characters, longest first; built once per
    run's mapping, not per article."""
    cached = _INDEX_CACHE.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    index: dict[str, list[str]] = {}
    for name in sorted((n for n in table if len(n) >= 2), key=len, reverse=True):
        index.setdefault(name[:2], []).append(name)
    if len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(table)] = (table, index)
    return index


# -- Chinese people ---------------------------------------------------------------------------


def _zh_name_after(name: str) -> str:
    """The name at the start of `name` (two or three characters after a title)."""
    if name[0] not in ZH_SURNAMES:
        return ""
    if len(name) == 3 and name[2] not in _ZH_AFTER_NAME:
        return name
    return name[:2] if name[1] not in _ZH_AFTER_NAME else ""


def _zh_name_before(name: str) -> str:
    """The name at the end of `name` (two or three characters before a title)."""
    if name[-2:] in ZH_NOT_NAMES:
        return ""
    if len(name) == 3 and name[0] in ZH_SURNAMES and name[0] not in _ZH_FUNCTION:
        return name
    if name[-2] in ZH_SURNAMES:
        return name[-2:]
    return ""


def _org_before(state: _State, offset: int) -> _Found | None:
    return state.orgs_by_end.get(offset)


def _position(state: _State, person_key: str, title: str, org: _Found | None, span, heads, ranks):
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


def _find_zh_people(state: _State) -> None:
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
            earlier = re.search(f"({_ZH_TITLE})$", text[max(0, chain_start - 8) : chain_start - 1])
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


def _org_after_representing(state: _State, offset: int) -> _Found | None:
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


def _find_ko_people(state: _State) -> None:
    ctx, text = state.ctx, state.ctx.body
    for match in _KO_TITLE.finditer(text):
        start = match.start()
        if start < 2 or text[start - 1] != " ":
            continue
        title = match.group("title")
        org = state.orgs_by_end.get(start - 1)
        if org is not None:  # 최철진 한국재료연구원 원장 / 한국재료연구원 최철진 원장
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


def _drop_placeless_duplicates(ctx: Context) -> None:
    """部长金钟焕 after 仁川经济自由区部长金钟焕: the title without its organization repeats it."""
    placed = {(p.person_key, p.title) for p in ctx.positions if p.org_key}
    ctx.positions[:] = [
        p for p in ctx.positions if p.org_key or (p.person_key, p.title) not in placed
    ]
