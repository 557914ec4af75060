"""Stage 3: find the same words across outlets — links, utterances, references and variant tables.

Quotations are cut into *units* (one per sentence of a quotation, so that a long quotation holding two
sentences cannot chain two utterances together). Candidate pairs come from an inverted index of
content-word bigrams, never from all pairs; each candidate is verified by a word alignment
(a longest-common-subsequence alignment of cosmetically normalised words, rapidfuzz). Two units are linked on shared wording when
the aligned runs of two or more words hold at least two content words and cover half of the shorter unit,
or form a run of four words or more. A single shared word is never enough ("reckless remarks" and
"reckless missile tests" stay apart).

Reworded quotations with (almost) no shared words are linked as *paraphrase* only when the evidence
around them agrees: the same canonical speaker, and the same sentence frame around the quotation (content
words within a window on both sides) or the same head word. Their similarity is lower and their relation
says why.

Utterances are the connected groups of linked units. Each gets a reference: the primary text's sentence
where the corpus has one, else the ``reference`` source's version, else the version most witnesses agree
with (the unit whose words the other witnesses align to most; ties go to the longer, then to the
alphabetically first source, so the result does not depend on the order of the sources). Units that do
not align to their group's reference leave the group (the chaining guard).

Tables
------
links: quote_a, quote_b (quote ids, quote_a < quote_b, different sources), similarity (0–1: word-alignment
    ratio over the overlapping window; paraphrase links are capped at 0.5), relation (``identical`` |
    ``cosmetic_variant`` | ``contained`` | ``elided`` | ``reworded`` | ``paraphrase``, then ``: `` and why).
utterances: utterance_id, speaker, reference_source, reference_quote, reference_text, reference_start,
    reference_end, reference_basis (``primary`` | ``chosen`` | ``consensus``), n_sources, n_quotes.
units (internal, used by drift): one row per unit with its utterance and reference window.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .speakers import COUNTRY_ALIASES
from .text import sentence_spans
from .wording import TOKEN_RE, Word, content_bigrams, is_content_word, matching_blocks, normalise, stem, words

MAX_PARAPHRASE_WORDS = 8
CONTEXT_CHARS = 90
MIN_CONTEXT_SIMILARITY = 0.35  # frame words shared, for a rewording with no shared word
MIN_HEAD_CONTEXT = 0.15  # frame words shared, for a rewording that keeps its head word
STRONG_CONTENT = 5  # content words a shared run needs to link quotations given to different speakers
MAX_POSTINGS = 5000  # a shingle in more quotations than this is too common to probe with
PROBE_SHINGLES = 4  # rarest bigrams each unit looks up in the index, however common
RARE_POSTINGS = 100  # a bigram in at most this many quotations is always looked up
MAX_REFERENCE_CANDIDATES = 10  # longest distinct wordings considered as an utterance's consensus reference
COUNTRY_SPEAKERS = frozenset(COUNTRY_ALIASES.values())  # a country speaks through its officials


@dataclass
class Unit:
    """One sentence of one quotation: the unit that is aligned."""

    uid: int
    quote_id: str
    source: str
    kind: str
    speaker: str
    role: str
    start: int
    end: int
    words: list[Word]
    context: frozenset[str] = frozenset()
    norms: list[str] = field(default_factory=list)  # the words' normal forms, computed once
    content_before: list[int] = field(default_factory=list)  # content words before each position (prefix sums)
    content_stems: frozenset[str] = frozenset()  # stems of the content words

    def __post_init__(self) -> None:
        self.norms = [w.norm for w in self.words]
        self.content_before = [0]
        for w in self.words:
            self.content_before.append(self.content_before[-1] + w.is_content)
        self.content_stems = frozenset(stem(w.norm) for w in self.words if w.is_content)

    def content_in(self, blocks) -> int:
        """Content words of this unit inside matching blocks (their ``a`` side)."""
        return sum(self.content_before[m.a + m.size] - self.content_before[m.a] for m in blocks)

    @property
    def n_content(self) -> int:
        return sum(w.is_content for w in self.words)


@dataclass
class Link:
    """A verified pair of units and the evidence for it."""

    a: int
    b: int
    similarity: float
    relation: str
    paraphrase: bool = False


@dataclass
class Alignment:
    """Everything alignment found: units, unit links, utterance groups and their references."""

    units: list[Unit]
    links: list[Link]
    utterance_of: dict[int, str] = field(default_factory=dict)   # uid → utterance id
    reference_of: dict[str, int] = field(default_factory=dict)   # utterance id → uid of its reference
    basis_of: dict[str, str] = field(default_factory=dict)       # utterance id → primary|chosen|consensus
    window_of: dict[int, tuple[int, int]] = field(default_factory=dict)  # uid → reference word window


# ---------------------------------------------------------------------------------------------- units


def build_units(quotes: pd.DataFrame, texts: dict[str, str], roles: dict[str, str]) -> list[Unit]:
    """Cut every quotation into sentence units with comparable words and the words around it."""
    units: list[Unit] = []
    columns = ["quote_id", "source", "start", "end", "kind", "speaker"]
    for quote_id, source, start, end, kind, speaker in sorted(
            quotes[columns].itertuples(index=False, name=None), key=lambda r: (r[1], r[2])):
        text, start, end = texts[source], int(start), int(end)
        pieces = [(s, e, found) for s, e in _unit_spans(text, start, end, str(kind)) if (found := words(text, s, e))]
        context = frame_stems(text, start, end, {stem(w.norm) for _, _, found in pieces for w in found})
        for s, e, found in pieces:
            units.append(Unit(len(units), quote_id, source, str(kind), str(speaker or ""),
                              roles.get(source, "report"), s, e, found, context))
    return units


def _unit_spans(text: str, start: int, end: int, kind: str) -> list[tuple[int, int]]:
    if kind in ("direct", "statement"):
        return sentence_spans(text, start, end) or [(start, end)]
    return [(start, end)]


def frame_stems(text: str, start: int, end: int, inside: set[str]) -> frozenset[str]:
    """Stems of the content words within CONTEXT_CHARS before and after a quotation (its sentence frame),
    minus the quotation's own word stems (``inside``)."""
    left = text.rfind(" ", 0, max(0, start - CONTEXT_CHARS)) + 1  # whole words only
    right = text.find(" ", min(len(text), end + CONTEXT_CHARS))
    near = _norms(text, left, start) + _norms(text, end, len(text) if right < 0 else right)
    return frozenset(stem(norm) for norm in near if is_content_word(norm)) - inside


