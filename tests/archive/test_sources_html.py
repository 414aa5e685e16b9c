"""Reading saved HTML pages: charsets, the main text and the page's own metadata."""

import socket
from datetime import date
from pathlib import Path

import pytest

from archive.importing.parse import ParseError
from archive.importing.sources import ImportFileError, Loaded, Source, read, url_identity
from archive.importing.sources.html import decode_html
from tests.archive.webpages import CHINESE, KOREAN, ROBOTICS, html_page


def read_html(data: bytes, *, content_type: str = ""):
    return read(Loaded(Source(Path("page.html"), "html"), data, content_type))


def test_a_page_gives_its_title_date_publisher_url_and_main_text():
    page = read_html(
        html_page(
            "Robotics forum held in Qingdao",
            ROBOTICS,
            canonical="https://news.example.org/2019/robots",
            published="2019-04-18T09:00:00+08:00",
            site_name="Science Daily",
        )
    )
    parsed = page.parsed
    assert parsed.title == "Robotics forum held in Qingdao"
    assert (parsed.published_on, parsed.date_precision) == (date(2019, 4, 18), "day")
    assert not parsed.date_inferred
    assert parsed.source == "Science Daily"
    assert page.url == "https://news.example.org/2019/robots"
    assert parsed.body == "\n\n".join(ROBOTICS)  # no menu, headline or footer
    assert parsed.language == "en"
    assert page.raw_text.startswith("<!DOCTYPE html>")  # the page as imported


def test_without_metadata_the_text_dates_the_page_as_a_text_page():
    page = read_html(
        html_page("Robotics forum held in Qingdao", ["Published: April 18, 2019", *ROBOTICS])
    )
    assert (page.parsed.published_on, page.parsed.date_precision) == (date(2019, 4, 18), "day")
    assert page.parsed.body.startswith("The China-Korea Robotics Forum")  # the date line left
    assert page.parsed.source == ""
    assert page.url == ""


def test_a_browsers_saved_from_mark_gives_the_address():
    data = b"<!-- saved from url=(0035)https://news.example.org/a/b.html -->\n" + html_page(
        "Robotics forum held in Qingdao", ROBOTICS
    )
    page = read_html(data)
    assert page.url == "https://news.example.org/a/b.html"
    assert page.parsed.source == "news.example.org"  # only the host: no publisher named


def test_a_source_the_text_names_comes_before_the_host_name():
    data = b"<!-- saved from url=(0035)https://news.example.org/a/b.html -->\n" + html_page(
        "Robotics forum held in Qingdao", ["Source: Xinhua", *ROBOTICS]
    )
    assert read_html(data).parsed.source == "Xinhua"
    named = html_page("Robotics forum", ["Source: Xinhua", *ROBOTICS], site_name="Science Daily")
    assert read_html(named).parsed.source == "Science Daily"  # the publisher, then the text


def test_a_dotted_part_of_the_title_is_no_publisher():
    page = read_html(html_page("Forum No. 1 opens in Qingdao", ROBOTICS))  # "... | News"
    assert page.parsed.source == ""


