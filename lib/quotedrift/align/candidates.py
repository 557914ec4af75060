"""Candidate search and verification: which units render the same words.

Candidates come from an inverted index of content-word bigrams over *wordings* (one per distinct normalised
wording and speaker, see :mod:`.units`), never from all pairs. Each candidate is verified by a word alignment
(a longest-common-subsequence alignment of cosmetically normalised words, rapidfuzz). Two wordings are linked
on shared wording when the aligned runs of two or more words hold at least two content words and cover half of
the shorter one, or form a run of four words or more. A single shared word is never enough ("reckless
remarks" and "reckless missile tests" stay apart).

Only connectivity matters downstream (utterances are the connected groups), so a candidate pair already
connected through other links is not compared again, and a bigram printed by very many wordings is probed
only against its ``NEIGHBOURS`` nearest entries. The number of comparisons therefore grows with the number of
distinct wordings, not with the square of an utterance's outlets; :class:`Tally` counts them.

Reworded quotations with (almost) no shared words are linked as *paraphrase* only when the evidence around
them agrees: the same canonical speaker, and the same sentence frame around the quotation (content words
within a window on both sides) or the same head word with modifiers alike in letters or in meaning (word
embeddings, see :mod:`.meaning`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ..people.names import COUNTRY_ALIASES
from ..wording import content_bigrams, matching_blocks, run_position, stem
from . import meaning
from .units import Unit, linkable_alone

MAX_PARAPHRASE_WORDS = 8  # a rewording longer than this shares words with its original, or is another quote
MIN_CONTEXT_SIMILARITY = 0.35  # frame words shared, for a rewording with no shared word
MIN_HEAD_CONTEXT = 0.15  # frame words shared, for a rewording that keeps its head word
MIN_MODIFIER_LETTERS = 0.6  # letters the modifiers share (fuzz.ratio), for a rewording that keeps its head word
# meaning the modifiers share (wordllama cosine, see .meaning): "baseless"/"groundless" 0.28, "baseless"/"self
# made" -0.08, "absurd"/"ridiculous" 0.32, "really undesirable"/"truly unwanted" 0.28
MIN_MODIFIER_MEANING = 0.2
STRONG_CONTENT = 5  # content words a shared run needs to link quotations given to different speakers
PROBE_SHINGLES = 4  # rarest bigrams each wording looks up in the index, however common
RARE_POSTINGS = 100  # a bigram in at most this many wordings is looked up in full
NEIGHBOURS = 100  # entries of a longer posting a wording is compared with (those nearest it in the posting)
COUNTRY_SPEAKERS = frozenset(COUNTRY_ALIASES.values())  # a country speaks through its officials


@dataclass
class Link:
    """A verified pair of units and the evidence for it."""

    a: int
    b: int
    similarity: float
    relation: str
    paraphrase: bool = False


@dataclass
class Tally:
    """Word alignments run per stage: the cost measure that must grow linearly with an utterance's outlets."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, stage: str, n: int = 1) -> None:
        self.counts[stage] += n

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Components:
    """Union-find over unit ids: which units are already connected."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# ---------------------------------------------------------------------------------------------- verification


def compare(a: Unit, b: Unit) -> Link | None:
    """Verify a candidate pair by word alignment; a Link when the units share enough wording."""
    blocks = matching_blocks(a.norms, b.norms, 2)
    if not blocks:
        return None
    matched = sum(m.size for m in blocks)
    content = a.content_in(blocks)
    shorter = min(len(a.words), len(b.words))
    longest = max(m.size for m in blocks)
    if content < 2 or (matched / shorter < 0.5 and longest < 4):
        return None
    if not speakers_compatible(a, b) and (content < STRONG_CONTENT or matched / shorter < 0.8):
        return None  # different speakers sharing a few words: two utterances, not one
    similarity = window_ratio(a.norms, b.norms, blocks)
    return Link(a.uid, b.uid, round(similarity, 3), relation(a, b, blocks, matched, shorter))


def speakers_compatible(a: Unit, b: Unit) -> bool:
    """Same canonical speaker, or one of them unknown or a whole country (which speaks through its officials)."""
    return (not a.speaker or not b.speaker or a.speaker == b.speaker
            or a.speaker in COUNTRY_SPEAKERS or b.speaker in COUNTRY_SPEAKERS)


def window_ratio(x, y, blocks) -> float:
    """Alignment ratio over the overlapping window (so a partial quotation is not punished for being short)."""
    xs, xe = blocks[0].a, blocks[-1].a + blocks[-1].size
    ys, ye = blocks[0].b, blocks[-1].b + blocks[-1].size
    return LCSseq.normalized_similarity(x[xs:xe], y[ys:ye])


def relation(a: Unit, b: Unit, blocks, matched: int, shorter: int) -> str:
    """How two aligned units relate (the ``relation`` column of ``links.csv``), with the reason."""
    if a.norms == b.norms:
        if [w.raw for w in a.words] == [w.raw for w in b.words]:
            return "identical: the same words"
        return "cosmetic_variant: the same words but for case, spelling or punctuation"
    if len(blocks) == 1 and matched == shorter:
        return f"contained: the {shorter}-word quotation stands inside the longer one"
    if matched >= 0.8 * shorter and any(w.after_ellipsis for w in a.words + b.words):
        return "elided: the same words with a passage left out at an ellipsis"
    share = round(100 * matched / shorter)
    return f"reworded: {share}% of the shorter version's words align, in runs of {max(m.size for m in blocks)} at most"


# ---------------------------------------------------------------------------------------------- candidates


def connect_wordings(units: list[Unit], groups: list[list[int]], tally: Tally) -> Components:
    """Connect units that render the same words: copies of one wording at once, other wordings through the
    candidate index and :func:`compare` (see the module doc for why the count stays linear)."""
    components = Components(len(units))
    reps = [group[0] for group in groups]
    sources = [frozenset(units[u].source for u in group) for group in groups]
    joined = [False] * len(groups)  # whether a wording's copies are connected to its first unit yet
    for w, (group, srcs) in enumerate(zip(groups, sources)):
        if len(srcs) >= 2 and linkable_alone(units[group[0]]):
            _join(components, group, joined, w)
    shingles = [sorted(content_bigrams(units[r].norms)) for r in reps]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for w, found in enumerate(shingles):
        for shingle in found:
            postings[shingle].append(w)
    for w, found in enumerate(shingles):
        for other in sorted(_probe(w, found, postings)):
            if sources[w] == sources[other] and len(sources[w]) == 1:
                continue  # one source's quotations are never linked to each other directly
            a, b = reps[w], reps[other]
            if components.find(a) == components.find(b):
                continue
            tally.add("candidates")
            if compare(units[a], units[b]) is not None:
                _join(components, groups[w], joined, w)
                _join(components, groups[other], joined, other)
                components.union(a, b)
    return components


def _join(components: Components, group: list[int], joined: list[bool], w: int) -> None:
    """Connect the copies of wording ``w`` to its first unit, once (a wording printed by two thousand outlets
    and linked to many others is walked once, not once per link)."""
    if not joined[w]:
        joined[w] = True
        for uid in group[1:]:
            components.union(group[0], uid)


def _probe(w: int, found: list[tuple[str, str]], postings) -> set[int]:
    """Wordings after ``w`` that share one of its probed bigrams: every bigram in at most RARE_POSTINGS
    wordings, and its PROBE_SHINGLES rarest ones whatever their frequency, each within NEIGHBOURS entries."""
    ranked = sorted(found, key=lambda shingle: len(postings[shingle]))
    partners: set[int] = set()
    for i, shingle in enumerate(ranked):
        posting = postings[shingle]
        if len(posting) <= RARE_POSTINGS:
            partners.update(o for o in posting if o > w)
        elif i < PROBE_SHINGLES:
            at = bisect_left(posting, w)
            partners.update(o for o in posting[max(0, at - NEIGHBOURS):at + NEIGHBOURS + 1] if o > w)
    return partners


# ---------------------------------------------------------------------------------------------- paraphrase


def paraphrase_links(units: list[Unit], linked: set[int], tally: Tally) -> list[Link]:
    """Links for short quotations that share no wording but the speaker and the frame around them.

    Candidates come from an index of (speaker, stem) over each unit's words and frame, so a quotation is only
    compared with quotations of its speaker that share its head word or a frame word. Each unlinked short
    quotation gets at most one partner per other source, the best-scoring one, and two rewordings in one
    source never take the same partner (a one-to-one assignment, best score first).
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for unit in units:
        if unit.speaker:
            for key in unit.context | unit.content_stems:
                index[(unit.speaker, key)].append(unit.uid)
    own = source_ranges(units)
    scored: list[tuple[float, int, int, str]] = []
    for unit in units:
        if unit.uid in linked or not unit.speaker or not is_short_quote(unit):
            continue
        keys = set(unit.context) | {head(unit)}
        postings = [index[(unit.speaker, key)] for key in keys if (unit.speaker, key) in index]
        candidates = {uid for posting in postings if len(posting) <= RARE_POSTINGS
                      for uid in other_sources(posting, own[unit.source])}
        for other in sorted(candidates):
            tally.add("paraphrase")
            score, why = paraphrase_evidence(unit, units[other])
            if score:
                scored.append((-score, unit.uid, other, why))
    found: list[Link] = []
    taken: set[tuple[int, str]] = set()    # (initiator, partner source)
    claimed: set[tuple[str, int]] = set()  # (initiator source, partner)
    for negative, uid, other, why in sorted(scored):
        key, claim = (uid, units[other].source), (units[uid].source, other)
        if key in taken or claim in claimed:
            continue
        taken.add(key)
        claimed.add(claim)
        found.append(_short_link(units[uid], units[other], -negative, why))
    return found


