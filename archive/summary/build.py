"""The build of the figures (archive.summary.models) from the public archive, whole, in a
few set-wise statements: published articles, mentions not rejected, public records.

An organization is tied to another
- by an agreement when both are its parties (the year it was signed),
- by an event when both organized it or took part (the year it began),
- by an article when the article names both (the year it was published).

A record involves a country when one of its organizations is of that country, or one of
its people of that nationality (the people an article names, an event's participants, an
agreement's signatories), or, for an event, when it took place there; a group of
countries ("CN-KR", "CN-JP-KR") counts the records that involve every country of the
group."""

from django.db import connection

from archive.countries import COUNTRIES

# The pages of countries side by side: each pair of the three, and the three together.
GROUPS = {
    "CN-KR": ("CN", "KR"),
    "CN-JP": ("CN", "JP"),
    "JP-KR": ("JP", "KR"),
    "CN-JP-KR": ("CN", "JP", "KR"),
}
FLAGS = {"CN": "cn", "JP": "jp", "KR": "kr"}
assert all(code in COUNTRIES for code in FLAGS)

TABLES = (
    "archive_organizationfigures",
    "archive_personfigures",
    "archive_tie",
    "archive_tieweight",
    "archive_countryyear",
    "archive_countryorganization",
    "archive_placefigures",
)


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS integer)"
    return f"CAST(strftime('%Y', {column}) AS integer)"


def _temp(name: str, select: str) -> list[str]:
    create = "CREATE TEMPORARY TABLE"
    suffix = " ON COMMIT DROP" if connection.vendor == "postgresql" else ""
    return [f"DROP TABLE IF EXISTS {name}", f"{create} {name}{suffix} AS {select}"]


