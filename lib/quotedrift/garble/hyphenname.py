"""split_name: a word pushed inside a hyphenated name ("Tsai Ing-meeting wen's" for "Tsai Ing-wen's meeting").

A spinner that moves words around a possessive can push one into a hyphenated given name. The corpus
knows the name: at least ``MIN_PRINTERS`` outlets print the hyphenated form ("Ing-wen"). A word here that
joins the name's first part to another word ("Ing-meeting") and is followed by the name's second part
("wen's") is such a split. One pass to collect the corpus's hyphenated names, one over each article's
words: linear in the corpus's length.
"""

from __future__ import annotations

from collections import defaultdict

from ..text import tokens
from .registry import register, row
from .util import in_scope_sources, report_sources

MIN_PRINTERS = 2  # outlets that must print the hyphenated name


@register("split_name", severity=2, colour="#ffc9c9", scope="corpus",
          explanation="‘{text}’: a word pushed inside a hyphenated name the other outlets print whole",
          confirmed_by=("inserted", "inside the name", "name"))
def split_names(corpus, quotes=None) -> list[dict]:
    """Hyphenated names with a word pushed between their parts."""
    printers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source in in_scope_sources(corpus):
        for word in tokens(corpus.texts[source]):
            parts = _without_possessive(word.text).split("-")
            if len(parts) == 2 and parts[0][:1].isupper() and parts[0][1:].islower() and parts[1].isalpha() \
                    and parts[1].islower():
                printers[(parts[0], parts[1])].add(source)
    seconds: dict[str, set[str]] = defaultdict(set)
    for (first, second), found in printers.items():
        if len(found) >= MIN_PRINTERS:
            seconds[first].add(second)
    rows = []
    for source in report_sources(corpus):
        text = corpus.texts[source]
        words = tokens(text)
        for word, following in zip(words, words[1:]):
            first, _, rest = _without_possessive(word.text).partition("-")
            known = seconds.get(first)
            if not known or not rest or rest in known or "-" in rest:
                continue
            second = next((s for s in sorted(known) if following.text.lower().startswith(s)), None)
            if second is None or text[word.end:following.start] != " ":
                continue
            rows.append({"source": source, **row(word.start, following.end, "split_name",
                         f"‘{text[word.start:following.end]}’: ‘{rest}’ stands inside the name "
                         f"‘{first}-{second}’ that {len(printers[(first, second)])} outlets print whole")})
    return rows


def _without_possessive(word: str) -> str:
    """The word without a possessive ending ("Ing-wen's" is "Ing-wen")."""
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[:-len(ending)]
    return word
