"""Dates as news pages write them: "Nov 17, 2019", "2019-04-17", "30 November 2023",
"2019년 4월 17일", "from November 12 to 15, 2019", "From 3 to 6 March, 2019"."""

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from archive.importing.scan import finditer_at, fold_case, match_starts, positions

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
MONTH_NAME = MONTH.replace("?P<month>", "?:")


@dataclass(frozen=True)
class FoundDate:
    value: date
    precision: str  # "day", "month" or "year"
    start: int
    end: int


def _safe_date(year: int, month: int = 1, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Full dates, most specific first; each names its groups year, month, day.
_FULL_DATE_PATTERNS = [
    # "2019-04-17", "2013.11.19", "2026/01/06", Korean "2019. 12. 27."; a label may follow at
    # once ("Date:2018-09-20Author:"), so the day ends where the digits do.
    re.compile(r"(?P<year>(?:19|20)\d\d)[-./]\s?(?P<mnum>\d{1,2})[-./]\s?(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s*[년年]\s*(?P<mnum>\d{1,2})\s*[월月]\s*(?P<day>\d{1,2})\s*[일日]?"
    ),
    re.compile(
        rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    # "05 June,2017": a comma may stand for the space before the year.
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,\s*|\s+)(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
]
_MONTH_YEAR = re.compile(rf"\b{MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_KOREAN_MONTH_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[년年]\s*(?P<mnum>\d{1,2})\s*[월月]")


def month_number(name: str) -> int:
    """The number of a month name the patterns matched: case-insensitive matching lets odd
    letters through (a long s for an s), so the name is folded as `re.I` folds it."""
    return MONTHS[fold_case(name).rstrip(".")]


def _month_number(match: re.Match) -> int:
    if match.groupdict().get("mnum"):
        return int(match["mnum"])
    return month_number(match["month"])


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day precision) and month-and-year (month precision) in the text, in
    order. A bare year is not a date: "between 2020 and 2035" tells nothing of when."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < t_end and t_start < end for t_start, t_end in taken)

    for pattern in _FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            if overlaps(match.start(), match.end()):
                continue
            value = _safe_date(int(match["year"]), _month_number(match), int(match["day"]))
            if value:
                found.append(FoundDate(value, "day", match.start(), match.end()))
                taken.append((match.start(), match.end()))
    for pattern in (_MONTH_YEAR, _KOREAN_MONTH_YEAR):
        for match in pattern.finditer(text):
            if overlaps(match.start(), match.end()):
                continue
            value = _safe_date(int(match["year"]), _month_number(match))
            if value:
                found.append(FoundDate(value, "month", match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


@dataclass(frozen=True)
class DateRange:
    start: date | None
    end: date | None
    precision: str  # "day", "month", "year" or "unknown"
    span: tuple[int, int]
    month_day: str = ""  # "MM-DD" of the start, known even when the year is not


_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DASH = r"(?:to|until|till|through|thru|-|–|—|~)"
# English ranges: "from Oct. 10th- 13th", "May 24-26", "March 30 to April 2, 2019",
# "Dec. 3 - 5", "from November 12 to 15, 2019".
_RANGE_MONTH_FIRST = re.compile(
    rf"\b(?:from\s+)?{MONTH}\s+(?P<d1>\d{{1,2}}){_ORDINAL}(?:,?\s+(?:19|20)\d\d)?\s*{_DASH}\s*"
    rf"(?:(?P<month2>{MONTH_NAME})\s+)?(?P<d2>\d{{1,2}}){_ORDINAL}\b(?:,?\s+{_YEAR})?",
    re.I,
)
# "19th-24th September, 2011", "on 3–5 June 2018", "30 March to 2 April 2019".
_RANGE_DAY_FIRST = re.compile(
    rf"\b(?:from\s+)?(?P<d1>\d{{1,2}}){_ORDINAL}\s*(?:(?:of\s+)?(?P<month1>{MONTH_NAME})\s*)?"
    rf"{_DASH}\s*(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?",
    re.I,
)
_SINGLE_MONTH_FIRST = re.compile(
    rf"\b{MONTH}\s+(?P<d1>\d{{1,2}}){_ORDINAL}\b(?:,?\s+{_YEAR})?", re.I
)
_SINGLE_DAY_FIRST = re.compile(
    rf"\b(?P<d1>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?", re.I
)
_SINGLE_NUMERIC = re.compile(rf"\b{_YEAR}[-./](?P<mnum>\d{{1,2}})[-./](?P<d1>\d{{1,2}})\b")
# Chinese, Japanese and Korean: "2018年10月23-27日", "1月20日至21日", "10月30日至11月2日",
# "2019년 4월 17~18일", "4월 17일부터 18일까지", "10월 23일".
_CJK_DAY = r"\s*[日일号號](?![本본])"
_RANGE_CJK = re.compile(
    rf"(?:{_YEAR}\s*[年년]\s*)?(?P<mnum>\d{{1,2}})\s*[月월]\s*(?P<d1>\d{{1,2}})(?:{_CJK_DAY})?"
    rf"\s*(?:[-–—~～〜至到]|부터)\s*(?:(?P<mnum2>\d{{1,2}})\s*[月월]\s*)?(?P<d2>\d{{1,2}}){_CJK_DAY}"
)
_SINGLE_CJK = re.compile(
    rf"(?:{_YEAR}\s*[年년]\s*)?(?P<mnum>\d{{1,2}})\s*[月월]\s*(?P<d1>\d{{1,2}}){_CJK_DAY}"
)
# A day alone takes the month the article is talking about: "本月23日" (this month's 23rd),
# "26日" after "2018年10月23-27日".
_DAY_ONLY_CJK = re.compile(
    rf"(?:本月|当月|同月|이달|(?<![\d月월\-–~～至]))\s*(?P<d1>\d{{1,2}}){_CJK_DAY}"
)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since)\s+(?:early\s+|mid-?\s*|late\s+)?{MONTH}(?:,?\s+{_YEAR})?", re.I
)

# "Peking University, July 22, 2024: A delegation ...", "SEOUL, Oct. 5 (Yonhap) --": the
# date the story was filed, not the event's.
_DATELINE_END = re.compile(r"\s*(?:[:：]|\([^)]{1,40}\)\s*[-—–]|--|—)")

# Each with where it may begin (see `find_event_dates`).
_DAY_PATTERNS = (
    (_RANGE_MONTH_FIRST, "month"),
    (_RANGE_DAY_FIRST, "day"),
    (_RANGE_CJK, "cjk"),
    (_SINGLE_NUMERIC, "digits"),
    (_SINGLE_MONTH_FIRST, "month"),
    (_SINGLE_DAY_FIRST, "day"),
    (_SINGLE_CJK, "cjk"),
)
# every name MONTH matches begins with one of these (in the folded text)
_MONTH_START = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_DIGITS = re.compile(r"\d+")


def _month_of(groups: dict[str, str | None], name: str, number: str) -> int | None:
    if groups.get(number):
        return int(groups[number])
    if groups.get(name):
        return month_number(groups[name])
    return None


@lru_cache(maxsize=2048)  # the events stage asks about the same sentence several times
def find_event_dates(
    sentence: str, default_year: int | None, default_month: int | None = None
) -> DateRange | None:
    """The first date or date range in a sentence. A date without a year takes
    `default_year` (the article's year); without one it keeps only its month and day. A day
    alone ("26日") takes `default_month`, the month the article is talking about."""
    digits = [m.start() for m in _DIGITS.finditer(sentence)]
    if not digits:
        return None
    # Each pattern is tried only where it may begin (`scan`): the English ones, at a word
    # boundary, at a month's name (none without one), at "from" or at the first of a run of
    # digits; the Chinese and Korean ones, anywhere, where 月 or 월 stands.
    folded = fold_case(sentence)
    months = match_starts(_MONTH_START, folded)
    froms = positions(folded, ("from",)) if months else []
    where: dict[str, list[int] | None] = {
        "month": sorted({*months, *froms}),
        "day": sorted({*digits, *froms}) if months else [],
        "digits": digits,
        "cjk": None if "月" in sentence or "월" in sentence else [],
    }
    best: re.Match | None = None
    for pattern, begins in _DAY_PATTERNS:
        starts = where[begins]
        if best is not None and starts:
            # a match that begins after the best so far cannot take its place
            starts = starts[: bisect_right(starts, best.start())]
        if starts == []:
            continue
        matches = (
            pattern.finditer(sentence) if starts is None else finditer_at(pattern, sentence, starts)
        )
        for match in matches:
            if _DATELINE_END.match(sentence, match.end()):
                continue
            if best is None or (match.start(), -match.end()) < (best.start(), -best.end()):
                best = match
            break
    if best is None and default_month:
        best = _DAY_ONLY_CJK.search(sentence)
    if best is not None:
        found = _range_of(best, default_year, default_month)
        if found:
            return found
    month_only = positions(folded, ("in", "during", "since")) if months else []
    if match := next(finditer_at(_MONTH_ONLY, sentence, month_only), None):
        year = int(match["year"]) if match["year"] else default_year
        if year:
            value = _safe_date(year, _month_of(match.groupdict(), "month", "mnum") or 1)
            return DateRange(value, None, "month", match.span())
    return None


def _range_of(match: re.Match, default_year: int | None, default_month: int | None):
    groups = match.groupdict()
    month = _month_of(groups, "month", "mnum") or default_month
    month2 = _month_of(groups, "month2", "mnum2") or month
    if groups.get("month1"):  # "30 March to 2 April": the first month is month1
        month = month_number(groups["month1"])
    d1 = int(groups["d1"])
    d2 = int(groups["d2"]) if groups.get("d2") else None
    year = int(groups["year"]) if groups.get("year") else default_year
    if not month or _safe_date(2000, month, d1) is None:  # 2000: a leap year, so 02-29 passes
        return None
    month_day = f"{month:02d}-{d1:02d}"
    if year is None:
        return DateRange(None, None, "unknown", match.span(), month_day)
    start = _safe_date(year, month, d1)
    if start is None:
        return None
    end = _safe_date(year, month2, d2) if d2 else None
    if end is not None and end < start and month2 < month:  # "December 30 to January 2"
        end = _safe_date(year + 1, month2, d2)
    if end is not None and end <= start:
        end = None
    return DateRange(start, end, "day", match.span(), month_day)
