"""Organizations in English text: the sentences are written for these tests."""

from archive.importing.extract import extract


def names(body: str, **options) -> set[str]:
    return {org.name for org in extract(body, **options).organizations.values()}


def org_named(body: str, name: str, **options):
    found = [o for o in extract(body, **options).organizations.values() if o.name == name]
    assert found, f"{name!r} not among {names(body, **options)}"
    return found[0]


def test_a_name_holding_commas_and_and_stays_whole():
    body = "The Ministry of Commerce, Industry and Energy opened a new fund for startups."
    assert "Ministry of Commerce, Industry and Energy" in names(body)


def test_an_oxford_comma_list_of_fields_stays_whole():
    body = "A report of the Council for Health, Welfare, and Labour Policy came out on Monday."
    assert "Council for Health, Welfare, and Labour Policy" in names(body)


def test_a_name_with_and_between_two_fields_stays_whole():
    body = "Officials of the Ministry of Science and ICT met the Korea Institute of Science and "
    body += "Technology in Seoul."
    found = names(body)
    assert "Ministry of Science and ICT" in found
    assert "Korea Institute of Science and Technology" in found


def test_two_organizations_joined_by_and_are_split():
    body = "The Institute of Physics and Kyoto University will share a laboratory."
    found = names(body)
    assert "Institute of Physics" in found
    assert "Kyoto University" in found
    assert not any("and Kyoto" in name for name in found)


def test_a_person_before_and_is_not_part_of_the_next_name():
    body = "Guests were Director Hana Mori and Osaka University President Ken Ito."
    found = names(body)
    assert "Osaka University" in found
    assert not any("Mori" in name for name in found)


def test_a_field_before_and_opens_the_name():
    body = "The Korea Science and Engineering Foundation funds young researchers."
    assert "Korea Science and Engineering Foundation" in names(body)


def test_a_unit_of_a_parent_links_to_it():
    body = "The Department of Chemistry of Nagoya University hosted the visitors."
    unit = org_named(body, "Department of Chemistry, Nagoya University")
    assert unit.parent_key == org_named(body, "Nagoya University").key


def test_a_possessive_unit_links_to_the_acronym_it_follows():
    body = (
        "The Korea Basic Science Institute (KBSI) sent staff. "
        "KBSI's Office of Global Affairs arranged the tour."
    )
    unit = org_named(body, "Office of Global Affairs, Korea Basic Science Institute")
    assert unit.parent_key == org_named(body, "Korea Basic Science Institute").key


def test_an_acronym_in_brackets_after_the_name():
    org = org_named(
        "The Japan Society for the Promotion of Science (JSPS) agreed.",
        "Japan Society for the Promotion of Science",
    )
    assert org.acronym == "JSPS"


def test_a_name_spelled_out_in_brackets_after_its_acronym():
    body = "The team visited NTA (Nordic Technology Alliance) in Oslo."
    org = org_named(body, "Nordic Technology Alliance")
    assert org.acronym == "NTA"


def test_an_acronym_after_a_comma():
    body = "The Electronics and Telecommunications Research Institute, ETRI, joined the talks."
    assert (
        org_named(body, "Electronics and Telecommunications Research Institute").acronym == "ETRI"
    )


def test_an_acronym_alone_is_an_organization_where_the_sentence_says_so():
    body = "The delegation was received at KAIST, and later signed an accord with POSTECH."
    found = names(body)
    assert {"KAIST", "POSTECH"} <= found


def test_an_acronym_alone_without_such_context_is_not_an_organization():
    body = "The NRF budget for ICT grew and the MOU was renewed."
    assert names(body) == set()


def test_new_keywords_end_names():
    body = (
        "Seoul Asan Hospital, the Busan Marine Museum, the Asian Development Bank and the "
        "Trilateral Cooperation Secretariat attended."
    )
    assert {
        "Seoul Asan Hospital",
        "Busan Marine Museum",
        "Asian Development Bank",
        "Trilateral Cooperation Secretariat",
    } <= names(body)


def test_a_name_in_another_language_with_its_head_first():
    body = "Argentina's Academia Nacional de Ciencias sent two members."
    assert "Academia Nacional de Ciencias" in names(body)


def test_an_event_named_for_its_audience_is_not_an_organization():
    body = "The 5th Hanoi University Presidents Forum opened on Monday."
    assert not any("University" in name for name in names(body))


def test_a_venue_is_not_an_organization():
    body = "It took place at the Busan International Exhibition and Convention Center."
    assert names(body) == set()


def test_a_programme_is_not_an_organization():
    body = "The lab is backed by the Global Research Center program and the Top University Project."
    assert names(body) == set()


def test_a_sentence_start_or_a_bare_keyword_is_not_an_organization():
    body = "The University said little. Science and Technology matter. Korea and Japan agreed."
    assert names(body) == set()


def test_well_known_companies_without_a_keyword_are_found():
    body = "Engineers from SK Hynix and Huawei toured the plant."
    found = extract(body).organizations.values()
    assert {o.name for o in found} == {"SK Hynix", "Huawei"}
    assert all(o.kind == "company" for o in found)


def test_names_the_archive_knows_are_found_with_their_canonical_name():
    body = "A team from the Blue House met Nexon Games engineers."
    known = {"Blue House": "Cheong Wa Dae", "Nexon Games": "Nexon Games"}
    found = {o.name: o for o in extract(body, known_names=known).organizations.values()}
    assert set(found) == {"Blue House", "Nexon Games"}
    assert "Cheong Wa Dae" in found["Blue House"].aliases


def test_a_known_name_inside_a_longer_found_name_gives_way():
    body = "The Samsung Advanced Institute of Technology opened a lab."
    assert names(body) == {"Samsung Advanced Institute of Technology"}


def test_thousands_of_known_names_are_indexed_once_and_found():
    """The archive's names are indexed once per import run, not once per article (a timing
    test would be flaky on a shared machine; the index's reuse is what keeps it fast)."""
    from archive.importing.extract import organizations

    known = {f"Nameword{i} Labs Group{i % 7}": f"Nameword{i} Labs" for i in range(5000)}
    body = "The Korea Institute of Science and Technology met Nameword42 Labs Group0. " * 40
    assert "Nameword42 Labs Group0" in names(body, known_names=known)
    index = organizations._index_of(known)
    extract(body, known_names=known)
    assert organizations._index_of(known) is index
