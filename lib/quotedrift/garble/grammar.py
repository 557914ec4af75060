"""broken_grammar: word sequences and punctuation that English never has, left by spinners, translation and edits.

Each shape is impossible in edited English, so it needs no corpus to be damage: an article before a
possessive ("to deliver a his own lesson"), "according" without its "to" ("according the paper"), a full
stop printed twice ("she added.."), a full stop followed by a comma (". , reports"), a sentence that goes on
in lower case after a full stop ("in the region. and other"). One pass of precompiled expressions: linear in the text's length.
"""

from __future__ import annotations

import re

from ..text import ABBREVIATIONS
from .registry import register, row

_SHAPES = (
    (re.compile(r"\b(?:a|an|the)\s+(?:his|her|their|its|my|our|your)\b(?!-)", re.IGNORECASE),
     "an article before a possessive (one of the two words is left over from a rewrite)"),
    (re.compile(r"\baccording\s+(?:the|a|an|his|her|their)\b", re.IGNORECASE),
     "‘according’ without its ‘to’"),
    (re.compile(r"(?<=[^\W\d_])\.\.(?![.\w])"), "a full stop printed twice"),
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
    for m in _LOWER_AFTER_STOP.finditer(text):
        if m.group("word").lower() in ABBREVIATIONS:
            continue
        rows.append(row(m.start(), m.end(), "broken_grammar",
                        f"‘{m.group()}’: the sentence goes on in lower case after a full stop"))
    return rows


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
