"""The build of the figures (archive.summary.models) from the public archive, whole:
published articles, mentions not rejected, public records. The heavy parts are set-wise
statements in the database; the small results of the countries' figures are sorted into
their groups in Python.

An organization is tied to another
- by an agreement when both are its parties (the year it was signed),
- by an event when both organized it or took part (the year it began),
- by an article when the article names both (the year it was published).

A record involves a country when one of its organizations is of that country, or one of
its people of that nationality (the people an article names, an event's participants, an
agreement's signatories), or, for an event, when it took place there; a group of
countries ("CN-KR", "CN-JP-KR") counts the records that involve every country of the
group.

At 100,000 articles the events alone tie 4.6 million pairs of organizations (an event has
21 organizations on average): the ties are stored one row per pair and kind, with their
years in a JSON object, not one row per year."""

from collections import defaultdict

from django.db import connection

from archive.countries import COUNTRIES
from archive.summary.models import CountryOrganization, CountryYear, PlaceFigures

# The pages of countries side by side: each pair of the three, and the three together.
GROUPS = {
    "CN-KR": ("CN", "KR"),
    "CN-JP": ("CN", "JP"),
    "JP-KR": ("JP", "KR"),
    "CN-JP-KR": ("CN", "JP", "KR"),
}
FLAGS = {"CN": "cn", "JP": "jp", "KR": "kr"}
assert all(code in COUNTRIES for code in FLAGS)
THREE = ", ".join(f"'{code}'" for code in FLAGS)
UNDATED = 0  # the key of a tie's undated records in its years

TABLES = (
    "archive_organizationfigures",
    "archive_personfigures",
    "archive_tie",
    "archive_tieweight",
    "archive_countryyear",
    "archive_countryorganization",
    "archive_placefigures",
)
TEMPORARY = ("summary_named", "summary_pairs", "summary_people", "summary_records")
PUBLISHED = "a.status = 'published' AND m.review_status <> 'rejected'"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _year(column: str) -> str:
    if _postgres():
        return f"CAST(EXTRACT(YEAR FROM {column}) AS integer)"
    return f"CAST(strftime('%Y', {column}) AS integer)"


def _years_object(key: str, value: str) -> str:
    if _postgres():
        return f"CAST(json_object_agg({key}, {value}) AS jsonb)"
    return f"json_group_object({key}, {value})"


def _by_kind(column: str) -> str:
    """The sums of a column for each kind of tie, as agreements, events, articles."""
    return ", ".join(
        f"SUM(CASE WHEN via = '{kind}' THEN {column} ELSE 0 END) AS {kind}s"
        for kind in ("agreement", "event", "article")
    )


def _temporary(name: str, select: str) -> str:
    suffix = " ON COMMIT DROP" if _postgres() else ""
    return f"CREATE TEMPORARY TABLE {name}{suffix} AS {select}"


def _place(alias: str) -> str:
    """An event's place: its city, else its province."""
    return f"CASE WHEN {alias}.city <> '' THEN {alias}.city ELSE {alias}.region END"


def _placed(alias: str) -> str:
    return f"({alias}.city <> '' OR {alias}.region <> '')"


