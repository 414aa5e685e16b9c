"""What a careful reader finds in each seed article, written by hand; the extraction must
find it too."""

from datetime import date

import pytest

from archive.importing.extract import extract
from archive.importing.parse import parse_article
from archive.text import person_key
from tests.conftest import SEEDS


def extract_seed(number: int, known_acronyms=None):
    parsed = parse_article(SEEDS[number].read_text(encoding="utf-8"))
    year = parsed.published_on.year if parsed.published_on else None
    return parsed, extract(
        parsed.body, title=parsed.title, year=year, known_acronyms=known_acronyms
    )


def organizations(extraction) -> dict[str, str]:
    return {org.name: org.acronym for org in extraction.organizations.values()}


def positions(extraction) -> set[tuple[str, str, str]]:
    people = extraction.persons
    orgs = extraction.organizations
    return {
        (people[p.person_key].name, p.title, orgs[p.org_key].name if p.org_key else "")
        for p in extraction.positions
    }


def events(extraction) -> dict[str, tuple]:
    return {
        e.name: (e.kind, e.start_date, e.end_date, e.date_precision, e.city, e.region, e.country)
        for e in extraction.events
    }


EXPECTED_ORGANIZATIONS = {
    0: {
        "Chinese Academy of Engineering": "CAE",
        "National Academy of Engineering of Korea": "NAEK",
        "Zhejiang Association for Science and Technology": "",
        "Alibaba Group": "",
        "Geely Holding Group": "",
        "International Cooperation Department, Chinese Academy of Engineering": "",
    },
    1: {
        "Chongqing University": "",
        "Korea Electronics Technology Institute": "KETI",
        "Office of International Cooperation and Exchange": "",
        "School of Mechanical Engineering, Chongqing University": "",
        "School of Materials Science and Engineering, Chongqing University": "",
        "School of Power Engineering, Chongqing University": "",
        "CPC Chongqing Municipal Committee": "",
        "Korea University": "",
        "Kyung Hee University": "",
        "Sungkyunkwan University": "",
        "Hanyang University": "",
        "MicroID Technology Holdings Co., Ltd.": "",
    },
    2: {
        "China Association for Science and Technology": "CAST",
        "Chinese Academy of Engineering": "CAE",
        "International Union of Materials Research Societies": "IUMRS",
        "Shandong Association for Science and Technology": "SDAST",
        "Electronics and Telecommunications Research Institute": "ETRI",
        "Georgia Institute of Technology": "Georgia Tech",
        "China Centre for International Science and Technology Exchange": "CISTE",
        "Japan Science and Technology Agency": "JST",
        "Korea Institute of Science and Technology": "KIST",
        "Korea Techno-Venture Foundation": "KTVF",
        "National Research Foundation of Korea": "NRF",
        "Korea Institute of Oriental Medicine": "KIOM",
        "Korea-China Science and Technology Cooperation Center": "",
        "Chinese Mechanical Engineering Society": "",
        "Department of International Affairs, China Association for Science and Technology": "",
    },
    3: {
        "Institutes of Science and Development, Chinese Academy of Sciences": "CASISD",
        "Chinese Academy of Science and Technology for Development": "CASTED",
        "Korea-China Science & Technology Cooperation Center": "KOSTEC",
        "Samsung Economic Research Institute China": "SERI China",
        "Ministry of Science and Technology": "",
        "STEPI": "STEPI",
    },
    4: {},
}


@pytest.mark.parametrize("number", range(5))
def test_organizations_with_their_acronyms(number):
    found = organizations(extract_seed(number)[1])
    for name, acronym in EXPECTED_ORGANIZATIONS[number].items():
        assert name in found, f"{name} not found in seed {number}: {sorted(found)}"
        assert found[name] == acronym, name


def test_nothing_but_organizations_is_taken_for_one():
    names = {name for n in range(5) for name in organizations(extract_seed(n)[1])}
    for wrong in (
        "Moon Jae-in",
        "Belt and Road",
        "Hangzhou Future Sci-tech City",
        "Zhejiang",
        "Institute",
        "The Institute",
        "Investment Attraction Group Co",
    ):
        assert wrong not in names


def test_sub_units_link_to_their_parent():
    extraction = extract_seed(1)[1]
    orgs = extraction.organizations
    school = next(o for o in orgs.values() if o.name.startswith("School of Mechanical"))
    assert orgs[school.parent_key].name == "Chongqing University"
    casisd = next(o for o in extract_seed(3)[1].organizations.values() if o.acronym == "CASISD")
    assert casisd.parent_key == "chinese academy of sciences"


