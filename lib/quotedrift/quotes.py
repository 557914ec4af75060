"""Find quotations and who said them: marks as people print them, repairs of broken marks, attribution.

``find_quotes(corpus)`` searches each article's searchable text (boilerplate blanked, same offsets) and takes
every ``text`` from the article text itself, so ``text == article_text[start:end]`` always holds.

How it works, step by step (each step is a small function below):

1. **Marks** (:func:`scan_marks`): straight and curly double quotes, « guillemets », „low“ quotes, and single
   quotes. Whether a mark opens or closes is read from its neighbours (space before → opening, space or
   punctuation after → closing), the glyph decides only when the neighbours do not. Apostrophes
   (``Kim's``, ``Russia’s``), primes (``5'10"``) and elisions (``'90s``) are not marks.
2. **Pairing** (:func:`pair_double_marks`): double marks pair up paragraph by paragraph; a quotation may run
   over paragraphs when each new paragraph opens with a mark (one row per paragraph). Single quotes pair
   only outside double-quoted text (inside, they are nested quotations kept in the outer one).
3. **Repairs**, reported in the ``repair*`` columns, never hidden: a closing mark with no opening one (the
   quotation starts where its sentence starts), an opening mark with no closing one (it ends at a glued word
   such as ``lineSending`` or at the sentence end), a closing mark pushed into the next paragraph
   (``"provocations.\\n\\n"``), a mark glued to a word (``A"self-made rumor"``).
4. **Kinds**: ``headline`` (in the headline or the one-sentence standfirst under it), ``scare`` (after
   ``so-called``, ``alleged``, ``pretext of`` …), ``direct`` (six or more words starting like a sentence),
   ``partial`` (quoted words inside the writer's sentence), ``statement`` (each sentence of a primary text,
   the framing ``Zorbagrad, January 29 (ZNA) -- … issued the following press statement:`` left out, and
   the text after the end mark ``-0-`` too).
5. **Attribution**: the cue (``said``, ``warning``, ``according to`` …) next to the quotation in its sentence,
   the speaker mention (the subject before the cue, or the name/pronoun/description around a trailing cue),
   the title as printed, and the relay (``as quoted by …``, ``in a statement carried by …``, ``told
   reporters``, ``state media``). Within an article a bare surname becomes the full name, pronouns the
   nearest compatible name, ``the official`` the official quoted before, an unnamed official the named
   official of the same country whose title does not conflict with the description's role, and a country (``ZPR``, ``NK``) the official who speaks for it.

Columns of the returned table (one row per quotation, sorted by source and start):

quote_id            ``SOURCE:qNNN`` in document order
source, start, end  the article and the span of the quoted words (inside the marks)
text                ``article_text[start:end]``
kind                direct | partial | headline | scare | statement
speaker             who said it, one spelling per article (``speakers.canonical_speakers`` unifies it
                    across the corpus)
speaker_mention     what the article wrote (``Yun Jung Joon``, ``the official``, ``she``, ``NK``)
cue                 the cue word(s) as printed, lower case (``said``, ``warning``, ``according to``)
relay               the outlet or channel the words came through (``Zorblax Central News Agency``)
utterance_id        empty; the alignment stage fills it
cue_stance          added by ``analyze``: neutral | loaded | none (see :mod:`quotedrift.attribution`)
title               the speaker's title as printed (``director-general in charge of U.S. affairs``)
speaker_confidence  0–1: 1 for a name next to the cue, less for resolved pronouns, descriptions, countries
mention_start/_end, cue_start/_end, relay_start/_end   evidence spans (−1 when absent)
repair              '' | unbalanced_quote | broken_quote
repair_start/_end   the span of the damaged marks and words (−1 when no repair)
repair_detail       the repair in plain words
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from dataclasses import dataclass, field

import pandas as pd

from . import lexicon
from . import speakers as spk
from .corpus import Corpus
from .parallel import ordered_map
from .text import iter_sentence_spans, paragraph_spans, sentence_spans, trim_span

QUOTE_COLUMNS = (
    "quote_id", "source", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "relay",
    "utterance_id", "title", "speaker_confidence", "mention_start", "mention_end", "cue_start", "cue_end",
    "relay_start", "relay_end", "repair", "repair_start", "repair_end", "repair_detail",
)

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
DIRECT_MIN_WORDS = 6
DEK_MAX_WORDS = 35
HEADLINE_MAX_WORDS = 25
CLAUSE_STARTS = frozenset("i we you he she they there it this our my".split())
SCARE_BEFORE_RE = re.compile(
    r"(?:so-called|so called|alleged|pretext of|dubbed|termed|nicknamed|known as|the word|the term|the phrase|"
    r"labell?ed as|branded as)\s*$", re.IGNORECASE)

# Cue words (lexicon/cues.csv): those searched next to quotations, and those that may precede the speaker.
CUES = lexicon.column("cues", "word", search="yes")
CUE_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(c) for c in CUES), key=len, reverse=True))
                    + r"|According to)\b")
SAY_CUES_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in lexicon.column("cues", "word", inverts="yes")) + r")\b")
PRONOUN_RE = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
DESCRIPTOR_HEADS = (r"official|spokes(?:person|man|woman)|department head|head|director[- ]general|"
                    r"vice[- ]director(?:[- ]general)?|director|minister|ambassador|envoy|diplomat|officer|"
                    r"representative|secretary|chief|leader|ministry|government|military")
DESCRIPTOR_MODIFIERS = (r"senior|top|high-ranking|ranking|anonymous|unnamed|unidentified|another|one|"
                        r"north|south|defen[cs]e|military|foreign|ministry|department|government|state|deputy|"
                        r"vice|powerful|the|its|country's|(?-i:[A-Z][\w'’.-]*)")
DESCRIPTOR_RE = re.compile(
    rf"\b(?:(?:the|a|an)\s+)?(?:(?:{DESCRIPTOR_MODIFIERS})\s+){{0,5}}(?:{DESCRIPTOR_HEADS})\b(?:\s+of\s+[\w'’ ]+?(?=,|\s+(?:said|told|on|in)\b))?",
    re.IGNORECASE)
OFFICIAL_WORDS_RE = re.compile(
    r"\b(?:official|spokes\w*|head|director|minister|ambassador|envoy|diplomat|secretary|chief|coordinator|"
    r"deputy|vice|officer|representative|general)\b", re.IGNORECASE)
ORG_RE = re.compile(
    r"\b(?:the\s+)?(?:" + lexicon.literal_pattern(lexicon.organisation_aliases()) +
    r"|(?:[A-Z][\w'’]+\s+)?(?:Foreign|Defen[cs]e) Ministry)")
# Country kinds that may stand as the speaker ("Zorbagrad said", "the U.S. warned"); demonyms and seats may not.
SPEAKING_PLACE_KINDS = ("short", "capital", "region")
SPEAKING_KINDS = {row["alias"]: row["kind"] for row in lexicon.table("places")}
# Nouns a country or organisation modifies rather than speaks through ("EU leaders", "US officials"): the
# description, not the country, is then the mention.
MODIFIED_NOUNS = frozenset("leaders officials side government authorities ministry state media members team".split())
AGENCY_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:[A-Z][\w'’-]*|news|of|and)\s+){0,5}(?:Agency|News|Service|Media|Press|"
    r"Television|TV|Radio|Shimbun|Times|Post)(?:\s*\([A-Z]{2,}\))?|" + lexicon.agency_pattern() +
    r"|(?:[A-Z][\w'’]+['’]s\s+)?state(?:-run)? media)")
RELAY_LEAD_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(lexicon.column("relay_leads", "phrase", kind="lead"), key=len, reverse=True))
    + r")\s+(?:(?:the|its|a|an|state-run|state|official|(?:[A-Z][\w'’.]*\s+){0,2}[A-Z][\w'’.]*['’]s)\s+)*",
    re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"\b(?:[A-Z]\.){2,}")  # dotted initials: their full stops end no sentence
TOLD_REPORTERS_RE = re.compile(r"\btold reporters\b")
AGENCY_CITES_RE = re.compile(r"\s+(?:cited|quoted|reported)\b")
NOT_NEWLINE_RE = re.compile(r"[^\n]")
# How far (characters) before the opening mark and after the closing mark attribution is searched when the
# sentence around a quotation runs on longer (a paragraph with no full stop). The longest sentence holding a
# quotation in seeds/ and corpora/ is well under this, so real articles are unaffected; it keeps the
# attribution search linear in the article's length on pathological text (issue 13).
ATTRIBUTION_REACH = 1000
CITING_WORD_RE = re.compile(r"\s(?:cited|quoted|reported)\b")
GENDER_WORDS = lexicon.title_genders()  # titles and nouns that tell a gender (Ms, spokeswoman, sister)
STATEMENT_END_RE = re.compile(r"\s*-0-")


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


# ---------------------------------------------------------------------------------------------- kinds


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


# ---------------------------------------------------------------------------------------------- attribution


def _masked(text: str, quotes: list[Quote]) -> str:
    """The text with quoted words replaced by underscores (sentence ends inside quotes then do not count)."""
    pieces, cursor = [], 0
    for q_start, q_end in sorted((q.start, q.end) for q in quotes):
        start = max(q_start, cursor)
        if start >= q_end:
            continue
        pieces.append(text[cursor:start])
        pieces.append(NOT_NEWLINE_RE.sub("_", text[start:q_end]))
        cursor = q_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _sentence_around(masked: str, paragraph: tuple[int, int], start: int, end: int,
                     cache: dict | None = None) -> tuple[int, int]:
    """The sentence holding ``masked[start:end]`` (the paragraph when none does), cut to ATTRIBUTION_REACH
    characters either side. ``cache`` keeps each paragraph's sentences, split once for all its quotations."""
    cache = {} if cache is None else cache
    if paragraph not in cache:
        spans = sentence_spans(masked, *paragraph)
        cache[paragraph] = (spans, [e for _, e in spans])
    spans, ends = cache[paragraph]
    i = bisect.bisect_right(ends, start - 2)  # the first sentence with start < e + 2 (ends are increasing)
    s, e = (spans[i][0], max(spans[i][1], end)) if i < len(spans) and spans[i][0] <= start else paragraph
    return max(s, start - ATTRIBUTION_REACH), max(end, min(e, end + ATTRIBUTION_REACH))


