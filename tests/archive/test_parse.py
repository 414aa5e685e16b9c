from datetime import date

import pytest

from archive.importing.parse import ParseError, parse_article
from tests.conftest import SEEDS


def parse_seed(number: int):
    return parse_article(SEEDS[number].read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("number", "title", "published_on", "precision", "inferred", "source"),
    [
        (
            0,
            "Zhejiang Hosts China-ROK Industrial Innovation Exchange",
            date(2019, 11, 17),
            "day",
            False,
            "CAE",
        ),
        (
            1,
            "China-Korea Recelebrates Scientific Research Cooperation under the "
            "“Belt and Road” Initiative",
            date(2017, 1, 1),
            "year",
            True,
            "",
        ),
        (
            2,
            "International Technology Trade Conference and China-Japan-Korea Technology "
            "Trade Forum held in Eastern China's Qingdao",
            None,
            "unknown",
            False,
            "",
        ),
        (
            3,
            "Visit to China's Major Science & Technology Innovation Research Institutes",
            date(2019, 4, 17),
            "day",
            False,
            "",
        ),
        (
            4,
            "China-South Korea Environmental and Innovation Cooperation Exhibition",
            date(2023, 11, 30),
            "day",
            False,
            "",
        ),
    ],
)
def test_seed_metadata(number, title, published_on, precision, inferred, source):
    parsed = parse_seed(number)
    assert parsed.title == title
    assert (parsed.published_on, parsed.date_precision) == (published_on, precision)
    assert parsed.date_inferred is inferred
    assert parsed.source == source
    assert parsed.language == "en"


def test_page_furniture_is_removed_from_the_body():
    bodies = [parse_seed(n).body for n in range(5)]
    for furniture in (
        "Font size",
        "BigMediumSmall",
        "See also",
        "Tag: 22nd",
        "Short cut",
        "Home > Spot News",
        "Published:",
        "Hit 1546",
        "News Collective",
    ):
        assert not any(furniture in body for body in bodies), furniture
    assert bodies[0].startswith("At the invitation of the Chinese Academy of Engineering (CAE)")
    assert bodies[4].startswith("Under the slogan")
    assert bodies[4].count("China-South Korea Environmental") == 0  # the repeated title


def test_a_year_is_inferred_only_from_dates_the_text_states():
    # 002 names 2020 and 2035 as years of a roadmap, but no date: the year stays unknown.
    assert parse_seed(2).published_on is None
    # 001 states "As of December 2017": the article is from 2017 at the earliest.
    assert parse_seed(1).published_on.year == 2017


@pytest.mark.parametrize(
    ("line", "expected", "precision"),
    [
        ("Published: Nov 17, 2019", date(2019, 11, 17), "day"),
        ("Date 2019-04-17 Hit 1546", date(2019, 4, 17), "day"),
        ("November 30, 2023", date(2023, 11, 30), "day"),
        ("Posted on 3 March 2021", date(2021, 3, 3), "day"),
        ("2020.08.13", date(2020, 8, 13), "day"),
        ("등록일 2019년 4월 17일", date(2019, 4, 17), "day"),
        ("发布时间：2019年4月17日", date(2019, 4, 17), "day"),
        ("Updated: March 2019", date(2019, 3, 1), "month"),
    ],
)
def test_date_lines_in_many_forms(line, expected, precision):
    text = (
        f"Menu\n\nA Title For The Page\n{line}\n\n" + "This is the body of the news article. " * 3
    )
    parsed = parse_article(text)
    assert (parsed.published_on, parsed.date_precision) == (expected, precision)
    assert parsed.title == "A Title For The Page"


def test_hangul_and_hanzi_survive_and_set_the_language():
    text = (
        "과학기술 협력 포럼 개최\n\n"
        + "한국과 중국의 과학기술 협력을 위한 포럼이 서울에서 열렸다. " * 3
    )
    parsed = parse_article(text)
    assert parsed.title == "과학기술 협력 포럼 개최"
    assert parsed.language == "ko"
    assert "서울에서" in parsed.body


def test_markup_in_the_text_is_kept_as_text():
    text = (
        "A Title With Markup\n\n"
        + "The body says <script>alert(1)</script> and <b>bold</b> here. " * 2
    )
    assert "<script>alert(1)</script>" in parse_article(text).body


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no text"),
        ("   \n\n  ", "no text"),
        (
            "This single long line is all there is, a sentence without any title before it.",
            "no recognisable title",
        ),
        ("Just A Title\n", "no body"),
    ],
)
def test_pages_without_title_or_body_are_refused_with_a_reason(text, reason):
    with pytest.raises(ParseError, match=reason):
        parse_article(text)
