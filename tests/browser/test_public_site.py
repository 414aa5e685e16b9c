from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from archive.models import Article, Organization
from tests.conftest import public_page_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reader_searches_narrows_and_follows_links(page, live_server, site):
    page.goto(live_server.url)
    page.get_by_label("Search articles").fill("cooperation")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("4 articles for “cooperation”").wait_for()

    page.get_by_role("complementary", name="Narrow the results").get_by_role(
        "link", name="2017", exact=True
    ).click()
    page.get_by_text("1 article for “cooperation”").wait_for()

    page.get_by_role(
        "link", name="China-Korea Recelebrates Scientific Research Cooperation"
    ).click()
    assert page.locator("h1").inner_text().startswith("China-Korea Recelebrates")
    page.get_by_role("complementary", name="In this article").get_by_role(
        "link", name="Korea Electronics Technology Institute", exact=True
    ).click()
    assert page.locator("h1").inner_text() == "Korea Electronics Technology Institute (KETI)"
    page.get_by_role(
        "link", name="Signing ceremony of the MOU between Chongqing University"
    ).click()
    assert page.locator("h1").inner_text().startswith("Signing ceremony of the MOU")
    assert "15 December 2017" in page.locator(".meta").first.inner_text()
    page.screenshot(path="/tmp/event-page.png")


def test_a_reader_narrows_a_search_with_a_chip_and_removes_it(page, live_server, site):
    page.goto(f"{live_server.url}/articles/")
    results = page.get_by_role("main")
    results.get_by_label("Words").fill("forums")
    results.get_by_role("button", name="Search").click()
    count = page.locator("#result-count")
    assert count.inner_text() == "3 articles for “forums”, most relevant first"
    marked = page.locator("ol.results mark")
    assert marked.count() >= 3
    words = {word.lower() for word in marked.all_inner_texts()}
    assert "forum" in words  # the stem: the seeds say "forum"
    assert words <= {"forum", "forums"}

    page.get_by_role("complementary", name="Narrow the results").get_by_role(
        "link", name="Japan", exact=True
    ).click()
    assert count.inner_text() == "1 article for “forums”"
    chip = page.get_by_role("list", name="Chosen filters").get_by_role(
        "link", name="Remove filter Country: Japan"
    )
    assert chip.inner_text().startswith("Country: Japan")
    chip.click()
    assert count.inner_text() == "3 articles for “forums”, most relevant first"
    assert page.get_by_role("list", name="Chosen filters").count() == 0
    assert page.get_by_label("Words").input_value() == "forums"


def test_a_search_that_finds_nothing_offers_a_way_out(page, live_server, site):
    page.goto(f"{live_server.url}/articles/?q=qingdao&year=2019")
    count = page.locator("#result-count")
    assert count.inner_text() == "0 articles for “qingdao”"
    offers = page.locator(".no-results")
    assert "matches “qingdao” with year 2019" in offers.inner_text()
    offers.get_by_role("link", name="Drop the filter Year: 2019").click()
    assert count.inner_text() == "1 article for “qingdao”"
    page.get_by_role("link", name="International Technology Trade Conference").click()
    assert page.locator("h1").inner_text().startswith("International Technology Trade")


def test_feed_and_sitemap_serve(page, live_server, site):
    feed = page.request.get(f"{live_server.url}/articles/feed/atom/")
    assert feed.ok
    assert "Zhejiang Hosts China-ROK Industrial Innovation Exchange" in feed.text()
    sitemap = page.request.get(f"{live_server.url}/sitemap.xml")
    assert sitemap.ok
    assert "/sitemap-organizations.xml" in sitemap.text()
    organizations = page.request.get(f"{live_server.url}/sitemap-organizations.xml")
    assert "/organizations/chongqing-university/" in organizations.text()


def test_a_phone_sees_no_sideways_scrolling(browser, live_server, site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=True)
    phone = context.new_page()
    paths = public_page_paths()
    for path in (
        "/",
        "/articles/?q=cooperation",
        Organization.objects.get(acronym="NAEK").get_absolute_url(),
        *paths[-7:],  # the directories, the networks and the countries
        "/no/such/page/",
    ):
        phone.goto(f"{live_server.url}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 376, path
    context.close()


def test_no_serious_accessibility_violations(browser, live_server, site):
    """axe-core on every page type; axe runs as a script, so this context allows scripts."""
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    paths = [
        *public_page_paths(),
        "/articles/?q=forum&country=KR&country=CN&year=2019",  # marks and chips
        "/articles/?q=qingdao&year=2019",  # finds nothing: the ways out
        "/no/such/page/",
    ]
    axe = Axe()
    problems = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        if "?q=" in path:  # the search's own parts are there to be checked
            assert page.locator("#result-count").count() == 1, path
        violations = axe.run(page).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    context.close()
    assert problems == {}


def test_a_reader_goes_from_the_directory_to_who_works_with_whom(page, live_server, site):
    page.goto(live_server.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organizations").click()
    page.get_by_role("navigation", name="By initial letter").get_by_role(
        "link", name="K", exact=True
    ).click()
    page.get_by_label("Country").select_option("KR")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Korea Electronics Technology Institute", exact=True).click()
    assert page.locator("h1").inner_text() == "Korea Electronics Technology Institute (KETI)"
    page.get_by_role("link", name="Who it works with").click()
    page.get_by_role(
        "link", name="What ties Korea Electronics Technology Institute and Chongqing University"
    ).click()
    assert page.locator("h1").inner_text().startswith("What ties")
    page.get_by_role("region", name="Agreements they signed").get_by_role("link").first.click()
    assert page.locator("h1").inner_text().startswith("MOU between")


def test_a_reader_cites_an_article(page, live_server, site):
    article = Article.objects.get(source_file__startswith="000_")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    cite = page.get_by_role("region", name="Cite this article")
    assert "(2019, November 17)" in cite.inner_text()
    with page.expect_download() as download:
        cite.get_by_role("link", name="BibTeX (.bib)").click()
    assert download.value.suggested_filename == f"{article.slug}.bib"
    assert Path(download.value.path()).read_text().startswith("@misc{")


def test_a_lost_reader_finds_the_way_back(page, live_server, site):
    response = page.goto(f"{live_server.url}/organisations/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    page.get_by_role("link", name="Organizations").last.click()
    assert page.locator("h1").inner_text() == "Organizations"
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(f"{live_server.url}{icon}").headers["content-type"] == "image/svg+xml"
