"""wrong_pronoun: "she said" in an article whose people are all men (or "he" where all are women).

Machine translation from languages that drop or do not mark the subject's gender ("added", "concluded")
guesses a pronoun, and sometimes turns a man into "she". A pronoun before a cue verb ("she added") in an
article that names at least one person, every person it names of the other gender (by title, honorific or
first name: ``lexicon/titles.csv``, ``gender_words.csv``, gender-guesser's first names) and no word of the
pronoun's gender anywhere ("spokeswoman", "Ms", "her sister"), has no one to refer to. One pass over the
text and its names: linear in its length.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from ..people.names import find_person_names
from ..text import tokens
from .registry import register, row
from .util import listing as _listing

PRONOUN_GENDER = {"she": "female", "he": "male"}
OTHER = {"female": "male", "male": "female"}
HONORIFIC_REACH = 12  # characters before a name searched for an honorific ("Ms ", "Mr. ")


@functools.cache
def _pronoun_cue() -> re.Pattern:
    """ "she added", ", he said", "she concluded.": a subject pronoun right before a cue verb of
    ``lexicon/cues.csv``, or before a verb in the past tense that ends the sentence (a cue after a quotation)."""
    return re.compile(r"\b(?P<pronoun>[Ss]he|[Hh]e)\s+(?:(?:" + lexicon.one_word_cues()
                      + r")\b|[a-z]{3,}ed(?=[.,;]))")


@register("wrong_pronoun", severity=3, colour="#ff8787",
          explanation="‘{text}’: a pronoun of one gender in an article whose people are all of the other",
          confirmed_by=("pronoun", "she added", "he added", "gender"))
def wrong_pronouns(text: str, words=None) -> list[dict]:
    """Pronoun-and-cue pairs that no person of the article can be the subject of."""
    gendered = _gender_words(text, tokens(text) if words is None else words)
    found = [m for m in _pronoun_cue().finditer(text) if PRONOUN_GENDER[m.group("pronoun").lower()] not in gendered]
    if not found:
        return []  # no pronoun cue, or a word of its gender that it may refer to
    genders = _people_genders(text)
    if not genders:
        return []
    rows, names = [], sorted(genders)
    for match in found:
        wanted = PRONOUN_GENDER[match.group("pronoun").lower()]
        if any(g != OTHER[wanted] for g in genders.values()):
            continue
        rows.append(row(match.start(), match.end(), "wrong_pronoun",
                        f"‘{match.group()}’: the article names no {'woman' if wanted == 'female' else 'man'}; "
                        f"{_listing(names)}, the {'people' if len(names) > 1 else 'person'} it names, "
                        f"{'are' if len(names) > 1 else 'is'} {_other(wanted, len(names))} "
                        "(a translated pronoun, most likely)"))
    return rows


def _other(wanted: str, count: int) -> str:
    if wanted == "female":
        return "men" if count > 1 else "a man"
    return "women" if count > 1 else "a woman"


def _people_genders(text: str) -> dict[str, str]:
    """{full name: 'male' | 'female' | ''} for every person of two or more words the article names."""
    titles = lexicon.title_genders()
    first_names = lexicon.first_name_genders()
    genders: dict[str, str] = {}
    for start, _, name in find_person_names(text):
        words = name.split()
        if len(words) < 2:
            continue
        before = text[max(0, start - HONORIFIC_REACH):start].split()
        gender = titles.get(before[-1].lower().rstrip("."), "") if before else ""
        gender = gender or first_names.get(words[0].lower(), "")
        if genders.get(name, "") == "":
            genders[name] = gender
    return genders


def _gender_words(text: str, words) -> set[str]:
    """The genders of the gendered titles and nouns the article uses ("spokeswoman", "Mr", "sister")."""
    titles = lexicon.title_genders()
    return {titles[key] for key in {w.text.lower() for w in words} if key in titles}
