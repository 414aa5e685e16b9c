"""The import pipeline: read → parse → extract → resolve and write.

Files are written in batches, one transaction each. When anything in a batch fails, the
batch is rolled back and its files are written again one by one, each in its own
transaction: a bad file is reported with its name and reason, leaves the database as it
was, and the others go on. Reading, parsing and extraction are pure, so on a large run they
happen in worker processes while this one writes."""

import glob
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from archive.importing.extract import Extraction, extract
from archive.importing.parse import ParsedArticle, ParseError, parse_article
from archive.importing.store import Changes, RunState, ToWrite, write_batch
from archive.models import Organization, OrganizationAlias

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
# Files written together in one transaction; a failing batch is retried file by file.
# Fewer, larger commits were faster up to about 400 (measured with bench/import_speed.py).
BATCH_SIZE = 400


class ImportFileError(ValueError):
    """A file the import cannot take; the message says why."""


@dataclass
class ImportReport:
    changes: Changes = field(default_factory=Changes)
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


@dataclass
class Prepared:
    """A file read and understood, ready to be written; or the reason it cannot be."""

    path: Path
    content_hash: str = ""
    text: str = ""
    parsed: ParsedArticle | None = None
    extraction: Extraction | None = None
    error: str = ""
    unchanged: bool = False


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
    return list(dict.fromkeys(found))


def read_article_file(path: Path, limit: int) -> tuple[bytes, str]:
    """The file's bytes and its text, or ImportFileError saying what is wrong with it."""
    data = path.read_bytes()
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
    known = dict(
        Organization.objects.filter(merged_into__isnull=True)
        .exclude(acronym="")
        .values_list("acronym", "name")
    )
    aliases = OrganizationAlias.objects.filter(is_acronym=True).values_list(
        "name", "organization__name", "organization__merged_into__name"
    )
    for acronym, name, survivor in aliases:
        known.setdefault(acronym, survivor or name)
    return known


# -- the pure stages, run here or in a worker process ------------------------------------------

_context: dict = {}


def _set_context(stored_hashes: dict[str, str], acronyms: dict[str, str], limit: int) -> None:
    _context.update(stored_hashes=stored_hashes, acronyms=acronyms, limit=limit)


def understand(text: str, acronyms: Mapping[str, str]) -> tuple[ParsedArticle, Extraction]:
    """A page's text parsed, and the facts its body states: the one step the import and the
    extraction's evaluation share. ParseError when the text is not an article."""
    parsed = parse_article(text)
    year = parsed.published_on.year if parsed.published_on else None
    extraction = extract(parsed.body, title=parsed.title, year=year, known_acronyms=acronyms)
    return parsed, extraction


def prepare(path: Path) -> Prepared:
    """Read, check, parse and extract one file. Needs no database."""
    try:
        data, text = read_article_file(path, _context["limit"])
        content_hash = hashlib.sha256(data).hexdigest()
        if _context["stored_hashes"].get(path.name) == content_hash:
            return Prepared(path, content_hash, unchanged=True)
        parsed, extraction = understand(text, _context["acronyms"])
        return Prepared(path, content_hash, text, parsed, extraction)
    except (ImportFileError, ParseError, OSError) as problem:
        return Prepared(path, error=str(problem))
    except Exception as problem:  # a bug must not stop the batch; it is reported by name
        return Prepared(path, error=f"unexpected {type(problem).__name__}: {problem}")


def _prepared(paths: list[Path], workers: int) -> Iterator[Prepared]:
    if workers < 1 or len(paths) < PARALLEL_FROM:
        yield from map(prepare, paths)
        return
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(
        workers,
        initializer=_set_context,
        initargs=(_context["stored_hashes"], _context["acronyms"], _context["limit"]),
    ) as pool:
        yield from pool.imap(prepare, paths, chunksize=8)


def default_workers() -> int:
    """As many extracting workers as cores: this process waits on the database part of
    the time, so on two cores two workers and the writer keep both busy (measured)."""
    return max(1, min(4, os.cpu_count() or 1))


# -- the run ---------------------------------------------------------------------------------


class _DryRunRollback(Exception):
    pass


def import_files(
    paths: list[Path],
    *,
    publish: bool = False,
    dry_run: bool = False,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[Path, str | None], None] = lambda path, error: None,
) -> ImportReport:
    """Import files in order. Acronyms are those the archive knew when the run began, so the
    result does not depend on how the work was spread over processes. A dry run imports
    the whole batch in one transaction and rolls it back, so its counts are true."""
    options = {
        "publish": publish,
        "workers": workers,
        "batch_size": batch_size,
        "on_progress": on_progress,
    }
    if not dry_run:
        return _run(paths, **options)
    try:
        with transaction.atomic():
            report = _run(paths, **options)
            raise _DryRunRollback
    except _DryRunRollback:
        return report


def _tune_for_bulk_writes() -> None:
    if connection.vendor == "sqlite":
        # Copy the write-ahead log into the database every 40 MB, not every 4 MB: index
        # pages that many batches touch are then written back once (measured).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint = 10000")


def _run(paths, *, publish, workers, batch_size, on_progress) -> ImportReport:
    _tune_for_bulk_writes()
    report = ImportReport()
    state = RunState.load()
    _set_context(dict(state.hashes), known_acronyms(), settings.IMPORT_MAX_FILE_BYTES)
    batch: list[Prepared] = []
    names_in_batch: set[str] = set()

    def flush() -> None:
        _write_batch(batch, state, report, publish=publish, on_progress=on_progress)
        batch.clear()
        names_in_batch.clear()

    for item in _prepared(paths, default_workers() if workers is None else workers):
        if item.path.name in names_in_batch:
            flush()  # the same file name twice: the second must see the first written
        if state.hashes.get(item.path.name) == item.content_hash:
            item.unchanged = True  # read before, or earlier in this run
        if item.error or item.unchanged:
            _report(report, item, item.error or None, on_progress)
            continue
        batch.append(item)
        names_in_batch.add(item.path.name)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def _report(report: ImportReport, item: Prepared, error: str | None, on_progress) -> None:
    report.files += 1
    if error:
        report.failures.append((str(item.path), error))
        report.changes.add("article", "failed")
    elif item.unchanged:
        report.changes.add("article", "unchanged")
    on_progress(item.path, error)


def _write_batch(
    batch: list[Prepared], state: RunState, report: ImportReport, *, publish, on_progress
) -> None:
    """Write a batch in one transaction. If anything in it fails, its files are written
    again one by one, each in its own transaction, so that only the bad file fails."""
    if not batch:
        return
    try:
        changes = _write(batch, state, publish=publish)
    except Exception as problem:
        if len(batch) > 1:
            for item in batch:
                _write_batch([item], state, report, publish=publish, on_progress=on_progress)
            return
        reason = (
            str(problem)
            if isinstance(problem, ImportFileError)
            else (f"unexpected {type(problem).__name__}: {problem}")
        )
        _report(report, batch[0], reason, on_progress)
        return
    report.changes.merge(changes)
    for item in batch:
        _report(report, item, None, on_progress)


def _write(batch: list[Prepared], state: RunState, *, publish: bool) -> Changes:
    for item in batch:
        duplicate = state.files_by_hash.get(item.content_hash)
        if duplicate is not None and duplicate != item.path.name:
            raise ImportFileError(f"the same text was already imported from {duplicate}")
    to_write = [
        ToWrite(item.parsed, item.extraction, item.text, item.content_hash, item.path.name)
        for item in batch
    ]
    try:
        changes = write_batch(to_write, publish=publish, state=state)
    except BaseException:
        state.rollback()
        raise
    state.commit()
    return changes
