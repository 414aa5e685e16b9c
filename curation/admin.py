"""The editors' console: the Django admin over the archive.

Every save goes through archive.services, so a field an editor changes is locked against
later imports and history records who changed what, from the admin."""

import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db import connection
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    EventParticipant,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Position,
    ReviewStatus,
    Signatory,
    Tombstone,
)
from archive.services import (
    edited_fields,
    keep_stored_values,
    merge_organizations,
    merge_people,
    save_editor_changes,
    set_article_status,
    unlock_fields,
)

CONTEXT_CHARS = 80


def quote_in_context(mention: Mention):
    """The quoted span, marked, with the text around it in the article."""
    body = mention.article.body
    return format_html(
        '<span class="mention-context">…{}<mark>{}</mark>{}…</span>',
        body[max(0, mention.start - CONTEXT_CHARS) : mention.start],
        body[mention.start : mention.end],
        body[mention.end : mention.end + CONTEXT_CHARS],
    )


class EstimatedCountPaginator(Paginator):
    """A changelist of many rows shows PostgreSQL's estimate of their number (the page says
    "about") instead of counting them on every page load: counting the 2.4 million
    unreviewed mentions of a 100,000-article archive takes 180 ms. Lists the estimate puts
    under ADMIN_EXACT_COUNT_BELOW, and every list on SQLite, are counted."""

    estimated = False

    @cached_property
    def count(self) -> int:
        if connection.vendor == "postgresql":
            estimate = self._estimate()
            if estimate >= settings.ADMIN_EXACT_COUNT_BELOW:
                self.estimated = True
                return estimate
        return super().count

    def _estimate(self) -> int:
        query = self.object_list.query
        with connection.cursor() as cursor:
            if not query.where:  # the table's own statistics
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                return cursor.fetchone()[0]
            sql, params = self.object_list.order_by().values("pk").query.sql_with_params()
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return int(plan[0]["Plan"]["Plan Rows"])


# -- curated records: locks shown, unlocked on request ----------------------------------------


class CuratedForm(forms.ModelForm):
    unlock = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Hand these fields back to the import: a changed article may rewrite them.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locked = self.instance.locked_fields if self.instance.pk else []
        self.fields["unlock"].choices = [(name, name) for name in locked]
        if not locked:
            self.fields["unlock"].widget = forms.MultipleHiddenInput()


class CuratedAdmin(SimpleHistoryAdmin):
    form = CuratedForm
    paginator = EstimatedCountPaginator
    show_full_result_count = False  # no second COUNT(*) over the whole table per page

    @admin.display(description="Locked against the import")
    def locked(self, obj):
        return ", ".join(obj.locked_fields) or "nothing"

    def save_model(self, request, obj, form, change):
        """An edit, or a revert from history (whose form starts from the old version, so
        Django sees no change): either way the fields whose values differ from the stored
        record are the editor's, and are locked."""
        shown = [name for name in form.fields if name != "unlock"]
        edited = set(form.changed_data) - {"unlock"}
        if change:
            keep_stored_values(obj, except_fields=shown)
            edited |= set(edited_fields(obj, [n for n in shown if n in form.cleaned_data]))
        reason = "admin: reverted" if getattr(request, "reverting", False) else "admin"
        save_editor_changes(obj, changed_fields=edited, interface=reason)
        if form.cleaned_data.get("unlock"):
            unlock_fields(obj, fields=form.cleaned_data["unlock"], interface="admin")

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)


# -- articles ---------------------------------------------------------------------------------


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ("kind", "context", "target", "confidence", "review_status")
    readonly_fields = ("kind", "context", "target", "confidence")
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article", "organization", "person", "agreement", "event")
        )

    def has_add_permission(self, request, obj=None):
        return False  # mentions come from the import; editors review them

    @admin.display(description="Quote in context")
    def context(self, mention):
        return quote_in_context(mention)

    @admin.display(description="Supports")
    def target(self, mention):
        return " / ".join(
            str(record)
            for record in (mention.organization, mention.person, mention.agreement, mention.event)
            if record is not None
        )


@admin.action(description="Publish the selected articles", permissions=["change"])
def publish(modeladmin, request, queryset):
    count = set_article_status(queryset, status=ArticleStatus.PUBLISHED)
    modeladmin.message_user(request, f"{count} articles published.", messages.SUCCESS)


@admin.action(description="Send the selected articles to review", permissions=["change"])
def send_to_review(modeladmin, request, queryset):
    count = set_article_status(queryset, status=ArticleStatus.REVIEW)
    modeladmin.message_user(request, f"{count} articles sent to review.", messages.SUCCESS)


