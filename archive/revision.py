"""The archive's revision: a number that moves on with every committed write to the
archive's own tables, and nothing else. What is computed ahead (archive.summary) and what
is kept until the next write (archive.cached) carry it, so that nothing outside the
archive (another database on the server, autovacuum, checkpoints, sessions) makes them
compute again, and a write inside it always does.

On PostgreSQL, triggers keep it (migration 0014): a statement that writes to one of the
WATCHED tables marks its transaction once, and at commit the mark adds one to
`archive_revision`, in the same transaction as the data: a reader that sees the new number
sees the new rows. The number is taken at commit, not at the first write, so that writers
do not wait on each other for it. A transaction's own writes, not yet committed, are
counted in a setting of the transaction (`archive.writes`), which `key()` adds, with the
transaction's id, to the number.

On SQLite, which writes one transaction at a time, Django's connection does it: after a
statement that writes to a WATCHED table it adds one to `archive_revision` in the same
transaction, once until `key()` is read again or the transaction ends (a statement hook
installed on every connection, `install`)."""

import re
import secrets
import sqlite3

from django.db import connection

# The tables whose rows the public pages show or count. Not the history, the search
# vectors (written with their article) nor the computed-ahead summaries themselves. On
# PostgreSQL each has the trigger of migration 0014: a table added here needs a migration
# that gives it one.
WATCHED = (
    "archive_article",
    "archive_organization",
    "archive_organizationalias",
    "archive_person",
    "archive_personalias",
    "archive_position",
    "archive_agreement",
    "archive_agreement_parties",
    "archive_signatory",
    "archive_event",
    "archive_eventparticipant",
    "archive_mention",
)

TABLE = "archive_revision"


def key(using=None) -> str:
    """The archive's state as this connection sees it: the committed revision, and, inside
    a transaction that wrote to the archive, that transaction (so that nothing computed
    from its writes is taken for the committed state)."""
    db = connection if using is None else using
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                f"SELECT (SELECT coalesce(max(value), 0) FROM {TABLE}),"
                " current_setting('archive.writes', true), txid_current_if_assigned()"
            )
            value, writes, txid = cursor.fetchone()
            return f"{value}.{txid}.{writes}" if writes else str(value)
        cursor.execute(f"SELECT coalesce(max(value), 0) FROM {TABLE}")
        (value,) = cursor.fetchone()
    state = _sqlite_state(db)
    wrote = db.connection.in_transaction and (state["bumped"] or (None,))[0] == state["txn"]
    state["read"] += 1  # the next write moves the number on again
    if wrote:  # its number is one a transaction rolled back may have used too
        return f"{value}.{state['token']}.{state['txn']}"
    return str(value)


# -- SQLite: a statement hook on Django's connection ------------------------------------------

# The table a statement writes to follows its verb; a table only read (INSERT ... SELECT
# FROM archive_mention, as the summaries do) does not count.
_WRITES_WATCHED = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r'\s+"?(?:' + "|".join(WATCHED) + r')"?(?:\s|\(|$)',
    re.IGNORECASE,
)
_BUMP = (
    f"INSERT INTO {TABLE} VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = {TABLE}.value + 1"
)


def _sqlite_state(db) -> dict:
    state = getattr(db, "_archive_revision", None)
    if state is None:
        # txn: transactions seen; read: reads of key(); bumped: (txn, read) when last moved
        # on; token: this connection among all
        state = db._archive_revision = {
            "txn": 0,
            "read": 0,
            "bumped": None,
            "token": secrets.token_hex(6),
        }
    return state


def _moves_revision(execute, sql, params, many, context):
    db = context["connection"]
    raw = db.connection
    state = _sqlite_state(db)
    if not raw.in_transaction:
        state["txn"] += 1
    result = execute(sql, params, many, context)
    if _WRITES_WATCHED.match(sql):
        now = (state["txn"], state["read"])
        if state["bumped"] != now or not raw.in_transaction:
            try:
                raw.execute(_BUMP)  # a cursor of its own: the statement's rows stay unread
            except sqlite3.OperationalError as error:  # migrations before 0014 made it
                if TABLE not in str(error):
                    raise
            state["bumped"] = now
    return result


def install(sender, connection, **kwargs) -> None:
    """connection_created: on SQLite, hook the statements that write to the archive."""
    if connection.vendor == "sqlite" and _moves_revision not in connection.execute_wrappers:
        connection.execute_wrappers.append(_moves_revision)
