"""A page of results as a reader sees it: the title with the query's words marked, a
passage of the body around them, and the mentioned names they matched."""

from dataclasses import dataclass, field

import tantivy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.search import words

SNIPPET_CHARS = 240


@dataclass
class Hit:
    id: int
    title: SafeString  # with the query's words marked
    snippet: SafeString  # a passage of the body with the query's words marked, or ""
    names: list[str] = field(default_factory=list)  # mentioned names the query matched


class Marking:
    """Marks the hits of one search. The body's passage is tantivy's (it picks the passage
    densest in the query's words); a title and the names are short, so their words are
    compared with the query's terms here, by the same analyzer as the index's."""

    def __init__(self, searcher, schema, query: tantivy.Query | None, text: str):
        self.body = None
        if query is not None:
            self.body = tantivy.SnippetGenerator.create(searcher, query, schema, "body")
            self.body.set_max_num_chars(SNIPPET_CHARS)
        looked_for = [unit for unit in words.units(text) if not unit.negated]
        self.terms = {term for unit in looked_for for term in unit.terms}
        self.runs = [run for unit in looked_for for run in unit.runs]

    def hit(self, pk: int, doc) -> Hit:
        title = doc.get_first("title") or ""
        if self.body is None:
            return Hit(pk, escape(title), mark_safe(""))
        snippet = self.body.snippet_from_doc(doc)
        spans = [(r.start, r.end) for r in snippet.highlighted()]
        if spans:
            passage = _html_bytes(snippet.fragment().encode(), spans)
        else:
            passage = _around_runs(doc.get_first("body") or "", self.runs)
        names = (doc.get_first("names") or "").split("\n")
        return Hit(
            pk,
            _html(title, self._spans(title)),
            passage,
            [name for name in names if name and self._spans(name)],
        )

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Where the query's words or CJK runs stand in `text` (character offsets)."""
        spans = [
            (token.char_offset_from, token.char_offset_to)
            for token in words.ANALYZER.pre_tokenize(text).tokens
            if token.text in self.terms
        ]
        for run in self.runs:
            at = text.find(run)
            if at >= 0:
                spans.append((at, at + len(run)))
        return spans


def _html(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """The text as HTML, each span (character offsets) in <mark>."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))


def _html_bytes(fragment: bytes, spans: list[tuple[int, int]]) -> SafeString:
    """As _html, for spans in byte offsets (tantivy's snippets)."""
    text, chars = fragment.decode(), []
    for start, end in spans:
        chars.append((len(fragment[:start].decode()), len(fragment[:end].decode())))
    return _html(text, chars)


def _around_runs(body: str, runs: list[str], width: int = 120) -> SafeString:
    """A passage around the first CJK run of the query found in the body, marked."""
    for run in runs:
        at = body.find(run)
        if at >= 0:
            start = max(at - width // 2, 0)
            return _html(body[start : start + width], [(at - start, at - start + len(run))])
    return mark_safe("")
