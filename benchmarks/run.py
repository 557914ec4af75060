"""``make bench``: time and peak memory of ``quotedrift.analyze`` on synthetic corpora of growing size.

Each size runs in a fresh subprocess (so peak memory is that run's own), on a corpus made by
``benchmarks/generate.py``. Prints a table and the growth exponent between sizes:
``log(t2 / t1) / log(n2 / n1)`` (1.0 is linear, 2.0 quadratic).

Usage: ``python benchmarks/run.py [N ...]`` (default 100 1000 10000).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from generate import generate
from pathlib import Path
folder = generate({n}, Path({folder!r}))
from quotedrift import analyze
start = time.perf_counter()
result = analyze(folder)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"n": {n}, "seconds": seconds, "peak_mb": peak, "quotes": len(result.quotes),
                   "links": len(result.links), "utterances": len(result.utterances)}}))
"""


def measure(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(here=str(HERE), n=n, folder=str(Path(tmp) / f"corpus{n}"))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    print(f"{'articles':>9} {'seconds':>9} {'peak MB':>9} {'quotes':>8} {'links':>9} {'utterances':>11} {'growth':>7}")
    previous = None
    for n in sizes:
        row = measure(n)
        growth = ""
        if previous:
            growth = f"{math.log(row['seconds'] / previous['seconds']) / math.log(n / previous['n']):.2f}"
        print(f"{n:>9} {row['seconds']:>9.2f} {row['peak_mb']:>9.0f} {row['quotes']:>8} {row['links']:>9} "
              f"{row['utterances']:>11} {growth:>7}", flush=True)
        previous = row


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
