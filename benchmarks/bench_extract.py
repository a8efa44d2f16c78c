"""Benchmark text extraction: words per second (1 and 2 processes) and the overhead
of the extraction over spaCy's own parse of the same texts.

The corpus is :func:`bench_corpus.build_corpus`: articles re-combined from the
paragraphs of the real committed texts (the seed and the development set).

Single-process figures are CPU seconds of this process, timed block by block
(20 articles) in a rotating order: the plain model's parse, the news pipeline's parse,
and :func:`analysis.text.analyze_many` with each result turned into its JSON record
(``Analysis.to_dict``).  A machine that speeds up or slows down during the run (other
jobs, clock changes) so weighs on every figure alike.  The 2-process figure is wall time.

Run: ``.venv/bin/python benchmarks/bench_extract.py [N_ARTICLES]`` (default 200)
"""

from __future__ import annotations

import sys
import time
from typing import Any

from bench_corpus import build_corpus

from analysis.text import analyze_many, load_pipeline
from analysis.text.pipeline import base_pipeline

BLOCK = 20


def main(n: int = 200) -> None:
    articles = build_corpus(n)
    texts = [a.text for a in articles]
    words = sum(a.words for a in articles)
    nlp = load_pipeline()
    plain = base_pipeline()
    list(analyze_many(texts[:5]))  # warm up (gazetteer, matchers)
    list(plain.pipe(texts[:5]))

    steps: dict[str, Any] = {
        "plain": lambda part: list(plain.pipe(part, batch_size=16)),
        "news": lambda part: list(nlp.pipe(part, batch_size=16)),
        "extract": lambda part: [a.to_dict() for a in analyze_many(part, batch_size=16)],
    }
    cpu = dict.fromkeys(steps, 0.0)
    names = list(steps)
    for b, lo in enumerate(range(0, n, BLOCK)):
        part = texts[lo : lo + BLOCK]
        for name in names[b % 3 :] + names[: b % 3]:
            t0 = time.process_time()
            steps[name](part)
            cpu[name] += time.process_time() - t0
    t0 = time.perf_counter()
    list(analyze_many(texts, n_process=2, batch_size=16))
    t_two = time.perf_counter() - t0

    t_plain, t_news, t_one = cpu["plain"], cpu["news"], cpu["extract"]
    print(f"corpus: {n} articles, {words:,} words (re-combined real paragraphs)")
    print(f"spaCy model parse (nlp.pipe, plain model):     {words / t_plain:9.0f} words/s")
    print(f"news pipeline parse (+ruler, paragraphs):      {words / t_news:9.0f} words/s")
    print(f"analyze_many + to_dict, 1 process:             {words / t_one:9.0f} words/s")
    print(f"analyze_many, 2 processes (wall clock):        {words / t_two:9.0f} words/s")
    print(f"extraction overhead over the plain parse:      {100 * (t_one / t_plain - 1):8.1f} %")
    print(f"extraction overhead over the news parse:       {100 * (t_one / t_news - 1):8.1f} %")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
