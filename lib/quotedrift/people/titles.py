"""The title printed with a person's name: an appositive after it or the title words before it."""

from __future__ import annotations

import re

from .. import lexicon
from . import names as spk

CUE_RE = lexicon.cue_regex()
# Words that make a title: titles and honorifics, and nouns of role or standing ("billionaire", "owner"), not
# the bare "man" or "woman" (lexicon/titles.csv, lexicon/role_nouns.csv).
TITLE_LIKE_WORDS = spk.TITLE_WORDS | frozenset(
    row["word"].lower() for row in lexicon.table("role_nouns") if row["family"] != "person")
OFFICIAL_WORDS_RE = re.compile(
    r"\b(?:official|spokes\w*|head|director|minister|ambassador|envoy|diplomat|secretary|chief|coordinator|"
    r"deputy|vice|officer|representative|general)\b", re.IGNORECASE)
# Words that never open a title: an appositive that starts with one is a phrase about the occasion ("Doe, in an
# interview with a reporter, said"), and one at the front of the words before a name is the sentence's, not the
# title's ("If Mr Doe", "After Zorbian President Doe"). The determiners may open a title ("the league's chair").
NOT_TITLE_OPENERS = lexicon.words("function_words") - {"a", "an", "the"}


def title_near(text: str, lo: int, hi: int, name: tuple[int, int, str]) -> str:
    """The title printed with a name: an appositive after it (``Yun Jong-gun, director-general …,``) or the
    words before it in its clause (``NATO Secretary-General Jens Stoltenberg``)."""
    after = re.match(r",\s+((?:the |a |an )?[a-z](?:(?:[A-Z]\.){2,}|[^,.;:\"“”\n]|\.(?=\S)){3,120}?)(?:,|\.(?=\s|$)|;|$|\s+(?:said|told|claimed))",
                     text[name[1]:min(len(text), name[1] + 160)])
    if after and not CUE_RE.match(after.group(1)) and not _opens_with_function_word(after.group(1)):
        return after.group(1).strip()
    before = _trailing_title_words(_clause_before(text[lo:name[0]]))
    return before.strip() if OFFICIAL_WORDS_RE.search(before) or TITLE_LIKE_WORDS & set(before.lower().split()) else ""


def _clause_before(words: str) -> str:
    """The words of the name's clause before it. Where a separator comes right before the name, the clause
    before that one is its title ("The Zorbian president, Jane Doe", "the director of the Zorbian Office,
    Jane Doe") unless that clause ends in another person's name: a title word and then capitalised words
    that no "of" joins to it ("after talks with the Zorbian President Ivan Petrov, Doe said")."""
    pieces = re.split(r"[,;:()\"“”\n]|[.!?]\s|\s[-–—]+\s", words)
    if pieces[-1].strip() or len(pieces) < 2:
        return pieces[-1]
    return "" if _ends_in_titled_name(pieces[-2].split()) else pieces[-2]


def _ends_in_titled_name(tokens: list[str]) -> bool:
    """Whether the tokens end in a title word followed by a name ("Zorbian President Ivan Petrov")."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].lower() in TITLE_LIKE_WORDS or OFFICIAL_WORDS_RE.fullmatch(tokens[i]):
            tail = tokens[i + 1:]
            return bool(tail) and all(t[:1].isupper() for t in tail)
    return False


def _trailing_title_words(words: str) -> str:
    """The title-like words at the end of ``words`` (capitalised words, title words and ``of the``)."""
    tokens = words.split()
    kept: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(",;:").lower()
        if token[:1].isupper() or bare in TITLE_LIKE_WORDS or bare in ("of", "the", "for", "and", "in", "charge"):
            kept.insert(0, token)
        else:
            break
    if "and" in kept:  # "Ms Ama Belko and Tavi Renn": what precedes "and" is another person, not a title
        kept = kept[len(kept) - kept[::-1].index("and"):]
    while kept and (kept[0].lower() in ("of", "the", "for", "and", "in", "charge", "a", "an")
                    or _opens_with_function_word(kept[0])):
        kept.pop(0)
    return " ".join(kept)


def _opens_with_function_word(words: str) -> bool:
    """Whether ``words`` start with a word that never opens a title (``NOT_TITLE_OPENERS``); an acronym is no
    function word ("US Senator" is a title, "us" a pronoun)."""
    first = words.split(maxsplit=1)[0].strip(",;:") if words.strip() else ""
    return not first.isupper() and first.lower() in NOT_TITLE_OPENERS
