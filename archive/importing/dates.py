"""Dates as news pages write them: "Nov 17, 2019", "2019-04-17", "30 November 2023",
"2019년 4월 17일", "from November 12 to 15, 2019", "From 3 to 6 March, 2019"."""

import re
from dataclasses import dataclass
from datetime import date

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


def _month_number(match: re.Match) -> int:
    if match.groupdict().get("mnum"):
        return int(match["mnum"])
    return MONTHS[match["month"].lower().rstrip(".")]


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


_RANGE_MONTH_FIRST = re.compile(
    rf"\b(?:from\s+)?{MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|until|through|-|–)\s*"
    rf"(?:(?P<month2>{MONTH_NAME})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_RANGE_DAY_FIRST = re.compile(
    rf"\b(?:from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|until|-|–)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"{MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_SINGLE_MONTH_FIRST = re.compile(
    rf"\b{MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I
)
_SINGLE_DAY_FIRST = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I
)


def find_event_dates(sentence: str, default_year: int | None) -> DateRange | None:
    """The first date or date range in a sentence. A range or a day without a year takes
    `default_year` (the article's year); without that, the date stays unknown."""
    for pattern in (_RANGE_MONTH_FIRST, _RANGE_DAY_FIRST, _SINGLE_MONTH_FIRST, _SINGLE_DAY_FIRST):
        match = pattern.search(sentence)
        if not match:
            continue
        year = int(match["year"]) if match["year"] else default_year
        if year is None:
            return DateRange(None, None, "unknown", match.span())
        month = MONTHS[match["month"].lower().rstrip(".")]
        start = _safe_date(year, month, int(match["d1"]))
        if start is None:
            continue
        end = None
        if "d2" in match.groupdict() and match["d2"]:
            month2 = month
            if match.groupdict().get("month2"):
                month2 = MONTHS[match["month2"].lower().rstrip(".")]
            end = _safe_date(year, month2, int(match["d2"]))
            if end is not None and end < start:
                end = None
        return DateRange(start, end, "day", match.span())
    return None
