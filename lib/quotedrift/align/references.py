"""Utterances and their references: the text each version is measured against.

Utterances are the connected groups of linked units. Each gets a reference, in this order of trust:

1. ``primary``: the primary text's sentence (the speaker's own words). Every primary unit is its own
   reference, so a primary text's fidelity is 1.0 by definition; the utterance's main reference is the primary
   sentence most witnesses agree with, and each report is measured against the primary sentence of the
   utterance it renders best (:func:`primary_references`).
2. ``chosen``: the version of the source the user named (``--reference``).
3. ``consensus``: the version most witnesses agree with (the unit whose words the other witnesses align to
   most; ties go to the more often printed, then to the longer, then to the alphabetically first source, so the
   result does not depend on the order of the sources). A version with damage in its span (a ``garbles`` row:
   glued words, a repaired quotation mark, ...) or with words in brackets is never chosen while an undamaged
   one exists. Where every version is damaged, the least damaged is the reference and the basis says
   ``damaged``: its edits are to be read with care.
4. ``families``: with no primary text, an utterance often exists in several *independent* wordings (each wire
   translated the speaker itself). A wording that at least ``MIN_FAMILY_SOURCES`` sources print, undamaged,
   and that is not a part of a longer such wording, founds a family; every version is measured against the
   family it is closest to (most of its words aligned), so one translation is not charged as a substantive edit
   of another. A long sentence that shares fewer than half its words with the wording it is closest to is a
   translation of its own (printed by one source): it is measured against itself (:func:`_independent`).

Units that do not align to their group's reference leave the group (the chaining guard) and regroup apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..wording import matching_blocks, run_position
from .candidates import Components, Link, Tally
from .units import Unit, joined_unit, split_unit

MAX_REFERENCE_CANDIDATES = 10  # longest distinct wordings considered as an utterance's consensus reference
MIN_FAMILY_SOURCES = 2  # sources that must print a wording, word for word, for it to found a family
MIN_FAMILY_WORDS = 6  # a family's wording is a sentence, not a fragment: shorter wordings join a family
MIN_COVERED = 0.5  # share of a unit's words in aligned runs for it to stay with a reference (as in candidates)
MIN_CLAUSE_WORDS = 3  # words on each side of a clause cut (a clause, not a stray word)
MIN_CLAUSE_SOURCES = 2  # sources that must quote each clause apart for an utterance to be cut in two
# share of a sentence's words aligned to its wording for it to descend from it (half, as MIN_COVERED); fidelity
# AUC with 0.3 / 0.4 / 0.5 / 0.6 (`make eval`): Macron 0.91 / 0.90 / 0.96 / 0.97, Mao Ning 0.84 / 0.90 / 0.90 / 0.89,
# Infantino 0.82 / 0.82 / 0.84 / 0.83
MIN_DESCENT_SHARE = 0.5
MIN_INDEPENDENT_WORDS = 12  # only a long sentence can be told to be an independent translation by its words
MAX_ANCHORS = 10  # members a stray is tried against (longest distinct wordings) before it regroups apart
LONG_RUN = 3  # or a run of this many words in a row ("a passing grade"; a two-word label such as "strategic autonomy" is not enough)


@dataclass
class Alignment:
    """Everything alignment found: units, utterance groups, each member's reference and window."""

    units: list[Unit]
    links: list[Link] = field(default_factory=list)  # paraphrase links (the evidence for rewordings)
    utterance_of: dict[int, str] = field(default_factory=dict)   # uid → utterance id
    reference_of: dict[str, int] = field(default_factory=dict)   # utterance id → uid of its main reference
    basis_of: dict[str, str] = field(default_factory=dict)       # utterance id → primary|chosen|consensus|families
    family_of: dict[int, int] = field(default_factory=dict)      # uid → uid of the reference it is measured against
    window_of: dict[int, tuple[int, int]] = field(default_factory=dict)  # uid → window in its own reference's words
    main_window_of: dict[int, tuple[int, int]] = field(default_factory=dict)  # uid → window in the main reference
    tally: Tally = field(default_factory=Tally)


