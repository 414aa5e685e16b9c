"""A changed article read again keeps its mentions where their text still stands."""

import pytest

from archive.importing.realign import Alignment
from archive.models import Article, Mention, ReviewStatus

pytestmark = pytest.mark.django_db


def test_alignment_moves_spans_past_an_inserted_sentence():
    old = "First line.\nThe Alpha Institute met Beta Labs in March.\nLast line.\n"
    new = "First line.\nA new sentence.\nThe Alpha Institute met Beta Labs in May.\nLast line.\n"
    alignment = Alignment(old, new)
    start = old.index("Alpha Institute")
    moved = alignment.span(start, start + len("Alpha Institute"))
    assert new[moved[0] : moved[1]] == "Alpha Institute"
    assert moved[0] == start + len("A new sentence.\n")
    march = old.index("March")
    assert alignment.span(march, march + 5) is None  # its words changed


def test_alignment_refuses_a_span_whose_words_changed_inside():
    old = "Alpha Beta Gamma Institute"
    new = "Alpha Beta Delta Institute"
    assert Alignment(old, new).span(0, len(old)) is None
    assert Alignment(old, new).span(0, 10) == (0, 10)


def _mentions_of(article, quote):
    return list(Mention.objects.filter(article=article, quote=quote, kind="name").order_by("start"))


def test_a_decision_stays_on_its_own_span_through_a_changed_text(seed_dir, run_import):
    run_import(seed_dir)
    seed = next(seed_dir.glob("001_*"))
    article = Article.objects.get(source_file=seed.name)
    spans = _mentions_of(article, "Chongqing University")
    assert len(spans) >= 3
    rejected, confirmed = spans[1], spans[2]
    Mention.objects.filter(pk=rejected.pk).update(review_status=ReviewStatus.REJECTED)
    Mention.objects.filter(pk=confirmed.pk).update(review_status=ReviewStatus.CONFIRMED)
    others = {m.pk for m in spans} - {rejected.pk, confirmed.pk}

    added = "Our correspondent adds a first line about Chongqing University here. "
    text = seed.read_text()
    first_paragraph = text.index("Mr. Moon Jae-in")
    seed.write_text(text[:first_paragraph] + added + text[first_paragraph:])
    code, out, _ = run_import(seed_dir)
    assert code == 0

    article.refresh_from_db()
    after = {m.pk: m for m in _mentions_of(article, "Chongqing University")}
    assert len(after) == len(spans) + 1  # the new sentence's mention, and every old one
    for before in (rejected, confirmed):
        kept = after[before.pk]  # the same row
        assert kept.start == before.start + len(added)
        assert article.body[kept.start : kept.end] == "Chongqing University"
    assert after[rejected.pk].review_status == ReviewStatus.REJECTED
    assert after[confirmed.pk].review_status == ReviewStatus.CONFIRMED
    # no other span with the same words took either decision
    assert {pk for pk, m in after.items() if m.review_status != ReviewStatus.UNREVIEWED} == {
        rejected.pk,
        confirmed.pk,
    }
    assert others < set(after)
    assert "removed" not in out


def test_mentions_whose_text_is_gone_are_removed_and_counted(seed_dir, run_import):
    run_import(seed_dir)
    seed = next(seed_dir.glob("001_*"))
    article = Article.objects.get(source_file=seed.name)
    text = seed.read_text()
    sentence = text[text.index("Mr. Moon Jae-in") : text.index("in China .") + len("in China .")]
    moon = Mention.objects.filter(article=article, kind="name", quote="Moon Jae-in").first()
    Mention.objects.filter(pk=moon.pk).update(review_status=ReviewStatus.CONFIRMED)
    kept = Mention.objects.filter(article=article).exclude(start__lt=moon.end).first()

    seed.write_text(text.replace(sentence, "A visit went on."))
    code, out, _ = run_import(seed_dir)
    assert code == 0
    assert not Mention.objects.filter(pk=moon.pk).exists()
    assert Mention.objects.filter(pk=kept.pk).exists()
    assert "removed (1 of them reviewed)" in out


def test_an_unchanged_article_keeps_its_mention_rows(seed_dir, run_import):
    run_import(seed_dir)
    before = list(Mention.objects.order_by("pk").values_list("pk", "start", "review_status"))
    seed = next(seed_dir.glob("004_*"))
    seed.write_text(seed.read_text().replace("about 700 people", "about 800 people"))
    run_import(seed_dir)
    others = Mention.objects.exclude(article__source_file=seed.name)
    kept = set(others.values_list("pk", "start", "review_status"))
    assert kept <= set(before)
    assert len(kept) == len([m for m in before if m in kept]) > 0