def _norms(text: str, start: int, end: int) -> list[str]:
    return [norm for m in TOKEN_RE.finditer(text, start, end) for norm in normalise(m.group())]


# ---------------------------------------------------------------------------------------------- candidates


def candidate_pairs(units: list[Unit]) -> set[tuple[int, int]]:
    """Pairs of units from different sources that share a rare content-word bigram (inverted index).

    Every unit's bigrams are indexed. Each unit probes the index with all its bigrams that are rare in the
    corpus (in at most ``RARE_POSTINGS`` quotations) and, whatever their frequency, its ``PROBE_SHINGLES``
    rarest ones (prefix filtering): a copy shares its original's rare bigrams, a partial quotation's bigrams
    all stand in the longer version, and common bigrams ("the United States") never make all pairs of a large
    corpus candidates. Cost grows with the candidates found, not with the square of the corpus.
    """
    shingles = [sorted(content_bigrams(unit.norms)) for unit in units]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for uid, unit_shingles in enumerate(shingles):
        for shingle in unit_shingles:
            postings[shingle].append(uid)
    pairs: set[tuple[int, int]] = set()
    for uid, unit_shingles in enumerate(shingles):
        source = units[uid].source
        ranked = sorted(unit_shingles, key=lambda shingle: len(postings[shingle]))
        probes = [sh for i, sh in enumerate(ranked) if i < PROBE_SHINGLES or len(postings[sh]) <= RARE_POSTINGS]
        for shingle in probes:
            posting = postings[shingle]
            if len(posting) > MAX_POSTINGS:
                continue
            for other in posting:
                if units[other].source != source:
                    pairs.add((uid, other) if uid < other else (other, uid))
    return pairs


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
    if not _speakers_compatible(a, b) and (content < STRONG_CONTENT or matched / shorter < 0.8):
        return None  # different speakers sharing a few words: two utterances, not one
    similarity = _window_ratio(a.norms, b.norms, blocks)
    return Link(a.uid, b.uid, round(similarity, 3), _relation(a, b, blocks, matched, shorter))


