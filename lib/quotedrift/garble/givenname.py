"""given_name_as_surname: the given name of a family-first name used alone as if it were the surname
("Lin Wei … Wei called the remark").

In Chinese and Korean names the family name comes first ("Lin Wei": family name Lin); a later mention by
surname is "Lin". A rewrite that applies the Western order calls her "Wei". An article that prints a full
name whose first word is a family name of a family-first scheme (``lexicon/name_schemes.csv``,
``family_names.csv``) and a one-word given name, and later that given name alone as a capitalised word
(not right after the family name, not before another capitalised word), has such a mention. One pass over
the words: linear in the text's length.
"""

from __future__ import annotations

import functools

from .. import lexicon
from ..text import Token, tokens
from .registry import register, row


@functools.cache
def _family_first() -> frozenset[str]:
    """Family names (lower case) of every family-first scheme."""
    schemes = [r["scheme"] for r in lexicon.table("name_schemes") if r["order"] == "family_first"]
    return frozenset(name for scheme in schemes for name in lexicon.family_names(scheme))


@register("given_name_as_surname", severity=2, colour="#d0bfff",
          explanation="‘{text}’: a given name used alone as a surname, where the family name comes first",
          confirmed_by=("given name", "surname", "name"))
def given_names_as_surnames(text: str, words: list[Token] | None = None) -> list[dict]:
    """Lone given names of family-first full names the article prints."""
    words = tokens(text) if words is None else words
    family = _family_first()
    given: dict[str, str] = {}  # given name -> the full name it belongs to
    for a, b, c in zip(words, words[1:], [*words[2:], None]):
        if (_capitalised(a.text) and a.text.lower() in family and _capitalised(b.text)
                and text[a.end:b.start] == " " and not (c and _capitalised(c.text) and text[b.end:c.start] == " ")):
            given.setdefault(b.text, f"{a.text} {b.text}")
    if not given:
        return []
    rows = []
    for previous, word, following in zip([None, *words[:-1]], words, [*words[1:], None]):
        full = given.get(word.text)
        if not full or (previous and previous.text.lower() in family and text[previous.end:word.start] == " "):
            continue
        if (following and _capitalised(following.text) and text[word.end:following.start] == " ") or \
                (previous and _capitalised(previous.text) and text[previous.end:word.start] == " "):
            continue  # part of another name
        rows.append(row(word.start, word.end, "given_name_as_surname",
                        f"‘{word.text}’: the given name of ‘{full}’, whose family name comes first, used alone "
                        f"as a surname (the surname is ‘{full.split()[0]}’)"))
    return rows


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()
