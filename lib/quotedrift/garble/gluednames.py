"""glued_name: a name that the other copies print, run together with a common word ("Smithhe", "Leeadded").

wordfreq does not know most names, so ``glued_words`` cannot split "Smithhe"; the corpus can: the other
copies print "Smith" as a word of its own. A word no other copy prints and no word list knows, made of a
capitalised word that at least ``MIN_OTHERS`` other copies print and a common lower-case English word, is
the two run together. Linear in the corpus's length (one look-up per split point of each unknown word).
"""

from __future__ import annotations

from collections import defaultdict

from .registry import register, row
from .words import zipf
from .util import article_words, in_scope_sources

MIN_OTHERS = 2  # other copies that must print the name on its own
MIN_NAME_LETTERS = 3
UNKNOWN_ZIPF = 1.0  # the glued word: below this wordfreq frequency
TAIL_ZIPF = 5.0  # the glued common word: at least this frequent ("he", "said", "the", "and")


@register("glued_name", severity=2, colour="#ffd8a8", scope="corpus",
          explanation="‘{text}’: a name the other copies print, run together with the next word",
          confirmed_by=("glue", "glued"))
def glued_names(corpus, quotes=None) -> list[dict]:
    """Unknown words that split into a name other copies print and a common English word."""
    sources = in_scope_sources(corpus)
    if len(sources) <= MIN_OTHERS:
        return []  # no other copies to learn names from
    words = {s: [w for w in article_words(corpus.texts[s]) if w.text.isalpha()] for s in sources}
    printed_by: dict[str, set[str]] = defaultdict(set)
    for source, found in words.items():
        for word in found:
            printed_by[word.text].add(source)
    rows = []
    for source in sources:
        seen: set[str] = set()
        for word in words[source]:
            text = word.text
            if (text in seen or not text[:1].isupper() or len(text) < MIN_NAME_LETTERS + 2
                    or printed_by[text] != {source} or zipf(text) >= UNKNOWN_ZIPF):
                continue
            seen.add(text)
            for cut in range(MIN_NAME_LETTERS, len(text) - 1):
                name, tail = text[:cut], text[cut:]
                printers = printed_by.get(name, ())
                others = len(printers) - (source in printers)  # counted, not a copy of the set per cut
                if tail.islower() and others >= MIN_OTHERS and zipf(tail) >= TAIL_ZIPF:
                    rows.append({"source": source, **row(word.start, word.end, "glued_name",
                                 f"‘{text}’: ‘{name}’, which {others} other copies print, run together "
                                 f"with ‘{tail}’ (a space is missing)")})
                    break
    return rows
