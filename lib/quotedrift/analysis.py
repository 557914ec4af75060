"""The whole pipeline in one call: corpus → quotations → alignment → scores.

``analyze(path)`` returns an :class:`Analysis` holding every table of the contract as a pandas DataFrame;
the CLI writes them out, the notebooks read them. Each table's columns are documented in its stage's module
(quotes, align, drift, garble, attribution, scorecard, people.table); ``COLUMNS`` lists the contract's
minimum.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import align, corrections as review, drift
from .attribution import attribution_table, cue_stance
from .corpus import Corpus, CorpusError, load_corpus
from .garble import aligned_garbles, find_garbles, joined
from .extract import find_quotes_and_names
from .scorecard import scorecard_table
from .people.canonical import canonical_speakers, quotes_speaker_mapping
from .people.table import people_table

STAGES = ("corpus", "quotations", "garbling", "alignment", "drift", "attribution", "scorecard")
PROGRESS_DELAY = 5.0  # seconds before a progress bar appears (short runs stay silent)
# The cycle collector's thresholds while an analysis runs (CPython's defaults are 700, 10, 10). An analysis
# makes millions of small objects that live to its end (word tokens, keys, index entries), and at the defaults
# each full collection walks all of them again: 3.3 of 33.6 CPU s on 2,000 realistic articles (timed with
# gc.callbacks), none with these thresholds (young collections 0.95 s before, 1.12 s after).
GC_THRESHOLDS = (50_000, 20, 10)
TABLES = ("articles", "quotes", "links", "quote_utterances", "utterances", "edits", "garbles", "attribution",
          "scorecard", "people")

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("source", "file", "outlet", "published", "role", "language", "words"),
    "quotes": ("quote_id", "source", "start", "end", "text", "kind", "speaker", "speaker_mention",
               "cue", "relay", "utterance_id"),
    "links": ("quote_a", "quote_b", "similarity", "relation", "utterance_id", "link"),
    "quote_utterances": ("quote_id", "utterance_id", "source", "start", "end", "text", "reference_quote",
                         "ref_word_from", "ref_word_to", "is_reference"),
    "utterances": ("utterance_id", "speaker", "reference_source", "reference_text", "n_sources"),
    "edits": ("utterance_id", "quote_id", "source", "op", "reference_text", "text", "category"),
    "garbles": ("source", "start", "end", "text", "kind", "detail"),
    "attribution": ("utterance_id", "source", "speaker", "speaker_mention", "title", "cue", "cue_stance",
                    "relay", "flags"),
    "scorecard": ("source", "outlet", "role", "words", "quotes", "linked_quotes", "fidelity",
                  "garbles_per_1000_words", "attribution_agreement"),
    "people": ("person", "variant", "titles", "sources", "outlets", "n_sources", "count", "example_source",
               "example_start", "example_end"),
}


@dataclass(repr=False)
class Analysis:
    """Every table of one corpus analysis, plus the loaded corpus they point into.

    Each table is also an attribute (``analysis.quotes``, ``analysis.edits`` …); ``repr`` is one short line."""

    corpus: Corpus
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    reference: str | None = None
    alignment: align.Alignment | None = None
    rejected: pd.DataFrame = field(default_factory=pd.DataFrame)  # garble rows a reader's correction removed

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.__dict__.get("tables", {})))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name} {len(table):,}" for name, table in self.tables.items())
        reference = f", reference {self.reference!r}" if self.reference else ""
        return f"<Analysis of '{self.corpus.name}'{reference}: {sizes} rows>"

    @property
    def texts(self) -> dict[str, str]:
        return self.corpus.texts

    def variant_table(self, utterance_id: str, reference_quote: str | None = None) -> pd.DataFrame:
        """Sources × reference words for one utterance, or for the versions measured against one of its
        references (see :func:`quotedrift.align.variant_table`)."""
        return align.variant_table(self.alignment, utterance_id, reference_quote)

    def link_pairs(self) -> pd.DataFrame:
        """Every two versions of one utterance that render overlapping words (see
        :func:`quotedrift.align.pairs_table`): grows with the square of an utterance's outlets, so it is built
        only on request, for small corpora and for scoring links against a gold annotation."""
        return align.pairs_table(self.alignment)


def analyze(path: str | Path | Corpus, reference: str | None = None) -> Analysis:
    """Analyse a corpus folder (or a loaded Corpus). ``reference`` names the source that is the reference text
    for utterances with no primary text. Raises CorpusError on bad input, before anything is computed.

    A progress bar (stderr) appears when the analysis runs longer than PROGRESS_DELAY seconds."""
    with fewer_collections(), Progress(len(STAGES)) as stage:
        corpus = path if isinstance(path, Corpus) else load_corpus(path)
        if reference is not None and reference not in corpus.texts:
            raise CorpusError(f"--reference {reference}: no source with that id in {corpus.folder.name}")
        fixes = review.read_corrections(corpus.folder)
        stage("corpus")
        texts = corpus.texts
        roles = dict(zip(corpus.articles["source"], corpus.articles["role"]))
        found, printed_names = find_quotes_and_names(corpus)
        speakers = quotes_speaker_mapping(found)
        quotes = review.apply_to_quotes(canonical_speakers(found, speakers), fixes)
        stage("quotations")
        quote_ids = set(quotes["quote_id"])
        garbles, rejected = review.apply_to_garbles(find_garbles(corpus, quotes), fixes, quote_ids)
        stage("garbling")
        alignment = align.align(quotes, texts, roles, reference, garbles)
        utterance_of = align.quote_utterances(alignment)
        shared = align.utterances_table(alignment, texts)
        alone, singles = align.single_utterances(quotes, utterance_of, len(shared) + 1)
        utterances = pd.concat([shared, singles], ignore_index=True) if len(singles) else shared
        quotes["utterance_id"] = [utterance_of.get(quote_id) or alone[quote_id] for quote_id in quotes["quote_id"]]
        quotes["cue_stance"] = [cue_stance(cue) for cue in quotes["cue"]]
        stage("alignment")
        edits = drift.edits_table(alignment, texts)
        stage("drift")
        # the garble detectors that compare the versions of one utterance, after alignment (which read the rows
        # above, never these): their rows join the table that attribution's successors read
        late, late_rejected = review.apply_to_garbles(aligned_garbles(corpus, quotes, edits), fixes, quote_ids)
        review.check_garble_ids(fixes, quote_ids, garbles, rejected, late, late_rejected)
        garbles, rejected = joined(garbles, late), joined(rejected, late_rejected)
        attribution = attribution_table(quotes, texts)
        stage("attribution")
        tables = {
            "articles": corpus.articles.copy(),
            "quotes": quotes,
            "links": align.links_table(alignment),
            "quote_utterances": align.membership_table(alignment, texts),
            "utterances": utterances,
            "edits": edits,
            "garbles": garbles,
            "attribution": attribution,
            "scorecard": scorecard_table(corpus.articles, quotes, edits, garbles, attribution,
                                         drift.aligned_words(alignment), utterances),
            "people": people_table(printed_names, speakers, quotes, corpus.articles),
        }
        stage("scorecard")
    return Analysis(corpus=corpus, tables=tables, reference=reference, alignment=alignment, rejected=rejected)


@contextmanager
def fewer_collections():
    """The cycle collector at ``GC_THRESHOLDS`` for the duration (the caller's thresholds restored after)."""
    previous = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


class Progress:
    """``stage(name)`` after each stage; a tqdm bar on stderr from the first stage that ends PROGRESS_DELAY
    seconds or more after the start (tqdm, 0.1 s to import, is imported only then), none where stderr is not
    a terminal (notebooks, CI logs)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.started, self.bar = total, 0, time.monotonic(), None

    def __enter__(self):
        return self

    def __call__(self, name: str) -> None:
        self.done += 1
        if self.bar is None and time.monotonic() - self.started >= PROGRESS_DELAY:
            from tqdm import tqdm

            # mininterval=0: a handful of stages, each shown as it ends (tqdm's 0.1 s rate limit would skip
            # the fast last stages, so what the bar shows would depend on the machine's load).
            self.bar = tqdm(total=self.total, initial=self.done - 1, desc="quotedrift", unit="stage", leave=False,
                            disable=None, mininterval=0)
        if self.bar is not None:
            self.bar.set_postfix_str(name, refresh=False)
            self.bar.update()

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


def with_outlets(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The table with an ``outlet`` column right after ``source`` (and ``reference_outlet`` after
    ``reference_source``), so an exported CSV names outlets, not only source ids. Tables that already have
    the column, or no source column, come back unchanged."""
    outlet_of = dict(zip(articles["source"].astype(str), articles["outlet"].fillna("").astype(str)))
    table = table.copy()
    for source_column, outlet_column in (("source", "outlet"), ("reference_source", "reference_outlet")):
        if source_column in table.columns and outlet_column not in table.columns:
            values = table[source_column].astype(str).map(outlet_of).fillna("")
            table.insert(table.columns.get_loc(source_column) + 1, outlet_column, values)
    return table
