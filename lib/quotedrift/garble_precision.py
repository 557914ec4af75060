"""How many garble rows the detectors emit on copies that should be clean:
``python -m quotedrift.garble_precision [FOLDER ...]`` (or ``make garble-precision``; default: every story
under ``corpora/``).

A FOLDER is one story (it has a ``sources.csv``) or a folder of stories. For each story the script prints
per source the garble rows by kind (one column per kind in the garble registry), then every row on the
clean copies with the rate per 2,000 words.

Clean copies: where the story has a ``gold.yaml``, its ``faithful`` list; else sources whose manifest has a
``clean`` column set to yes/true/1, or, without that column, whose ``notes`` start with "wire" ("wire copy
of an agency", "wire: agency original"). A row on a clean copy is *confirmed* when it overlaps a garble the gold
lists, or when the manifest notes describe that damage: its evidence text is quoted in the notes, or the
notes name its kind of damage (the registry's ``confirmed_by`` words, e.g. "chrome" for boilerplate), or the
row reaches the end of a text whose notes say the excerpt is truncated. The target is at most one
unconfirmed row per 2,000 words over the clean copies of all stories; a reader should still read the listed
rows and judge them. The last table counts the rows on the clean copies per kind, the kinds with the most
unconfirmed rows first: the detectors to read first.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from . import garble
from .analysis import analyze
from .paths import CORPORA

PER_WORDS = 2000
TARGET = 1.0  # unconfirmed rows per PER_WORDS words, at most (issue 12)
TRUTHY = ("yes", "true", "1", "y", "clean")


@dataclass
class StoryGold:
    """What a story's gold.yaml says about garbling: the faithful copies and the garble spans."""

    faithful: list[str]
    garbles: dict[str, list[tuple[int, int]]]  # source -> spans of its gold garbles


def load_story_gold(folder: Path, texts: dict[str, str]) -> StoryGold | None:
    """The garble part of ``folder/gold.yaml`` (None when the story has no gold), spans located in ``texts``."""
    path = folder / "gold.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for source, evidence, *_ in data.get("garbles") or []:
        start = texts.get(source, "").find(evidence)
        if start >= 0:
            spans.setdefault(source, []).append((start, start + len(evidence)))
    return StoryGold(faithful=list(data.get("faithful") or []), garbles=spans)


def clean_sources(articles: pd.DataFrame, gold: StoryGold | None = None) -> list[str]:
    """Sources that should be clean: the gold's faithful list, else the manifest's ``clean`` column, else
    notes starting with "wire"."""
    in_scope = articles["in_scope"].astype(bool)
    if gold is not None and gold.faithful:
        flags = articles["source"].isin(gold.faithful)
    elif "clean" in articles:
        flags = articles["clean"].fillna("").astype(str).str.strip().str.lower().isin(TRUTHY)
    else:
        flags = articles["notes"].fillna("").astype(str).str.strip().str.lower().str.startswith("wire")
    return sorted(articles.loc[flags & in_scope, "source"])


def confirmed(row, notes: str, text: str = "", gold_spans: list[tuple[int, int]] = ()) -> bool:
    """Whether the gold or the manifest notes describe the damage a row points at."""
    where = getattr(row, "start", None)
    if where is not None and any(start < row.end and where < end for start, end in gold_spans):
        return True
    notes = notes.lower()
    if "truncated" in notes and text and row.end >= len(text.rstrip()):
        return True
    evidence = " ".join(str(row.text).split()).lower()
    if len(evidence) >= 3 and evidence in notes:
        return True
    found = garble.detector(row.kind)
    return any(word in notes for word in (found.confirmed_by if found else ()))


@dataclass
class Tally:
    """Words, rows and unconfirmed rows on clean copies, in all and per garble kind."""

    words: int = 0
    rows: int = 0
    unconfirmed: int = 0
    rows_by_kind: Counter = field(default_factory=Counter)
    unconfirmed_by_kind: Counter = field(default_factory=Counter)

    def rate(self) -> float:
        return self.unconfirmed / self.words * PER_WORDS if self.words else 0.0

    def count(self, kind: str, is_confirmed: bool) -> None:
        """Count one row of ``kind``."""
        self.rows += 1
        self.rows_by_kind[kind] += 1
        self.unconfirmed += not is_confirmed
        self.unconfirmed_by_kind[kind] += not is_confirmed

    def add(self, other: "Tally") -> None:
        """Add another tally (one story's) to this one."""
        self.words += other.words
        self.rows += other.rows
        self.unconfirmed += other.unconfirmed
        self.rows_by_kind.update(other.rows_by_kind)
        self.unconfirmed_by_kind.update(other.unconfirmed_by_kind)

    def kinds_table(self) -> list[str]:
        """One line per kind found: its rows and unconfirmed rows, the most unconfirmed first."""
        order = sorted(self.rows_by_kind, key=lambda k: (-self.unconfirmed_by_kind[k], -self.rows_by_kind[k], k))
        return [f"  {kind:<24} {self.rows_by_kind[kind]:>4} rows {self.unconfirmed_by_kind[kind]:>3} unconfirmed"
                for kind in order]


