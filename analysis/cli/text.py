"""Command-line commands for text extraction: ``python -m analysis extract``."""

from __future__ import annotations

import argparse
from typing import Any

from analysis.cli.batch import add_corpus_arguments, run_batch

__all__ = ["register", "run_extract"]


def register(sub: Any) -> None:
    """Register the ``extract`` command on the top-level sub-parsers.

    Examples
    --------
    >>> from analysis.cli import build_parser
    >>> build_parser().parse_args(["extract", "x.txt"]).format
    'json'
    """
    p = sub.add_parser(
        "extract",
        help="extract entities, countries, dates, quotes and claims from articles",
        description=(
            "Analyse one or more articles (files, folders, globs, standard input, JSON lines, "
            "Parquet or CSV tables, seed ids). One article prints one JSON object; several "
            "print one JSON object per line; --out writes JSON lines or Parquet tables."
        ),
    )
    add_corpus_arguments(p)
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format")
    p.set_defaults(handler=run_extract)


def _table(result: dict[str, Any]) -> str:
    import pandas as pd

    from analysis.cli.output import render

    if result.get("error") is not None:
        return f"# {result['id']}: error: {result['error']}\n"
    art = result["article"]
    parts = [f"# {art['title']}  (published {art['published']}, {art['words']} words)\n"]
    show = {
        "countries": ["iso3", "name", "mentions", "forms"],
        "people": ["name", "mentions", "aliases"],
        "organizations": ["name", "mentions", "aliases"],
        "dates": ["text", "iso", "granularity"],
        "quotes": ["kind", "speaker", "cue", "text"],
        "claims": ["kinds", "text"],
    }
    for name, cols in show.items():
        frame = pd.DataFrame(result.get(name, []))
        frame = frame.reindex(columns=[c for c in cols if c in frame.columns or frame.empty])
        if "text" in frame.columns:
            frame["text"] = frame["text"].map(lambda s: s if len(s) <= 90 else s[:87] + "...")
        parts.append(f"\n## {name}\n" + render(frame, "table"))
    return "".join(parts)


def run_extract(args: argparse.Namespace) -> int:
    """Run ``extract``: stream the inputs through the engine and print or write the records."""
    from analysis.cli.output import render

    def show(record: dict[str, Any], single: bool) -> str:
        if args.format == "table":
            return _table(record)
        return render(record, "json" if single else "jsonl")

    return run_batch(args, check=False, render=show)
