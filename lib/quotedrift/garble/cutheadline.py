"""cut_headline: a headline that stops in the middle of a word, as the page's own address shows.

A scraper or a site's title field that keeps a fixed number of characters cuts a headline wherever the limit
falls ("… press conference speech on eve of 2"). The page's address (``url`` in ``sources.csv``) usually
spells the headline out in full ("…-speech-on-eve-of-2022-world-cup"): where the headline's last words are the
address's words and its last word is only the beginning of the address's next word, the headline was cut.
The headline is the text's first line, and it must end on a letter or a digit (a closing mark or a full stop
ends a headline that is whole). A headline the address words otherwise is left alone: an address is often
longer or shorter than its headline by choice. One look at each article's first line and address: linear.
"""

from __future__ import annotations

import re

from .registry import register, row
from .util import report_sources

MIN_SHARED_WORDS = 3  # words before the cut word that the headline and the address print alike ("on eve of")
_FIRST_LINE = re.compile(r"\S[^\n]*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ADDRESS_WORD = re.compile(r"[^\W_]+")


def _key(word: str) -> str:
    """A headline word as an address spells it: lower case, no apostrophe ("Don’t" is "dont")."""
    return re.sub(r"['’]", "", word.lower())


@register("cut_headline", severity=2, colour="#ffc9c9", scope="corpus",
          explanation="‘{text}’: a headline cut off in the middle of a word (the page's address spells it whole)",
          confirmed_by=("cut off", "truncated", "mid-word", "headline"))
def cut_headlines(corpus, quotes=None) -> list[dict]:
    """Headlines whose last word is the start of the word the page's address prints there."""
    rows = []
    urls = dict(zip(corpus.articles["source"], corpus.articles["url"].fillna("").astype(str)))
    for source in report_sources(corpus):
        found = _cut(corpus.texts[source], urls.get(source, ""))
        if found:
            start, end, whole = found
            rows.append({"source": source, **row(start, end, "cut_headline",
                         f"‘{corpus.texts[source][start:end]}’: the headline stops in the middle of a word; the "
                         f"page's address reads ‘{whole}’ there")})
    return rows


def _cut(text: str, url: str) -> tuple[int, int, str] | None:
    """(start, end) of the headline's last shared words and the cut word, and the address's words there."""
    line = _FIRST_LINE.search(text)
    if not line or not url or not line.group()[-1:].isalnum():
        return None
    words = list(_WORD.finditer(text, line.start(), line.end()))
    if len(words) <= MIN_SHARED_WORDS:
        return None
    keys = [_key(w.group()) for w in words[-MIN_SHARED_WORDS - 1:]]
    address = [w.lower() for w in _ADDRESS_WORD.findall(url)]
    for i in range(MIN_SHARED_WORDS, len(address)):
        cut, whole = keys[-1], address[i]
        if whole != cut and whole.startswith(cut) and address[i - MIN_SHARED_WORDS:i] == keys[:-1]:
            shown = "-".join(address[i - MIN_SHARED_WORDS:i + 2])
            return words[-MIN_SHARED_WORDS - 1].start(), words[-1].end(), shown
    return None
