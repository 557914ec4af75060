"""Small span helpers the detector modules share (not a detector)."""

from __future__ import annotations

import re

from ..text import Token

SPACES = re.compile(r"[ \t\u00a0]+")


def spaced(text: str, a: Token, b: Token) -> bool:
    """Whether only spaces (no newline, no punctuation) separate two tokens."""
    return bool(SPACES.fullmatch(text, a.end, b.start))


def word_edge(text: str, at: int, step: int) -> int:
    """Walk from ``at`` over word characters (letters, digits, hyphens) to the edge of the word."""
    if step < 0:
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-"):
            at -= 1
        return at
    while at < len(text) and (text[at].isalnum() or text[at] == "-"):
        at += 1
    return at


def merge_overlaps(rows: list[dict]) -> list[dict]:
    """Of overlapping rows of one detector, keep the first and longest."""
    kept: list[dict] = []
    for r in sorted(rows, key=lambda r: (r["start"], -r["end"])):
        if kept and r["start"] < kept[-1]["end"]:
            continue
        kept.append(r)
    return kept


def others_count(outlets, source: str) -> int:
    """How many outlets other than ``source`` are in ``outlets`` (counted, not copied: a set that n outlets
    read, each copying it minus itself, costs n² per corpus)."""
    return len(outlets) - (source in outlets)


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's span widened to its marks when they stand right next to it."""
    if start > 0 and text[start - 1] in "“\"‘'«":
        start -= 1
    if end < len(text) and text[end] in "”\"’'»":
        end += 1
    return start, end


def in_scope_sources(corpus) -> list[str]:
    """The corpus's sources the garble detectors read (``in_scope``), sorted."""
    articles = corpus.articles
    return sorted(articles.loc[articles["in_scope"].astype(bool), "source"])


def report_sources(corpus) -> list[str]:
    """The in-scope sources that report the story (every role but ``primary``), sorted."""
    articles = corpus.articles
    keep = articles["in_scope"].astype(bool) & (articles["role"].astype(str) != "primary")
    return sorted(articles.loc[keep, "source"])


def listing(names: list[str]) -> str:
    """‘a’, ‘b’ and ‘c’."""
    quoted = [f"‘{n}’" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