@admin.action(description="Move the selected articles back to draft", permissions=["change"])
def send_to_draft(modeladmin, request, queryset):
    count = set_article_status(queryset, status=ArticleStatus.DRAFT)
    modeladmin.message_user(request, f"{count} articles moved to draft.", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(CuratedAdmin):
    list_display = ("title", "published_on", "date_precision", "status", "source", "updated_at")
    list_filter = ("status", "date_precision", "date_inferred", "language")
    search_fields = ("title", "source", "source_file")
    date_hierarchy = "published_on"
    actions = [publish, send_to_review, send_to_draft]
    readonly_fields = (
        "raw_text_display",
        "content_hash",
        "source_file",
        "captured_at",
        "created_at",
        "updated_at",
        "locked",
    )
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "status",
                    ("published_on", "date_precision", "date_inferred"),
                    "source",
                    "url",
                    "language",
                ]
            },
        ),
        (
            "Text: the cleaned body beside the file as imported",
            {"fields": [("body", "raw_text_display")]},
        ),
        (
            "Record",
            {
                "fields": [
                    "source_file",
                    "captured_at",
                    "content_hash",
                    "created_at",
                    "updated_at",
                    "locked",
                    "unlock",
                ]
            },
        ),
    ]
    inlines = [MentionInline]

    @admin.display(description="Raw text as imported")
    def raw_text_display(self, obj):
        return format_html('<pre class="raw-text">{}</pre>', obj.raw_text)


# -- organizations and people -----------------------------------------------------------------


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=None, widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = queryset


