"""untranslated_text: a run of words in another language inside English text ("la Corée du Nord")."""

from __future__ import annotations

import functools
import re

from ..text import Token, normalise_word, tokens
from ..wordcache import cached
from .registry import register, row
from .util import spaced as _spaced
from .words import word_zipf, zipf


FOREIGN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")
FOREIGN_FUNCTION_WORDS = frozenset(
    "le la les du des de et une un est dans pour avec sur qui que au aux par pas ce cette leur "
    "der die das und ist nicht mit von den dem ein eine zu auf für im "
    "el los las y del en con por para una es "
    "il lo gli della delle di che è per "
    "o os as do da dos das em não com "
    "het een van niet met voor".split()
)


@register("untranslated_text", severity=3, colour="#c5f6fa",
          explanation="‘{text}’: words in another language left untranslated inside English text",
          confirmed_by=("untranslated", "machine translation"))
def untranslated_text(text: str, words: list[Token] | None = None) -> list[dict]:
    """A run of three or more words in another language inside English text ("la Corée du Nord"): each
    word commoner in French, German, Spanish, Italian, Portuguese or Dutch than in English, one of them a
    function word of that language and one no English word at all."""
    words = tokens(text) if words is None else words
    rows, run = [], []
    for word in words + [None]:
        foreign = word is not None and _foreign(word.text)
        if foreign and (not run or _spaced(text, run[-1], word)):
            run.append(word)
            continue
        if len(run) >= 3 and _foreign_run(run) and not _after_name(text, run[0]):
            start, end = run[0].start, run[-1].end
            rows.append(row(start, end, "untranslated_text",
                            f"‘{text[start:end]}’: words in another language left untranslated inside English text"))
        run = [word] if foreign else []
    return rows


@functools.lru_cache(maxsize=1 << 18)
def _foreign(word: str) -> bool:
    english = zipf(word)
    if english >= 4.5 and word.lower() not in FOREIGN_FUNCTION_WORDS:
        return False
    return foreign_zipf().get(normalise_word(word), 0.0) > max(english, 2.0)


@functools.cache
def foreign_zipf() -> dict[str, float]:
    """{word: its highest Zipf frequency in any of ``FOREIGN_LANGUAGES``} (one look-up instead of six; kept
    in the word-list cache)."""
    return cached("highest-" + "-".join(FOREIGN_LANGUAGES), _highest_foreign_zipf)


def _highest_foreign_zipf() -> dict[str, float]:
    best: dict[str, float] = {}
    for language in FOREIGN_LANGUAGES:
        for word, value in word_zipf(language, "small").items():
            if value > best.get(word, 0.0):
                best[word] = value
    return best


def _foreign_run(run: list[Token]) -> bool:
    """Three or more foreign words; a run that starts and ends with a capitalised word is a name with its
    particles ("Anna von der Berg", "Smith met Lee"), not untranslated text."""
    if run[0].text[:1].isupper() and run[-1].text[:1].isupper():
        return False
    return (len(run) >= 3 and any(w.text.lower() in FOREIGN_FUNCTION_WORDS for w in run)
            and any(zipf(w.text) < 2.0 and w.text.lower() not in FOREIGN_FUNCTION_WORDS for w in run))




def _after_name(text: str, first: Token) -> bool:
    """Whether the run follows a capitalised word on the same line and continues it as a name with its
    particles ("Ana von der Berg", where the misspelt given name is no foreign word)."""
    before = text[max(0, first.start - 40):first.start]
    match = re.search(r"([^\W\d_]+)[ \t]+$", before)
    return bool(match) and match.group(1)[:1].isupper() and first.text[:1].islower()