def groups_of(components: Components, units: list[Unit], links: list[Link]) -> list[list[int]]:
    """Connected groups of two or more units, each sorted, ordered by their first unit's source and start."""
    for link in links:
        components.union(link.a, link.b)
    groups: dict[int, list[int]] = defaultdict(list)
    for unit in units:
        groups[components.find(unit.uid)].append(unit.uid)
    found = [sorted(g) for g in groups.values() if len(g) >= 2]
    return sorted(found, key=lambda g: (units[g[0]].source, units[g[0]].start))


class Windows:
    """Reference windows of units, computed once per pair of distinct wordings (copies cost nothing)."""

    def __init__(self, units: list[Unit], tally: Tally) -> None:
        self.units, self.tally = units, tally
        self.cache: dict[tuple, tuple[int, int] | None] = {}

    def core(self, ref: int, uid: int) -> tuple[int, int]:
        """The reference words a member's aligned runs cover, first to last (its window without the words it
        prints beyond them)."""
        reference, unit = self.units[ref], self.units[uid]
        if ref == uid:
            return 0, len(reference.words)
        key = ("core", reference.norms, unit.norms)
        if key not in self.cache:
            blocks = matching_blocks(reference.norms, unit.norms, 2)
            self.cache[key] = (blocks[0].a, blocks[-1].a + blocks[-1].size) if blocks else None
        return self.cache[key] or self(ref, uid) or (0, len(reference.words))

    def __call__(self, ref: int, uid: int) -> tuple[int, int] | None:
        reference, unit = self.units[ref], self.units[uid]
        if ref == uid:
            return 0, len(reference.words)
        key = (reference.norms, unit.norms)
        if key not in self.cache:
            self.tally.add("windows")
            self.cache[key] = reference_window(reference, unit)
        return self.cache[key]


def reference_window(reference: Unit, unit: Unit, min_content: int = 2) -> tuple[int, int] | None:
    """The run of reference words a unit renders (first to last aligned word), or None if it does not align.

    A unit aligns when its aligned runs of two words or more hold two content words, and its aligned words
    (the longest common subsequence) cover at least MIN_COVERED of its own words or include a run of LONG_RUN
    words: a sentence that shares only a two-word label with the
    reference ("… finance our strategic autonomy and we will become vassals" against "… prevents it from
    building its strategic autonomy") is another sentence, however many outlets print the label. A rewording
    already joined on other evidence (meaning and a long shared run, :mod:`.rewordings`) asks for
    ``min_content`` = 1 ("crises that are not")."""
    every = matching_blocks(reference.norms, unit.norms)
    blocks = [m for m in every if m.size >= 2]
    content = reference.content_in(blocks)
    if content < min_content or not blocks or not _covered(every, len(unit.words)):
        return None
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    leading, trailing = blocks[0].b, len(unit.words) - (blocks[-1].b + blocks[-1].size)
    # words the witness prints beyond its last aligned run render the reference words beyond it (reworded)
    return max(0, start - leading), min(len(reference.words), end + trailing)


def _covered(blocks, n_words: int) -> bool:
    """Whether the aligned words (``blocks``: every run, single words included) cover enough of a unit's words
    to say it renders the words it is aligned to."""
    matched = sum(m.size for m in blocks)
    return matched >= MIN_COVERED * n_words or max((m.size for m in blocks), default=0) >= LONG_RUN


def aligned_share(windows: Windows, ref: int, uid: int) -> int:
    """How many of a unit's words align to a reference (the family-choice score), 0 when it does not align."""
    reference, unit = windows.units[ref], windows.units[uid]
    if reference.norms == unit.norms:
        return len(unit.words)
    key = ("share", reference.norms, unit.norms)
    if key not in windows.cache:
        windows.tally.add("families")
        windows.cache[key] = sum(m.size for m in matching_blocks(reference.norms, unit.norms, 2))
    return windows.cache[key]


# ---------------------------------------------------------------------------------------------- choosing


