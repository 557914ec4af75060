"""Quotation marks as people print them: scan, pair, repair.

Marks (:func:`scan_marks`): straight and curly double quotes, « guillemets », „low“ quotes, and single quotes
(the glyphs and their roles are rows of ``lexicon/quote_marks.csv``). Whether a mark opens or closes is read
from its neighbours (space before → opening, space or punctuation after → closing); a double mark with no
space either side (``mind?“asks``) is left to the pairing (it closes what is open, else opens) and reported
as glued; otherwise the glyph decides when the neighbours do not. Apostrophes (``Kim's``), primes
(``5'10"``) and elisions (``'90s``) are not marks.

Pairing (:func:`pair_double_marks`, :func:`pair_single_marks`) goes paragraph by paragraph; a quotation may
run over paragraphs when each new paragraph opens with a mark, with double marks and with single ones (British
style: single marks as the main marks, double ones nested); one :class:`Quote` per paragraph, the later ones
flagged ``continues``. A quotation inside another is its own row only when it is speech quoted in speech (a
comma or colon lead-in: ``say, ‘Watch out…’``); a term quoted inside a quotation stays part of it.

Repairs are reported, never hidden: a closing mark with no opening one (the quotation starts at its paragraph
start, or after the sentence of the paragraph's earlier quotation), an opening mark with no closing one (it
ends at a glued word such as ``lineSending``, else runs to the paragraph end or the next mark, stopping before
a trailing attribution or a sentence in the writer's voice), a closing mark pushed into the next paragraph, a
mark glued to a word. A lone single opening mark is a quotation only after a lead-in (``Says, ‘Don’t…``):
elsewhere it may be an apostrophe. An opening mark left open because the quotation runs on into a paragraph
that opens with a mark, or to the end of the captured text, is no damage (:func:`left_open_by_convention`).
A paragraph opened by a dialogue dash is a quotation where the page's other dash-opened paragraphs close with
a mark (:func:`_dialogue_dash_quotes`).
"""

from __future__ import annotations

import bisect
import functools
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
PUNCTUATION_AFTER_CLOSE = ".,;:!?"
GLUED_AFTER = ".,;:!?)]"  # prose punctuation a mark follows with no space only when the space is missing
MARK_CHAR_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
PRIME_RE = re.compile(r"\d+\s?['’′]\s?\d+\s?[\"”″]|\d+['’′](?=\s|$)")
ALNUM_RE = re.compile(r"[^\W_]")
GLUE_RE = re.compile(r"(?<![A-Z])[a-z]{2,}(?=[A-Z][a-z])")
# Cue words that may follow the quoted words (``…, said Kim.``, ``…, she added.``): lexicon/cues.csv.
_CUES = "|".join(sorted((re.escape(c) for c in lexicon.column("cues", "word", search="yes")), key=len, reverse=True))
# A trailing attribution after the last comma of an unclosed quotation's run: at most ATTRIBUTION_WORDS words
# holding a cue word, then the end of the run. The quotation ends at the comma (``… off course, said Lee.``).
ATTRIBUTION_WORDS = 5
TRAILING_ATTRIBUTION_RE = re.compile(
    rf"""(?<=,)\s+                                   # after the comma that ends the quoted words
         (?=(?:[^\s,.;:!?]+\s+){{0,{ATTRIBUTION_WORDS - 1}}}?  # a few words, one of which is a cue
            (?:{_CUES})\b)
         [^,;:!?]*?[.]?\s*$                          # the clause runs to the end (one full stop at most)
    """, re.VERBOSE)
# A sentence in the writer's voice, not the speaker's: a third-person pronoun, a cue word, or a role with
# its article (``the foreign minister``; role words: lexicon/titles.csv).
_ROLES = "|".join(sorted((re.escape(w) for w in lexicon.column("titles", "word", kind="role")), key=len, reverse=True))
WRITERS_VOICE_RE = re.compile(
    rf"""\b(?i:he|she|his|him|her)\b                  # the speaker in the third person
       | \b(?:{_CUES})\b                             # a cue word (said, added, believes …)
       | \b(?i:the)\s+(?:[\w-]+\s+){{0,2}}?(?i:{_ROLES})\b   # the foreign minister, the spokesperson
    """, re.VERBOSE)
