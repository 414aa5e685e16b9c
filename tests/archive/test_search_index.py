"""The search index follows every kind of write at once: the import, the admin, the API, a
merge, an editor's review, a write that bypasses Django; a lost or foreign index is built
again, never served (archive.search.index)."""

import shutil
from io import StringIO
from typing import ClassVar

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from rest_framework.authtoken.models import Token

from archive import search
from archive.models import Article, ArticleStatus, Mention, Organization
from archive.search import index
from tests.conftest import html
from tests.curation.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db

ARTICLES = reverse("admin:archive_article_changelist")
ORGANIZATIONS = reverse("admin:archive_organization_changelist")
MENTIONS = reverse("admin:archive_mention_changelist")


def found(text: str = "", **filters) -> set[int]:
    """The ids of the published articles a reader's search finds."""
    results = search.run(search.Search(text=text, **filters))
    ids = results.ids(0, 1_000)
    assert len(ids) == results.count
    return set(ids)


def facet(name: str, **filters) -> dict:
    """A facet of the published articles that match `filters`, {value: count} (organizations
    by id; only the top of it)."""
    rows = search.run(search.Search(**filters)).facets()[name]
    if name in ("organization", "person"):
        slugs = {slug: n for slug, _, n in rows}
        return {o.pk: slugs[o.slug] for o in Organization.objects.filter(slug__in=slugs)}
    return dict(rows)


def indexed() -> set[int]:
    """What the index holds right now, read without applying the queue first: what a write's
    own request (or command) left it holding."""
    current = index._current()
    assert current is not None, "no search index"
    return set(index._all_ids(current[0].searcher())[0])


def queued() -> list[int | None]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT article_id FROM {index.QUEUE} ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def published() -> set[int]:
    return set(Article.objects.published().values_list("pk", flat=True))


def articles_of(org: Organization) -> set[int]:
    """The published articles whose mentions (not rejected) name `org`."""
    mentions = Mention.objects.public().filter(organization=org)
    return set(mentions.values_list("article_id", flat=True))


@pytest.fixture
def api(editor):
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")


@pytest.fixture
def review():
    """The seed article 004, waiting in review, and a word of its title no other holds."""
    article = Article.objects.get(source_file__startswith="004_")
    assert article.status == ArticleStatus.REVIEW
    return article, "exhibition"


# -- the import ---------------------------------------------------------------------------


def test_an_import_with_publish_is_found_at_once(seed_dir, run_import):
    code, out, _ = run_import(seed_dir, "--publish")
    assert code == 0
    everything = published()
    assert len(everything) == 5
    # The import brought the index in step itself: it holds them before any search.
    assert indexed() == everything
    assert queued() == []
    assert "search index   5 published articles" in out
    qingdao = Article.objects.get(source_file__startswith="002_")
    assert found("Qingdao") == {qingdao.pk}


def test_an_import_without_publish_is_not_found(seed_dir, run_import):
    assert run_import(seed_dir)[0] == 0
    assert indexed() == set()
    assert found("Qingdao") == set()


# -- the admin ----------------------------------------------------------------------------


def test_publishing_and_withdrawing_in_the_admin_show_at_once(editor_client, site, review):
    article, word = review
    assert found(word) == set()
    response = editor_client.post(ARTICLES, {"action": "publish", "_selected_action": [article.pk]})
    assert response.status_code == 302
    # The request itself applied the queue: the index holds it before the next search.
    assert article.pk in indexed()
    assert queued() == []
    assert found(word) == {article.pk}
    assert article.get_absolute_url() in html(editor_client, f"/articles/?q={word}")

    editor_client.post(ARTICLES, {"action": "send_to_draft", "_selected_action": [article.pk]})
    assert article.pk not in indexed()
    assert queued() == []
    assert found(word) == set()
    assert article.get_absolute_url() not in html(editor_client, f"/articles/?q={word}")


