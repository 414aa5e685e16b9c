import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    Mention,
    Organization,
    Person,
    Position,
    ReviewStatus,
)
from archive.text import make_slug

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "archive_article",
    "archive_organization",
    "archive_person",
    "archive_position",
    "archive_agreement",
    "archive_event",
    "archive_mention",
    "archive_tombstone",
]


def admin_url(record, view: str = "change", *args) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[record.pk, *args])


def change_url(record) -> str:
    return admin_url(record)


def form_data(response) -> dict:
    """The change form's fields as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif value is not None and value is not False:
            data[name] = value
    for formset in response.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for index, inline_form in enumerate(formset.formset.forms):
            prefix = f"{formset.formset.prefix}-{index}"
            if inline_form.instance.pk:
                data[f"{prefix}-id"] = inline_form.instance.pk
            for name in inline_form.fields:
                value = inline_form.initial.get(name)
                if value is not None and value is not False:
                    data[f"{prefix}-{name}"] = getattr(value, "pk", value)
    return data


@pytest.mark.parametrize("changelist", CHANGELISTS)
def test_an_editor_can_open_every_changelist(editor_client, seeds_imported, changelist):
    response = editor_client.get(reverse(f"admin:{changelist}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "page", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]
)
def test_an_editor_cannot_manage_users_or_groups(editor_client, page):
    assert editor_client.get(reverse(page)).status_code == 403


def test_anonymous_and_non_staff_users_are_sent_to_the_login(client, django_user_model):
    url = reverse("admin:archive_article_changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    reader = django_user_model.objects.create_user("reader", password="just-reading-2026")
    client.force_login(reader)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_editors_rename_is_locked_recorded_and_survives_a_reimport(
    editor_client, editor, seeds_imported, run_import
):
    org = Organization.objects.get(acronym="NAEK")
    data = form_data(editor_client.get(change_url(org)))
    data["name"] = "National Academy of Engineering of Korea (NAEK)"
    response = editor_client.post(change_url(org), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    org.refresh_from_db()
    assert org.locked_fields == ["name"]
    latest = org.history.first()
    assert (latest.history_user, latest.history_change_reason) == (editor, "admin")

    seed = next(seeds_imported.glob("000_*"))
    seed.write_text(seed.read_text() + "\n\nThe NAEK thanked its hosts.")
    run_import(seeds_imported)
    org.refresh_from_db()
    assert org.name == "National Academy of Engineering of Korea (NAEK)"
    assert org.mentions.filter(quote="NAEK").count() >= 5


def test_an_editor_unlocks_a_field(editor_client, seeds_imported):
    org = Organization.objects.get(acronym="NAEK")
    org.locked_fields = ["country", "name"]
    org.save()
    page = editor_client.get(change_url(org))
    assert b"Locked against the import" in page.content
    data = form_data(page)
    data["unlock"] = ["country"]
    editor_client.post(change_url(org), data)
    org.refresh_from_db()
    assert org.locked_fields == ["name"]


def test_history_shows_changes_and_reverts_them(editor_client, seeds_imported):
    org = Organization.objects.get(acronym="KETI")
    data = form_data(editor_client.get(change_url(org)))
    data["country"] = "JP"
    editor_client.post(change_url(org), data)
    history = editor_client.get(admin_url(org, "history"))
    assert history.status_code == 200
    assert b"admin" in history.content

    imported = org.history.order_by("history_date").first()
    assert imported.history_change_reason == "import"
    revert_url = admin_url(org, "simple_history", imported.history_id)
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    response = editor_client.post(revert_url, form_data(page))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.country == "KR"


def test_publishing_changes_what_the_public_sees(editor_client, seeds_imported):
    client = Client()  # a reader, not logged in
    article = Article.objects.get(source_file__startswith="000_")
    public_url = article.get_absolute_url()
    assert client.get(public_url).status_code == 404
    response = editor_client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert "status" in article.locked_fields
    assert client.get(public_url).status_code == 200
    naek = Organization.objects.get(acronym="NAEK")
    assert client.get(naek.get_absolute_url()).status_code == 200

    editor_client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "send_to_draft", "_selected_action": [article.pk]},
    )
    assert client.get(public_url).status_code == 404
    assert client.get(naek.get_absolute_url()).status_code == 404


def test_merging_moves_every_relation_and_keeps_the_names(editor_client, seeds_imported):
    client = Client()
    cqu = Organization.objects.get(name="Chongqing University")
    duplicate = Organization.objects.create(name="CQU", slug="cqu", acronym="CQU")
    wang = Person.objects.get(name="Wang Xu")
    Position.objects.create(person=wang, organization=duplicate, title="professor")
    mou = Agreement.objects.get()
    mou.parties.add(duplicate)
    event = Event.objects.get(name="China-Korea Industry Forum")
    event.participants.create(organization=duplicate, role="organizer")
    article = Article.objects.get(source_file__startswith="001_")
    Mention.objects.create(
        article=article,
        kind="name",
        start=0,
        end=3,
        quote="Mr.",
        confidence=0.4,
        organization=duplicate,
    )

    changelist = reverse("admin:archive_organization_changelist")
    selection = {"action": "merge_selected", "_selected_action": [cqu.pk, duplicate.pk]}
    confirm = editor_client.post(changelist, selection)
    assert confirm.status_code == 200
    assert b"Keep which of these organizations?" in confirm.content
    response = editor_client.post(changelist, {**selection, "apply": "yes", "survivor": cqu.pk})
    assert response.status_code == 302

    duplicate.refresh_from_db()
    assert duplicate.merged_into == cqu
    assert not duplicate.mentions.exists()
    assert not duplicate.positions.exists()
    assert Position.objects.filter(person=wang, organization=cqu, title="professor").exists()
    assert list(mou.parties.all()).count(cqu) == 1
    assert duplicate not in mou.parties.all()
    assert event.participants.filter(organization=cqu, role="organizer").exists()
    assert set(cqu.aliases.values_list("name", flat=True)) >= {"CQU"}

    article.status = ArticleStatus.PUBLISHED
    article.save()
    response = client.get(reverse("organization-detail", args=[duplicate.slug]))
    assert response.status_code == 301
    assert response["Location"] == cqu.get_absolute_url()


def test_merging_people_needs_two(editor_client, seeds_imported):
    yang = Person.objects.get(name="Yang Dan")
    response = editor_client.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_selected", "_selected_action": [yang.pk]},
        follow=True,
    )
    assert b"Select two or more people to merge." in response.content


def test_the_review_queue_puts_the_least_sure_first(editor_client, seeds_imported):
    response = editor_client.get(reverse("admin:archive_mention_changelist"))
    shown = list(response.context["cl"].result_list)
    confidences = [mention.confidence for mention in shown]
    assert confidences == sorted(confidences)
    assert shown[0].review_status == ReviewStatus.UNREVIEWED
    assert b"<mark>" in response.content


def test_confirming_and_rejecting_from_the_queue(editor_client, seeds_imported):
    stepi = Organization.objects.get(acronym="STEPI")
    mentions = list(stepi.mentions.values_list("pk", flat=True))
    changelist = reverse("admin:archive_mention_changelist")
    editor_client.post(changelist, {"action": "reject", "_selected_action": mentions})
    assert set(stepi.mentions.values_list("review_status", flat=True)) == {"rejected"}
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    assert not Organization.objects.public().filter(pk=stepi.pk).exists()
    editor_client.post(changelist, {"action": "confirm", "_selected_action": mentions[:1]})
    assert Organization.objects.public().filter(pk=stepi.pk).exists()


def test_hiding_an_entity_takes_it_off_the_site(editor_client, seeds_imported):
    client = Client()
    Article.objects.update(status=ArticleStatus.PUBLISHED)
    keti = Organization.objects.get(acronym="KETI")
    assert client.get(keti.get_absolute_url()).status_code == 200
    editor_client.post(
        reverse("admin:archive_organization_changelist"),
        {"action": "hide", "_selected_action": [keti.pk]},
    )
    assert client.get(keti.get_absolute_url()).status_code == 404


def test_deleting_in_the_admin_leaves_a_tombstone(editor_client, seeds_imported, run_import):
    alibaba = Organization.objects.get(name="Alibaba Group")
    response = editor_client.post(admin_url(alibaba, "delete"), {"post": "yes"})
    assert response.status_code == 302
    seed = next(seeds_imported.glob("000_*"))
    seed.write_text(seed.read_text() + "\n\nAlibaba Group hosted a dinner.")
    run_import(seeds_imported)
    assert not Organization.objects.filter(name="Alibaba Group").exists()


@pytest.mark.parametrize(
    ("changelist", "make"),
    [
        (
            "archive_organization",
            lambda n: Organization.objects.create(
                name=f"Institute {n}", slug=make_slug(f"institute {n}")
            ),
        ),
        (
            "archive_article",
            lambda n: Article.objects.create(
                title=f"Article {n}",
                slug=f"article-{n}",
                raw_text="x",
                body="x",
                content_hash=f"h{n}",
                source_file=f"{n}.txt",
            ),
        ),
    ],
)
def test_changelist_queries_do_not_grow_with_rows(editor_client, changelist, make):
    url = reverse(f"admin:{changelist}_changelist")

    def queries_for(count):
        for n in range(Organization.objects.count() + Article.objects.count(), count):
            make(n)
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(url).status_code == 200
        return len(captured)

    assert queries_for(10) == queries_for(60)


def test_large_changelists_show_an_estimate_small_ones_a_count(
    editor_client, seeds_imported, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the row estimate is PostgreSQL's; SQLite counts its small tables exactly")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_mention")
    url = reverse("admin:archive_mention_changelist")
    unreviewed = Mention.objects.filter(review_status="unreviewed").count()

    def page(settings_threshold, **filters):
        settings.ADMIN_EXACT_COUNT_BELOW = settings_threshold
        with CaptureQueriesContext(connection) as captured:
            response = editor_client.get(url, filters)
        assert response.status_code == 200
        counted = any("COUNT(" in q["sql"].upper() for q in captured)
        return response, counted

    for filters in ({}, {"review_status__exact": "unreviewed"}):
        response, counted = page(1, **filters)
        assert not counted
        assert "About " in response.content.decode()
    response, counted = page(10_000, review_status__exact="unreviewed")
    assert counted
    assert response.context["cl"].result_count == unreviewed
    assert "About " not in response.content.decode()
