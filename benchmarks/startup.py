"""Whole-process time of ``quotedrift analyze seeds --out DIR``: median of ``RUNS`` runs.

Prints wall-clock seconds and CPU seconds (user + system of the process and its children): on a shared
machine the wall clock includes waiting for a core, the CPU time is the process's own work.

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
    before = os.times()
    start = time.perf_counter()
    subprocess.run([str(QUOTEDRIFT), "analyze", str(corpus), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    from quotedrift.paths import SEEDS
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    with tempfile.TemporaryDirectory() as tmp:
        runs = [one_run(corpus, Path(tmp) / "out") for _ in range(RUNS)]
    walls, cpus = zip(*runs)
    print(f"quotedrift analyze {corpus.name} (whole process, median of {RUNS}): "
          f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU "
          f"(wall runs: {', '.join(f'{w:.2f}' for w in walls)})")


if __name__ == "__main__":
    main()
