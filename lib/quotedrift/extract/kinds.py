"""What kind of quotation a marked span is, and the sentences of a primary text.

``headline`` (in the headline or the one-sentence standfirst under it), ``scare`` (after ``so-called``,
``alleged`` …), ``direct`` (six or more words starting like a sentence), ``partial`` (quoted words inside
the writer's sentence), ``statement`` (each sentence of a primary text, its framing paragraph and the text
after the end mark ``-0-`` left out).
"""

from __future__ import annotations

import re

from ..text import paragraph_spans, sentence_spans
from .marks import DOUBLE_MARKS, SINGLE_MARKS, Quote

DIRECT_MIN_WORDS = 6
DEK_MAX_WORDS = 35
HEADLINE_MAX_WORDS = 25
CLAUSE_STARTS = frozenset("i we you he she they there it this our my".split())
SCARE_BEFORE_RE = re.compile(
    r"(?:so-called|so called|alleged|pretext of|dubbed|termed|nicknamed|known as|the word|the term|the phrase|"
    r"labell?ed as|branded as)\s*$", re.IGNORECASE)

STATEMENT_END_RE = re.compile(r"\s*-0-")




def headline_zone(text: str) -> tuple[int, int]:
    """Span of the headline and its one-sentence standfirst, or (0, 0) when the text opens with a paragraph."""
    paragraphs = paragraph_spans(text)
    if not paragraphs:
        return 0, 0
    first = paragraphs[0]
    words = len(text[first[0]:first[1]].split())
    last_char = text[first[0]:first[1]].rstrip(DOUBLE_MARKS + SINGLE_MARKS + " ")[-1:]
    if words > HEADLINE_MAX_WORDS or last_char in ".:;,":
        return 0, 0
    end = first[1]
    if len(paragraphs) > 1:
        s, e = paragraphs[1]
        if len(text[s:e].split()) <= DEK_MAX_WORDS and len(sentence_spans(text, s, e)) == 1:
            end = e
    return first[0], end


def quote_kind(text: str, quote: Quote, zone: tuple[int, int]) -> str:
    """direct | partial | headline | scare for a marked quotation."""
    if zone[0] <= quote.start < zone[1]:
        return "headline"
    before = text[max(0, quote.start - 40):max(0, quote.open_mark if quote.open_mark >= 0 else quote.start)]
    if SCARE_BEFORE_RE.search(before):
        return "scare"
    words = text[quote.start:quote.end].split()
    first = words[0].strip("([") if words else ""
    starts_like_sentence = first[:1].isupper() or first.lower() in CLAUSE_STARTS
    if len(words) >= DIRECT_MIN_WORDS and starts_like_sentence:
        return "direct"
    if quote.open_mark < 0 and len(words) >= DIRECT_MIN_WORDS:
        return "direct"
    return "partial"


# ---------------------------------------------------------------------------------------------- statements


def statement_body(text: str) -> tuple[int, int]:
    """Span of the statement in a primary text: after the framing paragraph, up to the end mark ``-0-``."""
    paragraphs = paragraph_spans(text)
    start_index = 0
    for i, (s, e) in enumerate(paragraphs):
        line = text[s:e]
        if re.search(r"\((?:[A-Z]{2,}|[A-Z][a-z]+)\)\s*-+", line) or (
                line.endswith(":") and re.search(r"\bfollowing\b|\bstatement\b|\banswer\b", line, re.IGNORECASE)):
            start_index = i + 1
            break
    if start_index >= len(paragraphs):
        return 0, 0
    body_start = paragraphs[start_index][0]
    end_mark = STATEMENT_END_RE.search(text, body_start)
    body_end = end_mark.start() if end_mark else paragraphs[-1][1]
    return body_start, body_end


def statement_quotes(text: str) -> list[Quote]:
    """Each sentence of the statement body as a ``statement`` quotation."""
    body_start, body_end = statement_body(text)
    quotes = []
    for p_start, p_end in paragraph_spans(text[:body_end]):
        if p_end <= body_start:
            continue
        for s, e in sentence_spans(text, max(p_start, body_start), min(p_end, body_end)):
            quotes.append(Quote(s, e, kind="statement"))
    return quotes
