"""Write ``gold/<id>.json`` from the hand-made readings in ``annotations.py``.

The readings were written by a person who read each article in full; this script
only does the clerical part: it finds each quoted, dated or claimed passage in the
text (the n-th listing of the same passage is its n-th occurrence; ``«…»`` marks the
part of a passage to record when the passage gives context), records its character
offsets and derives a date's granularity and ``start``/``end`` days from its ISO
value.  It fails, naming the passage, when a passage is not in the text.  It then
rewrites the ``SHA256SUMS`` listing of ``texts/`` and ``texts_local/`` with the
package's one checksum mechanism (:func:`analysis._data.write_checksums`), so the
benchmark can verify that a text is the one that was read.

Run after editing ``annotations.py`` (every text must be present, the git-ignored
``texts_local/`` ones included)::

    .venv/bin/python benchmarks/devset/build_gold.py
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import devset  # noqa: E402
from annotations import ANNOTATIONS, SEED_ID, SEED_PUBLISHED  # noqa: E402

from analysis.dates import parse_partial_date  # noqa: E402


def text_path(article_id: str) -> Path:
    """Where the text of an article lives (committed, local, or the seed)."""
    path = devset.text_path(article_id)
    if path is None:
        raise SystemExit(f"{article_id}: no text in texts/ or texts_local/")
    return path


def bounds(iso: str) -> tuple[str, str, str]:
    """Return (granularity, first day, last day) of an ISO date, week, month … value.

    Days, months, years and decades go through the package's date helper
    (:func:`analysis.dates.parse_partial_date`); ISO weeks and quarters, which it does
    not know, are computed here.
    """
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", iso):
        y, w = int(m[1]), int(m[2])
        first, last = date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
        return "week", first.isoformat(), last.isoformat()
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", iso):
        y, q = int(m[1]), int(m[2])
        end = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        return "quarter", date(y, 3 * q - 2, 1).isoformat(), end.isoformat()
    granularity = {10: "day", 7: "month", 4: "year"}.get(len(iso), "decade")
    value = iso[:-1] if granularity == "decade" else iso
    try:
        first_day, last_day = parse_partial_date(value, granularity)
    except ValueError:
        raise SystemExit(f"unknown ISO value {iso!r}") from None
    assert first_day is not None and last_day is not None
    return granularity, first_day.isoformat(), last_day.isoformat()


class Finder:
    """Find passages in order: the n-th request for the same passage gets its n-th place."""

    def __init__(self, article_id: str, text: str) -> None:
        self.id = article_id
        self.text = text
        self.seen: dict[tuple[str, str], int] = {}

    def span(self, passage: str, kind: str) -> list[int]:
        """Offsets of ``passage``; ``"flooding «Thursday»"`` finds the marked part in context."""
        if "«" in passage:
            before, rest = passage.split("«", 1)
            marked, after = rest.split("»", 1)
            start, _ = self.span(before + marked + after, kind)
            return [start + len(before), start + len(before) + len(marked)]
        n = self.seen.get((kind, passage), 0)
        pos = -1
        for _ in range(n + 1):
            pos = self.text.find(passage, pos + 1)
            if pos < 0:
                raise SystemExit(f"{self.id}: {kind} passage #{n + 1} not found: {passage!r}")
        self.seen[(kind, passage)] = n + 1
        return [pos, pos + len(passage)]


def entity(item: str | tuple[str, ...]) -> dict[str, Any]:
    if isinstance(item, str):
        return {"name": item, "aliases": []}
    return {"name": item[0], "aliases": list(item[1:])}


def build(article_id: str, spec: dict[str, Any]) -> dict[str, Any]:
    path = text_path(article_id)
    text = path.read_text(encoding="utf-8")
    find = Finder(article_id, text)
    out: dict[str, Any] = {
        "id": article_id,
        "published": spec.get("published", SEED_PUBLISHED if article_id == SEED_ID else None),
        "text_file": str(path.relative_to(ROOT)),
    }
    dl = spec.get("dateline")
    out["dateline"] = (
        None
        if dl is None
        else {"text": dl[0], "span": find.span(dl[0], "dateline"), "countries": list(dl[1])}
    )
    out["countries"] = sorted(spec["countries"].split()) if spec.get("countries") else []
    out["people"] = [entity(p) for p in spec.get("people", [])]
    out["organizations"] = [entity(o) for o in spec.get("orgs", [])]
    dates = []
    for item in spec.get("dates", []):
        passage, iso = item[0], item[1]
        span = find.span(passage, "date")
        row: dict[str, Any] = {"text": text[span[0] : span[1]], "span": span, "iso": iso}
        if iso is None:
            row.update(granularity=item[2], start=None, end=None)
        else:
            gran, first, last = bounds(iso)
            row.update(granularity=gran, start=first, end=last)
        if len(item) > 3:
            row["note"] = item[3]
        dates.append(row)
    out["dates"] = sorted(dates, key=lambda d: d["span"])
    for a, b in zip(out["dates"], out["dates"][1:], strict=False):
        if b["span"][0] < a["span"][1]:
            raise SystemExit(f"{article_id}: dates overlap: {a['text']!r} and {b['text']!r}")
    quotes = []
    for item in spec.get("quotes", []):
        passage, kind, speaker, cue = item[:4]
        row = {"text": passage, "span": find.span(passage, "quote"), "kind": kind}
        if isinstance(speaker, str) and speaker.startswith("~"):
            row.update(speaker=speaker[1:], speaker_named=False)
        elif isinstance(speaker, tuple):  # (name, alias, …): a government as its country
            row.update(speaker=speaker[0], speaker_aliases=list(speaker[1:]))
        else:
            row["speaker"] = speaker
        row["cue"] = cue
        quotes.append(row)
    out["quotes"] = sorted(quotes, key=lambda q: q["span"])
    claims = [
        {"text": passage, "span": find.span(passage, "claim"), "kind": kind}
        for passage, kind in spec.get("claims", [])
    ]
    out["claims"] = sorted(claims, key=lambda c: c["span"])
    if spec.get("notes"):
        out["notes"] = spec["notes"]
    return out


def main(argv: list[str]) -> int:
    from analysis._data import write_checksums

    wanted = set(argv) or set(ANNOTATIONS)
    for article_id in sorted(wanted):
        gold = build(article_id, ANNOTATIONS[article_id])
        target = HERE / "gold" / f"{article_id}.json"
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(
            f"{article_id}: {len(gold['quotes'])} quotes, {len(gold['dates'])} dates, "
            f"{len(gold['people'])} people, {len(gold['organizations'])} organisations"
        )
    if not argv:
        for folder in ("texts", "texts_local"):
            print(f"{folder}/SHA256SUMS: {len(write_checksums(HERE / folder))} texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
