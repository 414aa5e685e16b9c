import json
import re

import pytest

from archive.models import Article, ArticleStatus, Event, Organization, Person
from archive.services import merge_organizations
from tests.conftest import html, public_page_paths

pytestmark = pytest.mark.django_db


def test_every_page_type_renders(client, site):
    for url in public_page_paths():
        page = html(client, url)
        assert '<link rel="canonical"' in page
        assert '<main id="main">' in page


def test_search_finds_and_facets_narrow(client, site):
    page = html(client, "/articles/?q=Qingdao")
    assert "International Technology Trade Conference" in page
    assert "1 article for “Qingdao”" in page
    page = html(client, "/articles/?q=cooperation")
    assert "4 articles" in page  # the draft 004 is not counted
    assert re.search(r'country=KR">South Korea</a> <span class="count">\d+</span>', page)
    assert "country=None" not in page  # people's names are not a country
    cqu = Organization.objects.get(name="Chongqing University")
    page = html(client, f"/articles/?q=cooperation&organization={cqu.slug}")
    assert "1 article for" in page
    assert "China-Korea Recelebrates" in page


def test_facets_count_the_results(client, site):
    page = html(client, "/articles/")
    years = dict(re.findall(r'year=(\d{4})"[^>]*>\d{4}</a> <span class="count">(\d+)</span>', page))
    assert years == {"2019": "2", "2017": "1"}
    kinds = re.findall(r'event_kind=(\w+)">', page)
    assert "forum" in kinds


def test_sorting_and_pagination_keep_the_query(client, site):
    page = html(client, "/articles/?q=cooperation&sort=oldest")
    titles = re.findall(r'<li><a href="/articles/[^"]+">(.+?)</a>', page)
    assert titles[0].startswith("China-Korea Recelebrates")  # 2017
    assert "Research <mark>Cooperation</mark> under" in titles[0]
    assert 'name="q" value="cooperation"' in page
    assert '<option value="oldest" selected>' in page


def test_search_puts_the_most_relevant_first_unless_asked_for_dates(client, site):
    def sources(url):  # the seed files of the listed articles, in the listed order
        slugs = re.findall(r'<li><a href="/articles/([^"/]+)/">', html(client, url))
        return [Article.objects.get(slug=slug).source_file[:3] for slug in slugs]

    # "forum" is in the title of 002 (undated) and in the text of 001 (2017) and 003 (2019)
    ranked = sources("/articles/?q=forum")
    assert ranked[0] == "002"
    assert sorted(ranked) == ["001", "002", "003"]
    assert sources("/articles/?q=forum&sort=newest") == ["003", "001", "002"]
    assert sources("/articles/?q=forum&sort=oldest") == ["001", "003", "002"]


