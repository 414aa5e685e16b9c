"""Merging duplicate organizations or people in the console, and undoing a merge
(archive.merging does both; here are the actions, the filter and the list of merges)."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive.merging import UnmergeError, unmerge
from archive.models import Merge, Organization, Person


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=None, widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = queryset


def merge_action(merge, noun: str):
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
            merge(survivor=survivor, others=others, user=request.user, interface="admin")
            names = ", ".join(record.name for record in others)
            modeladmin.message_user(
                request,
                f"Merged {names} into {survivor.name}. To undo it, show merged records "
                "and use “Undo the merge of the selected records”.",
                messages.SUCCESS,
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


@admin.action(description="Undo the merge of the selected records", permissions=["change"])
def unmerge_selected(modeladmin, request, queryset):
    done = []
    for record in queryset.order_by("-updated_at"):
        try:
            unmerge(record, user=request.user, interface="admin")
        except UnmergeError as problem:
            modeladmin.message_user(request, str(problem), messages.WARNING)
        else:
            done.append(record.name)
    if done:
        modeladmin.message_user(
            request, f"Unmerged {', '.join(done)}: back on its own.", messages.SUCCESS
        )


class MergedFilter(admin.SimpleListFilter):
    """Merged records are pointers to their survivor: left out of the list unless asked."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("no", "Not merged"), ("yes", "Merged into another"), ("all", "All")]

    def choices(self, changelist):
        current = self.value() or "no"
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.filter(merged_into__isnull=self.value() != "yes")


@admin.action(description="Undo the selected merges", permissions=["change"])
def undo_merges(modeladmin, request, queryset):
    models = {Merge.Kind.ORGANIZATION: Organization, Merge.Kind.PERSON: Person}
    records = [
        models[merge.kind].objects.filter(pk=merge.merged_id).first()
        for merge in queryset.filter(undone_at__isnull=True)
    ]
    unmerge_selected(modeladmin, request, _Records([r for r in records if r is not None]))


class _Records(list):
    def order_by(self, *fields):
        return self


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    """Every merge, who made it and from where, and whether it was undone."""

    list_display = (
        "merged",
        "survivor",
        "kind",
        "merged_at",
        "merged_by",
        "interface",
        "undone_at",
    )
    list_filter = ("kind", ("undone_at", admin.EmptyFieldListFilter), "interface")
    search_fields = ("merged_name", "survivor_name")
    fields = (*list_display, "undone_by", "moved")
    readonly_fields = fields
    actions = (undo_merges,)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("archive.change_organization")

    def _link(self, merge, pk, name):
        url = reverse(f"admin:archive_{merge.kind}_change", args=[pk])
        return format_html('<a href="{}">{}</a>', url, name)

    @admin.display(description="Merged record")
    def merged(self, merge):
        return self._link(merge, merge.merged_id, merge.merged_name)

    @admin.display(description="Into")
    def survivor(self, merge):
        return self._link(merge, merge.survivor_id, merge.survivor_name)
