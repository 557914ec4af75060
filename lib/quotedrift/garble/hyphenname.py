"""split_name: a word pushed inside a hyphenated name ("Tsai Ing-meeting wen's" for "Tsai Ing-wen's meeting").

A spinner that moves words around a possessive can push one into a hyphenated given name. The corpus
knows the name: at least ``MIN_PRINTERS`` outlets print the hyphenated form ("Ing-wen"). A word here that
joins the name's first part to another word ("Ing-meeting") and is followed by the name's second part
("wen's") is such a split. One pass to collect the corpus's hyphenated names, one over each article's
words: linear in the corpus's length.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .registry import register, row
from .util import in_scope_sources, report_sources

MIN_PRINTERS = 2  # outlets that must print the hyphenated name
# a capitalised part and a lower-case part joined by a hyphen ("Ing-wen", "Jong-un"), a possessive allowed
_HYPHENATED = re.compile(r"\b(?P<first>[A-Z][a-z]+)-(?P<second>[a-z]+)(?:['’]s)?\b(?!-)")
# the same, and the word after it ("Ing-meeting wen's")
_SPLIT = re.compile(r"\b(?P<first>[A-Z][a-z]+)-(?P<second>[a-z]+)(?:['’]s)?[ ](?P<following>[\w'’]+)")


@register("split_name", severity=2, colour="#ffc9c9", scope="corpus",
          explanation="‘{text}’: a word pushed inside a hyphenated name the other outlets print whole",
          confirmed_by=("inserted", "inside the name", "name"))
def split_names(corpus, quotes=None) -> list[dict]:
    """Hyphenated names with a word pushed between their parts."""
    printers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source in in_scope_sources(corpus):
        for match in _HYPHENATED.finditer(corpus.texts[source]):
            printers[(match.group("first"), match.group("second"))].add(source)
    seconds: dict[str, set[str]] = defaultdict(set)
    for (first, second), found in printers.items():
        if len(found) >= MIN_PRINTERS:
            seconds[first].add(second)
    if not seconds:
        return []
    rows = []
    for source in report_sources(corpus):
        text = corpus.texts[source]
        for match in _SPLIT.finditer(text):
            first, rest, following = match.group("first"), match.group("second"), match.group("following")
            known = seconds.get(first)
            if not known or rest in known:
                continue
            second = next((s for s in sorted(known) if following.lower().startswith(s)), None)
            if second is None:
                continue
            rows.append({"source": source, **row(match.start(), match.end(), "split_name",
                         f"‘{match.group()}’: ‘{rest}’ stands inside the name "
                         f"‘{first}-{second}’ that {len(printers[(first, second)])} outlets print whole")})
    return rows
