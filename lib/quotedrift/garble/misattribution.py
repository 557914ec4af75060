"""misattribution: the same quoted words given to another person than every other outlet gives them to.

An aligned-scope detector: it runs after alignment, on the quotations table (``speaker``,
``speaker_confidence``, ``utterance_id`` from the quotation and alignment stages). A quotation is flagged when at least ``MIN_AGREEING`` other outlets carry the same
utterance, at least ``AGREEMENT`` of those that name a speaker name one person, this outlet names another
person that the corpus knows as a speaker, and both attributions are confident. The outlier's own attribution
must also be printed plainly: a name (not a pronoun nor a title) right beside the cue ("Doe added",
"said Xi"). A speaker the resolver found some words away from the cue ("the US president said Xi did not …,
adding") is as likely the resolver's mistake as the outlet's, so it is not charged to the outlet. The row
points at the quotation and names the outlets that say otherwise. One pass over the quotations, grouped by utterance.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from ..people.names import find_person_names
from .registry import register, row
from .util import listing

MIN_AGREEING = 3  # other outlets that must name the usual speaker
AGREEMENT = 0.8  # share of the other outlets' named speakers that must be that one person
MIN_CONFIDENCE = 0.9  # attribution confidence (quotes.speaker_confidence) of every attribution compared
MIN_SPEAKER_SOURCES = 3  # outlets that must quote the outlier's speaker somewhere for him or her to count
NAMED_OUTLETS = 3  # outlets named in the detail, at most
MAX_CUE_GAP = 1  # words between the speaker's name and the cue, at most ("Doe then added")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n“”\"«»]")


@functools.lru_cache(maxsize=4096)
def _person(name: str) -> bool:
    """A canonical speaker that is a person's full name, as the speaker stage reads names (not an
    institution, "White House", nor a description, "official")."""
    found = find_person_names(name)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(name) and len(name.split()) >= 2


def _named_at_cue(q, text: str) -> bool:
    """Whether the quotation's speaker is named (a capitalised name, not a pronoun) right beside its cue, in
    one clause: the attribution is what the outlet printed, not what the resolver inferred."""
    spans = [getattr(q, c, -1) for c in ("mention_start", "mention_end", "cue_start", "cue_end")]
    if any(not isinstance(v, (int, float)) or v != v or v < 0 for v in spans):
        return False
    m_start, m_end, c_start, c_end = (int(v) for v in spans)
    mention = text[m_start:m_end]
    if not mention[:1].isupper() or not _person_mention(mention):
        return False
    gap = text[m_end:c_start] if m_end <= c_start else text[c_end:m_start]
    return not _CLAUSE_BREAK.search(gap) and len(gap.split()) <= MAX_CUE_GAP


def _person_mention(mention: str) -> bool:
    """A name as printed ("Doe", "Lin Wei"), not a pronoun or a bare title ("She", "The president")."""
    return bool(find_person_names(mention)) and mention.split()[0].lower() not in PRONOUNS


PRONOUNS = frozenset("he she they it we i you his her their the".split())


@register("misattribution", severity=3, colour="#ff8787", scope="aligned",
          explanation="‘{text}’: words that every other outlet gives to another person",
          confirmed_by=("misattribut", "attributed to", "credited to"))
def misattributions(corpus, quotes=None, edits=None) -> list[dict]:
    """Quotations whose speaker differs from the one every other outlet names for the same words."""
    if quotes is None or len(quotes) == 0 or "utterance_id" not in quotes:
        return []
    confidence = quotes["speaker_confidence"] if "speaker_confidence" in quotes else 1.0
    sure = quotes[(quotes["utterance_id"].fillna("") != "") & (quotes["speaker"].fillna("") != "")
                  & (confidence >= MIN_CONFIDENCE)]
    speakers = sure.groupby("speaker")["source"].nunique()
    known = {s for s, n in speakers.items() if n >= MIN_SPEAKER_SOURCES and _person(s)}
    rows = []
    for group in _by_utterance(sure):
        said_by: dict[str, set[str]] = defaultdict(set)
        for q in group:
            said_by[q.source].add(q.speaker)
        tally = _SpeakerTally(said_by)
        for q in group:
            if q.speaker not in known or not _named_at_cue(q, corpus.texts[q.source]):
                continue
            found = tally.most_named_elsewhere(q.source)
            if found is None:
                continue
            usual, count, named = found
            if (usual == q.speaker or usual in said_by[q.source] or not _person(usual) or count < MIN_AGREEING
                    or count < AGREEMENT * named):
                continue
            outlets = sorted(s for s, names in said_by.items() if usual in names and s != q.source)
            rows.append({"source": q.source, **row(int(q.start), int(q.end), "misattribution",
                         f"‘{q.text[:80]}’ is given to {q.speaker} here; {count} other outlets give these words to "
                         f"{usual} ({listing(outlets[:NAMED_OUTLETS])}{' and others' if len(outlets) > NAMED_OUTLETS else ''})")})
    return rows


def _by_utterance(sure) -> list[list]:
    """The quotation rows of each utterance (in table order), utterances in sorted order: one pass over the
    table, not one DataFrame per utterance."""
    groups: dict[str, list] = defaultdict(list)
    for q in sure.itertuples():
        groups[q.utterance_id].append(q)
    return [groups[u] for u in sorted(groups)]


class _SpeakerTally:
    """How many outlets of one utterance name each speaker, so that "the speaker the other outlets name
    most" costs one pass over the speakers per quotation, not one over the outlets (an utterance of n outlets
    costs n, not n²)."""

    def __init__(self, said_by: dict[str, set[str]]) -> None:
        self.said_by = said_by
        # each speaker's (reading position, source) in the order the outlets and their names are read; a
        # speaker's position among the other outlets is its first reading from another source
        self.readings: dict[str, list[tuple[int, str]]] = defaultdict(list)
        position = 0
        for source, names in said_by.items():
            for name in names:
                self.readings[name].append((position, source))
                position += 1
        self.total = position

    def most_named_elsewhere(self, source: str) -> tuple[str, int, int] | None:
        """(speaker, outlets naming it, speaker names counted) over the outlets other than ``source``: the
        speaker most outlets name, ties to the one read first (as ``Counter.most_common`` orders them);
        None when no other outlet names a speaker."""
        own = self.said_by.get(source, set())
        best = None
        for name, readings in self.readings.items():
            count = len(readings) - (name in own)
            if count == 0:
                continue
            first = readings[0][0] if readings[0][1] != source else readings[1][0]
            if best is None or count > best[1] or (count == best[1] and first < best[2]):
                best = (name, count, first)
        if best is None:
            return None
        return best[0], best[1], self.total - len(own)
