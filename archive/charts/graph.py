"""A network of organizations drawn as SVG: organizations on a ring, grouped by country so
that ties between countries cross the middle, or one organization in the middle with its
partners around it. Ties are curves as thick as they are strong; every organization and
every tie is a link to its page. No layout is computed iteratively: a page's picture
costs well under a millisecond a node."""

import math
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

SIZE = 760
CENTER = SIZE / 2
RING = 250  # the radius the organizations sit on; their labels go outside it

COUNTRY_COLORS = {"CN": "#c0392b", "KR": "#1f5fa8", "JP": "#2e7d32"}
OTHER_COLOR = "#6b6f7a"
COUNTRY_ORDER = ["CN", "KR", "JP"]


def country_color(code: str) -> str:
    return COUNTRY_COLORS.get(code, OTHER_COLOR)


@dataclass
class Node:
    key: int
    label: str
    name: str
    url: str
    country: str
    weight: int
    x: float = 0.0
    y: float = 0.0
    angle: float = 0.0
    center: bool = False


@dataclass
class Edge:
    a: int
    b: int
    weight: int
    url: str
    title: str
    kinds: dict[str, int] = field(default_factory=dict)


def _country_rank(code: str) -> int:
    return COUNTRY_ORDER.index(code) if code in COUNTRY_ORDER else len(COUNTRY_ORDER)


def _place_on_ring(nodes: list[Node], radius: float) -> None:
    for i, node in enumerate(nodes):
        node.angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        node.x = CENTER + radius * math.cos(node.angle)
        node.y = CENTER + radius * math.sin(node.angle)


def ring_layout(nodes: list[Node]) -> list[Node]:
    """Around a ring by country (China, Korea, Japan, then the others), the strongest
    first within each."""
    ordered = sorted(nodes, key=lambda n: (_country_rank(n.country), n.country, -n.weight, n.name))
    _place_on_ring(ordered, RING)
    return ordered


def ego_layout(center: Node, partners: list[Node]) -> list[Node]:
    """One organization in the middle, its partners around it by country."""
    center.x, center.y, center.center = CENTER, CENTER, True
    return [center, *ring_layout(partners)]


def _touches_center(edge: Edge, nodes: list[Node]) -> bool:
    return any(n.center and n.key in (edge.a, edge.b) for n in nodes)


def _radius(weight: int, heaviest: int) -> float:
    return 4 + 10 * math.sqrt(weight / max(1, heaviest))


def _edge_path(a: Node, b: Node) -> str:
    if a.center or b.center:
        return f"M{a.x:.1f},{a.y:.1f} L{b.x:.1f},{b.y:.1f}"
    # a curve bent towards the middle: ties between neighbours stay near the rim
    mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
    cx, cy = mx + (CENTER - mx) * 0.6, my + (CENTER - my) * 0.6
    return f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {b.x:.1f},{b.y:.1f}"


def _label(node: Node, radius: float) -> SafeString:
    if node.center:
        return format_html(
            '<text x="{}" y="{}" text-anchor="middle" class="node-label center">{}</text>',
            f"{node.x:.1f}",
            f"{node.y - radius - 6:.1f}",
            node.label,
        )
    cos, sin = math.cos(node.angle), math.sin(node.angle)
    x, y = node.x + (radius + 5) * cos, node.y + (radius + 5) * sin
    degrees = math.degrees(node.angle)
    left_side = cos < 0
    rotate = degrees + 180 if left_side else degrees
    return format_html(
        '<text x="{x}" y="{y}" text-anchor="{anchor}" dominant-baseline="middle"'
        ' transform="rotate({r} {x} {y})" class="node-label">{label}</text>',
        x=f"{x:.1f}",
        y=f"{y:.1f}",
        anchor="end" if left_side else "start",
        r=f"{rotate:.1f}",
        label=node.label,
    )


def network_svg(
    nodes: list[Node], edges: list[Edge], *, chart_id: str, title: str, most: int = 150
) -> SafeString:
    """The picture: `nodes` placed by a layout, the `most` strongest of `edges` between
    their keys (ties to the organization in the middle always)."""
    edges = sorted(edges, key=lambda e: (not _touches_center(e, nodes), -e.weight))[:most]
    by_key = {n.key: n for n in nodes}
    heaviest_node = max((n.weight for n in nodes), default=1)
    heaviest_edge = max((e.weight for e in edges), default=1)
    parts = []
    for edge in sorted(edges, key=lambda e: e.weight):
        a, b = by_key.get(edge.a), by_key.get(edge.b)
        if a is None or b is None:
            continue
        width = 0.8 + 7 * edge.weight / heaviest_edge
        parts.append(
            format_html(
                '<a href="{url}" tabindex="-1"><title>{title}</title><path d="{d}"'
                ' stroke-width="{w}" class="edge"/></a>',
                url=edge.url,
                title=edge.title,
                d=_edge_path(a, b),
                w=f"{width:.1f}",
            )
        )
    for node in nodes:
        radius = _radius(node.weight, heaviest_node) + (4 if node.center else 0)
        parts.append(
            format_html(
                '<a href="{url}" tabindex="-1" class="node"><title>{name}</title>'
                '<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}"/>{label}</a>',
                url=node.url,
                name=node.name,
                x=f"{node.x:.1f}",
                y=f"{node.y:.1f}",
                r=f"{radius:.1f}",
                fill=country_color(node.country),
                label=_label(node, radius),
            )
        )
    description = (
        f"{len(nodes)} organizations and their {len(edges)} strongest ties; the table "
        "gives each tie with its agreements, events and articles."
    )
    return format_html(
        '<svg class="network" viewBox="{lo} {lo} {size} {size}" aria-labelledby="{id}-title'
        ' {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>{parts}</svg>',
        lo=-120,
        size=SIZE + 240,
        id=chart_id,
        title=title,
        desc=description,
        parts=mark_safe("".join(parts)),
    )
