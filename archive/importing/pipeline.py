"""The import pipeline: read → parse → extract → resolve and write, one file at a time.

Each file is its own transaction: a bad file is reported with its name and reason, leaves
the database as it was, and the batch goes on."""

import glob
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.importing.extract import extract
from archive.importing.parse import ParseError, parse_article
from archive.importing.store import Changes, RunCache, write_article
from archive.models import Article, Organization, OrganizationAlias


class ImportFileError(ValueError):
    """A file the import cannot take; the message says why."""


@dataclass
class ImportReport:
    changes: Changes = field(default_factory=Changes)
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


def collect_paths(arguments: Iterable[str]) -> list[Path]:
    """Files, folders (their .txt files, recursively) and glob patterns, in a stable order."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.is_file():
            found.append(path)
        elif matches := sorted(glob.glob(argument, recursive=True)):
            found.extend(Path(m) for m in matches if Path(m).is_file())
        else:
            raise ImportFileError(f"{argument}: no such file, folder or pattern")
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def read_article_file(path: Path) -> tuple[bytes, str]:
    """The file's bytes and its text, or ImportFileError saying what is wrong with it."""
    data = path.read_bytes()
    limit = settings.IMPORT_MAX_FILE_BYTES
    if not data.strip():
        raise ImportFileError("the file is empty")
    if len(data) > limit:
        raise ImportFileError(f"the file is {len(data):,} bytes, over the {limit:,}-byte limit")
    if b"\x00" in data:
        raise ImportFileError("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"the file is not UTF-8 (byte {error.start})") from None
    return data, text


def known_acronyms() -> dict[str, str]:
    """Acronyms the archive knows, editors' aliases included, mapped to the name of the
    organization they stand for; extraction links later bare uses of them."""
    known = {
        acronym: name
        for acronym, name in Organization.objects.filter(merged_into__isnull=True)
        .exclude(acronym="")
        .values_list("acronym", "name")
    }
    aliases = OrganizationAlias.objects.filter(is_acronym=True).values_list(
        "name", "organization__name", "organization__merged_into__name"
    )
    for acronym, name, survivor in aliases:
        known.setdefault(acronym, survivor or name)
    return known


class _DryRunRollback(Exception):
    pass


def import_files(
    paths: list[Path],
    *,
    publish: bool = False,
    dry_run: bool = False,
    on_progress: Callable[[Path, str | None], None] = lambda path, error: None,
) -> ImportReport:
    report = ImportReport()
    stored_hashes = dict(Article.objects.values_list("source_file", "content_hash"))
    acronyms = known_acronyms()
    cache = RunCache.load()
    for path in paths:
        report.files += 1
        error = None
        try:
            changes = import_file(
                path, stored_hashes, acronyms, cache, publish=publish, dry_run=dry_run
            )
            report.changes.merge(changes)
        except (ImportFileError, ParseError, OSError) as problem:
            error = str(problem)
        except Exception as problem:  # a bug must not stop the batch; it is reported by name
            error = f"unexpected {type(problem).__name__}: {problem}"
        if error:
            report.failures.append((str(path), error))
            report.changes.add("article", "failed")
        on_progress(path, error)
    return report


def import_file(
    path: Path,
    stored_hashes: dict[str, str],
    acronyms: dict[str, str],
    cache: RunCache,
    *,
    publish: bool,
    dry_run: bool,
) -> Changes:
    data, text = read_article_file(path)
    content_hash = hashlib.sha256(data).hexdigest()
    if stored_hashes.get(path.name) == content_hash:
        unchanged = Changes()
        unchanged.add("article", "unchanged")
        return unchanged
    parsed = parse_article(text)
    year = parsed.published_on.year if parsed.published_on else None
    extraction = extract(parsed.body, title=parsed.title, year=year, known_acronyms=acronyms)
    changes = Changes()
    try:
        with transaction.atomic():
            duplicate = (
                Article.objects.filter(content_hash=content_hash)
                .exclude(source_file=path.name)
                .values_list("source_file", flat=True)
                .first()
            )
            if duplicate is not None:
                raise ImportFileError(f"the same text was already imported from {duplicate}")
            changes = write_article(
                parsed=parsed,
                extraction=extraction,
                raw_text=text,
                content_hash=content_hash,
                source_file=path.name,
                publish=publish,
                cache=cache,
            )
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        return changes
    stored_hashes[path.name] = content_hash
    for fact in extraction.organizations.values():
        if fact.acronym and fact.acronym.isupper():
            acronyms.setdefault(fact.acronym, fact.name)
    return changes
