"""reader_address: a line that speaks to the reader ("You can watch the league … based on your location.")
that no other outlet prints: an advertisement or a widget's text left in the article.

A report does not speak to its reader in the second person; an advertisement, a streaming offer or a
newsletter box does. A line outside quotation marks, of ``MIN_WORDS`` to ``MAX_WORDS`` words, with at least
``MIN_SECOND_PERSON`` words of the second person ("you", "your") and none of the first, is such a line,
unless other outlets print most of it too (``SHARED``): then it is a document the outlets reproduce (an
e-mail to staff: "Whatever decision you make, thank you for your efforts"). One pass to collect the
candidate lines, one over the corpus's words for their word runs: linear in the corpus's length.
"""

from __future__ import annotations

import re

from ..text import normalise_word, tokens
from .registry import register, row
from .util import article_keys, in_scope_sources, others_count, report_sources

MIN_WORDS, MAX_WORDS = 6, 30  # a sentence or two: an advertisement, not a letter
MIN_SECOND_PERSON = 2
SHARED = 0.5  # share of the line's four-word runs that other outlets print, at most
GRAM = 4
SECOND_PERSON = frozenset("you your yours yourself you're you'll you've".split())
FIRST_PERSON = frozenset("i i'm me my we we're us our".split())
_MARKS = re.compile(r"[“”«»\"]")
_SECOND_PERSON_RE = re.compile(r"\b[Yy]ou(?:rs?|rself|['’](?:re|ll|ve))?\b")


@register("reader_address", severity=1, colour="#dee2e6", scope="corpus",
          explanation="‘{text}’: a line that speaks to the reader (an advertisement or a widget), printed by no "
                      "other outlet",
          confirmed_by=("advertisement", "advert", "promo", "widget", "inserted"))
def reader_addresses(corpus, quotes=None) -> list[dict]:
    """Second-person lines outside quotations that the other outlets do not print."""
    candidates = []
    for source in report_sources(corpus):
        text = corpus.texts[source]
        for line in re.finditer(r"[^\n]+", text):
            if len(_SECOND_PERSON_RE.findall(line.group())) < MIN_SECOND_PERSON:
                continue  # the cheap test first: most lines never say "you"
            keys = [normalise_word(w.text) for w in tokens(line.group())]
            if (MIN_WORDS <= len(keys) <= MAX_WORDS and not _MARKS.search(line.group())
                    and sum(k in SECOND_PERSON for k in keys) >= MIN_SECOND_PERSON
                    and not any(k in FIRST_PERSON for k in keys)):
                candidates.append((source, line, _grams(keys)))
    if not candidates:
        return []
    wanted = set().union(*(grams for _, _, grams in candidates))
    printers: dict[tuple, set[str]] = {}
    for source in in_scope_sources(corpus):
        for gram in _grams(article_keys(corpus.texts[source])) & wanted:
            printers.setdefault(gram, set()).add(source)
    rows = []
    for source, line, grams in candidates:
        shared = sum(bool(others_count(printers.get(g, ()), source)) for g in grams)
        if grams and shared > SHARED * len(grams):
            continue  # other outlets print it: a reproduced document, not the page's own furniture
        start, end = line.start(), line.start() + len(line.group().rstrip())
        text = corpus.texts[source]
        rows.append({"source": source, **row(start, end, "reader_address",
                     f"‘{text[start:end]}’: a line in the second person (‘you’, ‘your’) that speaks to the "
                     "reader, outside any quotation, and no other outlet prints it")})
    return rows


def _grams(keys: list[str]) -> set[tuple[str, ...]]:
    return {tuple(keys[i:i + GRAM]) for i in range(len(keys) - GRAM + 1)}
