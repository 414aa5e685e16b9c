"""Organizations, people and agreements written in Chinese or Korean script: two stages of
the extraction, each a few passes of compiled patterns over the body.

    find_native_names (module `names`): `words` (the scripts' word lists and particles),
        `state` (what the pass has found), `organizations`, `known`, `people`
    find_native_agreements (module `agreements`): `signings` (which sentences sign what),
        `parties` (who signs), `signing_dates` (when)

A module imports only from those listed before it (`words` from any); other code imports
only what this package offers."""

from archive.importing.extract.native.agreements import find_native_agreements
from archive.importing.extract.native.names import find_native_names

__all__ = ["find_native_agreements", "find_native_names"]
