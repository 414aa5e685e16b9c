"""Agreements: an instrument (MOU, agreement, letter of intent, joint statement...) that a
sentence says was signed, its parties, signatories and date. Other code imports only what
this package offers."""

from archive.importing.extract.agreements.stage import find_agreements

__all__ = ["find_agreements"]
