"""Events: names, kinds, dates, places, in sentences written for these tests."""

from datetime import date

from archive.importing.extract import extract


def events(body: str, title: str = "Untitled", year: int | None = 2021):
    return {e.name: e for e in extract(body, title=title, year=year).events}


def test_a_numbered_meeting_with_an_of_tail_and_no_year_keeps_month_and_day():
    found = events(
        "The 5th Meeting of Directors of Polar Institutes (DPI) was convened in Busan on "
        "March 3rd. The members agreed on the agenda of the 6th DPI.",
        year=None,
    )
    meeting = found["5th Meeting of Directors of Polar Institutes"]
    assert (meeting.kind, meeting.start_date, meeting.month_day) == ("meeting", None, "03-03")
    assert (meeting.city, meeting.country) == ("Busan", "KR")
    assert found["6th DPI"].kind == "meeting"


def test_seminars_are_workshops_and_summits_meetings():
    found = events(
        "The Asia Ocean Science Seminar was held in Kobe on 3–5 June 2018. Leaders recalled "
        "the pledges of the 4th Trilateral Summit."
    )
    seminar = found["Asia Ocean Science Seminar"]
    assert (seminar.kind, seminar.start_date, seminar.end_date) == (
        "workshop",
        date(2018, 6, 3),
        date(2018, 6, 5),
    )
    assert (seminar.city, seminar.country) == ("Kobe", "JP")
    assert found["4th Trilateral Summit"].kind == "meeting"


def test_events_a_sentence_introduces_in_lower_case():
    found = events(
        "Side events include a special workshop on marine robotics, and a joint seminar on "
        "battery standards."
    )
    assert found["special workshop on marine robotics"].kind == "workshop"
    assert "joint seminar on battery standards" in found


def test_a_description_is_no_event():
    found = events("The exchange has become a regional meeting that rotates among members.")
    assert not [name for name in found if "regional meeting" in name]


def test_a_series_named_in_passing_is_no_event():
    found = events("Ms Park praised what the Harbin Ice Forum has achieved over the years.")
    assert found == {}


def test_the_series_joins_its_one_numbered_session():
    found = events(
        "The 3rd Pacific Rim Rectors Forum took place on May 4 in Seoul. The Pacific Rim "
        "Rectors Forum has been held every year since 2015."
    )
    assert list(found) == ["3rd Pacific Rim Rectors Forum"]


def test_a_delegation_and_dated_trips():
    found = events(
        "Minister Park hosted a delegation led by Mr. Jun-ho Kim, Minister of Trade. "
        "From May 2 to 6, the team travelled to Japan. On May 9 it went on to Vietnam, where "
        "it met officials."
    )
    assert found["Delegation led by Jun-ho Kim"].kind == "visit"
    japan = found["Visit to Japan"]
    assert (japan.start_date, japan.end_date, japan.country) == (
        date(2021, 5, 2),
        date(2021, 5, 6),
        "JP",
    )
    assert found["Visit to Vietnam"].country == "VN"


def test_a_dateline_date_is_not_the_events():
    found = events(
        "Kyoto University, July 2, 2021: A delegation headed by President Lee Min-ho recently "
        "travelled to Japan."
    )
    visits = [e for e in found.values() if e.kind == "visit"]
    assert len(visits) == 1
    assert visits[0].start_date is None


def test_a_ceremony_where_a_memorandum_was_signed():
    found = events(
        "KAIST and Fudan University marked the signing of a memorandum of understanding at a "
        "ceremony held in Shanghai on March 9, 2019."
    )
    (signing,) = [e for e in found.values() if e.kind == "signing"]
    assert "ceremony" in signing.name.lower()
    assert (signing.start_date, signing.city) == (date(2019, 3, 9), "Shanghai")


def test_a_capitalized_body_before_a_lower_case_meeting():
    found = events("On June 8 the trade ministers joined the APEC ministerial meeting in Lima.")
    assert found["APEC ministerial meeting"].start_date == date(2021, 6, 8)


def test_chinese_names_end_at_the_keyword_and_start_after_the_verb():
    found = events(
        "2019年5月14日，双方在青岛召开第三届中韩海洋科技论坛，会议期间，代表们参观了实验室。",
        title="青岛举办海洋论坛",
    )
    forum = found["第三届中韩海洋科技论坛"]
    assert (forum.kind, forum.start_date, forum.city, forum.country) == (
        "forum",
        date(2019, 5, 14),
        "Qingdao",
        "CN",
    )
    assert not [name for name in found if name.startswith("会议")]


def test_a_chinese_trip_dates_itself_not_what_was_attended_during_it():
    found = events(
        "2019年6月3-7日，学院5人组团赴日本，出席第二届亚洲材料研讨会。5日，代表团来到东北大学进行交流。",
        year=None,
    )
    trip = next(e for e in found.values() if "赴日本" in e.name)
    assert (trip.kind, trip.start_date, trip.end_date, trip.country) == (
        "visit",
        date(2019, 6, 3),
        date(2019, 6, 7),
        "JP",
    )
    assert found["第二届亚洲材料研讨会"].start_date is None
    call = next(e for e in found.values() if "东北大学" in e.name)
    assert (call.start_date, call.country) == (date(2019, 6, 5), "JP")


def test_chinese_talks_this_month_take_the_month_in_talk():
    found = events(
        "2018年3月20日，委员会在首尔召开会议。本月12日，部长在北京同来访的大臣举行会谈。",
        year=2018,
    )
    talk = next(e for e in found.values() if "会谈" in e.name)
    assert (talk.kind, talk.start_date, talk.city) == ("visit", date(2018, 3, 12), "Beijing")


def test_korean_event_names_and_dates():
    found = events(
        "과기정통부는 2019년 4월 17~18일 부산에서 열린 제2회 한중 미래기술 포럼에 참석했다.",
        title="한중 미래기술 포럼 개최",
    )
    forum = found["제2회 한중 미래기술 포럼"]
    assert (forum.kind, forum.start_date, forum.end_date, forum.city) == (
        "forum",
        date(2019, 4, 17),
        date(2019, 4, 18),
        "Busan",
    )


def test_a_korean_city_name_that_is_also_a_common_word_needs_its_city_suffix():
    from archive.importing.extract import extract

    body = "지난 5월 21일 서울에서 한중 과학기술 포럼이 열렸다. 다음 포럼은 지난시에서 열린다."
    cities = {event.city for event in extract(body, year=2024).events}
    assert "Seoul" in cities
    body = "지난 5월 21일 한중 과학기술 포럼이 열렸다."
    assert {event.city for event in extract(body, year=2024).events} == {""}
