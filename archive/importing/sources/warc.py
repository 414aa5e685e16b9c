"""WARC web archives (.warc, .warc.gz), as crawlers write them (Heritrix, Browsertrix,
wget --warc-file, Webrecorder), read with warcio.

A WARC is read twice. Its scan, before the import starts, walks every record once: each
successful (200) HTML response becomes a Source, located by its offset, with its target URI
and capture date; the other records are counted by what they are. The import then reads each
page's record alone at its offset, in whichever process extracts it.

Records hold their length and usually a digest of their content: a record shorter than its
length (a file cut short), one whose digest does not match, or bytes that are no record end
the scan. The records before that point are whole and are imported; the file is reported as
failing there, by the byte and the record it could not read."""

import contextlib
import io
import zlib
from collections import Counter
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.importing.sources.base import ImportFileError, Loaded, Source

PAGE = "pages"
# What the scan counts, besides the pages, in the order the summary lists them.
SKIPPED = ("not HTML", "redirects", "error responses", "other responses", "other records")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


class _Broken(Exception):
    pass


def kind_of(record) -> str:
    """A record's place in the summary: a page, or why it is skipped."""
    if record.rec_type != "response":
        return "other records"  # requests, warcinfo, metadata, revisits, resources
    headers = record.http_headers
    if headers is None:
        return "not HTML"  # dns: and other non-HTTP responses
    status = headers.get_statuscode() or ""
    if status.startswith("3"):
        return "redirects"
    if status.startswith(("4", "5")):
        return "error responses"
    if status != "200":
        return "other responses"
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return PAGE if content_type in HTML_TYPES else "not HTML"


def _read_through(record) -> None:
    """Read a record's whole block, which checks its digest (warcio raises on a mismatch);
    a block shorter than its declared length was cut short."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise _Broken(f"its record is {stream.limit:,} bytes shorter than its length says")


def _captured_at(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def scan(path: Path) -> tuple[list[Source], Counter]:
    """The pages of a WARC and the count of its records by kind; a last Source with an
    error when the file cannot be read to its end."""
    sources: list[Source] = []
    counts: Counter = Counter()
    read = 0
    with path.open("rb") as stream, contextlib.redirect_stderr(io.StringIO()):
        # warcio writes its warnings on a bad record length to stderr: they end the scan
        records = ArchiveIterator(stream, check_digests="raise")
        try:
            for record in records:
                offset = records.offset
                if record.rec_type is None or not record.rec_headers.get_header("WARC-Record-ID"):
                    raise _Broken("bytes that are no WARC record")
                kind = kind_of(record)
                _read_through(record)
                if records.err_count:
                    raise _Broken("a record's length does not match its content")
                counts[kind] += 1
                read += 1
                if kind == PAGE:
                    headers = record.rec_headers
                    sources.append(
                        Source(
                            path,
                            "warc",
                            record_id=headers.get_header("WARC-Record-ID").strip("<>"),
                            offset=offset,
                            url=headers.get_header("WARC-Target-URI") or "",
                            captured_at=_captured_at(headers.get_header("WARC-Date") or ""),
                        )
                    )
        except (_Broken, ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as problem:
            if read:
                error = (
                    f"the WARC is corrupt or cut short at byte {records.offset:,}: "
                    f"{_reason(problem)}; the {read} whole records before it were read"
                )
            else:
                error = f"not a WARC file: {_reason(problem)}"
            sources.append(Source(path, "warc", offset=records.offset, error=error))
    if not read and not any(source.error for source in sources):
        sources.append(Source(path, "warc", error="the file holds no WARC records"))
    return sources, counts


def _reason(problem: Exception) -> str:
    """warcio's message, without the bytes it quotes from a broken record."""
    text = str(problem)
    if text.startswith("Invalid WARC record"):
        return "bytes that are no WARC record"
    text = " ".join("".join(c for c in text if c.isprintable()).split())[:200]
    return text or type(problem).__name__


def load_record(source: Source, limit: int) -> Loaded:
    """A page's record read again at its offset: its HTTP payload, with the transfer and
    content encodings undone (chunked, gzip), and its HTTP Content-Type."""
    with source.path.open("rb") as stream:
        stream.seek(source.offset)
        try:
            record = next(iter(ArchiveIterator(stream)))
            found = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            if found != source.record_id:
                raise ImportFileError("the WARC changed since it was scanned")
            payload = record.content_stream().read(limit + 1)
        except (ArchiveLoadFailed, zlib.error, EOFError, StopIteration, ValueError) as problem:
            raise ImportFileError(f"the record cannot be read ({_reason(problem)})") from None
    if len(payload) > limit:
        raise ImportFileError(f"the page is over the {limit:,}-byte limit")
    if not payload.strip():
        raise ImportFileError("the page is empty")
    content_type = record.http_headers.get_header("Content-Type") or ""
    return Loaded(source, payload, content_type)