def test_drafts_hidden_and_merged(client, site):
    draft = Article.objects.get(source_file__startswith="004_")
    html(client, draft.get_absolute_url(), 404)
    xu = Person.objects.get(name="Xu Kunlin")  # named only in the draft
    html(client, xu.get_absolute_url(), 404)
    keti = Organization.objects.get(acronym="KETI")
    keti.hidden = True
    keti.save()
    html(client, keti.get_absolute_url(), 404)
    page = html(client, Article.objects.get(source_file__startswith="001_").get_absolute_url())
    panel = page.split('<aside class="panel"')[1]
    assert keti.get_absolute_url() not in panel
    assert Organization.objects.get(name="Chongqing University").get_absolute_url() in panel
    cae = Organization.objects.get(acronym="CAE")
    unit = Organization.objects.get(name__startswith="International Cooperation Department")
    merge_organizations(survivor=cae, others=[unit])
    response = client.get(unit.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == cae.get_absolute_url()


def test_feeds_sitemap_and_robots(client, site):
    rss = html(client, "/articles/feed/rss/")
    assert "<rss" in rss
    assert "Zhejiang Hosts China-ROK Industrial Innovation Exchange" in rss
    assert "China-South Korea Environmental" not in rss  # a draft
    atom = html(client, "/articles/feed/atom/")
    assert 'xmlns="http://www.w3.org/2005/Atom"' in atom
    naek = Organization.objects.get(acronym="NAEK")
    org_feed = html(client, f"/organizations/{naek.slug}/feed/")
    assert "Zhejiang Hosts" in org_feed
    assert "Recelebrates" not in org_feed
    assert "International Technology Trade" in html(client, "/events/kind/conference/feed/")
    html(client, "/events/kind/party/feed/", 404)
    sitemap_index = html(client, "/sitemap.xml")
    for section in ("articles", "organizations", "people", "agreements", "events"):
        assert f"/sitemap-{section}.xml" in sitemap_index
    articles = html(client, "/sitemap-articles.xml")
    assert "/articles/zhejiang-hosts-china-rok-industrial-innovation-exchange/" in articles
    assert "china-south-korea-environmental" not in articles  # a draft
    assert "/organizations/chongqing-university/" in html(client, "/sitemap-organizations.xml")
    robots = html(client, "/robots.txt")
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_structured_data_and_open_graph(client, site):
    article = Article.objects.get(source_file__startswith="000_")
    page = html(client, article.get_absolute_url())
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert (data["@type"], data["headline"], data["datePublished"]) == (
        "NewsArticle",
        article.title,
        "2019-11-17",
    )
    assert '<meta property="og:type" content="article">' in page
    event = Event.objects.get(name="6th China-Korea Industrial Innovation Exchange")
    page = html(client, event.get_absolute_url())
    assert '"@type": "Event"' in page
    assert '"startDate": "2019-11-12"' in page


def test_markup_in_articles_is_shown_as_text(client, site, run_import, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "News\n\nA <b>bold</b> title <script>alert('t')</script>\n\n"
        "The body says <script>alert('b')</script> and <img src=x onerror=alert(1)> here, "
        "between the Korea Institute of Science and Technology (KIST) and others.\n"
    )
    code, _, _ = run_import(hostile, "--publish")
    assert code == 0
    article = Article.objects.get(source_file="hostile.txt")
    for url in (article.get_absolute_url(), "/articles/", "/articles/feed/rss/", "/"):
        page = html(client, url)
        assert "<script>alert(" not in page
        assert "<img src=x" not in page
    page = html(client, article.get_absolute_url())
    assert "&lt;script&gt;alert(&#x27;b&#x27;)&lt;/script&gt;" in page
    assert "\\u003Cscript\\u003E" in page  # inside the JSON-LD, escaped too


def test_hangul_and_hanzi_are_kept(client, site, run_import, tmp_path):
    korean = tmp_path / "korean.txt"
    korean.write_text(
        "뉴스\n\n한중 과학기술 협력 포럼 개최\n\n"
        "한국과 중국의 과학기술 협력을 위한 포럼이 서울에서 열렸다. 中韩科技合作论坛在首尔举行。\n"
    )
    run_import(korean, "--publish")
    article = Article.objects.get(source_file="korean.txt")
    page = html(client, article.get_absolute_url())
    assert "한중 과학기술 협력 포럼 개최" in page
    assert "中韩科技合作论坛" in page
    assert 'lang="ko"' in page


def test_names_in_the_body_link_to_their_pages(client, site):
    article = Article.objects.get(source_file__startswith="000_")
    page = html(client, article.get_absolute_url())
    body = page.split('<div class="body"')[1].split("</div>")[0]
    cae = Organization.objects.get(acronym="CAE")
    piao = Person.objects.get(name="Piao Dongjian")
    link = f'<a href="{cae.get_absolute_url()}">'
    assert f"{link}Chinese Academy of Engineering</a>" in body
    assert f"the {link}CAE</a> and the " in body  # a later bare acronym links too
    assert f'<a href="{piao.get_absolute_url()}">Piao Dongjian</a>' in body
    assert body.count("<p>") == article.body.count("\n\n") + 1


def test_large_results_are_counted_exactly_and_paged(client, site, monkeypatch):
    # The old page kept the 1,000 newest matches and counted facets over a sample; the
    # count, the pages and the facets now cover every match.
    from archive.pages import search as search_page

    monkeypatch.setattr(search_page, "PAGE_SIZE", 3)
    first = html(client, "/articles/?q=cooperation")
    assert "4 articles for “cooperation”, most relevant first" in first
    assert "newest" not in first.split('id="result-count"')[1].split("</p>")[0]
    assert "count the newest" not in first
    second = html(client, "/articles/?q=cooperation&page=2")
    links = [re.findall(r'<li><a href="(/articles/[^"]+)">', page) for page in (first, second)]
    assert [len(found) for found in links] == [3, 1]
    assert len(set(links[0] + links[1])) == 4
    assert 'rel="next" href="?q=cooperation&amp;page=2"' in first  # the words kept


def test_long_lists_page_without_counting(client, site):
    events = html(client, "/events/?page=1")
    assert "Page 1</span>" not in events  # one page only: no pagination at all
    html(client, "/events/?page=2", 404)
    html(client, "/agreements/?page=2", 404)
    assert html(client, "/agreements/?page=nonsense") == html(client, "/agreements/")


def test_a_records_page_shows_its_newest_events_and_links_to_all(client, site, monkeypatch):
    from archive import models, views

    cqu = Organization.objects.get(name="Chongqing University")
    events = list(Event.objects.public().filter(participants__organization=cqu).distinct())
    assert len(events) >= 2
    monkeypatch.setattr(views, "SHOWN", 1)
    page = html(client, cqu.get_absolute_url())
    assert f'href="/events/?organization={cqu.slug}">All events of Chongqing University</a>' in page
    others = Event.objects.public().exclude(pk__in=[e.pk for e in events])
    for listed in (models.LISTED_PARTICIPATIONS, 0):  # the event ids as a list, or a subquery
        monkeypatch.setattr(models, "LISTED_PARTICIPATIONS", listed)
        listed = html(client, f"/events/?organization={cqu.slug}")
        assert "<h1>Events of" in listed
        assert all(event.name in listed for event in events)
        assert not any(f'href="{e.get_absolute_url()}"' in listed for e in others)
    html(client, "/events/?organization=no-such-organization", 404)
    html(client, "/agreements/?person=no-such-person", 404)


def test_search_follows_edits_publishing_and_deletion(client, site):
    article = Article.objects.get(source_file__startswith="001_")
    assert "Zeppelin" not in html(client, "/articles/?q=zeppelin")
    article.title = "Zeppelin research with Chongqing University"
    article.save()
    assert article.get_absolute_url() in html(client, "/articles/?q=zeppelin")
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.REVIEW)
    withdrawn = html(client, "/articles/?q=zeppelin")
    assert article.get_absolute_url() not in withdrawn
    assert "0 articles for “zeppelin”" in withdrawn  # not counted either
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)
    assert article.get_absolute_url() in html(client, "/articles/?q=zeppelin")
    assert "1 article for “zeppelin”" in html(client, "/articles/?q=zeppelin")  # once
    article.delete()
    deleted = html(client, "/articles/?q=zeppelin")
    assert "Zeppelin" not in deleted
    assert "0 articles for “zeppelin”" in deleted


