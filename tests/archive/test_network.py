"""Who works with whom (archive.pages.network, archive.summary.ties): the ties computed
ahead, the pages that show them and the files that carry them."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from archive.models import (
    Article,
    Organization,
    OrganizationFigures,
    SummaryState,
    Tie,
)
from tests.conftest import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(site):
    """Chongqing University and KETI: an MOU signed in 2017, its signing ceremony and the
    article that reports both."""
    cqu = Organization.objects.get(name="Chongqing University")
    keti = Organization.objects.get(acronym="KETI")
    return sorted((cqu, keti), key=lambda o: o.pk)


def tie_url(low, high) -> str:
    return f"/network/{low.slug}/{high.slug}/"


def ties_table(page: str) -> str:
    return page.split('<table class="ties">')[1].split("</table>")[0]


def test_the_archive_network_lists_ties_with_how_often_by_kind(client, pair):
    low, high = pair
    page = html(client, "/network/")
    table = ties_table(page)
    row = next(r for r in table.split("<tr>") if tie_url(low, high) in r)
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["1", "1", "1"]
    assert '<svg class="network"' in page
    assert f'href="{tie_url(low, high)}"' in page.split('<svg class="network"')[1]
    assert "Download this network" in page


def test_a_tie_leads_to_the_agreements_events_and_articles_behind_it(client, pair):
    low, high = pair
    page = html(client, tie_url(low, high))
    assert "Memorandum" in page or "MOU" in page
    agreements = page.split('id="agreements-heading"')[1].split("</section>")[0]
    assert "/agreements/" in agreements
    events = page.split('id="events-heading"')[1].split("</section>")[0]
    assert "Signing ceremony of the MOU between Chongqing University" in events
    articles = page.split('id="articles-heading"')[1].split("</section>")[0]
    article = Article.objects.get(source_file__startswith="001_")
    assert article.get_absolute_url() in articles
    assert '<svg class="chart"' in page
    assert "<table>" in page
    # either order of the two, or an organization with itself
    assert html(client, tie_url(high, low)).count(article.get_absolute_url()) == 1
    html(client, tie_url(low, low), 404)
    html(client, f"/network/{low.slug}/no-such-organization/", 404)


def test_filters_narrow_the_network_by_kind_period_and_country(client, pair):
    low, high = pair
    only_agreements = ties_table(html(client, "/network/?via=agreement"))
    assert tie_url(low, high) in only_agreements
    assert (
        only_agreements.count("<tr>")
        == 1 + Tie.objects.filter(via="agreement").values("low", "high").distinct().count()
    )
    assert "No ties for these choices" in html(client, "/network/?via=agreement&since=2019")
    assert tie_url(low, high) in html(client, "/network/?since=2017&until=2017")
    # a country keeps ties with an organization of it
    japan = ties_table(html(client, "/network/?country=JP"))
    for row in japan.split("<tr>")[2:]:
        names = re.findall(r'<a href="/organizations/([^"/]+)/">', row)
        countries = {Organization.objects.get(slug=slug).country for slug in names}
        assert "JP" in countries
    # a reversed period is read the right way round; nonsense is left out
    assert html(client, "/network/?since=2018&until=2017") == html(
        client, "/network/?since=2017&until=2018"
    )
    assert html(client, "/network/?since=abc&via=nothing&country=XX&size=7")


def test_an_organizations_network_lists_every_partner(client, pair):
    low, high = pair
    cqu = low if low.name == "Chongqing University" else high
    keti = high if cqu is low else low
    page = html(client, f"/organizations/{cqu.slug}/network/")
    partners = re.findall(
        r'<th scope="row"><a href="/organizations/([^"/]+)/network/">', ties_table(page)
    )
    figures = OrganizationFigures.objects.get(organization=cqu)
    assert len(partners) == figures.partners
    # among the strongest: an agreement, an event and an article
    keti_row = next(r for r in ties_table(page).split("<tr>") if f"{keti.slug}/network/" in r)
    assert re.findall(r'<td class="num">(\d+)</td>', keti_row) == ["1", "1", "1"]
    assert keti.slug in partners[:2]
    assert f"{cqu.slug}/network/" in html(client, cqu.get_absolute_url())  # linked from its page
    html(client, "/organizations/no-such-organization/network/", 404)


def test_hidden_and_unpublished_never_show_in_the_network(client, pair):
    low, high = pair
    draft_only = Organization.objects.filter(is_public=False)
    assert draft_only.exists()
    page = html(client, "/network/?size=80")
    for org in draft_only:
        assert f"/organizations/{org.slug}/" not in page
    keti = Organization.objects.get(acronym="KETI")
    keti.hidden = True
    keti.save()
    assert "/organizations/korea-electronics-technology-institute/" not in html(
        client, "/network/?size=80"
    )
    html(client, tie_url(low, high), 404)


def test_figures_a_build_behind_show_no_record_that_left_the_public(client, pair):
    """Pages read the figures joined to the records' public flag: figures built before a
    record was hidden (the build runs after the write, in the background) do not bring
    it back."""
    from django.core.cache import cache

    from archive import revision, summary

    low, high = pair
    summary.figures()
    assert Tie.objects.filter(low=low, high=high).exists()
    keti = high if high.acronym == "KETI" else low
    other = low if keti is high else high
    keti.hidden = True
    keti.save()
    # as if no build had run since: the figures still count KETI
    SummaryState.objects.update(revision=revision.key())
    cache.clear()
    assert Tie.objects.filter(low=low, high=high).exists()
    assert OrganizationFigures.objects.filter(organization=keti).exists()
    for page in (
        html(client, "/network/?size=80"),
        html(client, f"/organizations/{other.slug}/network/"),
        html(client, "/organizations/?sort=named"),
        html(client, "/countries/china-korea/"),
        client.get(f"/network/ties.csv?organization={other.slug}").content.decode(),
    ):
        assert keti.name not in page


def test_the_network_as_gexf_graphml_and_csv(client, pair):
    low, high = pair
    gexf = client.get("/network/ties.gexf?via=agreement")
    assert gexf["Content-Type"].startswith("application/gexf+xml")
    assert 'filename="cooperation-network.gexf"' in gexf["Content-Disposition"]
    root = ET.fromstring(gexf.content)
    ns = {"g": "http://gexf.net/1.3"}
    nodes = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert nodes[str(low.pk)] == low.name
    assert nodes[str(high.pk)] == high.name
    edges = [(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)]
    assert (str(low.pk), str(high.pk)) in edges

    graphml = ET.fromstring(client.get("/network/ties.graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert graphml.find(".//g:graph", ns).get("edgedefault") == "undirected"
    assert len(graphml.findall(".//g:edge", ns)) > 0

    cqu = Organization.objects.get(name="Chongqing University")
    response = client.get(f"/network/ties.csv?organization={cqu.slug}")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == OrganizationFigures.objects.get(organization=cqu).partners
    keti = next(r for r in rows if "Korea Electronics" in r["organization"] + r["partner"])
    assert (keti["agreements"], keti["events"], keti["articles"], keti["total"]) == (
        "1",
        "1",
        "1",
        "3",
    )
    assert keti["url"].endswith(tie_url(low, high))
    assert client.get("/network/ties.pdf").status_code == 404
