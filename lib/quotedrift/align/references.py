"""Utterances and their references: the text each version is measured against.

Utterances are the connected groups of linked units. Each gets a reference, in this order of trust:

1. ``primary``: the primary text's sentence (the speaker's own words). Every primary unit is its own
   reference, so a primary text's fidelity is 1.0 by definition; reports are measured against the primary
   sentence most witnesses agree with.
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
   of another.

Units that do not align to their group's reference leave the group (the chaining guard) and regroup apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..wording import matching_blocks
from .candidates import Components, Link, Tally
from .units import Unit

MAX_REFERENCE_CANDIDATES = 10  # longest distinct wordings considered as an utterance's consensus reference
MIN_FAMILY_SOURCES = 2  # sources that must print a wording, word for word, for it to found a family
MIN_FAMILY_WORDS = 6  # a family's wording is a sentence, not a fragment: shorter wordings join a family


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

    def __call__(self, ref: int, uid: int) -> tuple[int, int] | None:
        reference, unit = self.units[ref], self.units[uid]
        if ref == uid:
            return 0, len(reference.words)
        key = (reference.norms, unit.norms)
        if key not in self.cache:
            self.tally.add("windows")
            self.cache[key] = reference_window(reference, unit)
        return self.cache[key]


def reference_window(reference: Unit, unit: Unit) -> tuple[int, int] | None:
    """The run of reference words a unit renders (first to last aligned word), or None if it does not align."""
    blocks = matching_blocks(reference.norms, unit.norms, 2)
    content = reference.content_in(blocks)
    if content < 2:
        return None
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    leading, trailing = blocks[0].b, len(unit.words) - (blocks[-1].b + blocks[-1].size)
    # words the witness prints beyond its last aligned run render the reference words beyond it (reworded)
    return max(0, start - leading), min(len(reference.words), end + trailing)


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
        if not any(_inside(norms, units[f].norms) for f in founders):
            founders.append(first[norms])
    return founders


def _inside(shorter: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


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
        _rewordings_follow_partners(group, paraphrased, partners, main)
        if len({units[u].source for u in main}) < 2:
            if len({units[u].source for u in strays}) >= 2:
                pending.append(strays)
            continue
        counter += 1
        utterance = f"u{counter:03d}"
        founders = [ref]
        if basis == "consensus":
            founders = family_references([u for u in main], units, ref, damaged, paraphrased)
            if len(founders) > 1:
                basis = "families"
        result.reference_of[utterance] = ref
        result.basis_of[utterance] = basis
        for uid, window in main.items():
            result.utterance_of[uid] = utterance
            result.main_window_of[uid] = window
            family = _family(uid, ref, founders, units, windows, basis)
            result.family_of[uid] = family
            own = windows(family, uid) if family != ref else window
            result.window_of[uid] = own if own is not None else window
            if own is None:
                result.family_of[uid] = ref
        if len({units[u].source for u in strays}) >= 2:
            pending.append(strays)  # the chaining guard: what does not align to the reference regroups apart


def _rewordings_follow_partners(group: list[int], paraphrased: set[int], partners: dict[int, list[int]],
                                windows: dict[int, tuple[int, int]]) -> None:
    """A rewording renders the reference words its partner renders."""
    changed = True
    while changed:
        changed = False
        for uid in group:
            if uid in paraphrased and uid not in windows:
                found = [windows[p] for p in partners[uid] if p in windows]
                if found:
                    windows[uid] = min(found)
                    changed = True


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