def _mention_in(text: str, lo: int, hi: int, names: list[tuple[int, int, str]]) -> tuple[int, int, str, str] | None:
    """The subject of a clause ``text[lo:hi]``: the first person name, else the first description,
    organisation, country or pronoun. Returns (start, end, mention, type)."""
    for i in range(bisect.bisect_left(names, (lo,)), len(names)):  # names are in text order
        s, e, name = names[i]
        if s >= hi:
            break
        if e <= hi:
            return s, e, name, "name"
    found = []
    for regex, kind in ((DESCRIPTOR_RE, "descriptor"), (ORG_RE, "org"), (PRONOUN_RE, "pronoun")):
        match = regex.search(text, lo, hi)
        while match and kind == "org" and _modifies_next(text, match.end()):
            match = regex.search(text, match.end(), hi)
        if match and match.group().strip():
            found.append((match.start(), -(match.end()), match.group(), kind))
    country = _speaking_country(text, lo, hi)
    if country:
        found.append((country.start(), -country.end(), country.group(), "country"))
    if not found:
        return None
    s, neg_end, mention, kind = min(found)
    if kind == "descriptor":
        country = _speaking_country(text, s, -neg_end)
        org = ORG_RE.search(text, s, -neg_end)
        head = re.search(rf"(?:{DESCRIPTOR_HEADS})\b", mention, re.IGNORECASE)
        if head and head.group().lower() in ("ministry", "government", "military") and (org or country):
            hit = org or country
            return hit.start(), hit.end(), hit.group(), "org" if org else "country"
    return s, -neg_end, mention, kind


