"""departure: wording outside quotation marks that every other outlet prints one way and this one another."""

from __future__ import annotations

import re
from collections import Counter

from ..text import Token
from .copies import _house_style
from .registry import register, row
from .util import SPACES as _SPACES, WordKeys, article_words, report_sources
from .words import zipf


DEPARTURE_MIN_OTHERS = 2
# (words before, words after) that must read the same as in the others, and the most words that may differ
DEPARTURE_ANCHORS = (((2, 1), 3), ((1, 2), 3), ((0, 3), 1), ((3, 0), 1))
SHIFTING_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year".split()
)
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")


@register("departure", severity=3, colour="#ffe066", scope="corpus",
          explanation="‘{text}’: wording that every other outlet prints differently at this place",
          confirmed_by=())
def find_departures(corpus, quotes=None) -> list[dict]:
    """The registered finder: :func:`cross_source_departures` (quotations are not needed)."""
    return cross_source_departures(corpus)


def cross_source_departures(corpus) -> list[dict]:
    """Wording outside quotation marks that every other outlet prints one way and this one another, between
    the same neighbouring words ("Department of Continental Affairs" where the others print "Department of
    National Affairs"; "Nation's Central News Agency" for "National Central News Agency"), and the same words of a name in
    other capitals ("National Central news Agency"). At least two other English reports must agree, and the
    differing words must be a replacement, not an added or dropped word. Rows carry ``source``."""
    texts = {s: corpus.texts[s] for s in report_sources(corpus)}
    if len(texts) < DEPARTURE_MIN_OTHERS + 1:
        return []  # no wording to depart from
    runs = {source: _unquoted_runs(text) for source, text in texts.items()}
    rows = _wording_departures(texts, runs) + _capital_departures(texts, runs)
    return _merge_departures(rows)


def _unquoted_runs(text: str) -> list[list[Token]]:
    """Runs of words outside quotation marks, each within one line and one clause (no word pair of a run
    straddles a quotation, a line break or punctuation other than a hyphen or apostrophe)."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    runs: list[list[Token]] = [[]]
    q = 0
    for word in _initialisms_joined(text, article_words(text)):
        while q < len(quoted) and quoted[q][1] <= word.start:
            q += 1
        if q < len(quoted) and quoted[q][0] <= word.start:
            runs.append([])
            continue
        if runs[-1] and not _SPACES.fullmatch(text, runs[-1][-1].end, word.start):
            runs.append([])
        runs[-1].append(word)
    return [run for run in runs if run]


def _initialisms_joined(text: str, words: list[Token]) -> list[Token]:
    """ "U.N." as one word "UN" (so that it compares equal to "UN")."""
    joined: list[Token] = []
    for word in words:
        previous = joined[-1] if joined else None
        if (previous and len(word.text) == 1 and word.text.isupper() and text[previous.end:word.start] == "."
                and previous.text.replace(".", "").isupper() and len(previous.text.replace(".", "")) < 4):
            joined[-1] = Token(previous.text.replace(".", "") + word.text, previous.start, word.end)
        else:
            joined.append(word)
    return joined


COMMON_ZIPF = 5.5  # a side of an anchor needs a word rarer than this (not only "the", "of", "in")
TELLING_ZIPF = 5.0  # and one side a word rarer than this ("Department", "Affairs")


def _word_flags(keys: list[str], seen: dict[str, tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Prefix counts of the words of a run that are not common (``COMMON_ZIPF``) and that are telling
    (``TELLING_ZIPF``). An anchor is telling when each side holds a word that is not common and one side a
    telling word ("Department of … Affairs", not "of the … in"): with prefix counts, two subtractions per side.
    ``seen`` memoises each word's two flags (a corpus repeats its words)."""
    uncommon, telling = [0], [0]
    for key in keys:
        flags = seen.get(key)
        if flags is None:
            frequency = zipf(key)
            flags = seen[key] = (int(frequency < COMMON_ZIPF), int(frequency < TELLING_ZIPF and key.isalpha()))
        uncommon.append(uncommon[-1] + flags[0])
        telling.append(telling[-1] + flags[1])
    return uncommon, telling


FUNCTION_KEYS = frozenset(
    "the a an of in on at to for with from by and or but nor is was are were be been being has have had do does "
    "did it its that this these those which who whom he she they we i you him her them his their our as not no "
    "so than then there here will would can could may might shall should must also".split()
)


def _content(words: tuple[str, ...]) -> bool:
    """Whether some word is more than a function word ("US" counts: in news it is the country)."""
    return any(w not in FUNCTION_KEYS and re.search(r"[a-z]", w) for w in words)