def story_report(folder: Path, result=None) -> tuple[list[str], Tally]:
    """The printed lines and the tally of one story (``result``: its analysis, when already made)."""
    result = analyze(folder) if result is None else result
    garbles = result.garbles
    texts = result.corpus.texts
    gold = load_story_gold(folder, texts)
    articles = result.corpus.articles.set_index("source")
    lines = [f"== {folder.name}: garble rows by kind, per source", ""]
    counts = garbles.pivot_table(index="source", columns="kind", values="start", aggfunc="count", fill_value=0)
    counts = counts.reindex(index=articles.index, columns=[k for k in garble.kinds() if k in counts.columns],
                            fill_value=0)
    counts.insert(0, "words", articles["words"])
    lines.append(counts.to_string())
    clean = clean_sources(result.corpus.articles, gold)
    which = "the gold's faithful list" if gold is not None and gold.faithful else "notes starting with 'wire'"
    lines += ["", f"clean copies ({which}): {len(clean)}"]
    tally = Tally()
    for source in clean:
        notes = str(articles.at[source, "notes"])
        mine = garbles[garbles["source"] == source]
        tally.words += int(articles.at[source, "words"])
        lines.append(f"  {source}: {articles.at[source, 'words']} words, {len(mine)} rows")
        for r in mine.itertuples():
            ok = confirmed(r, notes, texts[source], gold.garbles.get(source, []) if gold else [])
            tally.count(r.kind, ok)
            lines.append(f"    {'confirmed  ' if ok else 'UNCONFIRMED'} {r.kind:<20} {r.text[:60]!r}  {r.detail[:90]}")
    lines += ["", f"{folder.name}: {tally.words} words, {tally.rows} rows, {tally.unconfirmed} unconfirmed "
              f"({tally.rate():.2f} per {PER_WORDS:,} words)", ""]
    return lines, tally


def stories(folders: list[Path]) -> list[Path]:
    """Each folder that is a story, or the story folders inside it, in name order."""
    found = []
    for folder in folders:
        if (folder / "sources.csv").is_file():
            found.append(folder)
        else:
            found += sorted(p for p in folder.iterdir() if (p / "sources.csv").is_file())
    return found


def report(folders: list[Path] | Path, analyses: dict | None = None) -> tuple[str, float]:
    """The printed report and the unconfirmed rows per 2,000 words over the clean copies of every story
    (``analyses``: {story folder name: its analysis} for stories already analysed)."""
    folders = [folders] if isinstance(folders, Path) else folders
    lines, total, summary = [], Tally(), []
    for folder in stories(folders):
        story_lines, tally = story_report(folder, (analyses or {}).get(folder.name))
        lines += story_lines
        total.add(tally)
        summary.append(f"  {folder.name:<24} {tally.words:>7} words {tally.rows:>4} rows "
                       f"{tally.unconfirmed:>3} unconfirmed  {tally.rate():.2f} per {PER_WORDS:,} words")
    lines += ["clean copies, per kind (the most unconfirmed first):"] + total.kinds_table()
    lines += ["clean copies, per story:"] + summary
    lines += [f"all clean copies: {total.words} words, {total.rows} rows, {total.unconfirmed} unconfirmed "
              f"({total.rate():.2f} per {PER_WORDS:,} words; target at most {TARGET:g})"]
    return "\n".join(lines), total.rate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotedrift.garble_precision", description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="*", default=[CORPORA],
                        help="story folders (each with a sources.csv) or folders of stories (default: corpora/)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"garble_precision: {folder}: not a folder", file=sys.stderr)
            return 2
    if not stories(args.folders):
        print(f"garble_precision: {', '.join(map(str, args.folders))}: no story folder (sources.csv) found",
              file=sys.stderr)
        return 2
    text, _ = report(args.folders)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
