"""Saved HTML pages (.html, .htm), and the HTML that WARC records hold.

The page is decoded strictly in the charset it declares, then trafilatura takes its main text
apart from the menus, and its title, publication date, publisher and canonical URL from its
markup and metadata. trafilatura only reads the markup it is given: it fetches nothing.

The main text then goes through the same reading as a saved text page (parse_article), under
the page's own title: date lines, bylines and "Source:" lines above the first paragraph leave
the body as they do there, and a page whose metadata gives no date is dated by its text."""

import codecs
import re
from datetime import date
from urllib.parse import urlsplit

import trafilatura

from archive.importing.parse import MAX_TITLE_CHARS, ParsedArticle, ParseError, detect_language
from archive.importing.parse import parse_article as parse_text_page
from archive.importing.sources.base import MAX_URL_CHARS, ImportFileError, Loaded, Page

# Charset labels as browsers read them (the WHATWG Encoding Standard): a page declared GB2312
# is read as GBK and one declared EUC-KR as windows-949, supersets that such pages use in
# practice; ISO-8859-1 and ASCII are read as windows-1252, Shift_JIS as windows-31J.
BROWSER_CODECS = {
    "gb2312": "gbk",
    "gb_2312": "gbk",
    "gb_2312-80": "gbk",
    "csgb2312": "gbk",
    "x-gbk": "gbk",
    "chinese": "gbk",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601-1989": "cp949",
    "korean": "cp949",
    "windows-949": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (b"\xfe\xff", "utf-16"))
# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">,
# <?xml version="1.0" encoding="euc-kr"?>, looked for near the top as browsers do.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([\w.:-]+)", re.I)
_HTTP_CHARSET = re.compile(r"\bcharset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
PRESCAN_BYTES = 4096
# Chrome and Internet Explorer mark a saved page with the address it was saved from.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)


def declared_charset(data: bytes, content_type: str = "") -> tuple[str, str]:
    """The charset a page declares, and where: a byte-order mark, then the HTTP header,
    then a <meta> tag or the XML declaration. ("", "") when it declares none."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "its byte-order mark"
    if match := _HTTP_CHARSET.search(content_type):
        return match[1], "its HTTP header"
    head = data[:PRESCAN_BYTES]
    if match := _META_CHARSET.search(head) or _XML_ENCODING.search(head):
        return match[1].decode("ascii"), "the page"
    return "", ""


def decode_html(data: bytes, content_type: str = "") -> str:
    """The page's text in its declared charset (UTF-8 when it declares none), decoded
    strictly: bytes that are not valid in it fail the page, naming the charset."""
    label, declared_by = declared_charset(data, content_type)
    if not label:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"the page declares no charset and is not UTF-8 (byte {error.start})"
            ) from None
    try:
        codec = codecs.lookup(BROWSER_CODECS.get(label.lower(), label)).name
    except LookupError:
        raise ImportFileError(f"the page declares an unknown charset {label!r}") from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"the page is not valid {label} as {declared_by} declares (byte {error.start})"
        ) from None


def read_html_page(loaded: Loaded) -> Page:
    source = loaded.source
    html = decode_html(loaded.data, loaded.content_type)
    address = source.url
    if not address and (saved_from := _SAVED_FROM.search(html[:2000])):
        address = saved_from[1]
    document = trafilatura.bare_extraction(
        html,
        url=address or None,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        # Dates from the page's metadata, its <time> tags and its address only; a page without
        # one is dated by its text below, as a text page is.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise ParseError("no main text in the page")
    url = document.url or address or ""
    host = (urlsplit(url).hostname or "") if url else ""
    return Page(
        raw_text=html,
        parsed=parse_document(
            title=document.title or "",
            text=document.text or "",
            published=document.date or "",
            publisher=_publisher(document.sitename or "", html),
            host=host,
        ),
        url=url if len(url) <= MAX_URL_CHARS else "",
        captured_at=source.captured_at,
    )


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def _publisher(sitename: str, html: str) -> str:
    """The site's name, unless trafilatura took it from a part of the <title> because the
    part holds a dot, as a domain does: "Forum No. 1 | Newsroom" gives "Forum No. 1"."""
    title = _TITLE_TAG.search(html[: PRESCAN_BYTES * 4])
    if " " in sitename and "." in sitename and title and sitename in title[1]:
        return ""
    return sitename


_SENTENCE_END = ".!?。！？…"


def parse_document(
    *, title: str, text: str, published: str = "", publisher: str = "", host: str = ""
) -> ParsedArticle:
    """The article of a page's main text and metadata. The body is read as a saved text page
    headed by the title; the metadata's date and publisher come before what the text states.
    A publisher that is only the address's host name (trafilatura's last resort) comes after
    a source the text names."""
    title = " ".join(title.split())
    if not title:
        raise ParseError("the page has no title (no <title>, <h1> or og:title)")
    if len(title) > MAX_TITLE_CHARS:
        raise ParseError(f"the title is longer than {MAX_TITLE_CHARS} characters")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while lines and " ".join(lines[0].split()).casefold() == title.casefold():
        lines.pop(0)  # the headline, as the main text repeats it
    try:
        # The title stands above the text as a headline would; a final full stop would
        # make it read as prose, the start of the body.
        as_text = parse_text_page(title.rstrip(_SENTENCE_END) + "\n\n" + "\n\n".join(lines))
    except ParseError:
        raise ParseError("no main text in the page") from None

    published_on, precision, inferred = (
        as_text.published_on,
        as_text.date_precision,
        as_text.date_inferred,
    )
    if published:
        published_on, precision, inferred = date.fromisoformat(published), "day", False
    named = publisher.lower().removeprefix("www.") not in ("", host.removeprefix("www."))
    source = publisher if named else as_text.source or publisher
    return ParsedArticle(
        title=title,
        published_on=published_on,
        date_precision=precision,
        date_inferred=inferred,
        source=source,
        body=as_text.body,
        language=detect_language(title + " " + as_text.body),
    )