def choose_reference(group: list[int], units: list[Unit], reference_source: str | None,
                     paraphrased: set[int], damaged: dict[int, int], tally: Tally) -> tuple[int, str]:
    """The unit every other witness is compared with (the main reference), and why it was chosen."""
    witnesses = [u for u in group if u not in paraphrased] or group
    primary = [u for u in group if units[u].role == "primary"]
    if primary:
        return max(_distinct(primary, units), key=lambda u: (_agreement(units[u], witnesses, units, tally), -u)), \
            "primary"
    chosen = [u for u in group if units[u].source == reference_source]
    if chosen:
        return max(chosen, key=lambda u: (len(units[u].words), -u)), "chosen"
    copies = Counter(units[u].norms for u in witnesses)
    trusted = [u for u in witnesses if u not in damaged]
    best = max(_reference_candidates(trusted or witnesses, units),
               key=lambda u: (-_bracketed(units[u]), -damaged.get(u, 0), _agreement(units[u], witnesses, units, tally),
                              copies[units[u].norms], len(units[u].words), _negated(units[u].source)))
    return best, "consensus" if trusted else "damaged"


def _distinct(uids: list[int], units: list[Unit]) -> list[int]:
    """The first unit of each distinct wording."""
    seen: dict[tuple[str, ...], int] = {}
    for uid in uids:
        seen.setdefault(units[uid].norms, uid)
    return list(seen.values())


def _reference_candidates(witnesses: list[int], units: list[Unit]) -> list[int]:
    """One unit per distinct wording (the alphabetically first source's): the MAX_REFERENCE_CANDIDATES / 2
    longest and the MAX_REFERENCE_CANDIDATES / 2 most printed (a sentence many outlets copy word for word
    is a candidate however many longer one-off wordings exist; :func:`_agreement` then decides)."""
    distinct: dict[tuple[str, ...], int] = {}
    printed: Counter = Counter()
    for uid in sorted(witnesses, key=lambda u: (units[u].source, u)):
        distinct.setdefault(units[uid].norms, uid)
        printed[units[uid].norms] += 1
    half = MAX_REFERENCE_CANDIDATES // 2
    longest = sorted(distinct.values(), key=lambda u: (-len(units[u].words), units[u].source, u))[:half]
    most = sorted(distinct.values(), key=lambda u: (-printed[units[u].norms], -len(units[u].words),
                                                    units[u].source, u))[:half]
    return sorted(set(longest) | set(most))


def _bracketed(unit: Unit) -> int:
    """Words an editor inserted in brackets: a reference should carry none."""
    return sum(w.bracketed for w in unit.words)


def _negated(source: str) -> tuple[int, ...]:
    """Sort key that prefers the alphabetically first source under max()."""
    return tuple(-ord(c) for c in source)


def _agreement(candidate: Unit, witnesses: list[int], units: list[Unit], tally: Tally) -> int:
    """How many words of the other sources' witnesses align to this unit, bracketed words excluded (the
    consensus score). Witnesses with the same wording are aligned once and counted as often as they occur."""
    plain = [0]
    for w in candidate.words:
        plain.append(plain[-1] + (not w.bracketed))
    counts = Counter(units[o].norms for o in witnesses if units[o].source != candidate.source)
    total = 0
    for norms, count in counts.items():
        tally.add("references")
        blocks = matching_blocks(candidate.norms, norms, 2)
        total += count * sum(plain[m.a + m.size] - plain[m.a] for m in blocks)
    return total


def family_references(group: list[int], units: list[Unit], main: int, damaged: dict[int, int],
                      paraphrased: set[int]) -> list[int]:
    """Founders of the translation families of a group with no primary text (see the module doc): the main
    reference first, then every undamaged wording of at least MIN_FAMILY_WORDS words that MIN_FAMILY_SOURCES
    sources print word for word, longest first; a wording contained in a founder joins that founder."""
    sources: dict[tuple[str, ...], set[str]] = defaultdict(set)
    first: dict[tuple[str, ...], int] = {}
    for uid in group:
        unit = units[uid]
        if uid in damaged or uid in paraphrased or _bracketed(unit) or len(unit.words) < MIN_FAMILY_WORDS:
            continue
        sources[unit.norms].add(unit.source)
        first.setdefault(unit.norms, uid)
    founders = [main]
    ranked = sorted((norms for norms, found in sources.items() if len(found) >= MIN_FAMILY_SOURCES),
                    key=lambda n: (-len(n), units[first[n]].source, first[n]))
    for norms in ranked:
        if not any(run_position(units[f].norms, norms) is not None for f in founders):
            founders.append(first[norms])
    return founders


