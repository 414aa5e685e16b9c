"""What a page's header and first sentence say of the page itself: when it was published and
where it came from. Date lines ("Published: Nov 17, 2019", "发布时间" and a date,
"입력 2002-09-09 19:48", "[2010-06-23]", "Monday, 29 February 2016"), source lines
("Source: Xinhua | 2018-06-14", "来源" and a name, "출처: 연합뉴스") and datelines
("Peking University, July 22, 2024: ...", "SEOUL, Oct. 20, 2015 (Yonhap) -- ...",
"(서울=연합뉴스) 홍길동 기자 = ...")."""

import re
from dataclasses import dataclass

from archive.importing.dates import FoundDate, find_dates

# The labels sites put before a field of the header; a field starts at one even with no space
# before it ("Date:2018-09-20Author:Source:").
_FIELD_LABELS = (
    r"author|source|editor|reporter|clicks|hits?|views|font\s*size|"
    r"作者|来源|编辑|责任编辑|点击数?|浏览次数|浏览|阅读|字体|字号|"
    r"출처|기자|조회수?|글자\s*크기"
)
# Header fields are set apart by bars, runs of spaces, tabs, 【】 buttons or a new label; a label
# ends a word ("图片来源：" is a photo credit, not a source).
_FIELD_BREAK = re.compile(
    rf"\s*[|｜]\s*|\s{{2,}}|\t|\u3000+|(?<=】)|(?=【)|(?<=[\d\W])(?<!\s)(?=(?:{_FIELD_LABELS})\s*[:：])",
    re.I,
)

# What may stand before the date in a date field: a label of publication or update, a weekday
# ("Monday, 29 February 2016") and brackets ("[2010-06-23]").
_PUBLISHED = (
    r"published|posted|date|release\s*date|released|issued|time|created|publication\s*date|"
    r"pub\.?\s*date|등록일?|작성일|날짜|기사\s*입력|입력|게재|발행일|승인|"
    r"发布时间|发布日期|发表时间|发稿时间|日期|时间|发布于"
)
_UPDATED = r"(?:last\s+)?updated?|modified|수정|업데이트|更新时间|更新日期|修改时间"
_DATE_PREFIX = re.compile(
    rf"^[\[(【（]?\s*(?:(?P<label>{_PUBLISHED}|{_UPDATED})\s*(?:on|at)?\s*[:：]?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?[\[(【（]?\s*$",
    re.I,
)
_UPDATE_LABEL = re.compile(rf"^[\[(【（]?\s*(?:{_UPDATED})", re.I)
MAX_FIELD_CHARS = 80

# "Source: Xinhua", "来源：新华网", "출처: 연합뉴스", "(Source: China Daily)".
_SOURCE_FIELD = re.compile(
    r"^[\[(【（]?\s*(?:news\s+source|source|文章来源|信息来源|来源|출처)\s*[:：]\s*"
    r"(?P<source>[^)\]】）]*)",
    re.I,
)


@dataclass(frozen=True)
class HeaderFacts:
    """What one header line states: a publication date and whether it is an update's, a source
    ("" when the line has an empty Source: field) and whether every field was of these kinds."""

    date: FoundDate | None = None
    updated: bool = False
    source: str | None = None


def header_fields(raw_line: str) -> list[str]:
    return [field.strip() for field in _FIELD_BREAK.split(raw_line) if field and field.strip()]


def _date_field(field: str) -> tuple[FoundDate, bool] | None:
    if len(field) > MAX_FIELD_CHARS:
        return None
    dates = find_dates(field)
    if not dates:
        return None
    prefix = _DATE_PREFIX.match(field[: dates[0].start])
    if prefix is None:
        return None
    return dates[0], bool(_UPDATE_LABEL.match(field))


_HINT = re.compile(r"(?:19|20)\d\d|source|来源|출처", re.I)


def read_header_line(raw_line: str) -> HeaderFacts | None:
    """The date and source a header line states, or None when it states neither."""
    if _HINT.search(raw_line) is None:  # no year, no source label: most lines, quickly
        return None
    found, updated, source = None, False, None
    for field in header_fields(raw_line):
        if dated := _date_field(field):
            if found is None or (updated and not dated[1]):  # "Updated: ... | Published: ..."
                found, updated = dated
        elif (match := _SOURCE_FIELD.match(field)) and source is None:
            value = match["source"]
            if dates := find_dates(value):  # "来源：新华网 2019-12-27"
                value = value[: dates[0].start]
            source = value.strip(" ,;|-–—")
    if found is None and source is None:
        return None
    return HeaderFacts(found, updated, source)


# A dateline opening the first sentence: a place of a few capitalised words, the date, perhaps
# an agency in brackets, then a colon or a dash. "On September 24th, 2022, the school..." is
# not one: it tells of an event.
_DATELINE_PLACE = re.compile(
    r"^[A-Z][\w.'&-]*(?:\s+[\w.'&()-]+){0,5}(?:,\s*[A-Z][\w.'&-]*){0,2},\s*$"
)
_DATELINE_END = re.compile(r"^\s*(?:\((?P<agency>[^()]{2,40})\))?\s*(?::|：|--|—|–|-\s)")
# A wire story's closing tag, on its own line: "(Yonhap)", "(Xinhua)"; "(END)" is not one.
AGENCY_TAG = re.compile(r"^[(（]\s*(?!END\b)(?P<agency>[A-Z][\w .&-]{1,30}?)\s*[)）]$")
# A wire story without the year: "SEOUL, Oct. 20 (Yonhap) --" names its agency all the same.
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,[^()\n]{1,40})?\s\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?:--|—|–)"
)
# Chinese wire stories open "新华社北京12月27日电": agency, city, month and day ("本报" is the
# paper itself).
_CHINESE_DATELINE = re.compile(
    r"^(?!本报)(?P<agency>[\u4e00-\u9fffA-Za-z]{1,10}?(?:通讯社|社|网|报|台))"
    r"[\u4e00-\u9fff]{0,6}\s*\d{1,2}月\d{1,2}日(?:电|讯)"
)
# Korean wire stories open "(서울=연합뉴스) 홍길동 기자 =": city, agency, then the reporter.
_KOREAN_DATELINE = re.compile(
    r"^[(\[](?P<city>[^=()\[\]]{1,12})=(?P<agency>[^()\[\]]{1,20})[)\]]\s*"
    r"(?:[\w\s·]{1,20}?(?:기자|특파원)\s*=?\s*)?"
)


@dataclass(frozen=True)
class Dateline:
    date: FoundDate | None
    agency: str
    end: int  # where the sentence proper starts, for a Korean wire dateline; else 0


def read_dateline(paragraph: str) -> Dateline | None:
    if match := _KOREAN_DATELINE.match(paragraph):
        return Dateline(None, match["agency"].strip(), match.end())
    if match := _CHINESE_DATELINE.match(paragraph):
        return Dateline(None, match["agency"], 0)
    head = paragraph[:160]
    for found in find_dates(head)[:1]:
        if found.start > 60 or not _DATELINE_PLACE.match(head[: found.start]):
            break
        if end := _DATELINE_END.match(head[found.end :]):
            return Dateline(found, (end["agency"] or "").strip(), 0)
    if match := _AGENCY_DATELINE.match(head):
        return Dateline(None, match["agency"].strip(), 0)
    return None
