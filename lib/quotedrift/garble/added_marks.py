"""added_quote_marks: quotation marks around words that the other outlets print as their own, never as a quotation.

A short quotation ("the “two countries”", "“Republicans” criticising him") whose words at least
``MIN_UNQUOTED`` other outlets print outside quotation marks, and that no other outlet prints inside
quotation marks (not even as part of a longer quotation), and that no speaker is given for, is not a speaker's word: the marks were added in
copying (spinners add them at random) and make the reporter's words look like a quotation. Quoted words
that some other outlet also quotes (a speaker's "dictator") are left alone.

Cost: the short quotations are collected first; then one pass over every article's words looks only for
them: linear in the corpus's length.
"""

from __future__ import annotations

from collections import defaultdict

from ..text import normalise_word, tokens
from .registry import register, row
from .util import article_keys, article_words, in_scope_sources, with_marks

MAX_WORDS = 5  # words of a quotation short enough to be a phrase lifted from the narrative
MIN_UNQUOTED = 3  # other outlets that must print the words outside quotation marks
NICKNAME_WORDS = 2  # a Title Case quotation this short is a nickname or a coined name
QUOTE_KINDS = ("partial", "scare")  # quotation kinds a short phrase inside a sentence has


def _key(text: str, start: int, end: int) -> tuple[str, ...]:
    return tuple(normalise_word(w.text) for w in tokens(text, start, end))


@register("added_quote_marks", severity=2, colour="#fff3bf", scope="corpus",
          explanation="‘{text}’: quotation marks around words that the other outlets print as their own",
          confirmed_by=("spurious quot", "quotation marks around", "scare quote"))
def added_quote_marks(corpus, quotes=None) -> list[dict]:
    """Short quotations whose words other outlets print, never quoted."""
    if quotes is None or len(quotes) == 0:
        return []
    in_scope = set(in_scope_sources(corpus))
    quotes = quotes[quotes["source"].isin(in_scope)]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in quotes.itertuples():
        spans[q.source].append((int(q.start), int(q.end)))
    short = {}
    speakerless = quotes["speaker"].fillna("").astype(str) == ""
    for q in quotes[quotes["kind"].isin(QUOTE_KINDS) & speakerless].itertuples():
        key = _key(corpus.texts[q.source], int(q.start), int(q.end))
        if 0 < len(key) <= MAX_WORDS and not _nickname(str(q.text)):
            short.setdefault(key, []).append(q)
    if not short:
        return []
    quoted_by, unquoted_by = _printings(corpus, sorted(in_scope), spans, set(short))
    rows = []
    for key, found in short.items():
        for q in found:
            quoting, printing = quoted_by.get(key, ()), unquoted_by.get(key, ())
            # counted, not copied: each of n outlets quoting the words would copy a set of n
            others_quoting = len(quoting) - (q.source in quoting)
            others_printing = len(printing) - (q.source in printing)
            if others_quoting or others_printing < MIN_UNQUOTED:
                continue
            start, end = with_marks(corpus.texts[q.source], int(q.start), int(q.end))
            rows.append({"source": q.source, **row(start, end, "added_quote_marks",
                         f"‘{corpus.texts[q.source][start:end]}’: {others_printing} other outlets print "
                         "these words without quotation marks, and none quotes them")})
    return rows


def _nickname(text: str) -> bool:
    """Whether the quoted words are a short name in Title Case ("Chief Twit"): putting a nickname in marks is
    a naming convention, not words lifted from the narrative."""
    words = text.strip(" ,.;:!?").split()
    return 0 < len(words) <= NICKNAME_WORDS and all(w[:1].isupper() for w in words)


def _printings(corpus, sources: list[str], spans: dict[str, list[tuple[int, int]]],
               wanted: set[tuple[str, ...]]) -> tuple[dict, dict]:
    """({words: outlets printing them inside a quotation}, {words: outlets printing them outside any}) for
    the wanted word sequences only."""
    lengths = sorted({len(k) for k in wanted})
    quoted_by: dict[tuple, set[str]] = defaultdict(set)
    unquoted_by: dict[tuple, set[str]] = defaultdict(set)
    for source in sources:
        text = corpus.texts[source]
        words, keys = article_words(text), article_keys(text)
        inside = _inside_quotes(words, sorted(spans.get(source, [])))
        for n in lengths:
            for i in range(len(words) - n + 1):
                key = tuple(keys[i:i + n])
                if key in wanted:
                    quoted = any(inside[i:i + n])
                    (quoted_by if quoted else unquoted_by)[key].add(source)
    return quoted_by, unquoted_by


def _inside_quotes(words, spans: list[tuple[int, int]]) -> list[bool]:
    """Per word, whether it lies inside one of the (sorted) quotation spans."""
    inside, s = [], 0
    for word in words:
        while s < len(spans) and spans[s][1] <= word.start:
            s += 1
        inside.append(s < len(spans) and spans[s][0] <= word.start)
    return inside
