"""altered_phrase: a two-word quotation that changes one word of a phrase the other outlets quote alike
(“extremely tough” where they quote “extremely hardcore”).

A speaker's short phrase travels in quotation marks from outlet to outlet. A quotation of two words that no
other outlet prints, equal but for one word to a two-word quotation at least ``MIN_PRINTERS`` other outlets
print, where the changed word is a word (no number, no function word, not a grammatical form of the other)
that no other outlet quotes anywhere, is the phrase altered: a spinner's synonym or a misremembering,
printed as the speaker's words. One pass over
the quotations, each compared with the shared quotations of its length through keys that blank out one
word: linear in the number of quotations.
"""

from __future__ import annotations

from collections import defaultdict

from ..text import normalise_word, tokens
from .copies import _grammatical_form
from .departure import FUNCTION_KEYS
from .registry import register, row
from .util import in_scope_sources, others_count, report_sources, with_marks

MIN_WORDS = MAX_WORDS = 2  # a phrase of two words (longer quotations are drift's to measure; measured: three
# and four let through a wire's own translation of a longer quotation, "ridiculously absurd and irresponsible")
MIN_PRINTERS = 3  # other outlets quoting the phrase alike


@register("altered_phrase", severity=2, colour="#f783ac", scope="corpus",
          explanation="‘{text}’: a quoted phrase with one word changed from the phrase the other outlets quote",
          confirmed_by=("replaced the quoted", "misquot", "altered", "spinner"))
def altered_phrases(corpus, quotes=None) -> list[dict]:
    """Short quotations one word away from a phrase several other outlets quote alike."""
    if quotes is None or len(quotes) == 0:
        return []
    in_scope, reports = set(in_scope_sources(corpus)), set(report_sources(corpus))
    printers: dict[tuple[str, ...], set[str]] = defaultdict(set)
    found = []
    for q in quotes.itertuples():
        if q.source not in in_scope:
            continue
        words = tokens(corpus.texts[q.source], int(q.start), int(q.end))
        keys = tuple(normalise_word(w.text) for w in words)
        if MIN_WORDS <= len(keys) <= MAX_WORDS:
            printers[keys].add(q.source)
            found.append((q.source, keys, words))
    quoted_words: dict[str, set[str]] = defaultdict(set)  # word -> outlets that print it inside a quotation
    for q in quotes.itertuples():
        if q.source in in_scope:
            for w in tokens(corpus.texts[q.source], int(q.start), int(q.end)):
                quoted_words[normalise_word(w.text)].add(q.source)
    blanked: dict[tuple, set[tuple[str, ...]]] = defaultdict(set)  # phrase with one word blanked -> phrases
    for keys, sources in printers.items():
        if len(sources) >= MIN_PRINTERS:
            for i in range(len(keys)):
                blanked[keys[:i] + ("",) + keys[i + 1:]].add(keys)
    rows = []
    for source, keys, words in found:
        if source not in reports or others_count(printers[keys], source):
            continue  # another outlet quotes it so: a phrase of its own
        for i in range(len(keys)):
            usual = sorted(blanked.get(keys[:i] + ("",) + keys[i + 1:], set()) - {keys})
            usual = [u for u in usual if others_count(printers[u], source) >= MIN_PRINTERS]
            if (not usual or keys[i] in FUNCTION_KEYS or not keys[i].isalpha()
                    or others_count(quoted_words[keys[i]], source) or _grammatical_form(keys[i], usual[0][i])):
                continue  # a word another outlet quotes: another phrase of the speaker's, not this one altered
            text = corpus.texts[source]
            start, end = with_marks(text, words[0].start, words[-1].end)
            rows.append({"source": source, **row(start, end, "altered_phrase",
                         f"‘{text[start:end]}’: ‘{words[i].text}’ where {others_count(printers[usual[0]], source)} "
                         f"other outlets quote ‘{' '.join(usual[0])}’")})
            break
    return rows
