"""Whole-sentence rewordings and translations linked on meaning: the same speaker, a shared word, alike in sense.

Word alignment (:mod:`.candidates`) links versions that share runs of words; an outlet that rewords a sentence
("This kind of one-sided moralizing is hypocritical." for "This moral lesson-giving — one-sided — is just
hypocrisy,") or a wire that translated it itself ("China is strongly dissatisfied with and firmly opposed to
this." for "China expresses strong dissatisfaction and opposition,") shares too few words in a row and would
stay an utterance of its own. Here each group of linked units (or lone unit) is compared, in meaning, with the
groups of the same speaker that more sources print and that share one of its content words; it joins the
one it is closest to when

- the sentences are alike in meaning (wordllama's static embeddings, :mod:`.meaning`): at least
  ``MIN_SENTENCE_MEANING``, and
- that group is clearly the closest: ``MEANING_MARGIN`` ahead of the next group of the speaker, so a sentence
  that is about as close to two of the speaker's sentences joins neither.
  A sentence a little less alike (``MIN_CLEAR_MEANING``) joins only when ``CLEAR_MARGIN`` ahead of the next.

Once those groups have moved, a one-outlet group that joined nothing joins on looser meaning
(``MIN_RUN_MEANING``) when it also prints a run of ``LONG_RUN`` words of that group's closest version, one of them
a content word, and no other group of the speaker shares such a run with it.

A group only ever joins a group printed by more sources, never one its own size: two sentences many outlets
print are two utterances, however alike. Its units become rewordings of the closest version (``paraphrase``
links, measured against that version's reference).

Cost: each group looks up its words in an index of (speaker, stem) and is compared with at most
``MEANING_CANDIDATES`` groups (those sharing the most words, postings of at most ``RARE_POSTINGS``), through
``MEANING_REPRESENTATIVES`` wordings on each side: linear in the number of groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import meaning
from .candidates import COUNTRY_SPEAKERS, MAX_PARAPHRASE_WORDS, RARE_POSTINGS, Link, Tally
from .references import MIN_FAMILY_SOURCES, Alignment, _independent, reference_window
from ..wording import matching_blocks, run_position
from .units import Unit

# Sentence meaning (wordllama cosine of the two sentences) for a rewording or another translation to join a
# group. On the four gold stories' group versions (`corpora/*/gold.yaml`, English versions of one speaker):
# versions of one sentence score 0.37-0.94 (median 0.67 Infantino, 0.75 Mao Ning), versions of two different
# sentences 0.08-0.14 at the median and up to 0.54 ("We should all apologize …" / "moral lesson-giving"), 0.59
# for short fragments ("part of the new Twitter" / "thank you for your efforts to make Twitter a success").
MIN_SENTENCE_MEANING = 0.6
# a group that several sources print joins a larger one only when closer still: it is another translation of
# the sentence ("should not be caught up in a disordering of the world and crises that aren't ours" / "caught up
# in crises that are not ours" 0.73; "These moral lessons are in a sense just hypocrisy" / "This moral
# lesson-giving — one-sided — is just hypocrisy" 0.83), not the next sentence of the passage
MIN_GROUP_MEANING = 0.7
# a rewording a little less alike (0.5-0.6) joins when it is far closer to that group than to the speaker's other
# sentences it shares words with (there must be one to compare: "Hypocrisy is on the other side of this debate"
# scores over 0.5 with "This moral lesson-giving, one-sided, is just hypocrisy"): "China wants to express its deep disappointment and strong disagreement with Biden's words" scores 0.55
# with "China expresses strong dissatisfaction and strong opposition" and 0.19 with the speaker's next sentence;
# "what is happening right now is profoundly unfair" 0.58 with "… what is going on here is profoundly unfair".
# On the seeds and seven stories the rule adds these two and two more of the same kind (all four read right),
# and nothing else.
MIN_CLEAR_MEANING = 0.5
CLEAR_MARGIN = 0.3
# A group compared with a version other than the larger group's reference (a shorter, often printed one: "caught
# up in crises that are not ours,") needs a run of this many words in common with it as well: on Musk, "I expect
# to reduce my time at Twitter …" scores 0.75 with "want to be a part of the new Twitter" (one word shared)
SHARED_RUN = 3
# A one-outlet rewording less alike still (0.4-0.5) joins when it also prints a run of LONG_RUN words of the
# group's closest version, one of them a content word: "get dragged into crises that are not its own" / "should
# not be caught up in a disordering of the world and crises that aren't ours" (0.43, "crises that are not"),
# "if the tensions between the two superpowers heat up" / "if the tension between the two superpowers worsens …"
# (0.51). Word alignment alone (:func:`.candidates.compare`) wants two content words in such a run ("we do not
# want to" says nothing); with the speaker the same and the sense close, one is enough. On the seeds and seven
# stories every pair in this band with such a run reads right, and no other pair has one.
MIN_RUN_MEANING = 0.4
LONG_RUN = 4
MIN_VARIANT_LETTERS = 4  # letters of the shorter spelling for two words one end letter apart to be one word
INFLECTION_LETTERS = frozenset("sd")  # one-letter English inflections (plural, past): another word, not a spelling
MEANING_MARGIN = 0.1  # lead over the speaker's next-closest group (the sentence is not as close to two)
MIN_MEANING_WORDS = 4  # a version shorter than this is a fragment: too little sense to compare
MIN_MEANING_CONTENT = 2  # content words it needs
MEANING_CANDIDATES = 5  # groups compared per group (those sharing most content stems)
MEANING_REPRESENTATIVES = 3  # wordings per group compared (most printed, then longest)


def join_rewordings(result: Alignment, damaged: dict[int, int]) -> None:
    """Move the smaller utterances and the lone units that mean the same as a larger utterance of their speaker
    into it, as rewordings of its closest version (see the module doc); utterances are then renumbered.
    ``damaged``: units with garble rows in their span (never a reference, see :mod:`.references`)."""
    units = result.units
    groups: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in sorted(result.utterance_of.items()):
        groups[utterance].append(uid)
    for uid in lone_units(result):
        groups[f"lone{uid:08d}"].append(uid)
    speaker = {key: _speaker(members, units) for key, members in groups.items()}
    sources = {key: len({units[u].source for u in members}) for key, members in groups.items()}
    reps = {key: _representatives(members, units, result.reference_of.get(key)) for key, members in groups.items()}
    often = set().union(*(_often_printed(reps[key], members, units) for key, members in groups.items()))
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(result.reference_of):
        if speaker[key] and reps[key]:
            for stem in sorted(set().union(*(units[u].content_stems for u in reps[key]))):
                index[(speaker[key], stem)].append(key)
    moves, unplaced = {}, {}
    for key in sorted(groups):
        if speaker[key] and reps[key] and result.basis_of.get(key) != "primary":
            scored = _scored(key, reps, often, speaker[key], sources, index, units, result.tally)
            best = _closest(scored, sources, key)
            if best is not None:
                moves[key] = best
            elif sources[key] == 1 and scored:
                unplaced[key] = scored
    _move(result, moves, groups, sources, damaged)
    late = {key: best for key, scored in sorted(unplaced.items())
            if (best := _closest_after_moves(scored, moves, sources, units)) is not None}
    _move(result, late, groups, sources, damaged, min_content=1)
    rehome_short_quotes(result)
    _renumber(result)


def _move(result: Alignment, moves: dict[str, tuple[str, int, float]], groups: dict[str, list[int]],
          sources: dict[str, int], damaged: dict[int, int], min_content: int = 2) -> None:
    """Move each group of ``moves`` into the utterance of its partner unit (group → (target, partner, score)):
    another translation that several sources print keeps its own wording as reference, anything else becomes a
    rewording of the partner's version (over the reference words it aligns to, see :func:`_place`). A group whose
    target moves too stays where it is (no chains)."""
    units = result.units
    for key in sorted(moves):
        target, partner, score = moves[key]
        if target in moves:
            continue  # no chains: a group joins one that stays where it is
        utterance = result.utterance_of[partner]
        own_family = key in result.reference_of and result.basis_of[utterance] != "primary"
        for uid in groups[key]:
            if units[uid].source == units[partner].source:
                continue
            if own_family:  # another translation that several sources print: measured against its own wording
                result.utterance_of[uid] = utterance
                result.main_window_of[uid] = result.main_window_of[partner]
                result.basis_of[utterance] = "families"
                continue
            # a rewording less alike than MIN_SENTENCE_MEANING is a rewording, never another translation
            _place(result, uid, partner, utterance, uid in damaged or score < MIN_SENTENCE_MEANING, min_content)
            result.links.append(Link(uid, partner, round(min(0.5, score / 2), 3),
                                     f"paraphrase: same speaker, alike in meaning ({score:.2f}) to a version "
                                     f"of an utterance {sources[target]} sources print", paraphrase=True))
        if key in result.reference_of and not any(u == key for u in result.utterance_of.values()):
            del result.reference_of[key], result.basis_of[key]


def rehome_short_quotes(result: Alignment) -> None:
    """A short quotation whose reference does not print its words (linked on its frame, or through another
    outlet's copy, to another phrase of the passage: "hypocrisy" beside "moral lessons") goes to the one utterance of its speaker whose reference is a longer passage that
    prints its words in a row ("… is just hypocrisy,"), measured against exactly those words. It stays where it is when its own
    reference prints them, or when no utterance or several do."""
    units = result.units
    members: dict[str, list[int]] = defaultdict(list)
    for uid, utterance in result.utterance_of.items():
        members[utterance].append(uid)
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for utterance, ref in sorted(result.reference_of.items()):
        speaker = _speaker(members[utterance], units)
        for norm in sorted(set(units[ref].norms)):
            index[(speaker, norm)].append(utterance)
    for uid in sorted(result.utterance_of):
        unit = units[uid]
        if not unit.speaker or not 1 <= len(unit.words) <= MAX_PARAPHRASE_WORDS \
                or run_position(units[result.family_of[uid]].norms, unit.norms) is not None:
            continue
        rarest = min(unit.norms, key=lambda n: (len(index.get((unit.speaker, n), ())), n))
        posting = index.get((unit.speaker, rarest), [])
        longer = [u for u in posting[:RARE_POSTINGS] if len(units[result.reference_of[u]].words) > len(unit.words)]
        found = [(u, at) for u in longer
                 if (at := run_position(units[result.reference_of[u]].norms, unit.norms)) is not None]
        if len(found) == 1 and found[0][0] != result.utterance_of[uid]:
            (utterance, at), = found
            ref = result.reference_of[utterance]
            result.utterance_of[uid] = utterance
            result.family_of[uid] = ref
            result.window_of[uid] = result.main_window_of[uid] = (at, at + len(unit.words))


def lone_units(result: Alignment) -> list[int]:
    """Units in no utterance that may join one: not a headline, not a primary text's sentence (its own
    reference), and not a unit that was cut in two (its halves stand for it, see :func:`.references.clause_cut`)."""
    placed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for uid in result.utterance_of:
        placed[result.units[uid].quote_id].append((result.units[uid].start, result.units[uid].end))
    return [u.uid for u in result.units
            if u.uid not in result.utterance_of and u.kind != "headline" and u.role != "primary"
            and not any(start < u.end and u.start < end for start, end in placed.get(u.quote_id, ()))]


def _place(result: Alignment, uid: int, partner: int, utterance: str, charged: bool, min_content: int = 2) -> None:
    """A unit joins ``utterance`` as a rewording of ``partner``: measured against the partner's reference, over
    the reference words it aligns to (else those the partner renders). With no primary text, a long sentence
    that shares too few of its words with that reference is another translation, measured against itself
    (:func:`.references._independent`), unless it is ``charged`` (damaged, or joined on looser meaning).
    ``min_content``: content words its aligned runs need for that window (:func:`.references.reference_window`)."""
    family = result.family_of[partner]
    result.utterance_of[uid] = utterance
    result.family_of[uid] = family
    result.window_of[uid] = reference_window(result.units[family], result.units[uid], min_content) \
        or result.window_of[partner]
    result.main_window_of[uid] = result.main_window_of[partner]
    if result.basis_of[utterance] != "primary" and not charged \
            and _independent(result.units[family], result.units[uid], result.window_of[uid]):
        result.family_of[uid], result.window_of[uid] = uid, (0, len(result.units[uid].words))
        result.basis_of[utterance] = "families"


def _renumber(result: Alignment) -> None:
    """Utterance ids u001, u002 … in the order they were made, with no gap where one was merged away."""
    order = sorted(result.reference_of, key=lambda k: int(k[1:]))
    new = {old: f"u{i:03d}" for i, old in enumerate(order, start=1)}
    result.reference_of = {new[k]: v for k, v in result.reference_of.items()}
    result.basis_of = {new[k]: v for k, v in result.basis_of.items()}
    result.utterance_of = {uid: new[k] for uid, k in result.utterance_of.items()}


def _scored(root: str, reps: dict[str, list[int]], often: set[int], speaker: str, sources: dict[str, int],
            index: dict[tuple[str, str], list[str]], units: list[Unit], tally: Tally
            ) -> list[tuple[float, str, int, int]]:
    """The speaker's larger groups this group may mean the same as, best first: (score, group, its closest unit,
    this group's unit compared with it).

    A lone unit is compared with the other group's representatives; a group with its reference and with its
    versions that several sources print (``often``) and that share a phrase with it (:func:`_shares_run`): one
    outlet's run-on sentence that holds two utterances must not pull a group into the other."""
    shared: Counter = Counter()
    for stem in set().union(*(units[u].content_stems for u in reps[root])):
        posting = index.get((speaker, stem), [])
        if len(posting) <= RARE_POSTINGS:
            shared.update(other for other in posting if other != root)
    candidates = sorted(shared, key=lambda other: (-shared[other], other))[:MEANING_CANDIDATES]
    scored = []
    for other in candidates:
        pairs = [(meaning.similarity(*_spelled_alike(units[a], units[b])), b, a) for a in reps[root] for b in reps[other]
                 if sources[root] < 2 or b == reps[other][0] or (b in often and _shares_run(units[a], units[b]))]
        tally.add("meaning", len(pairs))
        score, partner, own = max(pairs, key=lambda p: (p[0], -p[1], -p[2]))
        scored.append((score, other, partner, own))
    return sorted(scored, key=lambda s: (-s[0], s[1]))


