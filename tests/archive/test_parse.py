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


CHINESE_INSTITUTE_PAGE = """某某大学材料学院
首页 | 学院概况 | 新闻动态 | 科学研究 | 联系我们
当前位置：首页 > 新闻动态 > 学院新闻

材料学院代表团访问日本东北大学
并签署合作备忘录

发布时间：2023-05-18 09:30    来源：国际交流处    作者：    【字体：大 中 小】

  5月15日，材料学院院长李明率代表团访问日本东北大学，双方签署了联合培养研究生的合作备忘录。

  东北大学副校长山田一郎对代表团表示欢迎，介绍了该校在金属材料领域的研究进展。

  签约仪式现场（图片来源：国际交流处）

【打印本页】【关闭窗口】

相关新闻：
· 学院举办国际学术研讨会
· 学院召开国际化工作推进会

分享到：微信 | 微博

版权所有 © 某某大学材料学院  地址：某某市某某路1号
推荐使用1920*1080分辨率浏览本站
"""


def test_a_chinese_institutional_page_keeps_only_its_article():
    parsed = parse_article(CHINESE_INSTITUTE_PAGE)
    assert parsed.title == "材料学院代表团访问日本东北大学并签署合作备忘录"
    assert (parsed.published_on, parsed.date_precision) == (date(2023, 5, 18), "day")
    assert parsed.source == "国际交流处"
    assert parsed.language == "zh"
    assert parsed.body == (
        "5月15日，材料学院院长李明率代表团访问日本东北大学，双方签署了联合培养研究生的合作备忘录。"
        "\n\n东北大学副校长山田一郎对代表团表示欢迎，介绍了该校在金属材料领域的研究进展。"
    )


KOREAN_NEWS_PAGE = """가상일보
정치 | 경제 | 사회 | 과학 | 국제
홈 > 과학 > 국제협력

한일 연구기관, 수소 저장 소재 공동연구 협약

입력 2021.03.04 10:20 | 수정 2021.03.05 08:00
이 기사를 공유합니다

(서울=연합뉴스) 김가상 기자 = 한국의 한 연구원과 일본의 한 대학이 수소 저장 소재를 \
함께 연구하기로 하고 4일 서울에서 협약을 맺었다.

협약식에 참석한 박연구 원장은 두 기관이 앞으로 5년 동안 연구 인력을 교류할 것이라고 밝혔다.

협약식에 참석한 양측 관계자들이 기념촬영을 하고 있다.<사진=가상연구원>

김가상 기자 kim@example.kr

관련기사
한중 과학기술 장관회의 열려
"""


def test_a_korean_news_page_with_its_input_date_and_wire_byline():
    parsed = parse_article(KOREAN_NEWS_PAGE)
    assert parsed.title == "한일 연구기관, 수소 저장 소재 공동연구 협약"
    assert (parsed.published_on, parsed.date_precision) == (date(2021, 3, 4), "day")
    assert parsed.source == "연합뉴스"
    assert parsed.language == "ko"
    assert parsed.body == (
        "한국의 한 연구원과 일본의 한 대학이 수소 저장 소재를 함께 연구하기로 하고 4일 서울에서 "
        "협약을 맺었다.\n\n협약식에 참석한 박연구 원장은 두 기관이 앞으로 5년 동안 연구 인력을 "
        "교류할 것이라고 밝혔다."
    )


ENGLISH_UNIVERSITY_PAGE = """\
Lakeside University Signs Exchange Pact with Busan Institute | Lakeside News
Lakeside News
Home | About | News | Research | Contact
Home > News > Global

Lakeside University Signs Exchange Pact with Busan Institute

By Mary Stone
Staff Writer, Office of Communications

Posted on : 2021-05-06 10:00 KST

Lakeside University and the Busan Institute of Marine Science signed an agreement on \
student and faculty exchange at a ceremony held on the Lakeside campus last week.

[Photo] The two presidents at the signing ceremony.

Under the agreement, the two institutions will run joint summer schools and share laboratory time.

Related articles
- Lakeside hosts Asian rectors
- New marine lab opens

Share: Facebook | Twitter
Copyright 2021 Lakeside University. All rights reserved.
"""


