"""The counts: one row per kind of fact, the score of a folder, and the counting of one page.

Each row counts what was expected, what was found, hits (expected and found), misses (expected,
not found) and wrong finds (found, not expected). Precision is (found - wrong) / found, recall
hits / expected. Where an entry has no value for an attribute, a found value is wrong and no
value is not counted: a page without a date line that gets a date is a wrong date."""

from dataclasses import dataclass, field

ROWS = (
    "title",
    "date",
    "source",
    "organizations",
    "people",
    "positions",
    "agreements",
    "agreement signatories",
    "agreement dates",
    "agreement kinds",
    "events",
    "event kinds",
    "event dates",
    "event places",
)


@dataclass
class Row:
    expected: int = 0
    found: int = 0
    hits: int = 0
    wrong: int = 0

    @property
    def misses(self) -> int:
        return self.expected - self.hits

    @property
    def precision(self) -> float | None:
        return (self.found - self.wrong) / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Finding:
    """A miss or a wrong find, for the verbose listing."""

    page: str
    row: str
    outcome: str  # "miss" or "wrong"
    what: str


@dataclass
class Score:
    rows: dict[str, Row] = field(default_factory=lambda: {name: Row() for name in ROWS})
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.pages - len(self.failures)


class Page:
    """Counts for one page, written into the score."""

    def __init__(self, score: Score, name: str) -> None:
        self.score, self.name = score, name

    def note(self, row: str, outcome: str, what: str) -> None:
        self.score.findings.append(Finding(self.name, row, outcome, what))

    def item(self, row: str, *, expected: bool, found: bool, hit: bool, what: str) -> None:
        """One expected entry or attribute, and whether it was found and right."""
        if not (expected or found):
            return
        counts = self.score.rows[row]
        counts.expected += expected
        counts.found += found
        if expected and found and hit:
            counts.hits += 1
            return
        # A find that differs from the expected value is both wrong and a miss: listed once.
        if found:
            counts.wrong += 1
        self.note(row, "wrong" if found else "miss", what)

    def entries(self, row: str, expected: list[str], found: list[str], matches) -> None:
        """A list against a list: each expected entry is hit by any matching find; each find
        that matches no expected entry (nor an acceptable extra) is wrong."""
        counts = self.score.rows[row]
        counts.expected += len(expected)
        counts.found += len(found)
        for entry in expected:
            if any(matches(entry, f) for f in found):
                counts.hits += 1
            else:
                self.note(row, "miss", entry)
        for f in found:
            if not any(matches(entry, f) for entry in expected):
                counts.wrong += 1
                self.note(row, "wrong", f)
