"""Exceptions raised by :mod:`analysis` for problems a user can fix.

Every error a user can cause (a bad path, an unknown country, an impossible date,
a corrupt data file, a missing spaCy model) is an :class:`AnalysisError`.  The
command line catches exactly this class, prints its message on one line to
standard error and exits with status 2; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class for errors caused by input or environment, not by a bug."""


class BadInputError(AnalysisError, ValueError):
    """An argument or file content the package cannot work with (empty, binary, not UTF-8…)."""


class UnknownCountryError(AnalysisError, KeyError):
    """A country name or code that resolves to no country; carries close matches."""

    def __init__(self, value: str, suggestions: list[str] | None = None) -> None:
        self.value = value
        self.suggestions = list(suggestions or [])
        super().__init__(value)

    def __str__(self) -> str:  # KeyError would repr() the message otherwise
        msg = f"unknown country {self.value!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(self.suggestions) + "?"
        return msg


class DataFileError(AnalysisError, OSError):
    """A packaged data file that is missing, unreadable or fails its checksum."""


class ModelNotFoundError(AnalysisError, ImportError):
    """No usable spaCy English model is installed."""


class ReferenceDataError(AnalysisError, ValueError):
    """A reference table that fails validation; the message names the bad row."""
