"""schema.org descriptions of the site's pages (JSON-LD in their <head>)."""

from archive.countries import COUNTRIES


def _ref(request, record, kind: str) -> dict:
    return {
        "@type": kind,
        "name": str(record),
        "url": request.build_absolute_uri(record.get_absolute_url()),
    }


def news_article(request, article, organizations, persons) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published_on,
        "inLanguage": article.language,
        "publisher": {"@type": "Organization", "name": article.source} if article.source else None,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mentions": [_ref(request, o, "Organization") for o in organizations]
        + [_ref(request, p, "Person") for p in persons],
    }


def organization(request, org) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
        "alternateName": org.acronym or None,
        "location": COUNTRIES.get(org.country),
        "parentOrganization": _ref(request, org.parent, "Organization") if org.parent else None,
        "url": request.build_absolute_uri(org.get_absolute_url()),
    }


def person(request, who, positions) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": who.name,
        "nationality": COUNTRIES.get(who.nationality),
        "jobTitle": [p.title for p in positions],
        "affiliation": [
            _ref(request, p.organization, "Organization") for p in positions if p.organization
        ],
        "url": request.build_absolute_uri(who.get_absolute_url()),
    }


def event(request, ev, organizers) -> dict:
    place = ", ".join(filter(None, [ev.city, ev.region, COUNTRIES.get(ev.country)]))
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ev.name,
        "startDate": ev.start_date,
        "endDate": ev.end_date,
        "location": {"@type": "Place", "name": place} if place else None,
        "organizer": [
            _ref(
                request, p.organization or p.person, "Organization" if p.organization else "Person"
            )
            for p in organizers
        ],
        "url": request.build_absolute_uri(ev.get_absolute_url()),
    }
