"""Records per year as charts and a table: a group of countries' (archive.pages.countries)
or the whole archive's (the home page), from the figures computed ahead."""

from archive import charts
from archive.models import CountryYear

SERIES = {
    "agreements": ("Agreements", "agreement", "#8e44ad"),
    "events": ("Events", "event", "#b35900"),
    "articles": ("Articles", "article", "#0b5cad"),
}


def year_figures(group: str, fields=tuple(SERIES)) -> dict:
    """The charts of a group's records per year (the whole archive's for group ""), the
    table behind them, and how many have no date."""
    rows = {
        row.year: row for row in CountryYear.objects.filter(countries=group).only("year", *fields)
    }
    dated = sorted(y for y in rows if y is not None)
    years = list(range(dated[0], dated[-1] + 1)) if dated else []
    series = [
        charts.Series(label, unit, {y: getattr(r, field) for y, r in rows.items()}, color)
        for field, (label, unit, color) in SERIES.items()
        if field in fields
    ]
    undated = [s.counts.get(None, 0) for s in series]
    return {
        "series": series,
        "charts": [charts.year_bars(s, years, f"chart-{group or 'all'}-{s.unit}") for s in series]
        if years
        else [],
        "table": [(year, [s.counts.get(year, 0) for s in series]) for year in years],
        "undated": undated if any(undated) else [],
    }
