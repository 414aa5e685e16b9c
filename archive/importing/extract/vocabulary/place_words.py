"""Places: country names as written, the country a phrase ties itself to, and words that end
or begin place names."""

import re

from archive.countries import COUNTRY_WORDS

COUNTRY_NAMES = {
    "China",
    "Korea",
    "Japan",
    "USA",
    "ROK",
    "DPRK",
    "Germany",
    "France",
    "Russia",
    "India",
    "Singapore",
    "Vietnam",
    "Mongolia",
}

_COUNTRY_WORD = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(COUNTRY_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)


def country_of(text: str) -> str:
    """The country a name or phrase ties itself to, by its first country word."""
    match = _COUNTRY_WORD.search(text.lower())
    return COUNTRY_WORDS[match.group(1)] if match else ""


# Words that end or begin place names ("Han River", "Nanling Campus"): never part of a name.
PLACE_WORDS = {
    "river",
    "mountain",
    "mountains",
    "lake",
    "island",
    "bridge",
    "street",
    "avenue",
    "district",
    "county",
    "province",
    "city",
    "town",
    "village",
    "campus",
    "hall",
    "building",
    "tower",
    "square",
    "port",
    "bay",
    "sea",
    "valley",
    "zone",
    "dynasty",
    "temple",
    "palace",
    "station",
    "airport",
    "hotel",
    "plaza",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
