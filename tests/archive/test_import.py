from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    Position,
    ReviewStatus,
)
from archive.services import merge_organizations, merge_people, save_editor_changes

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Every row the import writes, as comparable values."""
    return {
        model.__name__: sorted(map(str, model.objects.values()))
        for model in (
            Article,
            Organization,
            OrganizationAlias,
            Person,
            Position,
            Agreement,
            Event,
            Mention,
        )
    }


def test_the_seeds_fill_the_archive(seed_dir, run_import):
    code, out, _ = run_import(seed_dir, "--publish")
    assert code == 0
    assert "articles       5 created" in out
    assert Article.objects.published().count() == 5
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    mou = Agreement.objects.get()
    assert set(mou.parties.all()) == {cqu, keti}
    assert mou.signatory_set.get().person.name == "Yang Dan"
    piao = Person.objects.get(name="Piao Dongjian")
    assert piao.positions.get().organization.acronym == "NAEK"
    assert Event.objects.filter(name="6th China-Korea Industrial Innovation Exchange").exists()


def test_one_organization_across_articles(seed_dir, run_import):
    run_import(seed_dir)
    # 000 and 002 both name the Chinese Academy of Engineering (CAE).
    cae = Organization.objects.get(acronym="CAE")
    assert cae.mentions.values("article").distinct().count() == 2
    # 002 spells "Science and Technology", 003 "Science & Technology (KOSTEC)": one center.
    kostec = Organization.objects.get(acronym="KOSTEC")
    assert kostec.mentions.values("article").distinct().count() == 2


def test_every_mention_quotes_its_article(seed_dir, run_import):
    run_import(seed_dir)
    mentions = Mention.objects.select_related("article")
    assert mentions.count() > 100
    for mention in mentions:
        assert mention.article.body[mention.start : mention.end] == mention.quote


def test_articles_wait_in_review_unless_published(seed_dir, run_import):
    run_import(seed_dir)
    assert set(Article.objects.values_list("status", flat=True)) == {ArticleStatus.REVIEW}
    assert not Organization.objects.public().exists()


def test_reimporting_unchanged_files_changes_nothing(seed_dir, run_import):
    run_import(seed_dir, "--publish")
    before = snapshot()
    code, out, _ = run_import(seed_dir, "--publish")
    assert code == 0
    assert "0 created, 0 updated, 5 unchanged" in out
    assert snapshot() == before


def test_queries_do_not_grow_with_the_number_of_files(seed_dir, run_import):
    run_import(seed_dir)
    with CaptureQueriesContext(connection) as two_files:
        run_import(*sorted(seed_dir.glob("*.txt"))[:2])
    with CaptureQueriesContext(connection) as five_files:
        run_import(seed_dir)
    assert len(two_files) == len(five_files)


def test_a_changed_file_updates_its_article(seed_dir, run_import):
    run_import(seed_dir)
    seed = next(seed_dir.glob("004_*"))
    seed.write_text(seed.read_text().replace("about 700 people", "about 800 people"))
    code, out, _ = run_import(seed_dir)
    assert code == 0
    assert "0 created, 1 updated, 4 unchanged" in out
    article = Article.objects.get(source_file=seed.name)
    assert "about 800 people" in article.body
    assert Article.objects.count() == 5


def test_an_editor_correction_survives_a_reimport(seed_dir, run_import):
    run_import(seed_dir)
    seed = next(seed_dir.glob("000_*"))
    article = Article.objects.get(source_file=seed.name)
    article.title = "Korean engineers visit Zhejiang"
    save_editor_changes(article, changed_fields=["title"])
    org = Organization.objects.get(acronym="NAEK")
    org.country = "KP"  # a deliberate (wrong) choice an import must still not undo
    save_editor_changes(org, changed_fields=["country"])

    seed.write_text(seed.read_text().replace("nine-member", "ten-member"))
    run_import(seed_dir)
    article.refresh_from_db()
    org.refresh_from_db()
    assert article.title == "Korean engineers visit Zhejiang"
    assert "ten-member delegation" in article.body  # unlocked fields still follow the file
    assert org.country == "KP"


def test_a_deleted_entity_does_not_come_back(seed_dir, run_import):
    run_import(seed_dir)
    Organization.objects.get(name="Alibaba Group").delete()
    Person.objects.get(name="Piao Dongjian").delete()
    seed = next(seed_dir.glob("000_*"))
    seed.write_text(seed.read_text() + "\n\nAlibaba Group and Piao Dongjian were thanked.")
    run_import(seed_dir)
    assert not Organization.objects.filter(name="Alibaba Group").exists()
    assert not Person.objects.filter(name="Piao Dongjian").exists()
    assert Organization.objects.filter(name="Geely Holding Group").exists()


def test_names_of_merged_entities_map_to_the_survivor(seed_dir, run_import):
    run_import(seed_dir)
    cae = Organization.objects.get(acronym="CAE")
    unit = Organization.objects.get(name__startswith="International Cooperation Department")
    merge_organizations(survivor=cae, others=[unit])
    yang = Person.objects.get(name="Yang Dan")
    liu = Person.objects.get(name="Liu Hanlong")
    merge_people(survivor=yang, others=[liu])

    for seed in seed_dir.glob("*.txt"):  # every article changes and is read again
        seed.write_text(seed.read_text() + "\n\nThis article was corrected.")
    run_import(seed_dir)
    unit.refresh_from_db()
    assert unit.merged_into == cae
    assert not unit.mentions.exists()
    assert cae.mentions.filter(quote__startswith="International Cooperation Department").exists()
    assert not Person.objects.get(name="Liu Hanlong").mentions.exists()
    assert yang.mentions.filter(quote="Liu Hanlong").exists()


def test_editors_aliases_teach_later_imports(seed_dir, run_import):
    run_import(seed_dir)
    casisd = Organization.objects.get(acronym="CASISD")
    OrganizationAlias.objects.create(organization=casisd, name="CASSID", is_acronym=True)
    seed = next(seed_dir.glob("003_*"))
    seed.write_text(seed.read_text() + "\n\nCASSID thanked STEPI.")
    run_import(seed_dir)
    assert casisd.mentions.filter(quote="CASSID").count() == 2


def test_review_decisions_carry_over_to_the_same_facts(seed_dir, run_import):
    run_import(seed_dir)
    rejected = Mention.objects.get(quote="Hai Liang Group", kind="name")
    rejected.review_status = ReviewStatus.REJECTED
    rejected.save()
    seed = next(seed_dir.glob("000_*"))
    seed.write_text("Menu\n" + seed.read_text())
    run_import(seed_dir)
    assert (
        Mention.objects.get(quote="Hai Liang Group", kind="name").review_status
        == ReviewStatus.REJECTED
    )


def test_dry_run_reports_and_writes_nothing(seed_dir, run_import):
    code, out, _ = run_import(seed_dir, "--dry-run")
    assert code == 0
    assert "Dry run, nothing written" in out
    assert "articles       5 created" in out
    assert Article.objects.count() == 0
    assert Organization.objects.count() == 0


def write_bad_files(folder: Path) -> dict[str, str]:
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes(
        "Título\n\nEl artículo está en Latin-1. ".encode("latin-1") * 3
    )
    (folder / "huge.txt").write_text("A Huge Title\n\n" + "word " * 1_000_000)
    (folder / "untitled.txt").write_text(
        "This page has only one long sentence of body text and no title line at all before it."
    )
    return {
        "empty.txt": "the file is empty",
        "binary.txt": "the file is binary",
        "latin1.txt": "not UTF-8",
        "huge.txt": "over the",
        "untitled.txt": "no recognisable title",
    }


def test_bad_files_are_named_and_the_batch_goes_on(seed_dir, run_import, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1_000_000
    expected = write_bad_files(seed_dir)
    code, out, err = run_import(seed_dir)
    assert code == 1
    for name, reason in expected.items():
        line = next(line for line in err.splitlines() if name in line)
        assert reason in line
    assert "5 of 10 files failed" in err
    assert Article.objects.count() == 5
    assert "articles       5 created" in out
    assert "5 failed" in out


def test_a_failing_file_leaves_no_trace(seed_dir, run_import, monkeypatch):
    from archive.importing import store

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store._Mentions, "save", broken)  # fails last, after every other write
    code, _, err = run_import(next(seed_dir.glob("000_*")))
    assert code == 1
    assert "000_394ef908c27b0a41.txt: unexpected RuntimeError: disk on fire" in err
    assert Article.objects.count() == Organization.objects.count() == Mention.objects.count() == 0


def test_a_missing_path_is_refused(run_import, tmp_path):
    code, _, err = run_import(tmp_path / "nowhere")
    assert code == 1
    assert "nowhere: no such file, folder or pattern" in err


def test_globs_and_single_files(seed_dir, run_import):
    code, out, _ = run_import(seed_dir / "00[01]_*.txt", next(seed_dir.glob("004_*")))
    assert code == 0
    assert "articles       3 created" in out


def test_the_same_text_under_two_names_is_refused(seed_dir, run_import):
    seed = next(seed_dir.glob("000_*"))
    (seed_dir / "copy.txt").write_bytes(seed.read_bytes())
    code, _, err = run_import(seed_dir)
    assert code == 1
    assert "the same text was already imported from 000_394ef908c27b0a41.txt" in err


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_file_failing_in_a_batch_fails_alone_and_teaches_the_run_nothing(seed_dir, monkeypatch):
    """The five seeds are written as one batch; when one fails while being written, the
    batch is rolled back and written again file by file: the other four are imported, and
    nothing the failed file met is taken as stored."""
    from archive.importing import pipeline, store

    real = store._Relations.event

    def fails_on_the_zhejiang_exchange(self, article_id, fact, *args):
        if fact.name.startswith("6th China-Korea"):
            raise RuntimeError("disk on fire")
        return real(self, article_id, fact, *args)

    monkeypatch.setattr(store._Relations, "event", fails_on_the_zhejiang_exchange)
    zhejiang = next(seed_dir.glob("000_*"))
    report = pipeline.import_files(sorted(seed_dir.glob("*.txt")))
    assert report.failures == [(str(zhejiang), "unexpected RuntimeError: disk on fire")]
    assert Article.objects.count() == 4
    assert not Article.objects.filter(source_file=zhejiang.name).exists()
    cae = Organization.objects.get(acronym="CAE")  # named by 000 and by 002
    assert {m.article.source_file for m in cae.mentions.all()} == {"002_0fbbd451b4edd1ec.txt"}
    assert not Organization.objects.filter(name="Alibaba Group").exists()  # only 000 names it


def test_one_file_per_transaction_on_request(seed_dir, run_import):
    write_bad_files(seed_dir)
    code, out, err = run_import(seed_dir, "--batch-size", "1")
    assert code == 1
    assert "articles       5 created" in out
    assert "5 of 10 files failed" in err
    code, _, err = run_import(seed_dir, "--batch-size", "0")
    assert "--batch-size must be 1 or more" in err


def test_a_later_article_that_leaves_out_a_fact_does_not_erase_it(tmp_path, run_import):
    held = (
        "The China-Korea Robotics Forum was held in Qingdao, Shandong Province, China from"
        " April 16 to 17, 2019. More than 200 researchers from the Korea Institute of Robotics"
        " (KIR) took part in the forum, which discussed cooperation in robotics."
    )
    recalled = (
        "Researchers met again at the China-Korea Robotics Forum, which opened on April 16,"
        " 2019. More than 200 researchers from the Korea Institute of Robotics (KIR) took part"
        " in the forum, which discussed cooperation in robotics."
    )
    for name, title, body in (
        ("a.txt", "Robotics forum held in Qingdao", held),
        ("b.txt", "Robotics researchers meet", recalled),
    ):
        (tmp_path / name).write_text(f"Home > News\n{title}\nDate 2019-04-18\n\n{body}\n")
        assert run_import(tmp_path / name)[0] == 0
    forum = Event.objects.get(name="China-Korea Robotics Forum")
    assert (forum.city, forum.country) == ("Qingdao", "CN")
    assert (forum.start_date, forum.end_date) == (date(2019, 4, 16), date(2019, 4, 17))
