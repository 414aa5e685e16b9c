"""People and their positions in English news sentences, written for these tests."""

from archive.importing.extract import extract
from archive.text import person_key


def names(text: str) -> set[str]:
    return {p.name for p in extract(text).persons.values()}


def positions(text: str) -> set[tuple[str, str, str]]:
    ex = extract(text)
    return {
        (
            ex.persons[p.person_key].name,
            p.title,
            ex.organizations[p.org_key].name if p.org_key else "",
        )
        for p in ex.positions
    }


# -- names as news writes them ---------------------------------------------------------------


def test_a_surname_in_capitals_is_one_person_with_the_mixed_case_spelling():
    ex = extract(
        "Minghong HE, a chemist, spoke first. Later HE Minghong met the press. "
        "Minghong He thanked the hosts."
    )
    assert list(ex.persons) == [person_key("He Minghong")]
    assert ex.persons[person_key("Minghong He")].name == "Minghong He"


def test_person_keys_do_not_depend_on_word_order_or_case():
    assert person_key("HE Minghong") == person_key("Minghong He") == "he minghong"
    assert person_key("Lee Byeong-taek") == person_key("Byeong-taek LEE")


def test_an_honorific_before_a_capitalized_surname_is_dropped():
    assert names("The lecture by Prof. KIM Jae-hong drew a full hall.") == {"KIM Jae-hong"}


def test_an_acronym_in_capitals_is_no_surname():
    found = names("SG LIANG Wenhua of the secretariat spoke on Friday.")
    assert found == {"LIANG Wenhua"}


def test_given_name_first_korean_names_with_their_title():
    assert ("Yun Je Kim", "Director", "Korea Energy Research Institute") in positions(
        "Yun Je Kim, Director of the Korea Energy Research Institute, opened the session."
    )


def test_hyphenated_korean_names_stand_alone():
    assert names("The award went to Lee Byeong-taek last spring.") == {"Lee Byeong-taek"}


def test_a_name_with_a_known_surname_stands_alone():
    assert names("At the opening, Zhou Minghui welcomed the guests.") == {"Zhou Minghui"}


def test_native_name_in_brackets():
    ex = extract("Hou Jianguo (侯建国) visited the laboratory in May.")
    person = ex.persons[person_key("Hou Jianguo")]
    assert person.name == "Hou Jianguo"
    assert person.native_name == "侯建国"


def test_photo_credits_and_bylines_name_nobody_of_the_story():
    text = "The guests toured the campus. (Photo by Wang Lifang)\nBy Zhang Mei / Staff Writer"
    assert names(text) == set()


def test_place_names_and_headlines_are_no_people():
    text = (
        "Gong Wei Visits Seoul National University To Sign Pact\n\n"
        "The boats sailed down the Han River near Science and Technology Park."
    )
    assert names(text) == set()


# -- titles in the forms news uses -----------------------------------------------------------


def test_name_comma_title_of_organization():
    assert ("Chen Lihua", "Vice President", "Fudan University") in positions(
        "Chen Lihua, Vice President of Fudan University, signed the memorandum."
    )


def test_title_name_of_organization():
    assert ("Park Min-jun", "President", "Kyung Hee University") in positions(
        "President Park Min-jun of Kyung Hee University welcomed the delegation."
    )


def test_organization_possessive_title_name():
    assert ("Oh Se-hoon", "President", "Pusan National University") in positions(
        "Pusan National University's President Oh Se-hoon met the visitors on Monday."
    )


def test_organization_acronym_then_title_then_name():
    found = positions(
        "The Korea Institute of Science and Technology (KIST) hosted the talks. "
        "KIST President Yoon Seok-jin gave a speech."
    )
    assert ("Yoon Seok-jin", "President", "Korea Institute of Science and Technology") in found


def test_a_short_form_of_an_organization_named_earlier():
    found = positions(
        "Delegates visited Zhejiang University in June. "
        "Zhejiang Vice President Liu Bingxin held talks with the guests."
    )
    assert ("Liu Bingxin", "Vice President", "Zhejiang University") in found


def test_bracketed_title_and_organization():
    assert ("Lim Ha-na", "Dean", "Yonsei University") in positions(
        "Lim Ha-na (Dean, Yonsei University) chaired the panel."
    )


