"""The scripts and the words of Chinese and Korean names: organization endings, titles,
surnames, country words, particles, and the words that cannot be inside a name (Chinese has
no spaces, so a name's left edge is found by them). Also the patterns several modules share,
and the country a name's words state."""

import re

HAN = "\u4e00-\u9fff"
HANGUL = "\uac00-\ud7a3"
HAS_NATIVE = re.compile(f"[{HAN}{HANGUL}]")
HAS_HAN = re.compile(f"[{HAN}]")
HAS_HANGUL = re.compile(f"[{HANGUL}]")


def _words(text: str) -> list[str]:
    return text.split()


def alternation(words) -> str:
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
ZH_NOT_BEFORE = {
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
ZH_NOT_AFTER = "生城门分署队落件面势限堂了到得化"
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
ZH_BOUNDARY_EXCEPT = {"和": "共"}  # 共和国 keeps its 和
ZH_JOINING = {"与", "和", "及"}
ZH_LIST_MARKS = "、|｜ \t\n\u3000"
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
ZH_GENERIC_START = "该本我贵两各其此这全多每某一二三四五六七八九十几诸各个"

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
ZH_AFTER_NAME = set(
    "与和及在等一对的表介热陪会向说指出率以为同也还就是认称致参访作代随带将已曾于从到赴来去给被把让请邀宣回答举谈则均都又再共并欢感希两亲、"
)
# Characters that are words of their own before a name (和高翔, 对王志刚): not a surname there.
ZH_FUNCTION = set("于向和与同及在由将把被对给为是有的了并等经从自让请任时")

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
KO_NOT_BEFORE = {"부": "정내외일세전여간", "청": "요신초", "처": "대거출"}
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

# -- patterns several modules share -----------------------------------------------------------

_ZH_PROVINCE = re.compile(alternation(ZH_PROVINCES))
ZH_COUNTRY = re.compile(alternation(ZH_COUNTRIES))
ZH_TITLE = alternation(ZH_TITLES)
KO_PARTICLE = alternation(KO_PARTICLES)


def native_country(name: str) -> str:
    """The country a native name states: by a country word (韩国…, 중국 …) or, for Chinese
    names, a province of China. Script alone says nothing (a Korean page names Chinese bodies
    in Hangul)."""
    match = ZH_COUNTRY.search(name)
    if match:
        return ZH_COUNTRIES[match.group()]
    for word, country in KO_COUNTRIES.items():
        if name.startswith(word):
            return country
    if _ZH_PROVINCE.match(name):
        return "CN"
    return ""
