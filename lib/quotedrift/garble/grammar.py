"""broken_grammar: word sequences and punctuation that English never has, left by spinners, translation and edits.

Each shape is impossible in edited English, so it needs no corpus to be damage: an article before a
possessive ("to deliver a his own lesson"), "according" without its "to" ("according the paper"), a full
stop printed twice ("she added.."), "it’s" after a preposition ("for it’s history"), "then" after a
comparative ("more then"), a full stop followed by a comma (". , reports"), a sentence that goes on
in lower case after a full stop ("in the region. and other"), an agency printed in capitals elsewhere in
lower case before its verb ("ap reported"). One pass of precompiled expressions: linear in the text's length.
"""

from __future__ import annotations

import re

import functools

from .. import lexicon
from ..text import ABBREVIATIONS
from .registry import register, row

_SHAPES = (
    (re.compile(r"\b(?:a|an|the)\s+(?:his|her|their|its|my|our|your)\b(?!-)", re.IGNORECASE),
     "an article before a possessive (one of the two words is left over from a rewrite)"),
    (re.compile(r"\baccording\s+(?:the|a|an|his|her|their)\b", re.IGNORECASE),
     "‘according’ without its ‘to’"),
    (re.compile(r"(?<=[^\W\d_])\.\.(?![.\w])"), "a full stop printed twice"),
    (re.compile(r"\b(?:of|in|on|with|for|from|about|by|at)\s+it['’]s\s+(?=[a-z])", re.IGNORECASE),
     "‘it’s’ (it is) after a preposition, where the possessive ‘its’ belongs"),
    (re.compile(r"\b(?:more|less|rather|better|worse|greater|higher|lower|fewer|larger|smaller|bigger)\s+then\b(?!\s+than)",
                re.IGNORECASE), "‘then’ after a comparative, where ‘than’ belongs"),
    (re.compile(r"(?<=[^\W\d_])[.!?][ \t]+,"), "a comma after a full stop (words lost between them)"),
)
# A full stop after a lower-case word, then a lower-case word that continues the sentence. Only common
# continuations: a lower-case proper start ("iPhone", "eBay") is no damage.
_LOWER_AFTER_STOP = re.compile(r"\b(?P<word>[A-Za-z][a-z]{2,})\.[ \t]+(?P<next>and|or|but|of|with|to|in|for|which|that|the)\b")


@register("broken_grammar", severity=2, colour="#ffd8a8",
          explanation="‘{text}’: words or punctuation that English never puts together (a rewrite or a cut "
                      "left them)",
          confirmed_by=("grammar", "stray", "ungrammatical", "doubled", "full stop"))
def broken_grammar(text: str, words=None) -> list[dict]:
    """Rows for the impossible shapes above, each naming which one it is."""
    rows = []
    for shape, why in _SHAPES:
        for m in shape.finditer(text):
            start, end = _widen(text, m.start(), m.end())
            rows.append(row(start, end, "broken_grammar", f"‘{text[start:end]}’: {why}"))
    for m in _lower_case_agency().finditer(text):
        rows.append(row(m.start(), m.end(), "broken_grammar",
                        f"‘{m.group()}’: the agency ‘{m.group('agency').upper()}’ printed in lower case before "
                        "its reporting verb"))
    for m in _LOWER_AFTER_STOP.finditer(text):
        if m.group("word").lower() in ABBREVIATIONS:
            continue
        rows.append(row(m.start(), m.end(), "broken_grammar",
                        f"‘{m.group()}’: the sentence goes on in lower case after a full stop"))
    return rows


@functools.cache
def _lower_case_agency() -> re.Pattern:
    """An agency whose name is printed in capitals (``lexicon/agencies.csv``: "AP", "AFP"), in lower case
    before a reporting verb of ``lexicon/cues.csv`` ("ap reported"): a credit mangled in copying."""
    acronyms = sorted({a.lower() for a in lexicon.agency_aliases() if a.isupper() and len(a) >= 2}, key=len, reverse=True)
    cues = sorted((re.escape(c) for c in lexicon.column("cues", "word") if " " not in c), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?P<agency>" + "|".join(map(re.escape, acronyms)) + r")\s+(?:"
                      + "|".join(cues) + r"|reported|reports)\b")


WIDEN_REACH = 30  # characters looked at either side for the neighbouring word shown as evidence


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to the word before and the word after, when they stand on the same line."""
    before = re.search(r"[^\W\d_][\w’']*\W{0,2}$", text[max(0, start - WIDEN_REACH):start])
    after = re.match(r"\W{0,2}[\w’']+", text[end:end + WIDEN_REACH])
    if before and "\n" not in before.group():
        start -= len(before.group())
    if after and "\n" not in after.group():
        end += len(after.group())
    return start, end