def primary_references(members, units: list[Unit], main: int) -> list[int]:
    """The primary sentences of an utterance a report may be measured against: the main reference first, then
    each other distinct wording of the primary texts (at most MAX_ANCHORS). An utterance can hold several
    primary sentences alike in words ("Today I feel Qatari." … "Today I feel a migrant worker.", or two
    transcripts of one press conference): each report is measured against the one it renders best
    (:func:`_family`), not charged with the words of its neighbour."""
    others = _distinct(sorted(u for u in members if units[u].role == "primary" and u != main), units)
    founders = [main, *[u for u in others if units[u].norms != units[main].norms][:MAX_ANCHORS]]
    return founders + primary_runs(members, units)


def primary_runs(members, units: list[Unit]) -> list[int]:
    """Consecutive primary sentences of an utterance joined into one reference each (new units appended to
    ``units``, at most MAX_ANCHORS runs of at most MAX_ANCHORS sentences): a report that prints "Today I feel
    Qatari, I feel Arab, I feel African" as one sentence renders three primary sentences, not one sentence and
    fourteen inserted words. A report that renders one sentence still goes to that sentence (ties go to the
    single sentences, listed first)."""
    primary = sorted(u for u in members if units[u].role == "primary")
    runs: list[list[int]] = []
    for uid in primary:
        if runs and runs[-1][-1] == uid - 1 and units[uid].source == units[uid - 1].source \
                and len(runs[-1]) < MAX_ANCHORS:
            runs[-1].append(uid)
        else:
            runs.append([uid])
    found = []
    for run in [r for r in runs if len(r) >= 2][:MAX_ANCHORS]:
        units.append(joined_unit([units[u] for u in run], len(units)))
        found.append(len(units) - 1)
    return found


# ---------------------------------------------------------------------------------------------- assigning


def assign_utterances(result: Alignment, groups: list[list[int]], reference_source: str | None,
                      paraphrased: set[int], partners: dict[int, list[int]], damaged: dict[int, int]) -> None:
    """Give every group a reference and every member its reference and window; split off what does not align."""
    units, tally = result.units, result.tally
    windows = Windows(units, tally)
    counter = 0
    pending = list(groups)
    while pending:
        group = pending.pop(0)
        if len({units[u].source for u in group}) < 2:
            continue
        ref, basis = choose_reference(group, units, reference_source, paraphrased, damaged, tally)
        main: dict[int, tuple[int, int]] = {ref: (0, len(units[ref].words))}
        strays = []
        for uid in group:
            if uid != ref and uid not in paraphrased:
                window = windows(ref, uid)
                if window is None:
                    strays.append(uid)
                else:
                    main[uid] = window
        through: set[int] = set()
        strays = _attach_through_members(strays, main, ref, units, windows, through)
        cores = {uid: window if uid in through else windows.core(ref, uid) for uid, window in main.items()}
        cut = clause_cut(units[ref], {uid: cores[uid] for uid in main if uid != ref and uid not in paraphrased},
                         units)
        if cut is not None:
            halves = _split_at_clause(units, ref, cut, cores, [u for u in group if u in main or u in paraphrased],
                                      paraphrased, partners, damaged)
            pending[:0] = [half for half in halves if len({units[u].source for u in half}) >= 2]
            if len({units[u].source for u in strays}) >= 2:
                pending.append(strays)
            continue
        _rewordings_follow_partners(group, paraphrased, partners, main, units, ref)
        if len({units[u].source for u in main}) < 2:
            if len({units[u].source for u in strays}) >= 2:
                pending.append(strays)
            continue
        counter += 1
        utterance = f"u{counter:03d}"
        founders = [ref]
        if basis == "primary":
            founders = primary_references(main, units, ref)
        elif basis == "consensus":
            founders = family_references([u for u in main], units, ref, damaged, paraphrased)
            if len(founders) > 1:
                basis = "families"
        result.reference_of[utterance] = ref
        result.basis_of[utterance] = basis
        for uid, window in sorted(main.items(), key=lambda kv: kv[0] in paraphrased):  # rewordings last
            result.utterance_of[uid] = utterance
            result.main_window_of[uid] = window
            placed = _partner_family(uid, partners, result, utterance, units) if uid in paraphrased else None
            if placed is not None:
                result.family_of[uid], result.window_of[uid] = placed
                continue
            family = _family(uid, ref, founders, units, windows, basis)
            result.family_of[uid] = family
            own = windows(family, uid) if family != ref else window
            result.window_of[uid] = own if own is not None else window
            if own is None:
                result.family_of[uid] = ref
            if basis in ("consensus", "families") and uid not in paraphrased and uid not in damaged \
                    and _independent(units[result.family_of[uid]], units[uid], result.window_of[uid]):
                result.family_of[uid], result.window_of[uid] = uid, (0, len(units[uid].words))
                result.basis_of[utterance] = "families"
        if len({units[u].source for u in strays}) >= 2:
            pending.append(strays)  # the chaining guard: what does not align to the reference regroups apart


