"""The :class:`Verdict` record: one claim, one checker, one grade, with its evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.checks.grades import Grade

__all__ = ["Verdict", "verdicts_frame"]


@dataclass
class Verdict:
    """The outcome of checking one claim.

    Attributes
    ----------
    claim
        The claim text as extracted.
    kind
        The checker that produced it (see :func:`analysis.checks.checkers`), or
        ``unchecked`` when none applies.
    grade
        A :class:`~analysis.checks.grades.Grade` (a string such as ``"supported"``
        is converted).
    reason
        Plain sentences saying why.
    evidence
        Rows of numbers with their sources and URLs.
    figures
        Key figures (ratio range, count, rank …) for tables and the book; the
        short ``summary`` is shown beside the grade.
    start, end
        Character offsets of the claim in the analysed text, when known.

    Examples
    --------
    >>> Verdict("Japan is not a member of NATO", "membership", "supported", "Right.").grade
    <Grade.SUPPORTED: 'supported'>
    """

    claim: str
    kind: str
    grade: Grade
    reason: str
    evidence: pd.DataFrame = field(default_factory=pd.DataFrame)
    figures: dict[str, Any] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        self.grade = Grade(self.grade)  # validates and normalises

    @property
    def sources(self) -> list[str]:
        """Distinct source names in the evidence, in order of appearance.

        Examples
        --------
        >>> v = Verdict("x", "k", "supported", "r", pd.DataFrame({"source": ["A", "A", "B"]}))
        >>> v.sources
        ['A', 'B']
        """
        if "source" not in self.evidence.columns:
            return []
        return list(dict.fromkeys(str(s) for s in self.evidence["source"].dropna()))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (evidence as a list of records).

        Examples
        --------
        >>> v = Verdict("Japan is not a member of NATO", "membership", "supported", "ok")
        >>> v.to_dict()["grade"], sorted(v.to_dict())[:3]
        ('supported', ['claim', 'end', 'evidence'])
        """
        from analysis.serialize import jsonable, records

        return {
            "claim": self.claim,
            "kind": self.kind,
            "grade": self.grade.value,
            "reason": self.reason,
            "figures": jsonable(self.figures),
            "sources": self.sources,
            "evidence": records(self.evidence) if not self.evidence.empty else [],
            "start": self.start,
            "end": self.end,
        }


def verdicts_frame(verdicts: Iterable[Verdict]) -> pd.DataFrame:
    """One row per verdict: claim, kind, grade, key figure, reason, sources.

    Examples
    --------
    >>> verdicts_frame([]).columns.tolist()
    ['claim', 'kind', 'grade', 'key_figure', 'reason', 'sources']
    """
    rows = [
        {
            "claim": v.claim,
            "kind": v.kind,
            "grade": v.grade.value,
            "key_figure": v.figures.get("summary", ""),
            "reason": v.reason,
            "sources": "; ".join(v.sources),
        }
        for v in verdicts
    ]
    return pd.DataFrame(rows, columns=["claim", "kind", "grade", "key_figure", "reason", "sources"])
