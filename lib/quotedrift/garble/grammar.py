"""broken_grammar: word sequences and punctuation that English never has, left by spinners, translation and edits.

Each shape is impossible in edited English, so it needs no corpus to be damage: an article before a
possessive ("to deliver a his own lesson"), "according" without its "to" ("according the paper"), a full
stop printed twice ("she added.."), "it’s" after a preposition ("for it’s history"), "then" after a
comparative ("more then"), a full stop followed by a comma (". , reports"), a sentence that goes on
in lower case after a full stop ("in the region. and other"), an agency printed in capitals elsewhere in
lower case before its verb ("ap reported"), a sentence opening with a plural subject and a singular verb ("The
comments comes"). One pass of precompiled expressions: linear in the text's length.
"""

from __future__ import annotations

import re

import functools

from .. import lexicon
from ..text import ABBREVIATIONS
from .registry import register, row
from .words import zipf

# Each shape: (expression, what it shows, the words that must stand right before it or None). Every
# expression starts with a literal character or a small set of them, so the search skips through the text
# (an expression that starts with a look-behind or a word boundary is tried at every position: ten times
# slower on a long text); the word before is checked afterwards.
ARTICLES = frozenset(("a", "an", "the"))
PREPOSITIONS = frozenset("of in on with for from about by at".split())
COMPARATIVES = frozenset("more less rather better worse greater higher lower fewer larger smaller bigger".split())
_SHAPES = (
    (re.compile(r"[ \t](?:his|her|their|its|my|our|your)\b(?!-)"), ARTICLES,
     "an article before a possessive (one of the two words is left over from a rewrite)"),
    (re.compile(r"[Aa]ccording[ \t]+(?:the|a|an|his|her|their)\b(?<!\w[Aa]ccording)"), None,
     "‘according’ without its ‘to’"),
    (re.compile(r"\.\.(?<=[^\W\d_]\.\.)(?![.\w])"), None, "a full stop printed twice"),
    (re.compile(r"[ \t][Ii]t['’]s[ \t]+(?=[a-z])"), PREPOSITIONS,
     "‘it’s’ (it is) after a preposition, where the possessive ‘its’ belongs"),
    (re.compile(r"[ \t]then\b(?![ \t]+than)"), COMPARATIVES, "‘then’ after a comparative, where ‘than’ belongs"),
    (re.compile(r"[.!?](?<=[^\W\d_][.!?])[ \t]+,"), None, "a comma after a full stop (words lost between them)"),
)
# A full stop after a word of three letters or more, then a lower-case word that continues the sentence.
# Only common continuations: a lower-case proper start ("iPhone", "eBay") is no damage.
_LOWER_AFTER_STOP = re.compile(r"\.[ \t]+(?:and|or|but|of|with|to|in|for|which|that|the)\b")
# A sentence that opens with a plural subject and a singular verb ("The comments comes just over a day"):
# the subject's number was changed in a rewrite and the verb left as it was.
_PLURAL_SINGULAR = re.compile(r"The[ \t]+(?P<noun>[a-z]{3,}[^s\W]s)[ \t]+(?:is|was|has|comes|remains|says|seems|"
                              r"appears|follows)\b")
SINGULAR_ZIPF = 3.0  # the noun without its "s" is this common an English word ("comment"): a true plural
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)[ \t]*$")
BEFORE_REACH = 20  # characters before a match searched for the word that stands there


@register("broken_grammar", severity=2, colour="#ffd8a8",
          explanation="‘{text}’: words or punctuation that English never puts together (a rewrite or a cut "
                      "left them)",
          confirmed_by=("grammar", "stray", "ungrammatical", "doubled", "full stop"))
def broken_grammar(text: str, words=None) -> list[dict]:
    """Rows for the impossible shapes above, each naming which one it is."""
    rows = []
    for shape, before, why in _SHAPES:
        for m in shape.finditer(text):
            start = m.start()
            if before is not None:
                word = _word_before(text, start)
                if word.lower() not in before:
                    continue
                start = text.rfind(word, 0, start)
            start, end = _widen(text, start, m.end())
            rows.append(row(start, end, "broken_grammar", f"‘{text[start:end]}’: {why}"))
    for m in _lower_case_agency().finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue
        rows.append(row(m.start(), m.end(), "broken_grammar",
                        f"‘{m.group()}’: the agency ‘{m.group('agency').upper()}’ printed in lower case before "
                        "its reporting verb"))
    for m in _LOWER_AFTER_STOP.finditer(text):
        word = _word_before(text, m.start())
        if not re.fullmatch(r"[A-Za-z][a-z]{2,}", word) or word.lower() in ABBREVIATIONS:
            continue
        start = m.start() - len(word)
        rows.append(row(start, m.end(), "broken_grammar",
                        f"‘{text[start:m.end()]}’: the sentence goes on in lower case after a full stop"))
    for m in _PLURAL_SINGULAR.finditer(text):
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
        if (before and before[-1] not in ".!?\n”\"’") or zipf(m.group("noun")[:-1]) < SINGULAR_ZIPF:
            continue
        rows.append(row(m.start(), m.end(), "broken_grammar",
                        f"‘{m.group()}’: a plural subject with a singular verb (a rewrite changed one of them)"))
    return rows


def _word_before(text: str, at: int) -> str:
    """The word that ends right before ``at`` (spaces between allowed), or ''."""
    match = _WORD_BEFORE.search(text[max(0, at - BEFORE_REACH):at])
    return match.group(1) if match and (match.start() > 0 or at <= BEFORE_REACH) else ""


@functools.cache
def _lower_case_agency() -> re.Pattern:
    """An agency whose name is printed in capitals (``lexicon/agencies.csv``: "AP", "AFP"), in lower case
    before a reporting verb of ``lexicon/cues.csv`` ("ap reported"): a credit mangled in copying."""
    acronyms = sorted({a.lower() for a in lexicon.agency_aliases() if a.isupper() and len(a) >= 2}, key=len, reverse=True)
    return re.compile(r"(?P<agency>" + "|".join(map(re.escape, acronyms)) + r")[ \t]+(?:"
                      + lexicon.one_word_cues() + r"|reported|reports)\b")


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
