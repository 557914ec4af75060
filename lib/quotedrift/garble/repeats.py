"""repeated_word: a word or fragment printed twice ("missiles and missiles", "to to be", "it had He had")."""

from __future__ import annotations

import re

from ..text import Token, normalise_word, tokens
from .registry import register, row
from .words import known
from .util import SPACES as _SPACES, merge_overlaps as _merge_overlaps, spaced as _spaced


# Words that are doubled on purpose: "had had", "that that purchase", "bye bye", "very very".
LEGIT_DOUBLES = frozenset(
    "had that bye very really so ha no yes yeah now well there far long many much knock tut boo hush "
    "night chop go bla blah ho hip".split()
)
# Words repeated around "and" on purpose: "again and again", "years and years", "louder and louder".
LEGIT_AND_DOUBLES = frozenset(
    "again more less over on round around by through on up down out in back forth time times year years "
    "day days hour hours week weeks month months decade decades mile miles hundreds thousands millions "
    "billions row rows layer layers page pages side step".split()
)
LONG_FRAGMENT = 4  # words of a fragment that, printed twice, is damage even across a full stop
_STOP = re.compile(r"[ \t]*[.…,;][ \t]*")
PRONOUNS = frozenset("i you he she it we they this that there".split())


@register("repeated_word", severity=2, colour="#ffc9c9",
          explanation="‘{text}’: a word or fragment printed twice",
          confirmed_by=("duplicated", "repeated", "typo"))
def repeated_words(text: str, words: list[Token] | None = None) -> list[dict]:
    """Doubled words and fragments: "to to be", "missiles and missiles", "it had He had", "in the in the"."""
    words = tokens(text) if words is None else words
    keys = [normalise_word(w.text) for w in words]
    rows: list[dict] = []
    for i in _repeat_candidates(keys):
        found = (_doubled_word(text, words, keys, i) or _doubled_fragment(text, words, keys, i)
                 or _doubled_around_and(text, words, keys, i) or _pronoun_swapped(text, words, keys, i))
        if found:
            rows.append(found)
    rows += _compound_doubled(text, words)
    return _merge_overlaps(rows)


def _compound_doubled(text: str, words: list[Token]) -> list[dict]:
    """ "Sharia-governed governed": a hyphenated compound followed by its own last part."""
    rows = []
    for a, b in zip(words, words[1:]):
        if "-" in a.text and a.text.rsplit("-", 1)[1].lower() == b.text.lower() and len(b.text) > 2 \
                and _spaced(text, a, b):
            rows.append(row(a.start, b.end, "repeated_word",
                            f"‘{text[a.start:b.end]}’: ‘{b.text}’ is printed twice (after the compound ‘{a.text}’)"))
    return rows


def _repeat_candidates(keys: list[str]) -> list[int]:
    """Positions where some repeat detector can fire: word i comes back within the next four words
    (doubled word, doubled fragment, "X and X"), or word i+1 comes back two words later ("it had He had").
    Every other position is skipped without calling the detectors (same rows, far fewer calls)."""
    n = len(keys)
    return [i for i in range(n)
            if keys[i] in keys[i + 1:i + 5] or (i + 3 < n and keys[i + 1] == keys[i + 3])]


def _doubled_word(text, words, keys, i) -> dict | None:
    if i + 1 >= len(words) or keys[i] != keys[i + 1] or not _spaced(text, words[i], words[i + 1]):
        return None
    a, b = words[i], words[i + 1]
    if keys[i] in LEGIT_DOUBLES or not a.text.isalpha():
        return None
    if a.text[0].isupper() and b.text[0].isupper() and not known(a.text, 5.5):
        return None  # a name that doubles: "Sirhan Sirhan", "Walla Walla"
    if _whole_sentence(text, a.start, b.end):
        return None  # a sentence of the doubled word alone is emphasis: "Not regular hardcore. Hardcore hardcore."
    return row(a.start, b.end, "repeated_word", f"‘{text[a.start:b.end]}’: the word ‘{b.text}’ is printed twice")


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a sentence of its own: a line start or a full stop before it, one after it."""
    before = text[max(0, start - 3):start].rstrip(" \t")
    return (not before or before[-1] in ".!?\n") and text[end:end + 1] in (".", "!", "?")


def _doubled_fragment(text, words, keys, i) -> dict | None:
    for n in (4, 3, 2):
        if i + 2 * n > len(words) or keys[i:i + n] != keys[i + n:i + 2 * n]:
            continue
        halves = all(_spaced(text, words[j], words[j + 1]) for j in range(i, i + 2 * n - 1) if j != i + n - 1)
        junction = text[words[i + n - 1].end:words[i + n].start]
        # the halves meet across spaces, or (four words or more) across a stop or an ellipsis on one line:
        # "Today I feel gay… today I feel gay" (not "Today I feel gay. Today I feel disabled")
        if halves and (_SPACES.fullmatch(junction) or n >= LONG_FRAGMENT and _STOP.fullmatch(junction)):
            start, end = words[i].start, words[i + 2 * n - 1].end
            half = text[words[i].start:words[i + n - 1].end]
            return row(start, end, "repeated_word", f"‘{text[start:end]}’: the words ‘{half}’ are printed twice")
    return None


def _doubled_around_and(text, words, keys, i) -> dict | None:
    if i + 2 >= len(words) or keys[i + 1] not in ("and", "or") or keys[i] != keys[i + 2]:
        return None
    a, b = words[i], words[i + 2]
    if (not b.text.islower() or not a.text.isalpha() or len(a.text) < 3 or keys[i] in LEGIT_AND_DOUBLES or keys[i].endswith("er")
            or not (_spaced(text, a, words[i + 1]) and _spaced(text, words[i + 1], b))):
        return None
    return row(a.start, b.end, "repeated_word",
               f"‘{text[a.start:b.end]}’: the same word on both sides of ‘{words[i + 1].text}’ "
               "(a copy that lost the second word)")


def _pronoun_swapped(text, words, keys, i) -> dict | None:
    """ "it had He had": a fragment repeated with its pronoun swapped, the second one capitalised."""
    if i + 3 >= len(words):
        return None
    a, b, c, d = words[i:i + 4]
    if not (keys[i] in PRONOUNS and keys[i + 2] in PRONOUNS and keys[i] != keys[i + 2] and keys[i + 1] == keys[i + 3]):
        return None
    if not (a.text[0].islower() and c.text[0].isupper() and c.text != "I"):
        return None
    if not all(_spaced(text, x, y) for x, y in ((a, b), (b, c), (c, d))):
        return None
    return row(a.start, d.end, "repeated_word",
               f"‘{text[a.start:d.end]}’: ‘{b.text}’ is printed twice, with two different subjects "
               f"(‘{a.text}’ and ‘{c.text}’): two versions of one sentence spliced together")


