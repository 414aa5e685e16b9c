"""Evaluating a folder: every page runs through the import's own reading, parsing and
extraction, never the database, and is scored; a page that cannot be read or parsed misses
everything it should have held. Then the floors a score can be held to."""

from collections.abc import Iterable
from pathlib import Path

from archive.importing.evaluation.counting import ROWS, Score
from archive.importing.evaluation.expected import load_expected
from archive.importing.evaluation.scoring import score_page
from archive.importing.extract import Extraction
from archive.importing.parse import ParseError
from archive.importing.pipeline import ImportFileError, collect_paths, read_article_file, understand


def evaluate_folder(folder: Path, *, limit: int) -> Score:
    """Every page of `folder` the expected.json names, read, parsed and extracted as the
    import does it. Each page is given the acronyms the pages before it (in name order)
    defined, as an archive that imported them first would know them."""
    expected = load_expected(folder / "expected.json")
    paths = {path.stem: path for path in collect_paths([str(folder)])}
    score = Score(pages=len(expected))
    score.unscored = sorted(set(paths) - set(expected))
    acronyms: dict[str, str] = {}
    empty = Extraction({}, {}, [], [], [])
    for name in sorted(set(paths) | set(expected)):
        parsed = extraction = None
        try:
            if name not in paths:
                raise ImportFileError("no such page in the folder")
            parsed, extraction = understand(
                read_article_file(paths[name], limit)[1], dict(acronyms)
            )
        except (ImportFileError, ParseError, OSError) as problem:
            reason = str(problem)
        except Exception as problem:  # a bug in one page must not hide the others' figures
            reason = f"unexpected {type(problem).__name__}: {problem}"
        if extraction is not None:
            for org in extraction.organizations.values():
                if org.acronym:
                    acronyms.setdefault(org.acronym, org.name)
        if name not in expected:
            continue
        if parsed is None or extraction is None:
            score.failures.append((name, reason))
            score_page(score, name, expected[name], None, None, None, empty)
        else:
            score_page(
                score,
                name,
                expected[name],
                parsed.title,
                # A year the import infers from the body is marked so, not the page's date.
                None if parsed.date_inferred else parsed.published_on,
                parsed.source,
                extraction,
            )
    return score


def row_names() -> list[str]:
    """The names --min takes: "pages" and the rows, spaces written as underscores."""
    return ["pages", *(name.replace(" ", "_") for name in ROWS)]


def floor_failures(score: Score, floors: Iterable[tuple[str, float | int]]) -> list[str]:
    """Which floors the score is under. An int floors the row's hits (for "pages", the pages
    imported), a float its F1 as printed, to three places (for "pages", the share imported)."""
    failed = []
    for name, floor in floors:
        on_hits = isinstance(floor, int)
        if name == "pages":
            value = score.imported if on_hits else score.imported / (score.pages or 1)
        else:
            value = score.rows[name].hits if on_hits else score.rows[name].f1
        if value is not None and not on_hits:
            value = round(value, 3)
        if value is None or value < floor:
            what = "hits" if on_hits else "F1"
            failed.append(f"{name.replace(' ', '_')}: {what} {value}, under the floor {floor}")
    return failed