def article_links(page: str) -> list[str]:
    return re.findall(r'<a href="(/articles/[^"/]+/)">', page)


def test_a_records_articles_are_the_same_however_they_are_found(client, site, monkeypatch):
    from django.db.models import Count

    from archive import models

    org = (
        Organization.objects.public()
        .annotate(articles=Count("mentions__article", distinct=True))
        .order_by("-articles")
        .first()
    )
    rejected, *kept = Article.objects.published().filter(mentions__organization=org).distinct()
    org.mentions.filter(article=rejected).update(review_status="rejected")
    pages = (org.get_absolute_url(), f"{org.get_absolute_url()}feed/")
    by_list = [html(client, path) for path in pages]  # a rare record: its ids listed
    monkeypatch.setattr(models, "LISTED_MENTIONS", 0)
    by_subquery = [html(client, path) for path in pages]
    expected = {article.get_absolute_url() for article in kept}
    assert expected
    assert set(article_links(by_list[0])) == expected
    assert article_links(by_list[0]) == article_links(by_subquery[0])
    assert by_list[1] == by_subquery[1]
    assert all(url in by_list[1] for url in expected)
    assert rejected.get_absolute_url() not in by_list[1] + by_subquery[1]


def test_events_are_linked_in_the_body_where_named(client, site):
    article = Article.objects.get(source_file__startswith="001_")
    page = html(client, article.get_absolute_url())
    body = page.split('<div class="body"')[1].split("</div>")[0]
    forum = Event.objects.get(name="China-Korea Industry Forum")
    assert f'<a href="{forum.get_absolute_url()}">China-Korea Industry Forum</a>' in body
    # where the text refers back to it ("the Forum") or gives its date, no link
    assert f'<a href="{forum.get_absolute_url()}">the Forum</a>' not in body
    links = re.findall(rf'<a href="{forum.get_absolute_url()}">([^<]+)</a>', body)
    assert set(links) == {"China-Korea Industry Forum"}
    assert len(links) == article.body.count("China-Korea Industry Forum")
    forum.hidden = True
    forum.save()
    body = html(client, article.get_absolute_url()).split('<div class="body"')[1]
    assert forum.get_absolute_url() not in body


def test_what_names_an_event_and_what_refers_back_to_it():
    from archive.views import names_event

    name = "China-Korea Industry Forum"
    assert names_event("China-Korea Industry Forum", name)
    assert names_event("6th China-Korea Industrial Innovation Exchange", "6th Exchange")
    for refers in ("the Forum", "The delegation", "from November 12 to 15, 2019", "visited"):
        assert not names_event(refers, name), refers
    assert not names_event("December 16", name)
    assert names_event("the forum", "The Forum")  # its own name, whatever its case


def test_an_unknown_address_gets_the_sites_page_with_ways_back(client, site):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Page not found</h1>" in page
    assert '<form class="search" role="search"' in page  # the header, with its search
    assert '<a href="/">Home page of the archive</a>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "/no/such/page/" in page
    api = client.get("/api/no-such-thing/")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"


def test_a_server_error_gets_the_sites_page(client, site, monkeypatch):
    from archive import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "published_mentions", broken)
    client.raise_request_exception = False
    article = Article.objects.get(source_file__startswith="001_")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Something went wrong</h1>" in page
    assert '<form class="search" role="search"' in page


def test_every_page_links_the_favicon(client, site):
    page = html(client, "/")
    assert re.search(r'<link rel="icon" href="/static/favicon\.svg" type="image/svg\+xml">', page)
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg")