def test_the_admins_change_form_publishes_renames_and_withdraws(editor_client, site, review):
    article, word = review
    url = admin_url(article)
    data = form_data(editor_client.get(url))
    data.update(status=ArticleStatus.PUBLISHED, title="Quokka Exhibition in Seoul")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert article.pk in indexed()
    assert found("quokka") == found(word) == {article.pk}

    data = form_data(editor_client.get(url))
    data["status"] = ArticleStatus.DRAFT
    assert editor_client.post(url, data).status_code == 302
    assert article.pk not in indexed()
    assert found("quokka") == set()


def test_an_article_deleted_in_the_admin_is_gone_at_once(editor_client, site):
    qingdao = Article.objects.get(source_file__startswith="002_")
    assert found("Qingdao") == {qingdao.pk}
    response = editor_client.post(admin_url(qingdao, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=qingdao.pk).exists()
    assert qingdao.pk not in indexed()
    assert queued() == []
    assert found("Qingdao") == set()
    assert found() == published()


# -- the API ------------------------------------------------------------------------------


def test_an_editor_patching_through_the_api_is_followed_at_once(api, site, review):
    article, word = review
    url = f"/api/articles/{article.pk}/"
    response = api.patch(url, {"status": "published"}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert article.pk in indexed()
    assert queued() == []
    assert found(word) == {article.pk}

    for title in ("Platypus fair in Busan", "Pangolin fair in Busan"):
        response = api.patch(url, {"title": title}, content_type="application/json")
        assert response.status_code == 200, response.content
        assert queued() == []
    assert found("pangolin") == {article.pk}
    assert found("platypus") == set()  # the old title's word: gone with it
    assert found("fair busan") == {article.pk}  # once, not once a version
    assert search.run(search.Search(text="pangolin")).count == 1

    response = api.patch(url, {"status": "draft"}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert article.pk not in indexed()
    assert found("pangolin") == set()


# -- merges, organizations, reviews --------------------------------------------------------


def test_a_merge_in_the_admin_counts_the_survivor_with_the_merged_ones_articles(
    editor_client, site
):
    survivor = Organization.objects.get(name="Chinese Academy of Engineering")
    merged = Organization.objects.get(name="Korea University")
    assert facet("organization")[survivor.pk] == len(articles_of(survivor))
    expected = articles_of(survivor) | articles_of(merged)
    assert len(expected) > len(articles_of(survivor))

    selection = {"action": "merge_selected", "_selected_action": [survivor.pk, merged.pk]}
    response = editor_client.post(
        ORGANIZATIONS, {**selection, "apply": "yes", "survivor": survivor.pk}
    )
    assert response.status_code == 302
    merged.refresh_from_db()
    assert merged.merged_into == survivor
    assert queued() == []
    assert found(organizations=(survivor.pk,)) == expected
    assert found(organizations=(merged.pk,)) == set()
    counted = facet("organization")
    assert counted[survivor.pk] == len(expected)
    assert merged.pk not in counted


def test_a_new_country_moves_the_country_facet(api, site):
    georgia_tech = Organization.objects.get(acronym="Georgia Tech")
    assert georgia_tech.country == "US"
    assert facet("country").get("US") == 1
    response = api.patch(
        f"/api/organizations/{georgia_tech.pk}/", {"country": "DE"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert queued() == []
    countries = facet("country")
    assert "US" not in countries
    assert countries["DE"] == 1
    assert found(countries=("DE",)) == articles_of(georgia_tech)


def test_hiding_an_organization_drops_it_from_the_index(editor_client, site):
    keti = Organization.objects.get(acronym="KETI")
    articles = articles_of(keti)
    assert found(organizations=(keti.pk,)) == articles
    response = editor_client.post(ORGANIZATIONS, {"action": "hide", "_selected_action": [keti.pk]})
    assert response.status_code == 302
    assert queued() == []
    assert found(organizations=(keti.pk,)) == set()
    assert articles <= found()  # its articles stay

    editor_client.post(ORGANIZATIONS, {"action": "unhide", "_selected_action": [keti.pk]})
    assert found(organizations=(keti.pk,)) == articles


def test_a_rejected_mention_no_longer_counts_its_organization(editor_client, site):
    georgia_tech = Organization.objects.get(acronym="Georgia Tech")
    (article,) = articles_of(georgia_tech)
    assert found(organizations=(georgia_tech.pk,)) == {article}
    assert facet("country")["US"] == 1
    mentions = list(georgia_tech.mentions.values_list("pk", flat=True))
    response = editor_client.post(MENTIONS, {"action": "reject", "_selected_action": mentions})
    assert response.status_code == 302
    assert queued() == []
    assert found(organizations=(georgia_tech.pk,)) == set()
    assert "US" not in facet("country")
    assert article in found()  # the article itself stays


# -- writes that bypass Django -------------------------------------------------------------


def test_a_raw_sql_update_is_picked_up_by_the_next_search(site):
    qingdao = Article.objects.get(source_file__startswith="002_")
    first = Article.objects.get(source_file__startswith="000_")
    assert found("Qingdao") == {qingdao.pk}
    assert first.pk in found()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE archive_article SET title = %s WHERE id = %s", ["Wombat fair", qingdao.pk]
        )
        cursor.execute("UPDATE archive_article SET status = %s WHERE id = %s", ["draft", first.pk])
    assert queued()  # the triggers noted both
    assert found("wombat") == {qingdao.pk}
    assert first.pk not in found()


def test_raw_sql_on_mentions_and_organizations_is_picked_up(site):
    georgia_tech = Organization.objects.get(acronym="Georgia Tech")
    (article,) = articles_of(georgia_tech)
    assert found(countries=("US",)) == {article}
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE archive_organization SET country = 'FR' WHERE id = %s", [georgia_tech.pk]
        )
    assert found(countries=("US",)) == set()
    assert found(countries=("FR",)) == {article}
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM archive_mention WHERE organization_id = %s", [georgia_tech.pk])
    assert found(countries=("FR",)) == set()


def test_a_queue_of_many_batches_is_applied_whole(site, monkeypatch):
    found()
    monkeypatch.setattr(index, "BATCH", 2)
    Article.objects.update(status=ArticleStatus.PUBLISHED)  # five rows queued, in three batches
    assert found() == published()
    assert len(published()) == 5
    assert queued() == []


def test_a_write_committed_behind_the_queues_head_is_not_lost(site, monkeypatch):
    """Queue ids are taken when a transaction writes, its rows seen when it commits: the row
    of a transaction that wrote before another but committed after it turns up below ids
    already read. Applying the queue must leave it there, not delete it unread."""
    found()
    first = Article.objects.get(source_file__startswith="000_")
    late = Article.objects.get(source_file__startswith="002_")
    Article.objects.filter(pk=late.pk).update(title="Okapi summit")
    Article.objects.filter(pk=first.pk).update(title="Aardvark summit")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {index.QUEUE} WHERE article_id = %s", [late.pk])
        cursor.execute(f"SELECT max(id) FROM {index.QUEUE}")
        (gap,) = cursor.fetchone()
        gap += 1  # the id the late transaction took, its row not yet committed
        cursor.execute(
            f"INSERT INTO {index.QUEUE} (id, article_id) VALUES (%s, %s)", [gap + 1, first.pk]
        )
    real_documents = index.documents

    def documents_while_the_late_one_commits(ids):
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {index.QUEUE} (id, article_id) VALUES (%s, %s)", [gap, late.pk]
            )
        monkeypatch.setattr(index, "documents", real_documents)
        return real_documents(ids)

    monkeypatch.setattr(index, "documents", documents_while_the_late_one_commits)
    assert found("aardvark") == {first.pk}
    assert found("okapi") == {late.pk}  # its row was applied too, not deleted unread
    assert queued() == []


# -- a lost or foreign index ---------------------------------------------------------------


def test_a_lost_index_is_built_again_on_the_next_search(site, search_index_dir):
    before = found("cooperation")
    assert before
    for child in search_index_dir.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    assert index._current() is None
    assert found("cooperation") == before
    assert indexed() == published()


def test_an_index_built_from_another_database_is_built_again(site):
    qingdao = Article.objects.get(source_file__startswith="002_")
    assert found("Qingdao") == {qingdao.pk}
    # Another database: its token differs, and the index knows nothing of its writes.
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {index.STATE} SET token = 'another-database' WHERE id = 1")
        cursor.execute("UPDATE archive_article SET title = 'Ibex fair' WHERE id = %s", [qingdao.pk])
        cursor.execute(f"DELETE FROM {index.QUEUE}")
    assert found("ibex") == {qingdao.pk}
    assert index._current()[1]["token"] == "another-database"


def test_an_index_of_another_schema_is_built_again(site, monkeypatch):
    first = Article.objects.get(source_file__startswith="000_")
    found()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE archive_article SET title = 'Tapir fair' WHERE id = %s", [first.pk])
        cursor.execute(f"DELETE FROM {index.QUEUE}")
    assert found("tapir") == set()  # the index fell behind, unknowing
    monkeypatch.setattr(index, "SCHEMA_VERSION", index.SCHEMA_VERSION + "-other")
    assert found("tapir") == {first.pk}


class _NotStarted:
    """threading.Thread that records what it was asked to run, and runs nothing."""

    started: ClassVar[list] = []

    def __init__(self, target=None, daemon=None, **kwargs):
        self.target = target

    def start(self):
        _NotStarted.started.append(self.target)


@pytest.fixture
def large_archive(monkeypatch):
    """Every archive counts as large: a lost index is built in the background (here: not at
    all, no thread outlives the test) and searches are refused meanwhile."""
    monkeypatch.setattr(index, "BUILD_INLINE_UP_TO", -1)
    monkeypatch.setattr(index.threading, "Thread", _NotStarted)
    _NotStarted.started = []
    yield _NotStarted.started
    if index._building.locked():  # what the background build would have released
        index._building.release()


def test_a_large_archives_lost_index_refuses_searches_until_built(
    site, client, search_index_dir, large_archive
):
    shutil.rmtree(search_index_dir)  # the import built it; now it is lost
    with pytest.raises(search.Rebuilding):
        found("cooperation")
    assert large_archive == [index._build_in_background]
    response = client.get("/articles/?q=cooperation")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert len(large_archive) == 1  # one build at a time
    index._building.release()

    call_command("search_index", stdout=StringIO())
    assert found("cooperation")
    assert client.get("/articles/?q=cooperation").status_code == 200


def test_a_large_archives_foreign_index_is_not_served(site, large_archive):
    found()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {index.STATE} SET token = 'another-database' WHERE id = 1")
    with pytest.raises(search.Rebuilding):
        found()


# -- the command ---------------------------------------------------------------------------


def test_search_index_check_finds_an_index_behind_and_rebuild_fixes_it(site, capsys):
    call_command("search_index", "--check")
    assert "agrees with the database" in capsys.readouterr().out
    qingdao = Article.objects.get(source_file__startswith="002_")
    Article.objects.filter(pk=qingdao.pk).update(status=ArticleStatus.DRAFT)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {index.QUEUE}")  # the index falls behind
    with pytest.raises(CommandError, match=rf"1 not published held \(ids \[{qingdao.pk}\]\)"):
        call_command("search_index", "--check")
    assert qingdao.pk in found()

    call_command("search_index", "--rebuild")
    call_command("search_index", "--check")
    assert qingdao.pk not in found()


# -- two processes -------------------------------------------------------------------------


def test_a_second_process_reads_what_another_committed(editor_client, site, review, monkeypatch):
    """Each process holds its own handle on the index (index._opened): one that opened it
    before another process's write must read the write, and a generation built anew."""
    article, word = review
    found()
    this, other = index._opened, index._Opened()
    monkeypatch.setattr(index, "_opened", other)
    assert found(word) == set()  # the other process opens the index

    monkeypatch.setattr(index, "_opened", this)  # this process publishes
    editor_client.post(ARTICLES, {"action": "publish", "_selected_action": [article.pk]})
    assert queued() == []
    monkeypatch.setattr(index, "_opened", other)  # the other one reads it
    assert found(word) == {article.pk}

    monkeypatch.setattr(index, "_opened", this)
    Article.objects.filter(pk=article.pk).update(title="Narwhal exhibition")
    index.build()
    monkeypatch.setattr(index, "_opened", other)
    assert found("narwhal") == {article.pk}
    assert other.path == this.path


OTHER_PROCESS = """
import django, sys
django.setup()
from archive import search
from archive.models import Article
pk = int(sys.argv[1])
print(search.run(search.Search(text="gazelle")).ids(0, 10))
Article.objects.filter(pk=pk).update(title="Zebu fair")  # written, then searched
print(search.run(search.Search(text="zebu")).ids(0, 10))
"""


@pytest.mark.skipif(
    "sqlite" in django_settings.DATABASES["default"]["ENGINE"],
    reason="the SQLite test database lives in this process's memory",
)
# Committed so that the other process reads it; serialized_rollback puts back what the
# flush after it removes (the Editors group, content types) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_another_process_reads_and_writes_the_same_index(search_index_dir):
    """A real second process (a gunicorn worker, a shell) on the same database and index
    folder: it reads what this one indexed, and this one reads what it indexed."""
    import datetime
    import os
    import subprocess
    import sys

    article = Article.objects.create(
        title="Gazelle fair",
        slug="gazelle-fair",
        published_on=datetime.date(2024, 5, 2),
        date_precision="day",
        raw_text="Gazelle fair\n\nThe fair opened.",
        body="The fair opened.",
        language="en",
        content_hash="gazelle",
        status=ArticleStatus.PUBLISHED,
    )
    assert found("gazelle") == {article.pk}  # this process builds the index
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}"
        f":{settings['PORT']}/{settings['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SEARCH_INDEX_DIR": str(search_index_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, str(article.pk)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=django_settings.BASE_DIR,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [f"[{article.pk}]", f"[{article.pk}]"]
    assert queued() == []  # the other process applied its write
    assert found("zebu") == {article.pk}
    assert found("gazelle") == set()


# -- another writer holding the index -------------------------------------------------------


@pytest.fixture
def held_lock(site):
    """The index's writer lock held by another process (a long build)."""
    import subprocess
    import sys

    search.run(search.Search())  # the index exists
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'w');"
            " fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
            str(index.folder() / "write.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    yield
    holder.kill()
    holder.wait()


def test_a_write_does_not_wait_for_a_build_and_a_search_says_so(
    editor_client, site, held_lock, review, monkeypatch
):
    article, word = review
    monkeypatch.setattr(index, "SEARCH_WAIT", 0.2)
    response = editor_client.post(ARTICLES, {"action": "publish", "_selected_action": [article.pk]})
    assert response.status_code == 302  # answered at once: the queue stays for later
    assert set(queued()) == {article.pk}
    with pytest.raises(search.Rebuilding):  # not answered from an index behind the database
        found(word)
    page = editor_client.get(f"/articles/?q={word}")
    assert page.status_code == 503
    assert page["Retry-After"] == "60"


def test_the_queue_waiting_for_a_build_is_applied_after_it(editor_client, site, review):
    article, word = review
    import fcntl

    search.run(search.Search())
    with open(index.folder() / "write.lock", "w") as lock:  # another writer, this process
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        editor_client.post(ARTICLES, {"action": "publish", "_selected_action": [article.pk]})
        assert set(queued()) == {article.pk}
    assert found(word) == {article.pk}
    assert queued() == []
