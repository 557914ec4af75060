"""copy_slip: a word one letter away from the word every other copy prints between the same words.

When several outlets print one sentence word for word, the words they agree on are the best dictionary. A
word that only this copy prints, between the same neighbours (``ANCHORS``: words before and after) where at least
``MIN_AGREEING`` other copies agree on one other word, and that is one letter away from it, is a slip of
copying, typing, OCR or a spinner: "at its hear, the company" where the others print "heart", "Jane Smtih" for
"Smith", "Li Gan" for "Li Gang". Real words count too (that is the point: wordfreq
knows "hear" and "then"). Not flagged: grammatical forms of one word that are both English words ("comment" /
"comments", "remark" / "remarked": an editor's choice), British and American spellings of one word
(``lexicon/house_spellings.csv``), numbers, and words differing only in capitals (``name_variant``'s job).

Cost: one pass over every in-scope article's words to tally each word's context (a 64-bit hash of its
neighbours, in numpy arrays: how many copies print it, and whether they print different words there), one
pass to gather the words of the contexts where copies differ, and one over those words alone: linear in the
corpus's length (the tally is sorted a logarithmic number of times, see :func:`_shared_contexts`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import NamedTuple

import numpy as np

from .. import lexicon
from ..text import Token, normalise_word
from .registry import register, row
from .spelling import one_edit
from .words import zipf
from .util import article_words, in_scope_sources

ANCHORS = ((2, 1), (1, 2), (3, 0), (0, 3))  # (words before, words after) that must read the same in the other copies
MIN_AGREEING = 2  # other copies that must print the usual word in that context
MIN_AGREEING_WORDS = 3  # the same when both are English words ("hear" / "heart", not "past" / "last")
AGREEMENT = 0.8  # share of the other copies' words in that context that must be the usual word
MIN_LETTERS = 3  # shorter words ("a"/"an", "on"/"in") differ by a letter as a matter of grammar
KNOWN_ZIPF = 2.5  # both forms at least this frequent in English: a grammatical form, not a slip
INFLECTIONS = ("s", "es", "d", "ed", "'s", "r", "er", "n")  # endings that make another form of one word
MIN_BATCH = 1 << 20  # contexts (8 MB) gathered before the first merge into the tally (see _shared_contexts)
NO_CONTEXT = np.uint64(0)  # where an anchor does not fit (a hash of 0 is read as none: 2**-64 a context)
ANCHOR_SEEDS = tuple(np.uint64(seed) for seed in (0x9E3779B97F4A7C15, 0xD1B54A32D192ED03, 0x8CB92BA72F3D8DD7,
                                                  0xF1357AEA2E62A9C5))  # one per anchor: arbitrary odd constants


@functools.cache
def _house_spellings() -> tuple[tuple[str, str], ...]:
    """(British fragment, American fragment) pairs: "our"/"or", "ise"/"ize" (``lexicon/house_spellings.csv``)."""
    return tuple((r["british"], r["american"]) for r in lexicon.table("house_spellings"))


def _house_style(a: str, b: str) -> bool:
    """Whether two spellings are one word in British and American house style ("labour"/"labor")."""
    for british, american in _house_spellings():
        for x, y in ((a, b), (b, a)):
            at = x.find(british)
            while at >= 0:
                if x[:at] + american + x[at + len(british):] == y:
                    return True
                at = x.find(british, at + 1)
    return False


def _grammatical_form(a: str, b: str) -> bool:
    """Whether the two words are forms of one stem with inflection endings ("violates" / "violated",
    "has" / "had", "comment" / "comments"), both English words."""
    stems = [{w} | {w[:-len(e)] for e in INFLECTIONS if w.endswith(e) and len(w) > len(e) + 1} for w in (a, b)]
    return bool(stems[0] & stems[1]) and zipf(a) >= KNOWN_ZIPF and zipf(b) >= KNOWN_ZIPF


def _usual_base_form(printed: str, word: str, usual: str) -> bool:
    """Whether the copy prints the base form of the others' word, and that base form is the more usual
    English ("the ammunition" where the others print the rare "ammunitions"): the copy wrote standard English,
    not a slip. Names (capitalised) stay rows: "The Daily New" for "The Daily News" is a damaged name."""
    return (printed.islower() and any(usual == word + ending for ending in INFLECTIONS)
            and zipf(word) >= KNOWN_ZIPF and zipf(word) > zipf(usual))


def slip(printed: str, usual_printed: str) -> str | None:
    """How the word ``printed`` differs from ``usual_printed`` when it is a slip ("a letter missing"), else None."""
    word, usual = normalise_word(printed), normalise_word(usual_printed)
    if min(len(word), len(usual)) < MIN_LETTERS or not word.replace("'", "").isalpha() or not usual.replace("'", "").isalpha():
        return None
    if word.replace("'", "") == usual.replace("'", "") and word != usual:
        return "an apostrophe added or lost"  # "it's" for "its", "Smiths" for "Smith's"
    if _grammatical_form(word, usual) or _house_style(word, usual) or _usual_base_form(printed, word, usual):
        return None
    how = one_edit(word, usual)
    if how == "one letter changed" and printed.islower() and zipf(word) >= KNOWN_ZIPF and zipf(usual) >= KNOWN_ZIPF:
        return None  # between two English words a changed letter is as often another word chosen ("worse" / "worst")
    return how


def _shared_contexts(corpus, sources: list[str], vocabulary: "_Vocabulary"
                     ) -> tuple[np.ndarray, dict[str, "_Numbered"]]:
    """The contexts that more than ``MIN_AGREEING`` copies print and where copies print two or more different
    words (only these can show a slip), sorted; and each source's words as numbers (:class:`_Numbered`, read
    once here for both passes).

    Counted over compact arrays: each copy's distinct contexts wait in a batch that is merged into the tally
    when it is as large as the tally, so memory holds about twice the distinct contexts, never the corpus's
    every context, and each context is sorted a logarithmic number of times (the tally at least doubles
    between two merges that re-sort it)."""
    tally = _Tally.empty()
    batch: list[_Tally] = []
    waiting = 0
    numbered: dict[str, _Numbered] = {}
    for source in sources:
        text = corpus.texts[source]
        words = article_words(text)
        forms = [vocabulary(w.text) for w in words]
        numbered[source] = _Numbered.of(text, words, forms)
        contexts = _context_array(numbered[source])
        numbers = np.fromiter((form[2] for form in forms), dtype=np.int64, count=len(words))
        fits = contexts != NO_CONTEXT
        found = _Tally.of(contexts[fits], np.broadcast_to(numbers[:, None], contexts.shape)[fits])
        batch.append(found._replace(copies=np.ones(len(found.contexts), dtype=np.int64)))  # one copy each
        waiting += len(found.contexts)
        if waiting >= max(len(tally.contexts), MIN_BATCH):
            tally, batch, waiting = _Tally.merged([tally, *batch]), [], 0
    tally = _Tally.merged([tally, *batch])
    return tally.contexts[(tally.copies > MIN_AGREEING) & (tally.lowest != tally.highest)], numbered


class _Tally(NamedTuple):
    """Distinct contexts (sorted), how many copies print each, and the lowest and highest number of a word
    printed there (they differ where copies print different words)."""

    contexts: np.ndarray
    copies: np.ndarray
    lowest: np.ndarray
    highest: np.ndarray

    @classmethod
    def empty(cls) -> _Tally:
        return cls(np.empty(0, dtype=np.uint64), *(np.empty(0, dtype=np.int64) for _ in range(3)))

    @classmethod
    def of(cls, contexts: np.ndarray, words: np.ndarray) -> _Tally:
        """The tally of one copy's (context, word number) pairs (``copies`` counts the pairs)."""
        return cls.merged([cls(contexts, np.ones(len(contexts), dtype=np.int64), words, words)])

    @classmethod
    def merged(cls, parts: list[_Tally]) -> _Tally:
        """One tally of several: copies summed, lowest and highest kept."""
        contexts, copies, lowest, highest = (np.concatenate(column) for column in zip(*parts))
        if not len(contexts):
            return cls(contexts, copies, lowest, highest)
        order = np.argsort(contexts, kind="stable")
        contexts = contexts[order]
        starts = np.flatnonzero(np.r_[True, contexts[1:] != contexts[:-1]])
        return cls(contexts[starts], np.add.reduceat(copies[order], starts),
                   np.minimum.reduceat(lowest[order], starts), np.maximum.reduceat(highest[order], starts))