class _Printers:
    """The sources that print one middle at one anchor, counted rather than listed (an anchor of a famous
    sentence is printed by hundreds of outlets): how many, the first one and where it prints the middle (a
    run's words and the middle's word positions, its first place there), and the last one (a source's runs
    are read together, so comparing with the last counts each source once)."""

    __slots__ = ("count", "first", "where", "last")

    def __init__(self, source: str, where: tuple[list[Token], int, int]) -> None:
        self.count, self.first, self.where, self.last = 1, source, where, source

    def add(self, source: str) -> None:
        if source != self.last:
            self.count, self.last = self.count + 1, source

    def span(self) -> tuple[int, int]:
        """The first source's (start, end) of the middle."""
        words, i, j = self.where
        return words[i].start, words[j - 1].end


class _Anchor:
    """The middles printed between one anchor's words (middle -> :class:`_Printers`, in the order first read),
    and, for the rare source that prints several middles here, which ones (the last source read and its first
    middle are kept to notice it)."""

    __slots__ = ("by_middle", "source", "middle", "several")

    def __init__(self) -> None:
        self.by_middle: dict[tuple, _Printers] = {}
        self.source = self.middle = None
        self.several: dict[str, set[tuple]] | None = None  # made when first needed: most anchors never do

    def add(self, middle: tuple, source: str, where: tuple[list[Token], int, int]) -> None:
        printers = self.by_middle.get(middle)
        if printers is None:
            self.by_middle[middle] = _Printers(source, where)
        else:
            printers.add(source)
        if source != self.source:
            self.source, self.middle = source, middle
        elif middle != self.middle:
            if self.several is None:
                self.several = {}
            self.several.setdefault(source, {self.middle}).add(middle)

    def prints(self, source: str, middle: tuple) -> bool:
        """Whether ``source``, which prints a middle of its own here, prints ``middle`` here too."""
        return self.several is not None and middle in self.several.get(source, ())


def _wording_departures(texts: dict[str, str], runs: dict[str, list[list[Token]]]) -> list[dict]:
    # anchor -> its middles and who prints them, counted (see _Anchor): most anchors have one middle that
    # every source prints, and an anchor's memory does not grow with the outlets that print it
    index: dict[tuple, _Anchor] = {}
    seen: dict[str, tuple[int, int]] = {}
    key_of = WordKeys()  # one key string per word form, however many anchors hold it
    for source, source_runs in runs.items():
        for words in source_runs:
            keys = tuple(key_of[w.text] for w in words)
            uncommon, telling = _word_flags(keys, seen)
            for (before, after), most in DEPARTURE_ANCHORS:
                for i in range(before, len(words)):
                    if before and uncommon[i] == uncommon[i - before]:
                        continue  # the left side is common words only: not a telling anchor
                    for m in range(1, most + 1):
                        j = i + m  # first word of the right side
                        if j + after > len(words):
                            break
                        if (after and uncommon[j + after] == uncommon[j]) or (
                                telling[i] == telling[i - before] and telling[j + after] == telling[j]):
                            continue
                        anchor = (before, after, *keys[i - before:i], *keys[j:j + after])  # one flat tuple
                        found = index.get(anchor)
                        if found is None:
                            found = index[anchor] = _Anchor()
                        found.add(keys[i:j], source, (words, i, j))
    rows = []
    for anchor, found in index.items():
        one_sided = not (anchor[0] and anchor[1])  # no words before or none after
        for source, middle, span, usual, others in _lone_middles(found):
            if not _replacement(middle, usual) or (one_sided and not _variant_spelling(middle, usual)) \
                    or _house_spelling(middle, usual):
                continue
            start, end = others.span()
            words, i, j = others.where
            left, right = words[i - anchor[0]:i], words[j:j + anchor[1]]
            printed = texts[others.first][start:end]
            text = texts[source]
            mine = text[span[0]:span[1]]
            if not _capitalised(mine.split()) or _abbreviation(mine, printed):
                continue  # a name put in common words is a rewrite's choice; "Eastern Time" is "ET" spelled out
            if not (_inside_name(printed, left, right) or _variant_spelling(middle, usual)):
                continue  # ordinary wording: rewrites may choose other words outside a fixed name
            rows.append({"source": source, **row(span[0], span[1], "departure",
                         f"‘{text[span[0]:span[1]]}’: the {others.count} other reports that print the words "
                         f"around it print ‘{printed}’ here")})
    return rows


NAME_JOINERS = frozenset("of the and for on de du des la le von van der al".split())