def _closest(scored: list[tuple[float, str, int, int]], sources: dict[str, int], root: str
             ) -> tuple[str, int, float] | None:
    """The larger group this group means the same as (group, its closest unit, score), or None: clearly the
    closest (:func:`_clearly_closest`) and printed by more sources (MIN_GROUP_MEANING for a group that several
    sources print)."""
    if not scored or not _clearly_closest(scored):
        return None
    score, target, partner, _ = scored[0]
    if sources[target] <= sources[root]:
        return None  # only a group printed by more sources takes it in
    if sources[root] >= 2 and score < MIN_GROUP_MEANING:
        return None
    return target, partner, score


def _closest_after_moves(scored: list[tuple[float, str, int, int]], moves: dict[str, tuple[str, int, float]],
                         sources: dict[str, int], units: list[Unit]) -> tuple[str, int, float] | None:
    """For a one-outlet group that joined nothing: the group it joins on a long shared run and looser meaning
    (:func:`_closest_with_long_run`), once the other groups have moved (two translations of its sentence that
    became one utterance are one candidate, not two rivals)."""
    merged: dict[str, tuple[float, str, int, int]] = {}
    for score, other, partner, own in scored:
        final = moves[other][0] if other in moves and moves[other][0] not in moves else other
        if final not in merged or score > merged[final][0]:
            merged[final] = (score, final, partner, own)
    ranked = sorted(merged.values(), key=lambda s: (-s[0], s[1]))
    if not _closest_with_long_run(ranked, units) or sources[ranked[0][1]] < 2:
        return None
    score, target, partner, _ = ranked[0]
    return target, partner, score


