"""stray_date_word: a month or a weekday standing alone as a sentence ("at the end of the month. October.").

A rewrite or a translation that loses the words around a date leaves its name behind as a sentence of
one word. A month or weekday name between a sentence's end and a full stop, with more text after it in the
same paragraph, is such a fragment (a dateline line of its own, "October 5", is not: it is its own line and
carries a number). One regular expression over the text: linear in its length.
"""

from __future__ import annotations

import re

from .registry import register, row

CALENDAR = ("January February March April May June July August September October November December "
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
# the end of a sentence, a calendar name, a full stop, and no line break before it
_STRAY = re.compile(r"(?<=[a-z][.!?][ ])(?P<word>" + "|".join(CALENDAR) + r")[.](?=[ \n]|$)")


@register("stray_date_word", severity=2, colour="#ffd8a8",
          explanation="‘{text}’: a month or weekday standing alone as a sentence (words around a date lost)",
          confirmed_by=("garbled date", "date phrase", "fragment"))
def stray_date_words(text: str, words=None) -> list[dict]:
    """Month and weekday names that make a sentence of one word."""
    rows = []
    for match in _STRAY.finditer(text):
        start, end = match.start("word"), match.end()
        rows.append(row(start, end, "stray_date_word",
                        f"‘{text[start:end]}’: a month or weekday alone as a sentence; the words that went "
                        "with it were lost"))
    return rows
