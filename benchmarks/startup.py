"""Whole-process time of ``quotedrift analyze seeds --out DIR``: median of ``RUNS`` runs.

Prints wall-clock seconds and CPU seconds (user + system of the process and its children): on a shared
machine the wall clock includes waiting for a core, the CPU time is the process's own work.

One warm-up run comes first and is not counted: it leaves what any installed copy has after its first use
(the word-list cache, see ``quotedrift.wordcache``, and Python's compiled bytecode). The runs are made with
Python's default bytecode caching even where the environment sets ``PYTHONDONTWRITEBYTECODE``, which would
recompile every module of the package in every process (about 0.3 s).

Usage: ``python benchmarks/startup.py [CORPUS]`` (default: the seeds).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
QUOTEDRIFT = Path(sys.executable).with_name("quotedrift")


def one_run(corpus: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one whole ``quotedrift analyze`` process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = os.times()
    start = time.perf_counter()
    subprocess.run([str(QUOTEDRIFT), "analyze", str(corpus), "--out", str(out)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    from quotedrift.paths import SEEDS
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    with tempfile.TemporaryDirectory() as tmp:
        one_run(corpus, Path(tmp) / "out")  # warm-up, not counted
        runs = [one_run(corpus, Path(tmp) / "out") for _ in range(RUNS)]
    walls, cpus = zip(*runs)
    print(f"quotedrift analyze {corpus.name} (whole process, median of {RUNS}): "
          f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU "
          f"(wall runs: {', '.join(f'{w:.2f}' for w in walls)}; load average {os.getloadavg()[0]:.1f} "
          f"on {len(os.sched_getaffinity(0))} cores)")


if __name__ == "__main__":
    main()
