"""The import's closing summary counts records, each once, however many articles name it."""

import re

import pytest

from archive.models import Event, Organization, Person, Position

pytestmark = pytest.mark.django_db


def _count(out: str, kind: str, outcome: str) -> int:
    line = next(line for line in out.splitlines() if line.strip().startswith(kind))
    found = re.search(rf"(\d+) {outcome}", line)
    return int(found.group(1)) if found else 0


def test_the_summary_counts_each_record_once(seed_dir, run_import):
    code, out, _ = run_import(seed_dir)
    assert code == 0
    assert _count(out, "organizations", "created") == Organization.objects.count()
    assert _count(out, "persons", "created") == Person.objects.count()
    assert _count(out, "positions", "created") == Position.objects.count()
    assert _count(out, "events", "created") == Event.objects.count()
    assert _count(out, "organizations", "unchanged") == 0  # named again in the run: created

    for seed in seed_dir.glob("*.txt"):  # every article changes and names its records again
        seed.write_text(seed.read_text() + "\n\nThis article was corrected.")
    code, out, _ = run_import(seed_dir)
    named_again = _count(out, "organizations", "updated") + _count(
        out, "organizations", "unchanged"
    )
    assert 0 < named_again <= Organization.objects.count()
    assert _count(out, "persons", "unchanged") <= Person.objects.count()
