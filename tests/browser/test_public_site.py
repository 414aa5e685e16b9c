import pytest
from axe_playwright_python.sync_playwright import Axe

from archive.models import Article, ArticleStatus, Organization
from tests.conftest import public_page_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(seeds_imported):
    Article.objects.exclude(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)


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
    for path in (
        "/",
        "/articles/?q=cooperation",
        Organization.objects.get(acronym="NAEK").get_absolute_url(),
    ):
        phone.goto(f"{live_server.url}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 376, path
    context.close()


def test_no_serious_accessibility_violations(browser, live_server, site):
    """axe-core on every page type; axe runs as a script, so this context allows scripts."""
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    paths = public_page_paths()
    axe = Axe()
    problems = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        violations = axe.run(page).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    context.close()
    assert problems == {}