def test_later_acronyms_point_at_the_organization():
    extraction = extract_seed(0)[1]
    cae = extraction.organizations["chinese academy of engineering"]
    # "(CAE)", "the CAE" twice, "CAE member", and the department "of the CAE"
    assert [span.text for span in cae.spans].count("CAE") >= 3
    naek = extraction.organizations["national academy of engineering of korea"]
    assert all(
        span.text in {"NAEK", "National Academy of Engineering of Korea"} for span in naek.spans
    )


EXPECTED_POSITIONS = {
    0: {
        ("Piao Dongjian", "Vice President", "National Academy of Engineering of Korea"),
        ("Li Lanjuan", "member", "Chinese Academy of Engineering"),
        ("Li Lanjuan", "honorary chairman", "Zhejiang Association for Science and Technology"),
        ("Paik Man Gi", "member", "National Academy of Engineering of Korea"),
        ("Lie Sang Bong", "member", "National Academy of Engineering of Korea"),
        ("Choi Cheng De", "member", "National Academy of Engineering of Korea"),
    },
    1: {
        ("Yang Dan", "managing vice president", "Chongqing University"),
        ("Xu Jun", "director", "Office of International Cooperation and Exchange"),
        ("Wang Xu", "deputy secretary", "CPC Chongqing University Committee"),
        ("Piao Qingyuan", "president", "Korea Electronics Technology Institute"),
        ("Liu Hanlong", "vice president", "Chongqing University"),
        ("Zhang Guoqing", "mayor of Chongqing", ""),
        ("Zhang Guoqing", "deputy secretary", "CPC Chongqing Municipal Committee"),
        ("Tang Qian", "vice dean", "School of Mechanical Engineering, Chongqing University"),
        ("Luo Yuanxin", "vice dean", "School of Mechanical Engineering, Chongqing University"),
        ("Lin Qize", "director", "Mobile Platform Research Center"),
        ("Ling Chao", "marketing director", "MicroID Technology Holdings Co., Ltd."),
        ("Jiang Bingmo", "Vice President", "Enterprise Cooperation Research Institute"),
    },
    2: {
        ("Song Jun", "executive secretary", "China Association for Science and Technology"),
        ("Gan Yong", "academician", "Chinese Academy of Engineering"),
        ("Gan Yong", "former vice president", "Chinese Academy of Engineering"),
        ("Han Yafang", "secretary general", "Chinese Materials Research Society"),
        ("Han Yafang", "chairwoman", "International Union of Materials Research Societies"),
        ("Ji Hongbo", "vice-chairman", "Shandong Association for Science and Technology"),
        (
            "Carl Rust",
            "associate vice president for international initiatives",
            "Georgia Institute of Technology",
        ),
        ("Akagi Koichi", "consultant", "Japan VE Association"),
        ("Luo Hui", "head", "China Centre for International Science and Technology Exchange"),
        ("Heeki Back", "president", "Korea Techno-Venture Foundation"),
        ("Lu Daming", "vice chairman", "Chinese Mechanical Engineering Society"),
        ("Lu Daming", "secretary general", "Chinese Mechanical Engineering Society"),
    },
    3: {("Hwang-hee Cho", "President", "STEPI")},
    4: {
        ("Xu Kunlin", "governor of Jiangsu", ""),
        ("Chung Jae-ho", "South Korea’s ambassador to China", ""),
    },
}


@pytest.mark.parametrize("number", range(5))
def test_people_with_their_titles_and_affiliations(number):
    found = positions(extract_seed(number)[1])
    missing = EXPECTED_POSITIONS[number] - found
    assert not missing, f"seed {number} misses {missing}"


def test_heads_of_state_are_people_of_their_country_without_a_position():
    # the seeds' expected.json: "Moon Jae-in is a head of state -> no position"
    for number, name, country in ((1, "Moon Jae-in", "KR"), (4, "Xi Jinping", "CN")):
        extraction = extract_seed(number)[1]
        key = person_key(name)
        assert extraction.persons[key].nationality == country
        assert not [p for p in extraction.positions if p.person_key == key]


def test_honorifics_are_not_part_of_names():
    names = {p.name for n in range(5) for p in extract_seed(n)[1].persons.values()}
    assert {"Yang Dan", "Wang Xu", "Moon Jae-in", "Hwang-hee Cho"} <= names
    assert not any(name.split()[0] in {"Mr.", "Dr.", "Professor", "Mr", "Dr"} for name in names)


