"""Command-line commands for text extraction: ``python -m analysis extract``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from analysis.errors import BadInputError


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
            "Analyse one or more articles (files, folders of .txt files or seed ids). "
            "One path prints one JSON object; several print one JSON object per line."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file, folder or seed id")
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date (overrides metadata)"
    )
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format")
    p.set_defaults(handler=run_extract)


def _resolve_paths(items: list[str]) -> tuple[list[Path], bool]:
    from analysis._data import seeds_dir
    from analysis.articles import iter_article_paths, list_seeds

    expanded: list[str | Path] = []
    single = len(items) == 1
    for item in items:
        p = Path(item)
        if not p.exists() and item in list_seeds():
            p = seeds_dir() / f"{item}.txt"
        if p.is_dir():
            single = False
        expanded.append(p)
    return iter_article_paths(expanded), single


def _table(result: dict[str, Any]) -> str:
    import pandas as pd

    from analysis.cli.output import render

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
        frame = pd.DataFrame(result[name], columns=cols)
        if "text" in frame.columns:
            frame["text"] = frame["text"].map(lambda s: s if len(s) <= 90 else s[:87] + "...")
        parts.append(f"\n## {name}\n" + render(frame, "table"))
    return "".join(parts)


def run_extract(args: argparse.Namespace) -> int:
    """Run ``extract``: validate every path first, then analyse and print."""
    from analysis.articles import load_article
    from analysis.cli.output import parse_iso_date, render
    from analysis.text.analyze import analyze_many

    published = parse_iso_date(args.published) if args.published else None
    paths, single = _resolve_paths(list(args.paths))
    if not paths:
        raise BadInputError("no articles to analyse")
    articles = [load_article(p, published=published) for p in paths]  # validates all first
    progress = sys.stderr.isatty() and len(articles) > 1
    for i, (article, result) in enumerate(
        zip(articles, analyze_many(articles), strict=True), start=1
    ):
        payload = result.to_dict()
        payload["article"] = {"id": article.id, **payload["article"]}
        if article.path is not None:
            payload["article"]["path"] = str(article.path)
        if args.format == "table":
            sys.stdout.write(_table(payload))
        elif single:
            sys.stdout.write(render(payload, "json"))
        else:
            sys.stdout.write(render(payload, "jsonl"))
        sys.stdout.flush()
        if progress:
            sys.stderr.write(f"\r{i}/{len(articles)} {article.id}")
    if progress:
        sys.stderr.write("\n")
    return 0
