"""The pictures drawn on the server (archive.charts): figures in, SVG out."""

import xml.etree.ElementTree as ET

from archive import charts
from archive.charts.bars import nice_ceiling

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_an_axis_ends_on_a_round_number():
    assert [nice_ceiling(n) for n in (0, 1, 3, 7, 10, 11, 26, 480, 1001)] == [
        1,
        1,
        5,
        10,
        10,
        20,
        50,
        500,
        2000,
    ]


def test_bars_cover_every_year_with_a_text_alternative():
    series = charts.Series("Articles", "article", {2017: 3, 2019: 12})
    svg = parse(charts.year_bars(series, [2017, 2018, 2019], "c"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c-title c-desc"
    assert svg.find(f"{SVG}title").text == "Articles per year"
    assert svg.find(f"{SVG}desc").text == "15 articles from 2017 to 2019; most in 2019 (12)."
    bars = svg.findall(f"{SVG}rect")
    assert [b.find(f"{SVG}title").text for b in bars] == [
        "2017: 3 articles",
        "2018: 0 articles",
        "2019: 12 articles",
    ]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 0
    assert heights[0] < heights[2]


def test_the_network_links_every_organization_and_tie_and_escapes_names():
    nodes = charts.ring_layout(
        [
            charts.Node(1, "KIST", "KIST <Seoul>", "/o/kist/", "KR", 5),
            charts.Node(2, "CAS", "Chinese Academy of Sciences", "/o/cas/", "CN", 9),
            charts.Node(3, "JST", "Japan Science and Technology Agency", "/o/jst/", "JP", 2),
        ]
    )
    assert [n.key for n in nodes] == [2, 1, 3]  # China, Korea, Japan
    edges = [charts.Edge(1, 2, 4, "/t/1-2/", "KIST and CAS: 4 articles")]
    markup = str(charts.network_svg(nodes, edges, chart_id="n", title="Test"))
    assert "KIST &lt;Seoul&gt;" in markup
    assert "<Seoul>" not in markup
    svg = parse(markup)
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert links == ["/t/1-2/", "/o/cas/", "/o/kist/", "/o/jst/"]


def test_the_map_draws_known_places_and_describes_them():
    places = [
        charts.Place("Seoul", "KR", 10),
        charts.Place("Chongqing", "CN", 3),
        charts.Place("Atlantis", "", 7),  # not on the map, but in the page's table
    ]
    svg = parse(charts.place_map(places, chart_id="m", title="Events"))
    titles = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle")]
    assert titles == ["Seoul: 10 events", "Chongqing: 3 events"]
    assert (
        svg.find(f"{SVG}desc").text == "13 events in 2 places; most in Seoul (10), Chongqing (3)."
    )
