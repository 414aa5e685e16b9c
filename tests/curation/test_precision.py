"""Editors see the extraction's precision by their own decisions, overall and per run."""

import pytest
from django.urls import reverse

from archive.models import ImportRun, Mention, ReviewStatus
from archive.services import review_mentions
from curation.precision import decisions

pytestmark = pytest.mark.django_db


def test_precision_per_kind_overall_and_per_run(editor_client, seed_dir, run_import, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    seeds = sorted(seed_dir.glob("*.txt"))
    for seed in seeds[:3]:
        (first / seed.name).write_text(seed.read_text())
    run_import(first)
    names = Mention.objects.filter(kind="name").order_by("pk")
    review_mentions(
        names.filter(pk__in=list(names.values_list("pk", flat=True)[:3])),
        status=ReviewStatus.CONFIRMED,
    )
    review_mentions(
        names.filter(pk__in=list(names.values_list("pk", flat=True)[3:4])),
        status=ReviewStatus.REJECTED,
    )
    run_import(seed_dir)  # the other two seeds: a second run
    later = ImportRun.objects.order_by("-id").first()
    in_later = Mention.objects.filter(
        id__range=(later.first_mention_id, later.last_mention_id), kind="position"
    )
    review_mentions(in_later.filter(pk=in_later.first().pk), status=ReviewStatus.REJECTED)

    overall = {row.kind: row for row in decisions(Mention.objects.all())}
    assert (overall["Named"].confirmed, overall["Named"].rejected) == (3, 1)
    assert overall["Named"].precision == "0.75"
    assert (overall["All facts"].confirmed, overall["All facts"].rejected) == (3, 2)
    assert ImportRun.objects.count() == 2

    page = editor_client.get(reverse("admin:archive_mention_precision"))
    assert page.status_code == 200
    runs = page.context["runs"]
    assert len(runs) == 2
    by_run = {run.pk: {row.kind: row for row in rows} for run, rows in runs}
    assert by_run[later.pk]["Position held"].rejected == 1
    assert by_run[later.pk]["Named"].confirmed == 0
    assert "0.75" in page.content.decode()
    queue = editor_client.get(reverse("admin:archive_mention_changelist"))
    assert reverse("admin:archive_mention_precision") in queue.content.decode()
