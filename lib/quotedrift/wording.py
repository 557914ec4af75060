"""Comparable words: the tokens that alignment and drift compare, with their raw spans.

A quotation is compared word by word after *cosmetic normalisation*: case, apostrophe and quote style,
US/UK spelling (rumour/rumor, programme/program, defence/defense, -ise/-ize), "can not"/"cannot", contractions
("It's"/"It is", from ``lexicon/contractions.csv``), dotted abbreviations (the dots of "A.B." dropped) and
thousands separators ("3,000"/"3 000"/"3000"). What normalisation hides is by definition a cosmetic edit; whatever
survives it is editorial or substantive. Each token keeps its span in the article, whether it stood inside brackets (an editor's
insertion) and whether an ellipsis stood before it (an elision).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from difflib import SequenceMatcher

from rapidfuzz.distance import LCSseq

from .lexicon import table
from .lexicon import words as lexicon_words

# A word: a dotted abbreviation, or letters/digits with inner apostrophes. Hyphens split words, so that
# "one-sided" and "one sided" compare equal (the hyphen is a cosmetic punctuation difference).
# A number with thousands separators (comma or space: "3,000", "3 000") is one word, equal to "3000".
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_GROUPED_NUMBER_RE = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+")
ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…")
_ABBREVIATION_RE = re.compile(r"(?:[a-z]\.){2,}")
_BRACKET_RE = re.compile(r"[\[\]()]")


STOPWORDS = lexicon_words("function_words")  # words with no meaning of their own (lexicon/function_words.csv)

# UK → US spelling rules, applied to both sides so that the two spellings normalise to one form.
_SPELLING_RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(programme)(s?)$"), r"program\2"),
    (re.compile(r"^(.{2,})our(s|ed|ing|ful|ite|ites|able)?$"), r"\1or\2"),
    (re.compile(r"^(.{3,})is(e|es|ed|ing|ation|ations)$"), r"\1iz\2"),
    (re.compile(r"^(defen|offen|licen|preten)ce(s?)$"), r"\1se\2"),
    (re.compile(r"^(cent|theat|met|lit|fib)re(s?)$"), r"\1er\2"),
    (re.compile(r"^(.{3,}[aeiou])ll(ed|ing|er)$"), r"\1l\2"),
)


class Word(NamedTuple):
    """One comparable token: normalised form, raw text and span, editorial marks around it, and whether it
    carries meaning (a tuple: millions are made for a large corpus)."""

    norm: str
    raw: str
    start: int
    end: int
    bracketed: bool = False
    after_ellipsis: bool = False
    is_content: bool = False


@functools.lru_cache(maxsize=200_000)
def is_content_word(norm: str) -> bool:
    """A word that carries meaning (not a function word, not a single letter)."""
    return norm not in STOPWORDS and (len(norm) > 1 or norm.isdigit())


def us_spelling(word: str) -> str:
    """The US spelling of a lower-case word under a few regular UK/US rules (idempotent)."""
    for pattern, replacement in _SPELLING_RULES:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


@functools.lru_cache(maxsize=200_000)
def normalise(raw: str) -> tuple[str, ...]:
    """Normal forms of one raw token (``cannot`` gives two: ``can``, ``not``); cached, words repeat."""
    word = raw.lower().replace("’", "'")
    if _ABBREVIATION_RE.fullmatch(word):
        return (word.replace(".", ""),)
    if _GROUPED_NUMBER_RE.fullmatch(word):
        return (re.sub(r"\D", "", word),)
    if word == "cannot":
        return ("can", "not")
    expanded = contractions().get(word)
    if expanded:
        return expanded
    return (us_spelling(word),)


@functools.cache
def contractions() -> dict[str, tuple[str, ...]]:
    """Contraction → the words it stands for (``lexicon/contractions.csv``): "it's" and "it is" compare equal."""
    return {row["contraction"]: tuple(row["expansion"].split()) for row in table("contractions")}


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Comparable words of ``text[start:end]`` with their spans and editorial marks."""
    end = len(text) if end is None else end
    depth = _bracket_depths(text, start, end) if _BRACKET_RE.search(text, start, end) else None
    result: list[Word] = []
    previous_end = start
    for match in TOKEN_RE.finditer(text, start, end):
        raw, token_start = match.group(), match.start()
        gap = text[previous_end:token_start]
        elided = bool(result) and bool(gap.strip()) and bool(ELLIPSIS_RE.search(gap))
        bracketed = depth is not None and depth[token_start - start] > 0
        for norm in normalise(raw):
            result.append(Word(norm, raw, token_start, match.end(), bracketed, elided, is_content_word(norm)))
            elided = False
        previous_end = match.end()
    return result


def _bracket_depths(text: str, start: int, end: int) -> list[int]:
    """Bracket depth ([ ] and ( )) at each character of the span."""
    depths, depth = [], 0
    for char in text[start:end]:
        if char in "[(":
            depth += 1
        depths.append(depth)
        if char in "])" and depth:
            depth -= 1
    return depths


def content_bigrams(norms: list[str]) -> set[tuple[str, str]]:
    """Pairs of consecutive content words (function words skipped): the shingles of the candidate index."""
    content = [w for w in norms if is_content_word(w)]
    return set(zip(content, content[1:]))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem (plural, -ed, -ing, -ly) for comparing the words around a quotation."""
    for suffix in ("ingly", "ing", "edly", "ed", "ly", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def run_position(longer, shorter, start: int = 0, end: int | None = None) -> int | None:
    """Where ``shorter`` first stands as a contiguous run inside ``longer[start:end]`` (an index of ``longer``),
    else None."""
    n, end = len(shorter), len(longer) if end is None else end
    return next((i for i in range(start, end - n + 1) if longer[i:i + n] == shorter), None)


def matching_blocks(a: list[str], b: list[str], min_size: int = 1) -> list:
    """Runs of equal words shared by two word lists, in order (longest common subsequence, rapidfuzz's C++
    implementation: ~25× faster than difflib for the many candidate checks). Blocks have ``a``, ``b``, ``size``."""
    return [m for m in LCSseq.opcodes(a, b).as_matching_blocks() if m.size >= min_size]


@functools.lru_cache(maxsize=1 << 16)
def word_opcodes(reference: tuple[str, ...], witness: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes between two word sequences, the edits of :mod:`quotedrift.drift` (memoised: many outlets
    print the same wording)."""
    return SequenceMatcher(None, reference, witness, autojunk=False).get_opcodes()


def rendered_span(reference: tuple[str, ...], witness: tuple[str, ...]) -> tuple[int, int]:
    """The reference words a witness renders, as offsets into ``reference``: from the first to the last reference
    word its opcodes touch. Reference words before the witness's first word or after its last one are words it
    does not quote (a partial quotation), not words it dropped."""
    ops = word_opcodes(reference, witness)
    inner = [(i1, i2) for tag, i1, i2, j1, j2 in ops if not (tag == "delete" and (j1 == 0 or j1 == len(witness)))]
    if not inner or not witness:
        return 0, len(reference)
    return inner[0][0], inner[-1][1]
