"""Events: capitalized names ending in an event keyword ("... Forum", "... Symposium"), the
events a sentence introduces in lower case ("a joint seminar on ...", "the 2nd X meeting"),
visits and delegations, signing ceremonies, names in Chinese and Korean, and for each its
dates, place and participants.

Modules: `chinese_korean` (names, visits, signings and places as those pages write them),
`names` (names by keyword; the kind and keyword of a name), `article` (what the stage looks
up in one article), `lower_case` (events named in lower case), `visits` (visits and trips),
`signings` (signing ceremonies), `keeping` (which events are kept, series merged, the main
event), `details` (completing an event: dates, place, participants), and `stage`, whose
`find_events` runs them in order. A module imports only from those listed before it; other
code imports only what this package offers."""

from archive.importing.extract.events.stage import find_events

__all__ = ["find_events"]
