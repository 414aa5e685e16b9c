"""Saved text pages (.txt): UTF-8 text, read by the page parser."""

from pathlib import Path

from archive.importing.parse import parse_article
from archive.importing.sources.base import ImportFileError, Loaded, Page


def read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, or ImportFileError when it is empty or over the size limit."""
    data = path.read_bytes()
    if not data.strip():
        raise ImportFileError("the file is empty")
    if len(data) > limit:
        raise ImportFileError(f"the file is {len(data):,} bytes, over the {limit:,}-byte limit")
    return data


def decode_text(data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFileError("the file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"the file is not UTF-8 (byte {error.start})") from None


def read_article_file(path: Path, limit: int) -> tuple[bytes, str]:
    """The file's bytes and its text, or ImportFileError saying what is wrong with it."""
    data = read_file(path, limit)
    return data, decode_text(data)


def read_text_page(loaded: Loaded) -> Page:
    text = decode_text(loaded.data)
    return Page(raw_text=text, parsed=parse_article(text))
