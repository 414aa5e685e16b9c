"""Countries side by side (archive.pages.countries) and the home page's chart."""

import re

import pytest

from archive.models import Article, ArticleStatus, CountryYear, Event, Organization
from tests.conftest import html

pytestmark = pytest.mark.django_db


def table_of(page: str, caption: str) -> dict[str, list[str]]:
    """A table's rows by their heading: {"2017": ["1", "1", "1"]}."""
    table = page.split(f"<caption>{caption}</caption>")[1].split("</table>")[0]
    return {
        head: re.findall(r'<td class="num">(\d+)</td>', row)
        for head, row in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S)
    }


def test_every_group_of_countries_has_a_page(client, site):
    index = html(client, "/countries/")
    for slug, name in (
        ("china-korea", "China and South Korea"),
        ("china-japan", "China and Japan"),
        ("japan-korea", "Japan and South Korea"),
        ("china-japan-korea", "China, Japan and South Korea"),
    ):
        assert f'<a href="/countries/{slug}/">{name}</a>' in index
        assert f"<h1>{name}</h1>" in html(client, f"/countries/{slug}/")
    html(client, "/countries/korea-mars/", 404)
    assert '<a href="/countries/">Countries</a>' in html(client, "/")


def test_a_pair_counts_its_agreements_events_and_articles_by_year(client, site):
    page = html(client, "/countries/china-korea/")
    rows = table_of(page, "Agreements, events and articles by year")
    # 2017: the MOU of Chongqing University (CN) and KETI (KR), its signing and the forum
    # the next day, one article reporting them
    assert rows["2017"] == ["1", "2", "1"]
    assert rows["2018"] == ["0", "0", "0"]  # every year between, none left out
    charts = re.findall(r'<svg class="chart"[^>]*role="img" aria-labelledby="([^"]+)"', page)
    assert len(charts) == 3
    for labels in charts:
        for label in labels.split():
            assert f'id="{label}"' in page  # a title and a description for screen readers
    assert "<title>2017: 1 agreement</title>" in page


def test_the_draft_is_not_counted(client, site):
    # 004 (a draft) reports a 2023 exhibition of Chinese and Korean organizations
    page = html(client, "/countries/china-korea/")
    assert "2023" not in table_of(page, "Agreements, events and articles by year")
    Article.objects.filter(source_file__startswith="004_").update(status=ArticleStatus.PUBLISHED)
    page = html(client, "/countries/china-korea/")
    assert table_of(page, "Agreements, events and articles by year")["2023"][2] == "1"


def test_a_pair_shows_its_most_active_organizations_network_and_map(client, site):
    page = html(client, "/countries/china-korea/")
    active = page.split('id="active-heading"')[1].split("</section>")[0]
    names = re.findall(r'<th scope="row"><a href="/organizations/[^"]+/">([^<]+)</a>', active)
    assert "Chongqing University" in names
    assert "Korea Electronics Technology Institute" in names
    countries = {Organization.objects.get(name=n).country for n in names}
    assert countries <= {"CN", "KR"}
    network = page.split('id="network-heading"')[1].split("</section>")[0]
    assert '<svg class="network"' in network
    assert "/network/chongqing-university/korea-electronics-technology-institute/" in network
    the_map = page.split('id="map-heading"')[1].split("</section>")[0]
    assert '<svg class="map"' in the_map
    assert 'role="img"' in the_map
    assert "maps/east-asia" in the_map
    chongqing = Event.objects.public().filter(city="Chongqing").count()
    assert f"<title>Chongqing: {chongqing} event" in the_map
    assert table_of(page, "Events by city or province")["Chongqing"][0] == str(chongqing)


def test_the_home_page_charts_articles_and_events_per_year(client, site):
    page = html(client, "/")
    assert re.search(r"<title[^>]*>Articles per year</title>", page)
    assert re.search(r"<title[^>]*>Events per year</title>", page)
    rows = table_of(page, "Articles and events per year")
    everything = {r.year: r for r in CountryYear.objects.filter(countries="")}
    assert rows["2019"] == [str(everything[2019].events), str(everything[2019].articles)]
    assert rows["2019"][1] == str(
        Article.objects.published().filter(published_on__year=2019).count()
    )
    assert "Date unknown" in page.split("Articles and events per year</caption>")[1]
