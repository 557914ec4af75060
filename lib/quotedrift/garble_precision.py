"""How many garble rows the detectors emit on copies that should be clean: ``python -m quotedrift.garble_precision FOLDER``
(or ``make garble-precision CORPUS=folder``).

It analyses the folder, prints per source the garble rows by kind, and for the clean wire copies every row
with the rate per 2,000 words. A source is a clean wire copy when the manifest has a ``clean`` column and
its value is yes/true/1, or, without that column, when its ``notes`` start with "wire" ("wire copy of AFP",
"wire: Yonhap original"). A row on a clean copy is *confirmed* when the notes describe that damage: its
evidence text is quoted in the notes, or the notes name its kind of damage (the words in ``CONFIRMED_BY``,
e.g. "chrome" for boilerplate), or the row reaches the end of a text whose notes say the excerpt is
truncated (a word cut off, a quotation left open by the cut). The target is fewer than one
unconfirmed row per 2,000 words; a reader should still read the listed rows and judge them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import garble
from .analysis import analyze

PER_WORDS = 2000
TARGET = 1.0
TRUTHY = ("yes", "true", "1", "y", "clean")
CONFIRMED_BY: dict[str, tuple[str, ...]] = {
    "boilerplate": ("boilerplate", "chrome", "sidebar", "widget", "footer", "header", "sign-up", "short link"),
    "duplicated_text": ("duplicated", "twice", "repeated", "caption"),
    "broken_sentence": ("truncated", "glued", "cut off", "fragment"),
    "glued_words": ("glue", "glued"),
    "repeated_word": ("duplicated", "repeated", "typo"),
    "midsentence_capital": ("capital",),
    "unbalanced_quote": ("quote marks", "curly/straight", "misplaced quote", "quotation mark"),
    "broken_quote": ("quote marks", "quotation mark", "split"),
    "name_inconsistency": ("named", "spelling", "spelled"),
    "untranslated_text": ("untranslated", "machine translation"),
    "mojibake": ("encoding", "mojibake"),
}


def clean_sources(articles: pd.DataFrame) -> list[str]:
    """Sources the manifest calls clean wire copies (``clean`` column, else notes starting with "wire")."""
    if "clean" in articles:
        flags = articles["clean"].fillna("").astype(str).str.strip().str.lower().isin(TRUTHY)
    else:
        flags = articles["notes"].fillna("").astype(str).str.strip().str.lower().str.startswith("wire")
    return sorted(articles.loc[flags & articles["in_scope"].astype(bool), "source"])


def confirmed(row, notes: str, text: str = "") -> bool:
    """Whether the manifest notes describe the damage a row points at."""
    notes = notes.lower()
    if "truncated" in notes and text and row.end >= len(text.rstrip()):
        return True
    evidence = " ".join(str(row.text).split()).lower()
    if len(evidence) >= 3 and evidence in notes:
        return True
    return any(word in notes for word in CONFIRMED_BY.get(row.kind, ()))


def report(folder: Path) -> tuple[str, float]:
    """The printed report and the unconfirmed rows per 2,000 words over the clean copies."""
    result = analyze(folder)
    garbles = garble.find_garbles(result.corpus, result.tables.get("quotes"))
    articles = result.corpus.articles.set_index("source")
    lines = [f"garble rows by kind, per source ({folder.name})", ""]
    counts = garbles.pivot_table(index="source", columns="kind", values="start", aggfunc="count", fill_value=0)
    counts = counts.reindex(articles.index, fill_value=0)
    counts.insert(0, "words", articles["words"])
    lines.append(counts.to_string())
    clean = clean_sources(result.corpus.articles)
    lines += ["", f"clean wire copies (notes starting with 'wire' or a 'clean' column): {len(clean)}"]
    words = rows = unconfirmed = 0
    for source in clean:
        notes = str(articles.at[source, "notes"])
        mine = garbles[garbles["source"] == source]
        words += int(articles.at[source, "words"])
        rows += len(mine)
        lines.append(f"  {source}: {articles.at[source, 'words']} words, {len(mine)} rows")
        for r in mine.itertuples():
            ok = confirmed(r, notes, result.corpus.texts[source])
            unconfirmed += not ok
            lines.append(f"    {'confirmed  ' if ok else 'UNCONFIRMED'} {r.kind:<20} {r.text[:60]!r}  {r.detail[:90]}")
    rate = unconfirmed / words * PER_WORDS if words else 0.0
    lines += ["", f"clean copies: {words} words, {rows} rows ({_per(rows, words)} per {PER_WORDS:,} words), "
              f"{unconfirmed} unconfirmed ({rate:.2f} per {PER_WORDS:,} words; target < {TARGET:g})"]
    return "\n".join(lines), rate


def _per(count: int, words: int) -> str:
    return f"{count / words * PER_WORDS:.2f}" if words else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotedrift.garble_precision", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a corpus folder with a sources.csv manifest")
    args = parser.parse_args(argv)
    text, _ = report(args.folder)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
