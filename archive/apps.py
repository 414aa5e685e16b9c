from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from archive import lookups, revision, signals  # noqa: F401  (registers, connects)

        connection_created.connect(revision.install, dispatch_uid="archive-revision")
