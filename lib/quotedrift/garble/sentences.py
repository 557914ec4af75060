"""broken_sentence: sentences run together without a space ("warning.Mi"), a paragraph cut mid-word."""

from __future__ import annotations

import functools
import re

from ..text import ABBREVIATIONS, Token, tokens
from ..wordcache import cached
from .registry import register, row
from .words import word_zipf, zipf


_RUN_ON = re.compile(r"(?<![\w.@/])(?P<left>[A-Za-z]*[a-z]{2}[”\"’)\]]?[.!?][\"”’“]?)(?P<right>[A-Z][a-z]+)")
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|kp|kr|uk|fr|de|ru)\b|@|/", re.IGNORECASE)


@register("broken_sentence", severity=1, colour="#ffd8a8",
          explanation="‘{text}’: sentences run together, or a paragraph cut off mid-word",
          confirmed_by=("truncated", "glued", "cut off", "fragment"))
def broken_sentences(text: str, words: list[Token] | None = None) -> list[dict]:
    """Two sentences run together across a missing space ("warning.Mi", "there.John Smith"), and a
    paragraph that stops in the middle of a word. Abbreviations ("U.N.", "Jan."), decimals, web addresses
    and e-mail addresses are left alone."""
    rows = []
    for match in _RUN_ON.finditer(text):
        word = match.group("left").rstrip(".!?”\"’)]“")
        chunk = text[_chunk_edge(text, match.start(), -1):_chunk_edge(text, match.end(), +1)]
        if word.lower() in ABBREVIATIONS or _URLISH.search(chunk):
            continue
        rows.append(row(match.start(), match.end(), "broken_sentence",
                        f"‘{match.group()}’: two sentences run together; the space after "
                        f"‘{match.group('left')}’ is missing"))
    words = tokens(text) if words is None else words
    rows += _cut_words(text, words)
    rows += [row(m.start(), m.end(), "broken_sentence",
                 f"‘{m.group()}’: a paragraph break in the middle of a sentence (the next line goes on in "
                 "lower case or with a comma)") for m in _SPLIT_SENTENCE.finditer(text)]
    return rows


# A line that ends in a word (no punctuation) and a next paragraph that goes on with a lower-case word or
# a comma: one sentence cut by a line break ("I feel\n\na migrant worker", "stated by\n\nthe president\n\n,").
_SPLIT_SENTENCE = re.compile(r"[A-Za-z]+[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:[a-z]+\b|[,;](?=\s))")


def _chunk_edge(text: str, at: int, step: int) -> int:
    """Walk from ``at`` to the nearest white space (the edge of the non-space chunk)."""
    if step < 0:
        while at > 0 and not text[at - 1].isspace():
            at -= 1
        return at
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _cut_words(text: str, words: list[Token]) -> list[dict]:
    """A paragraph that stops inside a word: its last word is a lone letter or a rare string that begins
    a common word ("mercenar", "bringin", "Nort"), with no punctuation after it."""
    rows = []
    size = len(text.rstrip())
    # the last word of each paragraph but the text's last (where the capture of the page ended, not the outlet)
    for word in [w for w in words if w.end < size and text[w.end] == "\n"]:
        if not word.text.isalpha():
            continue
        if text[word.start - 1:word.start] in (".", "@", "/", "-") or not _incomplete(word.text):
            continue
        rows.append(row(word.start, word.end, "broken_sentence",
                        f"‘{word.text}’: the paragraph stops in the middle of a word (cut off)"))
    return rows


def _incomplete(word: str) -> bool:
    if len(word) == 1:
        return word.islower() and word not in "ai"
    return zipf(word) < 2.5 and word.lower() in common_prefixes()


@functools.cache
def common_prefixes() -> frozenset[str]:
    """Every proper prefix (two letters or more) of a common English word (kept in the word-list cache)."""
    return cached("common-prefixes", _common_prefixes)


def _common_prefixes() -> frozenset[str]:
    common = [w for w, z in word_zipf().items() if z >= 3.0 and w.isalpha()]
    return frozenset(w[:n] for w in common for n in range(2, len(w)))


