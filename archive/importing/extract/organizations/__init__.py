"""Organizations (being split into modules by concern)."""

from archive.importing.extract.organizations.keyword_spans import acronym_org, find_organizations

__all__ = ["acronym_org", "find_organizations"]