ENDS_AT_ATTRIBUTION = "the quotation is taken to end before its attribution"
# A quotation whose own words end with a writer's attribution in the third person ("…, the president of the
# federation said,"): the outlet quotes another outlet's report of what was said, not the speaker. One to
# ATTRIBUTION_WORDS words (a subject, not "I"/"we"/"you": "…, I would say.") then a cue word of lexicon/cues.csv,
# last. On the seeds and seven stories it finds one quotation, a relayed news paragraph.
QUOTED_REPORT_RE = re.compile(
    rf"""[,—–]\s+                                 # the comma that ends the reported words
         (?!(?i:i|we|you)\b)                     # the speaker's own "I would say" is speech
         (?:[^\s,.;:!?]+\s+){{1,{ATTRIBUTION_WORDS}}}?   # the subject: "the president of the federation"
         (?:{_CUES})                             # the cue, the last word of the quotation
         [\s,.…]*$""", re.VERBOSE)
# HTML tags printed before a paragraph (``<p>“…``): a mark behind them still opens the paragraph.
LEADING_TAGS_RE = re.compile(r"(?:\s*<[^<>\n]{1,300}>)+")
# How far past a paragraph's end the next paragraph's opening mark is looked for (HTML tags and blank lines).
NEXT_PARAGRAPH_REACH = 400
# What stands before a quotation nested in another that is speech quoted in speech (``say, ‘Watch out…’``,
# ``told him: “No”``): a comma or colon lead-in. Words quoted as a term inside a quotation (``the 'rumour of
# arms' dealings``) stay part of the outer quotation only.
NESTED_LEAD_IN_RE = re.compile(r"[,:]\s*$")


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
        glued = prev_alnum and next_alnum
        if before and not after:
            role = "open"
        elif after and not before or pos + 1 < end and text[pos + 1] in PUNCTUATION_AFTER_CLOSE:
            role = "close"  # no quotation starts with a comma or full stop: ``"\n\n", on the eve``
        elif family == "double" and not before and not after:
            role = "either"  # no space either side (``mind?“asks``, ``]”I am``): the pairing decides
            # the mark runs into a word after prose: a space is missing (not so in ``class="…"``, ``<p>“``)
            glued = next_alnum and (prev_alnum or text[pos - 1] in GLUED_AFTER)
        elif char in OPENING_GLYPHS:
            role = "open"
        elif char in CLOSING_GLYPHS:
            role = "close"
        else:
            role = "either"
        marks.append(Mark(pos, char, family, role, glued=glued))
    return marks


def _is_elision(text: str, pos: int, end: int, before: bool) -> bool:
    """``'90s``, ``’em``-style elisions: an apostrophe before digits, not an opening quotation mark."""
    return before and bool(re.match(r"['’]\d{2}s?\b", text[pos:min(end, pos + 5)]))


# ---------------------------------------------------------------------------------------------- pairing


