"""On PostgreSQL, Chinese, Japanese and Korean text becomes findable by word.

PostgreSQL's parser splits words at spaces and punctuation; Chinese and Japanese write none
and Korean attaches particles to nouns, so "中国科学院院长侯建国与韩国..." was one lexeme and a
search for 中国科学院 or 연구원 found nothing. As the CJK analyzers of search engines do, each
run of these scripts is also indexed as its overlapping pairs of characters (中国 国科 科学 学院),
with the 'simple' configuration; a query's runs become the same pairs, each next to the one
before (archive.search), so a word matches wherever it stands inside a run.

SQLite needs nothing: its search matches substrings (archive.search)."""

from django.db import migrations

CJK_RUN = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]+"

BIGRAMS = f"""CREATE FUNCTION archive_cjk_bigrams(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(substr(m[1], i, 2), ' '), '')
    FROM regexp_matches(coalesce(t, ''), '{CJK_RUN}', 'g') AS m,
         generate_series(1, greatest(length(m[1]) - 1, 1)) AS i
$$"""


def writer(vector: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION archive_articlesearch_write() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO archive_articlesearch (article_id, published, published_on, vector)
        VALUES (NEW.id, NEW.status = 'published', NEW.published_on, {vector})
        ON CONFLICT (article_id) DO UPDATE SET published = EXCLUDED.published,
            published_on = EXCLUDED.published_on, vector = EXCLUDED.vector;
        RETURN NULL;
    END $$"""


WORDS = (
    "setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B')"
)
PAIRS = (
    " || setweight(to_tsvector('simple', archive_cjk_bigrams(NEW.title)), 'A') || "
    "setweight(to_tsvector('simple', archive_cjk_bigrams(NEW.body)), 'B')"
)


def reindex(vector: str) -> str:
    """The stored vectors of the articles that hold any of these scripts, computed anew."""
    computed = vector.replace("NEW.", "a.")
    return f"""UPDATE archive_articlesearch s SET vector = {computed}
        FROM archive_article a
        WHERE a.id = s.article_id AND (a.title ~ '{CJK_RUN}' OR a.body ~ '{CJK_RUN}')"""


FORWARD = [BIGRAMS, writer(WORDS + PAIRS), reindex(WORDS + PAIRS)]
BACKWARD = [writer(WORDS), reindex(WORDS), "DROP FUNCTION archive_cjk_bigrams(text)"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_article_editor_indexes")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