def test_an_english_page_with_browser_title_breadcrumb_byline_and_related_list():
    parsed = parse_article(ENGLISH_UNIVERSITY_PAGE)
    assert parsed.title == "Lakeside University Signs Exchange Pact with Busan Institute"
    assert (parsed.published_on, parsed.date_precision) == (date(2021, 5, 6), "day")
    assert parsed.date_inferred is False
    assert parsed.source == ""
    assert parsed.body == (
        "Lakeside University and the Busan Institute of Marine Science signed an agreement on "
        "student and faculty exchange at a ceremony held on the Lakeside campus last week.\n\n"
        "Under the agreement, the two institutions will run joint summer schools and share "
        "laboratory time."
    )


BODY = "The two institutes agreed to share their laboratories and to exchange students. " * 2


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # A headline wrapped over two lines is one headline.
        (
            "Home > News\n\nTwo Universities Open a Joint Laboratory\nfor Battery Research",
            "Two Universities Open a Joint Laboratory for Battery Research",
        ),
        # Chinese joins its halves without a space.
        (
            "首页 > 新闻\n\n两校共建电池联合实验室\n并启动研究生交换项目",
            "两校共建电池联合实验室并启动研究生交换项目",
        ),
        # A category label named by the breadcrumb stands over the headline.
        (
            "Home > News > Partnerships\n\nPartnerships\nTwo Universities Open a Joint Laboratory",
            "Two Universities Open a Joint Laboratory",
        ),
        # A short label over a much longer headline is not its first half.
        (
            "Campus Life\nTwo Universities Open a Joint Laboratory for Battery Research in Busan",
            "Two Universities Open a Joint Laboratory for Battery Research in Busan",
        ),
        # The headline as "Title ...".
        ("Menu\nTitle Joint Laboratory Opens\nDate 2020-01-01", "Joint Laboratory Opens"),
        # A browser title alone, when the page does not repeat the headline.
        (
            "Joint Laboratory Opens in Busan | Campus News\n[Photo] The new building",
            "Joint Laboratory Opens in Busan",
        ),
        # A headline ending like a sentence, above its date line.
        (
            "Home > News\n\nJoint Laboratory Opens in Busan for Battery Research (3 Mar.)\n\n"
            "2020/03/05",
            "Joint Laboratory Opens in Busan for Battery Research (3 Mar.)",
        ),
        # A Chinese columnist's byline under the headline is not the headline.
        ("中日科技合作的新机遇\n\n某某网特约撰稿人 张三", "中日科技合作的新机遇"),
    ],
)
def test_the_headline_wherever_it_stands(header, title):
    assert parse_article(f"{header}\n\n{BODY}").title == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[2010-06-23]", date(2010, 6, 23)),
        ("Date:2018-09-20Author:Source:", date(2018, 9, 20)),
        ("입력 2002-09-09 19:48", date(2002, 9, 9)),
        ("입력 :2026/01/06 09:31", date(2026, 1, 6)),
        ("发布日期：2019-12-27", date(2019, 12, 27)),
        ("2019年12月27日 星期五", date(2019, 12, 27)),
        ("Monday, 29 February 2016", date(2016, 2, 29)),
        ("Release Date: 05 June,2017", date(2017, 6, 5)),
        ("Posted on : 2021.3.4 14:30 GMT+8", date(2021, 3, 4)),
        ("2020-10-16 | Source: Ocean Daily | Font size: Big Medium Small", date(2020, 10, 16)),
        ("Updated: 2019-12-28 | Published: 2019-12-27", date(2019, 12, 27)),
    ],
)
def test_publication_date_lines_as_news_sites_write_them(line, expected):
    parsed = parse_article(f"Home > News\n\nJoint Laboratory Opens\n\n{line}\n\n{BODY}")
    assert (parsed.published_on, parsed.date_precision, parsed.date_inferred) == (
        expected,
        "day",
        False,
    )
    assert parsed.title == "Joint Laboratory Opens"


