"""Read the development set: article metadata, gold readings and the texts present.

Used by ``benchmarks/bench_extract_accuracy.py``, ``build_gold.py`` and the tests.
Committed texts live in ``texts/``; the texts of outlets whose licence does not allow
redistribution live in the git-ignored ``texts_local/``.  Both folders hold a
``SHA256SUMS`` listing (committed), and every text is checked against it with the
package's checksum mechanism (:func:`analysis._data.verified`) before it is used.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis._data import verified
from analysis.errors import DataFileError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLD = HERE / "gold"
TEXT_FOLDERS = (HERE / "texts", HERE / "texts_local")
SEED_ID = "seed"
SEED_FILE = ROOT / "seeds" / "000_e7a9e3d448b427a1.txt"


def articles() -> list[dict[str, str]]:
    """The rows of ``articles.csv`` (one per article, in id order)."""
    with open(HERE / "articles.csv", newline="", encoding="utf-8") as fh:
        return sorted(csv.DictReader(fh), key=lambda r: r["id"])


def gold(article_id: str) -> dict[str, Any]:
    """The gold reading of one article (``gold/<id>.json``)."""
    return json.loads((GOLD / f"{article_id}.json").read_text(encoding="utf-8"))


def text_path(article_id: str) -> Path | None:
    """Where the text of an article is, or ``None`` when it is not on this machine."""
    if article_id == SEED_ID:
        return SEED_FILE
    for folder in TEXT_FOLDERS:
        path = folder / f"{article_id}.txt"
        if path.is_file():
            return path
    return None


@dataclass(frozen=True)
class Item:
    """One article that can be scored: its id, text, publication date and gold reading."""

    id: str
    text: str
    published: str
    gold: dict[str, Any]
    committed: bool


def available() -> tuple[list[Item], list[str]]:
    """The dev-set articles whose text is present and verified, and notes on the others.

    A text whose SHA-256 differs from its listing is not scored (its offsets would not
    match the gold reading); the note says so.
    """
    items: list[Item] = []
    notes: list[str] = []
    for row in articles():
        path = text_path(row["id"])
        if path is None:
            notes.append(f"{row['id']}: text not present (texts_local/ is not committed)")
            continue
        try:
            verified(path)
        except DataFileError as exc:
            notes.append(f"{row['id']}: not scored, {exc}")
            continue
        g = gold(row["id"])
        items.append(
            Item(row["id"], path.read_text(encoding="utf-8"), g["published"], g,
                 path.parent.name == "texts")
        )  # fmt: skip
    return items, notes


def seed() -> Item:
    """The project's seed article with its gold reading (``gold/seed.json``)."""
    g = gold(SEED_ID)
    return Item(SEED_ID, SEED_FILE.read_text(encoding="utf-8"), g["published"], g, True)
