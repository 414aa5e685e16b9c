"""The console: undoing a merge, merged records kept out of lists, the review queue's
filters and every decision on record."""

import pytest
from django.urls import reverse

from archive.models import Article, ArticleStatus, Mention, Merge, Organization, ReviewStatus
from archive.services import merge_organizations

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:archive_mention_changelist")
ORGANIZATIONS = reverse("admin:archive_organization_changelist")


def shown(response) -> list:
    return list(response.context["cl"].result_list)


def test_merged_records_are_hidden_unless_asked(editor_client, seeds_imported):
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    merge_organizations(survivor=cqu, others=[keti])
    assert keti not in shown(editor_client.get(ORGANIZATIONS))
    assert shown(editor_client.get(ORGANIZATIONS, {"merged": "yes"})) == [keti]
    assert keti in shown(editor_client.get(ORGANIZATIONS, {"merged": "all"}))


def test_an_editor_undoes_a_merge_in_the_console(editor_client, editor, seeds_imported):
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    own = set(keti.mentions.values_list("pk", flat=True))
    selection = {"action": "merge_selected", "_selected_action": [cqu.pk, keti.pk]}
    editor_client.post(ORGANIZATIONS, {**selection, "apply": "yes", "survivor": cqu.pk})
    merge = Merge.objects.get()
    assert (merge.merged_by, merge.interface) == (editor, "admin")

    response = editor_client.post(
        ORGANIZATIONS + "?merged=yes",
        {"action": "unmerge_selected", "_selected_action": [keti.pk]},
        follow=True,
    )
    assert "Unmerged Korea Electronics Technology Institute" in response.content.decode()
    keti.refresh_from_db()
    assert keti.merged_into is None
    assert set(keti.mentions.values_list("pk", flat=True)) == own
    history = editor_client.get(reverse("admin:archive_organization_history", args=[keti.pk]))
    assert "merged into Chongqing University" in history.content.decode()
    assert "unmerged from Chongqing University" in history.content.decode()
    merges = editor_client.get(reverse("admin:archive_merge_changelist"))
    assert merges.status_code == 200
    assert shown(merges)[0].undone_by == editor


def test_every_decision_is_on_record_and_filters_by_reviewer(
    editor_client, editor, seeds_imported, django_user_model
):
    mention = Mention.objects.order_by("pk").first()
    editor_client.post(QUEUE, {"action": "reject", "_selected_action": [mention.pk]})
    editor_client.post(QUEUE, {"action": "confirm", "_selected_action": [mention.pk]})
    page = editor_client.get(reverse("admin:archive_mention_change", args=[mention.pk]))
    record = page.content.decode()
    assert "Rejected by editor (via admin)" in record
    assert "Confirmed by editor (via admin)" in record

    by_editor = shown(editor_client.get(QUEUE, {"reviewer": editor.pk}))
    assert by_editor == [Mention.objects.get(pk=mention.pk)]
    nobody = django_user_model.objects.create_user("nobody", password="nobody-2026-x")
    assert shown(editor_client.get(QUEUE, {"reviewer": nobody.pk})) == []


def test_the_queue_filters_by_article_status_confidence_and_target(editor_client, seeds_imported):
    article = Article.objects.get(source_file__startswith="001_")
    of_article = shown(editor_client.get(QUEUE, {"article": article.pk}))
    assert of_article
    assert {m.article_id for m in of_article} == {article.pk}

    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)
    published = shown(editor_client.get(QUEUE, {"article_status": "published"}))
    assert {m.article_id for m in published} == {article.pk}

    sure = shown(editor_client.get(QUEUE, {"confidence": "top"}))
    assert sure
    assert all(m.confidence >= 0.9 for m in sure)
    unsure = shown(editor_client.get(QUEUE, {"confidence": "low"}))
    assert all(m.confidence < 0.5 for m in unsure)

    people = shown(editor_client.get(QUEUE, {"supports": "person"}))
    assert people
    assert all(m.person_id for m in people)
    keti = Organization.objects.get(acronym="KETI")
    of_keti = shown(editor_client.get(QUEUE, {"organization": keti.pk}))
    assert of_keti
    assert {m.organization_id for m in of_keti} == {keti.pk}


def test_a_list_edit_is_on_record(editor_client, editor, seeds_imported):
    page = editor_client.get(QUEUE)
    rows = shown(page)
    formset = page.context["cl"].formset
    data = {
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": len(rows),
        "_save": "Save",
    }
    for index, mention in enumerate(rows):
        data[f"form-{index}-id"] = mention.pk
        data[f"form-{index}-review_status"] = mention.review_status
    data["form-0-review_status"] = ReviewStatus.CONFIRMED
    assert formset is not None
    response = editor_client.post(QUEUE, data)
    assert response.status_code == 302
    changed = Mention.objects.get(pk=rows[0].pk)
    assert changed.review_status == ReviewStatus.CONFIRMED
    entries = list(changed.history.all())
    assert [(e.history_user, e.history_change_reason) for e in entries] == [(editor, "admin")]
    assert sum(m.history.count() for m in Mention.objects.filter(pk__in=[r.pk for r in rows])) == 1
