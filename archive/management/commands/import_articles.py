"""Fill the archive from saved news pages: the one way articles enter it in bulk.

Pages come as text files, HTML files or the HTML responses of WARC web archives. A bad page
never leaves half an article behind; re-running on the same files changes nothing."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.importing.pipeline import (
    BATCH_SIZE,
    ImportFileError,
    collect_paths,
    import_files,
)
from archive.importing.sources import kind_of
from archive.importing.sources.warc import PAGE, SKIPPED
from archive.search import index as search_index

KINDS = ["article", "organization", "person", "position", "agreement", "event", "mention"]
OUTCOMES = ["created", "updated", "unchanged", "known by URL", "removed", "failed"]


class Command(BaseCommand):
    help = (
        "Import saved news pages (.txt, .html, .htm) and WARC web archives (.warc, .warc.gz): "
        "files, folders or glob patterns."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders or glob patterns")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish imported articles at once (demo data, trusted sources); "
            "otherwise they wait in review",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change, write nothing"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="files written per transaction (default %(default)s); a failing batch is "
            "written again file by file; 1 commits every file on its own",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that parse and extract while this one writes "
            "(default: one per other core; 0 for none)",
        )

    def handle(self, *args, paths, publish, dry_run, no_progress, workers, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        try:
            files = collect_paths(paths)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        if not files:
            raise CommandError("no article files found in " + ", ".join(paths))

        bar = tqdm(disable=True)

        def on_start(pages):
            nonlocal bar
            bar = tqdm(
                total=pages, unit="page", disable=no_progress or pages < 20, file=self.stderr._out
            )

        def on_progress(label, error):
            bar.update(1)
            if error:
                bar.write(self.style.ERROR(f"{label}: {error}"), file=self.stderr._out)

        report = import_files(
            files,
            publish=publish,
            dry_run=dry_run,
            workers=workers,
            batch_size=batch_size,
            on_start=on_start,
            on_progress=on_progress,
        )
        bar.close()
        if not dry_run:  # what was imported is found at once (archive.search.index)
            searchable = search_index.in_step(build_inline=True).searcher().num_docs

        counts = report.changes.counts
        heading = "Dry run, nothing written. Would have:" if dry_run else "Imported:"
        self.stdout.write(heading)
        for kind in KINDS:
            row = ", ".join(
                f"{counts[(kind, outcome)]} {outcome}" + _decisions(counts, kind, outcome)
                for outcome in OUTCOMES
                if counts[(kind, outcome)] or (kind == "article" and outcome in OUTCOMES[:3])
            )
            if row:
                self.stdout.write(f"  {kind + 's':<14} {row}")
        if not dry_run:
            self.stdout.write(f"  {'search index':<14} {searchable} published articles")
        held = counts[("article", "near-copy")]
        if held:
            self.stdout.write(
                f"  {'near-copies':<14} {held} held for an editor: nearly the same text as an "
                "article in the archive (admin: articles, status “Candidate duplicate”)"
            )
        records = report.records
        if records:
            skipped = ", ".join(_count(records[kind], kind) for kind in SKIPPED if records[kind])
            self.stdout.write(
                f"  {'WARC records':<14} {records.total()} read: {_count(records[PAGE], PAGE)}"
                + (f"; skipped {skipped}" if skipped else "")
            )
        # a WARC holds many pages: then pages are counted, not files
        warcs = any(kind_of(path) == "warc" for path in files)
        noun = "pages" if warcs else "files"
        if report.failures:
            raise CommandError(f"{len(report.failures)} of {report.files} {noun} failed")
        read = f"{report.files} {noun} read" + (f" from {len(files)} files" if warcs else "")
        self.stdout.write(self.style.SUCCESS(read + "."))


def _decisions(counts, kind: str, outcome: str) -> str:
    """Mentions removed because their text is gone: how many carried an editor's decision."""
    if (kind, outcome) != ("mention", "removed"):
        return ""
    reviewed = counts[("mention", "removed reviewed")]
    return f" ({reviewed} of them reviewed)" if reviewed else " (none reviewed)"


def _count(n: int, kinds: str) -> str:
    """ "1 redirect", "2 redirects", "1 not HTML" """
    return f"{n} {kinds if n != 1 or not kinds.endswith('s') else kinds[:-1]}"
