"""Quotation marks as people print them: scan, pair, repair.

Marks (:func:`scan_marks`): straight and curly double quotes, « guillemets », „low“ quotes, and single quotes
(the glyphs and their roles are rows of ``lexicon/quote_marks.csv``). Whether a mark opens or closes is read
from its neighbours (space before → opening, space or punctuation after → closing); the glyph decides only
when the neighbours do not. Apostrophes (``Kim's``), primes (``5'10"``) and elisions (``'90s``) are not marks.

Pairing (:func:`pair_double_marks`, :func:`pair_single_marks`) goes paragraph by paragraph; a quotation may
run over paragraphs when each new paragraph opens with a mark (one :class:`Quote` per paragraph, the later
ones flagged ``continues``). Repairs are reported, never hidden: a closing mark with no opening one, an
opening mark with no closing one (ended at a glued word such as ``lineSending`` or at the sentence end), a
closing mark pushed into the next paragraph, a mark glued to a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicon
from ..text import iter_sentence_spans, paragraph_spans, sentence_spans, trim_span

# Quotation-mark glyphs by family and role (lexicon/quote_marks.csv: a new style is one row per glyph).
DOUBLE_MARKS = "".join(lexicon.column("quote_marks", "char", family="double"))
SINGLE_MARKS = "".join(lexicon.column("quote_marks", "char", family="single"))
OPENING_GLYPHS = "".join(lexicon.column("quote_marks", "char", role="open"))
CLOSING_GLYPHS = "".join(lexicon.column("quote_marks", "char", role="close"))
OPEN_BEFORE = "([{—–-/:" + DOUBLE_MARKS + SINGLE_MARKS
CLOSE_AFTER = ".,;:!?)]}…—–-" + DOUBLE_MARKS + SINGLE_MARKS
MARK_CHAR_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
PRIME_RE = re.compile(r"\d+\s?['’′]\s?\d+\s?[\"”″]|\d+['’′](?=\s|$)")
GLUE_RE = re.compile(r"(?<![A-Z])[a-z]{2,}(?=[A-Z][a-z])")


@dataclass
class Mark:
    """A quotation mark: its offset, glyph, family (double/single), role (open/close/either), glued flag."""

    pos: int
    char: str
    family: str
    role: str
    glued: bool = False


@dataclass
class Quote:
    """A found quotation before attribution."""

    start: int
    end: int
    open_mark: int = -1
    close_mark: int = -1
    repair: str = ""
    repair_start: int = -1
    repair_end: int = -1
    repair_detail: str = ""
    continues: bool = False
    kind: str = ""
    info: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------- marks


def _is_space_like_before(text: str, pos: int, start: int) -> bool:
    return pos <= start or text[pos - 1].isspace() or text[pos - 1] in OPEN_BEFORE


def _is_space_like_after(text: str, pos: int, end: int) -> bool:
    return pos + 1 >= end or text[pos + 1].isspace() or text[pos + 1] in CLOSE_AFTER


def _prime_positions(text: str, start: int, end: int) -> set[int]:
    """Offsets of prime marks in measurements (5'10", 6'): not quotation marks."""
    found = set()
    for match in PRIME_RE.finditer(text, start, end):
        found.update(i for i in range(match.start(), match.end()) if text[i] in "'’′\"”″")
    return found


def scan_marks(text: str, start: int, end: int) -> list[Mark]:
    """Quotation marks in ``text[start:end]`` with their role read from the neighbouring characters."""
    candidates = [m.start() for m in MARK_CHAR_RE.finditer(text, start, end)]
    if not candidates:
        return []
    primes = _prime_positions(text, start, end)
    marks = []
    for pos in candidates:
        char = text[pos]
        if pos in primes:
            continue
        family = "double" if char in DOUBLE_MARKS else "single"
        before = _is_space_like_before(text, pos, start)
        after = _is_space_like_after(text, pos, end)
        prev_alnum = pos > start and text[pos - 1].isalnum()
        next_alnum = pos + 1 < end and text[pos + 1].isalnum()
        if family == "single" and (prev_alnum and next_alnum or _is_elision(text, pos, end, before)):
            continue
        if before and not after:
            role = "open"
        elif after and not before:
            role = "close"
        elif char in OPENING_GLYPHS:
            role = "open"
        elif char in CLOSING_GLYPHS:
            role = "close"
        else:
            role = "either"
        marks.append(Mark(pos, char, family, role, glued=prev_alnum and next_alnum))
    return marks


def _is_elision(text: str, pos: int, end: int, before: bool) -> bool:
    """``'90s``, ``’em``-style elisions: an apostrophe before digits, not an opening quotation mark."""
    return before and bool(re.match(r"['’]\d{2}s?\b", text[pos:min(end, pos + 5)]))


