"""Seconds the garble detectors take on one large article (issue 12: a 5 MB article in under 20 s).

The article is every development story's pages (``corpora/*/*.txt``) joined and repeated to SIZE characters,
so it holds real page chrome, quotation marks and misspellings. Prints wall-clock and CPU seconds of the
article-scope detectors (``garble.text_garbles``) and of the corpus-scope ones (``garble.corpus_garbles``);
on a shared machine the CPU seconds are the fairer figure. Usage: ``python benchmarks/garble_large.py [MB]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent / "corpora"


def large_article(size: int) -> str:
    """The development pages joined and repeated to ``size`` characters."""
    text = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPORA.glob("*/*.txt")))
    return (text + "\n\n") * (size // (len(text) + 2)) + text[: size % (len(text) + 2)]


def main(megabytes: float = 5.0) -> None:
    from quotedrift import garble
    from quotedrift.corpus import load_corpus
    from quotedrift.garble.words import prepare

    text = large_article(int(megabytes * 1_000_000))
    prepare()
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text(text, encoding="utf-8")
        corpus = load_corpus(tmp)
        for name, run in (("article detectors", lambda: garble.text_garbles(corpus.texts["a"])),
                          ("corpus detectors", lambda: garble.corpus_garbles(corpus, None))):
            wall, cpu = time.perf_counter(), time.process_time()
            rows = run()
            print(f"{megabytes:g} MB, {name}: {time.perf_counter() - wall:.1f} s wall, "
                  f"{time.process_time() - cpu:.1f} s CPU, {len(rows)} rows")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 5.0)
