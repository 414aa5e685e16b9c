"""Agreements: which sentences state one, and its parties, signatories, kind and date."""

from datetime import date

from archive.importing.extract import extract
from archive.text import person_key


def agreements(body: str, *, title: str = "", year: int | None = 2022):
    return extract(body, title=title, year=year).agreements


def parties(fact) -> set[str]:
    return set(fact.party_keys)


def signers(fact) -> set[str]:
    return {person for person, _ in fact.signatories}


def test_a_and_b_signed_an_mou_on_a_date():
    [mou] = agreements(
        "Harbin Polytechnic University and Pusan Marine University signed an MOU on May 3, 2021."
    )
    assert mou.kind == "mou"
    assert parties(mou) == {"harbin polytechnic university", "pusan marine university"}
    assert mou.signed_on == date(2021, 5, 3)
    assert mou.date_precision == "day"


def test_other_signing_verbs_state_an_agreement():
    for verb in ("inked", "concluded", "entered into", "renewed", "put their signatures to"):
        found = agreements(
            f"Lanzhou Normal University and Gifu Medical University {verb} a cooperation "
            "agreement last week."
        )
        assert [f.kind for f in found] == ["cooperation"], verb


def test_the_signing_of_names_the_instrument():
    [mou] = agreements(
        "Nagoya Materials Institute and Dalian Ocean University marked the signing of a "
        "memorandum of understanding at a ceremony on October 9."
    )
    assert parties(mou) == {"nagoya materials institute", "dalian ocean university"}
    assert mou.signed_on == date(2022, 10, 9)


def test_a_signing_ceremony_for_the_instrument_between_two_parties():
    [mou] = agreements(
        "A signing ceremony took place in Osaka on March 2 for the first memorandum of "
        "understanding between Kobe Coastal University and Ningbo Design University."
    )
    assert parties(mou) == {"kobe coastal university", "ningbo design university"}
    assert mou.signed_on == date(2022, 3, 2)


def test_a_passive_signing_by_the_parties():
    [mou] = agreements(
        "An MOU was signed by Jeju Energy University and Xiamen Solar Institute on June 8."
    )
    assert parties(mou) == {"jeju energy university", "xiamen solar institute"}


def test_a_with_b_makes_both_parties():
    [mou] = agreements(
        "Sendai Robotics University signed a letter of intent with Chengdu Aviation University."
    )
    assert mou.kind == "other"
    assert parties(mou) == {"sendai robotics university", "chengdu aviation university"}


def test_a_joint_statement_is_its_own_kind():
    [statement] = agreements(
        "Hokkaido Polar University and Inha Ocean University issued a joint statement on "
        "polar research."
    )
    assert statement.kind == "joint_statement"


def test_a_joint_statement_that_is_only_cited_is_no_agreement():
    assert (
        agreements(
            "In a joint statement, Hokkaido Polar University and Inha Ocean University praised "
            "the students."
        )
        == []
    )


def test_agreeing_to_cooperate_is_no_agreement():
    assert (
        agreements(
            "Hokkaido Polar University and Inha Ocean University agreed to cooperate on "
            "polar research."
        )
        == []
    )


def test_a_planned_signing_is_no_agreement():
    assert (
        agreements(
            "Hokkaido Polar University plans to sign an MOU with Inha Ocean University next year."
        )
        == []
    )


def test_the_two_institutions_are_the_parties_named_before():
    body = (
        "Hubei Optics University hosted Tottori Laser University in May. "
        "The two institutions renewed their exchange agreement during the visit."
    )
    [agreement] = agreements(body)
    assert parties(agreement) == {"hubei optics university", "tottori laser university"}


def test_the_university_is_the_subject_of_the_article():
    [mou] = agreements(
        "Researchers gathered in Davos. The university inked an MOU with Basel Quantum "
        "University. Ulsan Quantum University has four partners.",
        title="Ulsan Quantum University inks MOU with Basel Quantum University",
    )
    assert parties(mou) == {"ulsan quantum university", "basel quantum university"}


def test_the_center_an_mou_founds_is_not_a_party():
    [mou] = agreements(
        "Tianjin Sea University and Mokpo Harbor University signed an MOU to establish the "
        "Tianjin-Mokpo Joint Research Center."
    )
    assert parties(mou) == {"tianjin sea university", "mokpo harbor university"}


