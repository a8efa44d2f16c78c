"""Extract what a news article claims and check it against geography and sourced data.

The package is organised the way data flow:
article (:mod:`analysis.articles`) → text (:mod:`analysis.text`) → claims →
checks (:mod:`analysis.checks`) ← geography (:mod:`analysis.geo`) and reference
data (:mod:`analysis.reference`), joined through time by :mod:`analysis.history`;
:mod:`analysis.corpus` runs the text engine and the checks over many articles.
"""

from __future__ import annotations

from analysis.errors import (
    AnalysisError,
    BadInputError,
    DataFileError,
    ModelNotFoundError,
    OutputError,
    ReferenceDataError,
    UnknownCountryError,
)

__version__ = "0.1.0"

__all__ = [
    "AnalysisError",
    "BadInputError",
    "DataFileError",
    "ModelNotFoundError",
    "OutputError",
    "ReferenceDataError",
    "UnknownCountryError",
    "__version__",
]
