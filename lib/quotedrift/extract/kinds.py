"""What kind of quotation a marked span is, and the sentences of a primary text.

``headline`` (in the headline or the one-sentence standfirst under it), ``scare`` (after ``so-called``,
``alleged`` …), ``direct`` (six or more words starting like a sentence), ``partial`` (quoted words inside
the writer's sentence), ``statement`` (each sentence of a primary text, its framing paragraph and the text
after the end mark ``-0-`` left out; see :func:`statement_quotes` for transcripts, memos and wrapped lines).
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
RULE_LINE_RE = re.compile(r"[-_=*~]{3,}")  # a line drawn with dashes (or _ = * ~) between a post and what it quotes
SPEAKER_LABEL_RE = re.compile(r"([A-Z][A-Z'’.\- ]{2,40}):\s+")  # a transcript's ``JANE ROE: `` before the words
SENTENCE_FINAL_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
# A statement line that does not end like a sentence is still the speaker's when it is this long (the one
# such line among the gold sentences of corpora/ has 17 words; page furniture such as "You are on page 1 of 9"
# or "World Cup Zorbia 2022" has at most 6).
STATEMENT_MIN_WORDS = 8
# A line at least this long that breaks mid-sentence was wrapped by the page (printed transcripts wrap near 100
# characters); a shorter one ending without punctuation is a heading or a date line.
WRAPPED_LINE_CHARS = 60




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
    """Span of the statement in a primary text: after the framing paragraph, up to the end mark ``-0-``.

    A page that quotes the statement between two rule lines (``-----``: a forum post of a memo) has it
    between the first two; a transcript has it from the first paragraph that opens with a speaker label
    (``JANE ROE: …``), the page's headline and summary above it left out."""
    paragraphs = paragraph_spans(text)
    rules = [(s, e) for s, e in paragraphs if RULE_LINE_RE.fullmatch(text, s, e)]
    if len(rules) >= 2:
        return rules[0][1], rules[1][0]
    start_index = 0
    for i, (s, e) in enumerate(paragraphs):
        line = text[s:e]
        if re.search(r"\((?:[A-Z]{2,}|[A-Z][a-z]+)\)\s*-+", line) or (
                line.endswith(":") and re.search(r"\bfollowing\b|\bstatement\b|\banswer\b", line, re.IGNORECASE)):
            start_index = i + 1
            break
        if SPEAKER_LABEL_RE.match(text, s, e):
            start_index = i
            break
    if start_index >= len(paragraphs):
        return 0, 0
    body_start = paragraphs[start_index][0]
    end_mark = STATEMENT_END_RE.search(text, body_start)
    body_end = end_mark.start() if end_mark else paragraphs[-1][1]
    return body_start, body_end


def _wrapped_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined where a sentence wraps onto the next line (a single line break, the line not ending a
    sentence, and the next line starting in lower case or the line as long as a wrapped line of print)."""
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if blocks:
            prev_s, prev_e = blocks[-1]
            last_line_chars = prev_e - (text.rfind("\n", 0, prev_e) + 1)
            wraps = (text.count("\n", prev_e, s) == 1 and not SENTENCE_FINAL_RE.search(text, prev_s, prev_e)
                     and (text[s].islower() or last_line_chars >= WRAPPED_LINE_CHARS))
            if wraps:
                blocks[-1] = (prev_s, e)
                continue
        blocks.append((s, e))
    return blocks


def statement_quotes(text: str) -> list[Quote]:
    """Each sentence of the statement body as a ``statement`` quotation. Sentences may wrap over lines; a
    speaker label is left out, and so are another speaker's labelled paragraphs; a line that is no sentence
    (no end punctuation and fewer than STATEMENT_MIN_WORDS words: a date line, a download button, a
    signature) is page furniture, not the speaker's words."""
    body_start, body_end = statement_body(text)
    lines, first_label = [], None
    for p_start, p_end in paragraph_spans(text[:body_end]):
        if p_end <= body_start:
            continue
        p_start = max(p_start, body_start)
        label = SPEAKER_LABEL_RE.match(text, p_start, p_end)
        if label:
            first_label = first_label or label.group(1)
            if label.group(1) != first_label:
                continue
            p_start = label.end()
        lines.append((p_start, min(p_end, body_end)))
    quotes = []
    for b_start, b_end in _wrapped_lines(text, lines):
        for s, e in sentence_spans(text, b_start, b_end):
            if SENTENCE_FINAL_RE.search(text, s, e) or len(text[s:e].split()) >= STATEMENT_MIN_WORDS:
                quotes.append(Quote(s, e, kind="statement"))
    return quotes
