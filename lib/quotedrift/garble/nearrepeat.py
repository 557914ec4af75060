"""repeated_sentence: a sentence printed twice in a row, the second time with a word or two changed.

A rewrite that keeps the source sentence and adds its own version of it ("… giving “moral lessons” over the
controversial tournament. … giving “moral lessons” about the controversial tournament.") prints
one statement twice. Two neighbouring sentences of one paragraph, each of ``MIN_WORDS`` words or more,
whose words agree at least ``SIMILARITY`` (difflib's ratio over the word sequence) are such a repeat; short
sentences are left alone (a speaker's refrain: "Today I feel tired. Today I feel proud."). Each sentence is
compared with the next only, and sentences over ``MAX_WORDS`` are not compared: linear in the text's length.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..text import normalise_word, tokens
from .registry import register, row

MIN_WORDS = 12  # a sentence this long is a statement, not a refrain
MAX_WORDS = 80  # longer "sentences" are not compared (a page without full stops: no quadratic comparison)
SIMILARITY = 0.85  # share of the two sentences' words in common, in order
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[”\"’]?|$)", re.MULTILINE)


@register("repeated_sentence", severity=2, colour="#ffec99",
          explanation="‘{text}’: one sentence printed twice in a row, the second time reworded",
          confirmed_by=("printed twice", "repeated", "twice", "duplicat"))
def repeated_sentences(text: str, words=None) -> list[dict]:
    """Neighbouring sentences of a paragraph that say the same words, nearly all."""
    rows = []
    previous = None  # (start, end, word keys) of the sentence before, in the same paragraph
    for match in _SENTENCE.finditer(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        end = match.end()
        keys = [normalise_word(w.text) for w in tokens(text, start, end)]
        if previous and "\n" not in text[previous[1]:start] and _alike(previous[2], keys):
            rows.append(row(previous[0], end, "repeated_sentence",
                            f"‘{text[previous[0]:end]}’: the second sentence repeats the first "
                            f"({_share(previous[2], keys):.0%} of their words in common, in order)"))
        previous = (start, end, keys) if start < end else None
    return rows


def _alike(a: list[str], b: list[str]) -> bool:
    return (MIN_WORDS <= len(a) <= MAX_WORDS and MIN_WORDS <= len(b) <= MAX_WORDS
            and _share(a, b) >= SIMILARITY)


def _share(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
