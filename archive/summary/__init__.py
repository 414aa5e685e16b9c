"""Figures computed ahead from the public archive, for the pages that count across all of
it (the directories' "how often named", the cooperation network, the countries side by
side, the home page's chart): counting them as a page is asked for would take seconds at
100,000 articles, reading them takes milliseconds.

`figures()` returns the state of the figures a page shows. They carry the revision of the
archive they were built from (archive.revision); when the archive has moved on since:
- on PostgreSQL, outside a transaction that wrote to the archive, the page shows the last
  figures and one build starts in the background (one at a time on the server, and not
  again within ARCHIVE_SUMMARY_MIN_INTERVAL seconds of the last), so that no reader waits
  for it; pages say how old the figures are;
- otherwise (SQLite, tests, a transaction's own writes, no figures built yet), they are
  built at once, before the page is drawn.

Pages join the figures to the records' `is_public` as they read them: a record hidden,
merged or no longer supported disappears at once, and only its counts wait for the
build. `python manage.py build_summary` builds them by hand."""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.utils import timezone

from archive import revision
from archive.summary import build
from archive.summary.models import SummaryState

__all__ = ["figures", "rebuild"]

NAME = "all"
LOCK = 7_130_416  # PostgreSQL advisory lock of the build, one at a time on the server
CACHED = 3600  # seconds a current state is kept in this process (its key dies anyway)

log = logging.getLogger(__name__)
_building = threading.Lock()  # one build at a time in this process


def figures() -> SummaryState:
    """The figures' state (built when, from which revision), built first if need be."""
    key = revision.key()
    fresh = f"archive:summary:{key}"  # the state, once it is current at this revision
    state = cache.get(fresh)
    if state is not None:
        return state
    state = SummaryState.objects.filter(name=NAME).first()
    if state is not None and state.revision == key:
        cache.set(fresh, state, CACHED)
        return state
    own_writes = "." in key  # archive.revision: inside a transaction that wrote
    if state is None or own_writes or not _in_background():
        state = rebuild()
        cache.set(fresh, state, CACHED)
        return state
    state.stale = True
    if _due(state) and _building.acquire(blocking=False):
        threading.Thread(target=_build_in_background, name="archive-summary", daemon=True).start()
    return state


def _in_background() -> bool:
    return connection.vendor == "postgresql" and settings.ARCHIVE_SUMMARY_IN_BACKGROUND


def _due(state: SummaryState) -> bool:
    age = (timezone.now() - state.built_at).total_seconds()
    return age >= settings.ARCHIVE_SUMMARY_MIN_INTERVAL


def rebuild() -> SummaryState:
    """Build the figures now, unless another build made them current meanwhile."""
    outermost = not connection.in_atomic_block
    if connection.vendor == "postgresql" and outermost:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            with transaction.atomic():
                # One snapshot for every statement, and for the revision it is built from.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                return _build_unless_current()
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    with transaction.atomic():
        return _build_unless_current()


def _build_unless_current() -> SummaryState:
    key = revision.key()
    state = SummaryState.objects.filter(name=NAME).first()
    if state is not None and state.revision == key:
        return state
    started = time.perf_counter()
    build.run()
    state, _ = SummaryState.objects.update_or_create(
        name=NAME,
        defaults={
            "revision": key,
            "built_at": timezone.now(),
            "seconds": time.perf_counter() - started,
        },
    )
    return state


def _build_in_background() -> None:
    try:
        rebuild()
        with connection.cursor() as cursor:  # autovacuum may be off; the planner needs stats
            for table in build.TABLES:
                cursor.execute(f"VACUUM ANALYZE {table}")
    except Exception:
        log.exception("building the archive's figures failed")
    finally:
        _building.release()
        connections.close_all()  # this thread's own connections