# ---------------------------------------------------------------------------------------------- pairing


def _sentence_start_before(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (not before ``floor``)."""
    spans = sentence_spans(text, floor, pos)
    return spans[-1][0] if spans else floor


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    """End of the first sentence of ``text[start:limit]``, found without splitting the rest of the paragraph."""
    first = next(iter_sentence_spans(text, start, limit), None)
    return first[1] if first else limit


def _unbalanced_end(text: str, start: int, limit: int) -> tuple[int, str]:
    """Where an opening mark's quotation ends when no closing mark comes: a glued word or the sentence end."""
    glue = GLUE_RE.search(text, start, limit)
    sentence_end = _first_sentence_end(text, start, limit)
    if glue and glue.end() <= sentence_end:
        return glue.end(), f"the words run into the next sentence ('{text[glue.start():glue.end() + 1]}…')"
    return sentence_end, "the quotation is taken to end at the end of its sentence"


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    return trim_span(text, start, end)


def _glued_repair(text: str, mark: Mark, quote: Quote) -> None:
    if not mark.glued or quote.repair:
        return
    left = mark.pos
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    right = mark.pos + 1
    while right < len(text) and (text[right].isalnum() or text[right] == "-"):
        right += 1
    which = "opening" if mark.pos < quote.start else "closing"
    quote.repair, quote.repair_start, quote.repair_end = "broken_quote", left, right
    quote.repair_detail = (f"the {which} quotation mark is glued to the neighbouring word "
                           f"('{text[left:right]}'): a space is missing")


def _closed(text: str, open_mark: Mark, close_mark: Mark) -> Quote | None:
    start, end = _content(text, open_mark.pos + 1, close_mark.pos)
    if start >= end:
        return None
    quote = Quote(start, end, open_mark.pos, close_mark.pos)
    _glued_repair(text, open_mark, quote)
    _glued_repair(text, close_mark, quote)
    return quote


def _unbalanced(text: str, open_mark: Mark, limit: int) -> Quote | None:
    end, why = _unbalanced_end(text, open_mark.pos + 1, limit)
    start, end = _content(text, open_mark.pos + 1, end)
    if start >= end:
        return None
    return Quote(start, end, open_mark.pos, -1, "unbalanced_quote", open_mark.pos, end,
                 f"an opening quotation mark has no closing mark; {why}")


def _orphan_close(text: str, close_mark: Mark, floor: int) -> Quote | None:
    start = _sentence_start_before(text, floor, close_mark.pos)
    start, end = _content(text, start, close_mark.pos)
    while start < end and text[start] in DOUBLE_MARKS + SINGLE_MARKS:
        start += 1
    start, end = _content(text, start, end)
    if start >= end:
        return None
    return Quote(start, end, -1, close_mark.pos, "unbalanced_quote", start, close_mark.pos + 1,
                 "a closing quotation mark has no opening mark; the quotation is taken to start where its "
                 "sentence starts")


def _paragraph_marks(text: str, paragraphs: list[tuple[int, int]], scanned: dict | None) -> dict:
    """Marks of each paragraph, scanned once (``scanned`` when the caller already has them)."""
    if scanned is not None:
        return scanned
    return {(s, e): scan_marks(text, s, e) for s, e in paragraphs}


def pair_double_marks(text: str, paragraphs: list[tuple[int, int]], scanned: dict | None = None) -> list[Quote]:
    """Pair double quotation marks paragraph by paragraph, repairing and reporting broken ones."""
    scanned = _paragraph_marks(text, paragraphs, scanned)
    quotes: list[Quote] = []
    pending: Mark | None = None
    pending_paragraph = (0, 0)
    for p_start, p_end in paragraphs:
        marks = [m for m in scanned[(p_start, p_end)] if m.family == "double"]
        if pending is not None:
            if len(marks) == 1 and (p_end - p_start) == 1:
                quote = _closed(text, pending, marks[0])
                if quote:
                    quote.end = min(quote.end, pending_paragraph[1])
                    quote.start, quote.end = _content(text, quote.start, quote.end)
                    quote.repair, quote.repair_start, quote.repair_end = "broken_quote", pending.pos, marks[0].pos + 1
                    quote.repair_detail = ("the closing quotation mark was pushed into a paragraph of its own "
                                           "(a paragraph break inside the quotation)")
                    quotes.append(quote)
                pending = None
                continue
            if marks and marks[0].pos == p_start and marks[0].role in ("open", "either"):
                part = Quote(*_content(text, pending.pos + 1, pending_paragraph[1]), pending.pos, -1)
                if part.start < part.end:
                    quotes.append(part)
                pending = marks[0]
                pending_paragraph = (p_start, p_end)
                if quotes and quotes[-1] is part:
                    part.info["continued_by"] = True
                marks = marks[1:]
                continuing = True
            else:
                quote = _unbalanced(text, pending, pending_paragraph[1])
                if quote:
                    quotes.append(quote)
                pending = None
                continuing = False
        else:
            continuing = False
        floor = p_start
        for mark in marks:
            if pending is None:
                if mark.role in ("open", "either"):
                    pending, pending_paragraph = mark, (p_start, p_end)
                    continuing = False
                else:
                    quote = _orphan_close(text, mark, floor)
                    if quote:
                        quotes.append(quote)
                    floor = mark.pos + 1
            elif mark.role in ("close", "either"):
                quote = _closed(text, pending, mark)
                if quote:
                    quote.continues = continuing
                    quotes.append(quote)
                pending, continuing, floor = None, False, mark.pos + 1
            else:
                quote = _unbalanced(text, pending, mark.pos)
                if quote:
                    quotes.append(quote)
                pending, pending_paragraph, continuing = mark, (p_start, p_end), False
        if pending is not None and continuing and pending_paragraph == (p_start, p_end):
            pass
    if pending is not None:
        quote = _unbalanced(text, pending, pending_paragraph[1])
        if quote:
            quotes.append(quote)
    return quotes


def pair_single_marks(text: str, paragraphs: list[tuple[int, int]], taken: list[tuple[int, int]],
                      scanned: dict | None = None) -> list[Quote]:
    """Single quotation marks used as quotation marks (headlines, British style), outside double quotes."""
    scanned = _paragraph_marks(text, paragraphs, scanned)
    quotes = []
    inside = _interval_lookup(taken)
    for p_start, p_end in paragraphs:
        pending = None
        for mark in scanned[(p_start, p_end)]:
            if mark.family != "single" or inside(mark.pos):
                continue
            if pending is None and mark.role == "open":
                pending = mark
            elif pending is not None and mark.role in ("close", "either") and text[mark.pos - 1] != " ":
                quote = _closed(text, pending, mark)
                if quote and not any(inside(i) for i in (quote.start, quote.end - 1)):
                    quotes.append(quote)
                pending = None
            elif mark.role == "open":
                pending = mark
    return quotes


def _interval_lookup(spans: list[tuple[int, int]]):
    ordered = sorted(spans)

    def inside(pos: int) -> bool:
        import bisect

        i = bisect.bisect_right(ordered, (pos, float("inf"))) - 1
        return i >= 0 and ordered[i][0] <= pos < ordered[i][1]

    return inside


def find_marked_quotes(text: str) -> list[Quote]:
    """Every quotation marked in ``text`` (double, then single outside double), nested ones dropped."""
    paragraphs = paragraph_spans(text)
    scanned = _paragraph_marks(text, paragraphs, None)
    doubles = pair_double_marks(text, paragraphs, scanned)
    taken = [(q.open_mark if q.open_mark >= 0 else q.start, (q.close_mark + 1) if q.close_mark >= 0 else q.end)
             for q in doubles]
    singles = pair_single_marks(text, paragraphs, taken, scanned)
    quotes = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for quote in quotes:
        if kept and kept[-1].start <= quote.start and quote.end <= kept[-1].end:
            continue
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept
