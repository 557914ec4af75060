"""The ``garbles`` table: every registered detector on a corpus, one row per damaged span.

``garbles`` columns
    source, start, end, text (== ``corpus.texts[source][start:end]``), kind, detail, severity;
    sorted by (source, start, kind, end).

Article-scope detectors run on every English (in-scope) article, in worker processes for large corpora;
corpus-scope detectors run once on the whole corpus (:func:`find_garbles`, before alignment, which reads the
table to keep damaged versions from being a reference); aligned-scope detectors run once after alignment and
drift, on the utterances (:func:`aligned_garbles`), and their rows join the table afterwards, so data flows
one way.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..parallel import background_map, forks
from ..text import tokens
from .registry import detector, detectors, kinds
from .util import in_scope_sources, shared_words

COLUMNS = ("source", "start", "end", "text", "kind", "detail", "severity")


def text_garbles(text: str) -> list[dict]:
    """Every article-scope detector on one article, one tokenisation shared."""
    words = tokens(text)
    return [found for d in detectors("article") for found in d.find(text, words)]


def corpus_garbles(corpus, quotes: pd.DataFrame | None = None) -> list[dict]:
    """Every corpus-scope detector's rows (each carries its ``source``)."""
    with shared_words():  # each article tokenised once for all of them
        return [found for d in detectors("corpus") for found in d.find(corpus, quotes)]


def aligned_garbles(corpus, quotes: pd.DataFrame, edits: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of the aligned-scope detectors (``quotes`` with ``utterance_id``; ``edits``: drift's table), as
    a ``garbles`` table."""
    edits = pd.DataFrame() if edits is None else edits
    return garble_table(corpus.texts, [found for d in detectors("aligned") for found in d.find(corpus, quotes, edits)])


def joined(*tables: pd.DataFrame) -> pd.DataFrame:
    """Garble tables (same columns) as one, in the table's order (source, start, kind, end)."""
    present = [t for t in tables if len(t)]
    if not present:
        return tables[0]
    table = pd.concat(present, ignore_index=True)
    return table.sort_values(["source", "start", "kind", "end"], kind="stable").reset_index(drop=True)


def find_garbles(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``garbles`` table of a corpus: article detectors on English articles, corpus detectors once.

    For large corpora the article detectors run in worker processes while this process runs the corpus
    detectors (:func:`quotedrift.parallel.background_map`): the two do not depend on each other."""
    from .words import prepare

    in_scope = in_scope_sources(corpus)
    if forks(len(in_scope)):
        prepare()  # load the word lists whole, once, before the worker processes start (they share one copy)
    with background_map(text_garbles, [corpus.texts[s] for s in in_scope]) as article_rows:
        rows = corpus_garbles(corpus, quotes)
        for source, found in zip(in_scope, article_rows()):
            rows += [{"source": source, **r} for r in found]
    return garble_table(corpus.texts, rows)


def garble_table(texts: dict[str, str], rows: Iterable[dict]) -> pd.DataFrame:
    """Rows as the ``garbles`` table: evidence text filled in, exact duplicates dropped, sorted."""
    table = pd.DataFrame(list(rows), columns=[c for c in COLUMNS if c != "text"])
    if table.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    table["start"] = table["start"].astype(int)
    table["end"] = table["end"].astype(int)
    table["severity"] = table["severity"].astype(int)
    table["text"] = [texts[s][a:b] for s, a, b in zip(table["source"], table["start"], table["end"])]
    table = table.drop_duplicates(["source", "start", "end", "kind"])
    table = table.sort_values(["source", "start", "kind", "end"], kind="stable").reset_index(drop=True)
    return table[list(COLUMNS)]


def kinds_table() -> pd.DataFrame:
    """One row per registered kind: kind, severity, scope, meaning (most severe first)."""
    found = [detector(kind) for kind in kinds()]
    return pd.DataFrame({"kind": [d.kind for d in found], "severity": [d.severity for d in found],
                         "scope": [d.scope for d in found], "meaning": [d.meaning for d in found]})
