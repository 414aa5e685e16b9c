"""Event dates and ranges as pages write them, in English, Chinese and Korean."""

from datetime import date

import pytest

from archive.importing.dates import find_event_dates


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The fair ran from Oct. 10th- 13th in Busan.", date(2021, 10, 10), date(2021, 10, 13)),
        ("It met from 19th-24th September, 2011 in Lyon.", date(2011, 9, 19), date(2011, 9, 24)),
        ("The panel sat on 3–5 June 2018 in Kobe.", date(2018, 6, 3), date(2018, 6, 5)),
        ("Talks are set for May 24-26.", date(2021, 5, 24), date(2021, 5, 26)),
        ("The tour lasts March 30 to April 2.", date(2021, 3, 30), date(2021, 4, 2)),
        ("It opens Dec. 3 - 5 at the hall.", date(2021, 12, 3), date(2021, 12, 5)),
        ("Held 30 March to 2 April 2019 in Nara.", date(2019, 3, 30), date(2019, 4, 2)),
        ("From 3 to 6 March, 2019, experts met.", date(2019, 3, 3), date(2019, 3, 6)),
        ("The camp ran December 30 to January 2.", date(2021, 12, 30), date(2022, 1, 2)),
        ("2018年10月23-27日，代表团赴日本。", date(2018, 10, 23), date(2018, 10, 27)),
        ("1月20日至21日，校长访问首尔。", date(2021, 1, 20), date(2021, 1, 21)),
        ("10月30日至11月2日，论坛在青岛举行。", date(2021, 10, 30), date(2021, 11, 2)),
        ("2019년 4월 17~18일 서울에서 열렸다.", date(2019, 4, 17), date(2019, 4, 18)),
        ("4월 17일부터 18일까지 부산에서 열린다.", date(2021, 4, 17), date(2021, 4, 18)),
    ],
)
def test_date_ranges_in_every_form(sentence, start, end):
    found = find_event_dates(sentence, 2021)
    assert (found.start, found.end, found.precision) == (start, end, "day")


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("The board convened on September 16th.", date(2021, 9, 16)),
        ("On 9 July the team left.", date(2021, 7, 9)),
        ("12月15日，院长会见了来访的代表团。", date(2021, 12, 15)),
        ("10월 23일 세미나가 열렸다.", date(2021, 10, 23)),
        ("It was signed on 2019-04-17 in Osaka.", date(2019, 4, 17)),
    ],
)
def test_single_days_take_the_articles_year(sentence, start):
    found = find_event_dates(sentence, 2021)
    assert (found.start, found.end) == (start, None)


def test_without_any_year_the_month_and_day_are_kept():
    found = find_event_dates("The council met on November 4th.", None)
    assert (found.start, found.precision, found.month_day) == (None, "unknown", "11-04")


def test_a_day_alone_takes_the_month_being_talked_about():
    assert find_event_dates("26日，代表团来到大学。", 2018, 10).start == date(2018, 10, 26)
    assert find_event_dates("本月23日两国元首会面。", 2019, 12).start == date(2019, 12, 23)
    # without a month to lean on, a day alone is no date
    assert find_event_dates("26日，代表团来到大学。", 2018) is None


def test_the_first_date_of_the_sentence_wins_over_a_later_range():
    found = find_event_dates("On May 2 it was announced for June 10 to 12.", 2020)
    assert (found.start, found.end) == (date(2020, 5, 2), None)


def test_japan_written_after_a_day_is_not_a_date():
    assert find_event_dates("中日韩三国代表出席，日本代表发言。", 2020, 5) is None


def test_a_month_alone_has_month_precision():
    found = find_event_dates("The expo will open in June 2024 in Daegu.", None)
    assert (found.start, found.precision) == (date(2024, 6, 1), "month")


def test_a_month_written_with_an_odd_letter_is_still_read():
    # re.I matches the long s (ſ) and the Kelvin sign (K) as s and k: the name is folded
    # the same way before it is looked up, instead of failing the whole page.
    from archive.importing.dates import find_dates

    assert find_event_dates("It opened on ſeptember 3, 2020.", None).start == date(2020, 9, 3)
    assert find_dates("Published: ſep 3, 2020")[0].value == date(2020, 9, 3)
