"""What a reader types, as a query of the index: every word must match (in the title, the
body or a name the article mentions), a word matches its inflections ("forums" finds
"forum"), words in quotes match as a phrase, a word or phrase after a minus must not
match, and runs of Chinese, Japanese or Korean script match as a phrase of character
pairs (see documents.CJK_RUN)."""

import re
from dataclasses import dataclass

import tantivy

from archive.search.documents import CJK_RUN, cjk_pairs

# As tantivy's "en_stem" analyzer, which indexes the fields: the query's words meet the
# index's terms.
ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(40))
    .filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.stemmer("english"))
    .build()
)
# A word in the title says more than one in the body; a name the article mentions (an
# acronym's full name, say) a little more.
FIELDS = {"title": 3.0, "names": 1.5, "body": 1.0}

_UNIT = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Unit:
    """A word or a quoted phrase of the query: its terms (stemmed), its CJK runs."""

    terms: tuple[str, ...]
    runs: tuple[str, ...]
    negated: bool


def units(text: str) -> list[Unit]:
    found = []
    for quote_minus, quoted, word_minus, word in _UNIT.findall(text):
        raw = quoted if quoted or quote_minus else word
        terms = tuple(ANALYZER.analyze(CJK_RUN.sub(" ", raw)))
        runs = tuple(CJK_RUN.findall(raw))
        if terms or runs:
            found.append(Unit(terms, runs, bool(quote_minus or (word_minus and word))))
    return found


def _unit_query(schema: tantivy.Schema, unit: Unit) -> tantivy.Query:
    parts = []
    if unit.terms:
        per_field = []
        for field, boost in FIELDS.items():
            if len(unit.terms) == 1:
                match = tantivy.Query.term_query(schema, field, unit.terms[0])
            else:
                match = tantivy.Query.phrase_query(schema, field, list(unit.terms))
            per_field.append((tantivy.Occur.Should, tantivy.Query.boost_query(match, boost)))
        parts.append(tantivy.Query.boolean_query(per_field))
    for run in unit.runs:
        pairs = cjk_pairs(run)
        if len(run) == 1:  # one character: the start of a pair, or a run of its own
            parts.append(
                tantivy.Query.boolean_query(
                    [
                        (tantivy.Occur.Should, tantivy.Query.regex_query(schema, "cjk", run + ".")),
                        (tantivy.Occur.Should, tantivy.Query.term_query(schema, "cjk", run)),
                    ]
                )
            )
        elif len(pairs) == 1:
            parts.append(tantivy.Query.term_query(schema, "cjk", pairs[0]))
        else:
            parts.append(tantivy.Query.phrase_query(schema, "cjk", pairs))
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, part) for part in parts])


def query(schema: tantivy.Schema, text: str) -> tantivy.Query | None:
    """The index's query for what a reader typed (every article but those a minus
    excludes, when it only excludes); None when it holds no word at all."""
    found = units(text)
    if not found:
        return None
    clauses = [
        (tantivy.Occur.MustNot if unit.negated else tantivy.Occur.Must, _unit_query(schema, unit))
        for unit in found
    ]
    if all(unit.negated for unit in found):
        clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(clauses)