def tie_statements() -> list[str]:
    """Who is named where, and the ties and counts that follow (the heavy part)."""
    return [
        # The records' organizations, one row each: (kind, record, year, organization, country).
        _temporary(
            "summary_named",
            f"""SELECT DISTINCT 'article' AS kind, m.article_id AS record_id,
                    {_year("a.published_on")} AS year, m.organization_id, o.country
                FROM archive_mention m
                JOIN archive_article a ON a.id = m.article_id
                JOIN archive_organization o ON o.id = m.organization_id AND o.is_public
                WHERE {PUBLISHED}
            UNION ALL
            SELECT DISTINCT 'agreement', g.id, {_year("g.signed_on")}, p.organization_id,
                o.country
                FROM archive_agreement_parties p
                JOIN archive_agreement g ON g.id = p.agreement_id AND g.is_public
                JOIN archive_organization o ON o.id = p.organization_id AND o.is_public
            UNION ALL
            SELECT DISTINCT 'event', e.id, {_year("e.start_date")}, p.organization_id,
                o.country
                FROM archive_eventparticipant p
                JOIN archive_event e ON e.id = p.event_id AND e.is_public
                JOIN archive_organization o ON o.id = p.organization_id AND o.is_public""",
        ),
        # Each pair (low id first), kind and year, with how many records tie them.
        _temporary(
            "summary_pairs",
            """SELECT x.organization_id AS low_id, z.organization_id AS high_id,
                    x.kind AS via, x.year, x.country AS low_country, z.country AS high_country,
                    COUNT(*) AS count
                FROM summary_named x
                JOIN summary_named z ON z.kind = x.kind AND z.record_id = x.record_id
                    AND x.organization_id < z.organization_id
                GROUP BY x.organization_id, z.organization_id, x.kind, x.year, x.country,
                    z.country""",
        ),
        f"""INSERT INTO archive_tie
                (low_id, high_id, via, total, years, low_country, high_country)
            SELECT low_id, high_id, via, SUM(count),
                {_years_object(f"COALESCE(year, {UNDATED})", "count")}, low_country, high_country
            FROM summary_pairs
            GROUP BY low_id, high_id, via, low_country, high_country""",
        f"""INSERT INTO archive_tieweight
                (organization_id, country, partner_country, year, agreements, events, articles)
            SELECT organization_id, country, partner_country, year, {_by_kind("count")}
            FROM (
                SELECT low_id AS organization_id, low_country AS country,
                    high_country AS partner_country, via, year, count
                FROM summary_pairs
                UNION ALL
                SELECT high_id, high_country, low_country, via, year, count FROM summary_pairs
            ) AS sides
            GROUP BY organization_id, country, partner_country, year""",
        f"""INSERT INTO archive_organizationfigures (organization_id, articles, partners,
                agreement_ties, event_ties, article_ties)
            SELECT named.organization_id, named.articles, COALESCE(tied.partners, 0),
                COALESCE(tied.agreements, 0), COALESCE(tied.events, 0),
                COALESCE(tied.articles, 0)
            FROM (
                SELECT organization_id, COUNT(*) AS articles FROM summary_named
                WHERE kind = 'article' GROUP BY organization_id
            ) AS named
            LEFT JOIN (
                SELECT organization_id, COUNT(DISTINCT partner_id) AS partners,
                    {_by_kind("total")}
                FROM (
                    SELECT low_id AS organization_id, high_id AS partner_id, via, total
                    FROM archive_tie
                    UNION ALL
                    SELECT high_id, low_id, via, total FROM archive_tie
                ) AS sides
                GROUP BY organization_id
            ) AS tied ON tied.organization_id = named.organization_id""",
        _temporary(
            "summary_people",
            f"""SELECT DISTINCT m.article_id, {_year("a.published_on")} AS year, m.person_id,
                    p.nationality
                FROM archive_mention m
                JOIN archive_article a ON a.id = m.article_id
                JOIN archive_person p ON p.id = m.person_id AND p.is_public
                WHERE {PUBLISHED}""",
        ),
        """INSERT INTO archive_personfigures (person_id, articles)
            SELECT person_id, COUNT(*) FROM summary_people GROUP BY person_id""",
    ]


def country_statements() -> list[str]:
    """Which of the three countries each record involves, and the whole archive's years
    and places."""
    involves = {code: f"MAX(CASE WHEN country = '{code}' THEN 1 ELSE 0 END)" for code in FLAGS}
    flags = ", ".join(f"{involves[code]} AS {flag}" for code, flag in FLAGS.items())
    two_or_more = " + ".join(involves.values())
    return [
        _temporary(
            "summary_records",
            f"""SELECT kind, record_id, year, {flags} FROM (
                    SELECT kind, record_id, year, country FROM summary_named
                    WHERE country IN ({THREE})
                    UNION ALL
                    SELECT 'article', article_id, year, nationality FROM summary_people
                    WHERE nationality IN ({THREE})
                    UNION ALL
                    SELECT 'event', id, {_year("start_date")}, country FROM archive_event
                    WHERE is_public AND country IN ({THREE})
                    UNION ALL
                    SELECT DISTINCT 'event', e.id, {_year("e.start_date")}, p.nationality
                    FROM archive_eventparticipant t
                    JOIN archive_event e ON e.id = t.event_id AND e.is_public
                    JOIN archive_person p ON p.id = t.person_id AND p.is_public
                    WHERE p.nationality IN ({THREE})
                    UNION ALL
                    SELECT DISTINCT 'agreement', g.id, {_year("g.signed_on")}, p.nationality
                    FROM archive_signatory t
                    JOIN archive_agreement g ON g.id = t.agreement_id AND g.is_public
                    JOIN archive_person p ON p.id = t.person_id AND p.is_public
                    WHERE p.nationality IN ({THREE})
                ) AS involved
                GROUP BY kind, record_id, year
                HAVING {two_or_more} >= 2""",
        ),
        f"""INSERT INTO archive_countryyear (countries, year, agreements, events, articles)
            SELECT '', year, SUM(agreements), SUM(events), SUM(articles) FROM (
                SELECT {_year("published_on")} AS year, 0 AS agreements, 0 AS events,
                    COUNT(*) AS articles
                FROM archive_article a WHERE a.status = 'published'
                GROUP BY {_year("published_on")}
                UNION ALL
                SELECT {_year("start_date")}, 0, COUNT(*), 0 FROM archive_event
                WHERE is_public GROUP BY {_year("start_date")}
                UNION ALL
                SELECT {_year("signed_on")}, COUNT(*), 0, 0 FROM archive_agreement
                WHERE is_public GROUP BY {_year("signed_on")}
            ) AS counted
            GROUP BY year""",
        f"""INSERT INTO archive_placefigures (countries, place, country, events)
            SELECT '', {_place("e")}, e.country, COUNT(*) FROM archive_event e
            WHERE e.is_public AND {_placed("e")}
            GROUP BY {_place("e")}, e.country""",
    ]


