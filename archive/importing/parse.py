"""Reading a saved news page: its title, date, source and clean body, without the menus,
breadcrumbs and widgets the page was saved with. Pure: text in, plain data out.

The page is read as lines. The first line of prose starts the body; the lines above it are the
header, where the headline, the date line and the source line stand among menus and labels."""

import re
from dataclasses import dataclass
from datetime import date

from archive.importing.dates import FoundDate, find_dates
from archive.importing.furniture import (
    BREADCRUMB_SPLIT,
    is_breadcrumb,
    is_byline,
    is_furniture,
    is_menu,
    is_related_heading,
)
from archive.importing.page_dates import AGENCY_TAG, read_dateline, read_header_line


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


@dataclass(frozen=True)
class _Line:
    text: str  # spaces collapsed
    raw: str  # spaces as saved, which set a header's fields apart
    gap: bool  # a blank line stands above it
    prose: bool  # a paragraph of prose, see _is_body_line


_BULLET = re.compile(r"^[\s•·\-*▪►■]+")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_TITLE_LABEL = re.compile(r"^(?:title|제목|标题)\s*[:：]?\s+(?P<title>.+)$", re.I)
# "Date of event: July 22, 2016", "Venue and date: ...": a labelled fact, not a headline.
_FIELD_LINE = re.compile(r"^[^:：]{1,25}[:：]")
# Sentences end in . ! ? 。 ！ ？ (Korean in 다. 요.), perhaps inside a closing quote or bracket,
# or in a colon before a list.
_SENTENCE_END = re.compile(r"[.!?。！？…:：][\"'”’」』)）]*$")
_FULL_STOP = re.compile(r"[.!?。！？…][\"'”’」』)）]*$")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")  # kana, han, hangul
_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
MAX_TITLE_CHARS = 300


def _lines(text: str) -> list[_Line]:
    lines, gap = [], False
    for raw_line in text.splitlines():
        raw = _BULLET.sub("", raw_line).strip()
        if not raw:
            gap = True
            continue
        text = _SPACES.sub(" ", raw)
        lines.append(_Line(text, raw, gap, _is_body_line(text)))
        gap = False
    return lines


