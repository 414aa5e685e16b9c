"""How well the import reads a folder of pages, against what a careful reader wrote down.

    python manage.py evaluate_extraction DIR [--verbose] [--min KIND=VALUE ...]

DIR holds .txt pages and an expected.json in the shape of the extraction corpus's (see its
README). Each page goes through the import's own reading, parsing and extraction; nothing is
written. The scoring rules are in archive/importing/evaluation/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.importing.evaluation import (
    ROWS,
    ExpectedError,
    Score,
    evaluate_folder,
    floor_failures,
    row_names,
)

COLUMNS = ("expected", "found", "hits", "misses", "wrong", "precision", "recall", "F1")


def parse_floor(text: str) -> tuple[str, float | int]:
    """ "event_dates=16" floors the hits, "organizations=0.90" the F1."""
    name, equals, value = text.partition("=")
    name = name.strip().lower().replace("-", "_").replace(" ", "_")
    if not equals or name not in row_names():
        raise CommandError(f"--min {text}: name one of {', '.join(row_names())}, as KIND=VALUE")
    try:
        floor = float(value) if "." in value else int(value)
    except ValueError:
        raise CommandError(
            f"--min {text}: the value is a whole number of hits or a decimal F1"
        ) from None
    return ("pages" if name == "pages" else name.replace("_", " ")), floor


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = (
        "Score the import's parsing and extraction on a folder of .txt pages against its "
        "expected.json, without touching the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="pages (.txt) and their expected.json")
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="first list, page by page, every miss and every wrong find",
        )
        parser.add_argument(
            "--min",
            action="append",
            default=[],
            metavar="KIND=VALUE",
            help="a floor: a whole number floors the row's hits, a decimal its F1 "
            "(e.g. event_dates=16, organizations=0.90, pages=22); repeatable; "
            "under any floor the command fails",
        )

    def handle(self, *args, folder, verbose, min, **options):
        floors = [parse_floor(text) for text in min]
        directory = Path(folder)
        if not directory.is_dir():
            raise CommandError(f"{directory}: no such folder")
        try:
            score = evaluate_folder(directory, limit=settings.IMPORT_MAX_FILE_BYTES)
        except ExpectedError as error:
            raise CommandError(str(error)) from None
        if verbose:
            self.write_findings(score)
        self.write_table(score)
        failed = floor_failures(score, floors)
        if failed:
            for line in failed:
                self.stderr.write(self.style.ERROR(f"under a floor: {line}"))
            raise CommandError(f"{len(failed)} of {len(floors)} floors not reached")
        if floors:
            self.stdout.write(self.style.SUCCESS(f"All {len(floors)} floors reached."))

    def write_findings(self, score: Score) -> None:
        page = None
        for finding in score.findings:
            if finding.page != page:
                page = finding.page
                self.stdout.write(self.style.MIGRATE_HEADING(f"{page}.txt"))
            style = self.style.WARNING if finding.outcome == "miss" else self.style.ERROR
            self.stdout.write(
                f"  {finding.row:<22} {style(f'{finding.outcome:<5}')} {finding.what}"
            )
        self.stdout.write("")

    def write_table(self, score: Score) -> None:
        line = f"pages imported: {score.imported} of {score.pages}"
        self.stdout.write(
            self.style.SUCCESS(line) if not score.failures else self.style.WARNING(line)
        )
        for name, reason in score.failures:
            self.stdout.write(self.style.ERROR(f"  not imported: {name}.txt: {reason}"))
        for name in score.unscored:
            self.stdout.write(f"  not scored (not in expected.json): {name}.txt")
        self.stdout.write(f"{'':<22}" + "".join(f"{c:>10}" for c in COLUMNS))
        for name in ROWS:
            row = score.rows[name]
            figures = (row.expected, row.found, row.hits, row.misses, row.wrong)
            ratios = (row.precision, row.recall, row.f1)
            self.stdout.write(
                f"{name:<22}"
                + "".join(f"{v:>10}" for v in figures)
                + "".join(f"{_ratio(v):>10}" for v in ratios)
            )
