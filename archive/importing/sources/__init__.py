"""Where pages come from: saved text pages (.txt), saved HTML pages (.html, .htm) and the
HTML responses of WARC web archives (.warc, .warc.gz).

Each page to import is a `Source`: a file, or one record of a WARC (`expand` lists them,
scanning the WARCs). `load` gives a source's bytes, which the import hashes to know an
unchanged page without reading it further; `read` gives the `Page`: the text as imported,
the article parsed from it, and the page's URL and capture date. Pure, like parsing: no
database, so that loading and reading run in the import's worker processes.

    text.py   .txt files, parsed by archive.importing.parse
    html.py   charsets, trafilatura, and the same parsing of the main text
    warc.py   scanning a WARC and reading one record again"""

from collections import Counter
from pathlib import Path

from archive.importing.sources import html, text, warc
from archive.importing.sources.base import (
    ImportFileError,
    Loaded,
    Page,
    Source,
    url_identity,
)
from archive.importing.sources.text import read_article_file

__all__ = [
    "PATTERNS",
    "ImportFileError",
    "Loaded",
    "Page",
    "Source",
    "expand",
    "kind_of",
    "load",
    "read",
    "read_article_file",
    "url_identity",
]

# What a folder is searched for, recursively.
PATTERNS = ("*.txt", "*.html", "*.htm", "*.warc", "*.warc.gz")
_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".warc": "warc"}


def kind_of(path: Path) -> str:
    """A file's kind by its name; any other file is read as text, as before."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _KINDS.get(path.suffix.lower(), "text")


def expand(paths: list[Path]) -> tuple[list[Source], Counter]:
    """The sources of the given files, in their order, and the count of the WARCs' records
    by kind ("pages", "redirects", ...)."""
    sources: list[Source] = []
    records: Counter = Counter()
    for path in paths:
        kind = kind_of(path)
        if kind != "warc":
            sources.append(Source(path, kind))
            continue
        try:
            found, counts = warc.scan(path)
        except OSError as problem:
            found, counts = [Source(path, kind, error=f"cannot be read: {problem}")], Counter()
        sources.extend(found)
        records.update(counts)
    return sources, records


def load(source: Source, limit: int) -> Loaded:
    if source.error:
        raise ImportFileError(source.error)
    if source.kind == "warc":
        return warc.load_record(source, limit)
    return Loaded(source, text.read_file(source.path, limit))


def read(loaded: Loaded) -> Page:
    if loaded.source.kind == "text":
        return text.read_text_page(loaded)
    return html.read_html_page(loaded)
