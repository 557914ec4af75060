"""copy_slip: a word one letter away from the word every other copy prints between the same words.

When several outlets print one sentence word for word, the words they agree on are the best dictionary. A
word that only this copy prints, between the same neighbours (``ANCHORS``: words before and after) where at least
``MIN_AGREEING`` other copies agree on one other word, and that is one letter away from it, is a slip of
copying, typing, OCR or a spinner: "at its hear, Twitter" where the others print "heart", "Jane Smtih" for
"Smith", "Li Gan" for "Li Gang". Real words count too (that is the point: wordfreq
knows "hear" and "then"). Not flagged: grammatical forms of one word that are both English words ("comment" /
"comments", "remark" / "remarked": an editor's choice), British and American spellings of one word
(``lexicon/house_spellings.csv``), numbers, and words differing only in capitals (``name_variant``'s job).

Cost: one pass over every in-scope article's words to index each word's context (a hash of its neighbours),
one pass to read the contexts that several copies share: linear in the corpus's length.
"""

from __future__ import annotations

import functools
from collections import defaultdict

import numpy as np

from .. import lexicon
from ..text import normalise_word, tokens
from .registry import register, row
from .spelling import one_edit
from .words import zipf

ANCHORS = ((2, 1), (1, 2), (3, 0), (0, 3))  # (words before, words after) that must read the same in the other copies
MIN_AGREEING = 2  # other copies that must print the usual word in that context
MIN_AGREEING_WORDS = 3  # the same when both are English words ("hear" / "heart", not "past" / "last")
AGREEMENT = 0.8  # share of the other copies' words in that context that must be the usual word
MIN_LETTERS = 3  # shorter words ("a"/"an", "on"/"in") differ by a letter as a matter of grammar
KNOWN_ZIPF = 2.5  # both forms at least this frequent in English: a grammatical form, not a slip
INFLECTIONS = ("s", "es", "d", "ed", "'s", "r", "er", "n")  # endings that make another form of one word


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


def slip(printed: str, usual_printed: str) -> str | None:
    """How the word ``printed`` differs from ``usual_printed`` when it is a slip ("a letter missing"), else None."""
    word, usual = normalise_word(printed), normalise_word(usual_printed)
    if min(len(word), len(usual)) < MIN_LETTERS or not word.replace("'", "").isalpha() or not usual.replace("'", "").isalpha():
        return None
    if word.replace("'", "") == usual.replace("'", "") and word != usual:
        return "an apostrophe added or lost"  # "it's" for "its", "Smiths" for "Smith's"
    if _grammatical_form(word, usual) or _house_style(word, usual):
        return None
    how = one_edit(word, usual)
    if how == "one letter changed" and printed.islower() and zipf(word) >= KNOWN_ZIPF and zipf(usual) >= KNOWN_ZIPF:
        return None  # between two English words a changed letter is as often another word chosen ("worse" / "worst")
    return how


def _shared_contexts(corpus, sources: list[str]) -> set[int]:
    """The contexts that more than ``MIN_AGREEING`` copies print (only these can show a slip): counted over
    compact arrays of hashes, so that the corpus's every context never sits in a Python dictionary."""
    per_source = [np.unique(np.fromiter((c for *_, c in _contexts(corpus.texts[s])), dtype=np.int64))
                  for s in sources]
    values, counts = np.unique(np.concatenate(per_source), return_counts=True)
    return set(values[counts > MIN_AGREEING].tolist())


def _usual(words: dict[str, list], key: str, source: str) -> tuple[set[str], str] | None:
    """(the other copies, the form they print) when more other copies print one other word here than print
    ``key``, at least ``MIN_AGREEING`` of them, and at least ``AGREEMENT`` of the printings of other words."""
    others = {w: found[0] - {source} for w, found in words.items() if w != key}
    usual = max(sorted(others), key=lambda w: len(others[w]))
    total = sum(len(s) for s in others.values())
    if len(others[usual]) < MIN_AGREEING or len(others[usual]) < AGREEMENT * total:
        return None
    if len(others[usual]) <= len(words[key][0]):
        return None  # as many copies print this word: no usual form to depart from
    return others[usual], words[usual][1]


def _in_scope(corpus) -> list[str]:
    articles = corpus.articles
    return sorted(articles.loc[articles["in_scope"].astype(bool), "source"])


def _contexts(text: str):
    """(word token, its lower-case form, hash of its neighbours) for every word and every anchor of
    ``ANCHORS`` that fits within its paragraph."""
    for start, end in _paragraphs(text):
        words = tokens(text, start, end)
        keys = [normalise_word(w.text).replace("ʼ", "'") for w in words]
        near = [k.removesuffix("'s") for k in keys]  # neighbours compared without a possessive ending
        for i in range(len(words)):
            for n, (before, after) in enumerate(ANCHORS):
                if i >= before and i + after < len(words):
                    yield words[i], keys[i], n, hash((n, *near[i - before:i], *near[i + 1:i + 1 + after]))


def _paragraphs(text: str):
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            yield start, end
        start = end + 1


@register("copy_slip", severity=2, colour="#ffb3c6", scope="corpus",
          explanation="‘{text}’: one letter away from the word every other copy prints between the same words",
          confirmed_by=("typo", "misspel", "dropped", "letter", "ocr"))
def copy_slips(corpus, quotes=None) -> list[dict]:
    """Words one letter away from the word that the other copies of the same sentence agree on."""
    sources = _in_scope(corpus)
    if len(sources) <= MIN_AGREEING:
        return []  # no copies to agree
    shared_contexts = _shared_contexts(corpus, sources)
    printed: dict[int, dict[str, list]] = defaultdict(dict)  # context -> word -> [sources, form as printed]
    for source in sources:
        for token, key, _, context in _contexts(corpus.texts[source]):
            if context in shared_contexts:
                printed[context].setdefault(key, [set(), token.text])[0].add(source)
    shared = {context: words for context, words in printed.items() if len(words) >= 2}
    del printed, shared_contexts
    rows = []
    for source in sources:
        text = corpus.texts[source]
        flagged: set[int] = set()  # word starts already reported (each anchor may find the same word)
        for token, key, anchor, context in _contexts(text):
            words = shared.get(context)
            if not words or token.start in flagged or (0 in ANCHORS[anchor] and not token.text[:1].isupper()):
                continue  # a one-sided anchor is weak evidence: only a name's spelling is judged on it
            found = _usual(words, key, source)
            if not found:
                continue
            agreeing, form = found
            if len(agreeing) < MIN_AGREEING_WORDS and zipf(key) >= KNOWN_ZIPF and zipf(form) >= KNOWN_ZIPF \
                    and key.islower() and form.islower():
                continue  # two English words: an editor's or transcriber's choice unless many copies agree
            how = slip(token.text.replace("ʼ", "'"), form.replace("ʼ", "'"))
            if how:
                flagged.add(token.start)
                rows.append({"source": source, **row(token.start, token.end, "copy_slip",
                             f"‘{token.text}’: {how}; the {len(agreeing)} other copies that print the same "
                             f"words around it print ‘{form}’ here")})
    return rows
