"""Benchmark the cost of long texts: time per character and peak memory.

The long texts are built from real committed texts (the seed article and the
dev-set texts in ``benchmarks/devset/texts``), paragraphs appended in turn until
the wanted length, so the extraction sees real news prose, not random words.
Each measurement runs :func:`analysis.text.analyze` in a fresh subprocess and
reads that process's peak resident memory (``ru_maxrss``), so one size cannot
inherit another's memory.

Prints: extraction seconds per character at 40,000 and 400,000 characters and
their ratio (target ≤ 1.3), peak memory at 400,000 characters (target ≤ 1 GB),
and the time for a 1 MB article (target ≤ 30 s).

Run: ``.venv/bin/python benchmarks/bench_long_text.py``
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "benchmarks" / "devset" / "texts"
SEED = ROOT / "seeds" / "000_e7a9e3d448b427a1.txt"

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from bench_long_text import long_text
from analysis.text import analyze, load_pipeline
load_pipeline()
analyze("Finland joined NATO on April 4, 2023.", published="2023-05-10")  # warm up
text = long_text({size})
t0, c0 = time.perf_counter(), time.process_time()
result = analyze(text, published="2024-06-01")
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"chars": len(result.text), "bytes": len(result.text.encode()),
                  "seconds": elapsed, "cpu": cpu, "peak_mib": peak_kib / 1024,
                  "quotes": len(result.quotes), "dates": len(result.dates)}}))
"""


def paragraphs() -> list[str]:
    """Body paragraphs of the seed article and every committed dev-set text.

    Examples
    --------
    >>> len(paragraphs()) > 30
    True
    """
    out: list[str] = []
    for path in [SEED, *sorted(TEXTS.glob("dev*.txt"))]:
        body = path.read_text(encoding="utf-8").split("\n\n")[1:]  # drop the headline
        out.extend(p.strip() for p in body if p.strip() and "Exit mobile version" not in p)
    return out


def long_text(size: int) -> str:
    """A text of at most ``size`` characters (whole paragraphs): a headline, then real
    paragraphs in turn.

    Examples
    --------
    >>> 3000 < len(long_text(5000)) <= 5000
    True
    """
    paras = paragraphs()
    parts = ["A long article built from real news paragraphs"]
    length = len(parts[0])
    i = 0
    while length < size:
        para = paras[i % len(paras)]
        parts.append(para)
        length += len(para) + 2
        i += 1
    text = "\n\n".join(parts)
    return text[: text.rfind("\n\n", 0, size + 1)] if len(text) > size else text


def measure(size: int) -> dict[str, float]:
    """Run one analysis of a ``size``-character text in a subprocess; return its figures."""
    code = _CHILD.format(root=str(Path(__file__).resolve().parent), size=size)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"{size:,} chars: failed: {last}")
        return {"chars": float(size), "seconds": float("nan"), "cpu": float("nan"),
                "peak_mib": float("nan"),
                "quotes": float("nan"), "dates": float("nan")}  # fmt: skip
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    small = measure(40_000)
    large = measure(400_000)
    # a 1 MB article: as many characters as analysis.articles accepts for one article
    # (1,000,000), which is just over a million bytes in UTF-8 (curly quotes, accents)
    huge = measure(999_000)
    # cost = CPU seconds of the analysing process (wall time on a shared machine also
    # measures the other processes); both are printed
    per_small = small["cpu"] / small["chars"]
    per_large = large["cpu"] / large["chars"]
    for label, fig in (("40k", small), ("400k", large), ("1 MB", huge)):
        print(
            f"{label:>5}: {fig['chars']:>9,.0f} chars  wall {fig['seconds']:7.2f} s  "
            f"cpu {fig['cpu']:7.2f} s  {1e6 * fig['cpu'] / fig['chars']:6.1f} µs/char (cpu)  "
            f"peak {fig['peak_mib']:5.0f} MiB  {fig['quotes']:.0f} quotes, {fig['dates']:.0f} dates"
        )
    print(f"cpu cost per char, 400k / 40k: {per_large / per_small:5.2f}  (target <= 1.30)")
    print(f"peak memory at 400k chars:  {large['peak_mib']:5.0f} MiB (target <= 1024)")
    print(
        f"1 MB article ({huge.get('bytes', float('nan')):,.0f} bytes): "
        f"{huge['seconds']:5.1f} s wall, {huge['cpu']:5.1f} s cpu, "
        f"peak {huge['peak_mib']:5.0f} MiB (target <= 30 s)"
    )


if __name__ == "__main__":
    main()
