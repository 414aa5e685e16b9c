"""The words the rules know: what makes a name an organization, an event or a title, and
which capitalized words never begin a name.

Modules: `organization_words`, `event_words`, `people_words` (titles, honorifics, surnames),
`place_words` (countries and places) and `stop_words`. Every stage reads its words from this
module."""

from archive.importing.extract.vocabulary.event_words import EVENT_KEYWORDS
from archive.importing.extract.vocabulary.organization_words import (
    COMPANY_SUFFIXES,
    FOREIGN_NAME_LINKS,
    FOREIGN_ORG_HEADS,
    KNOWN_ORGANIZATIONS,
    NON_ORG_ACRONYMS,
    ORG_KEYWORDS,
    SUBJECT_WORDS,
    UNIT_KEYWORDS,
)
from archive.importing.extract.vocabulary.people_words import (
    HONORIFICS,
    SURNAMES,
    TITLE_WORDS,
    TITLES_BEFORE_NAME,
)
from archive.importing.extract.vocabulary.place_words import COUNTRY_NAMES, PLACE_WORDS, country_of
from archive.importing.extract.vocabulary.stop_words import STOP_WORDS

__all__ = [
    "COMPANY_SUFFIXES",
    "COUNTRY_NAMES",
    "EVENT_KEYWORDS",
    "FOREIGN_NAME_LINKS",
    "FOREIGN_ORG_HEADS",
    "HONORIFICS",
    "KNOWN_ORGANIZATIONS",
    "NON_ORG_ACRONYMS",
    "ORG_KEYWORDS",
    "PLACE_WORDS",
    "STOP_WORDS",
    "SUBJECT_WORDS",
    "SURNAMES",
    "TITLES_BEFORE_NAME",
    "TITLE_WORDS",
    "UNIT_KEYWORDS",
    "country_of",
]
