"""inserted_word: a common word put inside a name that the other outlets print whole.

A name of several capitalised words ("Zorbian President Ivan Petrov", "Secretary of State Jane Doe")
that at least ``MIN_OTHERS`` other outlets print, printed here with one lower-case word inside it that no other
outlet prints there ("Zorbian language President Ivan Petrov"), is an article spinner's or a translator's
addition: a name's words are not rewritten by a careful editor. Only words between two capitalised words of
the name count, separated by single spaces, so that a sentence going on after a name ("President Ivan Petrov
said") or a name split by punctuation is never compared.

Cost: one pass over every in-scope report's words to collect its capitalised runs, one pass to look each
window up: linear in the corpus's length.
"""

from __future__ import annotations

from collections import defaultdict

from .registry import register, row
from .util import article_words, merge_overlaps, report_sources, spaced

NAME_WORDS = (4,)  # words of the names compared (three-word names join two in prose: "Zorbia hosting World Cup")
MIN_OTHERS = 3  # other outlets that must print the name whole
JOINERS = frozenset("of the and for".split())  # lower-case words that belong inside names


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower() if len(word) > 1 else word.isupper()


def _runs(text: str):
    """Runs of words separated by single spaces only (no punctuation, no line break)."""
    run = []
    for word in article_words(text):
        if run and not spaced(text, run[-1], word):
            if len(run) > 2:
                yield run
            run = []
        run.append(word)
    if len(run) > 2:
        yield run


def _name(words) -> bool:
    """Capitalised words (joiners allowed inside), starting and ending with a capitalised one."""
    return (_capitalised(words[0].text) and _capitalised(words[-1].text)
            and all(_capitalised(w.text) or w.text in JOINERS for w in words))


def _names(text: str) -> set[tuple[str, ...]]:
    found = set()
    for run in _runs(text):
        for n in NAME_WORDS:
            for i in range(len(run) - n + 1):
                if _name(run[i:i + n]):
                    found.add(tuple(w.text for w in run[i:i + n]))
    return found


@register("inserted_word", severity=2, colour="#ffc9c9", scope="corpus",
          explanation="‘{text}’: a word put inside a name that the other outlets print whole",
          confirmed_by=("spinner", "inserted", "substitution"))
def inserted_words(corpus, quotes=None) -> list[dict]:
    """Names with one lower-case word inside that every other outlet prints without it."""
    sources = report_sources(corpus)
    if len(sources) <= MIN_OTHERS:
        return []
    printed_by: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for source in sources:
        for name in _names(corpus.texts[source]):
            printed_by[name].add(source)
    found = []
    for source in sources:
        text = corpus.texts[source]
        rows = []
        for window in _windows(text):
            insertion = _insertion(window, printed_by, source)
            if insertion:
                inserted, name, others = insertion
                start, end = window[0].start, window[-1].end
                rows.append(row(start, end, "inserted_word", f"‘{text[start:end]}’: ‘{inserted}’ inside ‘{name}’, "
                                                             f"which {others} other outlets print without it"))
        found += [{"source": source, **r} for r in merge_overlaps(rows)]
    return found


def _windows(text: str):
    """Runs of one word more than a name, starting and ending with a capitalised word."""
    for run in _runs(text):
        for n in NAME_WORDS:
            for i in range(len(run) - n):
                if _capitalised(run[i].text) and _capitalised(run[i + n].text):
                    yield run[i:i + n + 1]


def _insertion(window, printed_by: dict, source: str) -> tuple[str, str, int] | None:
    """(the inserted word, the name, how many other outlets print it) when one lower-case word inside the
    window is all that departs from a name other outlets print."""
    for j in range(1, len(window) - 1):
        inserted = window[j].text
        if not inserted.islower() or inserted in JOINERS:
            continue
        rest = window[:j] + window[j + 1:]
        printers = printed_by.get(tuple(w.text for w in rest), ())
        others = len(printers) - (source in printers)  # counted, not a copy of the set per window
        if others >= MIN_OTHERS and _name(rest):
            return inserted, " ".join(w.text for w in rest), others
    return None