def test_name_who_is_title_at_organization():
    assert ("Tang Yiming", "professor", "Nanjing University") in positions(
        "Tang Yiming, who is a professor at Nanjing University, presented results."
    )


def test_a_list_of_titles_at_one_organization():
    found = positions(
        "Xu Anping, Vice President and Dean of the Graduate School of Hunan University, spoke."
    )
    assert {title for _, title, _ in found} >= {"Vice President", "Dean"}


def test_appositions_in_a_list_of_several_people():
    found = positions(
        "The panel brought together Prof. Sato Kenji, President of Tohoku University, "
        "Prof. Wang Rui, Director of the Institute of Physics, and Dr. Han Ji-won, "
        "Director General of the National Research Foundation of Korea."
    )
    assert ("Sato Kenji", "President", "Tohoku University") in found
    assert ("Wang Rui", "Director", "Institute of Physics") in found
    assert ("Han Ji-won", "Director General", "National Research Foundation of Korea") in found


def test_led_by_title_name_takes_the_organization_of_the_sentence():
    found = positions(
        "A Hanyang University delegation led by President Kim Woo-seung visited Beijing."
    )
    assert ("Kim Woo-seung", "President", "Hanyang University") in found


def test_plural_title_before_a_list_of_names():
    found = positions(
        "At Tongji University, the guests met Vice Presidents Wu Jiang and Lei Xinghui."
    )
    assert ("Wu Jiang", "Vice President", "Tongji University") in found
    assert ("Lei Xinghui", "Vice President", "Tongji University") in found


def test_ministers_secretaries_general_and_directors_general():
    found = positions(
        "Secretary-General Ouyang Hua of the Asia Cooperation Secretariat Council spoke. "
        "Vice Minister Choi Yoon-hee met Director-General Tanaka Ichiro of the Japan Patent "
        "Office on Tuesday."
    )
    names_titles = {(n, t) for n, t, _ in found}
    assert ("Ouyang Hua", "Secretary-General") in names_titles
    assert ("Choi Yoon-hee", "Vice Minister") in names_titles
    assert ("Tanaka Ichiro", "Director-General") in names_titles


def test_minister_of_a_ministry_named_in_the_title():
    found = positions("Kang Do-hyun, Minister of Science and ICT, opened the forum.")
    assert any(n == "Kang Do-hyun" and t.startswith("Minister of Science") for n, t, _ in found)


def test_professor_of_a_department_at_a_university():
    found = positions(
        "Professor Zhang Wenbo of the Department of Chemistry at Sichuan University explained."
    )
    assert any(n == "Zhang Wenbo" and t == "Professor" for n, t, _ in found)


def test_a_title_named_again_without_its_organization_adds_nothing():
    found = positions(
        "Prof. Ma Lianhe, President of Shandong University, arrived. "
        "President Ma Lianhe then chaired the meeting."
    )
    assert found == {("Ma Lianhe", "President", "Shandong University")}


def test_a_professor_without_an_organization_holds_no_position():
    text = "Professor Ito Haruki greeted the young scholars."
    assert names(text) == {"Ito Haruki"}
    assert positions(text) == set()


def test_capitalized_english_words_before_a_title_are_no_name():
    text = (
        "The office handles international affairs for the campus. "
        "Office of International Affairs, and Executive Vice President Lin Tao attended."
    )
    assert "International Affairs" not in names(text)


def test_a_country_possessive_is_no_part_of_the_title():
    found = positions(
        "Wei Ming, director general of China's National Space Administration, took part."
    )
    assert ("Wei Ming", "director general", "National Space Administration") in found


def test_a_compound_title_without_an_organization_is_kept_whole():
    found = positions("Bai Yun, vice-governor of the province, gave remarks.")
    assert any(t.startswith("vice-governor") for _, t, _ in found)


def test_coordinated_titles_share_the_organization():
    found = positions(
        "Ewha Womans University's President Kim Eun-mee and Vice President Lee Hyang-sook "
        "came to Beijing."
    )
    assert ("Lee Hyang-sook", "Vice President", "Ewha Womans University") in found


def test_a_title_after_an_other_organization_in_the_sentence_takes_no_guess():
    found = positions(
        "The agreement between Kyushu University and Hokkaido University was signed by "
        "President Ono Haruki."
    )
    assert not any(org for _, _, org in found)


# -- positions that name a post ------------------------------------------------------------


