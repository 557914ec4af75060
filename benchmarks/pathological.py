"""Seconds per MB of each analysis stage on two pathological articles (issue 13).

* ``one-line``: a news article (seeds/002, a garbled wire rewrite with quotations) repeated to SIZE characters
  with every line break removed: one paragraph, sentences still end with full stops.
* ``unmatched``: N repeats of ``Kwon said “word `` — opening quotation marks that never close, no full stop.

Each stage (loading, quotations, alignment, garble detectors, the rest) runs at 1/25, 1/5 and the full size,
and the growth exponent ``log(t2/t1)/log(n2/n1)`` is printed (1.0 linear, 2.0 quadratic). A stage whose
measured growth predicts more than BUDGET seconds at the next size is not run there (the line says so).

Usage: ``python benchmarks/pathological.py [MEGABYTES] [MARKS]`` (defaults 5 and 10000: the sizes issue 13
names). ``make bench`` runs it.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "002_12439db231305b66.txt"
BUDGET = 120.0  # seconds one stage may be predicted to take before it is skipped at a size (make bench stays short)
STEPS = (25, 5, 1)  # fractions of the full size, smallest first


def one_line_article(size: int) -> str:
    """The seed article repeated to ``size`` characters, on one line."""
    base = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    return (base * (size // len(base) + 1))[:size]


def unmatched_marks_article(marks: int) -> str:
    """``marks`` opening quotation marks that never close, each after a named speaker and a cue."""
    return "Kwon said “word " * marks


def run_stages(text: str, skip: set[str]) -> dict[str, float]:
    """Seconds per stage of the analysis of a one-article corpus (stages in ``skip`` and after are not run)."""
    from quotedrift import align, drift
    from quotedrift.attribution import attribution_table
    from quotedrift.corpus import load_corpus
    from quotedrift.garble import find_garbles
    from quotedrift.extract import find_quotes
    from quotedrift.people.canonical import canonical_speakers

    seconds: dict[str, float] = {}
    state: dict = {}

    def timed(name, work):
        if name in skip:
            return False
        start = time.perf_counter()
        work()
        seconds[name] = time.perf_counter() - start
        return True

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text(text, encoding="utf-8")
        timed("loading", lambda: state.update(corpus=load_corpus(tmp)))
        corpus = state["corpus"]
        roles = dict(zip(corpus.articles["source"], corpus.articles["role"]))
        timed("quotations", lambda: state.update(quotes=canonical_speakers(find_quotes(corpus))))
        timed("garbles", lambda: find_garbles(corpus, state["quotes"]))
        if timed("alignment", lambda: state.update(alignment=align.align(state["quotes"], corpus.texts, roles, None))):
            timed("rest", lambda: (drift.edits_table(state["alignment"], corpus.texts),
                                   attribution_table(state["quotes"], corpus.texts)))
    return seconds


def report(case: str, full: int, build, unit: str) -> None:
    history: dict[str, list[tuple[int, float]]] = {}
    for step in STEPS:
        size = full // step
        text = build(size)
        megabytes = len(text.encode("utf-8")) / 1e6
        skip = {stage for stage, runs in history.items() if _predicted(runs, size) > BUDGET}
        seconds = run_stages(text, skip)
        for stage in ("loading", "quotations", "garbles", "alignment", "rest"):
            if stage not in seconds:
                why = (f"measured growth predicts {_predicted(history[stage], size):,.0f} s (over the {BUDGET:.0f} s "
                       "budget)" if stage in skip else "needs the alignment")
                print(f"{case:>10} {size:>9} {unit:<5} {megabytes:>7.2f} MB {stage:<11} skipped: {why}", flush=True)
                continue
            runs = history.setdefault(stage, [])
            growth = ""
            if runs:
                previous_size, previous = runs[-1]
                growth = f"{_exponent(previous_size, previous, size, seconds[stage]):.2f}"
            runs.append((size, seconds[stage]))
            print(f"{case:>10} {size:>9} {unit:<5} {megabytes:>7.2f} MB {stage:<11} {seconds[stage]:>8.2f} s "
                  f"{seconds[stage] / megabytes:>8.2f} s/MB {growth:>6}", flush=True)


def _exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    return math.log(max(t2, 1e-3) / max(t1, 1e-3)) / math.log(n2 / n1)


def _predicted(runs: list[tuple[int, float]], size: int) -> float:
    """Seconds a stage would take at ``size``, from its last two runs' growth (its last run's if only one)."""
    if not runs:
        return 0.0
    n2, t2 = runs[-1]
    exponent = _exponent(*runs[-2], n2, t2) if len(runs) > 1 else 1.0
    return t2 * (size / n2) ** max(exponent, 1.0)


def main(megabytes: float = 5.0, marks: int = 10_000) -> None:
    print(f"{'case':>10} {'size':>9} {'unit':<5} {'input':>10} {'stage':<11} {'time':>10} {'rate':>11} {'growth':>6}")
    report("one-line", int(megabytes * 1_000_000), one_line_article, "chars")
    report("unmatched", marks, unmatched_marks_article, "marks")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(float(args[0]) if args else 5.0, int(args[1]) if len(args) > 1 else 10_000)
