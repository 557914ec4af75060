"""misspelling and name_variant: words and names that other outlets print another way.

What the other versions of a story print is the best dictionary. A word that no other English report and no
word list knows, one edit (a letter dropped, added, changed or two swapped) away from a word that at least
``MIN_OTHERS`` other reports print, is a misspelling ("Eropean" for "European", "Goverment" for
"Government", "Smtih" for "Smith"); so is a rare word that is a common English word with one letter dropped ("should't").
A name the other reports capitalise one way, printed here another way in running text, is a name variant
("LI Wei" for "Li Wei", "Jane smith's", "received by Von der Berg"). Each row names the form the others print and
how many print it.

Cost: one pass over each article's words, with a deletion index (every word with one letter deleted) of
the corpus vocabulary and of wordfreq's common words: linear in the text's length.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from .registry import register, row
from .words import word_zipf, zipf
from .util import article_words, in_scope_sources

_APOSTROPHES = re.compile(r"['’ʼ]")
MIN_LETTERS = 4  # shorter words have too many neighbours one edit away
MIN_OTHERS = 2  # other reports that must print the word a misspelling is close to
UNKNOWN_ZIPF = 1.0  # below this wordfreq frequency a word is taken as unknown to English
UNKNOWN_ELIDED_ZIPF = 2.0  # the same for a word with an apostrophe (wordfreq splits it, so its pieces count)
COMMON_ZIPF = 3.5  # a dropped-letter misspelling must be close to an English word at least this common
NAME_SHARE = 0.95  # share of the other reports' occurrences that must use one capitalisation for a name
MIN_NAME_OTHERS = 5  # other reports that must print a name in that capitalisation


def _plain(word: str) -> str:
    """The word with every apostrophe character as ' (so "Smith’s" and "Smith's" are one form)."""
    return _APOSTROPHES.sub("'", word)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit(word: str, other: str) -> str | None:
    """How ``word`` differs from ``other`` by one edit, in plain words (None when it is further away)."""
    if len(word) + 1 == len(other) and word in _deletions(other):
        return "a letter missing"
    if len(word) == len(other) + 1 and other in _deletions(word):
        return "a letter too many"
    if len(word) == len(other):
        diff = [i for i in range(len(word)) if word[i] != other[i]]
        if len(diff) == 1:
            return "one letter changed"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]]:
            return "two letters swapped"
    return None


@functools.cache
def _common_deletions() -> dict[str, str]:
    """{common English word with one letter deleted: the word} (the most frequent word wins)."""
    index: dict[str, str] = {}
    for word, value in sorted(word_zipf().items(), key=lambda item: -item[1]):
        if value < COMMON_ZIPF:
            break
        if len(word) >= MIN_LETTERS:
            for shorter in _deletions(word):
                index.setdefault(shorter, word)
    return index


_LAST_VOCABULARY: list = []  # (corpus, sources, vocabulary) of the last call: both detectors share it


def _vocabulary(corpus, sources: list[str]) -> tuple[dict[str, list], dict[str, set[str]]]:
    """Per source its alphabetic words (tokens), and per word form the sources that print it (computed once
    per corpus: the two detectors of this module read the same words)."""
    if _LAST_VOCABULARY and _LAST_VOCABULARY[0] is corpus and _LAST_VOCABULARY[1] == sources:
        return _LAST_VOCABULARY[2]
    found = _words_of(corpus, sources)
    _LAST_VOCABULARY[:] = [corpus, sources, found]
    return found


def _words_of(corpus, sources: list[str]) -> tuple[dict[str, list], dict[str, set[str]]]:
    words = {s: [w for w in article_words(corpus.texts[s]) if _APOSTROPHES.sub("", w.text).isalpha()] for s in sources}
    printed_by: dict[str, set[str]] = defaultdict(set)
    for source, found in words.items():
        for word in found:
            printed_by[word.text].add(source)
    return words, printed_by


@register("misspelling", severity=2, colour="#ffb3c6", scope="corpus",
          explanation="‘{text}’: a word no other report prints, one letter away from a word they do print",
          confirmed_by=("typo", "misspel", "dropped", "letter"))
def misspellings(corpus, quotes=None) -> list[dict]:
    """Non-words one edit away from a word that other reports print (or from a common English word)."""
    sources = in_scope_sources(corpus)
    words, printed_by = _vocabulary(corpus, sources)
    shared = {w for w, by in printed_by.items() if len(by) >= MIN_OTHERS and len(w) >= MIN_LETTERS - 1}
    deleted: dict[str, set[str]] = defaultdict(set)
    for word in shared:
        for shorter in _deletions(word):
            deleted[shorter].add(word)
    rows = []
    for source in sources:
        seen = set()
        for token in words[source]:
            word = token.text
            if word in seen or len(word) < MIN_LETTERS or printed_by[word] != {source}:
                continue
            elided = _APOSTROPHES.search(word) is not None
            if zipf(word) >= (UNKNOWN_ELIDED_ZIPF if elided else UNKNOWN_ZIPF):
                continue
            if elided and ({_APOSTROPHES.sub(mark, word) for mark in "’'"} - {word}) & printed_by.keys():
                continue  # the same word with another apostrophe character (ʼ, ', ’)
            seen.add(word)
            found = _closest(word, source, shared, deleted, printed_by)
            if found:
                rows.append({"source": source, **row(token.start, token.end, "misspelling", f"‘{word}’: {found}")})
    return rows