def test_nationality_follows_the_affiliation():
    persons = extract_seed(0)[1].persons
    assert persons[person_key("Piao Dongjian")].nationality == "KR"
    assert persons[person_key("Li Lanjuan")].nationality == "CN"


def test_the_chongqing_university_mou():
    _, extraction = extract_seed(1)
    assert len(extraction.agreements) == 1
    mou = extraction.agreements[0]
    assert mou.kind == "mou"
    assert mou.signed_on == date(2017, 12, 15)
    assert mou.party_keys == ["chongqing university", "korea electronics technology institute"]
    assert mou.signatories == [(person_key("Yang Dan"), "chongqing university")]
    assert "CQU-KETI Technical Cooperation Platform" in mou.summary
    assert "has signed the MOU" in mou.span.text


def test_agreements_only_when_something_was_signed():
    # 003 says the institutes "agreed to" research jointly: no agreement was signed.
    for number in (0, 2, 3, 4):
        assert extract_seed(number)[1].agreements == []


EXPECTED_EVENTS = {
    0: {
        "6th China-Korea Industrial Innovation Exchange": (
            "exchange",
            date(2019, 11, 12),
            date(2019, 11, 15),
            "day",
            "",
            "Zhejiang",
            "CN",
        )
    },
    1: {
        "China-Korea Industry Forum": (
            "forum",
            date(2017, 12, 16),
            None,
            "day",
            "Chongqing",
            "",
            "CN",
        ),
        "Signing ceremony of the MOU between Chongqing University and "
        "Korea Electronics Technology Institute": (
            "signing",
            date(2017, 12, 15),
            None,
            "day",
            "Chongqing",
            "",
            "CN",
        ),
    },
    2: {
        "International Technology Trade Conference and China-Japan-Korea Technology Trade Forum": (
            "conference",
            None,
            None,
            "unknown",
            "Qingdao",
            "Shandong",
            "CN",
        ),
    },
    3: {
        "Visit to China's Major Science & Technology Innovation Research Institutes": (
            "visit",
            date(2019, 3, 3),
            date(2019, 3, 6),
            "day",
            "",
            "",
            "CN",
        ),
    },
    4: {
        "China-South Korea Environmental and Innovation Cooperation Exhibition": (
            "exhibition",
            date(2023, 1, 1),
            None,
            "year",
            "Yancheng",
            "Jiangsu",
            "CN",
        ),
    },
}


@pytest.mark.parametrize("number", range(5))
def test_events_with_dates_and_places(number):
    found = events(extract_seed(number)[1])
    for name, expected in EXPECTED_EVENTS[number].items():
        assert name in found, f"{name} not in {sorted(found)}"
        assert found[name] == expected, name


def test_event_participants_and_organizers():
    event = next(e for e in extract_seed(0)[1].events if "Exchange" in e.name)
    roles = {(role, key) for role, _, key, _ in event.participants}
    assert ("organizer", "chinese academy of engineering") in roles
    assert ("participant", "national academy of engineering of korea") in roles
    assert ("participant", person_key("Piao Dongjian")) in roles
    forum = next(e for e in extract_seed(2)[1].events if "Conference" in e.name)
    people = {key for role, kind, key, _ in forum.participants if kind == "person"}
    assert {person_key(n) for n in ("Song Jun", "Gan Yong", "Ji Hongbo")} <= people


def test_every_fact_carries_the_span_that_states_it():
    parsed, extraction = extract_seed(2)
    for org in extraction.organizations.values():
        for span in org.spans:
            assert parsed.body[span.start : span.end] == span.text
    for position in extraction.positions:
        assert parsed.body[position.span.start : position.span.end] == position.span.text
        assert 0 < position.confidence <= 1


def test_acronyms_the_archive_knows_link_bare_uses():
    # 003 writes "CASSID" once; an editor who adds it as an alias teaches the import.
    _, extraction = extract_seed(
        3,
        known_acronyms={
            "CASSID": "Institutes of Science and Development, Chinese Academy of Sciences"
        },
    )
    casisd = extraction.organizations[
        "institutes of science and development chinese academy of sciences"
    ]
    assert {"CASSID", "CASISD"} <= {span.text for span in casisd.spans}


def test_extraction_is_deterministic():
    first, second = extract_seed(1)[1], extract_seed(1)[1]
    assert positions(first) == positions(second)
    assert events(first) == events(second)
