"""Bars by year: one small chart per series, each on its own scale (a year's articles
number hundreds where its agreements number a few), over the same years."""

import math
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 150
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 22, 26


@dataclass(frozen=True)
class Series:
    label: str  # "Articles"
    unit: str  # "article", for each bar's tooltip
    counts: dict[int, int]  # year: count
    color: str = "#0b5cad"


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten not below value (an axis's top)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover


def _plural(n: int, unit: str) -> str:
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def year_bars(series: Series, years: list[int], chart_id: str) -> SafeString:
    """An SVG bar chart of one series over `years` (every year shown, none missing)."""
    top = nice_ceiling(max((series.counts.get(y, 0) for y in years), default=0))
    span = max(1, len(years))
    slot = (WIDTH - LEFT - RIGHT) / span
    plot_height = HEIGHT - TOP - BOTTOM
    label_every = max(1, math.ceil(span / 12))
    bars = []
    for i, year in enumerate(years):
        count = series.counts.get(year, 0)
        height = plot_height * count / top
        x = LEFT + i * slot + slot * 0.15
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                f"{x:.1f}",
                f"{TOP + plot_height - height:.1f}",
                f"{slot * 0.7:.1f}",
                f"{height:.1f}",
                series.color,
                year,
                _plural(count, series.unit),
            )
        )
        if i % label_every == 0:
            bars.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" class="tick">{}</text>',
                    f"{LEFT + (i + 0.5) * slot:.1f}",
                    HEIGHT - 8,
                    year,
                )
            )
    total = sum(series.counts.get(y, 0) for y in years)
    peak = max(years, key=lambda y: series.counts.get(y, 0)) if years and total else None
    description = (
        f"{_plural(total, series.unit)} from {years[0]} to {years[-1]}"
        + (f"; most in {peak} ({series.counts[peak]:,})." if peak else ".")
        if years
        else "No dated records."
    )
    axis = format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" class="axis"/>'
        '<text x="{tx}" y="{ty}" text-anchor="end" class="tick">{top}</text>'
        '<text x="{tx}" y="{b}" text-anchor="end" class="tick">0</text>'
        '<line x1="{l}" y1="{t}" x2="{r}" y2="{t}" class="grid"/>',
        l=LEFT,
        r=WIDTH - RIGHT,
        b=TOP + plot_height,
        t=TOP,
        tx=LEFT - 6,
        ty=TOP + 4,
        top=f"{top:,}",
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc"'
        ' xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{label} per year</title><desc id="{id}-desc">{desc}</desc>'
        '<text x="0" y="14" class="label">{label}</text>{axis}{bars}</svg>',
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        label=series.label,
        desc=description,
        axis=axis,
        bars=mark_safe("".join(bars)),
    )


def table_rows(series: list[Series], years: list[int]) -> list[tuple[int, list[int]]]:
    """The figures behind the charts: (year, [count of each series])."""
    return [(year, [s.counts.get(year, 0) for s in series]) for year in years]
