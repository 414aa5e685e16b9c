"""Organizations and people the archive already knows by a name in Chinese or Korean script,
found where the body writes them."""

import re

from archive.importing.extract.native.state import Found, State
from archive.importing.extract.native.words import HAN, HANGUL


def find_known(state: State) -> None:
    """Organizations and people the archive knows by a native name (东芝, 홍길동)."""
    ctx, body = state.ctx, state.ctx.body
    for table, is_org in ((state.known, True), (state.known_people, False)):
        if not table:
            continue
        index = _known_index(table)
        after = 0
        # one pass over the native characters; a dict of first two characters, not a regex
        # of thousands of names
        for char in _NATIVE_CHAR.finditer(body):
            at = char.start()
            if at < after:
                continue
            for name in index.get(body[at : at + 2], ()):
                if not body.startswith(name, at):
                    continue
                end = at + len(name)
                span = ctx.span(at, end)
                if is_org:
                    key = ctx.add_org(table[name], span, confidence=0.85)
                    ctx.orgs[key].aliases.add(name)
                    state.orgs_by_end.setdefault(end, Found(at, end, key))
                else:
                    ctx.add_person(table[name], span, confidence=0.85)
                    state.taken.append((at, end))
                after = end
                break


_NATIVE_CHAR = re.compile(f"[{HAN}{HANGUL}]")
_INDEX_CACHE: dict[int, tuple[dict[str, str], dict[str, list[str]]]] = {}


def _known_index(table: dict[str, str]) -> dict[str, list[str]]:
    """The known native names by their first two characters, longest first; built once per
    run's mapping, not per article."""
    cached = _INDEX_CACHE.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    index: dict[str, list[str]] = {}
    for name in sorted((n for n in table if len(n) >= 2), key=len, reverse=True):
        index.setdefault(name[:2], []).append(name)
    if len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(table)] = (table, index)
    return index