def test_signatories_on_behalf_of_their_institutions():
    [mou] = agreements(
        "Professor Wen Lihua signed the MOU on behalf of Hunan Rail University with Daejeon "
        "Train Institute on April 4."
    )
    assert mou.signatories == [(person_key("Wen Lihua"), "hunan rail university")]


def test_signatories_who_signed_with_their_titles():
    [mou] = agreements(
        "Kang Minho, president of Gwangju Light University, and Zhou Wei, president of Hefei "
        "Lamp University, signed the agreement."
    )
    assert signers(mou) == {person_key("Kang Minho"), person_key("Zhou Wei")}
    assert parties(mou) == {"gwangju light university", "hefei lamp university"}


def test_people_who_only_came_before_the_signing_did_not_sign():
    body = (
        "Rector Park Jisoo of Suwon Bio University came to the campus, and during the visit "
        "Suwon Bio University and Qingdao Gene University signed an agreement."
    )
    [agreement] = agreements(body)
    assert agreement.signatories == []


def test_a_later_sentence_names_who_signed_the_same_agreement():
    body = (
        "Tokyo Rocket Institute and Busan Satellite Institute signed an arrangement on July 1. "
        "Director Sato Hiroshi and President Lee Dongwook put their signatures to the arrangement."
    )
    [arrangement] = agreements(body)
    assert signers(arrangement) == {person_key("Sato Hiroshi"), person_key("Lee Dongwook")}


def test_listed_instruments_are_each_an_agreement():
    body = (
        "Xian Road University and Gumi Bridge University signed a set of agreements, consisting "
        "of an MOU and Student Exchange Agreements."
    )
    kinds = sorted(f.kind for f in agreements(body))
    assert kinds == ["cooperation", "mou"]


def test_renewed_and_signed_in_one_sentence_are_two_agreements():
    body = (
        "Wuhan Lake University and Daegu Hill University renewed their Agreement of Cooperation "
        "and also signed a Memorandum of Agreement."
    )
    assert sorted(f.kind for f in agreements(body)) == ["cooperation", "mou"]


def test_an_earlier_agreement_dated_by_its_month_has_no_day():
    body = (
        "Kyoto Glass Institute and Fuzhou Tea University signed an MOU on June 3, 2020. "
        "It extends a General Research Agreement that the two institutions first concluded "
        "in March 2011."
    )
    mou, earlier = agreements(body)
    assert mou.signed_on == date(2020, 6, 3)
    assert earlier.signed_on is None
    assert (earlier.date_precision, earlier.stated_on) == ("month", date(2011, 3, 1))
    assert parties(earlier) == {"kyoto glass institute", "fuzhou tea university"}
    assert mou.fingerprint != earlier.fingerprint


def test_the_date_of_the_event_the_signing_belongs_to():
    body = (
        "Okayama Fruit University held an event on June 24, 2011 to open its office. "
        "About 200 guests attended. The centerpiece of the event was the signing of an MOU "
        "between Okayama Fruit University and Guilin Hill University."
    )
    [mou] = agreements(body)
    assert mou.signed_on == date(2011, 6, 24)


def test_a_day_without_a_year_takes_the_articles_year_or_stays_unknown():
    body = "Akita Rice University and Harbin Ice University signed an MOU on November 13."
    assert agreements(body, year=2013)[0].signed_on == date(2013, 11, 13)
    assert agreements(body, year=None)[0].signed_on is None


def test_the_two_presidents_are_the_signatories_named_before():
    body = (
        "At Ansan Tech University, President Choi Sunwoo received the delegation of Jilin "
        "Farm University headed by President Ma Lianhe. After their talks, the two presidents "
        "signed a memorandum of understanding."
    )
    [mou] = agreements(body)
    assert signers(mou) == {person_key("Choi Sunwoo"), person_key("Ma Lianhe")}
    assert parties(mou) == {"ansan tech university", "jilin farm university"}


def test_the_agreement_signed_by_in_the_next_sentence_is_the_same_one():
    body = (
        "Riverside University and the Valley Institute of Technology signed an MOU on May 2. "
        "The agreement was signed by Director Ana Lopez and President Ken Mori."
    )
    [mou] = agreements(body)
    assert signers(mou) == {person_key("Ana Lopez"), person_key("Ken Mori")}
