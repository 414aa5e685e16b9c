"""Results that cost a page most of its time and change only when the archive does (the
counts and facets of a list, the matches of a search), kept until the archive's next
write.

The key carries the archive's revision (archive.revision): it moves on with every
committed write to the archive's tables and with nothing else, so a cached result cannot
outlive the data it came from, no write path has to invalidate anything, and writes
elsewhere on the server (other databases, sessions, autovacuum, checkpoints) cost nothing.
Inside a transaction that wrote to the archive the key names that transaction and its
writes, so what it reads is its own. Other databases than PostgreSQL are not cached."""

import hashlib

from django.core.cache import cache
from django.db import connection

from archive import revision

TIMEOUT = 3600  # seconds; a key is dead anyway once the archive moves on


def until_next_write(name: str, parts, compute):
    """compute(), or what it returned for the same name and parts since the last write."""
    if connection.vendor != "postgresql":
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"archive:{name}:{revision.key()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
