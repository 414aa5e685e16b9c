"""Agreements written in Chinese and Korean: which sentences state one, its parties,
signatories, kind and date."""

from datetime import date

from archive.importing.extract import extract


def agreements(body: str, *, title: str = "", year: int | None = 2023):
    return extract(body, title=title, year=year).agreements


def names(result, fact) -> list[str]:
    return [result.organizations[key].name for key in fact.party_keys]


def one(body: str, *, title: str = "", year: int | None = 2023):
    result = extract(body, title=title, year=year)
    assert len(result.agreements) == 1, result.agreements
    return result, result.agreements[0]


# -- Chinese ----------------------------------------------------------------------------------


def test_chinese_a_and_b_signed_an_agreement_on_a_date():
    result, fact = one("11月8日，南昌材料学院与韩国蔚山海洋大学在南昌签署了学术交流合作协议。")
    assert set(names(result, fact)) == {"南昌材料学院", "韩国蔚山海洋大学"}
    assert fact.kind == "cooperation"
    assert fact.signed_on == date(2023, 11, 8)
    assert fact.date_precision == "day"


def test_chinese_instrument_gives_the_kind():
    kinds = {
        "谅解备忘录": "mou",
        "合作备忘录": "mou",
        "联合声明": "joint_statement",
        "技术开发合同": "contract",
        "框架协议": "cooperation",
    }
    for instrument, kind in kinds.items():
        found = agreements(f"成都光电学院与日本静冈精密研究所签订了{instrument}。")
        assert [f.kind for f in found] == [kind], instrument


def test_chinese_witnesses_are_neither_parties_nor_signatories_and_representatives_sign():
    result, fact = one(
        "在科技部副部长周建明的见证下，兰州能源大学校长刘志强与韩国全北材料研究院院长"
        "朴成浩代表双方签署了合作备忘录。"
    )
    assert set(names(result, fact)) == {"兰州能源大学", "韩国全北材料研究院"}
    people = {result.persons[p].name: org for p, org in fact.signatories}
    assert set(people) == {"刘志强", "朴成浩"}
    assert result.organizations[people["刘志强"]].name == "兰州能源大学"


def test_chinese_both_sides_are_the_two_organizations_named_before():
    result, fact = one(
        "日本北海道生命科学研究所代表团访问了青岛海洋工程学院。会谈后，双方签署了谅解备忘录。"
    )
    assert set(names(result, fact)) == {"日本北海道生命科学研究所", "青岛海洋工程学院"}


def test_chinese_plans_to_sign_are_no_agreement():
    for body in (
        "贵州山地研究院将与韩国江原农业大学签署合作协议。",
        "贵州山地研究院与韩国江原农业大学计划于明年签订合作备忘录。",
        "贵州山地研究院与韩国江原农业大学就签署合作协议事宜进行了磋商。",
        "贵州山地研究院与韩国江原农业大学就签署合作协议达成一致。",
    ):
        assert agreements(body) == [], body


def test_chinese_agreement_cited_without_its_parties_is_none_and_with_them_is_one():
    assert agreements("根据2016年签署的合作协议，双方每年互派十名研究生。") == []
    result, fact = one("福州化工学院与韩国庆南工业大学自2016年签署合作协议以来，交流频繁。")
    assert set(names(result, fact)) == {"福州化工学院", "韩国庆南工业大学"}
    assert fact.date_precision == "year"
    assert fact.signed_on is None


def test_chinese_signing_between_countries_is_no_agreement():
    assert agreements("自1994年两国签署科技合作协定至今，双方合作不断深化。") == []


def test_chinese_minutes_are_no_agreement():
    body = "苏州纳米研究所与韩国大田电子研究院举行会谈。会后，双方签署了会谈纪要。"
    assert agreements(body) == []


def test_chinese_institute_the_agreement_founds_is_not_a_party():
    result, fact = one("武汉光学研究所与韩国光州光子研究院签署了共建中韩联合光子研究中心的协议。")
    assert set(names(result, fact)) == {"武汉光学研究所", "韩国光州光子研究院"}


