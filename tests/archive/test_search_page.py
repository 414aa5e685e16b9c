"""What a reader sees on the articles page, now that the search index answers it: the
exact count, relevance over every match, facets over every match, marked words, stems,
phrases, Chinese and Korean words, chips, the page that finds nothing, and the page shown
while the index is built again. The index is the same on SQLite and PostgreSQL: these run
on both."""

import datetime
import re

import pytest

from archive.models import Article, ArticleStatus, Mention, MentionKind, Organization
from tests.conftest import html, make_article

pytestmark = pytest.mark.django_db


def article(title: str, body: str, day=datetime.date(2024, 5, 2), **fields) -> Article:
    """Create every article and mention before the test's first search: the index is
    built then."""
    return make_article(title, body, day, **fields)


def names(item: Article, *organizations: Organization) -> None:
    for org in organizations:
        Mention.objects.create(
            article=item,
            kind=MentionKind.NAME,
            organization=org,
            start=0,
            end=len(org.name),
            quote=org.name,
            confidence=1.0,
        )


def organization(name: str, country: str) -> Organization:
    slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
    return Organization.objects.create(name=name, slug=slug, country=country)


def links(page: str) -> list[str]:
    """The articles listed, in order."""
    return re.findall(r'<li><a href="(/articles/[^"/]+/)">', page)


def result_count(page: str) -> str:
    return re.search(r'<p class="meta" role="status" id="result-count">(.*?)</p>', page).group(1)


def facet(page: str, key: str) -> dict[str, int]:
    """A facet's values (as in their links) and counts."""
    found = re.findall(rf'[?&;]{key}=(\w+)"[^>]*>[^<]*</a> <span class="count">(\d+)</span>', page)
    return {value: int(n) for value, n in found}


def chips(page: str) -> dict[str, str]:
    """The chips' labels and links."""
    listed = re.search(r'<ul class="chips"[^>]*>(.*?)</ul>', page, re.S)
    if not listed:
        return {}
    found = re.findall(r'<a class="chip" href="([^"]*)" aria-label="([^"]*)">', listed.group(1))
    return {label: href.replace("&amp;", "&") for href, label in found}


def test_the_count_is_exact_and_words_are_marked(client):
    for n in range(25):
        article(f"Hydrogen note {n}", f"Note {n} on hydrogen storage in tanks.")
    article("Solar note", "Nothing about the other gas.")
    page = html(client, "/articles/?q=hydrogen")
    assert result_count(page) == "25 articles for “hydrogen”, most relevant first"
    assert len(links(page)) == 20  # one page of the 25
    assert len(links(html(client, "/articles/?q=hydrogen&page=2"))) == 5
    assert "<mark>Hydrogen</mark> note" in page  # the title
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', page, re.S)
    assert len(snippets) == 20
    assert all("on <mark>hydrogen</mark> storage" in snippet for snippet in snippets)
    assert result_count(html(client, "/articles/?q=solar")) == "1 article for “solar”"


def test_relevance_puts_an_older_best_match_first(client):
    best = article(
        "Hydrogen fuel cells: the hydrogen plan",
        "Hydrogen, hydrogen and hydrogen.",
        day=datetime.date(2012, 1, 5),
    )
    passing = article(
        "A long review of the year",
        "Many topics were discussed at length by the delegations; "
        "one of them, briefly, was hydrogen, among budgets, staff and buildings.",
        day=datetime.date(2024, 6, 1),
    )
    ranked = links(html(client, "/articles/?q=hydrogen"))
    assert ranked == [best.get_absolute_url(), passing.get_absolute_url()]
    newest = links(html(client, "/articles/?q=hydrogen&sort=newest"))
    assert newest == [passing.get_absolute_url(), best.get_absolute_url()]


def test_facets_count_every_match_not_a_sample(client):
    def many(year: int, n: int) -> list[Article]:
        return [
            Article(
                title=f"Plankton survey {year}-{i}",
                slug=f"plankton-{year}-{i}",
                published_on=datetime.date(year, 3, 1),
                date_precision="day",
                raw_text="plankton",
                body=f"Survey {i} counted plankton.",
                content_hash=f"plankton-{year}-{i}",
                status=ArticleStatus.PUBLISHED,
            )
            for i in range(n)
        ]

    Article.objects.bulk_create(many(2020, 700) + many(2021, 500))
    page = html(client, "/articles/?q=plankton")
    assert result_count(page) == "1200 articles for “plankton”, most relevant first"
    assert facet(page, "year") == {"2021": 500, "2020": 700}
    newest = html(client, "/articles/?q=plankton&sort=oldest&year=2021")
    assert result_count(newest).startswith("500 articles")


def test_forums_finds_forum(client):
    said = article("Meeting in Seoul", "The forum met in Seoul.")
    page = html(client, "/articles/?q=forums")
    assert links(page) == [said.get_absolute_url()]
    assert "The <mark>forum</mark> met" in page


