"""real_word_typo: a rare word one letter away from a function word ("Theses are not employees").

A dropped, added or swapped letter can turn a word into another real word that a spelling check passes:
"These" becomes "Theses", "three" becomes "thee". Such a slip shows when the printed word is rare
(wordfreq Zipf at most ``RARE_ZIPF``) and one letter away from a function word or a number word (the
grammar's words: "these", "there", "with", "three"), at least ``RATIO_ZIPF`` more frequent: in running news
text the function word is then far likelier meant. Content words are left alone ("liken" is not "like"
mistyped), and so are names (a capital inside a sentence). The parts of a hyphenated word are judged apart
("thee-month"). One pass over the words, each distinct word judged once: linear in the text's length.
"""

from __future__ import annotations

import functools
import string

from .. import lexicon
from ..text import Token, tokens
from .departure import FUNCTION_KEYS
from .registry import register, row
from .words import word_zipf, zipf

RARE_ZIPF = 3.5  # the printed word: seen now and then ("theses" 2.9, "thee" 3.3)
RATIO_ZIPF = 2.4  # how much more frequent the word meant is, at least (10 ** 2.4: 250 times)
NUMBER_WORDS = frozenset(lexicon.column("count_words", "word", kind="number"))  # lexicon/count_words.csv
MIN_LETTERS = 4  # shorter words are one letter away from too many others


@register("real_word_typo", severity=2, colour="#ffb3c6",
          explanation="‘{text}’: a rare word one letter away from a common function word (a slip of typing)",
          confirmed_by=("typo", "misspel", "dropped", "letter"))
def real_word_typos(text: str, words: list[Token] | None = None) -> list[dict]:
    """Rare words one letter from a far commoner word, outside names."""
    words = tokens(text) if words is None else words
    rows = []
    for word in _parts(words):
        if len(word.text) < MIN_LETTERS or not word.text.isalpha():
            continue
        meant = _meant(word.text.lower())
        if meant is None or (word.text[0].isupper() and not _sentence_start(text, word.start)):
            continue
        rows.append(row(word.start, word.end, "real_word_typo",
                        f"‘{word.text}’: a rare word (Zipf {zipf(word.text):.1f}) one letter away from ‘{meant}’ "
                        f"(Zipf {zipf(meant):.1f}), which is far commoner"))
    return rows


@functools.lru_cache(maxsize=1 << 16)
def _meant(word: str) -> str | None:
    """The commonest function or number word one letter away, when ``word`` is rare and that word far
    commoner."""
    own = zipf(word)
    if own > RARE_ZIPF or own == 0:
        return None  # a common word, or no word at all (the spelling detectors' job)
    best, best_zipf = None, own + RATIO_ZIPF
    for candidate in _one_letter_away(word):
        if candidate not in FUNCTION_KEYS and candidate not in NUMBER_WORDS:
            continue
        frequency = word_zipf().get(candidate, 0.0)
        if frequency >= best_zipf and candidate != word:
            best, best_zipf = candidate, frequency
    return best


def _parts(words: list[Token]):
    """The words, a hyphenated word as its parts."""
    for word in words:
        if "-" not in word.text:
            yield word
            continue
        at = word.start
        for part in word.text.split("-"):
            yield Token(part, at, at + len(part))
            at += len(part) + 1


def _one_letter_away(word: str):
    """Every string one letter dropped, added, changed or two neighbours swapped away from ``word``."""
    letters = string.ascii_lowercase
    for i in range(len(word) + 1):
        for c in letters:
            yield word[:i] + c + word[i:]
        if i < len(word):
            yield word[:i] + word[i + 1:]
            for c in letters:
                yield word[:i] + c + word[i + 1:]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4):at].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?\n:"
