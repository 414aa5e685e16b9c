"""Events: capitalized names ending in an event keyword, the events a sentence introduces in
lower case, visits and delegations, signing ceremonies, names in Chinese and Korean, and for
each its dates, place and participants. Other code imports only what this package offers."""

from archive.importing.extract.events.stage import find_events

__all__ = ["find_events"]