class _Found(tuple):
    """A (start, end, text) span with the ``re.Match`` methods the callers use."""

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]

    def group(self) -> str:
        return self[2]


def _speaking_country(text: str, lo: int, hi: int) -> _Found | None:
    """The first country named in ``text[lo:hi]`` as a speaker may be ("Zorbagrad", "the U.S.", "ZPR"):
    a country name, short form or capital (not a demonym or seat), not a possessive ("Russia's war"), with a
    leading "the" kept in the span as printed."""
    kinds = SPEAKING_KINDS
    for start, end, alias, _ in lexicon.find_countries(text, lo, hi):
        if (text[end:end + 2] in ("'s", "’s") or kinds.get(alias, "name") not in ("name",) + SPEAKING_PLACE_KINDS
                or _modifies_next(text, end)):
            continue
        lead = text[max(lo, start - 4):start]
        if lead.lower() == "the ":
            start -= 4
        return _Found((start, end, text[start:end]))
    return None


def _modifies_next(text: str, end: int) -> bool:
    """Whether a country or organisation ending at ``end`` modifies the word after it ("the Taiwan Strait",
    "FIFA president", "EU leaders"): then it names no speaker."""
    following = re.match(r"[ \u00a0]+([A-Za-z][\w-]*)", text[end:end + 40])
    if not following:
        return False
    word = following.group(1)
    return word[0].isupper() or word.lower() in spk.TITLE_WORDS or word.lower() in MODIFIED_NOUNS


