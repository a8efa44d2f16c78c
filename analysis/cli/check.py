"""``python -m analysis check PATH``: check an article's claims and print graded verdicts."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from analysis.cli.output import emit, parse_iso_date

__all__ = ["register", "run_check"]


def register(sub: Any) -> None:
    """Register the ``check`` command on the top-level sub-parsers."""
    p = sub.add_parser(
        "check",
        help="check the claims of an article against reference data and geography",
        description=(
            "Extract the claims of an article and grade each one (supported, supported with "
            "caveats, depends on the source, not supported, not checkable) with its evidence."
        ),
    )
    p.add_argument("path", metavar="PATH", help="article text file or seed id")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--published",
        type=str,
        default=None,
        help="publication date YYYY-MM-DD (overrides metadata)",
    )
    p.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Handler of ``check``: load, extract, check, print."""
    from analysis.articles import load_article
    from analysis.checks import check_claims
    from analysis.text import analyze

    published = parse_iso_date(args.published, "--published") if args.published else None
    article = load_article(args.path, published=published)
    pub = published or article.published
    verdicts = check_claims(analyze(article.text, published=pub), pub)
    if args.format == "json":
        emit(
            {
                "article": {
                    "title": article.title,
                    "published": pub,
                    "path": str(article.path) if article.path else None,
                },
                "verdicts": [v.to_dict() for v in verdicts],
            },
            "json",
        )
        return 0
    lines = [f"{article.title}  (published {pub.isoformat() if pub else 'unknown'})", ""]
    if not verdicts:
        lines.append("(no check-worthy claims found)")
    for i, v in enumerate(verdicts, 1):
        lines.append(f"[{i}] {v.claim}")
        summary = v.figures.get("summary", "")
        lines.append(f"    kind: {v.kind}   verdict: {v.grade.value.upper()}   {summary}")
        lines.append(f"    why: {v.reason}")
        if v.kind == "border_change" and not v.evidence.empty:
            ev = v.evidence[["source", "before_km", "after_km", "ratio", "margin_km"]].copy()
            ev["before_km"] = ev["before_km"].round(1)
            ev["after_km"] = ev["after_km"].round(1)
            ev["ratio"] = ev["ratio"].round(3)
            ev["margin_km"] = ev["margin_km"].round(1)
            lines.extend("      " + row for row in ev.to_string(index=False).splitlines())
        elif v.sources:
            lines.append("    sources: " + "; ".join(v.sources))
        lines.append("")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
