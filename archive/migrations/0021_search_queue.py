"""The search index's queue (archive.search.index): triggers note every article whose
search document a write may have changed, in the writing transaction, whatever wrote it
(the import's bulk statements, the admin, the API, a merge, a shell). The index reads and
empties the queue after the write commits and before it answers a search, so that it
never answers from a document older than the database.

A row with no article (a TRUNCATE) asks for the whole index to be built again.

archive_search_state holds the token of the database the index was built from: an index
built from another database (a new or restored one) is built again."""

from django.db import migrations

# What enqueues which articles:
#   an article: inserted, changed or deleted;
#   a mention: its article, before and after;
#   an organization's name, country or hidden flag, a person's name or hidden flag, an
#   event's kind or hidden flag:
#   every article that mentions it (the documents hold them).
TABLES = [
    "CREATE TABLE IF NOT EXISTS archive_search_queue ("
    " id {serial} PRIMARY KEY, article_id bigint NULL)",
    "CREATE TABLE IF NOT EXISTS archive_search_state ("
    " id smallint PRIMARY KEY CHECK (id = 1), token varchar(64) NOT NULL)",
]

POSTGRES_TRIGGERS = [
    # One statement-level trigger per statement kind: transition tables allow no other.
    "CREATE OR REPLACE FUNCTION archive_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN"
    "  IF TG_OP = 'TRUNCATE' THEN"
    "   INSERT INTO archive_search_queue (article_id) VALUES (NULL);"
    "  ELSIF TG_OP = 'DELETE' THEN"
    "   EXECUTE format('INSERT INTO archive_search_queue (article_id)"
    "    SELECT DISTINCT %I FROM old_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[0]);"
    "  ELSE"
    "   EXECUTE format('INSERT INTO archive_search_queue (article_id)"
    "    SELECT DISTINCT %I FROM new_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[0]);"
    "  END IF;"
    "  RETURN NULL;"
    " END $$",
    "CREATE OR REPLACE FUNCTION archive_search_enqueue_moved() RETURNS trigger LANGUAGE plpgsql"
    " AS $$ BEGIN"
    "  INSERT INTO archive_search_queue (article_id)"
    "   SELECT DISTINCT o.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id"
    "   WHERE o.article_id IS DISTINCT FROM n.article_id;"
    "  RETURN NULL;"
    " END $$",
    # TG_ARGV[0]: the mention's column naming the record; [1]: the record's columns read.
    "CREATE OR REPLACE FUNCTION archive_search_enqueue_mentioning() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    "  EXECUTE format('INSERT INTO archive_search_queue (article_id)"
    "   SELECT DISTINCT m.article_id FROM archive_mention m"
    "   JOIN new_rows n ON m.%I = n.id JOIN old_rows o ON o.id = n.id"
    "   WHERE (%s) IS DISTINCT FROM (%s)', TG_ARGV[0],"
    "   (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(TG_ARGV[1:]) AS c),"
    "   (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(TG_ARGV[1:]) AS c));"
    "  RETURN NULL;"
    " END $$",
]
for table, column in (("archive_article", "id"), ("archive_mention", "article_id")):
    for verb, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        POSTGRES_TRIGGERS.append(
            f"CREATE TRIGGER archive_search_{verb.lower()} AFTER {verb} ON {table}"
            f" REFERENCING {rows} TABLE AS {rows.lower()}_rows FOR EACH STATEMENT"
            f" EXECUTE FUNCTION archive_search_enqueue('{column}')"
        )
    POSTGRES_TRIGGERS.append(
        f"CREATE TRIGGER archive_search_truncate AFTER TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION archive_search_enqueue('id')"
    )
POSTGRES_TRIGGERS.append(
    "CREATE TRIGGER archive_search_moved AFTER UPDATE ON archive_mention"
    " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
    " EXECUTE FUNCTION archive_search_enqueue_moved()"
)

MENTIONED = {
    "archive_organization": ("organization_id", "name", "country", "hidden"),
    "archive_person": ("person_id", "name", "hidden"),
    "archive_event": ("event_id", "kind", "hidden"),
}
for table, (column, *read) in MENTIONED.items():
    arguments = ", ".join(f"'{name}'" for name in (column, *read))
    POSTGRES_TRIGGERS.append(
        f"CREATE TRIGGER archive_search_mentioned AFTER UPDATE ON {table}"
        " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
        f" EXECUTE FUNCTION archive_search_enqueue_mentioning({arguments})"
    )

SQLITE_TRIGGERS = []
for table, column in (("archive_article", "id"), ("archive_mention", "article_id")):
    for verb, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        SQLITE_TRIGGERS.append(
            f"CREATE TRIGGER archive_search_{table}_{verb.lower()} AFTER {verb} ON {table}"
            f" BEGIN INSERT INTO archive_search_queue (article_id) VALUES ({row}.{column}); END"
        )
SQLITE_TRIGGERS.append(
    "CREATE TRIGGER archive_search_archive_mention_moved AFTER UPDATE OF article_id"
    " ON archive_mention WHEN OLD.article_id IS NOT NEW.article_id"
    " BEGIN INSERT INTO archive_search_queue (article_id) VALUES (OLD.article_id); END"
)
for table, (column, *read) in MENTIONED.items():
    changed = " OR ".join(f"OLD.{name} IS NOT NEW.{name}" for name in read)
    SQLITE_TRIGGERS.append(
        f"CREATE TRIGGER archive_search_{table}_mentioned AFTER UPDATE ON {table}"
        f" WHEN {changed} BEGIN INSERT INTO archive_search_queue (article_id)"
        f" SELECT DISTINCT article_id FROM archive_mention WHERE {column} = NEW.id; END"
    )


def install(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    serial = "bigserial" if postgres else "integer"  # SQLite: an alias of its rowid
    for statement in TABLES:
        schema_editor.execute(statement.format(serial=serial))
    for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        # No parameters: on PostgreSQL, Django would otherwise pass the statement through
        # psycopg's mogrify, which refuses format()'s %I placeholders.
        schema_editor.execute(statement, params=None)
    # Whatever the archive already holds is indexed by the first build.


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for table in ("archive_article", "archive_mention"):
            for verb in ("insert", "update", "delete", "truncate"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS archive_search_{verb} ON {table}")
        schema_editor.execute("DROP TRIGGER IF EXISTS archive_search_moved ON archive_mention")
        for table in MENTIONED:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS archive_search_mentioned ON {table}")
        for function in ("enqueue", "enqueue_moved", "enqueue_mentioning"):
            schema_editor.execute(f"DROP FUNCTION IF EXISTS archive_search_{function}()")
    else:
        for statement in SQLITE_TRIGGERS:
            name = statement.split()[2]
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute("DROP TABLE IF EXISTS archive_search_queue")
    schema_editor.execute("DROP TABLE IF EXISTS archive_search_state")


class Migration(migrations.Migration):
    dependencies = [("archive", "0020_historicalmention_updated_at")]

    operations = [migrations.RunPython(install, uninstall)]
