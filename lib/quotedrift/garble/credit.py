"""translated_credit: an agency's credit turned into a common word by machine translation ("(HANDLE)").

An agency credit stands in parentheses at the end of a paragraph, in capitals: "(AFP)", "(ANSA)". A
translator that reads the credit as a word of its language renders it as a word of English: the Italian
agency ANSA ("ansa": a bend, a handle) becomes "(HANDLE)". A parenthesised word in capitals right after a
sentence's end, that is a common English word (wordfreq Zipf at least ``COMMON_ZIPF`` in lower case) and
neither a known agency (``lexicon/agencies.csv``) nor a wire's own marker (``lexicon/wire_markers.csv``:
"(END)", "(LEAD)"), is such a credit. One regular expression over the text: linear in its length.
"""

from __future__ import annotations

import re

from .. import lexicon
from .registry import register, row
from .words import zipf

COMMON_ZIPF = 4.5  # "handle" 4.8; agency names are rarer as English words ("ansa" 1.6, "reuters" 4.0)
# after a sentence's end (and a closing quotation mark), a word of capitals in parentheses
_CREDIT = re.compile(r"""(?<=[.!?])[”"’]?[ \t]*(?P<credit>\((?P<word>[A-Z]{3,})\))""")


@register("translated_credit", severity=1, colour="#e9ecef",
          explanation="‘{text}’: an agency credit printed as a common English word (a machine translation)",
          confirmed_by=("credit", "translated", "agency"))
def translated_credits(text: str, words=None) -> list[dict]:
    """Parenthesised common words in capitals where an agency credit stands."""
    rows = []
    known = lexicon.agency_aliases()
    markers = lexicon.words("wire_markers")
    for match in _CREDIT.finditer(text):
        word = match.group("word")
        if word in known or word.lower() in markers or zipf(word.lower()) < COMMON_ZIPF:
            continue
        start, end = match.span("credit")
        rows.append(row(start, end, "translated_credit",
                        f"‘{text[start:end]}’: where an agency's credit stands, a common English word "
                        f"(‘{word.lower()}’): a credit translated as a word"))
    return rows
