"""The API's `?q=` answered by the search index, as the site's articles page is: the same
matches, count and order, every match counted; the database where the index cannot
answer (drafts, lists of changes)."""

import datetime
import json
import re

import pytest
from django.test import Client

from archive import search
from archive.models import Article, ArticleStatus, Organization
from archive.search import index
from tests.conftest import html, make_article

pytestmark = pytest.mark.django_db


def seed(prefix: str) -> Article:
    return Article.objects.get(source_file__startswith=prefix)


def api(client, **params) -> dict:
    response = client.get("/api/articles/", params)
    assert response.status_code == 200, response.content
    return response.json()


def api_slugs(client, **params) -> list[str]:
    return [row["slug"] for row in api(client, **params)["results"]]


def site_page(client, **params) -> tuple[int, list[str]]:
    """The site's count and its page's article slugs, in order."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    page = html(client, f"/articles/?{query}")
    count = int(re.search(r'id="result-count">(\d+) article', page).group(1))
    return count, re.findall(r'<li><a href="/articles/([^"/]+)/">', page)


SAME_AS_THE_SITE = [  # (the site's parameters, the API's)
    ({"q": "cooperation"}, {"q": "cooperation"}),
    ({"q": "Korea", "sort": "newest"}, {"q": "Korea", "ordering": "-published_on"}),
    ({"q": "forum", "sort": "oldest"}, {"q": "forum", "ordering": "published_on"}),
    ({"q": "technology", "sort": "title"}, {"q": "technology", "ordering": "title"}),
    ({"q": "cooperation", "organization": "CQU"}, {"q": "cooperation", "organization": "CQU"}),
]


@pytest.mark.parametrize(("on_site", "in_api"), SAME_AS_THE_SITE)
def test_the_api_finds_what_the_site_finds_in_the_same_order(client, site, on_site, in_api):
    cqu = Organization.objects.get(name="Chongqing University")
    if on_site.get("organization"):
        on_site, in_api = {**on_site, "organization": cqu.slug}, {**in_api, "organization": cqu.pk}
    count, slugs = site_page(client, **on_site)
    body = api(client, **in_api)
    assert count > 0
    assert (body["count"], [row["slug"] for row in body["results"]]) == (count, slugs)


def test_the_relevance_order_is_the_indexs_not_the_newest_first(client, site):
    # "Cooperation" is in 001's title: most relevant, though not the newest of the matches
    newest = api_slugs(client, q="cooperation", ordering="-published_on")
    relevant = api_slugs(client, q="cooperation")
    assert sorted(newest) == sorted(relevant)
    assert relevant[0] == seed("001_").slug != newest[0]


@pytest.fixture
def many(site):
    """1,050 small published articles that all say "zeppelin", a day apart."""
    first = datetime.date(2000, 1, 1)
    Article.objects.bulk_create(
        Article(
            title=f"Zeppelin note {n}",
            slug=f"zeppelin-note-{n}",
            published_on=first + datetime.timedelta(days=n),
            date_precision="day",
            raw_text=f"Zeppelin note {n}",
            body=f"A zeppelin flew over the institute, note {n}.",
            content_hash=f"zeppelin-{n}",
            status=ArticleStatus.PUBLISHED,
        )
        for n in range(1050)
    )
    return 1050


def test_more_than_a_thousand_matches_are_counted_and_paged(editor_client, many):
    client = Client()  # anonymous: editor_client is the signed-in `client` fixture
    body = api(client, q="zeppelin", page=53)
    assert body["count"] == many
    assert len(body["results"]) == 10  # 52 pages of 20, then the last 10
    assert body["next"] is None
    assert "page=52" in body["previous"]
    assert client.get("/api/articles/", {"q": "zeppelin", "page": 54}).status_code == 404
    oldest = api(client, q="zeppelin", ordering="published_on", page_size=1)["results"][0]
    assert oldest["slug"] == "zeppelin-note-0"
    for page in (1, 30):
        count, slugs = site_page(client, q="zeppelin", sort="newest", page=page)
        assert count == many
        assert api_slugs(client, q="zeppelin", ordering="-published_on", page=page) == slugs
    # the database answers an editor's list of every status: every match too
    assert api(editor_client, q="zeppelin")["count"] == many
    assert api(editor_client, q="zeppelin", status="published")["count"] == many


def test_words_find_their_inflections_and_quotes_a_phrase(client, site):
    forum = set(api_slugs(client, q="forum"))
    assert set(api_slugs(client, q="forums")) == forum
    assert seed("001_").slug in forum
    assert api_slugs(client, q='"Industry Forum"') == [seed("001_").slug]
    assert api(client, q='"Forum Industry"')["count"] == 0


def publish(title: str, body: str, language: str) -> Article:
    return make_article(title, body, language=language)


def test_chinese_and_korean_words_are_found(client, site):
    zh = publish("两国科学院签署合作协议", "中国科学院与韩国国家代表签署了协议。", "zh")
    ko = publish("한중 공동연구센터 개소", "한국과학기술연구원은 연구센터를 열었다.", "ko")
    assert api_slugs(client, q="中国科学院") == [zh.slug]
    assert api_slugs(client, q="연구원") == [ko.slug]
    assert api_slugs(client, q="中国家") == []  # 中国 and 国家 occur, not as one word
    assert api_slugs(client, q="科学院", language="zh") == [zh.slug]
    assert api_slugs(client, q="科学院", language="ko") == []


def test_drafts_are_found_by_editors_only(editor_client, site):
    client = Client()
    draft = seed("004_")  # the only article that names Xu Kunlin
    assert api(client, q="Kunlin")["count"] == 0
    assert api(client, q="Kunlin", status="review")["count"] == 0
    assert api_slugs(editor_client, q="Kunlin") == [draft.slug]
    assert api_slugs(editor_client, q="Kunlin", status="review") == [draft.slug]
    assert api(editor_client, q="Kunlin", status="published")["count"] == 0


def test_the_other_filters_narrow_the_search(client, site):
    forum = api(client, q="forum")["results"]
    days = sorted({row["published_on"] for row in forum if row["published_on"]})
    assert len(days) >= 2
    day = days[-1]
    after = api_slugs(client, q="forum", published_after=day)
    before = api_slugs(client, q="forum", published_before=day)
    assert set(after) & set(before) == {row["slug"] for row in forum if row["published_on"] == day}
    assert set(after) | set(before) == {row["slug"] for row in forum if row["published_on"]}
    assert api(client, q="forum", source="No such source")["count"] == 0
    assert api(client, q="forum", language="ko")["count"] == 0


def test_a_search_while_the_index_is_rebuilt_is_a_503_to_retry(client, site, monkeypatch):
    def rebuilding(*args, **kwargs):
        raise search.Rebuilding

    monkeypatch.setattr(index, "in_step", rebuilding)  # what every search asks first
    response = client.get("/api/articles/", {"q": "forum"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.json()["error"]["code"] == "unavailable"
    assert client.get("/api/articles/").status_code == 200  # a list without words


def test_a_search_keeps_the_apis_validators_and_exports(client, site):
    first = client.get("/api/articles/", {"q": "forum"})
    again = client.get("/api/articles/", {"q": "forum"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    exported = client.get("/api/articles/csv/", {"q": "forum"}).getvalue().decode()
    assert seed("001_").title in exported
    assert seed("000_").title not in exported
    lines = client.get("/api/articles/export/", {"q": "forum"}).getvalue().decode().splitlines()
    assert seed("001_").slug in {json.loads(line)["slug"] for line in lines}


def test_the_schema_says_which_search_answers_and_that_it_may_be_rebuilt(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    articles = schema["paths"]["/api/articles/"]["get"]
    q = next(p for p in articles["parameters"] if p["name"] == "q")
    assert "search engine" in q["description"]
    assert "database" in q["description"]
    assert "Retry-After" in articles["responses"]["503"]["headers"]
    assert "503" not in schema["paths"]["/api/events/"]["get"]["responses"]
