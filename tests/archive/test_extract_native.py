"""Organizations and people written in Chinese and Korean script."""

from archive.importing.extract import extract


def _orgs(result):
    return {o.name: o for o in result.organizations.values()}


def _positions(result):
    names = {o.key: o.name for o in result.organizations.values()}
    people = {p.key: p.name for p in result.persons.values()}
    return {(people[p.person_key], p.title, names.get(p.org_key, "")) for p in result.positions}


def test_chinese_org_title_and_name_in_one_run():
    result = extract("3月2日，北京大学校长李明华在京会见了来访客人。")
    assert "北京大学" in _orgs(result)
    assert ("李明华", "校长", "北京大学") in _positions(result)


def test_chinese_name_is_cut_at_a_conjunction_and_starts_at_a_country_word():
    result = extract(
        "双方代表与日本海洋科学技术研究会举行会谈，会上介绍了韩国未来材料研究所的情况。"
    )
    orgs = _orgs(result)
    assert "日本海洋科学技术研究会" in orgs
    assert "韩国未来材料研究所" in orgs
    assert orgs["日本海洋科学技术研究会"].country == "JP"
    assert orgs["韩国未来材料研究所"].country == "KR"


def test_chinese_name_before_title_and_latin_name_after_title():
    result = extract("张海涛教授出席会议。德国材料学会主席Anna Becker致辞。")
    people = {p.name for p in result.persons.values()}
    assert {"张海涛", "Anna Becker"} <= people
    assert ("Anna Becker", "主席", "德国材料学会") in _positions(result)


def test_chinese_two_character_name_ends_before_the_next_word():
    result = extract("副校长刘洋一行访问了东京大学。")
    assert {p.name for p in result.persons.values()} == {"刘洋"}


def test_chinese_defined_short_form_is_the_acronym_and_found_later():
    body = "华东理工大学（以下简称“华理”）与首尔大学签署协议。华理将派遣学生。"
    org = _orgs(extract(body))["华东理工大学"]
    assert org.acronym == "华理"
    assert len(org.spans) == 2


def test_chinese_unit_of_an_organization_gives_the_title_with_the_unit():
    result = extract("出席会议的有教育部国际司司长赵立新、一级巡视员钱平等。")
    positions = _positions(result)
    assert ("赵立新", "国际司司长", "教育部") in positions
    assert ("钱平", "一级巡视员", "教育部") in positions


def test_chinese_chain_of_titles_before_one_name():
    result = extract("南方科技大学校长、中国科学院院士陈立新一行到访。")
    positions = _positions(result)
    assert ("陈立新", "校长", "南方科技大学") in positions
    assert ("陈立新", "院士", "中国科学院") in positions


def test_chinese_words_ending_like_organizations_are_not_names():
    result = extract("全部内容由该大学学生负责，大学生和部分专家参加。")
    assert not result.organizations


def test_chinese_head_of_state_is_a_person_without_position():
    result = extract("习近平主席在北京会见了来访的客人。")
    assert "习近平" in {p.name for p in result.persons.values()}
    assert not result.positions


def test_chinese_ministry_name_drops_its_country_at_home():
    org = _orgs(extract("中国农业部部长王建设出席。"))["中国农业部"]
    assert "农业部" in org.aliases
    assert org.country == "CN"


def test_korean_particle_is_cut_off_the_name():
    result = extract("한국에너지기술연구원은 도쿄대학교와 협약을 맺었다.")
    orgs = _orgs(result)
    assert {"한국에너지기술연구원", "도쿄대학교"} <= set(orgs)


def test_korean_country_word_before_a_spaced_name():
    org = _orgs(extract("그는 중국 생태환경부 관계자를 만났다."))["중국 생태환경부"]
    assert org.country == "CN"


def test_korean_name_title_and_organization():
    result = extract("박민수 한국해양과학기술원 원장은 이날 인사말을 했다.")
    assert ("박민수", "원장", "한국해양과학기술원") in _positions(result)


def test_korean_unit_after_its_organization_and_english_acronym():
    result = extract("부산대학교 산학협력단이 행사를 열었다. 한국원자력연구원(KAERI)도 참석했다.")
    orgs = _orgs(result)
    assert orgs["부산대학교 산학협력단"].parent_key == orgs["부산대학교"].key
    assert orgs["한국원자력연구원"].acronym == "KAERI"


def test_korean_common_words_are_not_names():
    result = extract("정부는 신임 원장을 발표했다.")
    assert not result.organizations
    assert not result.persons


def test_known_native_names_link_to_the_archive_names():
    result = extract(
        "东芝与清华大学合作。홍길동 원장이 왔다.",
        known_names={"东芝": "Toshiba", "Tsinghua University": "Tsinghua University"},
        known_people={"홍길동": "Hong Gil-dong"},
    )
    assert "东芝" in _orgs(result)["Toshiba"].aliases
    assert {p.name for p in result.persons.values()} == {"Hong Gil-dong"}
