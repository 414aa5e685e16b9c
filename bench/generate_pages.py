"""The synthetic corpus as saved HTML pages and as WARC web archives, for the import
benchmark: the same articles as bench/generate_corpus.py writes as text.

    python bench/generate_pages.py OUT_DIR --count 10000 [--kind html|warc] [--seed 1]

Each page is marked up as a news site serves it: a head with its title, charset and
canonical URL, a menu, the article (headline, date and source lines, paragraphs), a
footer. A WARC holds 1,000 pages, each a request and a response record, gzipped by record
as crawlers write them."""

import argparse
import io
import random
import sys
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate_corpus import make_article, make_pools

PAGES_PER_WARC = 1000


def page_url(number: int) -> str:
    return f"https://news.example.org/articles/{number:07d}.html"


def as_html(text: str, number: int) -> bytes:
    """A text page of the corpus marked up: its menus, then its header (the headline, the
    date and source lines), then its paragraphs, each part after a blank line."""
    menus_part, _, rest = text.partition("\n\n")
    header, _, body = rest.partition("\n\n")
    menus = [line.strip() for line in menus_part.splitlines() if line.strip()]
    title, *meta = [line.strip(" •") for line in header.splitlines() if line.strip()]
    paragraphs = [p for p in body.split("\n\n\n") if p.strip()]
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | Newsroom</title>"
        f'<link rel="canonical" href="{page_url(number)}"></head><body>'
        '<header><a href="/">Newsroom</a><nav><ul>'
        + "".join(f'<li><a href="/section">{escape(m)}</a></li>' for m in menus)
        + f"</ul></nav></header><main><article><h1>{escape(title)}</h1>"
        + "".join(f'<p class="meta">{escape(m)}</p>' for m in meta)
        + "".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs)
        + "</article></main><footer><p>Contact | Privacy | © Newsroom</p></footer>"
        "</body></html>"
    )
    return page.encode("utf-8")


def _pages(count: int, seed: int):
    rng = random.Random(seed)
    orgs, people, posts = make_pools(rng)
    for number in range(count):
        yield number, as_html(make_article(rng, number, orgs, people, posts), number)


def generate_html(out: Path, count: int, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, page in _pages(count, seed):
        path = out / f"synthetic_{number:07d}.html"
        path.write_bytes(page)
        paths.append(path)
    return paths


def generate_warc(out: Path, count: int, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    writer = stream = None
    for number, page in _pages(count, seed):
        if number % PAGES_PER_WARC == 0:
            if stream:
                stream.close()
            paths.append(out / f"synthetic_{number // PAGES_PER_WARC:04d}.warc.gz")
            stream = paths[-1].open("wb")
            writer = WARCWriter(stream, gzip=True)
            info = writer.create_warcinfo_record(paths[-1].name, {"software": "bench"})
            writer.write_record(info)
        url = page_url(number)
        date = f"2026-11-{1 + number % 28:02d}T12:00:00Z"
        request = StatusAndHeaders(
            f"GET {url} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
        )
        response = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        for kind, headers, payload in (("request", request, b""), ("response", response, page)):
            writer.write_record(
                writer.create_warc_record(
                    url,
                    kind,
                    payload=io.BytesIO(payload),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": date},
                )
            )
    if stream:
        stream.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--kind", choices=["html", "warc"], default="html")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate = generate_html if args.kind == "html" else generate_warc
    paths = generate(args.out, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{args.count} pages in {len(paths)} files, {size:,} bytes, in {args.out}")


if __name__ == "__main__":
    main()