def test_chinese_signing_without_an_instrument_word():
    result, fact = one("9月5日，厦门海洋学院与日本长崎水产大学在厦门签约。")
    assert set(names(result, fact)) == {"厦门海洋学院", "日本长崎水产大学"}
    assert fact.kind == "cooperation"
    assert fact.signed_on == date(2023, 9, 5)


def test_chinese_instrument_named_before_its_signing_ceremony():
    result, fact = one("会议期间，昆明植物研究所和韩国济州生物研究院举行了合作协议签约仪式。")
    assert set(names(result, fact)) == {"昆明植物研究所", "韩国济州生物研究院"}


def test_chinese_attending_a_signing_ceremony_states_no_agreement():
    assert agreements("副校长王立新和院长金东旭出席签约仪式并致辞。") == []


def test_chinese_we_are_the_organization_the_title_names():
    result, fact = one(
        "天津工程学院代表团近日访问日本。5月3日，我校与韩国釜庆工业大学签署了学生交流协议。",
        title="天津工程学院与韩国釜庆工业大学签署学生交流协议",
    )
    assert names(result, fact) == ["天津工程学院", "韩国釜庆工业大学"]


def test_chinese_day_alone_takes_the_month_named_before():
    _, fact = one(
        "2023年10月23日至27日，大连海事工程学院代表团访问韩国。"
        "26日，大连海事工程学院与韩国木浦海洋大学签署了学生交流协议。"
    )
    assert fact.signed_on == date(2023, 10, 26)


def test_chinese_occasion_sentence_takes_the_date_of_the_one_before():
    _, fact = one(
        "4月12日，日本筑波材料研究所代表团访问了合肥物质科学研究院。会上，双方签署了合作备忘录。"
    )
    assert fact.signed_on == date(2023, 4, 12)


def test_chinese_subject_of_an_earlier_clause_signs_with_the_one_named():
    result, fact = one("西北农业大学代表团访问韩国，并与韩国忠北农业研究院签署了合作协议。")
    assert names(result, fact) == ["西北农业大学", "韩国忠北农业研究院"]


# -- Korean -----------------------------------------------------------------------------------


def test_korean_a_and_b_concluded_an_mou():
    result, fact = one("강원해양연구원과 중국 대련해양대학은 12월 3일 양해각서를 체결했다.")
    assert set(names(result, fact)) == {"강원해양연구원", "중국 대련해양대학"}
    assert fact.kind == "mou"
    assert fact.signed_on == date(2023, 12, 3)


def test_korean_a_with_b_signed_a_business_agreement():
    result, fact = one("경북에너지연구원은 중국 하북공업대학과 연구협력 협약을 맺었다고 밝혔다.")
    assert names(result, fact) == ["경북에너지연구원", "중국 하북공업대학"]
    assert fact.kind == "cooperation"


def test_korean_business_agreement_called_an_mou_is_an_mou():
    result, fact = one(
        "한국해양생명연구원(KIMB)은 중국 산동수산연구소와 공동연구를 위한 업무협약(MOU)을 체결했다."
    )
    assert fact.kind == "mou"
    assert set(names(result, fact)) == {"한국해양생명연구원", "중국 산동수산연구소"}


def test_korean_witnesses_are_not_parties_and_a_signing_by_name():
    result, fact = one(
        "제주미래대학교와 중국 해남열대연구원은 외교부 박상민 차관이 지켜보는 가운데 "
        "양해각서를 교환했다."
    )
    assert set(names(result, fact)) == {"제주미래대학교", "중국 해남열대연구원"}
    assert fact.signatories == []
    result, fact = one(
        "광주광학연구원 최영진 원장과 충북바이오대학교 한지수 총장이 협약서에 서명했다."
    )
    assert {result.persons[p].name for p, _ in fact.signatories} == {"최영진", "한지수"}