def _usual(words: dict[str, list], key: str, source: str) -> tuple[int, str] | None:
    """(how many other copies print it, the form they print) for the word that more other copies print here
    than print ``key``, at least ``MIN_AGREEING`` of them, and at least ``AGREEMENT`` of the printings of other
    words. Counted, not collected: a context printed by n copies costs its number of words, not n."""
    others = {w: len(found[0]) - (source in found[0]) for w, found in words.items() if w != key}
    usual = max(sorted(others), key=others.__getitem__)
    total = sum(others.values())
    if others[usual] < MIN_AGREEING or others[usual] < AGREEMENT * total:
        return None
    if others[usual] <= len(words[key][0]):
        return None  # as many copies print this word: no usual form to depart from
    return others[usual], words[usual][1]


class _Vocabulary:
    """Each word form's comparison key (lower case, one apostrophe), a number for its neighbour form (the key
    without a possessive ending) and a number for its key, shared by every article of a corpus: a corpus
    repeats its words."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, int, int]] = {}
        self.numbers: dict[str, int] = {}

    def __call__(self, word: str) -> tuple[str, int, int]:
        found = self.forms.get(word)
        if found is None:
            key = normalise_word(word).replace("ʼ", "'")
            found = self.forms[word] = (key, self._number(key.removesuffix("'s")), self._number(key))
        return found

    def _number(self, form: str) -> int:
        return self.numbers.setdefault(form, len(self.numbers))


class _Numbered(NamedTuple):
    """One article's words as compact numbers, read from its tokens once for both passes of
    :func:`copy_slips`: each word's neighbour-form number (:class:`_Vocabulary`) and its paragraph."""

    neighbours: np.ndarray  # uint32: a corpus has fewer than 2**32 word forms
    paragraphs: np.ndarray  # int32

    @classmethod
    def of(cls, text: str, words: list[Token], forms: list[tuple[str, int, int]]) -> _Numbered:
        """``forms``: :class:`_Vocabulary`'s answer for each word."""
        # a word never spans a line break, so a paragraph's words are a run of the text's words
        breaks = np.array(_line_breaks(text), dtype=np.int64)
        starts = np.fromiter((w.start for w in words), dtype=np.int64, count=len(words))
        return cls(np.fromiter((form[1] for form in forms), dtype=np.uint32, count=len(words)),
                   np.searchsorted(breaks, starts).astype(np.int32))