def _title_near(text: str, lo: int, hi: int, name: tuple[int, int, str]) -> str:
    """The title printed with a name: an appositive after it (``Yun Jong-gun, director-general …,``) or the
    words before it in its clause (``NATO Secretary-General Jens Stoltenberg``)."""
    after = re.match(r",\s+((?:the |a |an )?[a-z](?:(?:[A-Z]\.){2,}|[^,.;:\"“”\n]|\.(?=\S)){3,120}?)(?:,|\.(?=\s|$)|;|$|\s+(?:said|told|claimed))",
                     text[name[1]:min(len(text), name[1] + 160)])
    if after and not CUE_RE.match(after.group(1)):
        return after.group(1).strip()
    before = text[lo:name[0]]
    pieces = [p for p in re.split(r"[,;:()\"“”\n]|[.!?]\s|\s[-–—]+\s", before) if p.strip()]
    before = pieces[-1] if pieces else ""
    before = _trailing_title_words(before)
    return before.strip() if OFFICIAL_WORDS_RE.search(before) or spk.TITLE_WORDS & set(before.lower().split()) else ""


def _trailing_title_words(words: str) -> str:
    """The title-like words at the end of ``words`` (capitalised words, title words and ``of the``)."""
    tokens = words.split()
    kept: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(",;:").lower()
        if token[:1].isupper() or bare in spk.TITLE_WORDS or bare in ("of", "the", "for", "and", "in", "charge"):
            kept.insert(0, token)
        else:
            break
    while kept and kept[0].lower() in ("of", "the", "for", "and", "in", "charge", "a", "an"):
        kept.pop(0)
    return " ".join(kept)


def _after_attribution(text: str, lo: int, hi: int, names) -> dict | None:
    """A trailing attribution right after the closing mark: ``," Yun said`` or ``," said Yun …``."""
    window = text[lo:hi]
    lead = re.match(r"[\s,]*", window).end()
    say_first = SAY_CUES_RE.match(window, lead)
    if say_first:
        after = re.match(r"\s*", window[say_first.end():]).end() + say_first.end()
        mention = _mention_in(text, lo + after, min(hi, lo + after + 120), names)
        if mention and mention[0] == lo + after:
            return {"cue": say_first, "cue_span": (lo + say_first.start(), lo + say_first.end()), "mention": mention}
        return None
    cue = CUE_RE.search(window, lead)
    if not cue:
        return None
    between = window[lead:cue.start()].strip(" ,")
    if not between or len(between.split()) > 14 or re.search(r"[.;]", ABBREVIATION_RE.sub("", between)):
        return None
    mention = _mention_in(text, lo + lead, lo + cue.start(), names)
    if not mention or mention[0] != lo + lead:
        return None
    return {"cue": cue, "cue_span": (lo + cue.start(), lo + cue.end()), "mention": mention}


