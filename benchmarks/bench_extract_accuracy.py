"""Accuracy of the text extraction on the development set of real news articles.

Runs :func:`analysis.text.analyze` on every dev-set text present on this machine (the
committed ``benchmarks/devset/texts/`` plus any verified ``texts_local/``), scores
the output against the hand-made gold readings with :mod:`analysis.text.scoring`,
and prints the micro-averaged figures, the seed article's figures on their own line
and the spaCy model used.

Run::

    .venv/bin/python benchmarks/bench_extract_accuracy.py            # summary
    .venv/bin/python benchmarks/bench_extract_accuracy.py --details  # + one row per article
    .venv/bin/python benchmarks/bench_extract_accuracy.py --misses   # + what was missed
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))

import devset  # noqa: E402

from analysis.text import analyze_many, load_pipeline  # noqa: E402
from analysis.text.scoring import FIGURES, Score, score_article, score_many  # noqa: E402


def percent(value: float | None) -> str:
    """A share as a percentage with one decimal, or a dash when there is nothing to count."""
    if value is None or value != value:  # None, or NaN once in a DataFrame
        return "–"
    return f"{100 * value:5.1f}%"


def figure_line(label: str, score: Score) -> str:
    """One line of figures: label, then every figure of :data:`FIGURES`."""
    figs = score.figures()
    return f"{label:<22}" + "".join(f"{percent(figs[lab]):>17}" for _, lab in FIGURES)


def predictions(items: list[devset.Item]) -> list[dict[str, Any]]:
    """Analyse every item and return ``Analysis.to_dict()`` for each, in order."""
    out = []
    runs = analyze_many([(item.text, item.published) for item in items])
    for item, result in zip(items, runs, strict=True):
        # The analysed text drops page furniture ("Exit mobile version"); every gold
        # passage must still sit at the same offsets, or the scores would be meaningless.
        for kind in ("quotes", "dates", "claims"):
            for row in item.gold[kind]:
                start, end = row["span"]
                if result.text[start:end] != row["text"]:
                    raise SystemExit(f"{item.id}: gold {kind[:-1]} {row['text']!r} moved")
        out.append(result.to_dict())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print one row per article")
    parser.add_argument("--misses", action="store_true", help="print the gold items missed")
    args = parser.parse_args(argv)

    items, notes = devset.available()
    seed = devset.seed()
    preds = predictions([*items, seed])
    score = score_many((item.gold, p) for item, p in zip(items, preds, strict=False))
    seed_score = Score((score_article(seed.gold, preds[-1]),))

    meta = load_pipeline().meta
    committed = sum(item.committed for item in items)
    print(f"spaCy model: {meta['lang']}_{meta['name']} {meta['version']}")
    print(
        f"articles scored: {score.articles} of {len(devset.articles())} "
        f"({committed} committed texts, {score.articles - committed} local texts)"
    )
    for note in notes:
        print(f"  {note}")
    counts = {key: score.total(key).total for key, _ in FIGURES if key != "country_f1"}
    print(
        f"gold items: {counts['quotes_found']} quotes, {counts['dates']} dates, "
        f"{counts['people']} people, {counts['organizations']} organisations; "
        f"{counts['quote_precision']} extracted quotes"
    )
    print()
    print(f"{'':<22}" + "".join(f"{lab:>17}" for _, lab in FIGURES))
    print(figure_line(f"dev set ({score.articles})", score))
    print(figure_line("seed article", seed_score))
    if args.details:
        print()
        table = score.table()
        for _, label in FIGURES:
            table[label] = table[label].map(percent)
        print(table.to_string(index=False))
    if args.misses:
        for article in [*score.per_article, *seed_score.per_article]:
            print(f"\n== {article.id}")
            for kind, rows in article.misses.items():
                for row in rows:
                    if kind != "country" or row["missing"] or row["extra"]:
                        print(f"  {kind}: {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