def test_a_chinese_page_declared_gb2312_is_read_as_browsers_read_it():
    data = html_page("中韩机器人论坛在青岛举行", CHINESE, charset="gb2312", encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # "喆" is GBK, beyond GB2312, as on real pages
    page = read_html(data)
    assert page.parsed.title == "中韩机器人论坛在青岛举行"
    assert page.parsed.body == "\n\n".join(CHINESE)
    assert page.parsed.language == "zh"
    assert 'charset=gb2312"' in page.raw_text  # the page as imported, decoded


def test_a_korean_page_declared_euc_kr_is_read_as_browsers_read_it():
    data = html_page("한중 로봇 포럼 개최", KOREAN, charset="euc-kr", encoding="cp949")
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc-kr")  # "똠" is windows-949, beyond EUC-KR
    page = read_html(data)
    assert page.parsed.title == "한중 로봇 포럼 개최"
    assert page.parsed.body == "\n\n".join(KOREAN)
    assert page.parsed.language == "ko"


def test_the_http_header_charset_comes_before_the_pages_own():
    data = html_page("한중 로봇 포럼 개최", KOREAN, charset="utf-8", encoding="cp949")
    with pytest.raises(ImportFileError, match="not valid utf-8 as the page declares"):
        read_html(data)
    page = read_html(data, content_type="text/html; charset=EUC-KR")
    assert page.parsed.title == "한중 로봇 포럼 개최"


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [
        (
            html_page("中韩机器人论坛在青岛举行", CHINESE, charset="utf-8", encoding="gbk"),
            "",
            "the page is not valid utf-8 as the page declares (byte",
        ),
        (
            html_page("Seoul", ["\ud55c"], charset="euc-kr", encoding="utf-8"),
            "",
            "the page is not valid euc-kr as the page declares (byte",
        ),
        (
            html_page("中韩", CHINESE, charset="gbk", encoding="gbk"),
            "text/html; charset=utf-8",
            "the page is not valid utf-8 as its HTTP header declares (byte",
        ),
        (
            html_page("Seoul", ROBOTICS, charset="klingon", encoding="utf-8"),
            "",
            "the page declares an unknown charset 'klingon'",
        ),
        (
            "<html><p>Ünïcödé in Latin-1, declared nowhere</p></html>".encode("latin-1"),
            "",
            "the page declares no charset and is not UTF-8 (byte",
        ),
    ],
)
def test_a_page_not_valid_in_its_charset_is_refused_by_name(data, content_type, message):
    with pytest.raises(ImportFileError) as problem:
        decode_html(data, content_type)
    assert str(problem.value).startswith(message)


def test_a_byte_order_mark_decides_the_charset():
    data = "\ufeff<html><title>标题</title></html>".encode("utf-16-le")
    assert "标题" in decode_html(data, "text/html; charset=gbk")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Menus</title></head><body><nav><ul><li><a href=/>Home</a></li>"
        b"<li><a href=/news>News</a></li></ul></nav></body></html>",
        b"<html><head><title>Nothing</title></head><body></body></html>",
        b"<html><head><title>A photo</title></head><body><img src=a.jpg></body></html>",
    ],
)
def test_a_page_without_main_text_is_refused(data):
    with pytest.raises(ParseError, match="no main text in the page"):
        read_html(data)


def test_reading_a_page_fetches_nothing(monkeypatch):
    """trafilatura only reads the bytes it is given, whatever addresses the page names."""

    def no_network(*args, **kwargs):
        raise AssertionError("the import tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    head = (
        '<link rel="stylesheet" href="https://cdn.example.org/site.css">'
        '<script src="https://cdn.example.org/app.js"></script>'
        '<meta property="og:image" content="https://cdn.example.org/photo.jpg">'
    )
    page = read_html(
        html_page(
            "Robotics forum held in Qingdao",
            ROBOTICS,
            canonical="https://news.example.org/robots",
            head=head,
        )
    )
    assert page.parsed.body.startswith("The China-Korea Robotics Forum")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("http://News.Example.org/a?id=1", "https://news.example.org/a?id=1#comments"),
        ("https://news.example.org:443/a", "http://news.example.org/a"),
        ("https://news.example.org", "https://news.example.org/"),
    ],
)
def test_one_page_under_its_addresses(one, other):
    assert url_identity(one) == url_identity(other) != ""


def test_different_pages_and_non_web_addresses():
    assert url_identity("https://news.example.org/a") != url_identity("https://news.example.org/b")
    assert url_identity("https://news.example.org/a?id=1") != url_identity(
        "https://news.example.org/a?id=2"
    )
    assert url_identity("mailto:editor@example.org") == url_identity("not a url") == ""
