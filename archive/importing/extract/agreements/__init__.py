"""Agreements: an instrument (MOU, agreement, letter of intent, joint statement...) that a
sentence says was signed, its parties, signatories and date.

A sentence states an agreement when a signing word governs an instrument noun: before it
("A and B signed an MOU", "marked the signing of a memorandum", "a signing ceremony ... for
the MOU") or after it ("an MOU was signed by", "the agreement that the two sides concluded").
The parties and signatories are the organizations and people the earlier stages found, read
from where they stand around the signing words; "the two institutions" and "the university"
stand for organizations named before.

Modules: `instruments` (instruments and the signing words that govern them), `parties`,
`signatories`, `signing_dates`, and `stage`, whose `find_agreements` makes the facts. A
module imports only from those listed before it; other code imports only what this package
offers."""

from archive.importing.extract.agreements.stage import find_agreements

__all__ = ["find_agreements"]
