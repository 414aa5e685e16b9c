"""Reading an expected.json, the figures a careful reader wrote down for a folder of pages,
and checking it is in the extraction corpus's shape: ExpectedError names the file and field."""

import json
import re
from pathlib import Path
from typing import Any


class ExpectedError(ValueError):
    """An expected.json the evaluation cannot read; the message names the file and field."""


_ENTRY_LISTS = (
    "organizations",
    "organizations_extra",
    "persons",
    "positions",
    "agreements",
    "events",
)


def load_expected(path: Path) -> dict[str, dict[str, Any]]:
    """The articles of an expected.json, by file name without .txt; ExpectedError naming the
    file and the field when it is not in the corpus's shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExpectedError(f"{path}: no such file (the expected figures)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExpectedError(f"{path}: not readable JSON ({error})") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise ExpectedError(f'{path}: "articles" must be an object of pages')
    for name, article in articles.items():
        where = f"{path}: articles.{name}"
        if not isinstance(article, dict):
            raise ExpectedError(f"{where} must be an object")
        for key in ("title", "date", "source"):
            if article.get(key) is not None and not isinstance(article[key], str):
                raise ExpectedError(f"{where}.{key} must be a string or null")
        if article.get("date") and not re.fullmatch(r"\d{4}-\d\d-\d\d", article["date"]):
            raise ExpectedError(f"{where}.date must be YYYY-MM-DD")
        for key in _ENTRY_LISTS:
            if not isinstance(article.get(key, []), list):
                raise ExpectedError(f"{where}.{key} must be a list")
        for i, entry in enumerate(article.get("positions", [])):
            if not (isinstance(entry, list) and len(entry) == 3):
                raise ExpectedError(f"{where}.positions[{i}] must be [person, title, org]")
        for key, needed in (("agreements", "parties"), ("events", "match")):
            for i, entry in enumerate(article.get(key, [])):
                if not (isinstance(entry, dict) and isinstance(entry.get(needed), list)):
                    raise ExpectedError(f"{where}.{key}[{i}].{needed} must be a list")
    return articles