def _partner_family(uid: int, partners: dict[int, list[int]], result: Alignment, utterance: str,
                    units: list[Unit]) -> tuple[int, tuple[int, int]] | None:
    """A rewording is measured against the reference its best partner in the utterance is measured against,
    over the words of it that partner renders (narrowed to the words it prints verbatim): "ridiculous" quoted
    from the translation "extremely ridiculous and irresponsible" is that family's word, not a replacement of
    another family's "extremely absurd and irresponsible". None when no partner is placed yet."""
    for partner in partners.get(uid, []):
        if result.utterance_of.get(partner) == utterance and partner in result.family_of:
            family = result.family_of[partner]
            return family, _narrowed(units[family], units[uid], result.window_of[partner])
    return None


def _independent(reference: Unit, unit: Unit, window: tuple[int, int]) -> bool:
    """A sentence that shares too few of its words with the wording it is measured against to descend from it:
    another translation of what was said (a wire's own rendering of the speaker's language), measured against
    itself rather than charged as a rewording. A copy that rewords a wording keeps its sentence's frame (the
    spinner's "The query Europeans must reply" for "The question Europeans need to answer"): on the two
    development stories with no primary text, independent translations share 20–45 % of their words with the
    nearest wording, spun copies mostly 50 % or more (some fall under it too and go uncharged: the rule cannot
    tell a lone translation from a heavy rewording). A damaged version is never its own reference."""
    if len(unit.words) < MIN_INDEPENDENT_WORDS or reference.uid == unit.uid:
        return False
    shared = sum(m.size for m in matching_blocks(reference.norms[window[0]:window[1]], unit.norms))
    return shared < MIN_DESCENT_SHARE * len(unit.words)


def _attach_through_members(strays: list[int], main: dict[int, tuple[int, int]], ref: int, units: list[Unit],
                            windows: Windows, through: set[int]) -> list[int]:
    """Keep the strays that render a member's words (one step, no chains): a partial quotation of another
    translation of the reference sentence ("extremely absurd and irresponsible" inside "The US remarks are
    extremely absurd and irresponsible", where the reference reads "extremely ridiculous and irresponsible").
    Each is given the reference words its member's aligned words render. Members are tried longest first, at
    most MAX_ANCHORS distinct wordings, so the cost grows with the strays, not with the members. Returns the
    strays that remain."""
    anchors = _distinct(sorted((u for u in main if u != ref), key=lambda u: (-len(units[u].words), u)),
                        units)[:MAX_ANCHORS]
    remaining = []
    for uid in strays:
        for anchor in anchors:
            if units[anchor].source == units[uid].source:
                continue
            inner = windows(anchor, uid)
            found = None if inner is None else _through(units[ref], units[anchor], inner)
            if found is not None:
                main[uid] = found
                through.add(uid)
                break
        else:
            remaining.append(uid)
    return remaining


