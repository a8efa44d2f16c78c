"""Benchmark text extraction: words per second (1 and 2 processes) and the overhead
of the extraction over spaCy's own parse of the same texts.

Single-process figures are CPU seconds of this process (best of two runs), so other
work on a shared machine does not distort the overhead; the 2-process figure is wall
time.

Run: ``.venv/bin/python benchmarks/bench_extract.py [N_ARTICLES]``
"""

from __future__ import annotations

import random
import sys
import time

from analysis.articles import count_words, load_article
from analysis.text import analyze_many, load_pipeline
from analysis.text.pipeline import base_pipeline

EXTRA_PARAGRAPHS = [
    '"We will not accept any expansion of the alliance," Kremlin spokesman Dmitry Peskov '
    "told reporters in Moscow on Tuesday.",
    "According to Japan's Defense Ministry, Chinese and Russian bombers flew over the Sea of "
    "Japan last week, the first joint patrol since November.",
    "Sweden applied to join NATO in May 2022 and became the 32nd member of the alliance on "
    "March 7, 2024, more than doubling the alliance's Baltic coastline.",
    "South Korean President Yoon Suk Yeol said that Seoul and Tokyo would deepen cooperation "
    'with Washington, calling it "a new era" for the region.',
    "Australia and New Zealand, both NATO partners, said they would attend the summit in "
    "Vilnius, the Lithuanian capital, in July.",
    "The 1,340-kilometre border between Finland and Russia is the longest of any EU member.",
]


def corpus(n: int, seed: int = 7) -> list[str]:
    """Vary the seed article: shuffle its paragraphs and add written paragraphs."""
    rng = random.Random(seed)
    base = load_article("000_e7a9e3d448b427a1").text.split("\n\n")
    texts = []
    for _ in range(n):
        paras = base[1:] + rng.sample(EXTRA_PARAGRAPHS, k=3)
        rng.shuffle(paras)
        texts.append(base[0] + "\n\n" + "\n\n".join(paras))
    return texts


def timed(fn, clock=time.process_time) -> float:  # type: ignore[no-untyped-def]
    """Seconds ``fn`` takes: CPU time of this process by default (a shared machine's other
    processes do not count), wall time for the 2-process run."""
    t0 = clock()
    fn()
    return clock() - t0


def main(n: int = 200) -> None:
    texts = corpus(n)
    words = sum(count_words(t) for t in texts)
    nlp = load_pipeline()
    plain = base_pipeline()
    list(analyze_many(texts[:5]))  # warm up (gazetteer, matchers)
    list(plain.pipe(texts[:5]))

    t_plain = min(timed(lambda: list(plain.pipe(texts, batch_size=16))) for _ in range(2))
    t_news = min(timed(lambda: list(nlp.pipe(texts, batch_size=16))) for _ in range(2))
    t_one = min(timed(lambda: list(analyze_many(texts, batch_size=16))) for _ in range(2))
    t_two = timed(
        lambda: list(analyze_many(texts, n_process=2, batch_size=16)), clock=time.perf_counter
    )

    print(f"corpus: {n} articles, {words:,} words")
    print(f"spaCy model parse (nlp.pipe, plain model):     {words / t_plain:9.0f} words/s")
    print(f"news pipeline parse (+ruler, paragraphs):      {words / t_news:9.0f} words/s")
    print(f"analyze_many, 1 process:                       {words / t_one:9.0f} words/s")
    print(f"analyze_many, 2 processes (wall clock):        {words / t_two:9.0f} words/s")
    print(f"extraction overhead over the plain parse:      {100 * (t_one / t_plain - 1):8.1f} %")
    print(f"extraction overhead over the news parse:       {100 * (t_one / t_news - 1):8.1f} %")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
