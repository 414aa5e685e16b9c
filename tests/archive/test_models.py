from datetime import date

import pytest
from django.db import IntegrityError, transaction

from archive.models import (
    Article,
    ArticleStatus,
    Event,
    EventParticipant,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    Position,
    ReviewStatus,
    Tombstone,
)

pytestmark = pytest.mark.django_db


def make_article(**fields) -> Article:
    n = Article.objects.count() + 1
    values = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "raw_text": "raw",
        "body": "body",
        "content_hash": f"hash-{n}",
        "source_file": f"{n}.txt",
    }
    return Article.objects.create(**{**values, **fields})


def make_org(name: str, **fields) -> Organization:
    from archive.text import make_slug

    return Organization.objects.create(
        name=name, slug=fields.pop("slug", make_slug(name)), **fields
    )


def fails(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_the_same_text_cannot_be_stored_twice():
    make_article(content_hash="abc")
    assert fails(lambda: make_article(content_hash="abc"))


def test_a_source_file_names_one_article_but_hand_made_articles_need_none():
    make_article(source_file="seed.txt")
    assert fails(lambda: make_article(source_file="seed.txt"))
    make_article(source_file="")
    make_article(source_file="")
    assert Article.objects.filter(source_file="").count() == 2


def test_a_date_always_has_a_precision_and_no_date_has_none():
    assert fails(lambda: make_article(published_on=date(2019, 1, 1), date_precision="unknown"))
    assert fails(lambda: make_article(published_on=None, date_precision="day"))
    make_article(published_on=date(2019, 11, 17), date_precision="day")


def test_two_spellings_of_one_organization_name_are_one_record():
    make_org("the Korea-China Science & Technology Cooperation Center", slug="a")
    assert fails(
        lambda: make_org("Korea China Science and Technology Cooperation Center", slug="b")
    )


def test_an_alias_points_at_one_organization_only():
    cae = make_org("Chinese Academy of Engineering")
    other = make_org("Canadian Academy of Engineering")
    OrganizationAlias.objects.create(organization=cae, name="CAE", is_acronym=True)
    assert fails(lambda: OrganizationAlias.objects.create(organization=other, name="cae"))


def test_slugs_are_unique():
    make_org("One", slug="same")
    assert fails(lambda: make_org("Two", slug="same"))


def test_an_organization_cannot_be_its_own_parent():
    org = make_org("Chongqing University")
    org.parent = org
    assert fails(org.save)


def test_an_event_cannot_end_before_it_starts():
    def create():
        Event.objects.create(
            name="Forum",
            slug="forum",
            fingerprint="forum|2019",
            date_precision="day",
            start_date=date(2019, 11, 15),
            end_date=date(2019, 11, 12),
        )

    assert fails(create)


def test_a_participant_is_an_organization_or_a_person_not_both():
    event = Event.objects.create(name="Forum", slug="forum", fingerprint="forum|x")
    org = make_org("NAEK")
    person = Person.objects.create(name="Piao Dongjian", slug="piao-dongjian")
    assert fails(
        lambda: EventParticipant.objects.create(event=event, organization=org, person=person)
    )
    assert fails(lambda: EventParticipant.objects.create(event=event))
    EventParticipant.objects.create(event=event, organization=org)
    assert fails(lambda: EventParticipant.objects.create(event=event, organization=org))


def test_a_position_without_organization_is_still_unique():
    person = Person.objects.create(name="Moon Jae-in", slug="moon-jae-in")
    Position.objects.create(person=person, title="President of Korea")
    assert fails(lambda: Position.objects.create(person=person, title="President of Korea"))


def test_a_mention_has_a_real_span_a_confidence_and_a_target():
    article = make_article()
    org = make_org("KETI")

    def mention(**fields):
        values = {
            "article": article,
            "kind": "name",
            "start": 0,
            "end": 4,
            "quote": "KETI",
            "confidence": 0.9,
            "organization": org,
        }
        return lambda: Mention.objects.create(**{**values, **fields})

    assert fails(mention(start=5, end=5))
    assert fails(mention(confidence=1.5))
    assert fails(mention(organization=None))
    assert fails(mention(kind="rumour"))
    mention()()


def test_public_entities_need_a_published_unrejected_mention_and_no_hiding():
    draft = make_article(status=ArticleStatus.REVIEW)
    published = make_article(status=ArticleStatus.PUBLISHED)
    only_draft, supported, hidden, rejected = (
        make_org(name) for name in ("Only Draft", "Supported", "Hidden", "Rejected")
    )
    hidden.hidden = True
    hidden.save()
    for article, org, status in [
        (draft, only_draft, ReviewStatus.CONFIRMED),
        (published, supported, ReviewStatus.UNREVIEWED),
        (published, hidden, ReviewStatus.CONFIRMED),
        (published, rejected, ReviewStatus.REJECTED),
    ]:
        Mention.objects.create(
            article=article,
            kind="name",
            start=0,
            end=1,
            quote="x",
            confidence=0.5,
            organization=org,
            review_status=status,
        )
    assert list(Organization.objects.public()) == [supported]


def test_deleting_an_organization_leaves_a_tombstone_by_normalized_name():
    make_org("The Chinese Academy of Engineering").delete()
    tomb = Tombstone.objects.get()
    assert (tomb.kind, tomb.key) == ("organization", "chinese academy of engineering")


def test_any_of_keeps_the_same_rows_as_in(seeds_imported):
    ids = set(Article.objects.values_list("pk", flat=True)[:3])
    assert set(Article.objects.filter(pk__any_of=ids)) == set(Article.objects.filter(pk__in=ids))
    assert set(Mention.objects.filter(article__any_of=ids)) == set(
        Mention.objects.filter(article__in=ids)
    )
    assert set(Mention.objects.filter(article__any_of=(i for i in ids))) == set(
        Mention.objects.filter(article__in=ids)
    )
    assert not Article.objects.filter(pk__any_of=set())
    assert set(Article.objects.exclude(pk__any_of=ids)) == set(Article.objects.exclude(pk__in=ids))
    subquery = Article.objects.filter(pk__in=ids).values("pk")
    assert set(Mention.objects.filter(article__any_of=subquery)) == set(
        Mention.objects.filter(article__in=ids)
    )