def test_a_quoted_phrase_matches_only_the_phrase(client):
    phrase = article("Plant news", "A new solar power plant opened.")
    apart = article("Other news", "The power of the sun: a solar plant opened.")
    both = {phrase.get_absolute_url(), apart.get_absolute_url()}
    assert set(links(html(client, "/articles/?q=solar+power"))) == both
    quoted = html(client, "/articles/?q=%22solar+power%22")
    assert links(quoted) == [phrase.get_absolute_url()]
    assert "1 article for “&quot;solar power&quot;”" in quoted
    assert links(html(client, "/articles/?q=solar+-sun")) == [phrase.get_absolute_url()]


def test_korean_and_chinese_words_find_their_articles(client):
    zh = article(
        "两国科学院签署合作协议",
        "五月二日，中国科学院院长与韩国国家研究会主席在北京签署了合作协议。",
        language="zh",
    )
    ko = article(
        "한중 공동연구센터 개소",
        "한국과학기술연구원은 중국 연구소와 함께 공동연구센터를 열었다고 밝혔다.",
        language="ko",
    )
    page = html(client, "/articles/?q=中国科学院")
    assert links(page) == [zh.get_absolute_url()]
    assert "<mark>中国科学院</mark>" in page
    page = html(client, "/articles/?q=연구원")
    assert links(page) == [ko.get_absolute_url()]
    assert "<mark>연구원</mark>" in page
    assert links(html(client, "/articles/?q=中国家")) == []  # both pairs occur, not the word


def test_names_that_matched(client):
    kier = organization("Korea Institute of Energy Research", "KR")
    item = article("KIER signs", "KIER signed with a partner.")
    names(item, kier)
    page = html(client, "/articles/?q=energy")
    assert links(page) == [item.get_absolute_url()]
    assert "Names that matched: Korea Institute of Energy Research" in page


def test_an_acronym_finds_the_articles_naming_the_organization_in_full(client):
    kaist = organization("Korea Advanced Institute of Science and Technology", "KR")
    Organization.objects.filter(pk=kaist.pk).update(acronym="KAIST")
    item = article("A new campus", "The Korea Advanced Institute of Science and Technology opened.")
    names(item, kaist)
    article("Another campus", "A university opened.")
    page = html(client, "/articles/?q=kaist")
    assert links(page) == [item.get_absolute_url()]
    assert "Names that matched: Korea Advanced Institute of Science and Technology (KAIST)" in page


@pytest.fixture
def by_country():
    kr, cn = organization("Seoul Lab", "KR"), organization("Beijing Lab", "CN")
    both = article("Joint lab", "Seoul and Beijing labs.", day=datetime.date(2015, 1, 1))
    names(both, kr, cn)
    korean = article("Seoul lab alone", "Seoul lab.", day=datetime.date(2016, 1, 1))
    names(korean, kr)
    chinese = article("Beijing lab alone", "Beijing lab.", day=datetime.date(2017, 1, 1))
    names(chinese, cn)
    return {"both": both, "KR": korean, "CN": chinese}


def test_chips_show_the_choices_and_remove_them(client, by_country):
    urls = {key: item.get_absolute_url() for key, item in by_country.items()}
    page = html(client, "/articles/?country=KR&country=CN")
    assert links(page) == [urls["both"]]  # naming both
    assert chips(page) == {
        "Remove filter Country: South Korea": "?country=CN",
        "Remove filter Country: China": "?country=KR",
    }
    assert set(links(html(client, "/articles/?country=CN"))) == {urls["both"], urls["CN"]}
    # A facet's value adds itself to what is chosen.
    korean = html(client, "/articles/?country=KR")
    assert 'href="?country=KR&amp;country=CN">China</a>' in korean
    assert 'href="?" aria-current="true"' in korean  # chosen: its link removes it


def test_two_years_are_either_and_the_year_facet_stays_open(client, by_country):
    urls = {key: item.get_absolute_url() for key, item in by_country.items()}
    page = html(client, "/articles/?year=2015&year=2017")
    assert set(links(page)) == {urls["both"], urls["CN"]}
    assert set(chips(page)) == {"Remove filter Year: 2015", "Remove filter Year: 2017"}
    assert facet(page, "year") == {"2017": 1, "2016": 1, "2015": 1}  # 2016 still on offer
    assert facet(html(client, "/articles/?year=2015"), "country") == {"KR": 1, "CN": 1}


def test_a_search_that_finds_nothing_offers_to_drop_each_choice(client, by_country):
    page = html(client, "/articles/?q=seoul&country=CN&year=2016")
    assert result_count(page) == "0 articles for “seoul”"
    assert "No published article matches “seoul” with year 2016 and country China." in page
    offers = dict(
        (label, href.replace("&amp;", "&"))
        for href, label in re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', page)
    )
    assert offers["Search without the words “seoul”"] == "?country=CN&year=2016"
    assert offers["Drop the filter Country: China"] == "?q=seoul&year=2016"
    assert offers["Drop the filter Year: 2016"] == "?q=seoul&country=CN"
    assert links(html(client, f"/articles/{offers['Drop the filter Country: China']}")) == [
        by_country["KR"].get_absolute_url()
    ]
    assert links(html(client, f"/articles/{offers['Drop the filter Year: 2016']}")) == [
        by_country["both"].get_absolute_url()
    ]