def _context_array(numbered: _Numbered) -> np.ndarray:
    """For each word (rows) of an article and anchor of ``ANCHORS`` (columns), the hash of its neighbours
    (``NO_CONTEXT`` where the anchor does not fit within the word's paragraph).

    A context is a 64-bit hash of the anchor and its neighbours' numbers: two contexts with one hash count as
    one, as they did when they were Python tuple hashes (at 2**-64 a pair, never in a corpus)."""
    numbers, paragraph = numbered.neighbours.astype(np.uint64), numbered.paragraphs
    contexts = np.full((len(numbers), len(ANCHORS)), NO_CONTEXT, dtype=np.uint64)
    for n, (before, after) in enumerate(ANCHORS):
        at = np.arange(before, len(numbers) - after)
        fits = (paragraph[at - before] == paragraph[at]) & (paragraph[at + after] == paragraph[at])
        at = at[fits]
        mixed = np.full(len(at), ANCHOR_SEEDS[n], dtype=np.uint64)
        for offset in (*range(-before, 0), *range(1, after + 1)):
            mixed = _mix(mixed ^ numbers[at + offset])
        contexts[at, n] = mixed
    return contexts


def _line_breaks(text: str) -> list[int]:
    found, at = [], text.find("\n")
    while at >= 0:
        found.append(at)
        at = text.find("\n", at + 1)
    return found


