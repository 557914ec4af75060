"""misread_letter: a lower-case ‘l’ where a capital ‘I’ belongs ("so l think", "“lf you are sure").

Text read from a screenshot by OCR, or typed by someone copying one, confuses the two letters that look
alike in most fonts. A lone "l" between words in running text (not after a number: "5 l" is litres), and a
word that is no English word (or opens a sentence in lower case) but becomes a common one with its first
"l" read as "I" ("lf", "lt", "ls"), are such misreadings. One pass over the words: linear in the text's length.
"""

from __future__ import annotations

from ..text import Token, tokens
from .registry import register, row
from .words import zipf

UNKNOWN_ZIPF = 1.0  # a word below this wordfreq frequency is no English word
SENTENCE_REACH = 8  # characters looked at before a word to tell whether it opens a sentence
COMMON_ZIPF = 4.0  # the word read with ‘I’ must be at least this common ("If", "It", "In", "Is")


@register("misread_letter", severity=2, colour="#ffb3c6",
          explanation="‘{text}’: a lower-case ‘l’ printed where a capital ‘I’ belongs (a misread letter)",
          confirmed_by=("ocr", "lower-case l", "misread"))
def misread_letters(text: str, words: list[Token] | None = None) -> list[dict]:
    """Lone "l" for "I" in running text, and "lf"-like words that read as English with "I"."""
    words = tokens(text) if words is None else words
    rows = []
    for previous, word, following in zip([None] + words[:-1], words, words[1:] + [None]):
        if word.text == "l" and _running_text(text, previous, word, following):
            rows.append(row(word.start, word.end, "misread_letter",
                            "‘l’: a lone lower-case ‘l’ between words, where the pronoun ‘I’ belongs"))
        elif (len(word.text) >= 2 and word.text[0] == "l" and word.text[1] not in "aeiouly"
              and (zipf(word.text) < UNKNOWN_ZIPF or _sentence_start(text, word.start))
              and zipf("I" + word.text[1:]) >= COMMON_ZIPF):
            rows.append(row(word.start, word.end, "misread_letter",
                            f"‘{word.text}’: {'no English word' if zipf(word.text) < UNKNOWN_ZIPF else 'a lower-case word opening a sentence'}; "
                            f"read with a capital ‘I’ it is ‘I{word.text[1:]}’"))
    return rows


def _sentence_start(text: str, at: int) -> bool:
    """Whether only spaces and opening quotation marks stand between ``at`` and a sentence end or line start."""
    before = text[max(0, at - SENTENCE_REACH):at].rstrip(" \t“\"‘'«(")
    return not before or before[-1] in ".!?\n:"


def _running_text(text: str, previous: Token | None, word: Token, following: Token | None) -> bool:
    """Whether a lone "l" stands in a sentence: a lower-case word follows on the same line, and no number
    or enumeration letter comes right before it."""
    if following is None or not following.text[:1].islower() or "\n" in text[word.end:following.start]:
        return False
    if text[word.end:word.end + 1] in ").":
        return False  # "l)" or "l." : an item of a list, an abbreviation
    return previous is None or not previous.text[-1:].isdigit()
