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
#   a published article (or one that was): inserted, changed or deleted;
#   a mention in a published article: its article, before and after;
#   an organization's name, acronym, country or hidden flag, a person's name or hidden
#   flag, an event's kind or hidden flag:
#   every article that mentions it (the documents hold them).
TABLES = [
    "CREATE TABLE IF NOT EXISTS archive_search_queue ("
    " id {serial} PRIMARY KEY, article_id bigint NULL)",
    "CREATE TABLE IF NOT EXISTS archive_search_state ("
    " id smallint PRIMARY KEY CHECK (id = 1), token varchar(64) NOT NULL)",
]

PUBLISHED = "'published'"
# A mention's columns the documents read: a change to another (its updated_at, touched
# whenever its article changes) changes no document.
MENTION_READ = ", ".join(
    "{0}." + column
    for column in (
        "article_id",
        "kind",
        "organization_id",
        "person_id",
        "event_id",
        "review_status",
    )
)
POSTGRES_TRIGGERS = [
    # Statement-level, one trigger per statement kind (transition tables allow no other).
    # Only what is or was published concerns the index, which holds nothing else.
    "CREATE OR REPLACE FUNCTION archive_search_enqueue_articles() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    "  IF TG_OP = 'TRUNCATE' THEN"
    "   INSERT INTO archive_search_queue (article_id) VALUES (NULL);"
    "  ELSIF TG_OP = 'INSERT' THEN"
    "   INSERT INTO archive_search_queue (article_id)"
    f"   SELECT id FROM new_rows WHERE status = {PUBLISHED};"
    "  ELSIF TG_OP = 'UPDATE' THEN"
    "   INSERT INTO archive_search_queue (article_id)"
    "   SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id"
    f"   WHERE n.status = {PUBLISHED} OR o.status = {PUBLISHED};"
    "  ELSE"
    "   INSERT INTO archive_search_queue (article_id)"
    f"   SELECT id FROM old_rows WHERE status = {PUBLISHED};"
    "  END IF;"
    "  RETURN NULL;"
    " END $$",
    "CREATE OR REPLACE FUNCTION archive_search_enqueue_mentions() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    "  IF TG_OP = 'TRUNCATE' THEN"
    "   INSERT INTO archive_search_queue (article_id) VALUES (NULL);"
    "  ELSIF TG_OP = 'INSERT' THEN"
    "   INSERT INTO archive_search_queue (article_id) SELECT DISTINCT a.id FROM new_rows n"
    f"   JOIN archive_article a ON a.id = n.article_id AND a.status = {PUBLISHED};"
    "  ELSIF TG_OP = 'UPDATE' THEN"
    "   INSERT INTO archive_search_queue (article_id) SELECT DISTINCT a.id FROM ("
    "    SELECT n.article_id FROM new_rows n JOIN old_rows o ON o.id = n.id"
    f"    WHERE ({MENTION_READ.format('o')}) IS DISTINCT FROM ({MENTION_READ.format('n')})"
    "    UNION SELECT o.article_id FROM new_rows n JOIN old_rows o ON o.id = n.id"
    "    WHERE o.article_id IS DISTINCT FROM n.article_id) m"
    f"   JOIN archive_article a ON a.id = m.article_id AND a.status = {PUBLISHED};"
    "  ELSE"
    "   INSERT INTO archive_search_queue (article_id) SELECT DISTINCT a.id FROM old_rows o"
    f"   JOIN archive_article a ON a.id = o.article_id AND a.status = {PUBLISHED};"
    "  END IF;"
    "  RETURN NULL;"
    " END $$",
    # TG_ARGV[0]: the mention's column naming the record; the rest: the record's columns
    # the documents read.
    "CREATE OR REPLACE FUNCTION archive_search_enqueue_mentioning() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    "  EXECUTE format('INSERT INTO archive_search_queue (article_id)"
    "   SELECT DISTINCT m.article_id FROM archive_mention m"
    "   JOIN new_rows n ON m.%I = n.id JOIN old_rows o ON o.id = n.id"
    "   JOIN archive_article a ON a.id = m.article_id AND a.status = ''published''"
    "   WHERE (%s) IS DISTINCT FROM (%s)', TG_ARGV[0],"
    "   (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(TG_ARGV[1:]) AS c),"
    "   (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(TG_ARGV[1:]) AS c));"
    "  RETURN NULL;"
    " END $$",
]
for table, function in (("archive_article", "articles"), ("archive_mention", "mentions")):
    for verb, rows in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        POSTGRES_TRIGGERS.append(
            f"CREATE TRIGGER archive_search_{verb.lower()} AFTER {verb} ON {table}"
            f" REFERENCING {rows} FOR EACH STATEMENT"
            f" EXECUTE FUNCTION archive_search_enqueue_{function}()"
        )
    POSTGRES_TRIGGERS.append(
        f"CREATE TRIGGER archive_search_truncate AFTER TRUNCATE ON {table}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION archive_search_enqueue_{function}()"
    )

MENTIONED = {
    "archive_organization": ("organization_id", "name", "acronym", "country", "hidden"),
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

# SQLite's triggers are for each row.
ENQUEUE = "INSERT INTO archive_search_queue (article_id)"
ARTICLE_PUBLISHED = f"(SELECT status FROM archive_article WHERE id = {{}}) = {PUBLISHED}"
SQLITE_TRIGGERS = [
    "CREATE TRIGGER archive_search_article_insert AFTER INSERT ON archive_article"
    f" WHEN NEW.status = {PUBLISHED} BEGIN {ENQUEUE} VALUES (NEW.id); END",
    "CREATE TRIGGER archive_search_article_update AFTER UPDATE ON archive_article"
    f" WHEN NEW.status = {PUBLISHED} OR OLD.status = {PUBLISHED}"
    f" BEGIN {ENQUEUE} VALUES (NEW.id); END",
    "CREATE TRIGGER archive_search_article_delete AFTER DELETE ON archive_article"
    f" WHEN OLD.status = {PUBLISHED} BEGIN {ENQUEUE} VALUES (OLD.id); END",
    "CREATE TRIGGER archive_search_mention_insert AFTER INSERT ON archive_mention"
    f" WHEN {ARTICLE_PUBLISHED.format('NEW.article_id')}"
    f" BEGIN {ENQUEUE} VALUES (NEW.article_id); END",
    "CREATE TRIGGER archive_search_mention_update AFTER UPDATE ON archive_mention"
    f" WHEN ({MENTION_READ.format('OLD')}) IS NOT ({MENTION_READ.format('NEW')}) BEGIN"
    f" {ENQUEUE} SELECT NEW.article_id WHERE {ARTICLE_PUBLISHED.format('NEW.article_id')};"
    f" {ENQUEUE} SELECT OLD.article_id WHERE OLD.article_id IS NOT NEW.article_id"
    f" AND {ARTICLE_PUBLISHED.format('OLD.article_id')}; END",
    "CREATE TRIGGER archive_search_mention_delete AFTER DELETE ON archive_mention"
    f" WHEN {ARTICLE_PUBLISHED.format('OLD.article_id')}"
    f" BEGIN {ENQUEUE} VALUES (OLD.article_id); END",
]
for table, (column, *read) in MENTIONED.items():
    changed = " OR ".join(f"OLD.{name} IS NOT NEW.{name}" for name in read)
    SQLITE_TRIGGERS.append(
        f"CREATE TRIGGER archive_search_{table}_mentioned AFTER UPDATE ON {table}"
        f" WHEN {changed} BEGIN {ENQUEUE} SELECT DISTINCT m.article_id FROM archive_mention m"
        f" JOIN archive_article a ON a.id = m.article_id AND a.status = {PUBLISHED}"
        f" WHERE m.{column} = NEW.id; END"
    )


def install(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    serial = "bigserial" if postgres else "integer"  # SQLite: an alias of its rowid
    for statement in TABLES:
        schema_editor.execute(statement.format(serial=serial))
    with schema_editor.connection.cursor() as cursor:  # as written: no placeholders
        for statement in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
            cursor.execute(statement)
    # Whatever the archive already holds is indexed by the first build.


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for table in ("archive_article", "archive_mention"):
            for verb in ("insert", "update", "delete", "truncate"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS archive_search_{verb} ON {table}")
        for table in MENTIONED:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS archive_search_mentioned ON {table}")
        for function in ("enqueue_articles", "enqueue_mentions", "enqueue_mentioning"):
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
