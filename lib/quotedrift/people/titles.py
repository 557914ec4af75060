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


def title_near(text: str, lo: int, hi: int, name: tuple[int, int, str]) -> str:
    """The title printed with a name: an appositive after it (``Yun Jong-gun, director-general …,``) or the
    words before it in its clause (``NATO Secretary-General Jens Stoltenberg``)."""
    after = re.match(r",\s+((?:the |a |an )?[a-z](?:(?:[A-Z]\.){2,}|[^,.;:\"“”\n]|\.(?=\S)){3,120}?)(?:,|\.(?=\s|$)|;|$|\s+(?:said|told|claimed))",
                     text[name[1]:min(len(text), name[1] + 160)])
    if after and not CUE_RE.match(after.group(1)):
        return after.group(1).strip()
    before = text[lo:name[0]]
    pieces = [p for p in re.split(r"[,;:()\"“”\n]|[.!?]\s|\s[-–—]+\s", before) if p.strip()]
    before = pieces[-1] if pieces else ""
    before = _trailing_title_words(before)
    return before.strip() if OFFICIAL_WORDS_RE.search(before) or TITLE_LIKE_WORDS & set(before.lower().split()) else ""


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
    while kept and kept[0].lower() in ("of", "the", "for", "and", "in", "charge", "a", "an"):
        kept.pop(0)
    return " ".join(kept)
