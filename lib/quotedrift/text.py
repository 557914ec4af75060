"""Small text helpers shared by every stage: word tokens with offsets, sentence spans, masking.

Every helper works on the article text exactly as loaded, and every span it returns is a pair of
character offsets into that text, so that ``text[start:end]`` is the evidence a reader can highlight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)|\n\s*\n")
_LAST_WORD_RE = re.compile(r"([A-Za-z.]+)\.$")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt st jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n no vs etc inc corp co jr sr rep sen gov pres e.g i.e approx dept".split()
)


class Token(NamedTuple):
    """A word and its character span."""

    text: str
    start: int
    end: int


_new_tuple = tuple.__new__  # a Token made without the Python-level __new__ of NamedTuple: every stage tokenises


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens (letters and digits, inner apostrophes and hyphens kept) of ``text[start:end]``."""
    end = len(text) if end is None else end
    return [_new_tuple(Token, (m.group(), m.start(), m.end())) for m in WORD_RE.finditer(text, start, end)]


def count_words(text: str) -> int:
    """Number of word tokens in a text."""
    return sum(1 for _ in WORD_RE.finditer(text))


def normalise_word(word: str) -> str:
    """Lower-case a word and unify apostrophes, for comparisons."""
    return word.lower().replace("’", "'")


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    match = _LAST_WORD_RE.search(text[max(0, stop - 12) : stop + 1])
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: split at end punctuation followed by space, and at blank lines.

    Abbreviations (``U.S.``, ``Jan.``, initials) do not end a sentence. Spans are trimmed of white space.
    """
    return list(iter_sentence_spans(text, start, end))


def iter_sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The spans of :func:`sentence_spans`, one at a time (the first sentence costs only its own length)."""
    end = len(text) if end is None else end
    cursor = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        stop = match.end() if not match.group().startswith("\n") else match.start()
        if match.group().startswith(".") and len(match.group()) == 1 and _ends_with_abbreviation(text, match.start()):
            continue
        if (trimmed := trim_span(text, cursor, stop))[0] < trimmed[1]:
            yield trimmed
        cursor = match.end()
    if (trimmed := trim_span(text, cursor, end))[0] < trimmed[1]:
        yield trimmed


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of a text (a line is a paragraph in scraped news text)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        s, e = trim_span(text, offset, offset + len(line))
        if s < e:
            spans.append((s, e))
        offset += len(line) + 1
    return spans


def mask_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace the characters of the spans with spaces (newlines kept), so offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for every line of a text, newline excluded."""
    offset = 0
    for line in text.split("\n"):
        yield offset, offset + len(line), line
        offset += len(line) + 1
