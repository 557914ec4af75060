"""Stage 3: find the same words across outlets — utterances, references, links and variant tables.

The stage runs in seven steps, one module each:

- :mod:`.units`: quotations cut into sentence units (a multi-sentence quotation renders several utterances,
  each through its own sub-span) and grouped by wording;
- :mod:`.candidates`: candidate wordings from an inverted index of rare bigrams, verified by word alignment;
  short rewordings linked on speaker, frame and head word (paraphrase);
- :mod:`.references`: connected groups become utterances; each gets a reference a reader can trust (primary
  text, chosen source, undamaged consensus, or one per translation family);
- :mod:`.rewordings`: after the utterances are made, whole-sentence rewordings and translations (smaller
  utterances, lone units) join the same speaker's larger utterance they mean the same as;
- :mod:`.neighbours`: a lone quotation that stands between the same two utterances as a sentence of its speaker
  in another article, shares a word with it and is not far from it in meaning, joins it (a translation that
  shares almost no words with the others);
- :mod:`.runons`: a version that runs on into another utterance's version ("… the country's political dignity and
  amounted to open political provocation") is cut in two, each half rendering its own utterance;
- :mod:`.tables`: ``links`` (each version to its reference), ``quote_utterances`` (membership with sub-spans),
  ``utterances``, variant tables, and the all-pairs export on request.

Nothing here compares all pairs of an utterance's versions: copies of one wording are compared once, and the
number of word alignments (``Alignment.tally``) grows with the number of distinct wordings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

import pandas as pd

from . import meaning
from .candidates import Link, Tally, compare, connect_wordings, paraphrase_links
from .neighbours import join_by_neighbours
from .rewordings import join_rewordings
from .runons import split_run_ons
from .references import Alignment, assign_utterances, groups_of, reference_window
from .tables import (families, links_table, membership_table, pairs_table, quote_utterances, shared_utterances,
                     single_utterances, utterances_table, variant_table)
from .units import Unit, build_units, wordings
from ..wording import rendered_span

__all__ = ["Alignment", "Link", "Tally", "Unit", "align", "compare", "damaged_units", "families", "links_table",
           "membership_table", "pairs_table", "quote_utterances", "reference_window", "shared_utterances",
           "single_utterances", "utterances_table",
           "variant_table"]


def align(quotes: pd.DataFrame, texts: dict[str, str], roles: dict[str, str],
          reference_source: str | None = None, garbles: pd.DataFrame | None = None) -> Alignment:
    """Link units across sources, group them into utterances and fix each version's reference.

    ``garbles`` (the garbles table, optional) marks damaged spans: a version with a garble row in its span is
    never chosen as a consensus reference while an undamaged one exists."""
    units = build_units(quotes, texts, roles)
    tally = Tally()
    components = connect_wordings(units, wordings(units), tally)
    size = Counter(components.find(u.uid) for u in units)
    linked = {u.uid for u in units if size[components.find(u.uid)] >= 2}
    para = paraphrase_links(units, linked, tally)
    partners: dict[int, list[int]] = defaultdict(list)
    for link in para:
        partners[link.a].append(link.b)
    result = Alignment(units=units, links=para, tally=tally)
    damaged = damaged_units(units, garbles)
    assign_utterances(result, groups_of(components, units, para), reference_source, set(partners), partners,
                      damaged)
    join_rewordings(result, damaged)
    join_by_neighbours(result)
    split_run_ons(result, damaged)
    trim_windows(result)
    meaning.save()  # word-meaning scores computed here are kept for the next process
    return result


def trim_windows(result: Alignment) -> None:
    """Narrow each version's window to the reference words it renders (:func:`..wording.rendered_span`): a
    window runs from the first to the last word of the longest common subsequence, and where the word diff of
    :mod:`quotedrift.drift` pairs the witness's first or last words with other reference words ("Today I feel
    gay… today I feel disabled" against "Today I feel Zorbian. … Today I feel disabled."), the reference words
    left before or after it are words the quotation does not quote, not words it dropped."""
    for uid, (start, end) in list(result.window_of.items()):
        reference = result.units[result.family_of[uid]]
        if reference.uid == uid:
            continue
        lo, hi = rendered_span(reference.norms[start:end], result.units[uid].norms)
        if (lo, hi) != (0, end - start):
            if result.main_window_of.get(uid) == (start, end) and result.family_of[uid] == result.reference_of.get(
                    result.utterance_of[uid]):
                result.main_window_of[uid] = (start + lo, start + hi)
            result.window_of[uid] = (start + lo, start + hi)


def damaged_units(units: list[Unit], garbles: pd.DataFrame | None) -> dict[int, int]:
    """Units whose span holds garble rows (damage a reference must not carry), with how many."""
    if garbles is None or len(garbles) == 0:
        return {}
    starts: dict[str, list[int]] = defaultdict(list)
    ends: dict[str, list[int]] = defaultdict(list)
    for source, start, end in garbles[["source", "start", "end"]].itertuples(index=False, name=None):
        starts[str(source)].append(int(start))
        ends[str(source)].append(int(end))
    for found in (*starts.values(), *ends.values()):
        found.sort()
    return {u.uid: n for u in units if (n := overlapping(starts[u.source], ends[u.source], u.start, u.end))}


def overlapping(starts: list[int], ends: list[int], start: int, end: int) -> int:
    """How many spans (sorted starts and sorted ends, each span start <= end) overlap a non-empty [start, end):
    those starting before ``end`` less those ending by ``start`` (two binary searches, not a walk: one
    article may hold thousands of garble rows and of quotations)."""
    return bisect_left(starts, end) - bisect_right(ends, start)
