"""Small text helpers shared by the models and the import."""

import hashlib
import re
import unicodedata

from django.utils.text import slugify

_PUNCTUATION = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACES = re.compile(r"[\s\-–—]+")
_LEADING_THE = re.compile(r"^the\s+")


def normalize_name(name: str) -> str:
    """The key two spellings of one name share: case, '&', 'the', punctuation and hyphens
    do not tell names apart ("the Korea-China Science & Technology Center" equals
    "Korea China Science and Technology Center")."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = _PUNCTUATION.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def make_slug(text: str, *, max_length: int = 80) -> str:
    slug = slugify(text, allow_unicode=True)[:max_length].strip("-")
    return slug or "untitled"


def unique_suffix(key: str, length: int = 6) -> str:
    """A short stable suffix that tells apart two records whose slugs would collide."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def person_key(name: str) -> str:
    """The key of a person's name: its normalized words in sorted order, so the orders and
    cases news writes one name in share it ("HE Minghong" = "Minghong He")."""
    return " ".join(sorted(normalize_name(name).split()))