def _groups_of(cn: int, jp: int, kr: int) -> list[str]:
    """The groups a record that involves these countries counts for."""
    involved = {code for code, flag in zip(FLAGS, (cn, jp, kr), strict=True) if flag}
    return [group for group, codes in GROUPS.items() if involved.issuperset(codes)]


def _group_figures(cursor) -> None:
    """The groups' years, organizations and places, from the records that involve two of
    the three countries or more (summary_records): grouped by the database, sorted into
    each group here."""
    years: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cursor.execute(
        "SELECT kind, year, cn, jp, kr, COUNT(*) FROM summary_records"
        " GROUP BY kind, year, cn, jp, kr"
    )
    for kind, year, cn, jp, kr, count in cursor.fetchall():
        for group in _groups_of(cn, jp, kr):
            years[group, year][f"{kind}s"] += count
    CountryYear.objects.bulk_create(
        CountryYear(countries=group, year=year, **counts) for (group, year), counts in years.items()
    )

    organizations: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cursor.execute(
        f"""SELECT n.organization_id, n.country, n.kind, r.cn, r.jp, r.kr, COUNT(*)
            FROM summary_records r
            JOIN summary_named n ON n.kind = r.kind AND n.record_id = r.record_id
            WHERE n.country IN ({THREE})
            GROUP BY n.organization_id, n.country, n.kind, r.cn, r.jp, r.kr"""
    )
    for organization, country, kind, cn, jp, kr, count in cursor.fetchall():
        for group in _groups_of(cn, jp, kr):
            if country in GROUPS[group]:  # the group's own organizations
                organizations[group, organization][f"{kind}s"] += count
    CountryOrganization.objects.bulk_create(
        CountryOrganization(
            countries=group, organization_id=org, total=sum(counts.values()), **counts
        )
        for (group, org), counts in organizations.items()
    )

    places: dict[tuple, int] = defaultdict(int)
    cursor.execute(
        f"""SELECT {_place("e")}, e.country, r.cn, r.jp, r.kr, COUNT(*)
            FROM summary_records r JOIN archive_event e ON e.id = r.record_id
            WHERE r.kind = 'event' AND {_placed("e")}
            GROUP BY {_place("e")}, e.country, r.cn, r.jp, r.kr"""
    )
    for place, country, cn, jp, kr, count in cursor.fetchall():
        for group in _groups_of(cn, jp, kr):
            places[group, place, country] += count
    PlaceFigures.objects.bulk_create(
        PlaceFigures(countries=group, place=place, country=country, events=count)
        for (group, place, country), count in places.items()
    )


def run() -> None:
    """Write every table of figures again, from the archive as this transaction sees it."""
    with connection.cursor() as cursor:
        if _postgres():
            # one large build: memory for its sorts and hashes, and both cores
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 2")
        for table in (*TEMPORARY, *TABLES):
            cursor.execute(
                f"DROP TABLE IF EXISTS {table}" if table in TEMPORARY else f"DELETE FROM {table}"
            )
        for statement in tie_statements() + country_statements():
            cursor.execute(statement)
        _group_figures(cursor)
        for table in TEMPORARY:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