def _clearly_closest(scored: list[tuple[float, str, int, int]]) -> bool:
    """Whether the best-scoring group is alike enough and ahead of the next (MIN_CLEAR_MEANING with
    CLEAR_MARGIN, or MIN_SENTENCE_MEANING with MEANING_MARGIN)."""
    best = scored[0][0]
    lead = best - scored[1][0] if len(scored) > 1 else None
    if best < MIN_CLEAR_MEANING or (best < MIN_SENTENCE_MEANING and (lead is None or lead < CLEAR_MARGIN)):
        return False
    return lead is None or lead >= MEANING_MARGIN


def _closest_with_long_run(scored: list[tuple[float, str, int, int]], units: list[Unit]) -> bool:
    """Whether the best-scoring group is at least MIN_RUN_MEANING alike and the only one whose compared version
    shares a run of LONG_RUN words with it that holds a content word (see LONG_RUN)."""
    if not scored or scored[0][0] < MIN_RUN_MEANING:
        return False
    runs = [_long_run(units[own], units[partner]) for _, _, partner, own in scored]
    return runs[0] and not any(runs[1:])


def _long_run(a: Unit, b: Unit) -> bool:
    """Whether two wordings share a run of LONG_RUN words or more that holds a content word."""
    return any(a.content_in([block]) for block in matching_blocks(a.norms, b.norms, LONG_RUN))