def test_korean_plans_to_conclude_are_no_agreement():
    for body in (
        "울산화학연구원과 중국 천진화공대학은 내년 공동연구 협약을 체결할 예정이다.",
        "울산화학연구원과 중국 천진화공대학은 MOU를 체결하기로 했다.",
        "울산화학연구원은 중국 천진화공대학과 MOU 체결을 추진하고 있다.",
        "울산화학연구원과 중국 천진화공대학은 업무협약 체결에 합의했다.",
        "울산화학연구원은 중국 천진화공대학과의 협약 체결 여부를 검토하고 있다.",
    ):
        assert agreements(body) == [], body


def test_korean_agreement_concluded_earlier_with_its_parties_named():
    result, fact = one(
        "지난 2015년 4월 전남기술원과 중국 광서농업대학이 체결한 MOU에 따라 센터가 문을 열었다."
    )
    assert set(names(result, fact)) == {"전남기술원", "중국 광서농업대학"}
    assert fact.date_precision == "month"
    assert fact.stated_on == date(2015, 4, 1)
    assert fact.signed_on is None


def test_korean_the_two_institutions_are_those_named_before():
    result, fact = one(
        "인천항공연구원 대표단이 중국 남경항공대학을 방문했다. 양 기관은 이 자리에서 "
        "기술협력 양해각서를 교환했다."
    )
    assert set(names(result, fact)) == {"인천항공연구원", "중국 남경항공대학"}


def test_korean_center_the_agreement_founds_is_not_a_party():
    result, fact = one(
        "부산조선연구원과 중국 상해선박대학은 공동연구센터 설립을 위한 MOU를 체결했다."
    )
    assert set(names(result, fact)) == {"부산조선연구원", "중국 상해선박대학"}


def test_korean_trade_agreement_between_states_is_no_agreement():
    body = "자유무역협정(FTA) 체결 이후 경기소재연구원과 중국 소주공업대학의 교류가 늘었다."
    assert agreements(body) == []


def test_korean_quoted_instrument_with_the_subject_left_out():
    result, fact = one(
        "충남에너지연구원은 이날 중국 방문 일정을 마쳤다. 이와 함께 중국 절강전력대학과는 "
        "'신재생 에너지 협력에 관한 양해각서'에 서명했다.",
    )
    assert names(result, fact) == ["충남에너지연구원", "중국 절강전력대학"]


def test_korean_headline_announces_the_agreement_the_body_speaks_of():
    result, fact = one(
        "대구로봇대학교와 중국 심양기계연구원은 지난달 교류 행사를 열었다. 이번 MOU로 "
        "공동연구가 시작된다.",
        title="대구로봇대학교-중국 심양기계연구원 MOU 체결",
    )
    assert set(names(result, fact)) == {"대구로봇대학교", "중국 심양기계연구원"}
    assert fact.kind == "mou"


def test_headline_alone_without_the_body_speaking_of_it_is_no_agreement():
    assert (
        agreements(
            "대구로봇대학교와 중국 심양기계연구원은 지난달 교류 행사를 열었다.",
            title="대구로봇대학교-중국 심양기계연구원 MOU 체결",
        )
        == []
    )


def test_one_agreement_for_two_sentences_about_the_same_signing():
    result = extract(
        "10月9日，沈阳机械学院与韩国昌原机械研究院签署了合作协议。"
        "沈阳机械学院与韩国昌原机械研究院签署的合作协议涵盖人才培养。",
        year=2023,
    )
    assert len(result.agreements) == 1
    assert result.agreements[0].signed_on == date(2023, 10, 9)


def test_native_title_names_the_parties_and_the_instrument():
    _, fact = one("9月1日，南宁热带学院与韩国全南农业大学签署了合作备忘录。")
    assert fact.title == "南宁热带学院与韩国全南农业大学合作备忘录"
    _, fact = one("강릉해양대학교와 중국 청도해양연구소는 업무협약을 체결했다.")
    assert fact.title == "강릉해양대학교·중국 청도해양연구소 업무협약"


