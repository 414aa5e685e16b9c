"""How well the import reads pages, scored against an expected.json (see scoring.py)."""

from archive.importing.evaluation.scoring import (
    ROWS,
    ExpectedError,
    Score,
    evaluate_folder,
    floor_failures,
    match_key,
    row_names,
    same_person,
    score_page,
    titles_match,
)

__all__ = [
    "ROWS",
    "ExpectedError",
    "Score",
    "evaluate_folder",
    "floor_failures",
    "match_key",
    "row_names",
    "same_person",
    "score_page",
    "titles_match",
]
