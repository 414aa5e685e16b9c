"""Organizations and people written in Chinese or Korean script: names by the regular endings
of organization names (科学院, 大学, 研究所; 연구원, 대학교, 재단), people by the titles that
stand beside their names (中国科学院院长侯建国, 侯建国院长; 김민수 원장), abbreviations the text
defines, and names the archive already knows in these scripts.

One pass of compiled regexes per class over the body; Chinese has no spaces, so a name's left
edge is found by the function words, verbs and titles that cannot be inside a name.

Modules: `words`, `state` (what the pass has found), then one per kind of name, run in this
order: `organizations`, `known`, `people` (titles name the organizations found before)."""

from archive.importing.extract.context import Context
from archive.importing.extract.native.known import find_known
from archive.importing.extract.native.organizations import find_ko_orgs, find_zh_orgs
from archive.importing.extract.native.people import (
    drop_placeless_duplicates,
    find_ko_people,
    find_zh_people,
)
from archive.importing.extract.native.state import State
from archive.importing.extract.native.words import HAS_HAN, HAS_HANGUL, HAS_NATIVE


def find_native_names(ctx: Context) -> None:
    body = ctx.body
    if not HAS_NATIVE.search(body):
        return
    state = State(ctx)
    han, hangul = HAS_HAN.search(body), HAS_HANGUL.search(body)
    if han:
        find_zh_orgs(state)
    if hangul:
        find_ko_orgs(state)
    find_known(state)
    if han:
        find_zh_people(state)
    if hangul:
        find_ko_people(state)
    drop_placeless_duplicates(ctx)
