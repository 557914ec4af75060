"""unquoted_speech: a speaker's first-person words that other outlets quote, printed here without quotation marks.

A reporter does not write "I" or "we" in a report's own voice; when a run of words that at least
``MIN_OTHERS`` other outlets print inside quotation marks appears here outside any quotation, and it speaks
in the first person ("I", "we", "our"), the marks were lost in copying or a quotation was closed too early
("… grips us,” she said. We think we are only followers of anyone."). The row spans the run of shared words
and names how many outlets quote them. Primary texts (the speaker's own words, printed without marks) are
left alone. Without the corpus, one shape gives it away too: a first-person sentence closed by an attribution
("I don’t think it had any real consequences, he told reporters.") that holds no quotation mark.

Cost: one pass over the other outlets' quotations to index their word n-grams, one pass over each article's
words: linear in the corpus's length.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

import pandas as pd

from ..text import normalise_word, tokens
from .registry import register, row
from .util import article_keys, article_words, in_scope_sources, others_count, report_sources

GRAM = 4  # words of an n-gram shared with another outlet's quotation
MIN_OTHERS = 2  # other outlets that must quote the n-gram
MIN_WORDS = 6  # words of a run of shared n-grams, at least
PARAGRAPH_REACH = 2000  # characters either side of a run searched for its paragraph's marks and edges
BLOCK_SHARE = 0.6  # share of a paragraph's words that other outlets quote when it is a block quotation
FIRST_PERSON = frozenset("i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves".split())
_DOUBLE_MARKS = re.compile(r"[“”«»\"]")
# any quotation mark: double marks, and single marks that are not apostrophes inside a word
_ANY_MARK = re.compile(r"[“”«»\"]|(?<!\w)[‘'](?=\w)|(?<=[\w.,!?])[’'](?!\w)")
_OPENING_SINGLE = re.compile(r"(?<!\w)[‘'](?=\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])[’'](?!\w)")
DIALOGUE_DASH = "–—"  # a paragraph that opens with a dash is a quotation in some languages' style
# An attribution that closes a sentence (", he told reporters.", ", Jane Doe said."): the words before it are
# someone's, and in the first person they should stand in quotation marks.
_CLOSING_ATTRIBUTION = re.compile(
    r"""(?<=\w),[ ](?:he|she|they|[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+)?)
        [ ](?:said|added|wrote|told[ ][a-z]+(?:[ ][a-z]+)?)[.]""", re.VERBOSE)
SENTENCE_REACH = 400  # characters before an attribution searched for its sentence's start
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+|\n)(?=\S)")


def _quoted_grams(corpus, quotes: pd.DataFrame, in_scope: set[str]) -> dict[tuple[str, ...], set[str]]:
    """{word n-gram: the outlets that print it inside a quotation}."""
    grams: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for q in quotes.itertuples():
        if q.source not in in_scope:
            continue
        keys = [normalise_word(w.text) for w in tokens(corpus.texts[q.source], int(q.start), int(q.end))]
        for i in range(len(keys) - GRAM + 1):
            grams[tuple(keys[i:i + GRAM])].add(q.source)
    return grams


@register("unquoted_speech", severity=2, colour="#fff3bf", scope="corpus",
          explanation="‘{text}’: a speaker's first-person words that other outlets quote, printed without "
                      "quotation marks",
          confirmed_by=("quote marks", "quotation mark", "without quotation", "unquoted", "stripped"))
def unquoted_speech(corpus, quotes=None) -> list[dict]:
    """Runs of at least ``MIN_WORDS`` first-person words that other outlets quote, outside this outlet's
    quotations, and first-person sentences closed by an attribution without any mark."""
    in_scope = set(in_scope_sources(corpus))
    reports = report_sources(corpus)
    attributed = [{"source": source, **r} for source in reports
                  for r in _attributed_without_marks(corpus.texts[source])]
    if quotes is None or len(quotes) == 0:
        return attributed
    grams = _quoted_grams(corpus, quotes, in_scope)
    spans = {s: _span_index(g) for s, g in quotes.groupby("source")}
    rows = []
    for source in reports:
        text = corpus.texts[source]
        found: list[dict] = []
        for run in _shared_runs(text, grams, source):
            start, end = run[0].start, run[-1].end
            keys = {normalise_word(w.text) for w in run}
            if (not keys & FIRST_PERSON or _quoted_here(text, start, end, spans.get(source, ([], [])))
                    or _block_quotation(text, start, end, grams, source)):
                continue
            outlets = set.union(*(grams[tuple(normalise_word(w.text) for w in run[i:i + GRAM])] - {source}
                                  for i in range(len(run) - GRAM + 1)))
            closing = _orphan_closing_mark(text, end)
            why = (f"first-person words that {len(outlets)} other outlets print inside quotation marks, printed "
                   "here without them")
            if closing is not None:
                end = closing + 1
                why += "; a closing mark follows with no opening mark (the opening mark was lost)"
            if found and found[-1]["end"] == end:
                continue  # the same lost opening mark, already reported from an earlier run
            found.append({"source": source, **row(start, end, "unquoted_speech", f"‘{text[start:end]}’: {why}")})
        rows += found
    return rows + attributed


def _attributed_without_marks(text: str) -> list[dict]:
    """A first-person sentence closed by an attribution (", he told reporters.") with no quotation mark in
    it: someone's words whose marks were lost ("I don’t think it had any real consequences, he told
    reporters.")."""
    rows = []
    for attribution in _CLOSING_ATTRIBUTION.finditer(text):
        low = max(0, attribution.start() - SENTENCE_REACH)
        starts = [m.end() for m in _SENTENCE_START.finditer(text, low, attribution.start())]
        if not starts or (starts[0] == low and low > 0 and len(starts) == 1):
            continue  # the sentence starts further back than the reach: too long to judge
        start = starts[-1]
        said = text[start:attribution.start()]
        if _ANY_MARK.search(said) or not {normalise_word(w.text) for w in tokens(said)} & FIRST_PERSON:
            continue
        rows.append(row(start, attribution.end(), "unquoted_speech",
                        f"‘{said}’: first-person words attributed by ‘{attribution.group()[2:]}’, printed "
                        "without quotation marks"))
    return rows


