"""The review queue: mentions, least sure first, narrowed by article, article status,
confidence, the kind of record they support and who reviewed them. Every decision goes
through archive.services.review_mentions (or a save with its reason), so the mention's
history says who decided, when, and from which interface."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from archive.models import PUBLIC_RECORDS, Article, ArticleStatus, Mention, ReviewStatus
from archive.services import review_mentions
from curation.common import EstimatedCountPaginator, quote_in_context
from curation.precision import precision_view


@admin.action(description="Confirm the selected mentions", permissions=["change"])
def confirm(modeladmin, request, queryset):
    count = review_mentions(queryset, status=ReviewStatus.CONFIRMED, user=request.user)
    modeladmin.message_user(request, f"{count} mentions confirmed.", messages.SUCCESS)


@admin.action(description="Reject the selected mentions", permissions=["change"])
def reject(modeladmin, request, queryset):
    count = review_mentions(queryset, status=ReviewStatus.REJECTED, user=request.user)
    modeladmin.message_user(request, f"{count} mentions rejected.", messages.SUCCESS)


class ArticleFilter(admin.SimpleListFilter):
    """One article's mentions (?article=ID), reached from the article's page (“Review its
    mentions”); listing candidate articles here would read the mentions on every page."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        chosen = self.value()
        if not (chosen and chosen.isdigit()):
            return []
        return [
            (str(pk), title[:60])
            for pk, title in Article.objects.filter(pk=chosen).values_list("pk", "title")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(article_id=self.value())
        return queryset


class ArticleStatusFilter(admin.SimpleListFilter):
    """The status of the mention's article. (Candidate duplicates have no mentions until an
    editor keeps them: archive.importing.near_copies.)"""

    title = "article status"
    parameter_name = "article_status"

    def lookups(self, request, model_admin):
        return ArticleStatus.choices

    def queryset(self, request, queryset):
        if self.value() in ArticleStatus.values:
            return queryset.filter(article__status=self.value())
        return queryset


CONFIDENCE_RANGES = {
    "low": ("below 0.5", 0, 0.5),
    "middle": ("0.5 to 0.7", 0.5, 0.7),
    "high": ("0.7 to 0.9", 0.7, 0.9),
    "top": ("0.9 and above", 0.9, 1.01),
}


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _, _) in CONFIDENCE_RANGES.items()]

    def queryset(self, request, queryset):
        if self.value() in CONFIDENCE_RANGES:
            _, low, high = CONFIDENCE_RANGES[self.value()]
            return queryset.filter(confidence__gte=low, confidence__lt=high)
        return queryset


TARGETS = PUBLIC_RECORDS


class TargetFilter(admin.SimpleListFilter):
    """The kind of record the mention supports: the person of a position, the
    organization of a party. One record's mentions: ?organization=ID (and so on)."""

    title = "supports"
    parameter_name = "supports"

    def lookups(self, request, model_admin):
        return [
            (kind, f"an {kind}" if kind[0] in "aeo" else f"a {kind}") for kind in PUBLIC_RECORDS
        ]

    def queryset(self, request, queryset):
        if self.value() in PUBLIC_RECORDS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


class ReviewerFilter(admin.SimpleListFilter):
    """Mentions an editor confirmed or rejected (any decision on record)."""

    title = "reviewer"
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        """Staff accounts: who can review (not read from the decisions, which grow)."""
        users = get_user_model().objects.filter(is_staff=True).order_by("username")
        return [(str(user.pk), user.get_username()) for user in users]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            reviewed = Mention.history.filter(history_user_id=self.value()).values("id")
            return queryset.filter(pk__in=reviewed)
        return queryset


class MentionAdmin(admin.ModelAdmin):
    """The review queue: what the extraction was least sure of comes first, unreviewed
    before reviewed. Confirm or reject in the list; correct a record through its link."""

    list_display = ("context", "kind", "supports", "confidence", "review_status", "source")
    list_editable = ("review_status",)
    list_filter = (
        "review_status",
        "kind",
        TargetFilter,
        ConfidenceFilter,
        ArticleStatusFilter,
        ReviewerFilter,
        ArticleFilter,
    )
    list_select_related = ("article", "organization", "person", "agreement", "event")
    search_fields = ("quote",)
    autocomplete_fields = ("organization", "person", "agreement", "event")
    readonly_fields = ("article", "start", "end", "quote", "confidence", "context", "record")
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
        "record",
    )
    actions = (confirm, reject)
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    # "unreviewed" sorts after "rejected" and "confirmed": descending, it comes first.
    ordering = ("-review_status", "confidence", "id")

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(precision_view(self.admin_site))
        return [
            path("precision/", view, name="archive_mention_precision"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        # One record's mentions, from its page: ?organization=ID, ?person=ID...
        for kind in PUBLIC_RECORDS:
            value = request.GET.get(kind)
            if value and value.isdigit():
                queryset = queryset.filter(**{f"{kind}_id": value})
        return queryset

    def lookup_allowed(self, lookup, value, request=None):
        return lookup in PUBLIC_RECORDS or super().lookup_allowed(lookup, value, request)

    def save_model(self, request, obj, form, change):
        """A decision or a correction, on record with the interface; nothing changed,
        nothing saved (no empty history entry)."""
        if form.changed_data:
            obj._change_reason = "admin"
            obj.save()

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

    @admin.display(description="Review record")
    def record(self, mention):
        """Every decision on this mention: when, who, from which interface."""
        entries = mention.history.select_related("history_user").order_by("history_date")
        rows = [
            (
                entry.history_date.strftime("%Y-%m-%d %H:%M"),
                entry.get_review_status_display(),
                entry.history_user.get_username() if entry.history_user else "—",
                entry.history_change_reason or "—",
            )
            for entry in entries
        ]
        if not rows:
            return "No decision yet: as the import wrote it."
        return format_html(
            '<ul class="review-record">{}</ul>',
            format_html_join("", "<li>{}: {} by {} (via {})</li>", rows),
        )
