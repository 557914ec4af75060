"""midsentence_capital: a capitalised function word inside a sentence ("the ministry And it")."""

from __future__ import annotations

import bisect
import functools
import re

from .registry import register, row
from .util import word_edge as _word_edge


FUNCTION_WORDS = frozenset(
    "And But Or Nor By Of In On At To For With From The That Which Who He She It They We His Her Its Their "
    "Has Had Was Were Is Are As After Before While When Than Into About If We Our You Your My".split()
)
# an editor's bracketed ellipsis marks words left out, often a sentence's end: what follows may open the next
# sentence ("today I feel like a migrant worker… (…) Of course I’m not a lawyer")
_BRACKETED_ELLIPSIS = re.compile(r"[(\[][ \t]?(?:…|\.\.\.)[ \t]?[)\]]$")
ELLIPSIS_REACH = 7  # characters of the longest bracketed ellipsis, "( ... )"
# after a letter, a comma after a word, or a closing bracket; the expression starts with the space so that
# the search skips to spaces instead of trying a look-behind at every position
_MID_CAPITAL = re.compile(r"[ \t](?:(?<=[^\W\d_][ \t])|(?<=\w,[ \t])|(?<=[\]\)][ \t]))[ \t]*(?P<word>[A-Z][a-z]*)(?=[ \t]+[a-z])")


@register("midsentence_capital", severity=2, colour="#eebefa",
          explanation="‘{text}’: a capitalised word in the middle of a sentence (a lost sentence break)",
          confirmed_by=("capital",))
def midsentence_capitals(text: str, words=None) -> list[dict]:
    """A capitalised function word inside a sentence, after a word, a comma or a closing bracket and before
    a lower-case word ("the ministry And it", "[the country] By making", "for years, We should"). Not after a colon, a quotation mark, a
    dash or an editor's bracketed ellipsis ("(…)"), not in a Title Case line (a headline, a title, a name)."""
    rows = []
    for match in _MID_CAPITAL.finditer(text):
        name = "word"
        word = match.group(name)
        if word not in FUNCTION_WORDS or _title_case_line(text, match.start(name)) \
                or _BRACKETED_ELLIPSIS.search(text, max(0, match.start() - ELLIPSIS_REACH), match.start()):
            continue
        start = _previous_word_start(text, match.start())
        end = _word_edge(text, match.end(name) + 1, +1)
        rows.append(row(start, end, "midsentence_capital",
                        f"‘{text[start:end]}’: ‘{word}’ is capitalised in the middle of a sentence "
                        "(a sentence break lost, or two sentences spliced)"))
    return rows


def _previous_word_start(text: str, at: int) -> int:
    """Start of the word or bracketed group just before ``at`` ("ministry", "[the country]"; "years" of
    "years,")."""
    if at > 0 and text[at - 1] == ",":
        at -= 1
    if at > 0 and text[at - 1] in ")]":
        opening = text.rfind("[" if text[at - 1] == "]" else "(", max(0, at - 80), at)
        return opening if opening >= 0 else at - 1
    return _word_edge(text, at, -1)


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in Title Case (most longer words capitalised).

    Each line is judged once per text (a one-line article has thousands of matches on one line)."""
    breaks = _line_breaks(text)
    i = bisect.bisect_left(breaks, at)
    return _title_case_span(text, breaks[i - 1] + 1 if i else 0, breaks[i] if i < len(breaks) else len(text))


@functools.lru_cache(maxsize=8)
def _line_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


@functools.lru_cache(maxsize=1024)
def _title_case_span(text: str, start: int, end: int) -> bool:
    longer = [w for w in re.findall(r"[^\W\d_]{4,}", text[start:end])]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer)


