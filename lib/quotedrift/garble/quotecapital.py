"""quote_capital: a partial quotation inside a sentence that opens with a capital the other outlets do not
print (the ministry “Strongly objected” to the comments).

A quotation of a few words fitted into the reporter's sentence keeps the sentence's case: "said the ministry
“strongly objected” to". A copy that capitalises its first word as if it opened a sentence leaves a capital
in mid-sentence. The evidence is the corpus: the quotation stands between a word and a lower-case word (no
colon, no comma: it does not open a sentence), the rest of it is in lower case (not a title: “A Fork in the
Road”), no other outlet prints its first two words capitalised after a lower-case word, and either at least
``MIN_OTHERS`` other outlets print them with the first in lower case or the first is an adverb in "-ly"
made of an English word ("Strongly": an adverb is never a name, where "Soviet weapons" keeps its capital). One pass to collect the candidates, one over
the corpus's words: linear in its length.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .registry import register, row
from .util import in_scope_sources, others_count, report_sources
from .words import zipf

MIN_OTHERS = 1  # other outlets printing the words in lower case
ADVERB_ZIPF = 3.0  # the adverb and its adjective are both English words at least this common
# a word, an opening mark, a capitalised word and lower-case words, a closing mark, a lower-case word
_PARTIAL = re.compile(r"""(?<=[A-Za-z][ ])[“"](?P<first>[A-Z][a-z]+)(?P<rest>(?:[ ][a-z][\w’'-]*){1,8})[”"]
                          (?=[ ][a-z])""", re.VERBOSE)


@register("quote_capital", severity=1, colour="#eebefa", scope="corpus",
          explanation="‘{text}’: a quotation inside a sentence opened with a capital the other outlets print in "
                      "lower case",
          confirmed_by=("capital",))
def quote_capitals(corpus, quotes=None) -> list[dict]:
    """Partial quotations capitalised in mid-sentence where the other outlets print the words in lower case."""
    candidates = []
    for source in report_sources(corpus):
        text = corpus.texts[source]
        for match in _PARTIAL.finditer(text):
            second = match.group("rest").split()[0]
            candidates.append((source, match, (match.group("first").lower(), second.lower())))
    if not candidates:
        return []
    wanted = {pair for _, _, pair in candidates}
    # the wanted word pairs, in any case, with the word before them: one search per text
    pairs = re.compile(r"(?:\b(?P<before>\w+)\W+)?\b(?P<a>" + "|".join(sorted({re.escape(a) for a, _ in wanted}))
                       + r")[ ](?P<b>[a-z][\w’'-]*)", re.IGNORECASE)
    lower: dict[tuple[str, str], set[str]] = defaultdict(set)
    upper: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source in in_scope_sources(corpus):
        for match in pairs.finditer(corpus.texts[source]):
            a, b, before = match.group("a"), match.group("b"), match.group("before")
            pair = (a.lower(), b.lower())
            if pair not in wanted or not b.islower():
                continue
            if a.islower():
                lower[pair].add(source)
            elif before is not None and before.islower():
                upper[pair].add(source)
    rows = []
    for source, match, pair in candidates:
        others = others_count(lower[pair], source)
        if others_count(upper[pair], source) or not (others >= MIN_OTHERS or _adverb(pair[0])):
            continue
        text = corpus.texts[source]
        start, end = match.start(), match.end()
        why = (f"{others} other outlet{'s' if others > 1 else ''} print ‘{pair[0]} {pair[1]}’ in lower case"
               if others else f"‘{match.group('first')}’ is an adverb, never a name")
        rows.append({"source": source, **row(start, end, "quote_capital",
                     f"‘{text[start:end]}’: a quotation inside a sentence opened with a capital; {why}")})
    return rows


def _adverb(word: str) -> bool:
    """An adverb in "-ly" made of an English word ("strongly" of "strong"; not "italy", "kelly")."""
    return word.endswith("ly") and zipf(word) >= ADVERB_ZIPF and zipf(word[:-2]) >= ADVERB_ZIPF
