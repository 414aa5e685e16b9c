"""Build the figures computed ahead (archive.summary) now: after an import, before the
site serves, so that no reader meets them unbuilt; pages build them again by themselves
when the archive changes."""

import time

from django.core.management.base import BaseCommand

from archive import summary


class Command(BaseCommand):
    help = "Build the figures computed ahead from the public archive (archive.summary)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        state = summary.rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Figures built from revision {state.revision} "
                f"in {time.perf_counter() - started:.1f} s."
            )
        )
