"""Quoted names of ideas: a short quotation the corpus frames as a concept is nobody's words.

Writers put the name of a policy or idea in quotation marks ("his pet theory of 'strategic autonomy'", "he
supports 'strategic autonomy'") without quoting anyone; the same phrase in another outlet ("the president's vision of
'strategic autonomy'") is that idea's name too. :func:`concept_terms` reads, over the whole corpus, the short
quotations that a noun of idea or a verb of advocacy (``lexicon/concept_frames.csv``) frames;
:func:`clear_concept_speakers` then gives every short quotation of such a phrase no speaker. One pass over the
quotations, linear in the corpus.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import lexicon

CONCEPT_MAX_WORDS = 4  # a quoted idea is a name of at most this many words ("strategic autonomy", "third pole")
FRAME_REACH = 80  # characters before the opening mark searched for the frame
_NOUNS = "|".join(re.escape(w) for w in lexicon.column("concept_frames", "word", kind="noun"))
_VERBS = "|".join(re.escape(w) for w in sorted(lexicon.column("concept_frames", "word", kind="verb"), key=len, reverse=True))
# The frame, right before the opening mark: "theory of", "importance of the EU's", "supports", "defended a".
FRAME_RE = re.compile(rf"""
    (?:\b(?:{_NOUNS})\s+(?:of|for)|\b(?:{_VERBS}))
    \s+(?:(?:a|an|the|his|her|its|their|this|that|[A-Z][\w.]*(?:['’]s)?)\s+){{0,3}}
    [\"“‘'«„]\s*$""", re.VERBOSE)
QUOTE_KINDS = ("partial", "scare", "headline")


def _key(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.lower()))


def concept_terms(quotes: pd.DataFrame, texts: dict[str, str]) -> frozenset[tuple[str, ...]]:
    """The phrases (lower-case words) that some short quotation of the corpus prints framed as an idea."""
    found = set()
    for source, start, text, kind in zip(quotes["source"], quotes["start"], quotes["text"], quotes["kind"]):
        key = _key(text)
        if kind in QUOTE_KINDS and 0 < len(key) <= CONCEPT_MAX_WORDS:
            article = texts[source]
            if FRAME_RE.search(article, max(0, start - FRAME_REACH), start):
                found.add(key)
    return frozenset(found)


def clear_concept_speakers(quotes: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``quotes`` with no speaker for every short quotation of a phrase the corpus frames as an idea
    (:func:`concept_terms`); the mention as printed stays in ``speaker_mention``."""
    terms = concept_terms(quotes, texts)
    if not terms:
        return quotes
    out = quotes.copy()
    hit = [kind in QUOTE_KINDS and _key(text) in terms for kind, text in zip(out["kind"], out["text"])]
    out.loc[hit, "speaker"] = ""
    out.loc[hit, "speaker_confidence"] = 0.0
    return out
