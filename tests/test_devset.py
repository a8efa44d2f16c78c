"""The development set: metadata, licences, gold readings against their schema and texts."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pycountry
import pytest

from analysis._data import listed, verified
from analysis.articles import count_words, strip_furniture
from analysis.text.scoring import score_article

DEVSET = Path(__file__).resolve().parents[1] / "benchmarks" / "devset"
sys.path.insert(0, str(DEVSET))

import build_gold  # noqa: E402
import devset  # noqa: E402
from annotations import ANNOTATIONS  # noqa: E402

ROWS = devset.articles()
IDS = [row["id"] for row in ROWS]
GOLD_IDS = sorted(p.stem for p in devset.GOLD.glob("*.json"))
SCHEMA = json.loads((DEVSET / "gold.schema.json").read_text(encoding="utf-8"))
OPEN_LICENCES = ("public domain", "CC BY")


def present() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, gold) of every text on this machine, the seed included."""
    out = []
    for article_id in [*IDS, devset.SEED_ID]:
        path = devset.text_path(article_id)
        if path is not None:
            out.append((article_id, path.read_text(encoding="utf-8"), devset.gold(article_id)))
    return out


def test_the_set_is_large_and_varied() -> None:
    assert len(ROWS) >= 30
    outlets = {row["outlet"].split(" (")[0] for row in ROWS}
    assert len(outlets) >= 15
    years = {int(row["published"][:4]) for row in ROWS}
    assert min(years) >= 2019 and max(years) <= 2026
    topics = Counter(t.strip() for row in ROWS for t in row["topic"].split(","))
    assert len(topics) >= 10 and topics.most_common(1)[0][1] <= len(ROWS) / 3


def test_committed_texts_are_openly_licensed_and_enough_for_ci() -> None:
    committed = [row for row in ROWS if row["text_committed"] == "yes"]
    assert len(committed) >= 20
    for row in committed:
        assert row["licence"].startswith(OPEN_LICENCES), row["id"]
        assert (DEVSET / "texts" / f"{row['id']}.txt").is_file()
    for row in ROWS:
        if row["text_committed"] == "no":
            assert not (DEVSET / "texts" / f"{row['id']}.txt").exists(), row["id"]
            assert row["licence"].startswith("all rights reserved"), row["id"]


def test_metadata_rows_are_complete() -> None:
    assert sorted(set(IDS)) == IDS and all(i.startswith("dev") for i in IDS)
    for row in ROWS:
        date.fromisoformat(row["published"])
        assert row["url"].startswith("http") and row["headline"] and row["outlet"], row["id"]
        assert row["complete"] in {"yes", "no"} and len(row["sha256"]) == 64, row["id"]
        assert int(row["words"]) > 30, row["id"]


def test_every_article_has_a_gold_reading_and_the_seed_too() -> None:
    assert sorted([*IDS, devset.SEED_ID]) == GOLD_IDS
    for row in ROWS:
        assert devset.gold(row["id"])["published"] == row["published"]


def test_checksums_agree_between_metadata_and_listings() -> None:
    listings = {
        name[:-4]: digest
        for folder in devset.TEXT_FOLDERS
        for name, digest in listed(folder).items()
    }
    assert {row["id"]: row["sha256"] for row in ROWS} == listings


def test_committed_texts_pass_their_checksums_and_local_ones_when_present() -> None:
    checked = 0
    for article_id in IDS:
        path = devset.text_path(article_id)
        if path is None:
            continue
        verified(path)
        checked += 1
    assert checked >= 20


