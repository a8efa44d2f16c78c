"""Exceptions raised by :mod:`analysis` for problems a user can fix.

Every error a user can cause (a bad path, an unknown country, an impossible date,
a corrupt data file, a missing spaCy model) is an :class:`AnalysisError`.  The
command line catches exactly this class, prints its message on one line to
standard error and exits with status 2; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

from collections.abc import Sequence


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


class AmbiguousCountryError(UnknownCountryError):
    """A country name that fits several countries ("Congo", "Korea"); carries the candidates.

    ``candidates`` holds their codes, ``names`` their names, in the order given.

    Examples
    --------
    >>> err = AmbiguousCountryError(
    ...     "Congo", [("COG", "Republic of the Congo"), ("COD", "DR Congo")]
    ... )
    >>> err.candidates
    ('COG', 'COD')
    >>> str(err)
    "ambiguous country 'Congo': Republic of the Congo (COG) or DR Congo (COD); give a code"
    """

    def __init__(self, value: str, candidates: Sequence[tuple[str, str]]) -> None:
        self.candidates = tuple(code for code, _ in candidates)
        self.names = tuple(name for _, name in candidates)
        labels = [f"{name} ({code})" for code, name in candidates]
        super().__init__(value, labels)

    def __str__(self) -> str:
        labels = self.suggestions
        joined = (
            " or ".join(labels) if len(labels) < 3 else ", ".join(labels[:-1]) + " or " + labels[-1]
        )
        return f"ambiguous country {self.value!r}: {joined}; give a code"


class DataFileError(AnalysisError, OSError):
    """A packaged data file that is missing, unreadable or fails its checksum."""


class ModelNotFoundError(AnalysisError, ImportError):
    """No usable spaCy English model is installed."""


class ReferenceDataError(AnalysisError, ValueError):
    """A reference table that fails validation; the message names the bad row."""


class OutputError(AnalysisError, OSError):
    """Output that cannot be written (full disk, no permission); nothing is left half-written."""
