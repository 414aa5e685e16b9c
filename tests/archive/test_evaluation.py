"""The extraction's evaluation: its matching rules, and the command that scores a folder."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.importing.evaluation import match_key, same_person, titles_match
from archive.importing.extract import Extraction, OrgFact, PersonFact, PositionFact, Span

# -- matching rules ----------------------------------------------------------------------------


def test_a_person_is_the_same_words_in_any_order():
    assert same_person("HE Minghong", "Minghong He")
    assert same_person("Prof. Kim Sora", "Sora Kim")
    assert not same_person("Minghong He", "Minghong Hu")


def test_names_compare_without_case_the_honorifics_and_punctuation():
    assert match_key("The Korea-China Science & Technology Center") == match_key(
        "korea china science and technology center"
    )
    assert match_key("Dr. Ana Ruiz") == "ana ruiz"


def test_a_title_holding_the_other_matches_as_whole_words():
    assert titles_match("Vice President", "executive vice president")
    assert titles_match("부총장", "부총장")
    assert titles_match("国际合作司司长", "司长")
    assert not titles_match("Director", "Directorate General")


# -- the command on a folder written here ------------------------------------------------------


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


PAGE_ONE = page(
    "Campus News",
    "Lakeside University Signs Pact with the Harbor Institute of Technology",
    "Published: 2021-05-04",
    "Lakeside University and the Harbor Institute of Technology (HIT) signed a memorandum of "
    "understanding on April 28, 2021, in Busan. The agreement was signed by Mina Park, President "
    "of Lakeside University, and Tomas Varga, Director of the Harbor Institute of Technology.",
    "Both sides plan joint laboratories for ocean sensing and a yearly student exchange between "
    "the two campuses, starting with twenty students from each side.",
)

PAGE_TWO = page(
    "Research Notes",
    "Ocean Sensing Forum Opens in Qingdao",
    "Published: 2021-06-12",
    "The Ocean Sensing Forum opened in Qingdao on June 10, 2021, with researchers from HIT and "
    "Lakeside University. Prof. Chen Wei, Dean of the Marine School, spoke about buoys that "
    "measure the temperature of deep water.",
    "Around two hundred guests from four countries attended the talks and the poster session "
    "over the two days of the gathering in the city.",
)

# Header lines only: no paragraph of prose, so the parser finds no body.
PAGE_BROKEN = """Menu
Home > News
"""

EXPECTED = {
    "articles": {
        "p1_pact": {
            "title": "Lakeside University Signs Pact with the Harbor Institute of Technology",
            "date": "2021-05-04",
            "source": None,
            "organizations": [
                ["Lakeside University", None],
                ["Harbor Institute of Technology", "HIT"],
            ],
            "organizations_extra": [],
            "persons": ["Mina Park", "Tomas Varga"],
            "positions": [
                ["Mina Park", "President", "Lakeside University"],
                ["Tomas Varga", "Director", "HIT"],
            ],
            "agreements": [
                {
                    "parties": ["Lakeside University", "HIT"],
                    "kind": "MOU",
                    "date": "2021-04-28",
                    "month_day": "04-28",
                    "signatories": ["Mina Park", "Tomas Varga"],
                }
            ],
            "events": [],
        },
        "p2_forum": {
            "title": "Ocean Sensing Forum Opens in Qingdao",
            "date": "2021-06-12",
            "source": None,
            "organizations": [["Marine School", None], ["Quiet Seas Foundation", None]],
            "organizations_extra": ["Lakeside University", "HIT"],
            "persons": ["Wei Chen"],
            "positions": [["Chen Wei", "Dean", "Marine School"]],
            "agreements": [],
            "events": [
                {
                    "match": ["Ocean Sensing Forum"],
                    "kind": "forum",
                    "start": "2021-06-10",
                    "end": None,
                    "month_day": "06-10",
                    "city": "Qingdao",
                    "country": "CN",
                }
            ],
        },
        "p3_broken": {
            "title": "A page without a body",
            "date": None,
            "source": None,
            "organizations": [["Nowhere Institute", None]],
            "organizations_extra": [],
            "persons": ["Ana Ruiz"],
            "positions": [],
            "agreements": [],
            "events": [],
        },
    }
}


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "p1_pact.txt").write_text(PAGE_ONE, encoding="utf-8")
    (tmp_path / "p2_forum.txt").write_text(PAGE_TWO, encoding="utf-8")
    (tmp_path / "p3_broken.txt").write_text(PAGE_BROKEN, encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    return tmp_path


def evaluate(*args, capsys) -> str:
    call_command("evaluate_extraction", *[str(a) for a in args], no_color=True)
    return capsys.readouterr().out


def row(output: str, name: str) -> list[str]:
    """The figures of one row of the table: expected, found, hits, misses, wrong, P, R, F1."""
    line = next(line for line in output.splitlines() if re.match(rf"{name}\s+\d", line))
    return line[len(name) :].split()


def test_the_table_counts_hits_and_misses_page_by_page(folder, capsys):
    output = evaluate(folder, capsys=capsys)
    assert output.splitlines()[0] == "pages imported: 2 of 3"
    # Both titles of the pages that parse; the broken page's is missed.
    assert row(output, "title")[:5] == ["3", "2", "2", "1", "0"]
    # Four people were expected; the broken page's Ana Ruiz cannot be found.
    assert row(output, "people")[:5] == ["4", "3", "3", "1", "0"]
    # The forum page never names the foundation; nor is the broken page's institute found.
    organizations = row(output, "organizations")
    assert organizations[0] == "5"
    assert organizations[3] == "2"
    assert row(output, "agreements")[:3] == ["1", "1", "1"]


def test_a_page_that_fails_to_parse_is_listed_and_counted(folder, capsys):
    output = evaluate(folder, capsys=capsys)
    assert "pages imported: 2 of 3" in output
    assert "not imported: p3_broken.txt: " in output  # with the parser's reason
    # All the broken page should have held is missed: its title, institute and person.
    assert row(output, "title")[3] == "1"
    assert row(output, "people")[3] == "1"


def test_verbose_lists_each_miss_under_its_file(folder, capsys):
    output = evaluate(folder, "--verbose", capsys=capsys)
    listing = output.split("pages imported:")[0]
    forum_part = listing.split("p2_forum.txt")[1].split(".txt")[0]
    assert re.search(r"organizations\s+miss\s+Quiet Seas Foundation", forum_part)


def test_floors_that_are_reached_pass(folder, capsys):
    output = evaluate(folder, "--min", "people=3", "--min", "pages=2", capsys=capsys)
    assert "All 2 floors reached." in output


def test_a_floor_not_reached_fails_the_command(folder, capsys):
    with pytest.raises(CommandError, match="1 of 2 floors not reached"):
        evaluate(folder, "--min", "people=4", "--min", "event-dates=0.5", capsys=capsys)
    assert "people: hits 3, under the floor 4" in capsys.readouterr().err


def test_an_unknown_floor_names_the_valid_ones(folder, capsys):
    with pytest.raises(CommandError, match="event_places"):
        evaluate(folder, "--min", "persons=3", capsys=capsys)


def test_a_folder_without_expected_json_is_a_clear_error(folder, capsys):
    (folder / "expected.json").unlink()
    with pytest.raises(CommandError, match=r"expected\.json: no such file"):
        evaluate(folder, capsys=capsys)


def test_a_malformed_expected_field_is_named(folder, capsys):
    broken = json.loads((folder / "expected.json").read_text())
    broken["articles"]["p1_pact"]["positions"] = [["Mina Park", "President"]]
    (folder / "expected.json").write_text(json.dumps(broken))
    with pytest.raises(CommandError, match=r"articles\.p1_pact\.positions\[0\]"):
        evaluate(folder, capsys=capsys)


def test_acronyms_of_earlier_pages_reach_later_ones(tmp_path, capsys):
    """The second page names the institute only by its acronym, as an archive that imported
    the first page would resolve it."""
    (tmp_path / "a.txt").write_text(PAGE_ONE, encoding="utf-8")
    later = PAGE_TWO.replace("researchers from HIT and", "researchers from HIT, a partner of")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    expected = {
        "articles": {
            "b": {
                **EXPECTED["articles"]["p2_forum"],
                "organizations": [["Harbor Institute of Technology", None]],
                "organizations_extra": [],
            }
        }
    }
    (tmp_path / "expected.json").write_text(json.dumps(expected))
    output = evaluate(tmp_path, capsys=capsys)
    assert "not scored (not in expected.json): a.txt" in output
    assert row(output, "organizations")[2] == "1"


# -- the scoring of positions, directly ---------------------------------------------------------


def test_a_position_matches_its_organization_by_acronym():
    from archive.importing.evaluation import Score, score_page

    span = Span(0, 1, "x")
    extraction = Extraction(
        organizations={
            "harbor institute of technology": OrgFact(
                key="harbor institute of technology",
                name="Harbor Institute of Technology",
                acronym="HIT",
            )
        },
        persons={"tomas varga": PersonFact(key="tomas varga", name="Tomas Varga")},
        positions=[
            PositionFact("tomas varga", "harbor institute of technology", "Director", span, 0.8)
        ],
        agreements=[],
        events=[],
    )
    expected = {
        "organizations": [["HIT", None]],
        "persons": ["Varga Tomas"],
        "positions": [["Tomas Varga", "Deputy Director", "HIT"]],
    }
    score = Score(pages=1)
    score_page(score, "p", expected, "T", None, None, extraction)
    assert score.rows["organizations"].hits == 1
    assert score.rows["people"].hits == 1
    assert score.rows["positions"].hits == 1
    assert score.rows["positions"].wrong == 0


def test_a_position_names_its_organization_as_the_page_pairs_it_with_an_acronym():
    """The reader wrote the full name; the extraction knows the organization by its acronym
    only. The page pairs the two, so the position is found."""
    from archive.importing.evaluation import Score, score_page

    span = Span(0, 1, "x")
    extraction = Extraction(
        organizations={"hit": OrgFact(key="hit", name="HIT")},
        persons={"tomas varga": PersonFact(key="tomas varga", name="Tomas Varga")},
        positions=[PositionFact("tomas varga", "hit", "Director", span, 0.8)],
        agreements=[],
        events=[],
    )
    expected = {
        "organizations": [["Harbor Institute of Technology", "HIT"]],
        "persons": ["Tomas Varga"],
        "positions": [["Tomas Varga", "Director", "Harbor Institute of Technology"]],
    }
    score = Score(pages=1)
    score_page(score, "p", expected, "T", None, None, extraction)
    assert score.rows["positions"].hits == 1


def test_a_year_inferred_from_the_body_is_not_the_pages_date(tmp_path, capsys):
    """A page without a date line: the import keeps the year the body names, marked as
    inferred; the page states no publication date, and none is scored as found."""
    undated = PAGE_TWO.replace("Published: 2021-06-12\n\n", "")
    (tmp_path / "p2_forum.txt").write_text(undated, encoding="utf-8")
    expected = {"articles": {"p2_forum": {**EXPECTED["articles"]["p2_forum"], "date": None}}}
    (tmp_path / "expected.json").write_text(json.dumps(expected))
    assert row(evaluate(tmp_path, capsys=capsys), "date")[:5] == ["0", "0", "0", "0", "0"]


def test_an_event_of_a_page_without_a_year_is_dated_by_its_month_and_day():
    from archive.importing.evaluation import Score, score_page
    from archive.importing.extract import EventFact

    entry = {"match": ["Ocean Forum"], "kind": "forum", "start": None, "month_day": "06-10"}
    found = EventFact(name="Ocean Forum", kind="forum", month_day="06-10")
    extraction = Extraction(
        organizations={}, persons={}, positions=[], agreements=[], events=[found]
    )
    score = Score(pages=1)
    score_page(score, "p", {"events": [entry]}, "T", None, None, extraction)
    assert score.rows["event dates"].hits == 1
    # Where the page states the year, a month and day alone are not the date.
    score = Score(pages=1)
    dated = {**entry, "start": "2021-06-10"}
    score_page(score, "p", {"events": [dated]}, "T", None, None, extraction)
    assert (score.rows["event dates"].hits, score.rows["event dates"].wrong) == (0, 1)


def test_a_unit_named_with_its_parent_answers_to_the_name_the_page_writes():
    from archive.importing.evaluation import Score, score_page

    unit_key, parent_key = "department of physics lakeside university", "lakeside university"
    extraction = Extraction(
        organizations={
            parent_key: OrgFact(key=parent_key, name="Lakeside University"),
            unit_key: OrgFact(
                key=unit_key,
                name="Department of Physics, Lakeside University",
                parent_key=parent_key,
            ),
        },
        persons={},
        positions=[],
        agreements=[],
        events=[],
    )
    expected = {"organizations": [["Department of Physics", None], ["Lakeside University", None]]}
    score = Score(pages=1)
    score_page(score, "p", expected, "T", None, None, extraction)
    assert (score.rows["organizations"].hits, score.rows["organizations"].wrong) == (2, 0)
