"""Units: the pieces of quotations that alignment compares, and their wordings.

A quotation is cut into *units*: one per sentence of a direct quotation or of a primary text's statement, the
whole quotation otherwise (a partial quotation renders a clause). A multi-sentence quotation therefore renders
as many utterances as it has sentences, each through the sub-span of its own sentence.

Units with the same cosmetically normalised words and the same speaker share one *wording*: alignment compares
wordings, not units, so that a sentence printed word for word by two thousand outlets is compared once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from ..extract.marks import quoted_report
from ..text import sentence_spans
from ..wording import TOKEN_RE, Word, is_content_word, normalise, stem, words

CLAUSE_MARK_RE = re.compile(r"[,;:—–]|\s-\s")  # marks that end a clause inside a sentence (not a word's hyphen)
CONTEXT_CHARS = 90  # characters on each side of a quotation read as its sentence frame (about 15 words)


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
    norms: tuple[str, ...] = ()  # the words' normal forms, computed once
    content_before: list[int] = field(default_factory=list)  # content words before each position (prefix sums)
    content_stems: frozenset[str] = frozenset()  # stems of the content words
    breaks: frozenset[int] = frozenset()  # word positions after a clause mark (",", ";", ":", a dash) in the text

    def __post_init__(self) -> None:
        self.norms = tuple(w.norm for w in self.words)
        self.content_before = [0]
        for w in self.words:
            self.content_before.append(self.content_before[-1] + w.is_content)
        self.content_stems = frozenset(stem(w.norm) for w in self.words if w.is_content)

    def content_in(self, blocks) -> int:
        """Content words of this unit inside matching blocks (their ``a`` side)."""
        return sum(self.content_before[m.a + m.size] - self.content_before[m.a] for m in blocks)

    @property
    def n_content(self) -> int:
        return self.content_before[-1]

    @property
    def wording(self) -> tuple[tuple[str, ...], str]:
        """What makes two units the same for alignment: normalised words and speaker."""
        return self.norms, self.speaker


def build_units(quotes: pd.DataFrame, texts: dict[str, str], roles: dict[str, str]) -> list[Unit]:
    """Cut every quotation into sentence units with comparable words and the words around it. A quotation that
    holds a report of speech ("…, the president said,": :func:`quotedrift.extract.marks.quoted_report`) renders no
    utterance: its words are the reporter's."""
    units: list[Unit] = []
    columns = ["quote_id", "source", "start", "end", "kind", "speaker"]
    for quote_id, source, start, end, kind, speaker in sorted(
            quotes[columns].itertuples(index=False, name=None), key=lambda r: (r[1], r[2])):
        text, start, end = texts[source], int(start), int(end)
        if quoted_report(text[start:end]):
            continue
        pieces = [(s, e, found) for s, e in unit_spans(text, start, end, str(kind)) if (found := words(text, s, e))]
        context = frame_stems(text, start, end, {stem(w.norm) for _, _, found in pieces for w in found})
        for s, e, found in pieces:
            units.append(Unit(len(units), quote_id, source, str(kind), str(speaker or ""),
                              roles.get(source, "report"), s, e, found, context, breaks=clause_breaks(text, found)))
    return units


def clause_breaks(text: str, found: list[Word]) -> frozenset[int]:
    """Positions i (0 < i < len) where a clause mark stands between word i - 1 and word i."""
    return frozenset(i for i in range(1, len(found))
                     if found[i].start != found[i - 1].start
                     and CLAUSE_MARK_RE.search(text, found[i - 1].end, found[i].start))


def split_unit(unit: Unit, at: int, first_uid: int) -> tuple[Unit, Unit]:
    """The two halves of a unit cut before word ``at`` (uids ``first_uid`` and ``first_uid + 1``): each keeps
    its own sub-span of the article, so ``text == article_text[start:end]`` still holds."""
    head, tail = unit.words[:at], unit.words[at:]
    common = dict(quote_id=unit.quote_id, source=unit.source, kind=unit.kind, speaker=unit.speaker,
                  role=unit.role, context=unit.context)
    return (Unit(first_uid, start=unit.start, end=head[-1].end, words=head,
                 breaks=frozenset(b for b in unit.breaks if b < at), **common),
            Unit(first_uid + 1, start=tail[0].start, end=unit.end, words=tail,
                 breaks=frozenset(b - at for b in unit.breaks if b > at), **common))


def joined_unit(run: list[Unit], uid: int) -> Unit:
    """One unit over consecutive sentences of one source (``run``, in document order), numbered ``uid``: it
    stands for a passage that a report prints as one sentence. It keeps the first sentence's quotation id, and its
    span runs from the first sentence's start to the last one's end."""
    first, last = run[0], run[-1]
    words = [w for unit in run for w in unit.words]
    breaks, offset = set(), 0
    for unit in run:
        breaks |= {offset + b for b in unit.breaks} | ({offset} if offset else set())
        offset += len(unit.words)
    return Unit(uid, first.quote_id, first.source, first.kind, first.speaker, first.role, first.start, last.end,
                words, first.context, breaks=frozenset(breaks))


def unit_spans(text: str, start: int, end: int, kind: str) -> list[tuple[int, int]]:
    """Sentence spans of a quotation: a direct quotation or statement, or a partial one that runs on over a
    sentence end ("… today I feel Zorbian. Today I feel Arabic. …"); the whole span of a headline."""
    if kind != "headline":
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


def wordings(units: list[Unit]) -> list[list[int]]:
    """Units grouped by wording (normalised words and speaker), each list in unit order, lists ordered by their
    first unit: the first unit of each list stands for all of them in the comparisons."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for unit in units:
        groups[unit.wording].append(unit.uid)
    return sorted(groups.values())


def linkable_alone(unit: Unit) -> bool:
    """Whether two copies of this unit's wording would be linked on shared wording (two content words in a run of
    two words or more: the rule of :func:`quotedrift.align.candidates.compare` for identical words)."""
    return len(unit.words) >= 2 and unit.n_content >= 2
