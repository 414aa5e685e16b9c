"""The lines a saved page carries that are neither its headline nor its article: menus,
breadcrumbs, bylines, captions, share bars, related-article lists and footers. Each rule names
the kind of line it is for; they are matched on a cleaned line (spaces collapsed, bullets off)."""

import re


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# Each rule set is matched where its lines can be: most at the start of a line; words that may
# stand anywhere only in short lines (furniture is short, and searching every paragraph is slow);
# a photo credit at the end.

# Breadcrumbs: "Home > News > Content", "Home» News»", "Home >> News", "当前位置：首页 > 新闻".
_BREADCRUMB_START = _any(
    r"(?:当前位置|您的位置|您现在的位置|现在位置|현재\s*위치|location|you are here)\s*[:：]"
)
_BREADCRUMB_ANYWHERE = re.compile(r"\s>\s|>>|\S\s?»")
BREADCRUMB_SPLIT = re.compile(r"\s*(?:>>|>|»|[:：])\s*")
MAX_CRUMBS_CHARS = 120

# Menus and site banners of 【】 buttons: "【今日要闻】 【图片新闻】" (bar menus are counted).
_BUTTONS = re.compile(r"(?:[【\[][^】\]]{1,12}[】\]]\s*)+$")

_SHORT = r"(?=.{0,80}$)"
_AT_START = _any(
    # Page tools: print, close, e-mail, share bars, back to top.
    r"(?:share|print|email|e-mail|back to top|page top|top|list|prev|next|close)\b.{0,20}$",
    rf"{_SHORT}share\b[^.!?]*$",
    rf"{_SHORT}(?:分享到|分享\s*[:：]|이 기사를 공유합니다|공유하기|SNS\s*공유)",
    r"(?:打印本页|关闭窗口|打印|关闭|返回顶部|프린트|인쇄|닫기)$",
    # Counters: "Hit 1546", "Views: 20", "浏览次数：", "조회수 120".
    r"(?:hits?|views?|clicks?|浏览次数|点击数?|阅读|조회수?)\s*[:：]?\s*\d*$",
    r"tags?\s*[:：]",
    r"see also\b",
    # Bylines and editors: "By Li Han", "Editor: ...", "Written by: ...", "责任编辑：",
    # "（文/张三 图/李四）", "홍길동 기자 hong@news.kr", "某某网特约撰稿人 张三".
    rf"{_SHORT}(?:written by|edited by|editors?|reporter|reported by|authors?|"
    r"translated by|compiled by|contributed by)\s*[:：]?\s+\S",
    r"by\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}(?:\s*[,|/]\s*.{0,40})?$",
    rf"{_SHORT}[(（]?\s*(?:责任编辑|编辑|作者|记者|通讯员|撰稿|审核|审稿|校对|摄影|供稿|初审|"
    r"复审|终审|文|图)\s*[:：/]",
    rf"{_SHORT}\S+(?:\s\S+)?\s(?:기자|특파원)(?:\s+\S+@\S+)?$",
    rf"{_SHORT}\S{{0,12}}(?:撰稿人|记者|通讯员|专栏作家|作者)\s+[\u4e00-\u9fff·]{{2,5}}$",
    r"\S+@\S+\.\w+$",
    # Photo captions and credits: "[Photo] ...", "[Image: X] ...", "（图：...）", "Photo: ...",
    # "(Photo by ...)".
    r"[\[【(（<]\s*(?:photos?|images?|pictures?|pic|video|graphics?|图片?|圖|사진|写真)"
    r"(?:\s*[一二三四五六七八九十\d]+)?\s*(?:[:：=][^\]】)）>]*)?[\]】)）>]",
    r"[(（]?\s*(?:photos?|photograph|pictured|images?)\s*(?:by|credit|courtesy)?\s*[:：]",
    r"[(（]?\s*photos?\s+(?:by|courtesy|credit)\b",
    r"(?:사진|자료)\s*[=:：]",
    # Previous and next article links.
    r"(?:previous|next|prev|上一篇|下一篇|上一条|下一条|上一页|下一页|이전\s*글|다음\s*글|"
    r"이전\s*기사|다음\s*기사)\s*[:：]",
    # Footers: copyright, address, links.
    r"copyright\b|©",
    r"(?:address|地址|주소)\s*[:：]",
    r"(?:快速链接|友情链接|相关链接|links?)\s*[:：]",
)
# A line that ends in its photo credit: "会见现场（图片来源：...）", "...했다.<사진=...>".
_CREDIT_AT_END = re.compile(
    r"[(（<\[]\s*(?:图片来源|图片|摄影|图|photos?|images?|사진|사진\s*제공|자료\s*사진)"
    r"\s*[:：=][^)）>\]]*[)）>\]]\s*$",
    re.I,
)
MAX_FURNITURE_CHARS = 160
_IN_SHORT_LINE = _any(
    r"font\s*size|字体\s*[:：]|字号\s*[:：]|글자\s*크기",
    # Accessibility links of Korean public sites.
    r"short\s*cut|본문\s*내용|본문\s*바로\s*가기",
    # Footers and site notices: copyright, "推荐使用1920*1080分辨率浏览本站", cookies.
    r"版权所有|all rights reserved|저작권자|무단\s*전재|ICP备",
    r"推荐使用.{0,30}(?:分辨率|浏览器)|分辨率.{0,10}浏览|best viewed",
    r"\bcookies?\b.{0,80}\b(?:use|accept|consent|agree)|\b(?:use|accept)\b.{0,40}\bcookies\b",
)

_BYLINE = _any(
    r"by\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}(?:\s*[,|/]\s*.{0,40})?$",
    r"(?=.{0,80}$)(?:written by|reported by|authors?|reporter)\s*[:：]?\s+\S",
)


# A heading over a list of other articles: everything after it that is not prose goes.
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:articles?|news|stories|links|posts|content|reading|coverage))?|"
    r"see also|also of interest|editor'?s'? picks?|more (?:news|stories|from \S+)|recommended|"
    r"read more|you (?:may|might) also like|most (?:read|popular|viewed)|latest news|"
    r"相关(?:新闻|阅读|文章|链接|报道|推荐)|延伸阅读|推荐阅读|热点新闻|热门文章|"
    r"관련\s*기사|관련\s*뉴스|많이\s*본\s*뉴스|주요\s*뉴스|인기\s*기사|추천\s*기사)"
    r"(?:\s*[:：].*|\s*)$",
    re.I,
)


def is_breadcrumb(line: str) -> bool:
    return _BREADCRUMB_START.match(line) is not None or (
        len(line) <= MAX_CRUMBS_CHARS and _BREADCRUMB_ANYWHERE.search(line) is not None
    )


def is_menu(line: str) -> bool:
    """A bar of links ("Home | News | Research") or of 【】 buttons."""
    return line.count("|") >= 2 or _BUTTONS.match(line) is not None


def is_byline(line: str) -> bool:
    """A writer's line, which a line naming the writer's post may follow: "By Li Han"."""
    return _BYLINE.match(line) is not None


def is_related_heading(line: str) -> bool:
    return len(line) <= MAX_FURNITURE_CHARS and _RELATED.match(line) is not None


def is_furniture(line: str) -> bool:
    if _AT_START.match(line) or _CREDIT_AT_END.search(line, max(0, len(line) - 80)):
        return True
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    return (
        _IN_SHORT_LINE.search(line) is not None
        or is_breadcrumb(line)
        or is_menu(line)
        or is_related_heading(line)
    )
