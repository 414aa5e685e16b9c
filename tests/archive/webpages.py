"""Saved HTML pages and WARC web archives made for the tests."""

import io
from dataclasses import dataclass
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROBOTICS = [
    "The China-Korea Robotics Forum was held in Qingdao, Shandong Province, China from"
    " April 16 to 17, 2019. More than 200 researchers from the Korea Institute of Robotics"
    " (KIR) took part in the forum, which discussed cooperation in robotics.",
    "Kim Minsu, president of the Korea Institute of Robotics (KIR), said the two sides would"
    " open a joint laboratory in Qingdao next year.",
]
# "喆" is in GBK but not in GB2312: pages declared GB2312 use it, and browsers read them as GBK.
CHINESE = [
    "3月2日，北京大学校长李明华在京会见了来访的韩国代表团，双方就机器人领域的合作进行了交流。",
    "会上，北京大学与韩国未来材料研究所签署了合作协议，张喆教授介绍了联合实验室的情况。",
]
# "똠" is in windows-949 but not in EUC-KR: pages declared EUC-KR use it, read as windows-949.
KOREAN = [
    "박민수 한국해양과학기술원 원장은 이날 인사말을 했다. 한국에너지기술연구원은 도쿄대학교와"
    " 협약을 맺었다.",
    "행사에는 양국 연구자 200여 명이 참석했으며, 똠양꿍 요리 시연도 열렸다고 주최 측은 밝혔다.",
]


def html_page(
    title: str,
    paragraphs: list[str],
    *,
    charset: str = "utf-8",
    encoding: str | None = None,
    canonical: str = "",
    published: str = "",
    site_name: str = "",
    lang: str = "en",
    head: str = "",
) -> bytes:
    """A news page as a site serves it: menus, the headline, the article, a footer."""
    meta = [f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">']
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{escape(site_name)}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head>{"".join(meta)}{head}'
        f"<title>{escape(title)} | News</title></head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer><p>Copyright 2019 News. All rights reserved.</p></footer></body></html>"
    )
    return page.encode(encoding or charset)


@dataclass
class Response:
    url: str
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-03-05T10:11:12Z"
    extra_headers: tuple = ()


def warc_file(records: list, *, gzip: bool = True) -> bytes:
    """A WARC as a crawler writes it: a warcinfo record, then a request and a response for
    each capture (a record given as bytes is written as it is)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for record in records:
        if isinstance(record, bytes):
            out.write(record)
            continue
        request = writer.create_warc_record(
            record.url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                f"GET {record.url} HTTP/1.1", [("Host", "example")], is_http_request=True
            ),
            warc_headers_dict={"WARC-Date": record.date},
        )
        headers = [("Content-Type", record.content_type), *record.extra_headers]
        if record.status.startswith("3"):
            headers.append(("Location", record.url + "/moved"))
        response = writer.create_warc_record(
            record.url,
            "response",
            payload=io.BytesIO(record.body),
            http_headers=StatusAndHeaders(record.status, headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": record.date},
        )
        writer.write_record(request)
        writer.write_record(response)
    return out.getvalue()
