"""The search index: a tantivy index on this machine's disk, derived from the database and
kept in step with it.

- Triggers in the database queue every article a write may have changed (migration 0021),
  whatever wrote it. `in_step()` applies the queue before a search is answered, and the
  site, the API and the import apply it as soon as their writes commit: a published
  article is found at once, a withdrawn one is gone at once.
- An index that is missing, unreadable, of another schema or built from another database
  (its stamp names the database's token) is built again; while a large archive's is being
  built, searches are refused (`Rebuilding`), never answered from a stale index.
- The index lives in generations under SEARCH_INDEX_DIR, `current` pointing at the one in
  use: a build writes a new generation and swaps the link, so readers never see half of
  one. Writers take a file lock; every process (gunicorn's workers) reads the same files.
"""

import fcntl
import json
import logging
import secrets
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connection

from archive.models import Article
from archive.search import totals
from archive.search.documents import SCHEMA_VERSION, documents, schema

log = logging.getLogger(__name__)

QUEUE = "archive_search_queue"
STATE = "archive_search_state"
BATCH = 2_000  # articles read and indexed at a time
# An archive this small is indexed inside the request that finds its index missing; a
# larger one in the background, refusing searches meanwhile.
BUILD_INLINE_UP_TO = 5_000


class Rebuilding(Exception):
    """The index is being built again and cannot answer yet."""


class Busy(Exception):
    """Another process holds the index's writer lock (a build, most likely)."""


# A search waits this long for another process's writes to the index (an apply takes
# milliseconds) before it answers that the index is being rebuilt.
SEARCH_WAIT = 5.0


def folder() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


@contextmanager
def _locked(wait: float | None = None):
    """This machine's one writer at a time, across processes. `wait`: how many seconds to
    wait for another writer before giving up (Busy); None waits as long as it takes."""
    folder().mkdir(parents=True, exist_ok=True)
    with open(folder() / "write.lock", "w") as lock:
        deadline = None if wait is None else time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | (0 if deadline is None else fcntl.LOCK_NB))
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class _Opened:
    """This process's handle on the current generation."""

    def __init__(self):
        self.path: Path | None = None
        self.index: tantivy.Index | None = None
        self.stamp: dict = {}


_opened = _Opened()
_building = threading.Lock()


def _current() -> tuple[tantivy.Index, dict] | None:
    """The current generation, opened (reopened when another process swapped it), or None
    when there is none that can be read."""
    try:
        path = (folder() / "current").resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        return None
    if path != _opened.path:
        try:
            stamp = json.loads((path / "stamp.json").read_text())
            index = tantivy.Index.open(str(path))
        except (OSError, ValueError) as error:
            log.warning("search index at %s cannot be read: %s", path, error)
            return None
        _opened.path, _opened.index, _opened.stamp = path, index, stamp
    else:
        _opened.index.reload()
    return _opened.index, _opened.stamp


def reading() -> tuple[tantivy.Index, tantivy.Searcher, Path, int | None]:
    """The index in step (see in_step), a searcher of it, its generation's folder, and the
    opstamp the searcher reads (None if a writer committed while it was taken)."""
    index = in_step()
    path = _opened.path
    before = totals.opstamp(path)
    index.reload()
    searcher = index.searcher()
    return index, searcher, path, before if totals.opstamp(path) == before else None


def _database_token(create: bool = False) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {STATE} WHERE id = 1")
        row = cursor.fetchone()
        if row or not create:
            return row[0] if row else None
        token = secrets.token_hex(16)
        cursor.execute(f"INSERT INTO {STATE} (id, token) VALUES (1, %s)", [token])
        return token


def _usable(current: tuple[tantivy.Index, dict] | None, token: str | None) -> bool:
    """Whether the index was built from this database, with today's fields."""
    return (
        current is not None
        and token is not None
        and current[1].get("token") == token
        and current[1].get("schema") == SCHEMA_VERSION
    )


def in_step(build_inline: bool | None = None) -> tantivy.Index:
    """The index, in step with the database: built if it must be (in the background for a
    large archive unless `build_inline`), the queue applied. One query when nothing changed."""
    current = _current()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT token FROM {STATE} WHERE id = 1), EXISTS (SELECT 1 FROM {QUEUE})"
        )
        token, queued = cursor.fetchone()
    if not _usable(current, token):
        if build_inline or Article.objects.published().count() <= BUILD_INLINE_UP_TO:
            build(if_unusable=True)
            return _current()[0]
        if _building.acquire(blocking=False):
            threading.Thread(target=_build_in_background, daemon=True).start()
        raise Rebuilding
    if queued:
        try:
            apply_queue(wait=SEARCH_WAIT)
        except Busy:
            raise Rebuilding from None
        current = _current()
    return current[0]


