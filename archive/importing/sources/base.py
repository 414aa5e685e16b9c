"""What every kind of source shares: the page to import (`Source`), what reading it gives
(`Loaded`, then `Page`), and the error that names what is wrong with it."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from archive.importing.parse import ParsedArticle

# Article.source_file and Article.url hold at most this many characters.
MAX_NAME_CHARS = 255
MAX_URL_CHARS = 1000


class ImportFileError(ValueError):
    """A file (or a WARC record) the import cannot take; the message says why."""


@dataclass(frozen=True)
class Source:
    """One page to import: a file, or one record of a WARC file. `error` is set on a WARC
    that could not be read past `offset` (the records before it are sources of their own)."""

    path: Path
    kind: str  # "text", "html" or "warc"
    record_id: str = ""
    offset: int = 0
    url: str = ""  # a WARC record's target URI
    captured_at: datetime | None = None  # a WARC record's WARC-Date
    error: str = ""

    @property
    def name(self) -> str:
        """How the archive knows this source again (Article.source_file): the file's name,
        with the record's id for a WARC record."""
        if not self.record_id:
            return self.path.name
        name = f"{self.path.name}#{self.record_id}"
        if len(name) > MAX_NAME_CHARS:  # a long record id: its digest stands for it
            name = f"{self.path.name[:190]}#{hashlib.sha256(self.record_id.encode()).hexdigest()}"
        return name

    @property
    def label(self) -> str:
        """How reports name it: the file, and the record with its address."""
        if not self.record_id:
            return str(self.path)
        return f"{self.path} record {self.record_id} ({self.url})"


@dataclass(frozen=True)
class Loaded:
    """A source's bytes, as they are hashed to know them again, before they are understood."""

    source: Source
    data: bytes
    content_type: str = ""  # the HTTP Content-Type of a WARC record


@dataclass(frozen=True)
class Page:
    """A source read and parsed: the text as imported (for HTML, the page decoded with its
    declared charset), the article it holds, and where it was published and captured."""

    raw_text: str
    parsed: ParsedArticle
    url: str = ""
    captured_at: datetime | None = None


def url_identity(url: str) -> str:
    """What makes two addresses one page: host and path, whatever the scheme (a crawl's
    http:// and a browser's https://), the case of the host, a default port or a #fragment.
    Empty for what is not a web address."""
    try:
        parts = urlsplit(url.strip())
        host, port = (parts.hostname or ""), parts.port
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return ""
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = f"?{parts.query}" if parts.query else ""
    return f"{netloc}{parts.path or '/'}{query}"
