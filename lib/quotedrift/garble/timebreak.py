"""capital_after_time: a word capitalised after "a.m." or "p.m." inside a sentence ("At 2 a.m. On Wednesday").

A copy that reads the full stop of "a.m." as a sentence's end capitalises the next word: "At 2 a.m. on
Wednesday, the owner sent …" becomes "At 2 a.m. On Wednesday, …". The words from the sentence's start to the time
are then a sentence of their own that has no verb: a preposition and a time ("At 2 a.m."). A capitalised
function word after "a.m."/"p.m." where the words since the last sentence's end are at most
``MAX_FRAGMENT`` and open with a preposition is such a false break. One regular expression over the text:
linear in its length.
"""

from __future__ import annotations

import re

from .registry import register, row

MAX_FRAGMENT = 5  # words of "At 2 a.m." or "By 5 p.m. ET": a time phrase, no sentence
TIME_PREPOSITIONS = frozenset("at by until till around about before after from since".split())
_TIME_BREAK = re.compile(r"""\b[ap]\.m\.(?:[ ][A-Z]{2,3})?[ ](?P<word>On|In|At|Of|And|The|That|With|For|To|From)
                             [ ](?=\w)""", re.VERBOSE)
_SENTENCE_START = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n)(?=[^\s])")
REACH = 80  # characters before the time searched for the sentence's start


@register("capital_after_time", severity=1, colour="#eebefa",
          explanation="‘{text}’: a word capitalised after ‘a.m.’ or ‘p.m.’ inside a sentence (a false sentence break)",
          confirmed_by=("capital",))
def capitals_after_time(text: str, words=None) -> list[dict]:
    """Capitalised function words after a time's "a.m."/"p.m." that a short time phrase opens."""
    rows = []
    for match in _TIME_BREAK.finditer(text):
        low = max(0, match.start() - REACH)
        starts = [m.end() for m in _SENTENCE_START.finditer(text, low, match.start())]
        if not starts:
            continue
        fragment = text[starts[-1]:match.start()].split()
        if not fragment or len(fragment) > MAX_FRAGMENT or fragment[0].lower() not in TIME_PREPOSITIONS:
            continue
        start, end = starts[-1], match.end("word")
        rows.append(row(start, end, "capital_after_time",
                        f"‘{text[start:end]}’: ‘{match.group('word')}’ is capitalised after the time, as if "
                        f"‘{text[start:match.start('word')].strip()}’ were a sentence; it has no verb"))
    return rows