def _size(line: str) -> int:
    """Words in a line; Chinese and Japanese, written without spaces, count two characters as
    a word, and Korean counts whichever is more."""
    words = len(line.split())
    return words if line.isascii() else max(words, len(_WIDE.findall(line)) // 2)


def _is_body_line(line: str) -> bool:
    """A paragraph of prose, not a menu entry or a heading."""
    size = _size(line)
    return size >= 30 or (size >= 8 and bool(_SENTENCE_END.search(line)))


def _is_sentence(line: _Line) -> bool:
    return line.prose or (bool(_FULL_STOP.search(line.text)) and _size(line.text) >= 2)


def _looks_like_title(line: str) -> bool:
    return (
        2 <= _size(line) <= 40
        and len(line) <= MAX_TITLE_CHARS
        and any(c.isalpha() for c in line)
        and not (_FIELD_LINE.match(line) and find_dates(line))
    )


def _join(parts: list[str]) -> str:
    """A headline wrapped over lines, joined; Chinese and Japanese take no space between."""
    title = parts[0]
    for part in parts[1:]:
        space = "" if _HAN.match(title[-1]) or _HAN.match(part[0]) else " "
        title += space + part
    return title


def _headline(lines: list[str], labels: set[str]) -> str:
    """The headline of a run of title-like lines. A category label may stand over it
    ("Seminar & Forum" above the headline): a line the menus or breadcrumb name, or one less
    than half as long as the next; else the lines are one headline wrapped."""
    while len(lines) > 1 and (
        lines[0].casefold() in labels
        or (2 * len(lines[0]) < len(lines[1]) and _size(lines[0]) <= 4)
    ):
        lines = lines[1:]
    return _join(lines) if len(lines) <= 3 else lines[-1]


@dataclass
class _Header:
    title: str = ""
    date: FoundDate | None = None
    date_is_update: bool = False
    source: str = ""


def _read_header(header: list[_Line]) -> _Header:
    found = _Header()
    runs: list[list[str]] = []  # runs of adjacent title-like lines
    labels: set[str] = set()  # the items of menus and breadcrumbs
    browser_titles: list[str] = []  # "Headline | Site", as a browser saves a page's title
    in_run = after_byline = False
    for line in header:
        text, was_after_byline, after_byline = line.text, after_byline, False
        if match := _TITLE_LABEL.match(text):
            found.title = found.title or match["title"].strip()
        elif facts := read_header_line(line.raw):
            # The first date line, unless it is an update's and a publication's follows.
            if facts.date and (found.date is None or (found.date_is_update and not facts.updated)):
                found.date, found.date_is_update = facts.date, facts.updated
            found.source = found.source or facts.source or ""
        elif is_breadcrumb(text) or is_menu(text) or " | " in text:
            items = [item.strip().casefold() for item in re.split(r"\s\|\s", text)]
            if is_breadcrumb(text):
                items = [item.strip().casefold() for item in BREADCRUMB_SPLIT.split(text)]
            labels.update(items)
            if text.count(" | ") == 1 and not is_breadcrumb(text):
                browser_titles.append(text.split(" | ")[0].strip())
        elif is_furniture(text):
            after_byline = is_byline(text)
        elif was_after_byline and not line.gap:
            pass  # the writer's post under a byline: "Staff Writer of the News Center"
        elif _looks_like_title(text):
            if in_run and not line.gap:
                runs[-1].append(text)
            else:
                runs.append([text])
            in_run = True
            continue
        in_run = False

    headlines = [_headline(run, labels) for run in runs]
    if not found.title:
        # The headline is the last run above the body, unless a browser title names another.
        named = [h for h in headlines if h.casefold() in {b.casefold() for b in browser_titles}]
        found.title = (named or headlines or browser_titles or [""])[-1]
    return found


def _body_start(lines: list[_Line]) -> int:
    """Where the first paragraph of prose stands. A date line stands under the headline, not
    in the body: prose above one was a headline ending like a sentence ("... (21 Nov.)")."""
    prose = [i for i, line in enumerate(lines) if line.prose and not is_furniture(line.text)]
    for i, j in zip(prose, [*prose[1:], len(lines)], strict=False):
        if _size(lines[i].text) > 40 or not any(
            (f := read_header_line(line.raw)) and f.date for line in lines[i + 1 : j]
        ):
            return i
    return len(lines)


def _body(lines: list[_Line], title: str) -> tuple[list[str], str]:
    """The article's paragraphs, and a source a line among them states ("Source: Xinhua")."""
    paragraphs: list[_Line] = []
    source, in_related = "", False
    for line in lines:
        text, prose = line.text, line.prose
        if is_related_heading(text):
            in_related = True  # a list of other articles follows, until prose comes back
            continue
        in_related = in_related and not prose
        facts = None if prose else read_header_line(line.raw)
        if facts is not None:
            source = source or facts.source or ""
            continue
        if in_related or is_furniture(text) or text == title:
            continue
        if agency := AGENCY_TAG.match(text):
            source = source or agency["agency"]
            continue
        paragraphs.append(line)
    # After the last sentence come captions, lists and footers, unless the sentence ends in a
    # colon and the list is its own.
    last = max((i for i, p in enumerate(paragraphs) if _is_sentence(p)), default=-1)
    if last >= 0 and not paragraphs[last].text.endswith((":", "：")):
        paragraphs = paragraphs[: last + 1]
    return [p.text for p in paragraphs], source


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
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
    lines = _lines(text)
    if not lines:
        raise ParseError("the file has no text")

    body_start = _body_start(lines)
    header = _read_header(lines[:body_start])
    title = header.title
    if not title:
        raise ParseError("no recognisable title before the body")
    if len(title) > MAX_TITLE_CHARS:
        raise ParseError(f"the title is longer than {MAX_TITLE_CHARS} characters")

    paragraphs, source = _body(lines[body_start:], title)
    if not paragraphs:
        raise ParseError("no body text after the title")
    source = header.source or source
    found_date = header.date
    if dateline := read_dateline(paragraphs[0]):
        found_date = found_date or dateline.date
        source = source or dateline.agency
        paragraphs[0] = paragraphs[0][dateline.end :].lstrip() or paragraphs[0]
    body = "\n\n".join(paragraphs)

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