def test_available_scores_only_verified_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items, _ = devset.available()
    assert len(items) >= 20 and all(item.text for item in items)
    # a local text that is not the one that was read is left out, with a note
    local = tmp_path / "texts_local"
    local.mkdir()
    (local / "SHA256SUMS").write_text((DEVSET / "texts_local" / "SHA256SUMS").read_text())
    (local / "dev022.txt").write_text("an edited text\n", encoding="utf-8")
    monkeypatch.setattr(devset, "TEXT_FOLDERS", (DEVSET / "texts", local))
    items, notes = devset.available()
    assert "dev022" not in {item.id for item in items}
    assert any(n.startswith("dev022: not scored") and "corrupt" in n for n in notes)


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_matches_the_schema(article_id: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(devset.gold(article_id))


def test_the_schema_rejects_a_bad_reading() -> None:
    bad = devset.gold("dev001")
    bad["quotes"][0]["kind"] = "paraphrase"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(bad)


@pytest.mark.parametrize(
    ("article_id", "text", "gold"),
    present(),
    ids=lambda v: v if isinstance(v, str) and v.startswith(("dev", "seed")) else "",
)
def test_every_offset_slices_out_the_recorded_text(
    article_id: str, text: str, gold: dict[str, Any]
) -> None:
    for kind in ("quotes", "dates", "claims"):
        for row in gold[kind]:
            start, end = row["span"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == row["text"], (article_id, kind, row["text"])
    if gold["dateline"]:
        start, end = gold["dateline"]["span"]
        assert text[start:end] == gold["dateline"]["text"]
    # the analysis strips page furniture only after the body, so offsets stay valid
    cleaned, _ = strip_furniture(text)
    for row in gold["quotes"] + gold["dates"] + gold["claims"]:
        assert cleaned[row["span"][0] : row["span"][1]] == row["text"]


@pytest.mark.parametrize(
    ("article_id", "text", "gold"),
    present(),
    ids=lambda v: v if isinstance(v, str) and v.startswith(("dev", "seed")) else "",
)
def test_gold_is_built_from_the_annotations(
    article_id: str, text: str, gold: dict[str, Any]
) -> None:
    assert build_gold.build(article_id, ANNOTATIONS[article_id]) == gold
    assert gold["text_file"] == str(devset.text_path(article_id).relative_to(devset.ROOT))


def test_word_counts_and_headlines_match_the_texts() -> None:
    for row in ROWS:
        path = devset.text_path(row["id"])
        if path is None:
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert hashlib.sha256(raw).hexdigest() == row["sha256"]
        assert count_words(text) == int(row["words"]), row["id"]
        assert text.split("\n", 1)[0] == row["headline"], row["id"]
        assert text.split("\n")[1] == "", f"{row['id']}: headline, then a blank line"


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_values_are_consistent(article_id: str) -> None:
    gold = devset.gold(article_id)
    codes = [*gold["countries"], *(gold["dateline"] or {}).get("countries", [])]
    assert all(pycountry.countries.get(alpha_3=c) for c in codes), codes
    names = [e["name"] for e in gold["people"] + gold["organizations"]]
    assert len(names) == len(set(names))
    spans = [d["span"] for d in gold["dates"]]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "dates overlap"
    for d in gold["dates"]:
        if d["iso"] is None:
            assert d["start"] is None and d["end"] is None
        else:
            assert (d["granularity"], d["start"], d["end"]) == build_gold.bounds(d["iso"])
    people = {e["name"] for e in gold["people"]}
    orgs = {e["name"] for e in gold["organizations"]}
    for q in gold["quotes"]:
        speakers = [q["speaker"]] if isinstance(q["speaker"], str) else q["speaker"]
        named = q.get("speaker_named", True) and "speaker_aliases" not in q
        if named and len(speakers) == 1:
            assert speakers[0] in people | orgs, (article_id, q["speaker"])


def test_bounds_of_every_granularity() -> None:
    assert build_gold.bounds("2024-05-27") == ("day", "2024-05-27", "2024-05-27")
    assert build_gold.bounds("2024-W17") == ("week", "2024-04-22", "2024-04-28")
    assert build_gold.bounds("2024-02") == ("month", "2024-02-01", "2024-02-29")
    assert build_gold.bounds("2023-Q3") == ("quarter", "2023-07-01", "2023-09-30")
    assert build_gold.bounds("2019") == ("year", "2019-01-01", "2019-12-31")
    assert build_gold.bounds("2010s") == ("decade", "2010-01-01", "2019-12-31")


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_a_prediction_equal_to_the_gold_scores_one(article_id: str) -> None:
    gold = devset.gold(article_id)

    def first(speaker: str | list[str]) -> str:
        return speaker if isinstance(speaker, str) else speaker[0]

    pred = {
        "countries": [{"iso3": c} for c in gold["countries"]],
        "people": [{"name": p["name"], "aliases": []} for p in gold["people"]],
        "organizations": [{"name": o["name"], "aliases": []} for o in gold["organizations"]],
        "dates": [
            {"start": d["span"][0], "end": d["span"][1], "iso": d["iso"]} for d in gold["dates"]
        ],
        "quotes": [
            {"start": q["span"][0], "end": q["span"][1], "speaker": first(q["speaker"])}
            for q in gold["quotes"]
        ],
    }
    s = score_article(gold, pred)
    for tally in (
        s.quotes_found,
        s.right_speaker,
        s.quote_precision,
        s.dates,
        s.people,
        s.organizations,
    ):
        assert tally.ratio in (None, 1.0)
    assert s.country_f1 == 1.0
