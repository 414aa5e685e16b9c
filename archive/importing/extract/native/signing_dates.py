"""The date of a signing in Chinese or Korean: the nearest date before its verb, else the
first after it, else that of a sentence before when this one speaks of its occasion (会上,
이날). Besides the full dates the shared reader finds: a month and day in the page's year
(11月8日), a day alone in the month named before it (26日), a month or a year alone."""

import re
from datetime import date

from archive.importing.dates import find_dates
from archive.importing.extract.context import Context
from archive.importing.extract.native.signings import Signing

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


def date_of(
    ctx: Context, sentences: list[tuple[int, int]], index: int, signing: Signing
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
