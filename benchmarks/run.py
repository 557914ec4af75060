"""``make bench``: seconds, peak memory and growth of ``quotedrift analyze`` on realistic corpora.

Corpora come from ``benchmarks/realistic.py`` (the seven real stories replicated and perturbed; it prints how
they compare with the real stories). Each size is analysed in a fresh process, so its peak memory is its own;
memory is sampled every ``SAMPLE_SECONDS`` over that process and every worker it starts (the sum of their
resident sets, and the sum of their proportional sets, which counts a page shared by forked workers once).
Seconds are wall clock; CPU seconds are user + system time of the process and its workers (on a shared
machine the wall clock includes waiting for a core). Growth exponent: ``log(t2 / t1) / log(n2 / n1)``
between consecutive sizes and from the first to the last (1.0 linear, 2.0 quadratic). After the table it prints the analysis-side properties of the largest corpus
next to the same numbers on the seven real stories.

Usage: ``python benchmarks/run.py [N ...]`` (default 1000 5000 20000).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from realistic import CORPORA, MAX_OUTLETS, generate  # noqa: E402

SAMPLE_SECONDS = 0.25
# generated / real ratio accepted for each analysis-side property (the perturbations move them a little:
# swapped words unlink some quotations, edits add cosmetic and substantive differences)
CLOSE_ENOUGH = {"linked_share": (0.8, 1.25), "repeated_wording_share": (0.6, 1.6), "cosmetic_share": (0.6, 1.6),
                "median_quote_words": (0.7, 1.3)}
CHILD = """
import json, os, sys, time
from pathlib import Path
from quotedrift import analyze
from quotedrift.cli import write_tables
def cpu():
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system
start, cpu_start = time.perf_counter(), cpu()
result = analyze(Path({folder!r}))
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
start = time.perf_counter()
write_tables(result, Path({out!r}))
written = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu_seconds, "write_seconds": written, **properties(result)}}))
"""
PROPERTIES = '''
def properties(result):
    """Analysis-side numbers to compare generated corpora with the real stories."""
    quotes = result.quotes[result.quotes["kind"] != "headline"]
    linked = quotes[quotes["utterance_id"] != ""]
    norm = linked["text"].str.lower().str.replace(r"[^a-z0-9 ]+", "", regex=True).str.split().str.join(" ")
    edits = result.edits
    return {"articles": len(result.articles), "quotes": len(result.quotes), "links": len(result.links),
            "utterances": len(result.utterances), "edits": len(edits),
            "linked_share": len(linked) / max(1, len(quotes)),
            "repeated_wording_share": float(norm.duplicated(keep=False).mean()) if len(norm) else 0.0,
            "cosmetic_share": float((edits["category"] == "cosmetic").mean()) if len(edits) else 0.0,
            "median_quote_words": float(quotes["text"].str.split().str.len().median()),
            "max_outlets": int(result.utterances["n_sources"].max()) if len(result.utterances) else 0}
'''


def descendants(pid: int) -> list[int]:
    """The process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """Sum of resident and of proportional set sizes of the processes, in MB."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024


def run_child(folder: Path, out: Path) -> dict:
    """Analyse ``folder`` in a fresh process; its result plus the peak memory of its process tree."""
    code = PROPERTIES + CHILD.format(folder=str(folder), out=str(out))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0, 0.0]

    def sample() -> None:
        while child.poll() is None:
            rss, pss = memory_mb(descendants(child.pid))
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"benchmark child failed on {folder}:\n{stderr[-2000:]}")
    row = json.loads(stdout.strip().splitlines()[-1])
    row["peak_rss_mb"], row["peak_pss_mb"] = peak
    return row


def measure(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"corpus of {n} articles:", flush=True)
        folder = generate(n, Path(tmp) / f"corpus{n}")
        row = run_child(folder, Path(tmp) / "out")
        row["n"] = n
        row["links_mb"] = (Path(tmp) / "out" / "links.csv").stat().st_size / 1e6
        return row


def real_properties() -> dict:
    """The analysis-side numbers pooled over the seven real stories (each analysed on its own)."""
    namespace: dict = {}
    exec(PROPERTIES, namespace)
    from quotedrift import analyze
    rows = [namespace["properties"](analyze(folder)) for folder in sorted(CORPORA.iterdir())
            if (folder / "sources.csv").exists()]
    pooled = {}
    for key in ("linked_share", "repeated_wording_share", "cosmetic_share", "median_quote_words"):
        pooled[key] = sum(r[key] for r in rows) / len(rows)
    pooled["max_outlets"] = max(r["max_outlets"] for r in rows)
    return pooled


def growth(a: dict, b: dict, key: str = "seconds") -> str:
    return f"{math.log(b[key] / a[key]) / math.log(b['n'] / a['n']):.2f}"


HEADER = (f"{'articles':>9} {'seconds':>8} {'CPU s':>8} {'write s':>8} {'peak MB':>8} {'PSS MB':>8} {'quotes':>8} "
          f"{'links':>9} {'links MB':>9} {'utterances':>10} {'growth':>7} {'CPU growth':>10}")


def table_row(row: dict, previous: dict | None) -> str:
    return (f"{row['n']:>9} {row['seconds']:>8.1f} {row['cpu_seconds']:>8.1f} {row['write_seconds']:>8.1f} "
            f"{row['peak_rss_mb']:>8.0f} {row['peak_pss_mb']:>8.0f} {row['quotes']:>8} {row['links']:>9} "
            f"{row['links_mb']:>9.1f} {row['utterances']:>10} {growth(previous, row) if previous else '':>7} "
            f"{growth(previous, row, 'cpu_seconds') if previous else '':>10}")


def main(sizes: list[int]) -> None:
    rows: list[dict] = []
    for n in sizes:
        rows.append(measure(n))
        print(f"{HEADER}\n{table_row(rows[-1], rows[-2] if len(rows) > 1 else None)}", flush=True)
    print(f"\n{HEADER}")
    for previous, row in zip([None] + rows, rows):
        print(table_row(row, previous))
    if len(rows) > 2:
        print(f"growth exponent {rows[0]['n']} -> {rows[-1]['n']}: {growth(rows[0], rows[-1])} (wall), "
              f"{growth(rows[0], rows[-1], 'cpu_seconds')} (CPU)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (wall seconds include waiting for a core; CPU seconds "
          f"are the work of the process and its workers)")
    print(f"cores available: {len(os.sched_getaffinity(0))}, QUOTEDRIFT_WORKERS={os.environ.get('QUOTEDRIFT_WORKERS', '')!r}")
    real, generated = real_properties(), rows[-1]
    label = f"generated {generated['n']}"
    print(f"\nanalysis-side properties: {'real stories (mean)':>22} {label:>16}")
    for key, (low, high) in CLOSE_ENOUGH.items():
        ok = low * real[key] <= generated[key] <= high * real[key]
        print(f"  {key:<28} {real[key]:>18.2f} {generated[key]:>16.2f}  {'ok' if ok else 'OFF'}")
    most = generated["max_outlets"]
    print(f"  {'max_outlets':<28} {real['max_outlets']:>18} {most:>16}  "
          f"{'ok' if most <= MAX_OUTLETS else 'OFF'} (cap {MAX_OUTLETS}; real stories have at most ~40 pages)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 20000])