def source_ranges(units: list[Unit]) -> dict[str, tuple[int, int]]:
    """Each source's units as a range of unit ids (units are numbered source by source, see
    :func:`.units.build_units`), so a posting list skips a source's own units by binary search, not by a walk."""
    ranges: dict[str, tuple[int, int]] = {}
    for unit in units:
        first, end = ranges.get(unit.source, (unit.uid, unit.uid))
        if end != unit.uid:
            raise ValueError(f"units of {unit.source!r} are not numbered consecutively")
        ranges[unit.source] = (first, unit.uid + 1)
    return ranges


def other_sources(posting: list[int], own: tuple[int, int]) -> list[int]:
    """The entries of an ascending posting list outside the id range ``own`` (another source's units): the
    copies of one quotation inside one article cost a binary search, not a walk (issue 13)."""
    lo, hi = bisect_left(posting, own[0]), bisect_left(posting, own[1])
    return posting[:lo] + posting[hi:]


def _short_link(unit: Unit, other: Unit, score: float, why: str) -> Link:
    """A link found on speaker and frame: a paraphrase when the words differ, else a short verbatim match."""
    if run_position(other.norms, unit.norms) is not None:
        return Link(unit.uid, other.uid, 1.0,
                    f"contained: a {len(unit.words)}-word quotation, linked on its speaker and frame ({why})")
    return Link(unit.uid, other.uid, round(min(0.5, score / 3), 3), f"paraphrase: {why}", paraphrase=True)


