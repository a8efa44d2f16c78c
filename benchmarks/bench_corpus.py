"""Benchmark the corpus engines on real text, everything measured in one run.

Run: ``.venv/bin/python benchmarks/bench_corpus.py [--articles N]`` (default 400).

The corpus
----------
Every article is built from the real committed texts: the seed article
(``seeds/000_e7a9e3d448b427a1.txt``) and the development set
(``benchmarks/devset/texts/*.txt``).  Their paragraphs (page furniture removed)
form one pool; article *i* takes the first line of one source text as its title
and 6–10 body paragraphs (of at least 8 words) drawn without replacement from
the pool by a ``random.Random(i)`` generator, so the articles are distinct
combinations of real paragraphs (about 750 words on average) and the corpus is
the same on every machine.

What is measured
----------------
* words per second of bare spaCy: the unmodified statistical model's ``nlp.pipe``
  in one process (the floor every engine stands on), and of the news pipeline's
  parse alone (the model plus the paragraph splitter and the organisation ruler);
* words per second of the local engine with 1 process (in this process) and 2
  worker processes, and of a Dask ``LocalCluster`` with 2 worker processes, each
  writing JSON lines like ``--out run.jsonl``; engines are warmed up first (model
  loaded in every worker, each having run a chunk), so the figures are steady
  throughput, and the start-up time is reported apart;
* the ratios 2 workers / 1 process (target ≥ 1.6× on a 2-core machine) and the
  extraction's overhead over bare spaCy (target ≤ 15 %): a worker's whole job on an
  article (the news parse, the extraction, the records and their JSON text) against
  the bare parse of the same article, timed block by block (20 articles) in a rotating
  order with the news parse, so that a machine that speeds up or slows down during
  the run weighs on both sides alike;
* CPU time beside wall time: of the parses, and of the workers' chunks (measured in
  each worker), which other jobs on the machine disturb much less than wall time,
  so the extraction's overhead is also given in CPU time; and the parent's CPU share
  while the workers run (reading input, writing output);
* the peak resident memory of every worker process (``VmHWM``, target ≤ 600 MB);
* storage per article: JSON lines against the Parquet tables of the same records.

The targets are printed next to the figures; on a loaded machine (other jobs on
the cores) the multi-process figures fall short of what a quiet machine gives.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from analysis._data import seeds_dir
from analysis.articles import Article, load_article, make_article, split_paragraphs
from analysis.corpus import DaskEngine, InlineEngine, ProcessEngine, open_sink, run_corpus
from analysis.corpus.records import PIPE_BATCH, process_chunk
from analysis.text.pipeline import base_pipeline, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "benchmarks" / "devset" / "texts"


def sources() -> list[Article]:
    """The real committed texts: the seed and the development set."""
    paths = [seeds_dir() / "000_e7a9e3d448b427a1.txt", *sorted(DEVSET.glob("*.txt"))]
    return [load_article(p) for p in paths]


def build_corpus(n: int) -> list[Article]:
    """``n`` distinct articles re-combined from the paragraphs of the real texts."""
    texts = sources()
    titles = [a.title for a in texts]
    pool = [p for a in texts for p in split_paragraphs(a.body) if len(p.split()) >= 8]
    out = []
    for i in range(n):
        rng = random.Random(i)
        body = rng.sample(pool, k=min(len(pool), rng.randint(6, 10)))
        text = titles[i % len(titles)] + "\n\n" + "\n\n".join(body)
        out.append(make_article(text, id=f"bench{i:05d}", published="2023-05-10"))
    return out


def timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def run_engine(make: Any, corpus: list[Article], warm: list[Article], out: Path) -> dict[str, Any]:
    """Start an engine, warm every worker up, then time the corpus written to JSON lines."""
    t_start, engine = timed(make)
    with engine:
        seen: set[int] = set()
        for _ in range(5):  # until every worker has loaded the model and run a chunk
            t, warmed = timed(lambda: run_corpus(warm, lambda r, n: None, engine, progress=False))
            t_start += t
            seen |= set(warmed.peak_rss_mb)
            if len(seen) >= engine.workers:
                break
        sink = open_sink(str(out))

        def go() -> Any:
            return run_corpus(corpus, lambda r, n: sink.write(r), engine, progress=False)

        cpu = time.process_time()
        seconds, summary = timed(go)
        parent_cpu = time.process_time() - cpu
        sink.commit()
    assert summary.failed == 0, f"{summary.failed} articles failed"
    return {
        "seconds": seconds,
        "words": summary.words,
        "start": t_start,
        "rss": summary.peak_rss_mb,
        "cpu": summary.cpu_seconds,
        "parent_cpu": parent_cpu,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="articles (default 400)")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.articles)
    # warm-up articles (not timed, not in the corpus): two chunks per worker
    warm = build_corpus(args.articles + 16)[-16:]
    words = sum(a.words for a in corpus)
    print(
        f"corpus: {len(corpus)} articles, {words:,} words "
        f"({words / len(corpus):.0f} per article), from {len(sources())} real texts; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    texts = [a.text for a in corpus]

    bare = base_pipeline()
    news = load_pipeline()
    list(bare.pipe(texts[:8]))
    list(news.pipe(texts[:8]))

    def job(part: list[Article]) -> list[dict[str, Any]]:
        return [r for i in range(0, len(part), 8) for r in process_chunk(part[i : i + 8]).records]

    job(warm[:4])

    # bare spaCy, the news parse and a worker's whole job (parse, extraction, records,
    # JSON text) on the same blocks of articles, one after the other in a rotating order,
    # so that a change in the machine's speed during the run weighs on all three alike
    steps: dict[str, Any] = {
        "bare": lambda part: list(bare.pipe([a.text for a in part], batch_size=PIPE_BATCH)),
        "news": lambda part: list(news.pipe([a.text for a in part], batch_size=PIPE_BATCH)),
        "job": lambda part: [json.dumps(r, ensure_ascii=False) for r in job(part)],
    }
    wall = dict.fromkeys(steps, 0.0)
    cpu = dict.fromkeys(steps, 0.0)
    names = list(steps)
    block = 20
    for b, lo in enumerate(range(0, len(corpus), block)):
        part = corpus[lo : lo + block]
        for name in names[b % 3 :] + names[: b % 3]:
            c0 = time.process_time()
            seconds, _ = timed(partial(steps[name], part))
            cpu[name] += time.process_time() - c0
            wall[name] += seconds
    t_bare, t_news, t_job = wall["bare"], wall["news"], wall["job"]
    c_bare, c_news, c_job = cpu["bare"], cpu["news"], cpu["job"]

    tmp = Path(tempfile.mkdtemp(prefix="bench_corpus_"))
    results = {
        "local, 1 process": run_engine(InlineEngine, corpus, warm, tmp / "local1.jsonl"),
        "local, 2 processes": run_engine(
            lambda: ProcessEngine(2), corpus, warm, tmp / "local2.jsonl"
        ),
        "dask LocalCluster, 2 workers": run_engine(
            lambda: DaskEngine(2), corpus, warm, tmp / "dask2.jsonl"
        ),
    }
    same = (
        (tmp / "local1.jsonl").read_bytes()
        == (tmp / "local2.jsonl").read_bytes()
        == (tmp / "dask2.jsonl").read_bytes()
    )

    rows = [
        ("bare spaCy nlp.pipe (model only), 1 process", words / t_bare, t_bare, c_bare, "", ""),
        ("news pipeline parse (model + ruler), 1 process", words / t_news, t_news, c_news, "", ""),
        ("worker's job (parse, extract, JSON), 1 process", words / t_job, t_job, c_job, "", ""),
    ]
    for name, r in results.items():
        workers = [mb for pid, mb in r["rss"].items() if pid != os.getpid()]
        rss = f"{max(workers):.0f}" if workers else "(this process)"
        wps = r["words"] / r["seconds"]
        rows.append((name, wps, r["seconds"], r["cpu"], f"{r['start']:.1f}", rss))
    print()
    print(
        f"{'engine':<48} {'words/s':>8} {'wall s':>7} {'CPU s':>7} {'start s':>8} "
        f"{'peak MB/worker':>15}"
    )
    for name, wps, sec, cpu, start, rss in rows:
        print(f"{name:<48} {wps:>8,.0f} {sec:>7.1f} {cpu:>7.1f} {start:>8} {rss:>15}")
    print("(CPU s: CPU time of the parse, or of the workers' chunks; start s: start-up and")
    print(" warm-up, not in wall s)")

    one = results["local, 1 process"]
    wps_one = one["words"] / one["seconds"]
    two = results["local, 2 processes"]
    dask2 = results["dask LocalCluster, 2 workers"]
    wps_two = two["words"] / two["seconds"]
    wps_dask = dask2["words"] / dask2["seconds"]
    overhead = t_job / t_bare - 1
    overhead_cpu = c_job / c_bare - 1
    peak = max(
        (mb for r in list(results.values())[1:] for mb in r["rss"].values()), default=float("nan")
    )

    # storage: the same records as JSON lines and as Parquet tables
    sink = open_sink(str(tmp / "tables.parquet"))
    with open(tmp / "local1.jsonl", encoding="utf-8") as fh:
        for line in fh:
            sink.write(json.loads(line))
    sink.commit()
    jsonl_bytes = (tmp / "local1.jsonl").stat().st_size
    parquet_bytes = sum(p.stat().st_size for p in (tmp / "tables.parquet").glob("*.parquet"))

    print()
    print(f"{'figure':<58} {'value':>10}  target")
    print(f"{'2 processes / 1 process (local engine)':<58} {wps_two / wps_one:>9.2f}×  ≥ 1.6×")
    print(f"{'2 Dask workers / 1 process':<58} {wps_dask / wps_one:>9.2f}×  ≥ 1.6×")
    label = "extraction overhead over bare spaCy (1 process, CPU time)"
    print(f"{label:<58} {overhead_cpu:>9.1%}  ≤ 15%")
    print(f"{'extraction overhead over bare spaCy (1 process, wall)':<58} {overhead:>9.1%}")
    for name in ("local, 2 processes", "dask LocalCluster, 2 workers"):
        r = results[name]
        share = r["parent_cpu"] / r["seconds"]
        print(f"{'parent CPU share while ' + name:<58} {share:>9.1%}")
    print(f"{'peak resident memory per worker process (MB)':<58} {peak:>10.0f}  ≤ 600")
    n = len(corpus)
    print(f"{'storage per article, JSON lines (bytes)':<58} {jsonl_bytes / n:>10,.0f}")
    print(f"{'storage per article, Parquet tables (bytes)':<58} {parquet_bytes / n:>10,.0f}")
    print(f"{'Parquet / JSON lines':<58} {parquet_bytes / jsonl_bytes:>9.1%}")
    print(f"{'the three engines wrote identical JSON lines':<58} {str(same):>10}")
    sys.stdout.flush()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
