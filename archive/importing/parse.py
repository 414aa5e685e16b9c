"""Reading a saved news page: its title, date, source and clean body, without the menus,
breadcrumbs and widgets the page was saved with. Pure: text in, plain data out."""

import re
from dataclasses import dataclass
from datetime import date

from archive.importing.dates import find_dates


class ParseError(ValueError):
    """The text is not an article the archive can take; the message says why."""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    published_on: date | None
    date_precision: str
    date_inferred: bool
    source: str
    body: str
    language: str


_BULLET = re.compile(r"^[\s•·\-*▪►■]+")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_DATE_LABEL = re.compile(
    r"^(?:published|posted|date|updated|release date|issued|time|등록일|작성일|날짜|发布时间|日期)"
    r"\s*(?:on)?\s*[:：]?\s*",
    re.I,
)
_SOURCE_LINE = re.compile(r"^(?:source|출처|来源|from)\s*[:：]\s*(?P<source>.+)$", re.I)
_TITLE_LABEL = re.compile(r"^(?:title|제목|标题)\s*[:：]?\s+(?P<title>.+)$", re.I)
_FURNITURE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^font\s*size\b",
            r"^see also\b",
            r"^tags?\s*[:：]",
            r"^(?:share|print|email|e-mail|back to top|top|list|prev|next|close)\b.{0,20}$",
            r"short\s*cut",
            r"본문\s*내용",
            r"^(?:hit|views?)\s*[:：]?\s*\d+$",
            r"^(?:author|by|editor|reporter)\s*[:：]",
            r"^copyright\b|^©",
            r"^(?=.{0,120}$).*\s>\s",  # breadcrumbs: "Home > News > Content"
        )
    ),
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?。！？”\"']$")
MAX_TITLE_CHARS = 300


def _clean(line: str) -> str:
    return _SPACES.sub(" ", _BULLET.sub("", line)).strip()


def _is_furniture(line: str) -> bool:
    return _FURNITURE.search(line) is not None


def _is_body_line(line: str) -> bool:
    """A paragraph of prose, not a menu entry or a heading."""
    words = line.split()
    return len(words) >= 30 or (len(words) >= 8 and bool(_SENTENCE_END.search(line)))


def _date_line(line: str):
    """The date a short header line states, if it is a date line."""
    if len(line) > 80:
        return None
    dates = find_dates(line)
    if not dates:
        return None
    rest = _DATE_LABEL.sub("", line[: dates[0].start]).strip()
    return dates[0] if not rest else None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 40 and len(line) <= MAX_TITLE_CHARS and any(c.isalpha() for c in line)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    if text.isascii():
        return "en"
    hangul, han = len(_HANGUL.findall(text)), len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul > latin and hangul >= han:
        return "ko"
    if han > latin:
        return "zh"
    return "en"


def parse_article(text: str) -> ParsedArticle:
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ParseError("the file has no text")

    body_start = next((i for i, line in enumerate(lines) if _is_body_line(line)), len(lines))
    header, rest = lines[:body_start], lines[body_start:]

    title = ""
    found_date = None
    source = ""
    candidates: list[str] = []
    for line in header:
        if (match := _TITLE_LABEL.match(line)) and not title:
            title = match["title"].strip()
        elif found_date is None and (line_date := _date_line(line)):
            found_date = line_date
        elif match := _SOURCE_LINE.match(line):
            source = match["source"].strip()
        elif not _is_furniture(line) and _looks_like_title(line):
            candidates.append(line)
    if not title and candidates:
        title = candidates[-1]
    if not title:
        raise ParseError("no recognisable title before the body")
    if len(title) > MAX_TITLE_CHARS:
        raise ParseError(f"the title is longer than {MAX_TITLE_CHARS} characters")

    paragraphs = [line for line in rest if not _is_furniture(line) and line != title]
    body = "\n\n".join(paragraphs)
    if not body:
        raise ParseError("no body text after the title")

    published_on, precision, inferred = None, "unknown", False
    if found_date is not None:
        published_on, precision = found_date.value, found_date.precision
    else:
        # No date line: the latest month or full date the text names bounds the year from
        # below; only the year is claimed, and it is marked as inferred.
        stated = find_dates(body)
        if stated:
            published_on = date(max(found.value.year for found in stated), 1, 1)
            precision, inferred = "year", True

    return ParsedArticle(
        title=title,
        published_on=published_on,
        date_precision=precision,
        date_inferred=inferred,
        source=source,
        body=body,
        language=detect_language(title + " " + body),
    )
