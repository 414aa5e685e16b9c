"""People and their positions (being split into modules by concern)."""

from archive.importing.extract.people.title_clause import find_people

__all__ = ["find_people"]
