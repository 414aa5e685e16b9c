"""Near-copies in the write stage: new pages nearly the same as an article already in
the archive, or as a page before them in the run, are held (archive.importing.near_copies
says how they are found). Pages are store.ToWrite; stored articles are ids."""

from archive.importing import near_copies
from archive.importing.extract import Extraction
from archive.models import Article, ArticleStatus

NO_FACTS = Extraction({}, {}, [], [], [])  # a held page's facts: none until an editor keeps it


def hold_near_copies(state, items: list, changes) -> None:
    """New pages nearly the same as an article already in the archive, or as a page
    before them in the run, are held: written as candidate duplicates of it, without
    their facts, until an editor keeps or folds them (archive.importing.near_copies)."""
    new = [i for i in items if i.source_file not in state.hashes and i.near_copy_keys]
    if not new:
        return
    index = state.near_copies
    earlier: dict[int, list] = {}  # band key -> the batch's pages written with it
    for item in new:
        keys = near_copies.band_keys(item.near_copy_keys)
        mine = near_copies.signature_of(item.near_copy_keys)
        batch = dict.fromkeys(page for key in keys for page in earlier.get(key, ()))
        likely = [*index.likely(item.near_copy_keys)] + [
            page
            for page in batch
            if near_copies.estimate(mine, near_copies.signature_of(page.near_copy_keys))
            >= near_copies.LIKELY
        ]
        original = _original_of(item, likely)
        if original is not None:
            item.duplicate_of, item.extraction = original, NO_FACTS
            changes.add("article", "near-copy")
        else:
            for key in keys:
                earlier.setdefault(key, []).append(item)


def _original_of(item, likely: list) -> "int | object | None":
    """The first article, by the order it came in, whose text the page nearly repeats:
    the likely candidates (by their signatures) compared exactly."""
    if not likely:
        return None
    bodies = {ref: ref.parsed.body for ref in likely if not isinstance(ref, int)}
    stored = [ref for ref in likely if isinstance(ref, int)]
    bodies |= dict(Article.objects.filter(pk__in=stored).values_list("pk", "body"))
    mine = near_copies.shingles(item.parsed.body)
    for ref in likely:
        if ref not in bodies:  # written by a batch that rolled back
            continue
        if near_copies.similarity(mine, near_copies.shingles(bodies[ref])) >= near_copies.NEAR_COPY:
            return ref
    return None


def index_written(state, items: list) -> None:
    """Pages the batch wrote as articles of their own join the run's near-copy index."""
    if state._near_copies is None:  # loaded by the first new page
        return
    for item in items:
        if item.near_copy_keys and item.article.status != ArticleStatus.DUPLICATE:
            state._near_copies.add(item.article.pk, item.near_copy_keys)
