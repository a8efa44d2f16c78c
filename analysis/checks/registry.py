"""Checkers by claim kind, and the one entry point that runs them.

A checker is a function of one :class:`~analysis.claims.Claim` that returns a
:class:`~analysis.checks.verdicts.Verdict`, or ``None`` when the claim is not of
its kind.  It is registered with :func:`register` under its own name, and says
which of the text engine's claim kinds it looks at; :func:`check_claims` offers
each claim only to the checkers whose kinds it has.  Each checker lives in its own
module of :mod:`analysis.checks.kinds`, which are imported on first use, so adding
a claim kind is adding one module there.

A claim no checker takes still gets a verdict: ``not checkable``, with the reason.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from analysis.checks.grades import Grade
from analysis.checks.verdicts import Verdict
from analysis.claims import Claim, claims_from
from analysis.dates import as_date
from analysis.errors import BadInputError

__all__ = ["Checker", "check_claims", "check_text", "checkers", "register"]

CheckFunction = Callable[[Claim], Verdict | None]


@dataclass(frozen=True)
class Checker:
    """A registered checker.

    Attributes
    ----------
    name
        Its kind of claim, e.g. ``border_length`` (the verdict's ``kind``).
    claim_kinds
        The text engine's claim kinds it looks at (see :data:`analysis.claims.KINDS`).
    check
        The function.
    covers
        What it checks, as a phrase for the "not checkable" reason.
    """

    name: str
    claim_kinds: frozenset[str]
    check: CheckFunction
    covers: str


_REGISTRY: dict[str, Checker] = {}
_LOADED = False


def register(
    name: str, *, claim_kinds: Iterable[str], covers: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a checker (decorator).

    Examples
    --------
    >>> "border_length" in checkers()
    True
    """

    def deco(fn: CheckFunction) -> CheckFunction:
        _REGISTRY[name] = Checker(name, frozenset(claim_kinds), fn, covers)
        return fn

    return deco


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    from analysis.checks import kinds

    for info in sorted(pkgutil.iter_modules(kinds.__path__), key=lambda m: m.name):
        importlib.import_module(f"{kinds.__name__}.{info.name}")
    _LOADED = True


def checkers() -> Mapping[str, Checker]:
    """Every registered checker by name, in the order they run.

    Examples
    --------
    >>> sorted(checkers())[:3]
    ['accession_order', 'border_change', 'border_length']
    """
    _load()
    return MappingProxyType(dict(_REGISTRY))


def _unchecked(claim: Claim, pool: Iterable[Checker]) -> Verdict:
    covered = list(dict.fromkeys(c.covers for c in pool))
    kinds = ", ".join(k.replace("_", " ") for k in claim.kinds) or "no kind"
    listed = covered[0] if len(covered) == 1 else ", ".join(covered[:-1]) + " and " + covered[-1]
    reason = f"No check applies to this claim ({kinds}). The package checks {listed}."
    return Verdict(
        claim.text, "unchecked", Grade.NOT_CHECKABLE, reason, start=claim.start, end=claim.end
    )


def check_claims(
    source: Any,
    published: Any = None,
    *,
    checkers: Iterable[str] | None = None,
    include_unchecked: bool = True,
) -> list[Verdict]:
    """Check every claim with every checker that applies; return the verdicts in text order.

    Parameters
    ----------
    source
        The result of :func:`analysis.text.analyze`, a claims DataFrame (as the
        text engine or the corpus writers produce), or a list of
        :class:`~analysis.claims.Claim`.
    published
        Publication date for claims that carry none (the reference date of
        present-tense claims).
    checkers
        Names of the checkers to run (default: all, see :func:`checkers`).
    include_unchecked
        Give claims that no checker takes a ``not checkable`` verdict with the
        reason (the default), rather than leaving them out.

    Raises
    ------
    BadInputError
        For an unknown checker name or input that holds no claims.

    Examples
    --------
    >>> from analysis.text import analyze
    >>> a = analyze("On April 4, Finland officially joined NATO, becoming the 31st member "
    ...             "of the alliance.", "2023-05-10")
    >>> [(v.kind, v.grade.value) for v in check_claims(a)]
    [('accession_order', 'supported'), ('membership', 'supported')]
    """
    registry = dict(globals()["checkers"]())
    if checkers is not None:
        wanted = list(checkers) if not isinstance(checkers, str) else [checkers]
        unknown = [c for c in wanted if c not in registry]
        if unknown:
            raise BadInputError(
                f"unknown checker(s) {', '.join(unknown)}; known: {', '.join(sorted(registry))}"
            )
        pool = [registry[c] for c in wanted]
    else:
        pool = list(registry.values())
    verdicts: list[Verdict] = []
    for claim in claims_from(source, as_date(published, "published", optional=True)):
        found = False
        for checker in pool:
            if not checker.claim_kinds & set(claim.kinds):
                continue
            verdict = checker.check(claim)
            if verdict is not None:
                verdicts.append(verdict)
                found = True
        if not found and include_unchecked:
            verdicts.append(_unchecked(claim, registry.values()))
    return verdicts


def check_text(
    text: str, published: Any = None, *, checkers: Iterable[str] | None = None
) -> list[Verdict]:
    """Extract the claims of a text with :func:`analysis.text.analyze` and check them.

    Examples
    --------
    >>> [(v.kind, v.grade.value) for v in check_text(
    ...     "Finland became the 31st member of NATO.", "2023-05-10")]
    [('accession_order', 'supported')]
    """
    from analysis.text import analyze

    return check_claims(analyze(text, published=published), published, checkers=checkers)
