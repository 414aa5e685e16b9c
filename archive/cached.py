"""Results that cost a page most of its time and change only when the archive does (the
counts and facets of a list, the matches of a search), kept until the database's next
write.

PostgreSQL tells where its write-ahead log stands (`pg_current_wal_insert_lsn()`), and
every write moves it on, committed or not yet. A key that carries it cannot serve a
result from before a write, so no write path has to remember to invalidate anything; a
write anywhere on the server (a session, another table, another database) only costs a
recomputation. A read replica tells how far it has replayed its primary's log instead.
Other databases are not cached."""

import hashlib

from django.core.cache import cache
from django.db import connection

TIMEOUT = 3600  # seconds; a key is dead anyway once the log moves on


def until_next_write(name: str, parts, compute):
    """compute(), or what it returned for the same name and parts since the last write."""
    if connection.vendor != "postgresql":
        return compute()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
            " ELSE pg_current_wal_insert_lsn() END"
        )
        (position,) = cursor.fetchone()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"archive:{name}:{position}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
