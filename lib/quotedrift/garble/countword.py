"""count_word_typo: a number word with a letter dropped before a unit of time ("the ‘thee-month severance’").

In a compound such as "three-month" or "seven-day" the first part counts the unit after the hyphen, so it
must be a number. When it is instead a number word of at least ``MIN_NUMBER_LETTERS`` letters with one letter
dropped ("thee" for "three", "seve" for "seven"), the copy lost a letter, and the spelling detectors pass it
when what is left is a real word. A word commoner than the number word it would come from ("even", which
makes "even-year" elections) is left alone: the writer more likely meant it. One pass over the hyphenated
words: linear in the text's length.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..text import Token, tokens
from .registry import register, row
from .words import zipf

MIN_NUMBER_LETTERS = 5  # shorter number words lose a letter into other words ("to", "on")
NUMBER_WORDS = [w for w in lexicon.column("count_words", "word", kind="number") if len(w) >= MIN_NUMBER_LETTERS]
UNITS = frozenset(lexicon.column("count_words", "word", kind="unit"))
COMPOUND = re.compile(r"""(?ix) ^ ([a-z]+) - ([a-z]+?) s? (?: - | $ )""")  # count-unit, plural unit allowed


def _dropped_letter_index() -> dict[str, str]:
    """Each number word with one of its letters dropped, mapped to the number word."""
    index: dict[str, str] = {}
    for number in NUMBER_WORDS:
        for at in range(len(number)):
            index.setdefault(number[:at] + number[at + 1:], number)
    return index


DROPPED = _dropped_letter_index()


@register("count_word_typo", severity=2, colour="#fbcfe8",
          explanation="‘{text}’: a number word with a letter dropped, counting a unit of time",
          confirmed_by=("dropped", "letter", "typo", "misspel"))
def count_word_typos(text: str, words: list[Token] | None = None) -> list[dict]:
    """First parts of count-unit compounds that are a number word less one letter."""
    words = tokens(text) if words is None else words
    rows = []
    for word in words:
        if "-" not in word.text:
            continue
        found = COMPOUND.match(word.text)
        if not found or found.group(2).lower() not in UNITS:
            continue
        printed = found.group(1)
        number = DROPPED.get(printed.lower())
        if number is None or zipf(printed) >= zipf(number):
            continue
        rows.append(row(word.start, word.start + len(printed), "count_word_typo",
                        f"‘{printed}’ counts the ‘{found.group(2)}’ after it, so it should be a number: it is "
                        f"‘{number}’ with a letter dropped"))
    return rows
