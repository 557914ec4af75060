"""glued_words: words run together ("lineSending", "Cityafter", a quotation mark glued between two words)."""

from __future__ import annotations

import functools
import re

from .. import lexicon
from ..text import Token, tokens
from .registry import register, row
from .words import known, zipf
from .util import merge_overlaps as _merge_overlaps, word_edge as _word_edge


# Words that start a sentence; glued after a capitalised word they betray a lost sentence break ("ThisThe").
SENTENCE_STARTERS = frozenset(
    "the a an he she it they we this that these those there his her its their in on at by for from with as "
    "after before but and or so while when however meanwhile earlier later also".split()
)
# A common word glued to a capitalised word ("LeadershipJane": a section label run into a tag or a name);
# a shorter or rarer first part is more likely a name's own ("McDonald", "DeAndre").
LABEL_MIN_LETTERS = 6
LABEL_ZIPF = 4.0
APOSTROPHE_ENDINGS = frozenset("s t d ll re ve m".split())
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_PIECE = re.compile(r"[^\W\d_]+")
# a double mark between two letters (A"self-made), or a closing mark glued to the next word ("dictator.”a)
_QUOTE_GLUE = re.compile(r"(?<=[^\W\d_])[\"“”](?=[^\W\d_])|(?<=[.,!?])”(?=[^\W\d_])")
# two lower-case words joined by a full stop without its space ("monthly billing.save"); web addresses and
# file names are left out by the characters around them ("forms.gle/x", "www.example.com")
_GLUED_SENTENCE = re.compile(r"(?<![\w./@:-])[a-z]{3,}\.[a-z]{3,}(?![\w/@-]|\.\w)")
SENTENCE_ZIPF = 3.0  # both words at least this common in English: not a domain ("forms.gle") nor a file
_TAG = re.compile(r"<[^<>\n]{1,300}>")  # an HTML tag printed as text: its attribute names are not prose


@functools.cache
def credits() -> frozenset[str]:
    """Photo credits that scrapers glue to captions ("soldiersiStock", "RegionAgency"), in lower case
    (``lexicon/photo_credits.csv``)."""
    return frozenset(r["credit"].lower() for r in lexicon.table("photo_credits"))


@register("glued_words", severity=2, colour="#ffd8a8",
          explanation="‘{text}’: words run together (a space is missing)",
          confirmed_by=("glue", "glued"))
def glued_words(text: str, words: list[Token] | None = None) -> list[dict]:
    """Words run together ("lineSending", "Cityafter", "Ji-hoon’ssister") and a quotation mark glued
    between two words (A"self-made). Names and brands that wordfreq knows (iPhone, PayPal) and hyphenated
    compounds are left alone: each piece between hyphens and apostrophes is judged on its own."""
    words = tokens(text) if words is None else words
    tags = [m.span() for m in _TAG.finditer(text)] if "<" in text else []
    rows = []
    t = 0
    for word in words:
        while t < len(tags) and tags[t][1] <= word.start:
            t += 1
        if t < len(tags) and tags[t][0] <= word.start:
            continue
        found = _glued_in_word(word.text)  # memoised per word: () for almost every word
        if found:
            rows += [row(word.start + s, word.start + e, "glued_words", detail) for s, e, detail in found]
    rows += _glued_quotes(text, words)
    rows += _glued_sentences(text)
    return _merge_overlaps(rows)


def _glued_sentences(text: str) -> list[dict]:
    """Two English words joined by a full stop with no space after it: a sentence break lost in scraping."""
    rows = []
    for m in _GLUED_SENTENCE.finditer(text):
        left, right = m.group().split(".")
        if zipf(left) >= SENTENCE_ZIPF and zipf(right) >= SENTENCE_ZIPF:
            rows.append(row(m.start(), m.end(), "glued_words",
                            f"‘{m.group()}’: two sentences run together (no space after the full stop); "
                            f"‘{left}’ and ‘{right}’ are both English words"))
    return rows


@functools.lru_cache(maxsize=1 << 18)
def _glued_in_word(word: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, detail) of the glued pieces of one word, offsets relative to the word (memoised: the
    verdict depends on the word alone, and articles repeat their words)."""
    if ("’" in word or "'" in word) and known(word.replace("’", "").replace("'", "")):
        return ()  # an apostrophe inside a word wordfreq knows without it ("Hallowe’en", "o’clock")
    found = []
    for match in _PIECE.finditer(word):
        piece = match.group()
        after_apostrophe = match.start() > 0 and word[match.start() - 1] in "'’"
        if after_apostrophe:
            why = _glued_possessive(piece)
            if why:
                found.append((0, len(word), f"‘{word}’: {why}"))
            continue
        why = _glued_reason(piece)
        if why:
            found.append((match.start(), match.end(), f"‘{piece}’: {why}"))
    return tuple(found)


def _glued_possessive(piece: str) -> str | None:
    """ "’ssister": the possessive ’s run together with the next word."""
    lower = piece.lower()
    if lower in APOSTROPHE_ENDINGS or len(lower) < 4 or lower[0] not in "st":
        return None
    rest = piece[1:]
    if known(rest, 3.0) and not known(lower, 1.0):
        return f"two words run together; the possessive ‘’{piece[0]}’ is glued to the next word ‘{rest}’"
    return None


def _glued_reason(piece: str) -> str | None:
    if len(piece) < 5 or zipf(piece) >= 1.0:
        return None
    for cut in _CAMEL.finditer(piece):
        found = _camel_split(piece, cut.start())
        if found:
            return found
    if piece[1:].islower():
        return _lower_split(piece)
    return None


def _camel_split(piece: str, cut: int) -> str | None:
    """ "organizationEarlier", "soldiersiStock", "ThisThe": a capital inside a word that wordfreq does not know."""
    for at in (cut, cut - 1):
        left, right = piece[:at], piece[at:]
        if len(left) < 2 or not (known(left) or left.lower() in credits()):
            continue
        right_ok = known(right) or right.lower() in credits()
        sentence_glue = right.lower() in SENTENCE_STARTERS or right.lower() in credits()
        if right_ok and (piece[0].islower() or sentence_glue):
            return f"two words run together; ‘{left}’ and ‘{right}’ are both English words"
        if at == cut and len(left) >= LABEL_MIN_LETTERS and known(left, LABEL_ZIPF) and right[1:].islower() \
                and len(right) >= 3:
            return f"a label glued to a name; ‘{left}’ is an English word and ‘{right}’ starts a new word"
    return None


def _lower_split(piece: str) -> str | None:
    """ "Cityafter", "Statebacked": an unknown word that is two common words end to end."""
    best = None
    for at in range(4, len(piece) - 2):
        left, right = piece[:at], piece[at:]
        score = min(zipf(left) - 3.0, 0.0 if right.lower() in credits() else zipf(right) - 3.8)
        if score >= 0 and (best is None or score > best[0]):
            best = (score, left, right)
    if best:
        return f"two words run together; ‘{best[1]}’ and ‘{best[2]}’ are both English words"
    return None


def _glued_quotes(text: str, words: list[Token]) -> list[dict]:
    rows = []
    for match in _QUOTE_GLUE.finditer(text):
        at = match.start() - (text[match.start() - 1] in ".,!?")  # "dictator.”a": the word before the stop
        start = _word_edge(text, at, -1)
        end = _word_edge(text, match.end(), +1)
        rows.append(row(start, end, "glued_words",
                        f"‘{text[start:end]}’: a quotation mark glued between two words (a space is missing)"))
    return rows


