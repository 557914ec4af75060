"""Small span helpers the detector modules share (not a detector)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from ..text import Token, normalise_word, tokens

SPACES = re.compile(r"[ \t\u00a0]+")


class WordKeys(dict):
    """Word form -> ``normalise_word(form)``, one key string per distinct form (a corpus repeats its words)."""

    def __missing__(self, form: str) -> str:
        key = self[form] = normalise_word(form)
        return key


class _SharedWords:
    """Each article's tokens and word keys (keyed by the article's text), and the keys of word forms."""

    def __init__(self) -> None:
        self.by_text: dict[str, tuple[list[Token], list[str]]] = {}
        self.keys = WordKeys()

    def get(self, text: str) -> tuple[list[Token], list[str]]:
        found = self.by_text.get(text)
        if found is None:
            words = tokens(text)
            found = self.by_text[text] = (words, [self.keys[w.text] for w in words])
        return found


_SHARED: _SharedWords | None = None  # set while :func:`shared_words` is active


@contextmanager
def shared_words() -> Iterator[None]:
    """While the corpus detectors run, each article's tokens and word keys are computed once and shared by
    every detector that asks (:func:`article_words`, :func:`article_keys`): a dozen detectors read the whole
    corpus, and each used to tokenise every article again. Freed when the block ends."""
    global _SHARED
    previous, _SHARED = _SHARED, _SharedWords()
    try:
        yield
    finally:
        _SHARED = previous


def article_words(text: str) -> list[Token]:
    """``tokens(text)`` of a whole article, shared inside :func:`shared_words` (callers must not change it)."""
    return tokens(text) if _SHARED is None else _SHARED.get(text)[0]


def article_keys(text: str) -> list[str]:
    """``normalise_word`` of each of :func:`article_words`, shared inside :func:`shared_words`."""
    if _SHARED is None:
        return [normalise_word(w.text) for w in tokens(text)]
    return _SHARED.get(text)[1]


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