def test_drafts_are_never_found_nor_counted(client):
    jp = organization("Tokyo Plankton Institute", "JP")
    kr = organization("Busan Krill Centre", "KR")
    draft = article(
        "Draft on krill", "Krill and krill.", day=datetime.date(2011, 1, 1),
        status=ArticleStatus.REVIEW,
    )  # fmt: skip
    names(draft, jp)
    article("Published on krill", "Krill seen.", day=datetime.date(2020, 1, 1))
    assert result_count(html(client, "/articles/?q=krill")).startswith("1 article for")  # built
    # A draft written after the index was built reaches it through the queue: left out too.
    later = article(
        "Later draft on krill", "Krill in Busan.", day=datetime.date(2012, 1, 1),
        status=ArticleStatus.REVIEW,
    )  # fmt: skip
    names(later, kr)
    page = html(client, "/articles/?q=krill")
    assert result_count(page).startswith("1 article for")
    assert draft.get_absolute_url() not in page
    assert later.get_absolute_url() not in page
    assert facet(page, "year") == {"2020": 1}
    assert facet(page, "country") == {}
    assert "Tokyo Plankton Institute" not in page
    assert "No published article matches “tokyo”" in html(client, "/articles/?q=tokyo")
    assert "No published article matches “busan”" in html(client, "/articles/?q=busan")


def test_a_search_while_the_index_is_built_again_is_a_503(client, monkeypatch):
    from archive.search import index

    article("Any news", "Something.")
    monkeypatch.setattr(index, "BUILD_INLINE_UP_TO", -1)  # a large archive: built aside
    assert index._building.acquire(blocking=False)  # as if another request were building
    try:
        response = client.get("/articles/", {"q": "news"})
    finally:
        index._building.release()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "<h1>Search is being rebuilt</h1>" in page
    assert "“news” cannot be searched just now" in page
    assert not (index.folder() / "current").exists()  # nothing was answered from it


def test_words_typed_on_a_page_without_words_are_ranked(client):
    older = article("Tidal energy", "Tidal, tidal, tidal energy.", day=datetime.date(2010, 1, 1))
    newer = article(
        "Annual report", "Budgets; tidal was named once.", day=datetime.date(2024, 1, 1)
    )
    page = html(client, "/articles/")
    assert result_count(page) == "2 articles, newest first"
    # The form sends its sort with the words: relevance, unless another order was asked.
    assert '<option value="relevance" selected>' in page
    assert links(page) == [newer.get_absolute_url(), older.get_absolute_url()]
    ranked = html(client, "/articles/?q=tidal&sort=relevance")
    assert links(ranked) == [older.get_absolute_url(), newer.get_absolute_url()]
    asked = html(client, "/articles/?sort=newest")
    assert '<option value="newest" selected>' in asked
    assert '<option value="relevance" selected>' not in asked
    assert result_count(html(client, "/articles/?q=tidal&sort=title")) == (
        "2 articles for “tidal”, by title"
    )


def test_an_edited_article_counts_once_and_a_withdrawn_one_not_at_all(client):
    item = article("Geothermal plan", "Geothermal wells.")
    assert result_count(html(client, "/articles/?q=geothermal")) == "1 article for “geothermal”"
    item.body = "Geothermal wells, deeper."
    item.save()
    page = html(client, "/articles/?q=geothermal")
    assert result_count(page) == "1 article for “geothermal”"
    assert links(page) == [item.get_absolute_url()]
    Article.objects.filter(pk=item.pk).update(status=ArticleStatus.REVIEW)
    assert result_count(html(client, "/articles/?q=geothermal")) == "0 articles for “geothermal”"


def test_the_page_lists_published_articles_only_whatever_the_index_holds(client):
    # The page reads its rows from the database: an article withdrawn is not listed even
    # if the index still held it (its queue not yet applied).
    kept = article("Geothermal plan", "Geothermal wells.")
    withdrawn = article("Geothermal review", "Geothermal costs.")
    assert len(links(html(client, "/articles/?q=geothermal"))) == 2
    Article.objects.filter(pk=withdrawn.pk).update(status=ArticleStatus.REVIEW)
    page = html(client, "/articles/?q=geothermal")
    assert links(page) == [kept.get_absolute_url()]
    assert "Geothermal review" not in page


def test_sort_by_title_orders_whole_titles(client):
    for title in ("China-Korea Zeta meeting", "China-Korea Alpha meeting", "China-Korea Mid talk"):
        article(title, "A meeting.")
    page = html(client, "/articles/?sort=title")
    titles = re.findall(r'<li><a href="/articles/[^"]+">(.+?)</a>', page)
    assert titles == sorted(titles)
    assert len(titles) == 3
