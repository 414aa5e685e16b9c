"""How to cite an article of the archive: a ready line in APA and in Chicago style, and the
same reference as BibTeX and RIS for reference managers.

The archive knows a page's title, its date (and how precise it is), its source and, when the
saved page said so, its original address; no author. Each reference names the original
address when it is known and always the archive's page, with the day it was read."""

import datetime
import re
from dataclasses import dataclass

from archive.models import Article, DatePrecision

SITE_NAME = "Cooperation Archive"


def original_url(article: Article) -> str:
    """The address of the page the article was saved from, when it is a web address (a
    link to anything else, "javascript:" say, is never offered)."""
    url = article.url.strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


@dataclass(frozen=True)
class Reference:
    """What a citation says about one article, read once from the article."""

    title: str
    source: str
    published_on: datetime.date | None
    precision: str
    original_url: str
    archive_url: str
    accessed: datetime.date
    language: str
    key: str

    @classmethod
    def of(cls, article: Article, archive_url: str, accessed: datetime.date) -> "Reference":
        year = article.published_on.year if article.published_on else "nd"
        first_word = re.sub(r"\W", "", (article.title.split() or ["article"])[0].lower())
        return cls(
            title=" ".join(article.title.split()),
            source=article.source,
            published_on=article.published_on,
            precision=article.date_precision,
            original_url=original_url(article),
            archive_url=archive_url,
            accessed=accessed,
            language=article.language,
            key=f"{first_word or 'article'}{year}_{article.pk}",
        )

    @property
    def url(self) -> str:
        """Where a reader finds the page: the original when known, else the archive's."""
        return self.original_url or self.archive_url


def _day(date: datetime.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def _apa_date(ref: Reference) -> str:
    date = ref.published_on
    if date is None or ref.precision == DatePrecision.UNKNOWN:
        return "n.d."
    if ref.precision == DatePrecision.DAY:
        return f"{date.year}, {date:%B} {date.day}"
    if ref.precision == DatePrecision.MONTH:
        return f"{date.year}, {date:%B}"
    return str(date.year)


def _chicago_date(ref: Reference) -> str:
    date = ref.published_on
    if date is None or ref.precision == DatePrecision.UNKNOWN:
        return "n.d."
    if ref.precision == DatePrecision.DAY:
        return _day(date)
    if ref.precision == DatePrecision.MONTH:
        return f"{date:%B} {date.year}"
    return str(date.year)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def apa(ref: Reference) -> str:
    """APA 7, a news page without an author: the title takes the author's place."""
    parts = [_sentence(ref.title), f"({_apa_date(ref)})."]
    if ref.source:
        parts.append(_sentence(ref.source))
    parts.append(ref.url)
    if ref.original_url:
        parts.append(f"Archived by the {SITE_NAME}: {ref.archive_url}")
    return " ".join(parts)


def chicago(ref: Reference) -> str:
    """Chicago (notes and bibliography), a web page without an author."""
    title = ref.title.rstrip(".")
    parts = [f"“{title}.”"]
    if ref.source:
        parts.append(f"{ref.source},")
    parts.append(f"{_chicago_date(ref)}.")
    if ref.original_url:
        parts.append(f"{ref.original_url}.")
    parts.append(f"{SITE_NAME}, accessed {_day(ref.accessed)}. {ref.archive_url}.")
    return " ".join(parts)


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def _bibtex_text(text: str) -> str:
    def escape(match: re.Match) -> str:
        char = match.group(1)
        return {
            "\\": r"\textbackslash{}",
            "^": r"\^{}",
            "~": r"\~{}",
        }.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, " ".join(text.split()))


def _bibtex_url(url: str) -> str:
    """URLs go inside \\url{} or a url field verbatim; only braces would break the entry."""
    return url.replace("{", "%7B").replace("}", "%7D")


def bibtex(ref: Reference) -> str:
    """A @misc entry (understood by BibTeX and biblatex alike)."""
    fields = [("title", "{" + _bibtex_text(ref.title) + "}")]
    if ref.source:
        fields.append(("howpublished", _bibtex_text(ref.source)))
    if ref.published_on and ref.precision != DatePrecision.UNKNOWN:
        fields.append(("year", str(ref.published_on.year)))
        if ref.precision in (DatePrecision.DAY, DatePrecision.MONTH):
            fields.append(("month", f"{ref.published_on:%b}".lower()))
        if ref.precision == DatePrecision.DAY:
            fields.append(("date", ref.published_on.isoformat()))
    fields.append(("url", _bibtex_url(ref.url)))
    fields.append(("urldate", ref.accessed.isoformat()))
    fields.append(("language", ref.language))
    note = f"Archived by the {SITE_NAME}: \\url{{{_bibtex_url(ref.archive_url)}}}"
    fields.append(("note", note))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{ref.key},\n{body}\n}}\n"


def _ris_text(text: str) -> str:
    return " ".join(text.split())


def ris(ref: Reference) -> str:
    """An RIS record of a newspaper article (TY NEWS); lines end with CR LF as RIS asks."""
    lines = [("TY", "NEWS"), ("TI", _ris_text(ref.title))]
    if ref.source:
        lines.append(("T2", _ris_text(ref.source)))
    if ref.published_on and ref.precision != DatePrecision.UNKNOWN:
        date = ref.published_on
        lines.append(("PY", str(date.year)))
        if ref.precision == DatePrecision.DAY:
            lines.append(("DA", f"{date:%Y/%m/%d}/"))
        elif ref.precision == DatePrecision.MONTH:
            lines.append(("DA", f"{date:%Y/%m}//"))
    lines.append(("UR", ref.url))
    if ref.original_url:
        lines.append(("L2", ref.archive_url))
    lines.append(("Y2", f"{ref.accessed:%Y/%m/%d}/"))
    lines.append(("LA", ref.language))
    lines.append(("DB", SITE_NAME))
    lines.append(("N1", f"Archived by the {SITE_NAME}: {ref.archive_url}"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
