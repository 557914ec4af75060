"""Seconds per MB of ``quotedrift.analyze`` on two pathological articles (issue 13).

* ``one-line``: a news article repeated to SIZE bytes with every line break removed (one paragraph,
  sentences still end with full stops), so anything that re-splits the paragraph per quotation is quadratic.
* ``unmatched``: N repeats of ``Kwon said “word `` — opening quotation marks that never close, no full stop,
  so anything that searches the sentence or the name list per quotation is quadratic.

Each case runs at two sizes in this process; the growth exponent ``log(t2/t1)/log(n2/n1)`` is printed
(1.0 linear, 2.0 quadratic). Usage: ``python benchmarks/pathological.py [MEGABYTES] [MARKS]``
(defaults 5 and 10000: the sizes issue 13 names).
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "002_12439db231305b66.txt"


def one_line_article(size: int) -> str:
    """The seed article (a garbled wire rewrite with quotations) repeated to ``size`` characters, on one line."""
    base = " ".join(SEED.read_text(encoding="utf-8").split())
    return (base + " ") * (size // (len(base) + 1)) + base[: size % (len(base) + 1)]


def unmatched_marks_article(marks: int) -> str:
    """``marks`` opening quotation marks that never close, each after a named speaker and a cue."""
    return "Kwon said “word " * marks


def seconds_for(text: str) -> float:
    from quotedrift import analyze

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        analyze(tmp)
        return time.perf_counter() - start


def report(name: str, sizes: list[int], build, unit: str, per) -> None:
    previous = None
    for size in sizes:
        text = build(size)
        seconds = seconds_for(text)
        megabytes = len(text.encode("utf-8")) / 1e6
        growth = ""
        if previous:
            growth = f"{math.log(max(seconds, 1e-3) / max(previous[1], 1e-3)) / math.log(size / previous[0]):.2f}"
        print(f"{name:>10} {size:>10} {unit:<6} {megabytes:>7.2f} MB {seconds:>8.2f} s "
              f"{seconds / megabytes:>8.2f} s/MB {per(size, seconds):>12} {growth:>7}", flush=True)
        previous = (size, seconds)


def main(megabytes: float = 5.0, marks: int = 10_000) -> None:
    print(f"{'case':>10} {'size':>10} {'unit':<6} {'input':>10} {'time':>10} {'rate':>13} {'per item':>12} {'growth':>7}")
    size = int(megabytes * 1_000_000)
    report("one-line", [size // 5, size], one_line_article, "chars", lambda n, s: "")
    report("unmatched", [marks // 5, marks], unmatched_marks_article, "marks",
           lambda n, s: f"{s / n * 1e6:.0f} µs/mark")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(float(args[0]) if args else 5.0, int(args[1]) if len(args) > 1 else 10_000)