def _build_in_background() -> None:
    try:
        build(if_unusable=True)
    except Exception:
        log.exception("building the search index failed")
    finally:
        _building.release()
        connection.close()


def build(progress=None, if_unusable: bool = False) -> int:
    """Build the index anew from the database into a new generation and make it current;
    returns the number of articles indexed. The queue up to the build's start is covered
    by it; what is queued during the build is applied after. `if_unusable`: unless another
    process has just built it (several found it missing at once)."""
    with _locked():
        if if_unusable and _usable(_current(), _database_token()):
            return _current()[0].searcher().num_docs
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {QUEUE}")
            covered = [row[0] for row in cursor.fetchall()]
        token = _database_token(create=True)
        path = folder() / f"generation-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        path.mkdir(parents=True)
        index = tantivy.Index(schema(), path=str(path), reuse=False)
        writer = index.writer(heap_size=200_000_000, num_threads=2)
        ids = Article.objects.published().order_by("pk").values_list("pk", flat=True)
        count, last = 0, 0
        while chunk := list(ids.filter(pk__gt=last)[:BATCH]):
            for doc in documents(chunk):
                writer.add_document(doc)
            count, last = count + len(chunk), chunk[-1]
            if progress:
                progress(count)
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        totals.count_anew(path, index.searcher())
        stamp = {"token": token, "schema": SCHEMA_VERSION, "articles": count}
        (path / "stamp.json").write_text(json.dumps(stamp))
        link = folder() / f"current.{secrets.token_hex(3)}"
        link.symlink_to(path.name)
        link.replace(folder() / "current")  # the swap: readers see the old or the new
        _dequeue(covered)
        _remove_old_generations(keep=path)
    apply_queue()
    return count


def _remove_old_generations(keep: Path) -> None:
    # Processes that still read an old generation keep reading it: its files stay open.
    for old in folder().glob("generation-*"):
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def apply_queue(wait: float | None = None) -> int:
    """Index again every article the queue names, then empty the queue of what was applied;
    returns how many articles were indexed again. Safe to call any time: an empty queue
    costs one query, and what another process applies first is not applied twice. Raises
    Busy if another writer holds the index longer than `wait` seconds."""
    applied, truncated = 0, False
    with _locked(wait):
        current = _current()
        if current is None:
            return 0
        index = current[0]
        while rows := _queue_head():
            if any(article is None for _, article in rows):  # a TRUNCATE: all of it again
                truncated = True
                break
            ids = {article for _, article in rows}
            replaced = tantivy.Query.term_set_query(index.schema, "id", sorted(ids))
            change = totals.Change(_opened.path, index.searcher(), replaced)
            writer = index.writer(heap_size=50_000_000, num_threads=1)
            # By a query: delete_documents_by_term makes a signed term of a Python int,
            # which matches no document of the unsigned "id" and deletes nothing.
            writer.delete_documents_by_query(replaced)
            for doc in documents(ids):
                writer.add_document(doc)
            writer.commit()
            writer.wait_merging_threads()
            index.reload()
            change.done(index.searcher(), replaced)
            _dequeue([row for row, _ in rows])
            applied += len(ids)
    if truncated:
        build()
    return applied


def _dequeue(rows: list[int]) -> None:
    """Delete these rows of the queue, and only these: ids are taken when a write happens
    but seen when it commits, so a row below the greatest id read may turn up after the
    read (its transaction committed later); deleting "up to" an id would drop it unread."""
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {QUEUE} WHERE id IN ({marks})", chunk)


def _queue_head() -> list[tuple[int, int | None]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, article_id FROM {QUEUE} ORDER BY id LIMIT %s", [BATCH])
        return cursor.fetchall()


def out_of_step() -> dict[str, list[int]]:
    """What the index holds that the database does not publish, and the other way round
    (after the queue is applied): both empty when they agree."""
    index = in_step(build_inline=True)
    searcher = index.searcher()
    indexed = set()
    for segment_hits in _all_ids(searcher):
        indexed.update(segment_hits)
    published = set(Article.objects.published().values_list("pk", flat=True))
    return {"missing": sorted(published - indexed), "extra": sorted(indexed - published)}


def _all_ids(searcher) -> list[list[int]]:
    found = searcher.search(tantivy.Query.all_query(), max(searcher.num_docs, 1))
    return [searcher.fast_field_values("id", [address for _, address in found.hits])]