def test_an_event_date_labelled_in_the_header_is_not_the_publication_date():
    parsed = parse_article(f"Joint Laboratory Opens\nDate of event: May 3, 2016\n\n{BODY}")
    assert parsed.title == "Joint Laboratory Opens"
    assert parsed.published_on is None


@pytest.mark.parametrize(
    ("line", "source", "published_on"),
    [
        ("Source: Xinhua | 2018-06-14", "Xinhua", date(2018, 6, 14)),
        ("来源：新华网  2018-06-14", "新华网", date(2018, 6, 14)),
        ("출처: 연합뉴스", "연합뉴스", None),
        ("发布时间：2018-06-14    来源：    作者：", "", date(2018, 6, 14)),
    ],
)
def test_source_lines(line, source, published_on):
    parsed = parse_article(f"Joint Laboratory Opens\n\n{line}\n\n{BODY}")
    assert parsed.source == source
    assert parsed.published_on == published_on


def test_a_dateline_in_the_first_sentence_dates_the_page():
    text = "Joint Laboratory Opens\n\nKyoto University, March 3, 2022: " + BODY
    parsed = parse_article(text)
    assert (parsed.published_on, parsed.date_precision, parsed.date_inferred) == (
        date(2022, 3, 3),
        "day",
        False,
    )
    assert parsed.body.startswith("Kyoto University, March 3, 2022: The two institutes")


def test_a_wire_dateline_names_its_agency():
    text = "Joint Laboratory Opens\n\nSEOUL, March 3, 2022 (Yonhap) -- " + BODY
    parsed = parse_article(text)
    assert (parsed.published_on, parsed.source) == (date(2022, 3, 3), "Yonhap")


def test_an_event_date_opening_the_first_sentence_only_bounds_the_year():
    parsed = parse_article("Joint Laboratory Opens\n\nOn March 3, 2022, " + BODY)
    assert (parsed.published_on, parsed.date_precision, parsed.date_inferred) == (
        date(2022, 1, 1),
        "year",
        True,
    )


def test_agency_datelines_and_closing_tags_give_the_source():
    chinese = (
        "两校共建电池联合实验室\n\n新华社北京3月3日电 " + "两校签署协议，共建电池联合实验室。" * 3
    )
    assert parse_article(chinese).source == "新华社"
    assert parse_article(f"Joint Laboratory Opens\n\n{BODY}\n\n(Kyodo)\n").source == "Kyodo"
    assert parse_article(f"Joint Laboratory Opens\n\n{BODY}\n\n(END)\n").source == ""


def test_captions_and_credits_go_but_every_paragraph_stays():
    text = (
        "Joint Laboratory Opens\n\n"
        "The two institutes agreed to share their laboratories and to exchange students.\n\n"
        "[Image: Lakeside] The two directors at the opening.\n"
        "Photo: Lakeside University\n"
        "(Photo by Ann Lee)\n\n"
        "Both sides will meet again next year in Seoul to review the work done.\n\n"
        "The lab opened on time.\n\n"
        "The directors shake hands in front of the new building\n"
        "- Lakeside hosts Asian rectors\n"
    )
    assert parse_article(text).body == (
        "The two institutes agreed to share their laboratories and to exchange students.\n\n"
        "Both sides will meet again next year in Seoul to review the work done.\n\n"
        "The lab opened on time."
    )


def test_a_list_the_last_paragraph_introduces_stays():
    text = (
        "Joint Laboratory Opens\n\n"
        "Under the agreement, the two institutes will work together in these fields:\n"
        "- battery materials\n"
        "- marine robotics\n"
    )
    assert parse_article(text).body.endswith("battery materials\n\nmarine robotics")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("两校签署协议，共建电池联合实验室，并将互派研究生开展合作研究。", "zh"),
        ("두 대학은 배터리 공동연구소를 세우고 대학원생을 서로 보내기로 했다.", "ko"),
        ("The two universities agreed to build a joint battery laboratory together.", "en"),
    ],
)
def test_body_lines_and_language_in_chinese_korean_and_english(body, language):
    parsed = parse_article(f"Joint Laboratory\n\n{body}")
    assert parsed.body == body
    assert parsed.language == language
