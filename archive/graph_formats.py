"""A network of organizations as files for other tools: GEXF 1.3 and GraphML for Gephi
(and networkx, Cytoscape, yEd), CSV for spreadsheets. Pure functions: nodes and links in,
text out."""

import csv
import io
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from archive.models import TieKind

KINDS = tuple(TieKind.values)  # agreement, event, article


def _nodes(links, extra=()) -> list:
    """Every organization of the links (and `extra`), once, in a stable order."""
    seen = {}
    for org in [*extra, *(o for link in links for o in (link.low, link.high))]:
        seen.setdefault(org.pk, org)
    return sorted(seen.values(), key=lambda o: o.pk)


def gexf(links: Iterable, *, url_of, description: str, today: str, extra=()) -> str:
    links = list(links)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        f'  <meta lastmodifieddate="{today}"><creator>Cooperation Archive</creator>'
        f"<description>{escape(description)}</description></meta>",
        '  <graph mode="static" defaultedgetype="undirected">',
        '    <attributes class="node">'
        '<attribute id="country" title="country" type="string"/>'
        '<attribute id="kind" title="kind" type="string"/>'
        '<attribute id="url" title="url" type="anyURI"/></attributes>',
        '    <attributes class="edge">'
        + "".join(f'<attribute id="{k}" title="{k}s" type="integer"/>' for k in KINDS)
        + "</attributes>",
        "    <nodes>",
    ]
    for org in _nodes(links, extra):
        out.append(
            f'      <node id="{org.pk}" label={quoteattr(org.name)}><attvalues>'
            f'<attvalue for="country" value={quoteattr(org.country)}/>'
            f'<attvalue for="kind" value={quoteattr(org.kind)}/>'
            f'<attvalue for="url" value={quoteattr(url_of(org))}/></attvalues></node>'
        )
    out += ["    </nodes>", "    <edges>"]
    for i, link in enumerate(links):
        values = "".join(f'<attvalue for="{k}" value="{link.kinds.get(k, 0)}"/>' for k in KINDS)
        out.append(
            f'      <edge id="{i}" source="{link.low.pk}" target="{link.high.pk}"'
            f' weight="{link.weight}"><attvalues>{values}</attvalues></edge>'
        )
    out += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(out)


def graphml(links: Iterable, *, url_of, description: str, extra=()) -> str:
    links = list(links)
    keys = [
        ("name", "node", "string"),
        ("country", "node", "string"),
        ("kind", "node", "string"),
        ("url", "node", "string"),
        ("weight", "edge", "int"),
        *((f"{k}s", "edge", "int") for k in KINDS),
    ]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        f"  <desc>{escape(description)}</desc>",
        *(
            f'  <key id="{name}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>'
            for name, kind, type_ in keys
        ),
        '  <graph id="cooperation" edgedefault="undirected">',
    ]
    for org in _nodes(links, extra):
        out.append(
            f'    <node id="o{org.pk}"><data key="name">{escape(org.name)}</data>'
            f'<data key="country">{escape(org.country)}</data>'
            f'<data key="kind">{escape(org.kind)}</data>'
            f'<data key="url">{escape(url_of(org))}</data></node>'
        )
    for link in links:
        counts = "".join(f'<data key="{k}s">{link.kinds.get(k, 0)}</data>' for k in KINDS)
        out.append(
            f'    <edge source="o{link.low.pk}" target="o{link.high.pk}">'
            f'<data key="weight">{link.weight}</data>{counts}</edge>'
        )
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    """A name as a spreadsheet shows it: never read as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def ties_csv(links: Iterable, *, url_of_tie) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "organization_id",
            "organization",
            "organization_country",
            "partner_id",
            "partner",
            "partner_country",
            *(f"{k}s" for k in KINDS),
            "total",
            "url",
        ]
    )
    for link in links:
        writer.writerow(
            [
                link.low.pk,
                _cell(link.low.name),
                link.low.country,
                link.high.pk,
                _cell(link.high.name),
                link.high.country,
                *(link.kinds.get(k, 0) for k in KINDS),
                link.weight,
                url_of_tie(link),
            ]
        )
    return buffer.getvalue()