def test_heads_of_state_and_government_hold_no_position_but_give_a_nationality():
    ex = extract(
        "Japanese Prime Minister Abe Shinzo met President Moon Jae-in of Korea, and French "
        "President Emmanuel Macron sent a letter."
    )
    assert ex.positions == []
    nationalities = {p.name: p.nationality for p in ex.persons.values()}
    assert nationalities == {"Abe Shinzo": "JP", "Moon Jae-in": "KR", "Emmanuel Macron": "FR"}


def test_a_title_held_at_no_named_organization_is_no_position():
    found = positions(
        "Vice President Kim Dong-hyun toured the plant, and Dean Liu Fang gave a talk. "
        "Ambassador Chen Wei and Trade Minister Oh Min-ho joined them."
    )
    assert {n for n, _, _ in found} == {"Chen Wei", "Oh Min-ho"}


def test_the_next_person_of_a_list_is_not_a_title():
    found = positions("Lee Ho-jin, and Professor Wang Lei of Fudan University, spoke.")
    assert ("Wang Lei", "Professor", "Fudan University") in found
    assert not any(n == "Lee Ho-jin" for n, _, _ in found)


def test_a_title_in_the_singular_after_two_names_is_the_second_ones():
    found = positions(
        "Hans Becker and Lee Jin-woo, President of the Korea Polar Research Institute, "
        "signed the agreement. Tang Qing and Wu Lan, vice deans of the Tianjin Medical "
        "University, attended."
    )
    assert ("Lee Jin-woo", "President", "Korea Polar Research Institute") in found
    assert not any(n == "Hans Becker" for n, _, _ in found)
    assert ("Tang Qing", "vice dean", "Tianjin Medical University") in found
    assert ("Wu Lan", "vice dean", "Tianjin Medical University") in found


def test_a_clause_that_runs_into_another_titled_person_is_not_a_title():
    text = (
        "Park Ji-hoon, Dean of the Office of Global Relations, and Executive Vice President "
        "Sato Kenji attended. The School of Cultural Studies, which Professor Li Ming of "
        "Nankai University founded, grew."
    )
    found = positions(text)
    assert {t for n, t, _ in found if n == "Park Ji-hoon"} == {"Dean"}
    assert ("Li Ming", "Professor", "Nankai University") in found
    assert "Cultural Studies" not in names(text)


# -- the organization a sentence names away from the title -----------------------------------


def test_a_host_belongs_to_the_organization_the_sentence_hosts_at():
    found = positions(
        "The Korea Energy Agency (KEA) sent three engineers. Deputy Director Min Jae-won "
        "warmly welcomed them at KEA on Friday."
    )
    assert ("Min Jae-won", "Deputy Director", "Korea Energy Agency") in found


def test_a_person_met_at_a_visited_organization_belongs_to_it():
    found = positions(
        "The team then went to the Japanese Embassy in China and met Minister-Counsellor "
        "Sato Ken. Later it toured Hanwha Aerospace Corporation, where it met Vice "
        "Presidents Cho Min-su and Ahn Jae-ho."
    )
    assert ("Cho Min-su", "Vice President", "Hanwha Aerospace Corporation") in found
    assert ("Ahn Jae-ho", "Vice President", "Hanwha Aerospace Corporation") in found


def test_an_embassy_is_an_organization_named_with_its_seat():
    ex = extract("Staff of the Japanese Embassy in South Korea and the Consulate General met.")
    assert "Japanese Embassy in South Korea" in {o.name for o in ex.organizations.values()}


def test_a_person_acting_for_an_organization_after_the_name_holds_the_title_there():
    found = positions(
        "Vice President Gao Lin represented NWPU at the fair. Executive Director Wen Bo "
        "signed on behalf of the Gansu Research Institute."
    )
    assert ("Gao Lin", "Vice President", "NWPU") in found
    assert ("Wen Bo", "Executive Director", "Gansu Research Institute") in found


def test_a_member_of_the_delegation_belongs_to_its_organization():
    found = positions(
        "A Fudan University delegation headed by President Jin Li arrived in Osaka. Vice "
        "President Xu Ning was also part of the delegation."
    )
    assert ("Xu Ning", "Vice President", "Fudan University") in found


def test_a_delegation_from_an_organization_headed_by_a_titled_person():
    found = positions(
        "A delegation from Hanyang University (HYU) headed by President LEE Kiyong came to "
        "Tianjin University."
    )
    assert ("LEE Kiyong", "President", "Hanyang University") in found


