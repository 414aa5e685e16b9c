import datetime
import itertools
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SEEDS = sorted(Path(settings.DEMO_DATA_DIR).glob("*.txt"))


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path_factory) -> Path:
    """Each test its own search index, built from its own database on first use."""
    settings.SEARCH_INDEX_DIR = tmp_path_factory.mktemp("search-index")
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    """A copy of the five seed articles that a test may change."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def run_import(capsys):
    """Run the import command as a user would; returns (exit code, stdout, stderr)."""

    def run(*args) -> tuple[int, str, str]:
        code = 0
        try:
            call_command("import_articles", *[str(a) for a in args], "--no-progress")
        except SystemExit as exit:
            code = exit.code
        except Exception as error:  # CommandError: what manage.py would print and exit 1 on
            from django.core.management import CommandError

            if not isinstance(error, CommandError):
                raise
            code = 1
            print(f"CommandError: {error}", file=__import__("sys").stderr)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="curate-it-2026", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seeds_imported(seed_dir, run_import):
    """The five seed articles imported, waiting in review."""
    code, _, _ = run_import(seed_dir)
    assert code == 0
    return seed_dir


@pytest.fixture
def site(seeds_imported):
    """The seeds imported; all but 004 published."""
    from archive.models import Article, ArticleStatus

    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    return seeds_imported


_articles_made = itertools.count(1)


def make_article(title: str, body: str, day=datetime.date(2024, 5, 2), **fields):
    """An article written straight to the database (no import, no extraction), published
    unless `status` says otherwise."""
    from archive.models import Article, ArticleStatus

    n = next(_articles_made)
    fields.setdefault("status", ArticleStatus.PUBLISHED)
    return Article.objects.create(
        title=title,
        slug=f"made-article-{n}",
        published_on=day,
        date_precision="day",
        raw_text=f"{title}\n\n{body}",
        body=body,
        content_hash=f"made-article-{n}",
        **fields,
    )


def html(client, url, status=200) -> str:
    """A page's HTML, after checking its status."""
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def public_page_paths() -> list[str]:
    """One page of each type of the public site, from the imported seeds."""
    from archive.models import Article, Event, Organization, Person

    article = Article.objects.published().get(source_file__startswith="001_")
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    low, high = sorted((cqu, keti), key=lambda o: o.pk)
    return [
        "/",
        "/articles/",
        "/articles/?q=cooperation",
        "/events/",
        "/agreements/",
        article.get_absolute_url(),
        Organization.objects.get(name="Chongqing University").get_absolute_url(),
        Person.objects.get(name="Yang Dan").get_absolute_url(),
        Event.objects.get(name="China-Korea Industry Forum").get_absolute_url(),
        article.mentions.filter(agreement__isnull=False).first().agreement.get_absolute_url(),
        "/organizations/",
        "/people/?letter=L",
        "/network/",
        f"{cqu.get_absolute_url()}network/",
        f"/network/{low.slug}/{high.slug}/",
        "/countries/",
        "/countries/china-korea/",
    ]
