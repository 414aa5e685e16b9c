"""Bring the search index in step with the database, build it anew, or check it."""

from django.core.management.base import BaseCommand, CommandError

from archive.search import index


class Command(BaseCommand):
    help = (
        "Bring the search index in step with the database: build it if it is missing or was"
        " built from another database, else apply the queued changes. --rebuild builds it"
        " anew; --check compares it with the database and exits 1 when they differ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build the index anew.")
        parser.add_argument("--check", action="store_true", help="Compare it with the database.")

    def handle(self, *args, rebuild=False, check=False, **options):
        folder = index.folder()
        if rebuild:
            count = index.build()
            self.stdout.write(f"Search index built anew in {folder}: {count} articles.")
        elif check:
            differences = index.out_of_step()
            if any(differences.values()):
                raise CommandError(
                    f"The search index in {folder} differs from the database: "
                    f"{len(differences['missing'])} published articles missing"
                    f" (ids {differences['missing'][:10]}), {len(differences['extra'])} not"
                    f" published held (ids {differences['extra'][:10]}). Run"
                    " `manage.py search_index --rebuild`."
                )
            self.stdout.write(f"The search index in {folder} agrees with the database.")
        else:
            searcher = index.in_step(build_inline=True).searcher()
            self.stdout.write(f"Search index in {folder} in step: {searcher.num_docs} articles.")
