"""The extraction's precision as editors experience it: per kind of fact, how many
mentions editors confirmed and rejected, overall and per import run."""

from dataclasses import dataclass

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count
from django.template.response import TemplateResponse

from archive.models import ImportRun, Mention, MentionKind, ReviewStatus

RUNS_SHOWN = 20


@dataclass
class Row:
    kind: str
    confirmed: int = 0
    rejected: int = 0
    unreviewed: int = 0

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.rejected

    @property
    def precision(self) -> str:
        """Confirmed among reviewed: what an editor finds right of what the import wrote."""
        return f"{self.confirmed / self.reviewed:.2f}" if self.reviewed else "—"


def decisions(mentions) -> list[Row]:
    """Per kind of fact, the mentions' decisions; a last row sums them."""
    rows = {kind: Row(label) for kind, label in MentionKind.choices}
    counted = mentions.order_by().values_list("kind", "review_status").annotate(n=Count("id"))
    for kind, status, n in counted:
        if kind in rows and status in ReviewStatus.values:
            setattr(rows[kind], status, n)
    total = Row("All facts")
    for row in rows.values():
        total.confirmed += row.confirmed
        total.rejected += row.rejected
        total.unreviewed += row.unreviewed
    return [*(row for row in rows.values() if row.reviewed or row.unreviewed), total]


def precision_view(admin_site):
    @staff_member_required
    def view(request):
        runs = [
            (
                run,
                decisions(
                    Mention.objects.filter(id__range=(run.first_mention_id, run.last_mention_id))
                ),
            )
            for run in ImportRun.objects.exclude(first_mention_id=None)[:RUNS_SHOWN]
        ]
        return TemplateResponse(
            request,
            "curation/precision.html",
            {
                **admin_site.each_context(request),
                "title": "Extraction precision, by editors' decisions",
                "overall": decisions(Mention.objects.all()),
                "runs": runs,
            },
        )

    return view
