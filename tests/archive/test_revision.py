"""The archive's revision (archive.revision): it moves with the archive's own writes and
with nothing else."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction

from archive import revision
from archive.models import Article, ArticleStatus, Organization, Tie


def committed() -> int:
    return int(revision.key().split(".")[0])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_committed_write_to_the_archive_moves_it_on_once(seeds_imported):
    before = committed()
    with transaction.atomic():  # many statements, one transaction: one step
        Article.objects.update(status=ArticleStatus.PUBLISHED)
        Organization.objects.filter(acronym="KETI").update(kind="institute")
    assert committed() == before + 1
    Organization.objects.filter(acronym="KETI").update(kind="other")  # on its own
    assert committed() == before + 2

    def rolled_back():
        with transaction.atomic():
            Organization.objects.filter(acronym="KETI").update(kind="academy")
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        rolled_back()
    assert committed() == before + 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reads_and_writes_outside_the_archive_leave_it(seeds_imported):
    before = revision.key()
    list(Article.objects.all())
    SessionStore().create()
    Tie.objects.create(low_id=1, high_id=2, via="article", total=1, years={"2019": 1})
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE elsewhere (x int)")
        cursor.execute("INSERT INTO elsewhere VALUES (1)")
    assert revision.key() == before


@pytest.mark.django_db
def test_a_transaction_sees_its_own_writes_in_the_key(seeds_imported):
    """Inside a transaction that wrote, the key names it, so what it computes is never
    taken for the committed state; each further write changes it."""
    first = revision.key()
    assert "." in first  # the import wrote in this (the test's) transaction
    assert revision.key() == first  # reading changes nothing
    Organization.objects.filter(acronym="KETI").update(kind="institute")
    second = revision.key()
    assert second != first
    Organization.objects.filter(acronym="KETI").update(kind="other")
    assert revision.key() not in (first, second)