def _capitalised(words: list[str]) -> bool:
    """Whether every word but name joiners ("of", "the", "de") starts with a capital, and one does."""
    content = [w for w in words if w.lower() not in NAME_JOINERS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _abbreviation(one: str, other: str) -> bool:
    """Whether one form is the initials of the other ("ET" and "Eastern Time", "UN" and "United Nations")."""
    for short, long in ((one, other), (other, one)):
        initials = "".join(w[0] for w in long.split() if w[:1].isupper())
        if short.replace(".", "").isupper() and short.replace(".", "") == initials:
            return True
    return False


def _inside_name(printed: str, left: list[Token], right: list[Token]) -> bool:
    """Whether what the other outlets print is part of a fixed name (an organisation, a newspaper, a title):
    it is capitalised, and so is the word next to it on one side ("Department of US Affairs",
    "National Central News Agency"); a number beside it ("2022-12-23 Ruritania's") is no name's word.
    Outside names, rewrites legitimately choose other words."""
    if not _capitalised(printed.split()):
        return False
    neighbours = [side[0].text for side in (right,) if side] + [side[-1].text for side in (left,) if side]
    return any(w[:1].isupper() and w.lower() not in NAME_JOINERS for w in neighbours)


def _replacement(middle: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """Words replaced (not added, dropped or shuffled), neither side a date word, ends differing."""
    if abs(len(middle) - len(usual)) > 1 or middle[0] == usual[0] or middle[-1] == usual[-1]:
        return False
    if set(middle) & set(usual) or (set(middle) | set(usual)) & SHIFTING_WORDS:
        return False
    return _content(middle) and _content(usual)


def _house_spelling(middle: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """One word in British and American house style ("Defence" / "Defense"): the outlet's style, not damage."""
    return len(middle) == len(usual) == 1 and _house_style(middle[0], usual[0])


def _variant_spelling(middle: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """One word against one word of the same stem ("Nation's" for "National"): a one-sided anchor is weak
    evidence, so only such near-spellings count there."""
    from rapidfuzz.fuzz import ratio

    if not (len(middle) == len(usual) == 1) or middle[0].startswith(usual[0]) or usual[0].startswith(middle[0]):
        return False  # "Island" and "Islander", "Smith" and "Smith's": one word in two grammatical forms
    return ratio(middle[0], usual[0]) >= 70


def _lone_variants(by_source: dict[str, dict[tuple, tuple[int, int]]]):
    """(source, middle, span, usual middle, other sources) where one source departs from all the others."""
    if len(by_source) < DEPARTURE_MIN_OTHERS + 1:
        return
    printers = Counter(m for middles in by_source.values() for m in middles)  # sources printing each middle
    for source, middles in by_source.items():
        # the others print one middle and none of this source's: every middle of this source is its own, and
        # one middle is left over (counted once per source, so an anchor of n outlets costs n, not n²)
        if len(printers) != len(middles) + 1 or any(printers[m] != 1 for m in middles):
            continue
        [common] = set(printers) - set(middles)
        others = [s for s in by_source if s != source]
        for middle, span in middles.items():
            yield source, middle, span[:2], common, others


def _lone_middles(anchor: _Anchor):
    """:func:`_lone_variants` of an anchor's middles: (source, middle, span, usual middle, the usual middle's
    :class:`_Printers`) where one source alone prints each of its middles and every other source prints one
    other middle."""
    by_middle = anchor.by_middle
    if len(by_middle) < 2:
        return  # every source prints the same words here
    alone: dict[str, list[tuple]] = {}  # source -> the middles only it prints
    for middle, printers in by_middle.items():
        if printers.count == 1:
            alone.setdefault(printers.first, []).append(middle)
    for source, middles in alone.items():
        if len(middles) != len(by_middle) - 1:
            continue
        mine = set(middles)
        [common] = [m for m in by_middle if m not in mine]
        others = by_middle[common]
        if anchor.prints(source, common) or others.count < DEPARTURE_MIN_OTHERS:
            continue
        for middle in middles:
            yield source, middle, by_middle[middle].span(), common, others


def _capital_departures(texts: dict[str, str], runs: dict[str, list[list[Token]]], n: int = 4) -> list[dict]:
    """The same words of a name with other capitals ("National Central news Agency")."""
    forms: dict[tuple, dict[str, dict[tuple, tuple[int, int]]]] = {}
    for source, source_runs in runs.items():
        for words in source_runs:
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if not all(w.text.isalpha() for w in gram) or sum(w.text[0].isupper() for w in gram) < n - 1:
                    continue
                forms.setdefault(tuple(w.text.lower() for w in gram), {}).setdefault(source, {}).setdefault(
                    tuple(w.text for w in gram[1:]), (gram[0].start, gram[-1].end))
    rows = []
    for by_source in forms.values():
        for source, form, span, usual, others in _lone_variants(by_source):
            text = texts[source]
            rows.append({"source": source, **row(span[0], span[1], "departure",
                         f"‘{text[span[0]:span[1]]}’: the {len(others)} other reports write "
                         f"‘{' '.join(usual)}’ with other capitals"), "severity": 1})
    return rows


def _merge_departures(rows: list[dict]) -> list[dict]:
    """Per source, of overlapping departures keep the shortest (the words that differ, no more)."""
    merged: list[dict] = []
    for source in sorted({r["source"] for r in rows}):
        kept: list[dict] = []
        for r in sorted((r for r in rows if r["source"] == source), key=lambda r: (r["end"] - r["start"], r["start"])):
            if not any(r["start"] < k["end"] and k["start"] < r["end"] for k in kept):
                kept.append(r)
        merged += sorted(kept, key=lambda r: r["start"])
    return merged


