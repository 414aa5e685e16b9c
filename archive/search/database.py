"""The database's own matching of words, for the API's lists the search index does not
hold (drafts, articles in review, lists of changes) and its exports: PostgreSQL's text
search (weighted vectors in a narrow table with a GIN index, migrations 0008 and 0012),
SQLite's words in the title or body. No ranking: the list keeps its own order."""

import re

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL


def search(articles, query: str):
    """Every article of `articles` that matches every word of `query` (PostgreSQL: its
    text search, SQLite: the words in the title or the body), in the queryset's order;
    all of them when the query has no words."""
    query = " ".join(query.split())
    if not query:
        return articles
    if connection.vendor == "postgresql":
        tsquery, words = _tsquery(query)
        matching = f"SELECT article_id FROM archive_articlesearch WHERE vector @@ ({tsquery})"
        return articles.filter(pk__in=RawSQL(matching, words))
    for word in query.split():
        articles = articles.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return articles


# Runs of Chinese, Japanese and Korean script: no spaces (or particles glued to nouns), so
# PostgreSQL indexes them as overlapping pairs of characters too (migration 0012).
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]+")


def _tsquery(query: str) -> tuple[str, list[str]]:
    """The PostgreSQL text query for `query`, as SQL and its parameters: its other words as
    a web search in English, and each run of CJK script as its pairs of characters, each
    next to the one before ("中国科学院": 中国 <-> 国科 <-> 科学 <-> 学院)."""
    parts, params = [], []
    words = _CJK_RUN.sub(" ", query).strip()
    if words:
        parts.append("websearch_to_tsquery('english', %s)")
        params.append(words)
    for run in _CJK_RUN.findall(query):
        parts.append("phraseto_tsquery('simple', %s)")
        params.append(" ".join(run[i : i + 2] for i in range(max(len(run) - 1, 1))))
    return " && ".join(parts), params
