"""Importing saved HTML pages and WARC web archives beside text pages, as a user runs it."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from archive.models import Article, ArticleStatus, Mention, Organization
from tests.archive.test_import import snapshot
from tests.archive.webpages import CHINESE, KOREAN, ROBOTICS, Response, html_page, warc_file

pytestmark = pytest.mark.django_db

CANONICAL = "https://news.example.org/2019/04/robotics-forum"


def robotics_page(**meta) -> bytes:
    return html_page("Robotics forum held in Qingdao", ROBOTICS, **meta)


def a_crawl(*records) -> bytes:
    """A crawl of the Korean page, beside what crawls also hold."""
    korean = html_page("한중 로봇 포럼 개최", KOREAN, charset="euc-kr", encoding="cp949")
    return warc_file(
        [
            Response("https://kr.example.org/news/1", korean, content_type="text/html"),
            Response("https://kr.example.org/logo.png", b"\x89PNG", content_type="image/png"),
            Response("https://kr.example.org/news", b"", status="301 Moved Permanently"),
            Response("https://kr.example.org/gone", b"<p>Gone</p>", status="404 Not Found"),
            *records,
        ]
    )


@pytest.fixture
def mixed_dir(seed_dir):
    """The five text seeds, two saved HTML pages in a subfolder and a crawl."""
    pages = seed_dir / "saved"
    pages.mkdir()
    (pages / "robotics.html").write_bytes(
        robotics_page(
            canonical=CANONICAL, published="2019-04-18T09:00:00+08:00", site_name="Science Daily"
        )
    )
    (pages / "beida.htm").write_bytes(
        html_page("中韩机器人论坛在青岛举行", CHINESE, charset="gb2312", encoding="gbk")
    )
    (seed_dir / "crawl.warc.gz").write_bytes(a_crawl())
    return seed_dir


def test_a_folder_of_text_html_and_warc_imports_in_one_command(mixed_dir, run_import):
    code, out, err = run_import(mixed_dir)
    assert (code, err) == (0, "")
    assert "articles       8 created, 0 updated, 0 unchanged" in out
    assert (
        "WARC records   9 read: 1 page; skipped 1 not HTML, 1 redirect, 1 error response,"
        " 5 other records" in out
    )
    assert "8 pages read from 8 files." in out

    saved = Article.objects.get(source_file="robotics.html")
    assert (saved.title, saved.source, saved.url) == (
        "Robotics forum held in Qingdao",
        "Science Daily",
        CANONICAL,
    )
    assert str(saved.published_on) == "2019-04-18"
    assert saved.captured_at is None
    assert (
        saved.raw_text
        == robotics_page(
            canonical=CANONICAL, published="2019-04-18T09:00:00+08:00", site_name="Science Daily"
        ).decode()
    )
    # the same extraction as a text page's
    kir = Organization.objects.get(acronym="KIR")
    assert kir.name == "Korea Institute of Robotics"
    assert {m.article for m in kir.mentions.all()} == {saved}

    crawled = Article.objects.get(source_file__startswith="crawl.warc.gz#urn:uuid:")
    assert (crawled.title, crawled.language, crawled.url) == (
        "한중 로봇 포럼 개최",
        "ko",
        "https://kr.example.org/news/1",
    )
    assert crawled.captured_at == datetime(2024, 3, 5, 10, 11, 12, tzinfo=UTC)
    assert crawled.raw_text.startswith("<!DOCTYPE html>")
    assert "똠양꿍" in crawled.raw_text
    assert Organization.objects.filter(name="한국해양과학기술원").exists()

    chinese = Article.objects.get(source_file="beida.htm")
    assert chinese.language == "zh"
    assert Organization.objects.get(name="北京大学").mentions.filter(article=chinese).exists()
    for mention in Mention.objects.filter(article__in=[saved, crawled, chinese]):
        assert mention.article.body[mention.start : mention.end] == mention.quote


def test_reimporting_pages_and_crawls_changes_nothing(mixed_dir, run_import):
    run_import(mixed_dir, "--publish")
    before = snapshot()
    code, out, _ = run_import(mixed_dir, "--publish")
    assert code == 0
    assert "articles       0 created, 0 updated, 8 unchanged" in out
    assert snapshot() == before


def test_dry_run_counts_the_pages_and_writes_nothing(mixed_dir, run_import):
    code, out, _ = run_import(mixed_dir, "--dry-run")
    assert code == 0
    assert "Dry run, nothing written" in out
    assert "articles       8 created" in out
    assert "WARC records   9 read: 1 page;" in out
    assert Article.objects.count() == 0


def test_publish_publishes_pages_and_crawled_pages(mixed_dir, run_import):
    run_import(mixed_dir / "saved", mixed_dir / "crawl.warc.gz", "--publish")
    assert Article.objects.published().count() == 3
    run_import(mixed_dir)
    assert Article.objects.filter(status=ArticleStatus.REVIEW).count() == 5  # the text seeds


@pytest.mark.parametrize("crawl_first", [True, False])
def test_the_same_page_from_a_crawl_and_a_saved_file_is_one_article(
    tmp_path, run_import, crawl_first
):
    """The saved page names its canonical URL; the crawl captured it over plain http."""
    (tmp_path / "saved.html").write_bytes(robotics_page(canonical=CANONICAL))
    captured = robotics_page(canonical=CANONICAL, site_name="Science Daily")  # other bytes
    (tmp_path / "crawl.warc.gz").write_bytes(
        warc_file([Response(CANONICAL.replace("https:", "http:"), captured)])
    )
    order = ["crawl.warc.gz", "saved.html"] if crawl_first else ["saved.html", "crawl.warc.gz"]
    for name in order:  # one after the other, and then both in one run
        code, out, _ = run_import(tmp_path / name)
        assert code == 0
    code, out, _ = run_import(*(tmp_path / name for name in order))
    assert code == 0
    article = Article.objects.get()
    assert article.url.endswith("/2019/04/robotics-forum")
    assert article.source_file.startswith(order[0])
    assert "articles       0 created, 0 updated, 1 unchanged, 1 known by URL" in out


def test_the_same_page_twice_in_one_run_is_one_article(tmp_path, run_import):
    (tmp_path / "a.html").write_bytes(robotics_page(canonical=CANONICAL))
    (tmp_path / "b.html").write_bytes(robotics_page(canonical=CANONICAL, site_name="Elsewhere"))
    code, out, _ = run_import(tmp_path)
    assert code == 0
    assert "articles       1 created, 0 updated, 0 unchanged, 1 known by URL" in out
    assert Article.objects.get().source_file == "a.html"


def test_bad_pages_and_records_fail_alone_by_file_and_record(tmp_path, run_import):
    (tmp_path / "good.html").write_bytes(robotics_page(canonical=CANONICAL))
    (tmp_path / "menus.html").write_bytes(
        b"<html><head><title>Menus</title></head><body><nav><ul><li><a href=/>Home</a></li>"
        b"<li><a href=/news>News</a></li></ul></nav></body></html>"
    )
    (tmp_path / "mislabelled.html").write_bytes(
        html_page("中韩机器人论坛在青岛举行", CHINESE, charset="utf-8", encoding="gbk")
    )
    gbk = html_page("中韩机器人论坛在青岛举行", CHINESE, charset="gb2312", encoding="gbk")
    (tmp_path / "crawl.warc.gz").write_bytes(
        a_crawl(Response("https://cn.example.org/1", gbk, content_type="text/html; charset=utf-8"))
    )
    whole = warc_file(
        [
            Response("https://news.example.org/other", html_page("Second forum held", ROBOTICS)),
            Response("https://news.example.org/cut", html_page("Third forum held", ROBOTICS)),
        ]
    )
    (tmp_path / "cut.warc.gz").write_bytes(whole[:-200])

    code, out, err = run_import(tmp_path)
    assert code == 1
    lines = err.splitlines()

    def line_of(name):
        return next(line for line in lines if line.startswith(str(tmp_path / name)))

    assert line_of("menus.html").endswith(": no main text in the page")
    assert "mislabelled.html: the page is not valid utf-8 as the page declares (byte" in err
    assert re.fullmatch(
        re.escape(str(tmp_path / "crawl.warc.gz")) + r" record urn:uuid:[-0-9a-f]{36}"
        r" \(https://cn\.example\.org/1\): the page is not valid utf-8 as its HTTP header"
        r" declares \(byte \d+\)",
        line_of("crawl.warc.gz"),
    )
    assert "cut.warc.gz: the WARC is corrupt or cut short at byte " in line_of("cut.warc.gz")
    assert "4 of 7 pages failed" in err
    # the good page, the crawl's Korean page and the cut crawl's first page; nothing else
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Robotics forum held in Qingdao",
        "Second forum held",
        "한중 로봇 포럼 개최",
    ]
    assert "articles       3 created, 0 updated, 0 unchanged, 4 failed" in out


def test_the_progress_bar_counts_a_crawls_pages(tmp_path):
    pages = [
        Response(f"https://news.example.org/{n}", html_page(f"Robotics forum {n} held", ROBOTICS))
        for n in range(24)
    ]
    (tmp_path / "crawl.warc.gz").write_bytes(warc_file(pages))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(tmp_path), "--workers", "0", stdout=out, stderr=err)
    assert "24/24" in err.getvalue()
    assert "24 pages read from 1 files." in out.getvalue()


def test_the_article_page_links_to_the_original_page(mixed_dir, run_import, client):
    run_import(mixed_dir / "crawl.warc.gz", mixed_dir / "saved", "--publish")
    crawled = client.get(Article.objects.get(language="ko").get_absolute_url()).content.decode()
    link = '<a href="https://kr.example.org/news/1" rel="external noopener">'
    assert f"{link}Read the original page</a>" in crawled
    assert "· captured 5 March 2024</span>" in crawled
    saved = client.get(Article.objects.get(source_file="robotics.html").get_absolute_url())
    saved = saved.content.decode()
    assert f'<a href="{CANONICAL}" rel="external noopener">Read the original page</a>' in saved
    assert "captured" not in saved  # a saved page has no capture date
