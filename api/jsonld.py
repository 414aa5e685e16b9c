"""schema.org descriptions of records, for the `jsonld/` address of each record. A value
the record does not have is left out rather than given as null."""

from archive.countries import COUNTRIES


def _thing(summary: dict | None, kind: str) -> dict | None:
    if not summary:
        return None
    return {"@type": kind, "name": summary["name"], "@id": summary["url"]}


def describe(kind: str, data: dict) -> dict:
    """The schema.org object for one record's API representation."""
    return {key: value for key, value in _describe(kind, data).items() if value not in (None, "")}


def _describe(kind: str, data: dict) -> dict:
    base = {"@context": "https://schema.org", "@id": data.get("url"), "url": data.get("url")}
    if kind == "article":
        mentions = [_thing(o, "Organization") for o in data.get("organizations", [])]
        mentions += [_thing(p, "Person") for p in data.get("persons", [])]
        return base | {
            "@type": "NewsArticle",
            "headline": data["title"],
            "datePublished": data.get("published_on"),
            "publisher": {"@type": "Organization", "name": data["source"]}
            if data.get("source")
            else None,
            "inLanguage": data.get("language"),
            "articleBody": data.get("body"),
            "mainEntityOfPage": data.get("web_url"),
            "mentions": mentions,
        }
    if kind == "organization":
        return base | {
            "@type": "Organization",
            "name": data["name"],
            "alternateName": [data["acronym"], *data.get("aliases", [])]
            if data.get("acronym")
            else data.get("aliases", []),
            "location": COUNTRIES.get(data.get("country") or ""),
        }
    if kind == "person":
        native = [data["native_name"]] if data.get("native_name") else []
        return base | {
            "@type": "Person",
            "name": data["name"],
            "alternateName": [*native, *data.get("aliases", [])],
            "nationality": COUNTRIES.get(data.get("nationality") or ""),
            "affiliation": [
                _thing(p["organization"], "Organization")
                for p in data.get("positions", [])
                if p.get("organization")
            ],
            "jobTitle": [p["title"] for p in data.get("positions", [])],
        }
    if kind == "event":
        place = ", ".join(
            filter(
                None,
                [data.get("city"), data.get("region"), COUNTRIES.get(data.get("country") or "")],
            )
        )
        return base | {
            "@type": "Event",
            "name": data["name"],
            "startDate": data.get("start_date"),
            "endDate": data.get("end_date"),
            "location": {"@type": "Place", "name": place} if place else None,
            "organizer": [
                _thing(
                    p["organization"] or p["person"],
                    "Organization" if p["organization"] else "Person",
                )
                for p in data.get("participants", [])
                if p["role"] == "organizer"
            ],
            "attendee": [
                _thing(
                    p["organization"] or p["person"],
                    "Organization" if p["organization"] else "Person",
                )
                for p in data.get("participants", [])
                if p["role"] == "participant"
            ],
        }
    if kind == "agreement":
        return base | {
            "@type": "CreativeWork",
            "additionalType": "Agreement",
            "name": data["title"],
            "dateCreated": data.get("signed_on"),
            "abstract": data.get("summary"),
            "sourceOrganization": [_thing(p, "Organization") for p in data.get("parties", [])],
            "contributor": [_thing(p, "Person") for p in data.get("signatories", [])],
        }
    return base | {"@type": "Thing", "name": str(data.get("quote", ""))}