def _closest(word: str, source: str, shared: set[str], deleted: dict[str, set[str]],
             printed_by: dict[str, set[str]]) -> str | None:
    """The evidence that ``word`` is a misspelling, or None."""
    candidates = set(deleted.get(word, ())) | {w for w in _deletions(word) if w in shared}
    for shorter in _deletions(word):
        candidates |= deleted.get(shorter, set())
    candidates = {c for c in candidates if c[:1].isupper() == word[:1].isupper()}
    if candidates:
        best = max(sorted(candidates), key=lambda c: len(printed_by[c]))
        how = one_edit(word, best)
        if how:
            return f"looks like ‘{best}’ with {how}; {len(printed_by[best])} other reports print ‘{best}’"
    if word.islower() or "'" in word or "’" in word:
        common = _common_deletions().get(word.lower().replace("’", "'"))
        if common and zipf(common) >= COMMON_ZIPF:
            return f"looks like the English word ‘{common}’ with a letter missing"
    return None


@register("name_variant", severity=2, colour="#f7b2f0", scope="corpus",
          explanation="‘{text}’: a name printed with other capitals than every other report prints it",
          confirmed_by=("capitalis", "capitaliz", "lower-case", "lower case", "spelling", "spelled"))
def name_variants(corpus, quotes=None) -> list[dict]:
    """A name the other reports print with one capitalisation ("Li", "Smith", "von"), printed here with
    another in running text (not a headline, not at the start of a sentence)."""
    sources = in_scope_sources(corpus)
    words, _ = _vocabulary(corpus, sources)
    _LAST_VOCABULARY.clear()  # registered after misspellings: the shared words are not needed again
    forms: dict[str, Counter] = defaultdict(Counter)  # lower-case word -> form -> sources printing it
    for source in sources:
        for form in {_plain(w.text) for w in words[source]}:
            forms[form.lower()][form] += 1
    if len(sources) <= MIN_NAME_OTHERS:
        return []  # too few other reports to tell a name's usual capitals
    varied = {key for key, found in forms.items() if len(found) > 1}  # only these words can be variants
    alone: dict[str, Counter] = defaultdict(Counter)  # the same, counting only forms standing as a name
    for source in sources:
        text = corpus.texts[source]
        standalone = set()
        for previous, w in zip([None] + words[source], words[source]):
            if not w.text[:1].isupper() or _plain(w.text).lower() not in varied:
                continue
            after_capital = (previous is not None and previous.text[:1].isupper()
                             and not text[previous.end:w.start].strip())
            if not after_capital and not _sentence_start(text, w.start):
                standalone.add(_plain(w.text))
        for form in standalone:
            alone[form.lower()][form] += 1
    rows = []
    for source in sources:
        text = corpus.texts[source]
        for token in words[source]:
            key = _plain(token.text).lower()
            if key not in varied:
                continue
            found = _case_variant(text, token, forms[key], alone[key])
            if found:
                rows.append({"source": source, **row(token.start, token.end, "name_variant", found)})
    return rows


def _case_variant(text: str, token, forms: Counter, alone: Counter) -> str | None:
    word = _plain(token.text)
    if len(word) < 2 or len(forms) < 2:
        return None
    usual, count = forms.most_common(1)[0]
    others = sum(forms.values()) - 1  # every other report's printing of the word, in any form
    if usual == word or count < MIN_NAME_OTHERS or count < NAME_SHARE * others:
        return None
    if usual[:1].isupper() and alone[usual] < MIN_NAME_OTHERS:
        return None  # capitalised only at sentence starts or inside a longer name ("United States")
    if usual.isupper() and (word[:1].isupper() or word.islower()):
        return None  # an acronym in title case ("Nato" for "NATO": a house style) or a word ("us", "who")
    if not (usual[:1].isupper() or usual.islower()):
        return None
    if word[:1].isupper() and (_sentence_start(text, token.start) and not _capitals_before_name(text, token, usual)
                               or usual.islower() and zipf(usual) >= 3.0 and usual not in _particles()):
        return None  # a capitalised word ("The", "Of") in a title; a name's particle ("von") is still judged
    if _shouting_line(text, token.start) or _shouting_neighbour(text, token):
        return None
    return f"the other reports print ‘{usual}’ ({count} of them), never ‘{word}’"


def _capitals_before_name(text: str, token, usual: str) -> bool:
    """Whether a name the others print in Title Case ("Xi") stands here in capitals at a sentence start and
    runs on into the rest of the name ("XI Jinping"): a capital starts a sentence, capitals do not (a dateline,
    "BEIJING —", is followed by punctuation, not by a name)."""
    word = _plain(token.text)
    if not (word.isupper() and len(word) > 1 and usual[:1].isupper() and not usual.isupper()):
        return False
    after = text[token.end:token.end + 40]
    return bool(re.match(r" [A-Z][a-z]", after))


@functools.cache
def _particles() -> frozenset[str]:
    """Lower-case particles of names ("von", "der", "bin"): ``lexicon/name_particles.csv``."""
    from .. import lexicon

    return frozenset(r["value"].lower() for r in lexicon.table("name_particles") if r["kind"] == "particle")


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?:\n"


def _shouting_neighbour(text: str, token) -> bool:
    """Whether a word in capitals stands next to another (a lead-in in capitals: "WHAT NEXT FOR SMITH?")."""
    if not token.text.isupper():
        return False
    near = text[max(0, token.start - 30):token.end + 30].split()
    return sum(w.strip(".,:;?!").isupper() and len(w.strip(".,:;?!")) > 1 for w in near) >= 2


def _shouting_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is a headline: in capitals or in Title Case."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    longer = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    if len(line.split()) < 5:
        return True  # a label or a tag line, not running text
    capitals = sum(w[:1].isupper() for w in longer)
    return capitals >= 0.6 * len(longer) or sum(w.isupper() for w in longer) >= 0.5 * len(longer)
