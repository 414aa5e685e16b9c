"""The editors' console: the Django admin over the archive.

Every save goes through archive.services, so a field an editor changes is locked against
later imports and history records who changed what, from the admin."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
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
    fold_near_copies,
    keep_near_copies,
    keep_stored_values,
    merge_organizations,
    merge_people,
    save_editor_changes,
    set_article_status,
    unlock_fields,
)
from curation.common import EstimatedCountPaginator, quote_in_context
from curation.merges import MergedFilter, merge_action, unmerge_selected
from curation.review import MentionAdmin

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


@admin.action(
    description="Keep the selected near-copies as articles of their own", permissions=["change"]
)
def keep_near_copies_action(modeladmin, request, queryset):
    count = keep_near_copies(queryset, interface="admin")
    modeladmin.message_user(
        request,
        f"{count} kept: in review, with their facts for the review queue.",
        messages.SUCCESS,
    )


@admin.action(
    description="Fold the selected near-copies into their originals", permissions=["change"]
)
def fold_near_copies_action(modeladmin, request, queryset):
    count = fold_near_copies(queryset, interface="admin")
    modeladmin.message_user(
        request, f"{count} folded: kept only as copies of their originals.", messages.SUCCESS
    )


class NearCopyFilter(admin.SimpleListFilter):
    """Pages the import held as nearly the same as an article in the archive."""

    title = "near-copies"
    parameter_name = "near_copy"

    def lookups(self, request, model_admin):
        return [("waiting", "Awaiting a decision"), ("folded", "Folded into the original")]

    def queryset(self, request, queryset):
        held = queryset.filter(status=ArticleStatus.DUPLICATE)
        if self.value() == "waiting":
            return held.exclude(locked_fields__icontains='"status"')
        if self.value() == "folded":
            return held.filter(locked_fields__icontains='"status"')
        return queryset


@admin.register(Article)
class ArticleAdmin(CuratedAdmin):
    list_display = (
        "title",
        "published_on",
        "date_precision",
        "status",
        "duplicate_of",
        "source",
        "updated_at",
    )
    list_select_related = ("duplicate_of",)
    list_filter = ("status", NearCopyFilter, "date_precision", "date_inferred", "language")
    search_fields = ("title", "source", "source_file")
    date_hierarchy = "published_on"
    actions = [
        publish,
        send_to_review,
        send_to_draft,
        keep_near_copies_action,
        fold_near_copies_action,
    ]
    readonly_fields = (
        "duplicate_of",
        "review_link",
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
                    ("status", "duplicate_of"),
                    "review_link",
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

    @admin.display(description="Review")
    def review_link(self, obj):
        url = reverse("admin:archive_mention_changelist")
        return format_html('<a href="{}?article={}">Review its mentions</a>', url, obj.pk)

    @admin.display(description="Raw text as imported")
    def raw_text_display(self, obj):
        return format_html('<pre class="raw-text">{}</pre>', obj.raw_text)


# -- organizations and people -----------------------------------------------------------------


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
    list_filter = ("kind", "country", "hidden", MergedFilter, NeedsReviewFilter)
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
    actions = [merge_action(merge_organizations, "organizations"), unmerge_selected, hide, unhide]


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
    list_filter = ("nationality", "hidden", MergedFilter, NeedsReviewFilter)
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
    actions = [merge_action(merge_people, "people"), unmerge_selected, hide, unhide]


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


# -- the review queue (curation.review) -------------------------------------------------------

admin.site.register(Mention, MentionAdmin)


@admin.register(Tombstone)
class TombstoneAdmin(admin.ModelAdmin):
    """Deleted records the import will not bring back; delete a tombstone to allow it."""

    list_display = ("name", "kind", "key", "deleted_at")
    list_filter = ("kind",)
    search_fields = ("name", "key")
    readonly_fields = ("kind", "key", "name", "deleted_at")

    def has_add_permission(self, request):
        return False
