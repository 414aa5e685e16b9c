"""How well the import reads pages: its title, date, source and extraction scored against what a
careful reader wrote down (an expected.json in the shape of the extraction corpus's).

Modules: `expected` (reading expected.json), `matching` (when a find is what the reader wrote),
`counting` (rows and the score), `scoring` (one page, kind by kind), `run` (a folder, and the
floors). Other code imports only what this module offers."""

from archive.importing.evaluation.counting import ROWS, Score
from archive.importing.evaluation.expected import ExpectedError
from archive.importing.evaluation.matching import match_key, same_person, titles_match
from archive.importing.evaluation.run import evaluate_folder, floor_failures, row_names
from archive.importing.evaluation.scoring import score_page

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
