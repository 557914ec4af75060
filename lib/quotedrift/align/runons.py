"""Run-on sentences: one outlet's sentence that renders two utterances.

A wire that translated the speaker itself may print as one sentence what the others print as two ("It is a grave
disregard for basic facts, … a serious violation of the country's dignity and amounted to open provocation,"
where the others print "… infringe on the country's dignity." and "They are an open provocation."). Alignment gives the whole sentence to the utterance most of its words render, and its other
words would count as inserted. Here a member whose words beyond its aligned part (before its first aligned run,
or after its last) print, word for word, a version of another utterance of the same speaker is cut in two where
that version starts (or ends), or at a clause mark between it and the aligned part: each half renders its own
utterance through its own sub-span, as a quotation of several sentences does (:mod:`.units`).

Cost: one word alignment per member that has MIN_CLAIM_WORDS words beyond its aligned part, and a look-up of
that part's content bigrams in an index of the utterances' distinct wordings (postings of at most
RARE_POSTINGS): linear in the number of members.
"""

from __future__ import annotations

from collections import defaultdict

from ..wording import content_bigrams, matching_blocks, run_position
from .candidates import RARE_POSTINGS, speakers_compatible
from .references import Alignment, reference_window
from .units import Unit, split_unit

# words of another utterance's version the unaligned part must print in a row: a phrase ("open political
# provocation"), not a two-word label that many sentences of a story print ("strategic autonomy")
MIN_CLAIM_WORDS = 3


def split_run_ons(result: Alignment, damaged: dict[int, int]) -> None:
    """Cut every member that also prints another utterance's version into two units, one per utterance (module
    doc). A unit some version is measured against (a reference or a family's founder) is kept whole. Copies of
    one wording measured against one reference are looked at once."""
    units = result.units
    index = wording_index(result)
    kept_whole = {f for u, f in result.family_of.items() if f != u} | set(result.reference_of.values())
    aligned: dict[tuple, list] = {}  # (reference words, member words) -> their word alignment
    for uid in sorted(result.utterance_of):
        unit = units[uid]
        if uid in kept_whole or len(unit.words) < 2 * MIN_CLAIM_WORDS:
            continue
        found = other_utterance_part(result, unit, index, aligned)
        if found is None:
            continue
        cut, head_goes, partner = found
        head, tail = split_unit(units[uid], cut, len(units))
        units.extend((head, tail))
        if uid in damaged:
            damaged[head.uid] = damaged[tail.uid] = damaged[uid]
        stays, goes = (tail, head) if head_goes else (head, tail)
        _keep(result, uid, stays)
        _join(result, goes, partner)
        for table in (result.utterance_of, result.family_of, result.window_of, result.main_window_of):
            table.pop(uid, None)


def wording_index(result: Alignment) -> dict[tuple[str, str], list[int]]:
    """Content bigram → the first member of each distinct wording (of MIN_CLAIM_WORDS words or more, with a
    speaker) that prints it, in unit order."""
    first: dict[tuple, int] = {}
    for uid in sorted(result.utterance_of):
        unit = result.units[uid]
        if unit.speaker and len(unit.words) >= MIN_CLAIM_WORDS:
            first.setdefault((unit.norms, unit.speaker, result.utterance_of[uid]), uid)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for uid in sorted(first.values()):
        for bigram in sorted(content_bigrams(result.units[uid].norms)):
            index[bigram].append(uid)
    return index


def other_utterance_part(result: Alignment, unit: Unit, index: dict[tuple[str, str], list[int]],
                         aligned: dict[tuple, list]) -> tuple[int, bool, int] | None:
    """Where to cut ``unit`` so that its unaligned part goes to another utterance: (word position of the cut,
    whether the part before it goes, another source's member of the other utterance whose words that part
    prints), or None. ``aligned`` keeps the word alignments already made (copies of a wording cost one)."""
    own = result.utterance_of[unit.uid]
    key = (result.units[_measured_against(result, unit.uid)].norms, unit.norms)
    if key[0] == key[1]:
        return None  # a copy of its reference: every word aligned
    if key not in aligned:
        result.tally.add("run-ons")
        aligned[key] = matching_blocks(*key, 2)
    blocks = aligned[key]
    if not blocks:
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
    best = None
    for start, end in ((0, first), (last, len(unit.words))):
        if end - start < MIN_CLAIM_WORDS:
            continue
        for uid in _candidates(unit.norms[start:end], index):
            other = result.units[uid]
            if result.utterance_of.get(uid, own) == own or other.source == unit.source \
                    or not speakers_compatible(unit, other):
                continue
            at = run_position(unit.norms, other.norms, start, end)
            if at is not None and (best is None or len(other.words) > best[0]):
                best = (len(other.words), start == 0, at, uid)
    if best is None:
        return None
    size, head_goes, at, partner = best
    # at the clause mark nearest the printed version between it and the aligned part, else where the version
    # starts (ends): the words between stay with the sentence ("discriminated against | I was bullied …")
    if head_goes:
        cut = min((b for b in unit.breaks if at + size <= b <= first), default=at + size)
    else:
        cut = max((b for b in unit.breaks if last <= b <= at), default=at)
    return cut, head_goes, partner


def _measured_against(result: Alignment, uid: int) -> int:
    """The reference whose words a member's aligned part renders: its family's, or the utterance's main
    reference for an independent translation measured against itself."""
    family = result.family_of[uid]
    return result.reference_of[result.utterance_of[uid]] if family == uid else family


def _candidates(norms: tuple[str, ...], index: dict[tuple[str, str], list[int]]) -> list[int]:
    """Wordings that share a content bigram with ``norms`` (each posting of at most RARE_POSTINGS)."""
    found: set[int] = set()
    for bigram in content_bigrams(list(norms)):
        posting = index.get(bigram, [])
        if len(posting) <= RARE_POSTINGS:
            found.update(posting)
    return sorted(found)


def _keep(result: Alignment, whole: int, half: Unit) -> None:
    """The half that stays renders the utterance of the whole unit, against the same reference (itself, where
    the whole unit was measured against itself: an independent translation)."""
    family = result.family_of[whole]
    result.utterance_of[half.uid] = result.utterance_of[whole]
    if family == whole:
        result.family_of[half.uid], result.window_of[half.uid] = half.uid, (0, len(half.words))
    else:
        result.family_of[half.uid] = family
        result.window_of[half.uid] = reference_window(result.units[family], half) or result.window_of[whole]
    main = result.units[result.reference_of[result.utterance_of[whole]]]
    result.main_window_of[half.uid] = reference_window(main, half) or result.main_window_of[whole]


def _join(result: Alignment, half: Unit, partner: int) -> None:
    """The half that goes renders the partner's utterance, against the partner's reference."""
    family = result.family_of[partner]
    result.utterance_of[half.uid] = result.utterance_of[partner]
    result.family_of[half.uid] = family
    result.window_of[half.uid] = reference_window(result.units[family], half) or result.window_of[partner]
    main = result.units[result.reference_of[result.utterance_of[partner]]]
    result.main_window_of[half.uid] = reference_window(main, half) or result.main_window_of[partner]
