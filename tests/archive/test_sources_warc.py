"""Reading WARC web archives: which records are pages, and what a broken file gives."""

import gzip
import io
from datetime import UTC, datetime

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.importing.sources import ImportFileError, expand, load, read
from tests.archive.webpages import CHINESE, KOREAN, ROBOTICS, Response, html_page, warc_file

LIMIT = 2_000_000


def page(n: int) -> Response:
    return Response(
        f"https://news.example.org/{n}", html_page(f"Robotics forum number {n} held", ROBOTICS)
    )


def test_each_html_response_is_a_page_and_the_rest_is_counted(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_file(
            [
                page(1),
                Response("https://news.example.org/logo.png", b"\x89PNG", content_type="image/png"),
                Response("https://news.example.org/old", b"", status="301 Moved Permanently"),
                Response("https://news.example.org/gone", b"<p>Gone</p>", status="404 Not Found"),
                Response("https://news.example.org/err", b"<p>Oops</p>", status="503 Unavailable"),
                page(2),
            ]
        )
    )
    sources, records = expand([crawl])
    assert [s.url for s in sources] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert dict(records) == {
        "pages": 2,
        "not HTML": 1,
        "redirects": 1,
        "error responses": 2,
        "other records": 7,  # the warcinfo and six requests
    }
    first = sources[0]
    assert first.captured_at == datetime(2024, 3, 5, 10, 11, 12, tzinfo=UTC)
    assert first.name == f"crawl.warc.gz#{first.record_id}"
    assert first.record_id.startswith("urn:uuid:")
    assert first.label == f"{crawl} record {first.record_id} (https://news.example.org/1)"
    loaded = read(load(sources[1], LIMIT))
    assert loaded.parsed.title == "Robotics forum number 2 held"
    assert loaded.url == "https://news.example.org/2"
    assert loaded.captured_at == first.captured_at


def test_an_uncompressed_warc_reads_the_same(tmp_path):
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(warc_file([page(1), page(2)], gzip=False))
    sources, records = expand([crawl])
    assert records["pages"] == 2
    assert read(load(sources[1], LIMIT)).parsed.title == "Robotics forum number 2 held"


def test_records_in_the_charset_their_http_header_declares(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    chinese = html_page("中韩机器人论坛在青岛举行", CHINESE, charset="gb2312", encoding="gbk")
    korean = html_page("한중 로봇 포럼 개최", KOREAN, charset="euc-kr", encoding="cp949")
    crawl.write_bytes(
        warc_file(
            [
                Response("https://cn.example.org/1", chinese, content_type="text/html"),
                Response(
                    "https://kr.example.org/1", korean, content_type="text/html; charset=EUC-KR"
                ),
            ]
        )
    )
    sources, _ = expand([crawl])
    zh, ko = (read(load(source, LIMIT)) for source in sources)
    assert (zh.parsed.title, zh.parsed.language) == ("中韩机器人论坛在青岛举行", "zh")
    assert "张喆教授" in zh.parsed.body
    assert (ko.parsed.title, ko.parsed.language) == ("한중 로봇 포럼 개최", "ko")
    assert "똠양꿍" in ko.parsed.body
    assert ko.raw_text == korean.decode("cp949")  # the record's payload, decoded


def test_a_gzip_encoded_chunked_payload_is_decoded(tmp_path):
    body = gzip.compress(html_page("Robotics forum held in Qingdao", ROBOTICS))
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_file(
            [
                Response(
                    "https://news.example.org/gz",
                    chunked,
                    extra_headers=(("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")),
                )
            ]
        )
    )
    sources, _ = expand([crawl])
    assert read(load(sources[0], LIMIT)).parsed.body == "\n\n".join(ROBOTICS)


def test_a_record_not_valid_in_its_charset_fails_alone(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    gbk = html_page("中韩机器人论坛在青岛举行", CHINESE, charset="utf-8", encoding="gbk")
    crawl.write_bytes(warc_file([Response("https://cn.example.org/1", gbk), page(2)]))
    bad, good = expand([crawl])[0]
    with pytest.raises(ImportFileError, match=r"the page is not valid utf-8 as its HTTP header"):
        read(load(bad, LIMIT))
    assert read(load(good, LIMIT)).parsed.title == "Robotics forum number 2 held"


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_cut_short_gives_its_whole_records_and_fails_there(tmp_path, compressed):
    whole = warc_file([page(1), page(2), page(3)], gzip=compressed)
    crawl = tmp_path / "cut.warc"
    crawl.write_bytes(whole[: len(whole) - 200])  # a download that stopped in the last page
    sources, records = expand([crawl])
    *pages, broken = sources
    assert [s.url for s in pages] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert records["pages"] == 2
    assert broken.error.startswith("the WARC is corrupt or cut short at byte ")
    assert "shorter than its length says; the 6 whole records before it were read" in broken.error
    with pytest.raises(ImportFileError, match="cut short"):
        load(broken, LIMIT)


def test_a_record_whose_content_does_not_match_its_digest_ends_the_scan(tmp_path):
    whole = bytearray(warc_file([page(1), page(2)], gzip=False))
    at = whole.index(b"Kim Minsu", len(whole) // 2)  # in the second page's payload
    whole[at : at + 3] = b"Lee"
    crawl = tmp_path / "flipped.warc"
    crawl.write_bytes(bytes(whole))
    sources, _ = expand([crawl])
    assert [s.url for s in sources[:-1]] == ["https://news.example.org/1"]
    assert "digest failed" in sources[-1].error


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file holds no WARC records"),
        (b"This is a text file named like a WARC.\n" * 5, "not a WARC file: bytes that are no"),
        (gzip.compress(b"This is not a WARC either.\n" * 5), "not a WARC file: bytes that are no"),
    ],
)
def test_a_file_that_is_no_warc_fails_by_name(tmp_path, data, message):
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(data)
    sources, records = expand([crawl])
    assert len(sources) == 1
    assert message in sources[0].error
    assert not records


def test_a_resource_or_revisit_record_is_no_page(tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/1",
            "resource",
            payload=io.BytesIO(html_page("Saved as a resource", ROBOTICS)),
            warc_content_type="text/html",
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/2",
            "revisit",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1"),
        )
    )
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(out.getvalue())
    sources, records = expand([crawl])
    assert sources == []
    assert dict(records) == {"other records": 2}