def test_the_ministry_in_a_title_is_the_ministry_named_before():
    found = positions(
        "The Ministry of Oceans and Fisheries signed the plan. Park Min-ji, second vice "
        "minister of the ministry, announced it."
    )
    assert ("Park Min-ji", "second vice minister", "Ministry of Oceans and Fisheries") in found


def test_a_title_of_something_that_is_no_organization_is_no_position():
    text = "Okada Jun, founder of the Blue Sky Program, visited."
    assert positions(text) == set()
    assert "Okada Jun" in names(text)


def test_a_title_after_the_organization_in_the_clause():
    found = positions(
        "Maria Ortiz, the WHO Director-General, spoke. Tom Berg, the Oslo University "
        "rector, spoke too. Kim Da-eun, the KAIST student, listened."
    )
    assert ("Maria Ortiz", "Director-General", "WHO") in found
    assert ("Tom Berg", "rector", "Oslo University") in found
    assert not any(n == "Kim Da-eun" for n, _, _ in found)


def test_a_possessive_organization_before_the_title():
    found = positions(
        "Choi Yu, KOFST's chief scientist, and Lee Ha, the Kobe University dean, met."
    )
    assert ("Choi Yu", "chief scientist", "KOFST") in found
    assert ("Lee Ha", "dean", "Kobe University") in found


def test_a_minister_keeps_the_portfolio_written_before_the_title():
    ex = extract(
        "Korean Trade Minister Han Do-yoon and Maritime Affairs Minister Zhou Bin, and "
        "Health Minister Ito Aki and Li Qun, director of the Qingdao Port Authority, signed."
    )
    found = {
        (
            ex.persons[p.person_key].name,
            p.title,
            ex.organizations[p.org_key].name if p.org_key else "",
        )
        for p in ex.positions
    }
    assert ("Han Do-yoon", "Trade Minister", "") in found
    assert ("Zhou Bin", "Maritime Affairs Minister", "") in found
    assert ("Ito Aki", "Health Minister", "") in found
    assert ("Li Qun", "director", "Qingdao Port Authority") in found
    assert ex.persons[person_key("Han Do-yoon")].nationality == "KR"


def test_a_government_title_is_not_guessed_onto_a_company():
    found = positions("The visitors toured Hanwha Systems Corporation and met Minister Kim Jin-a.")
    assert not any(org for _, _, org in found)


def test_a_person_after_an_organization_and_a_comma_is_no_part_of_its_name():
    ex = extract(
        "Park Min-su, president of Gwangju Institute of Science and Technology, and Lee "
        "Ho-jin, chief engineer of Hyundai Motor Company, spoke."
    )
    assert "Gwangju Institute of Science and Technology" in {
        o.name for o in ex.organizations.values()
    }
    assert "Lee Ho-jin" in {p.name for p in ex.persons.values()}


def test_a_subhead_in_the_body_gives_no_name_that_runs_into_its_words():
    text = (
        "Vice President Choi Min-ho Opens Daegu Robot Fair\n\n"
        "Vice President Choi Min-ho of DGIST opened the fair on Monday."
    )
    assert names(text) == {"Choi Min-ho"}
    assert positions(text) == {("Choi Min-ho", "Vice President", "DGIST")}


def test_an_age_between_the_name_and_the_title_is_skipped():
    found = positions("Wang Lan, 61, director of the Wuhan Institute of Virology, spoke.")
    assert ("Wang Lan", "director", "Wuhan Institute of Virology") in found


def test_a_short_form_of_a_named_organization_before_the_title():
    found = positions(
        "Tohoku University hosted the meeting. Tohoku U President Ono Jun opened it, and "
        "Vice President Ito Ken of the Sendai Medical Center at the COEX Exhibition Hall spoke."
    )
    assert ("Ono Jun", "President", "Tohoku University") in found


def test_an_acronym_that_begins_a_longer_name_is_no_organization_after_a_name():
    found = positions("Director Lee Min-jae at the COEX Exhibition Hall explained the plan.")
    assert not any(org for _, _, org in found)


def test_an_award_received_at_an_organization_gives_no_title_there():
    found = positions(
        "Vice President Han Seo-yeon received an honorary doctorate at Waseda University."
    )
    assert not any(org for _, _, org in found)
