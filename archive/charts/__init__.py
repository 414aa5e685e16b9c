"""Pictures drawn on the server as SVG, readable without script: bar charts of years, a
network of organizations, a map of places. Each has a title and a description for screen
readers, and each page that shows one shows its figures as a table too.

Pure functions: figures in, markup out; no database."""

from archive.charts.bars import Series, year_bars
from archive.charts.graph import Edge, Node, ego_layout, network_svg, ring_layout
from archive.charts.maps import Place, place_map

__all__ = [
    "Edge",
    "Node",
    "Place",
    "Series",
    "ego_layout",
    "network_svg",
    "place_map",
    "ring_layout",
    "year_bars",
]
