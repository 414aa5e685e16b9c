"""Organizations, people and agreements written in Chinese or Korean script."""

from archive.importing.extract.native.parties import find_native_agreements
from archive.importing.extract.native.words import find_native_names

__all__ = ["find_native_agreements", "find_native_names"]
