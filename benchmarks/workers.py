"""Do worker processes pay on this machine? Wall seconds of the per-article stages (quotation search and
the garble detectors, the ones ``quotedrift.parallel`` spreads) with 1 and with 2 worker processes, on one
realistic corpus, alternating the settings ``ROUNDS`` times so a busy neighbour hurts both alike.

Usage: ``python benchmarks/workers.py [N]`` (default 1000 articles).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realistic import generate  # noqa: E402

ROUNDS = 3


def timed_stages(corpus, quotes_table) -> tuple[float, float]:
    from quotedrift.garble import find_garbles
    from quotedrift.extract import find_quotes
    start = time.perf_counter()
    find_quotes(corpus)
    middle = time.perf_counter()
    find_garbles(corpus, quotes_table)
    return middle - start, time.perf_counter() - middle


def main(n: int) -> None:
    from quotedrift.corpus import load_corpus
    from quotedrift.extract import find_quotes
    from quotedrift.people.canonical import canonical_speakers
    with tempfile.TemporaryDirectory() as tmp:
        corpus = load_corpus(generate(n, Path(tmp) / "corpus", quiet=True))
    os.environ["QUOTEDRIFT_WORKERS"] = "1"
    quotes = canonical_speakers(find_quotes(corpus))
    seconds: dict[str, list[tuple[float, float]]] = {"1": [], "2": []}
    for _ in range(ROUNDS):
        for setting in ("1", "2"):
            os.environ["QUOTEDRIFT_WORKERS"] = setting
            seconds[setting].append(timed_stages(corpus, quotes))
    print(f"{n} articles, median of {ROUNDS} (wall seconds): quotations | garbles")
    for setting, runs in seconds.items():
        q, g = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"  {setting} worker(s): {q:6.2f} | {g:6.2f}   runs: {', '.join(f'{a:.1f}+{b:.1f}' for a, b in runs)}")
    print(f"  load average now: {os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