def _relay_in(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """A relay in ``text[lo:hi]``: ``as quoted by the … Agency``, ``carried by …``, ``told reporters``."""
    told = TOLD_REPORTERS_RE.search(text, lo, hi)
    if told:
        return told.start(), told.end(), "told reporters"
    for lead in RELAY_LEAD_RE.finditer(text, lo, hi):
        agency = AGENCY_RE.match(text, lead.end(), hi)
        if agency:
            return agency.start(), agency.end(), agency.group()
    media = re.search(r"(?:[A-Z][\w'’]+['’]s\s+)?state(?:-run)? media\b", text[lo:hi])
    if media:
        return lo + media.start(), lo + media.end(), media.group()
    return None


def attribute(text: str, quote: Quote, sentence: tuple[int, int], masked: str, names) -> dict:
    """Cue, speaker mention, title and relay of one quotation from the sentence around it."""
    open_at = quote.open_mark if quote.open_mark >= 0 else quote.start
    close_at = quote.close_mark + 1 if quote.close_mark >= 0 else quote.end
    info = {"cue": "", "cue_span": (-1, -1), "mention": None, "title": ""}
    trailing = (_after_attribution(masked, close_at, sentence[1], names)
                if quote.close_mark >= 0 and quote.end <= sentence[1] else None)
    before_cues = list(CUE_RE.finditer(masked, sentence[0], open_at))
    if trailing and (not before_cues or text[quote.end - 1:quote.end] in ",?!" or
                     not text[close_at:close_at + 3].strip(" ").startswith(".")):
        cue = trailing["cue"]  # matched in a window: its offsets count from the window, cue_span from the text
        info.update(cue=cue.group().lower(), cue_span=trailing["cue_span"], mention=trailing["mention"])
    elif before_cues:
        cue = before_cues[-1]
        info.update(cue=cue.group().lower(), cue_span=(cue.start(), cue.end()))
        info["mention"] = _mention_in(masked, sentence[0], cue.start(), names)
        if cue.group().lower() == "according to":
            info["mention"] = _mention_in(masked, cue.end(), min(sentence[1], cue.end() + 80), names)
    else:
        later = CUE_RE.search(masked, close_at, sentence[1])
        if later:
            info.update(cue=later.group().lower(), cue_span=(later.start(), later.end()))
            if later.group().lower() == "according to":
                info["mention"] = _mention_in(masked, later.end(), min(sentence[1], later.end() + 80), names)
            else:
                info["mention"] = _mention_in(masked, close_at, later.start(), names) or _mention_in(
                    masked, sentence[0], open_at, names)
        else:
            info["mention"] = _mention_in(masked, sentence[0], open_at, names)
    mention = info["mention"]
    if mention and mention[3] == "name":
        info["title"] = _title_near(masked, sentence[0], sentence[1], mention)
    elif mention and mention[3] == "descriptor":
        info["title"] = re.sub(r"^(?:the|a|an)\s+", "", mention[2], flags=re.IGNORECASE)
    info["relay"] = _relay_in(masked, sentence[0], sentence[1])
    return info


# ---------------------------------------------------------------------------------------------- resolution


@dataclass
class Entity:
    """Who a quotation is attributed to, within one article."""

    name: str
    kind: str  # name | official | country | org | none
    title: str = ""
    country: str = ""
    position: int = 0
    confidence: float = 1.0

    @property
    def official_like(self) -> bool:
        return self.kind == "official" or (self.kind == "name" and bool(OFFICIAL_WORDS_RE.search(self.title))
                                           and not re.search(r"\bleader\b|\bpresident\b", self.title, re.I))


def country_of(words: str) -> str:
    """The country a title or description belongs to (``ZPR's Foreign Ministry`` → Zorbia), or '';
    a country only named as a field ("director-general in charge of U.S. affairs") does not count."""
    for start, end, alias, country in lexicon.find_countries(words or ""):
        if not re.match(r"\.?\s+[Aa]ffairs\b", words[end:end + 12]):
            return country
    return ""


def _gender(entity: Entity, text: str) -> str:
    for word in re.findall(r"[A-Za-z]+", entity.title):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    return ""


class ArticleResolver:
    """Turns per-quotation mentions into one speaker per person within an article."""

    def __init__(self, text: str, names: list[tuple[int, int, str]]):
        self.text = text
        self.names = names
        self.full_names = [n for n in names if len(n[2].split()) >= 2]
        self.genders: dict[str, str] = {}

        self.by_surname: dict[str, list[tuple[int, int, str]]] = {}
        self.by_word: dict[str, list[tuple[int, int, str]]] = {}
        for n in self.full_names:
            self.by_surname.setdefault(spk._surname(n[2]).lower(), []).append(n)
            for word in spk._words(n[2]):
                self.by_word.setdefault(word.lower(), []).append(n)
        self.titles: dict[str, str] = {}
        for n in self.full_names:
            title = _title_near(text, max(0, n[0] - 120), n[1], n)
            if title and spk._flat(n[2]) not in self.titles:
                self.titles[spk._flat(n[2])] = title

    def full_name(self, name: tuple[int, int, str]) -> str:
        """A bare surname becomes the nearest full name with that surname (before it, else after)."""
        if len(name[2].split()) >= 2:
            return name[2]
        # a family name, or a given name used as the surname ("Ning" for Mao Ning)
        matches = self.by_surname.get(name[2].lower()) or self.by_word.get(name[2].lower(), [])
        before = bisect.bisect_left(matches, (name[0],))
        chosen = matches[before - 1] if before else (matches[0] if matches else None)
        return chosen[2] if chosen else name[2]

    def title_of(self, name: str) -> str:
        return self.titles.get(spk._flat(name), "")

    def entity(self, mention: tuple[int, int, str, str] | None, title: str) -> Entity:
        if mention is None:
            return Entity("", "none", confidence=0.0)
        s, e, words, kind = mention
        if kind == "name":
            full = self.full_name((s, e, words))
            title = title or self.title_of(full)
            return Entity(full, "name", title, country_of(title), s, 1.0 if full == words else 0.9)
        if kind == "descriptor":
            name = spk.DETERMINERS_RE.sub("", words.strip())
            return Entity(name, "official", title or name, country_of(words), s, 0.8)
        if kind in ("country", "org"):
            canonical = spk.canonical_entity(words)
            return Entity(canonical, kind, "", country_of(words) or canonical, s, 0.9)
        return Entity(words, "pronoun", "", "", s, 0.8)

    def resolve_pronoun(self, entity: Entity, speakers: list[Entity] = ()) -> Entity:
        """he/she → the nearest earlier person named or quoted whose gender agrees: "she" never resolves to a
        man. Gender comes from titles and nouns (Ms, spokeswoman), honorifics before any mention of the person
        (Mr Biden), and the first name (gender-guesser); a person with no evidence is taken with less confidence."""
        wanted = {"he": "male", "she": "female"}.get(entity.name.lower(), "")
        names = ((self.names[i][0], self.full_name(self.names[i]))
                 for i in range(bisect.bisect_left(self.names, (entity.position,)) - 1, -1, -1))
        quoted = ((e.position, e.name) for e in reversed(speakers) if e.kind == "name" and e.position < entity.position)
        for position, full in heapq.merge(names, quoted, reverse=True):  # nearest first, walked lazily
            gender = self.gender_of(full)
            if not wanted or not gender or gender == wanted:
                title = self.title_of(full)
                return Entity(full, "name", title, country_of(title), position, 0.8 if gender else 0.6)
        return Entity("", "none", confidence=0.0)

    def gender_of(self, full: str) -> str:
        """'male', 'female' or '' for a person named in the article (see :meth:`resolve_pronoun`)."""
        key = spk._flat(full)
        if key not in self.genders:
            self.genders[key] = _gender_evidence(self.text, full, self.title_of(full))
        return self.genders[key]


HONORIFIC_RE = re.compile(r"\b(" + "|".join(re.escape(r["word"]) for r in lexicon.table("titles")
                                             if r["kind"] == "honorific" and r["gender"]) + r")\.?\s+([A-Z][\w'’-]+)",
                          re.IGNORECASE)


def _gender_evidence(text: str, full: str, title: str) -> str:
    """A person's gender from their title, an honorific before any mention (``Ms Mao``), or their first name."""
    for word in re.findall(r"[A-Za-z]+", title or ""):
        if GENDER_WORDS.get(word.lower()):
            return GENDER_WORDS[word.lower()]
    words = spk._words(full)
    if not words:
        return ""
    surname = spk._surname(full).lower()
    for match in HONORIFIC_RE.finditer(text):
        if match.group(2).lower() == surname and match.group(1)[:1].isupper():
            return GENDER_WORDS.get(match.group(1).lower(), "")
    if len(words) >= 2 and not spk.scheme_of(words):
        return lexicon.first_name_genders().get(words[0].lower(), "")
    return ""


def _is_anaphoric(description: str) -> bool:
    """``the official``, ``The ZPR official``, ``the department head``: a short definite description that
    points back to someone already quoted (not a full title such as ``the vice director general of …``)."""
    words = description.split()
    return words[0].lower() in ("the", "this") and len(words) <= 3 and " of " not in description


def resolve_article(text: str, quotes: list[Quote], names) -> None:
    """Resolve each quotation's mention to a speaker within the article (in place: ``quote.info``)."""
    resolver = ArticleResolver(text, names)
    entities: list[Entity] = []
    previous: Entity | None = None
    for quote in quotes:
        info = quote.info
        entity = resolver.entity(info.get("mention"), info.get("title", ""))
        if entity.kind == "pronoun":
            entity = resolver.resolve_pronoun(entity, entities)
        if entity.kind == "official" and _is_anaphoric(info["mention"][2]):
            earlier = [e for e in entities if e.official_like
                       and (not entity.country or not e.country or e.country == entity.country)]
            if earlier:
                entity = Entity(earlier[-1].name, earlier[-1].kind, earlier[-1].title, earlier[-1].country,
                                entity.position, 0.75)
        if entity.kind == "none" and info.get("standalone") and previous is not None:
            entity = Entity(previous.name, previous.kind, previous.title, previous.country, quote.start, 0.75)
            info["relay_inherited"] = True
        entities.append(entity)
        if entity.kind != "none":
            previous = entity
    _merge_unnamed_officials(entities)
    _countries_to_officials(entities, quotes)
    for quote, entity in zip(quotes, entities):
        quote.info["entity"] = entity


def _merge_unnamed_officials(entities: list[Entity]) -> None:
    """An unnamed official becomes the nearest named official of a compatible country in the article.

    Named officials are grouped by (name, title, country) and each group's positions sorted once, so each
    unnamed official costs one look-up per distinct named official, not one per mention (ties: the earlier
    mention in the article, as before)."""
    named = [e for e in entities if e.kind == "name" and e.official_like]
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for index, n in enumerate(named):
        groups.setdefault((n.name, n.title, n.country), []).append((n.position, index))
    for members in groups.values():
        members.sort()
    for i, entity in enumerate(entities):
        if entity.kind != "official":
            continue
        best: tuple[tuple[int, int], Entity] | None = None
        for (_, title, country), members in groups.items():
            if entity.country and country and country != entity.country:
                continue
            if not _roles_compatible(entity.title or entity.name, title):
                continue
            after = bisect.bisect_left(members, (entity.position, -1))
            nearest = [members[after]] if after < len(members) else []
            if after:  # the first mention at the closest position before
                nearest.append(members[bisect.bisect_left(members, (members[after - 1][0], -1))])
            for position, index in nearest:
                key = (abs(position - entity.position), index)
                if best is None or key < best[0]:
                    best = (key, named[index])
        if best is not None:
            chosen = best[1]
            entities[i] = Entity(chosen.name, "name", chosen.title, chosen.country, entity.position,
                                 round(entity.confidence * 0.85, 3))


@functools.lru_cache(maxsize=1 << 14)
def _roles_compatible(description: str, title: str) -> bool:
    """Whether an unnamed official's description may denote a named official with this title: no telling
    role that conflicts ("an unidentified vice director" is not a "National Security Council spokesman")."""
    described, titled = spk.describe_official(description), spk.describe_official(title)
    if described is None or titled is None or spk.GENERIC_ROLE in (described.role, titled.role):
        return True
    shorter, longer = sorted((described.role, titled.role), key=len)
    return longer[:len(shorter)] == shorter


def _countries_to_officials(entities: list[Entity], quotes: list[Quote]) -> None:
    """A country named as speaker (``ZPR``, ``NK``) becomes the official who speaks for it in the article."""
    from collections import Counter

    counts = Counter((e.name, e.kind, e.country) for e in entities if e.kind in ("name", "official")
                     and e.official_like and e.country)
    for i, entity in enumerate(entities):
        if entity.kind != "country":
            continue
        speakers = [(n, key) for key, n in counts.items() if key[2] == entity.name]
        if speakers:
            _, (name, kind, country) = max(speakers, key=lambda item: (item[0], -len(item[1][0])))
            entities[i] = Entity(name, kind, "", country, entity.position, 0.6)


def _propagate_relays(text: str, quotes: list[Quote], masked: str) -> None:
    """A relay is named for the statement it carries: later quotations of the same speaker share it.
    ``AGENCY cited/quoted …`` in a sentence without a quotation hands its relay to the next quotation."""
    carried: dict[str, tuple[int, int, str]] = {}
    cites = []
    if CITING_WORD_RE.search(masked):  # no "cited/quoted/reported": no agency can cite (skip the scan)
        for agency in AGENCY_RE.finditer(masked):
            if AGENCY_CITES_RE.match(masked, agency.end()):
                cites.append((agency.start(), agency.end(), agency.group()))
    cite_ends = [c[1] for c in cites]
    used = 0  # cites before this index have handed their relay on
    for quote in quotes:
        entity: Entity = quote.info["entity"]
        relay = quote.info.get("relay")
        pending = bisect.bisect_right(cite_ends, quote.start)  # cites[used:pending] end before the quotation
        if relay is None and pending > used and entity.kind in ("name", "official"):
            relay = cites[pending - 1]
            used = pending
        if relay is None and entity.name in carried:
            relay = carried[entity.name]
        if relay is not None and entity.name:
            carried.setdefault(entity.name, relay)
        quote.info["relay"] = relay


# ---------------------------------------------------------------------------------------------- assembly


STANDALONE_FILLER = DOUBLE_MARKS + SINGLE_MARKS + " .,"


def _standalone(text: str, quote: Quote, paragraph: tuple[int, int], cache: dict | None = None) -> bool:
    """Whether the paragraph holds nothing but the quotation (and its marks). ``cache`` keeps, per paragraph,
    its first and last character that is not a mark, space, full stop or comma (found once, not per quotation)."""
    cache = {} if cache is None else cache
    if paragraph not in cache:
        first, last = paragraph[0], paragraph[1] - 1
        while first < paragraph[1] and text[first] in STANDALONE_FILLER:
            first += 1
        while last >= first and text[last] in STANDALONE_FILLER:
            last -= 1
        cache[paragraph] = (first, last)
    first, last = cache[paragraph]
    return first >= quote.start and last < quote.end


def article_quotes(text: str, searchable: str, role: str, speaker: str) -> list[Quote]:
    """All quotations of one article, attributed and resolved."""
    if role == "primary":
        quotes = statement_quotes(searchable)
        for quote in quotes:
            quote.info["entity"] = Entity(speaker, "name" if spk.is_person_name(speaker) else "org", "", "", 0,
                                          1.0 if speaker else 0.0)
            quote.info["relay"] = None
        return quotes
    quotes = find_marked_quotes(searchable)
    zone = headline_zone(searchable)
    masked = _masked(searchable, quotes)
    names = spk.find_person_names(masked)
    paragraphs = paragraph_spans(searchable)
    p_index = 0
    sentences: dict = {}
    fillers: dict = {}
    for quote in quotes:
        while p_index + 1 < len(paragraphs) and paragraphs[p_index][1] < quote.start:
            p_index += 1
        paragraph = paragraphs[p_index]
        quote.kind = quote_kind(searchable, quote, zone)
        sentence = _sentence_around(masked, paragraph, quote.open_mark if quote.open_mark >= 0 else quote.start,
                                    quote.end, sentences)
        quote.info.update(attribute(searchable, quote, sentence, masked, names))
        quote.info["standalone"] = _standalone(searchable, quote, paragraph, fillers) or (
            quote.info["mention"] is None and not quote.info["cue"] and quote.kind == "direct")
    _continuations_share_attribution(quotes)
    resolve_article(searchable, quotes, names)
    _propagate_relays(searchable, quotes, masked)
    return quotes


def _continuations_share_attribution(quotes: list[Quote]) -> None:
    """Parts of one quotation running over paragraphs share the attribution found on any part."""
    group: list[Quote] = []
    for quote in quotes + [None]:
        if quote is not None and (quote.continues or (group and group[-1].info.get("continued_by"))):
            group.append(quote)
            continue
        if len(group) > 1:
            source = next((q for q in group if q.info.get("mention")), None)
            if source:
                for q in group:
                    if not q.info.get("mention"):
                        q.info.update(mention=source.info["mention"], title=source.info.get("title", ""),
                                      relay=q.info.get("relay") or source.info.get("relay"))
                        q.info["standalone"] = False
        group = [quote] if quote is not None else []


def _row(source: str, text: str, n: int, quote: Quote) -> dict:
    info = quote.info
    entity: Entity = info.get("entity") or Entity("", "none", confidence=0.0)
    mention = info.get("mention")
    relay = info.get("relay")
    cue_span = info.get("cue_span", (-1, -1))
    return {
        "quote_id": f"{source}:q{n:03d}", "source": source, "start": quote.start, "end": quote.end,
        "text": text[quote.start:quote.end], "kind": quote.kind or "partial", "speaker": entity.name,
        "speaker_mention": text[mention[0]:mention[1]] if mention else "",
        "cue": info.get("cue", ""), "relay": _clean_relay(relay[2]) if relay else "", "utterance_id": "",
        "title": info.get("title", "") or (entity.title if entity.kind == "name" else ""),
        "speaker_confidence": round(entity.confidence, 3) if entity.name else 0.0,
        "mention_start": mention[0] if mention else -1, "mention_end": mention[1] if mention else -1,
        "cue_start": cue_span[0], "cue_end": cue_span[1],
        "relay_start": relay[0] if relay else -1, "relay_end": relay[1] if relay else -1,
        "repair": quote.repair, "repair_start": quote.repair_start, "repair_end": quote.repair_end,
        "repair_detail": quote.repair_detail,
    }


def _clean_relay(relay: str) -> str:
    return re.sub(r"^(?:the|its)\s+", "", " ".join(relay.split()), flags=re.IGNORECASE)


def article_rows(job: tuple[str, str, str, str, str]) -> list[dict]:
    """The quotation rows of one article: (source, text, searchable text, role, manifest speaker) → rows."""
    source, text, searchable, role, speaker = job
    quotes = article_quotes(text, searchable, role, speaker)
    quotes.sort(key=lambda q: (q.start, q.end))
    return [_row(source, text, n, q) for n, q in enumerate(quotes, start=1)]


def find_quotes(corpus: Corpus) -> pd.DataFrame:
    """Every quotation of every in-scope article, attributed (see the module docstring for the columns)."""
    articles = {row["source"]: row for row in corpus.articles.to_dict("records")}
    jobs = [(source, corpus.texts[source], corpus.searchable_text(source), str(articles[source].get("role", "report")),
             str(articles[source].get("speaker", "") or ""))
            for source in sorted(corpus.texts) if bool(articles[source].get("in_scope", True))]
    rows = [row for rows_of_article in ordered_map(article_rows, jobs) for row in rows_of_article]
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    return table.sort_values(["source", "start"], kind="stable").reset_index(drop=True)