def _orphan_closing_mark(text: str, end: int) -> int | None:
    """The position of a closing double mark later in the run's paragraph with no opening mark between."""
    _, paragraph_end = _paragraph(text, end, end)
    mark = _DOUBLE_MARKS.search(text, end, paragraph_end)
    return mark.start() if mark and mark.group() in "”»" else None


def _span_index(quotes: pd.DataFrame) -> tuple[list[int], list[int]]:
    """One source's quotation spans as (starts in order, the furthest end reached so far at each)."""
    ordered = sorted(zip(quotes["start"].astype(int), quotes["end"].astype(int)))
    starts, reach, furthest = [], [], -1
    for start, end in ordered:
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach


def _shared_runs(text: str, grams: dict, source: str):
    """Maximal runs of words (within one paragraph) covered by n-grams that other outlets quote."""
    words, keys = article_words(text), article_keys(text)
    covered = [False] * len(words)
    for i in range(len(words) - GRAM + 1):
        quoted_by = grams.get(tuple(keys[i:i + GRAM]))
        if quoted_by and others_count(quoted_by, source) >= MIN_OTHERS and "\n" not in text[words[i].start:words[i + GRAM - 1].end]:
            covered[i:i + GRAM] = [True] * GRAM
    run: list = []
    for word, inside in zip(words, covered):
        if run and (not inside or "\n" in text[run[-1].end:word.start]):  # a gap or a paragraph break ends it
            if len(run) >= MIN_WORDS:
                yield run
            run = []
        if inside:
            run.append(word)
    if len(run) >= MIN_WORDS:
        yield run


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around ``start:end``, at most ``PARAGRAPH_REACH`` characters on either side (so that a
    text of one endless line costs a bounded amount per run: linear overall)."""
    low = max(0, start - PARAGRAPH_REACH)
    paragraph_start = text.rfind("\n", low, start) + 1 or low
    paragraph_end = text.find("\n", end, end + PARAGRAPH_REACH)
    return paragraph_start, min(len(text), end + PARAGRAPH_REACH) if paragraph_end < 0 else paragraph_end


def _block_quotation(text: str, start: int, end: int, grams: dict, source: str) -> bool:
    """Whether the run's paragraph is a block quotation, set off by the page's layout rather than by marks
    (a plain-text capture keeps the paragraph, not the indent): it holds no quotation mark and at least
    ``BLOCK_SHARE`` of its words are words another outlet quotes."""
    paragraph_start, paragraph_end = _paragraph(text, start, end)
    if _ANY_MARK.search(text, paragraph_start, paragraph_end):
        return False
    words = tokens(text, paragraph_start, paragraph_end)
    keys = [normalise_word(w.text) for w in words]
    covered = [False] * len(words)
    for i in range(len(words) - GRAM + 1):
        if others_count(grams.get(tuple(keys[i:i + GRAM]), ()), source):
            covered[i:i + GRAM] = [True] * GRAM
    return sum(covered) >= BLOCK_SHARE * len(words)


def _quoted_here(text: str, start: int, end: int, spans: tuple[list[int], list[int]]) -> bool:
    """Whether the run overlaps a quotation the extractor found here, holds a double quotation mark, follows
    an opening mark left open earlier in its paragraph, or stands in a paragraph opened by a dialogue dash."""
    starts, reach = spans
    i = bisect.bisect_left(starts, end)  # the quotations that start before the run ends …
    if i and reach[i - 1] > start:  # … overlap it when the furthest of their ends lies past its start
        return True
    if _DOUBLE_MARKS.search(text, start, end):
        return True
    paragraph, _ = _paragraph(text, start, end)
    if text[paragraph:start].lstrip()[:1] in tuple(DIALOGUE_DASH):
        return True
    marks = _DOUBLE_MARKS.findall(text, paragraph, start)
    if marks and (marks[-1] in "“«" or (marks[-1] == '"' and marks.count('"') % 2 == 1)):
        return True
    opened = [m.start() for m in _OPENING_SINGLE.finditer(text, paragraph, start + 1)]
    closed = [m.start() for m in _CLOSING_SINGLE.finditer(text, paragraph, start)]
    return bool(opened) and (not closed or opened[-1] > closed[-1])