def _sentence_start_before(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (not before ``floor``)."""
    spans = sentence_spans(text, floor, pos)
    return spans[-1][0] if spans else floor


def _unbalanced_end(text: str, start: int, limit: int) -> tuple[int, str]:
    """Where an opening mark's quotation ends when no closing mark comes (``limit``: the next quotation mark
    of its paragraph, or the paragraph end): at a glued word (``lineSending``); else it runs on sentence by
    sentence up to ``limit``, and stops before a sentence in the writer's voice (``he``, ``the president``,
    a cue word) or after a trailing attribution (``…, said Lee.``: the quotation ends at the comma).
    Reporters who drop a closing mark often keep quoting to the end of the paragraph (the gold stories of
    corpora/: five of eight unclosed quotations; the other three are followed by the writer's sentences)."""
    glue = GLUE_RE.search(text, start, limit)
    if glue:
        return glue.end(), f"the words run into the next sentence ('{text[glue.start():glue.end() + 1]}…')"
    end = start
    for number, (s, e) in enumerate(iter_sentence_spans(text, start, limit)):
        attribution = TRAILING_ATTRIBUTION_RE.search(text, s, e)
        if attribution:
            return attribution.start(), ENDS_AT_ATTRIBUTION
        if number and WRITERS_VOICE_RE.search(text, s, e):
            return end, "the quotation is taken to end where the writer's next sentence starts"
        end = e
    return max(end, start), "the quotation is taken to run to the end of its paragraph or to the next quotation mark"


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words between two offsets, trimmed; empty when they hold no letter or digit (``“. .”``)."""
    start, end = trim_span(text, start, end)
    return (start, end) if ALNUM_RE.search(text, start, end) else (start, start)


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
    quote = Quote(start, end, open_mark.pos, -1, "unbalanced_quote", open_mark.pos, end,
                  f"an opening quotation mark has no closing mark; {why}")
    if why == ENDS_AT_ATTRIBUTION:
        quote.info["attribution_after"] = True  # ``…, said Lee.`` follows as it would a closing mark
    return quote


@functools.lru_cache(maxsize=8)
def _closing_positions(text: str) -> list[int]:
    """Offsets of the marks that close a quotation (single marks, which may be apostrophes, and “ aside), in
    order: found once per text, so that checking one open mark is a binary search, not a scan of the rest of
    its paragraph (which made a paragraph of thousands of open marks quadratic)."""
    closing = set(CLOSING_GLYPHS + DOUBLE_MARKS) - set(SINGLE_MARKS + "“")
    return [i for i, c in enumerate(text) if c in closing]


def left_open_by_convention(text: str, open_mark: int) -> bool:
    """Whether an opening mark that nothing closes is no damage: its quotation runs on into the next paragraph,
    which opens with a mark again (the newspaper convention for a quotation of several paragraphs, also when
    HTML tags stand before the mark), or to the end of the text (the capture of the page was cut there).
    Apostrophes aside, a closing mark later in the paragraph makes it damage after all."""
    if text[open_mark] not in OPENING_GLYPHS + "\"'":
        return False
    end = text.find("\n", open_mark)
    end = len(text) if end < 0 else end
    closing = _closing_positions(text)
    after = bisect.bisect_right(closing, open_mark)
    if after < len(closing) and closing[after] < end:
        return False
    following = LEADING_TAGS_RE.sub("", text[end:end + NEXT_PARAGRAPH_REACH]).lstrip()
    return not following or following[0] in OPENING_GLYPHS or following[0] in "\"'"


def _orphan_start(text: str, floor: int, paragraph_start: int, pos: int) -> int:
    """Where a quotation with no opening mark starts: the paragraph start, or, after an earlier quotation of the
    paragraph (closed at ``floor - 1``), the first sentence that starts after that quotation's sentence."""
    if floor <= paragraph_start:
        return paragraph_start
    before_mark = text[:floor - 1].rstrip()[-1:]
    if before_mark in ".!?…":
        return floor  # the earlier quotation ended its sentence
    spans = sentence_spans(text, floor, pos)
    return spans[1][0] if len(spans) > 1 else _sentence_start_before(text, floor, pos)


def _orphan_close(text: str, close_mark: Mark, floor: int, paragraph_start: int) -> Quote | None:
    start = _orphan_start(text, floor, paragraph_start, close_mark.pos)
    start, end = _content(text, start, close_mark.pos)
    while start < end and text[start] in DOUBLE_MARKS + SINGLE_MARKS:
        start += 1
    start, end = _content(text, start, end)
    if start >= end:
        return None
    return Quote(start, end, -1, close_mark.pos, "unbalanced_quote", start, close_mark.pos + 1,
                 "a closing quotation mark has no opening mark; the quotation is taken to start where its "
                 "paragraph starts, or after the sentence of the paragraph's earlier quotation")


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
                    quote = _orphan_close(text, mark, floor, p_start)
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
    """Single quotation marks used as quotation marks (British style, headlines).

    They pair outside the double-quoted spans ``taken`` and, apart, inside each of them (those quotations are
    flagged ``info["nested"]``). Outside, a quotation may run over paragraphs when each new paragraph opens
    with a mark (one :class:`Quote` per paragraph, as for double marks); an opening mark that nothing closes
    makes a quotation only then, or after a lead-in (``said: ‘The rules…``), where it runs to the paragraph
    end (an ``unbalanced_quote`` repair). Any other lone single mark may be an apostrophe and is left alone."""
    scanned = _paragraph_marks(text, paragraphs, scanned)
    quotes: list[Quote] = []
    region_of = _interval_index(taken)
    carried: tuple[Mark, tuple[int, int], bool] | None = None  # an opening mark left open by its paragraph
    for p_start, p_end in paragraphs:
        marks = [m for m in scanned[(p_start, p_end)] if m.family == "single"]
        pending: dict[int, Mark] = {}
        continuing = False
        if carried is not None:
            mark, paragraph, was_continuing = carried
            if marks and marks[0].pos == p_start and marks[0].role == "open" and region_of(p_start) < 0:
                part = Quote(*_content(text, mark.pos + 1, paragraph[1]), mark.pos, -1, continues=was_continuing)
                if part.start < part.end:
                    part.info["continued_by"] = True
                    quotes.append(part)
                pending[-1], continuing, marks = marks[0], True, marks[1:]
            else:
                quotes.extend(_left_open(text, mark, paragraph, was_continuing))
            carried = None
        for mark in marks:
            region = region_of(mark.pos)
            open_mark = pending.get(region)
            if open_mark is not None and mark.role in ("close", "either") and text[mark.pos - 1] != " ":
                quote = _closed(text, open_mark, mark)
                if quote and region_of(quote.start) == region == region_of(quote.end - 1):
                    quote.continues = continuing and region < 0
                    if region >= 0:
                        quote.info["nested"] = True
                    quotes.append(quote)
                del pending[region]
                continuing = continuing and region >= 0
            elif mark.role == "open":
                pending[region] = mark
                continuing = continuing and region >= 0
        if -1 in pending:
            carried = (pending[-1], (p_start, p_end), continuing)
    if carried is not None:
        quotes.extend(_left_open(text, *carried))
    return quotes


def _left_open(text: str, mark: Mark, paragraph: tuple[int, int], continuing: bool) -> list[Quote]:
    """The quotation of a single opening mark its paragraph does not close: the last part of a quotation over
    several paragraphs, or one after a lead-in (``said: ‘…``, ``Says, ‘…``); nothing otherwise."""
    if continuing:
        part = Quote(*_content(text, mark.pos + 1, paragraph[1]), mark.pos, -1, continues=True)
        return [part] if part.start < part.end else []
    if mark.role != "open" or not NESTED_LEAD_IN_RE.search(text, max(paragraph[0], mark.pos - 3), mark.pos):
        return []
    quote = _unbalanced(text, mark, paragraph[1])
    return [quote] if quote else []


def _interval_index(spans: list[tuple[int, int]]):
    """A function: offset → index of the span (of disjoint ``spans``) holding it, or -1."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]

    def index(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < ordered[i][1] else -1

    return index


def _speech_in_speech(text: str, quote: Quote) -> bool:
    """Whether a quotation inside another is speech quoted in speech (a comma or colon lead-in)."""
    return quote.open_mark >= 0 and bool(NESTED_LEAD_IN_RE.search(text, max(0, quote.open_mark - 3), quote.open_mark))


def find_marked_quotes(text: str) -> list[Quote]:
    """Every quotation marked in ``text``: double marks, then single ones. A quotation inside another is kept
    as its own row only when it is speech quoted in speech (``say, ‘Watch out…’``); a term quoted inside a
    quotation stays part of it. Quotations that cross one another keep the first."""
    paragraphs = paragraph_spans(text)
    scanned = _paragraph_marks(text, paragraphs, None)
    doubles = pair_double_marks(text, paragraphs, scanned)
    taken = [(q.open_mark if q.open_mark >= 0 else q.start, (q.close_mark + 1) if q.close_mark >= 0 else q.end)
             for q in doubles]
    singles = pair_single_marks(text, paragraphs, taken, scanned)
    quotes = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    outer: Quote | None = None
    for quote in quotes:
        if outer is not None and outer.start <= quote.start and quote.end <= outer.end:
            if _speech_in_speech(text, quote) and (not kept or kept[-1] is outer or kept[-1].end <= quote.start):
                kept.append(quote)
            continue
        if outer is not None and quote.start < outer.end:
            continue
        kept.append(quote)
        outer = quote
    dashed = _dialogue_dash_quotes(text, paragraphs, kept)
    return sorted(kept + dashed, key=lambda q: (q.start, -q.end)) if dashed else kept


# A dialogue dash and its space opening a paragraph ("– We have taught many lessons …"): several languages open
# direct speech with it, and machine translations keep it where English prints a mark.
DIALOGUE_DASH_RE = re.compile(r"[–—][ \u00a0]")


def _dialogue_dash_quotes(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[Quote]:
    """Paragraphs opened by a dialogue dash and holding no quotation, in an article whose dash-opened
    paragraphs elsewhere close with a quotation mark (the page keeps the dash as its opening mark): each a
    quotation from the dash, ending as an unclosed quotation does (:func:`_unbalanced_end`). No repair is
    reported: the dash is the page's convention (the garble detectors judge it)."""
    if not any(q.open_mark < 0 <= q.close_mark and DIALOGUE_DASH_RE.match(text, q.start) for q in quotes):
        return []
    starts = [q.start for q in quotes]
    found = []
    for start, end in paragraphs:
        first, _ = trim_span(text, start, end)
        if not DIALOGUE_DASH_RE.match(text, first):
            continue
        inside = bisect.bisect_left(starts, first)
        if inside < len(starts) and starts[inside] < end:
            continue  # the paragraph holds a quotation already (closed by a mark)
        stop, _ = _unbalanced_end(text, first + 2, end)
        first, stop = _content(text, first, stop)
        if first < stop:
            found.append(Quote(first, stop))
    return found


def quoted_report(text: str) -> bool:
    """Whether a quotation's words are a report of speech (end with the writer's attribution), not speech."""
    return bool(QUOTED_REPORT_RE.search(text))