def _often_printed(reps: list[int], members: list[int], units: list[Unit]) -> set[int]:
    """The representatives whose wording MIN_FAMILY_SOURCES sources or more of the group print."""
    wanted = {units[u].norms: u for u in reps}
    printed: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for uid in members:
        if units[uid].norms in wanted:
            printed[units[uid].norms].add(units[uid].source)
    return {wanted[norms] for norms, found in printed.items() if len(found) >= MIN_FAMILY_SOURCES}


def _shares_run(a: Unit, b: Unit) -> bool:
    """Whether two wordings print a run of SHARED_RUN words or more in common (two translations of one sentence
    share a phrase, "caught up in"; two sentences of one speaker about one topic share topic words)."""
    return bool(matching_blocks(a.norms, b.norms, SHARED_RUN))


def _speaker(members: list[int], units: list[Unit]) -> str:
    """The speaker most of a group's units name ('' when none does, or when it is a whole country)."""
    named = Counter(units[u].speaker for u in members if units[u].speaker)
    if not named:
        return ""
    name = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return "" if name in COUNTRY_SPEAKERS else name


def _representatives(members: list[int], units: list[Unit], reference: int | None) -> list[int]:
    """Up to MEANING_REPRESENTATIVES distinct wordings of a group long enough to compare in meaning (the
    first unit of each): its reference first, then the most printed (one outlet's run-on sentence that holds
    two utterances must not stand for the group)."""
    printed: Counter = Counter()
    first: dict[tuple[str, ...], int] = {}
    for uid in sorted(members):
        unit = units[uid]
        if len(unit.words) >= MIN_MEANING_WORDS and unit.n_content >= MIN_MEANING_CONTENT:
            printed[unit.norms] += 1
            first.setdefault(unit.norms, uid)
    ranked = sorted(first, key=lambda n: (first[n] != reference, -printed[n], first[n]))
    return [first[n] for n in ranked[:MEANING_REPRESENTATIVES]]


def _spelled_alike(a: Unit, b: Unit) -> tuple[str, str]:
    """The two wordings' texts (:func:`_text`), with each word of ``a`` that is a word of ``b`` but for one
    letter at its end written as ``b`` writes it: "block-to-block logic" / "bloc versus bloc logic" score 0.35
    in meaning as printed and 0.91 with one spelling, so a spelling variant is not read as another sense. An
    English inflection ending (INFLECTION_LETTERS: "side" / "sided", "fact" / "facts") makes another word,
    and words shorter than MIN_VARIANT_LETTERS are kept ("us" / "use")."""
    theirs = set(b.norms)
    longer = {word[:-1]: word for word in sorted(theirs) if _variant_ending(word)}

    def spelled(word: str) -> str:
        if word in theirs or len(word) < MIN_VARIANT_LETTERS:
            return word
        if _variant_ending(word) and word[:-1] in theirs:
            return word[:-1]
        return longer.get(word, word)

    return " ".join(spelled(word) for word in a.norms), _text(b)


def _variant_ending(word: str) -> bool:
    """Whether dropping the last letter of ``word`` may leave a spelling of the same word."""
    return len(word) > MIN_VARIANT_LETTERS and word[-1] not in INFLECTION_LETTERS and word[-2].isalpha()


def _text(unit: Unit) -> str:
    """The words a meaning score is computed on (normal forms: the same wording gives the same memo key)."""
    return " ".join(unit.norms)