def is_short_quote(unit: Unit) -> bool:
    """A quotation short enough to be read as a rewording of another (paraphrase candidates)."""
    return unit.kind in ("partial", "headline", "direct") and 1 <= len(unit.words) <= MAX_PARAPHRASE_WORDS \
        and unit.n_content >= 1


def paraphrase_evidence(unit: Unit, other: Unit) -> tuple[float, str]:
    """Score (0 when not enough) and reason for reading ``unit`` as a rewording of (part of) ``other``."""
    context = _jaccard(unit.context, other.context | other.content_stems)
    word = head(unit)
    if word is not None and word in other.content_stems and len(other.words) <= MAX_PARAPHRASE_WORDS + 4:
        modifier = _modifier_similarity(unit, other, word)
        if context >= MIN_HEAD_CONTEXT or modifier >= MIN_MODIFIER_LETTERS:
            return 0.5 + context + modifier / 2, (
                f"same speaker, same head word '{word}', modifiers {modifier:.0%} alike, "
                f"{context:.0%} of the frame words shared")
        sense = meaning.similarity(*_modifiers(unit, other, word))
        if sense >= MIN_MODIFIER_MEANING:
            return 0.5 + context + sense / 2, (
                f"same speaker, same head word '{word}', modifiers alike in meaning ({sense:.2f}), "
                f"{context:.0%} of the frame words shared")
    if context >= MIN_CONTEXT_SIMILARITY and abs(len(unit.words) - len(other.words)) <= 2:
        return context, f"same speaker, {context:.0%} of the frame words around the quotation shared"
    return 0.0, ""


def _modifier_similarity(unit: Unit, other: Unit, word: str) -> float:
    """Character similarity of the content words before the shared head word ('baseless' ~ 'groundless')."""
    mine, theirs = _modifiers(unit, other, word)
    if not mine or not theirs:
        return 0.0
    return fuzz.ratio(mine, theirs) / 100


def _modifiers(unit: Unit, other: Unit, word: str) -> tuple[str, str]:
    """The content words before the shared head word in each unit ('' where there are none)."""
    def modifiers(u: Unit) -> str:
        content = [w.norm for w in u.words if w.is_content]
        position = max(i for i, w in enumerate(content) if stem(w) == word) if word in map(stem, content) else 0
        return " ".join(content[:position])

    return modifiers(unit), modifiers(other)


def head(unit: Unit) -> str | None:
    """Stem of the last content word (the head of an English noun phrase)."""
    content = [w for w in unit.words if w.is_content]
    return stem(content[-1].norm) if content else None


def _jaccard(x, y) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0
