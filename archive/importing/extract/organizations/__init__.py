"""Organizations: capitalized names ending in a keyword ("... University", "Ministry of ..."),
their acronyms, sub-units and parents ("School of X of Y University"), and later references
by acronym.

Modules: `keyword_spans` (the names a keyword heads) with `name_fields` (their words after
"of", "for", "on"), `known_names` (names without a keyword), `acronyms`, `register` (a span
recorded; units and their parents), and `stage`, whose `find_organizations` runs them in
order. Other code imports only what this module offers."""

from archive.importing.extract.organizations.acronyms import acronym_org
from archive.importing.extract.organizations.stage import find_organizations

__all__ = ["acronym_org", "find_organizations"]