def _merge_action(merge, noun: str):
    @admin.action(description=f"Merge the selected {noun} into one", permissions=["change"])
    def merge_selected(modeladmin, request, queryset):
        queryset = queryset.filter(merged_into__isnull=True)
        if queryset.count() < 2:
            modeladmin.message_user(
                request, f"Select two or more {noun} to merge.", messages.WARNING
            )
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, queryset=queryset)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [record for record in queryset if record.pk != survivor.pk]
            merge(survivor=survivor, others=others)
            names = ", ".join(record.name for record in others)
            modeladmin.message_user(
                request, f"Merged {names} into {survivor.name}.", messages.SUCCESS
            )
            return None
        return TemplateResponse(
            request,
            "curation/merge.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": f"Merge {noun}",
                "noun": noun,
                "form": form,
                "records": queryset,
                "opts": modeladmin.model._meta,
                "action": "merge_selected",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    return merge_selected


@admin.action(description="Hide the selected records from the public", permissions=["change"])
def hide(modeladmin, request, queryset):
    for record in queryset:
        record.hidden = True
        save_editor_changes(record, changed_fields=["hidden"])
    modeladmin.message_user(request, f"{len(queryset)} hidden.", messages.SUCCESS)


@admin.action(description="Show the selected records again", permissions=["change"])
def unhide(modeladmin, request, queryset):
    for record in queryset:
        record.hidden = False
        save_editor_changes(record, changed_fields=["hidden"])
    modeladmin.message_user(request, f"{len(queryset)} shown again.", messages.SUCCESS)


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Has unreviewed mentions")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(mentions__review_status=ReviewStatus.UNREVIEWED).distinct()
        return queryset


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    fields = ("name", "is_acronym")
    extra = 1


class OrganizationPositionInline(admin.TabularInline):
    model = Position
    fk_name = "organization"
    fields = ("person", "title")
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    list_display = ("name", "acronym", "kind", "country", "parent", "hidden", "merged_into")
    list_select_related = ("parent", "merged_into")
    list_filter = ("kind", "country", "hidden", NeedsReviewFilter)
    search_fields = ("name", "acronym", "aliases__name")
    autocomplete_fields = ("parent",)
    readonly_fields = ("merged_into", "created_at", "updated_at", "locked")
    fields = (
        "name",
        "slug",
        "acronym",
        "kind",
        "country",
        "parent",
        "hidden",
        "merged_into",
        "created_at",
        "updated_at",
        "locked",
        "unlock",
    )
    inlines = [OrganizationAliasInline, OrganizationPositionInline]
    actions = [_merge_action(merge_organizations, "organizations"), hide, unhide]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    fields = ("name",)
    extra = 1


class PersonPositionInline(admin.TabularInline):
    model = Position
    fk_name = "person"
    fields = ("title", "organization")
    autocomplete_fields = ["organization"]
    extra = 0


@admin.register(Person)
class PersonAdmin(CuratedAdmin):
    list_display = ("name", "native_name", "nationality", "hidden", "merged_into")
    list_select_related = ("merged_into",)
    list_filter = ("nationality", "hidden", NeedsReviewFilter)
    search_fields = ("name", "native_name", "aliases__name")
    readonly_fields = ("merged_into", "created_at", "updated_at", "locked")
    fields = (
        "name",
        "slug",
        "native_name",
        "nationality",
        "hidden",
        "merged_into",
        "created_at",
        "updated_at",
        "locked",
        "unlock",
    )
    inlines = [PersonAliasInline, PersonPositionInline]
    actions = [_merge_action(merge_people, "people"), hide, unhide]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ("person", "title", "organization")
    list_select_related = ("person", "organization")
    search_fields = ("person__name", "title", "organization__name", "organization__acronym")
    autocomplete_fields = ("person", "organization")
    paginator = EstimatedCountPaginator
    show_full_result_count = False


# -- agreements and events --------------------------------------------------------------------


class SignatoryInline(admin.TabularInline):
    model = Signatory
    fields = ("person", "on_behalf_of")
    autocomplete_fields = ("person", "on_behalf_of")
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(CuratedAdmin):
    list_display = ("title", "kind", "signed_on", "hidden")
    list_filter = ("kind", "hidden", NeedsReviewFilter)
    search_fields = ("title", "summary", "parties__name", "parties__acronym")
    date_hierarchy = "signed_on"
    autocomplete_fields = ("parties",)
    readonly_fields = ("created_at", "updated_at", "locked")
    fields = (
        "title",
        "slug",
        "kind",
        "signed_on",
        "parties",
        "summary",
        "hidden",
        "created_at",
        "updated_at",
        "locked",
        "unlock",
    )
    inlines = [SignatoryInline]
    actions = [hide, unhide]


class ParticipantInline(admin.TabularInline):
    model = EventParticipant
    fields = ("role", "organization", "person")
    autocomplete_fields = ("organization", "person")
    extra = 0


@admin.register(Event)
class EventAdmin(CuratedAdmin):
    list_display = ("name", "kind", "start_date", "end_date", "city", "country", "hidden")
    list_filter = ("kind", "country", "date_precision", "hidden", NeedsReviewFilter)
    search_fields = ("name", "city", "region")
    date_hierarchy = "start_date"
    readonly_fields = ("created_at", "updated_at", "locked")
    fields = (
        "name",
        "slug",
        "kind",
        ("start_date", "end_date", "date_precision"),
        ("city", "region", "country"),
        "hidden",
        "created_at",
        "updated_at",
        "locked",
        "unlock",
    )
    inlines = [ParticipantInline]
    actions = [hide, unhide]


# -- the review queue -------------------------------------------------------------------------


@admin.action(description="Confirm the selected mentions", permissions=["change"])
def confirm(modeladmin, request, queryset):
    count = queryset.update(review_status=ReviewStatus.CONFIRMED)
    modeladmin.message_user(request, f"{count} mentions confirmed.", messages.SUCCESS)


@admin.action(description="Reject the selected mentions", permissions=["change"])
def reject(modeladmin, request, queryset):
    count = queryset.update(review_status=ReviewStatus.REJECTED)
    modeladmin.message_user(request, f"{count} mentions rejected.", messages.SUCCESS)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    """The review queue: what the extraction was least sure of comes first, unreviewed
    before reviewed. Confirm or reject in the list; correct a record through its link."""

    list_display = ("context", "kind", "supports", "confidence", "review_status", "source")
    list_editable = ("review_status",)
    list_filter = ("review_status", "kind")
    list_select_related = ("article", "organization", "person", "agreement", "event")
    search_fields = ("quote",)
    autocomplete_fields = ("organization", "person", "agreement", "event")
    readonly_fields = ("article", "start", "end", "quote", "confidence", "context")
    fields = (
        "article",
        "context",
        "kind",
        "organization",
        "person",
        "agreement",
        "event",
        "start",
        "end",
        "quote",
        "confidence",
        "review_status",
    )
    actions = [confirm, reject]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    # "unreviewed" sorts after "rejected" and "confirmed": descending, it comes first.
    ordering = ("-review_status", "confidence", "id")

    def has_add_permission(self, request):
        return False

    @admin.display(description="Quote in context")
    def context(self, mention):
        return quote_in_context(mention)

    @admin.display(description="Supports")
    def supports(self, mention):
        links = []
        for record in (mention.organization, mention.person, mention.agreement, mention.event):
            if record is not None:
                meta = record._meta
                url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
                links.append(format_html('<a href="{}">{}</a>', url, record))
        return format_html(" / ".join(["{}"] * len(links)), *links) if links else "—"

    @admin.display(description="Article")
    def source(self, mention):
        url = reverse("admin:archive_article_change", args=[mention.article_id])
        return format_html('<a href="{}">{}</a>', url, mention.article.title[:60])


@admin.register(Tombstone)
class TombstoneAdmin(admin.ModelAdmin):
    """Deleted records the import will not bring back; delete a tombstone to allow it."""

    list_display = ("name", "kind", "key", "deleted_at")
    list_filter = ("kind",)
    search_fields = ("name", "key")
    readonly_fields = ("kind", "key", "name", "deleted_at")

    def has_add_permission(self, request):
        return False