def _speakers_compatible(a: Unit, b: Unit) -> bool:
    """Same canonical speaker, or one of them unknown or a whole country (which speaks through its officials)."""
    return (not a.speaker or not b.speaker or a.speaker == b.speaker
            or a.speaker in COUNTRY_SPEAKERS or b.speaker in COUNTRY_SPEAKERS)


def _window_ratio(x: list[str], y: list[str], blocks) -> float:
    """Alignment ratio over the overlapping window (so a partial quotation is not punished for being short)."""
    xs, xe = blocks[0].a, blocks[-1].a + blocks[-1].size
    ys, ye = blocks[0].b, blocks[-1].b + blocks[-1].size
    return LCSseq.normalized_similarity(x[xs:xe], y[ys:ye])


def _relation(a: Unit, b: Unit, blocks, matched: int, shorter: int) -> str:
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


# ---------------------------------------------------------------------------------------------- paraphrase


def paraphrase_links(units: list[Unit], linked: set[int]) -> list[Link]:
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
    scored: list[tuple[float, int, int, str]] = []
    for unit in units:
        if unit.uid in linked or not unit.speaker or not _is_short_quote(unit):
            continue
        keys = set(unit.context) | {_head(unit)}
        candidates = {uid for key in keys if len(index[(unit.speaker, key)]) <= RARE_POSTINGS
                      for uid in index[(unit.speaker, key)]}
        for other in sorted(candidates):
            if units[other].source != unit.source:
                score, why = _paraphrase_evidence(unit, units[other])
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