def _mix(values: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64's): every input bit moves every output bit."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _hits(numbered: _Numbered, wanted: np.ndarray) -> tuple[np.ndarray, ...]:
    """(word numbers in the article, anchor numbers, contexts) of every word and anchor whose context is in
    ``wanted`` (sorted), in text order and, for one word, in the order of ``ANCHORS``: compact, to be read
    again."""
    contexts = _context_array(numbered)
    flat = contexts.ravel()
    at = np.searchsorted(wanted, flat).clip(max=max(len(wanted) - 1, 0))
    hits = np.flatnonzero(wanted[at] == flat) if len(wanted) else np.empty(0, dtype=np.int64)
    return (hits // len(ANCHORS)).astype(np.int32), (hits % len(ANCHORS)).astype(np.int8), flat[hits]


def _read(words: list[Token], vocabulary: _Vocabulary, hits: tuple[np.ndarray, ...]):
    """(word token, its key, anchor number, context) for each of :func:`_hits` (``words``: the article's)."""
    for at, anchor, context in zip(*(column.tolist() for column in hits)):
        token = words[at]
        yield token, vocabulary(token.text)[0], anchor, context


@register("copy_slip", severity=2, colour="#ffb3c6", scope="corpus",
          explanation="‘{text}’: one letter away from the word every other copy prints between the same words",
          confirmed_by=("typo", "misspel", "dropped", "letter", "ocr"))
def copy_slips(corpus, quotes=None) -> list[dict]:
    """Words one letter away from the word that the other copies of the same sentence agree on."""
    sources = in_scope_sources(corpus)
    if len(sources) <= MIN_AGREEING:
        return []  # no copies to agree
    vocabulary = _Vocabulary()
    shared_contexts, numbered = _shared_contexts(corpus, sources, vocabulary)
    printed: dict[int, dict[str, list]] = defaultdict(dict)  # context -> word -> [sources, form as printed]
    hits = {}
    for source in sources:
        hits[source] = _hits(numbered.pop(source), shared_contexts)
        for token, key, _, context in _read(article_words(corpus.texts[source]), vocabulary, hits[source]):
            printed[context].setdefault(key, [set(), token.text])[0].add(source)
    del shared_contexts
    rows = []
    for source in sources:
        text = corpus.texts[source]
        flagged: set[int] = set()  # word starts already reported (each anchor may find the same word)
        for token, key, anchor, context in _read(article_words(text), vocabulary, hits.pop(source)):
            words = printed[context]
            if token.start in flagged or (0 in ANCHORS[anchor] and not token.text[:1].isupper()):
                continue  # a one-sided anchor is weak evidence: only a name's spelling is judged on it
            found = _usual(words, key, source)
            if not found:
                continue
            agreeing, form = found
            if agreeing < MIN_AGREEING_WORDS and zipf(key) >= KNOWN_ZIPF and zipf(form) >= KNOWN_ZIPF \
                    and key.islower() and form.islower():
                continue  # two English words: an editor's or transcriber's choice unless many copies agree
            how = slip(token.text.replace("ʼ", "'"), form.replace("ʼ", "'"))
            if how:
                flagged.add(token.start)
                rows.append({"source": source, **row(token.start, token.end, "copy_slip",
                             f"‘{token.text}’: {how}; the {agreeing} other copies that print the same "
                             f"words around it print ‘{form}’ here")})
    return rows
