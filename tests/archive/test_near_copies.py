"""Near-copies of an article are held for an editor, not imported as articles of their own."""

import pytest
from django.test import Client
from django.urls import reverse

from archive.importing.near_copies import NEAR_COPY, keys, shingles, similarity
from archive.models import Article, ArticleStatus, Mention
from archive.services import fold_near_copies, keep_near_copies

pytestmark = pytest.mark.django_db


def a_near_copy(text: str, n: int = 0) -> str:
    """The page with its date line changed, a menu line and one sentence rewritten."""
    lines = text.splitlines()
    body_at = max((i for i in range(len(lines)) if ". " in lines[i]), key=lambda i: len(lines[i]))
    sentence_end = lines[body_at].index(". ") + 1
    lines[body_at] = f"A sentence rewritten for copy {n}." + lines[body_at][sentence_end:]
    return "Home | World | Science\n" + "\n".join(lines).replace("2017", "2018", 1)


def test_the_measure_tells_copies_from_other_articles(seed_dir):
    seeds = sorted(seed_dir.glob("*.txt"))
    texts = [seed.read_text() for seed in seeds]
    copy = similarity(shingles(texts[1]), shingles(a_near_copy(texts[1])))
    other = similarity(shingles(texts[1]), shingles(texts[2]))
    assert copy >= NEAR_COPY > other
    assert keys("too short to compare") == b""


def test_a_near_copy_is_held_for_an_editor(seed_dir, run_import, tmp_path):
    run_import(seed_dir, "--publish")
    original = Article.objects.get(source_file__startswith="001_")
    later = tmp_path / "later"
    later.mkdir()
    (later / "copy.txt").write_text(a_near_copy(next(seed_dir.glob("001_*")).read_text()))
    code, out, _ = run_import(later, "--publish")
    assert code == 0
    assert "near-copies    1 held for an editor" in out

    copy = Article.objects.get(source_file="copy.txt")
    assert copy.status == ArticleStatus.DUPLICATE
    assert copy.duplicate_of == original
    assert not Mention.objects.filter(article=copy).exists()  # out of the review queue
    assert Client().get(copy.get_absolute_url()).status_code == 404  # out of the public

    (later / "copy.txt").write_text(a_near_copy(next(seed_dir.glob("001_*")).read_text(), 2))
    run_import(later, "--publish")  # read again, changed: still held
    copy.refresh_from_db()
    assert copy.status == ArticleStatus.DUPLICATE
    assert not Mention.objects.filter(article=copy).exists()


def test_many_copies_in_one_run_are_held_as_copies_of_the_first(seed_dir, run_import, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    page = next(seed_dir.glob("002_*")).read_text()
    for n in range(12):
        (folder / f"copy{n:02}.txt").write_text(a_near_copy(page, n))
    code, out, _ = run_import(folder)
    assert code == 0
    first = Article.objects.get(source_file="copy00.txt")
    assert first.status == ArticleStatus.REVIEW
    held = Article.objects.filter(status=ArticleStatus.DUPLICATE)
    assert held.count() == 11
    assert set(held.values_list("duplicate_of", flat=True)) == {first.pk}
    assert "near-copies    11 held" in out


def test_different_articles_are_not_held(seed_dir, run_import):
    code, out, _ = run_import(seed_dir)
    assert code == 0
    assert "near-copies" not in out
    assert not Article.objects.filter(status=ArticleStatus.DUPLICATE).exists()


def test_an_editor_keeps_a_near_copy_and_its_facts_come(seed_dir, run_import, tmp_path):
    run_import(seed_dir)
    later = tmp_path / "later"
    later.mkdir()
    (later / "copy.txt").write_text(a_near_copy(next(seed_dir.glob("001_*")).read_text()))
    run_import(later)
    copy = Article.objects.get(source_file="copy.txt")
    assert keep_near_copies([copy]) == 1
    copy.refresh_from_db()
    assert copy.status == ArticleStatus.REVIEW
    assert "status" in copy.locked_fields
    assert Mention.objects.filter(article=copy, quote="Chongqing University").exists()


def test_an_editor_folds_a_near_copy_in_the_console(editor_client, seed_dir, run_import, tmp_path):
    run_import(seed_dir)
    later = tmp_path / "later"
    later.mkdir()
    (later / "copy.txt").write_text(a_near_copy(next(seed_dir.glob("001_*")).read_text()))
    run_import(later)
    copy = Article.objects.get(source_file="copy.txt")
    changelist = reverse("admin:archive_article_changelist")
    waiting = editor_client.get(changelist, {"near_copy": "waiting"})
    assert list(waiting.context["cl"].result_list) == [copy]
    editor_client.post(
        changelist, {"action": "fold_near_copies_action", "_selected_action": [copy.pk]}
    )
    copy.refresh_from_db()
    assert copy.status == ArticleStatus.DUPLICATE
    assert "status" in copy.locked_fields
    assert not editor_client.get(changelist, {"near_copy": "waiting"}).context["cl"].result_list
    assert fold_near_copies([copy]) == 0  # once is enough