def test_korean_organization_marked_as_a_role_or_place_is_not_a_party():
    result, fact = one(
        "올해 기술협력센터로 지정된 부산해양연구원과 중국 청도해양대학은 협력 양해각서에 서명했다."
    )
    assert set(names(result, fact)) == {"부산해양연구원", "중국 청도해양대학"}


def test_title_organization_inside_a_longer_title_name_is_not_the_article_subject():
    result, fact = one(
        "중국과학원 산하 연구소가 많다. 중국과학원 심양금속연구소는 지난 5일 전북소재연구원을 "
        "찾았다. 이날 전북소재연구원과 공동연구 협약을 맺었다.",
        title="중국과학원 심양금속연구소, 전북소재연구원과 협약",
    )
    assert names(result, fact) == ["중국과학원 심양금속연구소", "전북소재연구원"]


def test_subject_left_out_is_the_subject_of_the_sentence_before():
    result, fact = one(
        "광주전자대학교는 이미 여러 기관과 교류하고 있다. 전남소재연구원은 지난 5일 "
        "광주전자대학교를 찾았다. 이날 중국 무한광학연구소와 공동연구 협약을 맺었다."
    )
    assert names(result, fact) == ["전남소재연구원", "중국 무한광학연구소"]
    result, fact = one("青岛生物研究所代表团日前访问韩国。期间，与韩国江陵生物大学签署了合作协议。")
    assert names(result, fact) == ["青岛生物研究所", "韩国江陵生物大学"]


def test_chinese_instrument_named_in_book_title_marks_is_the_title_and_states_parties():
    result, fact = one("双方在友好的气氛中签署了《宁波港口学院与韩国群山海洋大学学术交流协议》。")
    assert set(names(result, fact)) == {"宁波港口学院", "韩国群山海洋大学"}
    assert fact.title == "宁波港口学院与韩国群山海洋大学学术交流协议"


def test_chinese_signing_on_the_agreement_by_representatives():
    result, fact = one(
        "上海材料研究所所长王建国与韩国昌原材料研究院院长金哲洙分别代表双方在协议上签字。"
    )
    assert set(names(result, fact)) == {"上海材料研究所", "韩国昌原材料研究院"}
    assert {result.persons[p].name for p, _ in fact.signatories} == {"王建国", "金哲洙"}


def test_both_sides_are_listed_in_the_order_the_text_names_them():
    result, fact = one("郑州农业学院与韩国全州农业研究院举行会谈。双方还续签了学生交换协议。")
    assert names(result, fact) == ["郑州农业学院", "韩国全州农业研究院"]


def test_korean_list_of_three_organizations_with_a_comma():
    result, fact = one(
        "청주공과대학교와 중국 장춘기술연구원, 일본 교토기술연구소 등 3개 기관은 MOU를 체결했다."
    )
    assert names(result, fact) == ["청주공과대학교", "중국 장춘기술연구원", "일본 교토기술연구소"]


def test_day_of_last_month_is_not_dated_by_a_month_named_before():
    _, fact = one(
        "5월 3일 행사가 열렸다. 청주공과대학교와 중국 장춘기술연구원은 지난달 28일 MOU를 체결했다."
    )
    assert fact.signed_on is None


def test_korean_that_day_is_the_date_of_the_sentence_before():
    _, fact = one(
        "청주공과대학교 대표단은 10월 5일 중국 장춘기술연구원을 방문했다. 양 기관은 이날 "
        "협약식에서 공동연구에 합의했다."
    )
    assert fact.signed_on == date(2023, 10, 5)


def test_korean_date_between_instrument_and_verb_and_signing_as_an_occasion():
    result, fact = one("목포해양대학교와 중국 대련수산연구소는 업무협약을 지난 12월 21일 체결했다.")
    assert fact.signed_on == date(2023, 12, 21)
    result, fact = one(
        "목포해양대학교와 중국 대련수산연구소는 MOU 체결을 계기로 학생 교류를 넓혔다."
    )
    assert set(names(result, fact)) == {"목포해양대학교", "중국 대련수산연구소"}