def _through(reference: Unit, anchor: Unit, inner: tuple[int, int]) -> tuple[int, int] | None:
    """Reference words rendered by the anchor's words ``inner``, or None where fewer than MIN_COVERED of those
    words align to the reference: the stray renders a part of the anchor that is not in the reference (one
    outlet's run-on sentence that holds two utterances must not chain them)."""
    found = [m.a + (i - m.b) for m in matching_blocks(reference.norms, anchor.norms)
             for i in range(max(inner[0], m.b), min(inner[1], m.b + m.size))]
    if len(found) < MIN_COVERED * (inner[1] - inner[0]):
        return None
    return min(found), max(found) + 1


def clause_cut(reference: Unit, cores: dict[int, tuple[int, int]], units: list[Unit]) -> int | None:
    """Where an utterance is two clauses that outlets quote apart, the reference word position between them.

    ``cores`` holds each member's aligned reference words. A cut stands at a clause mark of the reference
    (:func:`.units.clause_breaks`) with at least MIN_CLAUSE_WORDS words on each side, and at least
    MIN_CLAUSE_SOURCES sources quoting only the words before it and as many quoting only the words after it,
    MIN_CLAUSE_WORDS words or more (a two-word label quoted everywhere does not make a clause of its own),
    where on one side at least MIN_CLAUSE_SOURCES of them print those words as a sentence of their own: the
    translations disagree on where the sentence ends, and the clause is an utterance. Clauses of one sentence
    that every outlet prints whole stay one utterance, however often they are quoted apart
    ("The US remarks are extremely absurd and irresponsible," and "go totally against facts and seriously
    violate diplomatic protocol" for the one sentence "The relevant remarks … are extremely ridiculous and
    irresponsible, they seriously violate basic facts, diplomatic protocol …"). The cut with the most such
    sources on its weaker side wins (the first on ties); None where there is none."""
    n = len(reference.words)
    best, best_score = None, 0
    for k in sorted(reference.breaks):
        if k < MIN_CLAUSE_WORDS or n - k < MIN_CLAUSE_WORDS:
            continue
        before = [u for u, (start, end) in cores.items() if end <= k and end - start >= MIN_CLAUSE_WORDS]
        after = [u for u, (start, end) in cores.items() if start >= k and end - start >= MIN_CLAUSE_WORDS]
        score = min(len(_sources(before, units, reference)), len(_sources(after, units, reference)))
        sentences = max(len(_sources([u for u in before if _sentence_ending_at(reference, units[u], k)], units,
                                     reference)),
                        len(_sources([u for u in after if _sentence_starting_at(reference, units[u], k)], units,
                                     reference)))
        if score >= MIN_CLAUSE_SOURCES and sentences >= MIN_CLAUSE_SOURCES and score > best_score:
            best, best_score = k, score
    return best


def _sources(uids: list[int], units: list[Unit], reference: Unit) -> set[str]:
    return {units[u].source for u in uids} - {reference.source}


def _is_sentence(unit: Unit) -> bool:
    """A unit that an outlet prints as a sentence of its own: a direct quotation's sentence that starts with a
    capital letter (not a clause quoted from inside a sentence)."""
    return unit.kind == "direct" and unit.words[0].raw[:1].isupper()


def _sentence_ending_at(reference: Unit, unit: Unit, cut: int) -> bool:
    """A sentence of its own whose words render the reference up to the cut and no further (one word of
    slack on either side): where this outlet's sentence ends, the reference's clause ends."""
    blocks = matching_blocks(reference.norms, unit.norms, 2) if _is_sentence(unit) else []
    return bool(blocks) and blocks[-1].a + blocks[-1].size >= cut - 1 \
        and len(unit.words) - (blocks[-1].b + blocks[-1].size) <= 1


def _sentence_starting_at(reference: Unit, unit: Unit, cut: int) -> bool:
    """A sentence of its own whose words render the reference from the cut on (one word of slack)."""
    blocks = matching_blocks(reference.norms, unit.norms, 2) if _is_sentence(unit) else []
    return bool(blocks) and blocks[0].a <= cut + 1 and blocks[0].b <= 1