def _short_link(unit: Unit, other: Unit, score: float, why: str) -> Link:
    """A link found on speaker and frame: a paraphrase when the words differ, else a short verbatim match."""
    if _contains(other.norms, unit.norms):
        return Link(unit.uid, other.uid, 1.0,
                    f"contained: a {len(unit.words)}-word quotation, linked on its speaker and frame ({why})")
    return Link(unit.uid, other.uid, round(min(0.5, score / 3), 3), f"paraphrase: {why}", paraphrase=True)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` stands as a contiguous run inside ``longer``."""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _is_short_quote(unit: Unit) -> bool:
    return unit.kind in ("partial", "headline", "direct") and 1 <= len(unit.words) <= MAX_PARAPHRASE_WORDS \
        and unit.n_content >= 1


def _paraphrase_evidence(unit: Unit, other: Unit) -> tuple[float, str]:
    """Score (0 when not enough) and reason for reading ``unit`` as a rewording of (part of) ``other``."""
    context = _jaccard(unit.context, other.context | other.content_stems)
    head = _head(unit)
    if head is not None and head in other.content_stems and len(other.words) <= MAX_PARAPHRASE_WORDS + 4:
        modifier = _modifier_similarity(unit, other, head)
        if context >= MIN_HEAD_CONTEXT or modifier >= 0.6:
            return 0.5 + context + modifier / 2, (
                f"same speaker, same head word '{head}', modifiers {modifier:.0%} alike, "
                f"{context:.0%} of the frame words shared")
    if context >= MIN_CONTEXT_SIMILARITY and abs(len(unit.words) - len(other.words)) <= 2:
        return context, f"same speaker, {context:.0%} of the frame words around the quotation shared"
    return 0.0, ""


def _modifier_similarity(unit: Unit, other: Unit, head: str) -> float:
    """Character similarity of the content words before the shared head word ('baseless' ~ 'groundless')."""
    def modifiers(u: Unit) -> str:
        content = [w.norm for w in u.words if w.is_content]
        position = max(i for i, w in enumerate(content) if stem(w) == head) if head in map(stem, content) else 0
        return " ".join(content[:position])

    mine, theirs = modifiers(unit), modifiers(other)
    if not mine or not theirs:
        return 0.0
    return fuzz.ratio(mine, theirs) / 100


def _head(unit: Unit) -> str | None:
    content = [w for w in unit.words if w.is_content]
    return stem(content[-1].norm) if content else None


def _jaccard(x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


# ---------------------------------------------------------------------------------------------- utterances


def group_units(units: list[Unit], links: list[Link]) -> list[list[int]]:
    """Connected groups of linked units (union-find), each sorted, groups ordered by their first unit."""
    parent = list(range(len(units)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for link in links:
        for uid in (link.a, link.b):
            groups[find(uid)].append(uid)
    return sorted((sorted(set(g)) for g in groups.values()), key=lambda g: (units[g[0]].source, units[g[0]].start))


def choose_reference(group: list[int], units: list[Unit], reference_source: str | None,
                     paraphrased: set[int]) -> tuple[int, str]:
    """The unit every other witness is compared with, and why it was chosen."""
    witnesses = [u for u in group if u not in paraphrased] or group
    primary = [u for u in group if units[u].role == "primary"]
    if primary:
        return max(primary, key=lambda u: (_agreement(units[u], witnesses, units), -u)), "primary"
    chosen = [u for u in group if units[u].source == reference_source]
    if chosen:
        return max(chosen, key=lambda u: (len(units[u].words), -u)), "chosen"
    copies = Counter(tuple(units[u].norms) for u in witnesses)
    best = max(_reference_candidates(witnesses, units),
               key=lambda u: (-_bracketed(units[u]), _agreement(units[u], witnesses, units),
                              len(units[u].words), copies[tuple(units[u].norms)], _negated(units[u].source)))
    return best, "consensus"


def _reference_candidates(witnesses: list[int], units: list[Unit]) -> list[int]:
    """One unit per distinct wording (the alphabetically first source's), the MAX_REFERENCE_CANDIDATES longest:
    a short partial quotation is never the reading most witnesses agree with."""
    distinct: dict[tuple[str, ...], int] = {}
    for uid in sorted(witnesses, key=lambda u: (units[u].source, u)):
        distinct.setdefault(tuple(units[uid].norms), uid)
    ranked = sorted(distinct.values(), key=lambda u: (-len(units[u].words), units[u].source, u))
    return ranked[:MAX_REFERENCE_CANDIDATES]


def _bracketed(unit: Unit) -> int:
    """Words an editor inserted in brackets: a reference should carry none."""
    return sum(w.bracketed for w in unit.words)


def _negated(source: str) -> tuple[int, ...]:
    """Sort key that prefers the alphabetically first source under max()."""
    return tuple(-ord(c) for c in source)


def _agreement(candidate: Unit, witnesses: list[int], units: list[Unit]) -> int:
    """How many words of the other sources' witnesses align to this unit, bracketed words excluded (the
    consensus score). Witnesses with the same wording are aligned once and counted as often as they occur."""
    plain = [0]
    for w in candidate.words:
        plain.append(plain[-1] + (not w.bracketed))
    counts = Counter(tuple(units[o].norms) for o in witnesses if units[o].source != candidate.source)
    total = 0
    for norms, count in counts.items():
        blocks = matching_blocks(candidate.norms, list(norms), 2)
        total += count * sum(plain[m.a + m.size] - plain[m.a] for m in blocks)
    return total


def reference_window(reference: Unit, unit: Unit) -> tuple[int, int] | None:
    """The run of reference words a unit renders (first to last aligned word), or None if it does not align."""
    if reference.uid == unit.uid:
        return 0, len(reference.words)
    blocks = matching_blocks(reference.norms, unit.norms, 2)
    content = reference.content_in(blocks)
    if content < 2:
        return None
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    leading, trailing = blocks[0].b, len(unit.words) - (blocks[-1].b + blocks[-1].size)
    # words the witness prints beyond its last aligned run render the reference words beyond it (reworded)
    return max(0, start - leading), min(len(reference.words), end + trailing)


def align(quotes: pd.DataFrame, texts: dict[str, str], roles: dict[str, str],
          reference_source: str | None = None) -> Alignment:
    """Link units across sources, group them into utterances and fix each utterance's reference."""
    units = build_units(quotes, texts, roles)
    links = [link for a, b in sorted(candidate_pairs(units)) if (link := compare(units[a], units[b]))]
    linked = {uid for link in links for uid in (link.a, link.b)}
    para = paraphrase_links(units, linked)
    result = Alignment(units=units, links=links + para)
    partners: dict[int, list[int]] = defaultdict(list)
    for link in para:
        partners[link.a].append(link.b)
    _assign_utterances(result, group_units(units, links + para), reference_source, set(partners), partners)
    result.links = _window_links(result)
    return result


def _assign_utterances(result: Alignment, groups: list[list[int]], reference_source: str | None,
                       paraphrased: set[int], partners: dict[int, list[int]]) -> None:
    """Give every group a reference and every member its reference window; split off what does not align."""
    units = result.units
    counter = 0
    pending = list(groups)
    while pending:
        group = pending.pop(0)
        if len({units[u].source for u in group}) < 2:
            continue
        ref, basis = choose_reference(group, units, reference_source, paraphrased)
        windows = {ref: (0, len(units[ref].words))}
        strays = []
        for uid in group:
            if uid != ref and uid not in paraphrased:
                window = reference_window(units[ref], units[uid])
                if window is None:
                    strays.append(uid)
                else:
                    windows[uid] = window
        changed = True
        while changed:  # a rewording renders the reference words its partner renders
            changed = False
            for uid in group:
                if uid in paraphrased and uid not in windows:
                    found = [windows[p] for p in partners[uid] if p in windows]
                    if found:
                        windows[uid] = min(found)
                        changed = True
        if len({units[u].source for u in windows}) >= 2:
            counter += 1
            utterance = f"u{counter:03d}"
            result.reference_of[utterance] = ref
            result.basis_of[utterance] = basis
            for uid, window in windows.items():
                result.utterance_of[uid] = utterance
                result.window_of[uid] = window
        if len({units[u].source for u in strays}) >= 2:
            pending.append(strays)  # the chaining guard: what does not align to the reference regroups apart


def _window_links(result: Alignment) -> list[Link]:
    """Within an utterance, every two witnesses from different sources whose reference windows overlap are
    linked: they render the same words ("really undesirable" and "undesirable result" share "undesirable")."""
    units = result.units
    direct = {(link.a, link.b): link for link in result.links}
    direct.update({(link.b, link.a): link for link in result.links})
    members: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(uid)
    links = []
    for utterance, uids in sorted(members.items()):
        ref = units[result.reference_of[utterance]]
        for i, a in enumerate(sorted(uids)):
            for b in sorted(uids)[i + 1:]:
                wa, wb = result.window_of[a], result.window_of[b]
                if units[a].source == units[b].source or not (wa[0] < wb[1] and wb[0] < wa[1]):
                    continue
                if (a, b) in direct:
                    links.append(direct[(a, b)])
                    continue
                shared = " ".join(w.raw for w in ref.words[max(wa[0], wb[0]):min(wa[1], wb[1])])
                similarity = _pair_similarity(units[a], units[b])
                paraphrase = similarity < 0.5 and any((u, p) in direct and direct[(u, p)].paraphrase
                                                      for u in (a, b) for p in uids)
                relation = (f"{'paraphrase' if paraphrase else 'overlap'}: both render the reference words "
                            f"'{_clip(shared)}' ({ref.quote_id})")
                links.append(Link(a, b, similarity if not paraphrase else min(similarity, 0.5), relation, paraphrase))
    return links


def _pair_similarity(a: Unit, b: Unit) -> float:
    blocks = matching_blocks(a.norms, b.norms)
    return round(_window_ratio(a.norms, b.norms, blocks), 3) if blocks else 0.0


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------- tables


def links_table(result: Alignment) -> pd.DataFrame:
    """One row per pair of quotations from different sources that render words of one utterance."""
    best: dict[tuple[str, str], Link] = {}
    units = result.units
    for link in result.links:
        qa, qb = sorted((units[link.a].quote_id, units[link.b].quote_id))
        if units[link.a].source == units[link.b].source:
            continue
        if (qa, qb) not in best or link.similarity > best[(qa, qb)].similarity:
            best[(qa, qb)] = link
    rows = [{"quote_a": qa, "quote_b": qb, "similarity": link.similarity, "relation": link.relation}
            for (qa, qb), link in sorted(best.items())]
    return pd.DataFrame(rows, columns=["quote_a", "quote_b", "similarity", "relation"])


def quote_utterances(result: Alignment) -> dict[str, str]:
    """quote_id → the utterance most of its units belong to (first in document order on ties)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for uid, utterance in result.utterance_of.items():
        votes[result.units[uid].quote_id][utterance] += len(result.units[uid].words)
    return {q: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for q, c in votes.items()}


def utterances_table(result: Alignment, texts: dict[str, str]) -> pd.DataFrame:
    """One row per utterance: speaker, reference and how many sources carry it."""
    members: dict[str, list[Unit]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(result.units[uid])
    rows = []
    for utterance, ref_uid in sorted(result.reference_of.items()):
        ref = result.units[ref_uid]
        speakers = Counter(u.speaker for u in members[utterance] if u.speaker)
        speaker = sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if speakers else ""
        rows.append({
            "utterance_id": utterance, "speaker": speaker, "reference_source": ref.source,
            "reference_text": texts[ref.source][ref.start:ref.end], "reference_quote": ref.quote_id,
            "reference_start": ref.start, "reference_end": ref.end,
            "reference_basis": result.basis_of[utterance],
            "n_sources": len({u.source for u in members[utterance]}),
            "n_quotes": len({u.quote_id for u in members[utterance]}),
        })
    columns = ["utterance_id", "speaker", "reference_source", "reference_text", "n_sources", "n_quotes",
               "reference_quote", "reference_start", "reference_end", "reference_basis"]
    return pd.DataFrame(rows, columns=columns)


def variant_table(result: Alignment, utterance: str) -> pd.DataFrame:
    """Sources × reference word positions: what each witness prints at each word of the reference.

    Columns are the reference words (position-numbered), rows the witnesses sorted by source then quote.
    A cell holds the witness's word(s) there; ``''`` where the witness leaves the word out; ``None`` where
    the position lies beyond the part of the reference the witness quotes; ``+word`` marks words a witness
    adds before the next reference word. The order of the sources does not matter.
    """
    ref = result.units[result.reference_of[utterance]]
    columns = [f"{i:02d} {w.raw}" for i, w in enumerate(ref.words)]
    rows, index = [], []
    members = sorted((u for u, utt in result.utterance_of.items() if utt == utterance),
                     key=lambda u: (result.units[u].source, result.units[u].start))
    for uid in members:
        unit = result.units[uid]
        start, end = result.window_of[uid]
        cells: list[str | None] = [None] * start + [""] * (end - start) + [None] * (len(ref.words) - end)
        matcher = SequenceMatcher(None, ref.norms[start:end], unit.norms, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            raw = [w.raw for w in unit.words[j1:j2]]
            if tag == "insert":
                position = min(start + i1, len(ref.words) - 1)
                cells[position] = f"+{' '.join(raw)} " + (cells[position] or "")
            elif tag == "equal":
                for k in range(i1, i2):
                    cells[start + k] = raw[k - i1]
            elif tag == "replace":
                cells[start + i1] = " ".join(raw)
        rows.append(cells)
        index.append(f"{unit.source} ({unit.quote_id.split(':')[-1]})")
    return pd.DataFrame(rows, index=index, columns=columns, dtype=object)