def statements() -> list[str]:
    """The build, in order; run inside one transaction."""
    published = "a.status = 'published' AND m.review_status <> 'rejected'"
    flags = ", ".join(
        f"MAX(CASE WHEN country = '{code}' THEN 1 ELSE 0 END) AS {flag}"
        for code, flag in FLAGS.items()
    )
    three = ", ".join(f"'{code}'" for code in FLAGS)
    steps = [f"DELETE FROM {table}" for table in TABLES]
    # The records' organizations, one row each: (kind, record, year, organization, country).
    steps += _temp(
        "summary_named",
        f"""SELECT DISTINCT 'article' AS kind, m.article_id AS record_id,
                {_year("a.published_on")} AS year, m.organization_id, o.country
            FROM archive_mention m
            JOIN archive_article a ON a.id = m.article_id
            JOIN archive_organization o ON o.id = m.organization_id AND o.is_public
            WHERE {published}
        UNION ALL
        SELECT DISTINCT 'agreement', g.id, {_year("g.signed_on")}, p.organization_id, o.country
            FROM archive_agreement_parties p
            JOIN archive_agreement g ON g.id = p.agreement_id AND g.is_public
            JOIN archive_organization o ON o.id = p.organization_id AND o.is_public
        UNION ALL
        SELECT DISTINCT 'event', e.id, {_year("e.start_date")}, p.organization_id, o.country
            FROM archive_eventparticipant p
            JOIN archive_event e ON e.id = p.event_id AND e.is_public
            JOIN archive_organization o ON o.id = p.organization_id AND o.is_public""",
    )
    steps.append("CREATE INDEX summary_named_record ON summary_named (kind, record_id)")
    steps += [
        """INSERT INTO archive_organizationfigures (organization_id, articles, partners)
            SELECT organization_id, COUNT(*), 0 FROM summary_named
            WHERE kind = 'article' GROUP BY organization_id""",
        f"""INSERT INTO archive_personfigures (person_id, articles)
            SELECT m.person_id, COUNT(DISTINCT m.article_id)
            FROM archive_mention m
            JOIN archive_article a ON a.id = m.article_id
            JOIN archive_person p ON p.id = m.person_id AND p.is_public
            WHERE {published}
            GROUP BY m.person_id""",
        """INSERT INTO archive_tie (low_id, high_id, via, year, count, low_country, high_country)
            SELECT x.organization_id, z.organization_id, x.kind, x.year, COUNT(*),
                x.country, z.country
            FROM summary_named x
            JOIN summary_named z ON z.kind = x.kind AND z.record_id = x.record_id
                AND x.organization_id < z.organization_id
            GROUP BY x.organization_id, z.organization_id, x.kind, x.year,
                x.country, z.country""",
        """INSERT INTO archive_tieweight
                (organization_id, country, partner_country, via, year, weight)
            SELECT organization_id, country, partner_country, via, year, SUM(count)
            FROM (
                SELECT low_id AS organization_id, low_country AS country,
                    high_country AS partner_country, via, year, count FROM archive_tie
                UNION ALL
                SELECT high_id, high_country, low_country, via, year, count FROM archive_tie
            ) AS sides
            GROUP BY organization_id, country, partner_country, via, year""",
        """UPDATE archive_organizationfigures SET partners = (
                SELECT COUNT(*) FROM (
                    SELECT high_id FROM archive_tie
                    WHERE low_id = archive_organizationfigures.organization_id
                    UNION
                    SELECT low_id FROM archive_tie
                    WHERE high_id = archive_organizationfigures.organization_id
                ) AS partners
            )""",
    ]
    # Which of the three countries each record involves.
    steps += _temp(
        "summary_records",
        f"""SELECT kind, record_id, year, {flags} FROM (
                SELECT kind, record_id, year, country FROM summary_named
                UNION ALL
                SELECT 'event', id, {_year("start_date")}, country FROM archive_event
                WHERE is_public AND country IN ({three})
                UNION ALL
                SELECT DISTINCT 'article', m.article_id, {_year("a.published_on")},
                    p.nationality
                FROM archive_mention m
                JOIN archive_article a ON a.id = m.article_id
                JOIN archive_person p ON p.id = m.person_id AND p.is_public
                WHERE {published} AND p.nationality IN ({three})
                UNION ALL
                SELECT DISTINCT 'event', e.id, {_year("e.start_date")}, p.nationality
                FROM archive_eventparticipant t
                JOIN archive_event e ON e.id = t.event_id AND e.is_public
                JOIN archive_person p ON p.id = t.person_id AND p.is_public
                WHERE p.nationality IN ({three})
                UNION ALL
                SELECT DISTINCT 'agreement', g.id, {_year("g.signed_on")}, p.nationality
                FROM archive_signatory t
                JOIN archive_agreement g ON g.id = t.agreement_id AND g.is_public
                JOIN archive_person p ON p.id = t.person_id AND p.is_public
                WHERE p.nationality IN ({three})
            ) AS involved
            GROUP BY kind, record_id, year""",
    )
    steps.append("CREATE INDEX summary_records_record ON summary_records (kind, record_id)")
    for group, codes in GROUPS.items():
        every = " AND ".join(f"r.{FLAGS[code]} = 1" for code in codes)
        of_group = ", ".join(f"'{code}'" for code in codes)
        steps += [
            f"""INSERT INTO archive_countryyear (countries, year, agreements, events, articles)
                SELECT '{group}', r.year,
                    SUM(CASE WHEN r.kind = 'agreement' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN r.kind = 'event' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN r.kind = 'article' THEN 1 ELSE 0 END)
                FROM summary_records r WHERE {every} GROUP BY r.year""",
            f"""INSERT INTO archive_countryorganization
                    (countries, organization_id, agreements, events, articles, total)
                SELECT '{group}', n.organization_id,
                    SUM(CASE WHEN n.kind = 'agreement' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN n.kind = 'event' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN n.kind = 'article' THEN 1 ELSE 0 END),
                    COUNT(*)
                FROM summary_records r
                JOIN summary_named n ON n.kind = r.kind AND n.record_id = r.record_id
                WHERE {every} AND n.country IN ({of_group})
                GROUP BY n.organization_id""",
            f"""INSERT INTO archive_placefigures (countries, place, country, events)
                SELECT '{group}', {_place("e")}, e.country, COUNT(*)
                FROM summary_records r JOIN archive_event e ON e.id = r.record_id
                WHERE r.kind = 'event' AND {every} AND {_placed("e")}
                GROUP BY {_place("e")}, e.country""",
        ]
    # The whole archive.
    steps += [
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
        "DROP TABLE IF EXISTS summary_records",
        "DROP TABLE IF EXISTS summary_named",
    ]
    return steps


def _place(alias: str) -> str:
    """An event's place: its city, else its province."""
    return f"CASE WHEN {alias}.city <> '' THEN {alias}.city ELSE {alias}.region END"


def _placed(alias: str) -> str:
    return f"({alias}.city <> '' OR {alias}.region <> '')"


def run() -> None:
    """Write every table of figures again, from the archive as this transaction sees it."""
    with connection.cursor() as cursor:
        for statement in statements():
            cursor.execute(statement)
