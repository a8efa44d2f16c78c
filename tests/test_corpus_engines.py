"""The engines give the same records: this process, a process pool, a Dask LocalCluster."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from analysis._data import seeds_dir
from analysis.articles import load_article
from analysis.corpus import (
    DaskEngine,
    Failed,
    ProcessEngine,
    dask_extract,
    make_engine,
    run_corpus,
    table_frames,
)

DEVSET = Path(__file__).resolve().parents[1] / "benchmarks" / "devset" / "texts"


@pytest.fixture(scope="module")
def corpus() -> list:
    paths = [seeds_dir() / "000_e7a9e3d448b427a1.txt", *sorted(DEVSET.glob("dev00[1-4].txt"))]
    return [load_article(p) for p in paths] + [Failed("bad", "bad is empty")]


def _run(engine, items, chunk_size: int = 2) -> tuple[list[dict], object]:
    got: list[dict] = []
    with engine:
        summary = run_corpus(
            items, lambda rec, notes: got.append(rec), engine, chunk_size=chunk_size
        )
    return got, summary


@pytest.fixture(scope="module")
def inline(corpus) -> list[dict]:
    return _run(make_engine("local", 1), corpus)[0]


def test_inline_engine_records_and_summary(corpus, inline) -> None:
    assert [r["id"] for r in inline] == [a.id for a in corpus]
    assert inline[-1] == {"id": "bad", "error": "bad is empty"}
    assert all("error" not in r and r["article"]["id"] == r["id"] for r in inline[:-1])


def test_process_pool_gives_identical_records_from_worker_processes(corpus, inline) -> None:
    engine = make_engine("local", 2)
    assert isinstance(engine, ProcessEngine)
    got, summary = _run(engine, corpus)
    assert got == inline
    assert summary.ok == len(corpus) - 1 and summary.failed == 1 and summary.status == 3
    # every chunk ran in a worker, never in the parent, and each worker kept its model
    assert summary.peak_rss_mb and os.getpid() not in summary.peak_rss_mb
    assert 1 <= len(summary.peak_rss_mb) <= 2
    assert all(0 < mb < 2000 for mb in summary.peak_rss_mb.values())


@pytest.fixture(scope="module")
def dask_engine():
    engine = DaskEngine(2)
    yield engine
    engine.close()


def test_dask_local_cluster_on_loopback_gives_identical_records(dask_engine, corpus, inline):
    info = dask_engine.client.scheduler_info()
    assert info["address"].startswith("tcp://127.0.0.1:")
    assert len(info["workers"]) == 2
    assert all(w.startswith("tcp://127.0.0.1:") for w in info["workers"])
    got: list[dict] = []
    summary = run_corpus(corpus, lambda rec, notes: got.append(rec), dask_engine, chunk_size=2)
    assert got == inline
    assert summary.failed == 1 and os.getpid() not in summary.peak_rss_mb


def _worker_settings() -> tuple[object, object]:
    import dask

    return dask.config.get("distributed.worker.profile.enabled"), os.environ.get(
        "MALLOC_TRIM_THRESHOLD_"
    )


def test_local_cluster_workers_run_without_profiler_or_malloc_trimming(dask_engine) -> None:
    # the two Dask defaults that cost spaCy workers CPU (see LOCAL_WORKER_CONFIG)
    settings = dask_engine.client.run(_worker_settings)
    assert len(settings) == 2
    assert all(tuple(v) == (False, None) for v in settings.values()), settings


def test_dask_extract_returns_the_same_tables(dask_engine, corpus, inline) -> None:
    import dask
    import dask.dataframe as dd

    articles = [a for a in corpus if not isinstance(a, Failed)]
    frame = pd.DataFrame(
        {
            "id": [a.id for a in articles],
            "text": [a.text for a in articles],
            "published": [a.published for a in articles],
            "title": [a.title for a in articles],
        }
    )
    tables = dask_extract(
        dd.from_pandas(frame, npartitions=2), published="published", title="title"
    )
    assert {"articles", "quotes", "entities", "dates", "claims"} <= set(tables)
    computed = dict(zip(tables, dask.compute(*tables.values()), strict=True))
    # the same extraction, run here without a path: drop the path the files gave
    expected = table_frames(
        [
            {**r, "article": {k: v for k, v in r["article"].items() if k != "path"}}
            for r in inline[:-1]
        ]
    )
    for name in ("quotes", "entities", "dates", "claims", "countries"):
        got = computed[name].reset_index(drop=True)
        want = expected[name][list(got.columns)].reset_index(drop=True)
        assert len(got) == len(want) > 0, name
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert computed["articles"]["article_id"].tolist() == [a.id for a in articles]


def test_a_text_that_breaks_the_batch_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.text.pipeline as pipeline
    from analysis.articles import make_article
    from analysis.corpus import process_chunk

    real = pipeline.load_pipeline()

    class Fragile:
        """The real pipeline, except that a text with BOOM breaks it (in a batch or alone)."""

        def pipe(self, texts, batch_size=1):
            for text in texts:
                if "BOOM" in text:
                    raise RuntimeError("the parser broke")
                yield real(text)

        def __call__(self, text):
            if "BOOM" in text:
                raise RuntimeError("the parser broke")
            return real(text)

    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: Fragile())
    items = [
        make_article(t, id=t.split()[0]) for t in ("Japan spoke.", "BOOM here.", "Oslo spoke.")
    ]
    result = process_chunk(items)
    assert [r["id"] for r in result.records] == ["Japan", "BOOM", "Oslo"]
    assert result.records[1]["error"] == "internal error (RuntimeError): the parser broke"
    assert result.records[2]["countries"][0]["iso3"] == "NOR"
    assert result.records[0]["countries"][0]["iso3"] == "JPN"
