"""Events on a map of East Asia: a circle per city or province, as large as the events
held there (its area grows with their number). The outlines are a static picture
(static/maps/east-asia.svg, archive/charts/make_basemap.py); only the circles are drawn
per page."""

import math
from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from archive.charts import basemap
from archive.places import COORDINATES


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    events: int

    @property
    def on_map(self) -> bool:
        lonlat = COORDINATES.get(self.name)
        if lonlat is None:
            return False
        lon, lat = lonlat
        return basemap.WEST <= lon <= basemap.EAST and basemap.SOUTH <= lat <= basemap.NORTH


def project(lon: float, lat: float) -> tuple[float, float]:
    return (
        (lon - basemap.WEST) * basemap.COS * basemap.SCALE,
        (basemap.NORTH - lat) * basemap.SCALE,
    )


def place_map(places: list[Place], *, chart_id: str, title: str) -> SafeString:
    drawn = [p for p in places if p.on_map and p.events > 0]
    most = max((p.events for p in drawn), default=1)
    circles = []
    for place in sorted(drawn, key=lambda p: -p.events):  # small ones on top
        x, y = project(*COORDINATES[place.name])
        radius = 3 + 22 * math.sqrt(place.events / most)
        label = f"{place.name}: {place.events:,} event{'' if place.events == 1 else 's'}"
        circles.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}" class="place"><title>{}</title></circle>',
                f"{x:.1f}",
                f"{y:.1f}",
                f"{radius:.1f}",
                label,
            )
        )
    for place in sorted(drawn, key=lambda p: -p.events)[:8]:  # the largest named
        x, y = project(*COORDINATES[place.name])
        circles.append(
            format_html(
                '<text x="{}" y="{}" class="place-label">{}</text>',
                f"{x + 6:.1f}",
                f"{y - 6:.1f}",
                place.name,
            )
        )
    total = sum(p.events for p in drawn)
    busiest = ", ".join(
        f"{p.name} ({p.events:,})" for p in sorted(drawn, key=lambda p: -p.events)[:5]
    )
    description = (
        f"{total:,} events in {len(drawn)} places; most in {busiest}."
        if drawn
        else "No events with a known place."
    )
    return format_html(
        '<svg class="map" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc"'
        ' xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>'
        '<image href="{base}" x="0" y="0" width="{w}" height="{h}"/>{circles}</svg>',
        w=f"{basemap.WIDTH:.0f}",
        h=f"{basemap.HEIGHT:.0f}",
        id=chart_id,
        title=title,
        desc=description,
        base=static("maps/east-asia.svg"),
        circles=mark_safe("".join(circles)),
    )
