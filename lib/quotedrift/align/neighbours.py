"""A quotation placed by its neighbours: it stands where other articles print a sentence of the same speaker.

An outlet that translated a sentence itself may share almost no words with the versions other outlets print
("follow the others' policy out of a kind of fear reflex" for "the irony would be that, seized by fear, we
think we are only the others' followers": about 0.3 in meaning, too little for :mod:`.rewordings`). The story
around it still says which sentence it renders: where its article quotes, just before and just after it,
versions of two utterances P and N, and another article prints a version of utterance X directly between
versions of P and N, it stands in the story where X stands. It joins X (as a rewording of X's closest version,
charged for every word it changes) when

- it is given to X's speaker,
- it shares a content word with X's versions ("fear") and is at least ``MIN_NEIGHBOUR_MEANING`` alike in
  meaning to one of them, and
- X is the only utterance that fits: a place between P and N that holds two sentences says nothing.

Looking for its neighbours, up to ``MAX_STEPPED_OVER`` units in no utterance are stepped over on each side (a
two-word label, another speaker's words); another sentence of its speaker in no utterance is not (the unit does
not stand alone between P and N: which of the two renders X?).

Cost: one pass over each article's units builds the index of (P, N) → X and each utterance's distinct wordings;
each lone unit then walks at most ``MAX_STEPPED_OVER`` + 1 units on each side and scores at most
``MEANING_REPRESENTATIVES`` wordings of the one utterance that fits: linear in the number of units.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import meaning
from .references import Alignment
from .rewordings import MEANING_REPRESENTATIVES, MIN_MEANING_CONTENT, MIN_MEANING_WORDS, _place, _speaker, lone_units
from .units import Unit

# meaning (wordllama cosine, :mod:`.meaning`) of the quotation and the utterance's closest version: the place
# says which sentence it may render, the sense must not say otherwise. On the seeds and seven stories the joins
# score 0.33 ("follow … through a kind of panic reflex" / "… overcome with panic, we imagine we're simply …
# followers"), 0.40 ("This means that you will have to work hard" / "This will mean long hours of high
# intensity work") and 0.50; a sentence sharing only a word scores lower ("panic buying emptied the shelves" 0.12)
MIN_NEIGHBOUR_MEANING = 0.25
# units in no utterance (labels, other speakers' words) stepped over on each side when looking for a neighbour
MAX_STEPPED_OVER = 3


def join_by_neighbours(result: Alignment) -> None:
    """Move each lone unit that stands between the same two utterances as one utterance of its speaker in
    another article, shares a content word with it and is alike enough in meaning, into that utterance (see the
    module doc)."""
    units = result.units
    by_source = units_by_source(units)
    places = article_places(by_source)
    between = sandwiches(by_source, result.utterance_of)
    members: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(uid)
    speaker = {utterance: _speaker(found, units) for utterance, found in members.items()}
    stems = {utterance: frozenset().union(*(units[u].content_stems for u in found))
             for utterance, found in members.items()}
    versions = {utterance: distinct_wordings(found, units) for utterance, found in members.items()}
    moves = []
    for uid in lone_units(result):
        unit = units[uid]
        if not unit.speaker or len(unit.words) < MIN_MEANING_WORDS or unit.n_content < MIN_MEANING_CONTENT:
            continue
        around = neighbours(by_source[unit.source], places[uid], unit, result.utterance_of)
        fits = {x for x in between.get(around, ()) if speaker[x] == unit.speaker and unit.content_stems & stems[x]}
        if len(fits) == 1:
            utterance = fits.pop()
            score, partner = closest_version(unit, versions[utterance], units)
            if score >= MIN_NEIGHBOUR_MEANING:
                moves.append((uid, partner, utterance))
    for uid, partner, utterance in moves:
        _place(result, uid, partner, utterance, charged=True)


def distinct_wordings(members: list[int], units: list[Unit]) -> list[tuple[int, int]]:
    """An utterance's distinct wordings: (first unit printing it, how many units print it)."""
    printed: Counter = Counter()
    first: dict[tuple[str, ...], int] = {}
    for uid in sorted(members):
        printed[units[uid].norms] += 1
        first.setdefault(units[uid].norms, uid)
    return [(uid, printed[norms]) for norms, uid in first.items()]


def closest_version(unit: Unit, versions: list[tuple[int, int]], units: list[Unit]) -> tuple[float, int]:
    """The version of an utterance closest in meaning to ``unit`` (score, unit id), among its distinct wordings
    (``versions``) that share a content word with it: MEANING_REPRESENTATIVES of them, most words shared, then
    most printed."""
    shared = [(len(unit.content_stems & units[uid].content_stems), printed, uid) for uid, printed in versions]
    ranked = sorted((s for s in shared if s[0]), key=lambda s: (-s[0], -s[1], s[2]))[:MEANING_REPRESENTATIVES]
    scored = [(meaning.similarity(" ".join(unit.norms), " ".join(units[uid].norms)), uid) for _, _, uid in ranked]
    return max(scored, key=lambda s: (s[0], -s[1]))


def units_by_source(units: list[Unit]) -> dict[str, list[Unit]]:
    """Each source's units in the order its article prints them (with each unit's place in that list)."""
    by_source: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_source[unit.source].append(unit)
    for found in by_source.values():
        found.sort(key=lambda u: (u.start, u.uid))
    return by_source


def article_places(by_source: dict[str, list[Unit]]) -> dict[int, int]:
    """Each unit's place in its article's list of units."""
    return {u.uid: at for found in by_source.values() for at, u in enumerate(found)}


def sandwiches(by_source: dict[str, list[Unit]], utterance_of: dict[int, str]) -> dict[tuple[str, str], set[str]]:
    """(utterance before, utterance after) → the utterances some article prints directly between them, over its
    units in an utterance (consecutive units of one utterance count as one step)."""
    between: dict[tuple[str, str], set[str]] = defaultdict(set)
    for found in by_source.values():
        steps = [utterance_of[u.uid] for u in found if u.uid in utterance_of]
        steps = [s for i, s in enumerate(steps) if i == 0 or s != steps[i - 1]]
        for before, middle, after in zip(steps, steps[1:], steps[2:]):
            if middle not in (before, after):
                between[(before, after)].add(middle)
    return between


def neighbours(found: list[Unit], at: int, unit: Unit, utterance_of: dict[int, str]) -> tuple[str, str] | None:
    """The utterances of the units just before and just after ``unit`` in its article (``found``, in article
    order, ``unit`` at place ``at``), stepping over at most MAX_STEPPED_OVER units in no utterance that are not a sentence of its speaker
    (a label, another speaker's words); None when a side has no such neighbour, or when another sentence of the
    speaker in no utterance stands next to it (then the unit does not stand alone between the two)."""
    before = _next_placed(reversed(found[max(0, at - MAX_STEPPED_OVER - 1):at]), unit, utterance_of)
    after = _next_placed(found[at + 1:at + MAX_STEPPED_OVER + 2], unit, utterance_of)
    return (before, after) if before and after else None


def _next_placed(walk, unit: Unit, utterance_of: dict[int, str]) -> str | None:
    """The utterance of the first unit of ``walk`` in an utterance, stepping over the others unless one is a
    sentence of ``unit``'s speaker."""
    for other in walk:
        if other.uid in utterance_of:
            return utterance_of[other.uid]
        if other.speaker == unit.speaker and len(other.words) >= MIN_MEANING_WORDS:
            return None
    return None
