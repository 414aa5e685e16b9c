"""What one pass of the names stage shares (`State`): the organizations found so far by where
they end (a title or a unit after one refers to it), the spans people's names take, the names
the archive already knows in these scripts, and how a name found joins the context."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.native.words import HAS_NATIVE, ZH_COUNTRY, native_country


@dataclass
class Found:
    """A native organization name where it stands, with its parent when it is a unit."""

    start: int
    end: int
    key: str
    parent: "Found | None" = None


class State:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.orgs_by_end: dict[int, Found] = {}
        self.taken: list[tuple[int, int]] = []
        self.known = _native_keys(ctx.known_names)
        self.known_people = _native_keys(ctx.known_people)

    def add_org(self, name: str, start: int, end: int, kind: str, parent: Found | None) -> Found:
        ctx = self.ctx
        canonical = self.known.get(name)
        key = ctx.add_org(
            canonical or name,
            ctx.span(start, end),
            confidence=0.75,
            parent_key=parent.key if parent else "",
        )
        fact = ctx.orgs[key]
        if canonical:
            fact.aliases.add(name)
        if fact.kind == "other":
            fact.kind = kind
        if not fact.country:
            fact.country = native_country(name)
        # Domestic usage drops the country: 中国科技部 is 科技部 at home.
        country = ZH_COUNTRY.match(name)
        if country and kind == "government" and len(name) - country.end() >= 2:
            fact.aliases.add(name[country.end() :])
        index = ctx.token_index_at.get(start)
        last = ctx.token_index_at.get(end - 1)
        if index is not None and last is not None and index not in ctx.org_at:
            ctx.org_at[index] = OrgSpan(index, last, name, start, end, name, key)
        found = Found(start, end, key, parent)
        self.orgs_by_end[end] = found
        return found

    def add_person(self, name: str, start: int, end: int) -> str:
        canonical = self.known_people.get(name)
        return self.ctx.add_person(canonical or name, self.ctx.span(start, end), confidence=0.75)

    def add_abbreviation(self, found: Found, abbr: str, start: int, end: int) -> None:
        ctx = self.ctx
        fact = ctx.orgs[found.key]
        if not fact.acronym:
            fact.acronym = abbr
        fact.aliases.add(abbr)
        ctx.acronyms.setdefault(abbr, found.key)
        self.orgs_by_end[end] = found
        # later uses of a Chinese short form (浙工大将…)
        if HAS_NATIVE.match(abbr):
            for match in re.finditer(re.escape(abbr), ctx.body[end:]):
                s, e = end + match.start(), end + match.end()
                fact.spans.append(ctx.span(s, e))
                self.orgs_by_end.setdefault(e, found)


def _native_keys(mapping: Mapping[str, str]) -> dict[str, str]:
    """The names in Chinese or Korean script of a known-names mapping, as written."""
    if not mapping:
        return {}
    # worked out once per run's mapping, not per article
    cached = _KNOWN_CACHE.get(id(mapping))
    if cached is not None and cached[0] is mapping:
        return cached[1]
    keys = {
        unicodedata.normalize("NFKC", n).strip(): canonical
        for n, canonical in mapping.items()
        if HAS_NATIVE.search(n)
    }
    if len(_KNOWN_CACHE) > 8:
        _KNOWN_CACHE.clear()
    _KNOWN_CACHE[id(mapping)] = (mapping, keys)
    return keys


_KNOWN_CACHE: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}