def _split_at_clause(units: list[Unit], ref: int, cut: int, cores: dict[int, tuple[int, int]], members: list[int],
                     paraphrased: set[int], partners: dict[int, list[int]], damaged: dict[int, int]
                     ) -> tuple[list[int], list[int]]:
    """The members of an utterance cut into two at reference word ``cut``: a member that quotes only one side
    goes there, one that renders words of both is cut into two units (a quotation that renders two utterances,
    each through its own sub-span), a rewording follows its partner. New units are appended to ``units``."""
    before, after = [], []
    halves_of: dict[int, tuple[int, int]] = {}
    for uid in members:
        if uid in paraphrased:
            continue
        start, end = cores[uid]
        if end <= cut:
            before.append(uid)
        elif start >= cut:
            after.append(uid)
        else:
            at = cut if uid == ref else _position_of(units[ref], units[uid], cut)
            if at is None:
                (before if cut - start >= end - cut else after).append(uid)
                continue
            head, tail = split_unit(units[uid], at, len(units))
            units.extend((head, tail))
            halves_of[uid] = (head.uid, tail.uid)
            for half in (head, tail):
                if uid in damaged:
                    damaged[half.uid] = damaged[uid]
            before.append(head.uid)
            after.append(tail.uid)
    for uid in members:
        if uid in paraphrased:
            found = [halves_of.get(p, (p, p))[0] for p in partners[uid]]
            partners[uid] = found + list(partners[uid])
            (after if any(p in after for p in found) and not any(p in before for p in found) else before).append(uid)
    return sorted(before), sorted(after)


def _position_of(reference: Unit, unit: Unit, cut: int) -> int | None:
    """The unit's word position that renders reference word ``cut`` (moved to the unit's nearest clause mark
    within two words, and never inside one raw word), or None when it would leave a side empty."""
    at = None
    for m in matching_blocks(reference.norms, unit.norms, 2):
        if m.a <= cut < m.a + m.size:
            at = m.b + (cut - m.a)
            break
        if m.a >= cut:
            at = m.b
            break
    if at is None:
        return None
    near = [b for b in unit.breaks if abs(b - at) <= 2]
    if near:
        at = min(near, key=lambda b: (abs(b - at), b))
    while 0 < at < len(unit.words) and unit.words[at].start == unit.words[at - 1].start:
        at += 1
    return at if 0 < at < len(unit.words) else None


def _rewordings_follow_partners(group: list[int], paraphrased: set[int], partners: dict[int, list[int]],
                                windows: dict[int, tuple[int, int]], units: list[Unit], ref: int) -> None:
    """A rewording renders the reference words its partner renders; a short quotation linked on its speaker
    and frame whose words all stand in a row inside those reference words ("hardcore" in "… will need to be
    extremely hardcore") renders just those words, not the partner's whole window (which would charge it
    with dropping the rest)."""
    changed = True
    while changed:
        changed = False
        for uid in group:
            if uid in paraphrased and uid not in windows:
                found = [windows[p] for p in partners[uid] if p in windows]
                if found:
                    windows[uid] = _narrowed(units[ref], units[uid], min(found))
                    changed = True


def _narrowed(reference: Unit, unit: Unit, window: tuple[int, int]) -> tuple[int, int]:
    """The reference words inside ``window`` that a unit prints word for word in a row, else the window."""
    at = run_position(reference.norms, unit.norms, *window)
    return window if at is None else (at, at + len(unit.words))


def _family(uid: int, ref: int, founders: list[int], units: list[Unit], windows: Windows, basis: str) -> int:
    """The reference a unit is measured against: itself for a primary text, else the family founder most of
    its words align to (the main reference on ties)."""
    unit = units[uid]
    if basis == "primary" and unit.role == "primary":
        return uid
    if len(founders) == 1:
        return ref
    if uid in founders:
        return uid
    scores = [(aligned_share(windows, f, uid), -i) for i, f in enumerate(founders)]
    best = max(range(len(founders)), key=lambda i: scores[i])
    return founders[best]
