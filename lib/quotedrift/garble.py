"""Garbling: damage left by scrapers, article spinners and machine translation, pointed at and explained.

Each detector is a small function ``text -> list[dict]`` whose rows are ``{start, end, kind, detail,
severity}``, spans into the article text exactly as loaded; ``detail`` says in plain words what is wrong.
``find_garbles(corpus, quotes)`` runs them all on every English article, adds the boilerplate spans found
by the corpus loader and the quotation-mark repairs made by the quotation extractor, and returns one table.

``garbles`` columns (one row per damaged span)
    source, start, end, text (== ``corpus.texts[source][start:end]``), kind, detail, severity;
    sorted by (source, start, kind).

Kinds
    repeated_word         a word or fragment printed twice ("missiles and missiles", "to to be", "it had He had")
    glued_words           words run together ("lineSending", "Moscowafter", a quotation mark glued to a word)
    midsentence_capital   a capitalised function word inside a sentence ("Russia And it")
    name_inconsistency    one person spelled in incompatible ways in one article (speaker resolution)
    untranslated_text     a run of words in another language inside English text ("la Corée du Nord")
    broken_sentence       sentences run together without a space ("warning.Mi"), a sentence cut mid-word
    mojibake              encoding damage ("donâ€™t" for "don’t"), as ftfy tells
    boilerplate           page chrome and link residue (from the corpus loader)
    duplicated_text       a line printed twice (from the corpus loader)
    unbalanced_quote      a quotation mark without its partner (from the quotation extractor)
    broken_quote          a quotation split by a paragraph break (from the quotation extractor)
    departure             wording outside quotation marks that every other outlet prints one way and this
                          one another (``cross_source_departures(corpus)``; not part of ``find_garbles``)

Severity (a number the scorecard can weigh)
    1  cosmetic residue: junk around the article, its own words intact (boilerplate, duplicated text,
       sentences run together)
    2  damaged wording: a sentence reads wrong but its meaning can be recovered (glued or repeated words,
       stray capitals, broken quotation marks, mojibake)
    3  meaning-damaging: a reader may take away a wrong fact (one person under several names,
       untranslated words, wording that departs from every other outlet)

Word knowledge comes from wordfreq's shipped word lists, loaded once per process. Every detector makes
one pass over the text (regular expressions and dictionary look-ups), so the cost is linear in its length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

import pandas as pd

from .parallel import ordered_map
from .text import ABBREVIATIONS, Token, normalise_word, tokens
from .wordcache import cached, zipf_table

COLUMNS = ("source", "start", "end", "text", "kind", "detail", "severity")
SEVERITY = {
    "boilerplate": 1, "duplicated_text": 1, "broken_sentence": 1,
    "repeated_word": 2, "glued_words": 2, "midsentence_capital": 2, "mojibake": 2,
    "unbalanced_quote": 2, "broken_quote": 2,
    "name_inconsistency": 3, "untranslated_text": 3, "departure": 3,
}
QUOTE_REPAIRS = ("unbalanced_quote", "broken_quote")
LOADER_KINDS = ("boilerplate", "duplicated_text")


def row(start: int, end: int, kind: str, detail: str) -> dict:
    """One detector row, severity from the kind."""
    return {"start": start, "end": end, "kind": kind, "detail": detail, "severity": SEVERITY[kind]}


# ---------------------------------------------------------------------------------------------- word lists


def word_zipf(language: str = "en", wordlist: str = "best") -> dict[str, float]:
    """wordfreq's word list for a language as {word: Zipf frequency} (loaded once per process: ``word_zipf()``
    and ``word_zipf("en")`` share one copy)."""
    return _word_zipf(language, wordlist)


@functools.cache
def _word_zipf(language: str, wordlist: str) -> dict[str, float]:
    """wordfreq's word list for a language as {word: Zipf frequency}.

    Built bucket by bucket from the packed list (one frequency per centibel bucket), the same numbers as
    ``log10(get_frequency_dict(...)[word]) + 9`` without building the intermediate dictionary; kept in
    a compact cache between processes (see :mod:`quotedrift.wordcache`)."""
    return zipf_table(language, wordlist)


@functools.lru_cache(maxsize=1 << 19)
def zipf(word: str, language: str = "en") -> float:
    """Zipf frequency of a word (0 when the list does not have it): 7 is "the", 3 a word seen now and then.

    Memoised: news text repeats its words, and every detector asks about the same ones."""
    lists = word_zipf(language) if language == "en" else word_zipf(language, "small")
    return lists.get(normalise_word(word), 0.0)


def known(word: str, floor: float = 2.5) -> bool:
    """Whether a word is an ordinary English word (frequent enough in wordfreq's list)."""
    return zipf(word) >= floor


# ---------------------------------------------------------------------------------------------- repeated_word

# Words that are doubled on purpose: "had had", "that that purchase", "bye bye", "very very".
LEGIT_DOUBLES = frozenset(
    "had that bye very really so ha no yes yeah now well there far long many much knock tut boo hush "
    "night chop go bla blah ho hip".split()
)
# Words repeated around "and" on purpose: "again and again", "years and years", "louder and louder".
LEGIT_AND_DOUBLES = frozenset(
    "again more less over on round around by through on up down out in back forth time times year years "
    "day days hour hours week weeks month months decade decades mile miles hundreds thousands millions "
    "billions row rows layer layers page pages side step".split()
)
PRONOUNS = frozenset("i you he she it we they this that there".split())
_SPACES = re.compile(r"[ \t\u00a0]+")


def _spaced(text: str, a: Token, b: Token) -> bool:
    """Whether only spaces (no newline, no punctuation) separate two tokens."""
    return bool(_SPACES.fullmatch(text, a.end, b.start))


def repeated_words(text: str, words: list[Token] | None = None) -> list[dict]:
    """Doubled words and fragments: "to to be", "missiles and missiles", "it had He had", "in the in the"."""
    words = tokens(text) if words is None else words
    keys = [normalise_word(w.text) for w in words]
    rows: list[dict] = []
    for i in _repeat_candidates(keys):
        found = (_doubled_word(text, words, keys, i) or _doubled_fragment(text, words, keys, i)
                 or _doubled_around_and(text, words, keys, i) or _pronoun_swapped(text, words, keys, i))
        if found:
            rows.append(found)
    return _merge_overlaps(rows)


def _repeat_candidates(keys: list[str]) -> list[int]:
    """Positions where some repeat detector can fire: word i comes back within the next four words
    (doubled word, doubled fragment, "X and X"), or word i+1 comes back two words later ("it had He had").
    Every other position is skipped without calling the detectors (same rows, far fewer calls)."""
    n = len(keys)
    return [i for i in range(n)
            if keys[i] in keys[i + 1:i + 5] or (i + 3 < n and keys[i + 1] == keys[i + 3])]


def _doubled_word(text, words, keys, i) -> dict | None:
    if i + 1 >= len(words) or keys[i] != keys[i + 1] or not _spaced(text, words[i], words[i + 1]):
        return None
    a, b = words[i], words[i + 1]
    if keys[i] in LEGIT_DOUBLES or not a.text.isalpha():
        return None
    if a.text[0].isupper() and b.text[0].isupper() and not known(a.text, 5.5):
        return None  # a name that doubles: "Sirhan Sirhan", "Walla Walla"
    return row(a.start, b.end, "repeated_word", f"‘{text[a.start:b.end]}’: the word ‘{b.text}’ is printed twice")


def _doubled_fragment(text, words, keys, i) -> dict | None:
    for n in (4, 3, 2):
        if i + 2 * n > len(words) or keys[i:i + n] != keys[i + n:i + 2 * n]:
            continue
        if all(_spaced(text, words[j], words[j + 1]) for j in range(i, i + 2 * n - 1)):
            start, end = words[i].start, words[i + 2 * n - 1].end
            half = text[words[i].start:words[i + n - 1].end]
            return row(start, end, "repeated_word", f"‘{text[start:end]}’: the words ‘{half}’ are printed twice")
    return None


def _doubled_around_and(text, words, keys, i) -> dict | None:
    if i + 2 >= len(words) or keys[i + 1] not in ("and", "or") or keys[i] != keys[i + 2]:
        return None
    a, b = words[i], words[i + 2]
    if (not b.text.islower() or not a.text.isalpha() or len(a.text) < 3 or keys[i] in LEGIT_AND_DOUBLES or keys[i].endswith("er")
            or not (_spaced(text, a, words[i + 1]) and _spaced(text, words[i + 1], b))):
        return None
    return row(a.start, b.end, "repeated_word",
               f"‘{text[a.start:b.end]}’: the same word on both sides of ‘{words[i + 1].text}’ "
               "(a copy that lost the second word)")


def _pronoun_swapped(text, words, keys, i) -> dict | None:
    """ "it had He had": a fragment repeated with its pronoun swapped, the second one capitalised."""
    if i + 3 >= len(words):
        return None
    a, b, c, d = words[i:i + 4]
    if not (keys[i] in PRONOUNS and keys[i + 2] in PRONOUNS and keys[i] != keys[i + 2] and keys[i + 1] == keys[i + 3]):
        return None
    if not (a.text[0].islower() and c.text[0].isupper() and c.text != "I"):
        return None
    if not all(_spaced(text, x, y) for x, y in ((a, b), (b, c), (c, d))):
        return None
    return row(a.start, d.end, "repeated_word",
               f"‘{text[a.start:d.end]}’: ‘{b.text}’ is printed twice, with two different subjects "
               f"(‘{a.text}’ and ‘{c.text}’): two versions of one sentence spliced together")


# ---------------------------------------------------------------------------------------------- glued_words

# Words that start a sentence; glued after a capitalised word they betray a lost sentence break ("ThisThe").
SENTENCE_STARTERS = frozenset(
    "the a an he she it they we this that these those there his her its their in on at by for from with as "
    "after before but and or so while when however meanwhile earlier later also".split()
)
# Photo credits that scrapers glue to captions ("soldiersiStock", "UkraineReuters").
CREDITS = frozenset("reuters afp ap getty istock yonhap epa shutterstock xinhua tass kcna bloomberg anadolu".split())
APOSTROPHE_ENDINGS = frozenset("s t d ll re ve m".split())
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_PIECE = re.compile(r"[^\W\d_]+")
_QUOTE_GLUE = re.compile(r"(?<=[^\W\d_])[\"“”](?=[^\W\d_])")


def glued_words(text: str, words: list[Token] | None = None) -> list[dict]:
    """Words run together ("lineSending", "Moscowafter", "Jong-un’ssister") and a quotation mark glued
    between two words (A"self-made). Names and brands that wordfreq knows (iPhone, PayPal) and hyphenated
    compounds are left alone: each piece between hyphens and apostrophes is judged on its own."""
    words = tokens(text) if words is None else words
    rows = []
    for word in words:
        found = _glued_in_word(word.text)  # memoised per word: () for almost every word
        if found:
            rows += [row(word.start + s, word.start + e, "glued_words", detail) for s, e, detail in found]
    rows += _glued_quotes(text, words)
    return _merge_overlaps(rows)


@functools.lru_cache(maxsize=1 << 18)
def _glued_in_word(word: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, detail) of the glued pieces of one word, offsets relative to the word (memoised: the
    verdict depends on the word alone, and articles repeat their words)."""
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
        if len(left) < 2 or not (known(left) or left.lower() in CREDITS):
            continue
        right_ok = known(right) or right.lower() in CREDITS
        sentence_glue = right.lower() in SENTENCE_STARTERS or right.lower() in CREDITS
        if right_ok and (piece[0].islower() or sentence_glue):
            return f"two words run together; ‘{left}’ and ‘{right}’ are both English words"
    return None


def _lower_split(piece: str) -> str | None:
    """ "Moscowafter", "Donetskbacked": an unknown word that is two common words end to end."""
    best = None
    for at in range(4, len(piece) - 2):
        left, right = piece[:at], piece[at:]
        score = min(zipf(left) - 3.0, zipf(right) - 3.8)
        if score >= 0 and (best is None or score > best[0]):
            best = (score, left, right)
    if best:
        return f"two words run together; ‘{best[1]}’ and ‘{best[2]}’ are both English words"
    return None


def _glued_quotes(text: str, words: list[Token]) -> list[dict]:
    rows = []
    for match in _QUOTE_GLUE.finditer(text):
        start = _word_edge(text, match.start(), -1)
        end = _word_edge(text, match.end(), +1)
        rows.append(row(start, end, "glued_words",
                        f"‘{text[start:end]}’: a quotation mark glued between two words (a space is missing)"))
    return rows


def _word_edge(text: str, at: int, step: int) -> int:
    """Walk from ``at`` over word characters (letters, hyphens) to the edge of the word."""
    if step < 0:
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-"):
            at -= 1
        return at
    while at < len(text) and (text[at].isalnum() or text[at] == "-"):
        at += 1
    return at


# ---------------------------------------------------------------------------------------------- midsentence_capital

FUNCTION_WORDS = frozenset(
    "And But Or Nor By Of In On At To For With From The That Which Who He She It They We His Her Its Their "
    "Has Had Was Were Is Are As After Before While When Than Into About".split()
)
_MID_CAPITAL = re.compile(r"(?<=[^\W\d_\]\)])[ \t]+(?P<word>[A-Z][a-z]*)(?=[ \t]+[a-z])|(?<=[\]\)])[ \t]+(?P<after>[A-Z][a-z]*)(?=[ \t]+[a-z])")


def midsentence_capitals(text: str) -> list[dict]:
    """A capitalised function word inside a sentence, after a word or a closing bracket and before a
    lower-case word ("Russia And it", "[North Korea] By making"). Not after a colon, a quotation mark or a
    dash, not in a Title Case line (a headline, a title, a name)."""
    rows = []
    for match in _MID_CAPITAL.finditer(text):
        name = "word" if match.group("word") else "after"
        word = match.group(name)
        if word not in FUNCTION_WORDS or _title_case_line(text, match.start(name)):
            continue
        start = _previous_word_start(text, match.start())
        end = _word_edge(text, match.end(name) + 1, +1)
        rows.append(row(start, end, "midsentence_capital",
                        f"‘{text[start:end]}’: ‘{word}’ is capitalised in the middle of a sentence "
                        "(a sentence break lost, or two sentences spliced)"))
    return rows


def _previous_word_start(text: str, at: int) -> int:
    """Start of the word or bracketed group just before ``at`` ("Russia", "[North Korea]")."""
    if at > 0 and text[at - 1] in ")]":
        opening = text.rfind("[" if text[at - 1] == "]" else "(", max(0, at - 80), at)
        return opening if opening >= 0 else at - 1
    return _word_edge(text, at, -1)


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in Title Case (most longer words capitalised)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    longer = [w for w in re.findall(r"[^\W\d_]{4,}", text[start:end if end >= 0 else len(text)])]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer)


# ---------------------------------------------------------------------------------------------- broken_sentence

_RUN_ON = re.compile(r"(?<![\w.@/])(?P<left>[A-Za-z]*[a-z]{2}[”\"’)\]]?[.!?][\"”’“]?)(?P<right>[A-Z][a-z]+)")
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|kp|kr|uk|fr|de|ru)\b|@|/", re.IGNORECASE)


def broken_sentences(text: str, words: list[Token] | None = None) -> list[dict]:
    """Two sentences run together across a missing space ("warning.Mi", "Ukraine.John Kirby"), and a
    paragraph that stops in the middle of a word. Abbreviations ("U.S.", "Jan."), decimals, web addresses
    and e-mail addresses are left alone."""
    rows = []
    for match in _RUN_ON.finditer(text):
        word = match.group("left").rstrip(".!?”\"’)]“")
        chunk = text[_chunk_edge(text, match.start(), -1):_chunk_edge(text, match.end(), +1)]
        if word.lower() in ABBREVIATIONS or _URLISH.search(chunk):
            continue
        rows.append(row(match.start(), match.end(), "broken_sentence",
                        f"‘{match.group()}’: two sentences run together; the space after "
                        f"‘{match.group('left')}’ is missing"))
    words = tokens(text) if words is None else words
    rows += _cut_words(text, words)
    return rows


def _chunk_edge(text: str, at: int, step: int) -> int:
    """Walk from ``at`` to the nearest white space (the edge of the non-space chunk)."""
    if step < 0:
        while at > 0 and not text[at - 1].isspace():
            at -= 1
        return at
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _cut_words(text: str, words: list[Token]) -> list[dict]:
    """A paragraph that stops inside a word: its last word is a lone letter or a rare string that begins
    a common word ("mercenar", "bringin", "Nort"), with no punctuation after it."""
    rows = []
    size = len(text)
    for word in [w for w in words if w.end == size or text[w.end] == "\n"]:  # the last word of each paragraph
        if not word.text.isalpha():
            continue
        if text[word.start - 1:word.start] in (".", "@", "/", "-") or not _incomplete(word.text):
            continue
        rows.append(row(word.start, word.end, "broken_sentence",
                        f"‘{word.text}’: the paragraph stops in the middle of a word (cut off)"))
    return rows


def _incomplete(word: str) -> bool:
    if len(word) == 1:
        return word.islower() and word not in "ai"
    return zipf(word) < 2.5 and word.lower() in common_prefixes()


@functools.cache
def common_prefixes() -> frozenset[str]:
    """Every proper prefix (two letters or more) of a common English word (kept in the word-list cache)."""
    return cached("common-prefixes", _common_prefixes)


def _common_prefixes() -> frozenset[str]:
    common = [w for w, z in word_zipf().items() if z >= 3.0 and w.isalpha()]
    return frozenset(w[:n] for w in common for n in range(2, len(w)))


# ---------------------------------------------------------------------------------------------- untranslated_text

FOREIGN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")
FOREIGN_FUNCTION_WORDS = frozenset(
    "le la les du des de et une un est dans pour avec sur qui que au aux par pas ce cette leur "
    "der die das und ist nicht mit von den dem ein eine zu auf für im "
    "el los las y del en con por para una es "
    "il lo gli della delle di che è per "
    "o os as do da dos das em não com "
    "het een van niet met voor".split()
)


def untranslated_text(text: str, words: list[Token] | None = None) -> list[dict]:
    """A run of three or more words in another language inside English text ("la Corée du Nord"): each
    word commoner in French, German, Spanish, Italian, Portuguese or Dutch than in English, one of them a
    function word of that language and one no English word at all."""
    words = tokens(text) if words is None else words
    rows, run = [], []
    for word in words + [None]:
        foreign = word is not None and _foreign(word.text)
        if foreign and (not run or _spaced(text, run[-1], word)):
            run.append(word)
            continue
        if len(run) >= 3 and _foreign_run(run):
            start, end = run[0].start, run[-1].end
            rows.append(row(start, end, "untranslated_text",
                            f"‘{text[start:end]}’: words in another language left untranslated inside English text"))
        run = [word] if foreign else []
    return rows


@functools.lru_cache(maxsize=1 << 18)
def _foreign(word: str) -> bool:
    english = zipf(word)
    if english >= 4.5 and word.lower() not in FOREIGN_FUNCTION_WORDS:
        return False
    return foreign_zipf().get(normalise_word(word), 0.0) > max(english, 2.0)


@functools.cache
def foreign_zipf() -> dict[str, float]:
    """{word: its highest Zipf frequency in any of ``FOREIGN_LANGUAGES``} (one look-up instead of six; kept
    in the word-list cache)."""
    return cached("highest-" + "-".join(FOREIGN_LANGUAGES), _highest_foreign_zipf)


def _highest_foreign_zipf() -> dict[str, float]:
    best: dict[str, float] = {}
    for language in FOREIGN_LANGUAGES:
        for word, value in word_zipf(language, "small").items():
            if value > best.get(word, 0.0):
                best[word] = value
    return best


def _foreign_run(run: list[Token]) -> bool:
    return (len(run) >= 3 and any(w.text.lower() in FOREIGN_FUNCTION_WORDS for w in run)
            and any(zipf(w.text) < 2.0 and w.text.lower() not in FOREIGN_FUNCTION_WORDS for w in run))


# ---------------------------------------------------------------------------------------------- mojibake

_CHUNK = re.compile(r"\S+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_BADNESS_REACH = 8  # no pattern of ftfy's badness expression is longer than this many characters


def _maybe_bad(text: str, is_bad) -> bool:
    """``is_bad(text)``, answered from small windows around the non-ASCII characters: every mojibake
    pattern contains a non-ASCII character and spans fewer than ``_BADNESS_REACH`` characters, so a text
    whose windows are all clean is clean (ASCII text costs nothing). A window that looks bad is confirmed
    on the whole text (``^`` in a window is not the start of the text)."""
    windows: list[list[int]] = []
    for run in _NON_ASCII.finditer(text):
        start, end = max(0, run.start() - _BADNESS_REACH), run.end() + _BADNESS_REACH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    if any(is_bad(text[start:end]) for start, end in windows):
        return is_bad(text)
    return False


def mojibake(text: str) -> list[dict]:
    """Encoding damage (UTF-8 read as Windows-1252 and the like), as ftfy detects and repairs it."""
    import ftfy
    from ftfy.badness import is_bad

    rows = []
    if not _maybe_bad(text, is_bad):
        return rows
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        if is_bad(chunk):
            fixed = ftfy.fix_encoding(chunk)
            if fixed != chunk:
                rows.append(row(match.start(), match.end(), "mojibake",
                                f"‘{chunk}’: encoding damage; it should read ‘{fixed}’"))
    return rows


# ---------------------------------------------------------------------------------------------- name_inconsistency


def name_inconsistencies(text: str) -> list[dict]:
    """One person spelled in incompatible ways within one article ("Kwon Jong-jun", "Kwon Jung Joon"),
    from the speaker resolution (``speakers.name_variants_in_text``); every spelling of the group is a row."""
    try:
        from .speakers import name_variants_in_text
    except ImportError:  # the speaker resolution is not installed yet: nothing to compare
        return []
    rows = []
    for group in name_variants_in_text(text):
        spellings = list(dict.fromkeys(name for _, _, name in group))
        for start, end, name in group:
            others = [s for s in spellings if s != name]
            if not others:
                continue
            rows.append(row(start, end, "name_inconsistency",
                            f"‘{text[start:end]}’: the same person is also written "
                            + _listing(others) + " in this article"))
    return rows


def _listing(names: list[str]) -> str:
    quoted = [f"‘{n}’" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


# ---------------------------------------------------------------------------------------------- departure

DEPARTURE_MIN_OTHERS = 2
# (words before, words after) that must read the same as in the others, and the most words that may differ
DEPARTURE_ANCHORS = (((2, 1), 3), ((1, 2), 3), ((0, 3), 1), ((3, 0), 1))
SHIFTING_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year".split()
)
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")


def cross_source_departures(corpus) -> list[dict]:
    """Wording outside quotation marks that every other outlet prints one way and this one another, between
    the same neighbouring words ("Department of American Affairs" where the others print "Department of US
    Affairs"; "Korea's Central News Agency" for "Korean Central News Agency"), and the same words of a name in
    other capitals ("Korean Central news Agency"). At least two other English reports must agree, and the
    differing words must be a replacement, not an added or dropped word. Rows carry ``source``."""
    texts = {s: corpus.texts[s] for s in _report_sources(corpus)}
    runs = {source: _unquoted_runs(text) for source, text in texts.items()}
    rows = _wording_departures(texts, runs) + _capital_departures(texts, runs)
    return _merge_departures(rows)


def _report_sources(corpus) -> list[str]:
    articles = corpus.articles
    keep = articles["in_scope"].astype(bool) & (articles["role"].astype(str) != "primary")
    return sorted(articles.loc[keep, "source"])


def _unquoted_runs(text: str) -> list[list[Token]]:
    """Runs of words outside quotation marks, each within one line and one clause (no word pair of a run
    straddles a quotation, a line break or punctuation other than a hyphen or apostrophe)."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    runs: list[list[Token]] = [[]]
    q = 0
    for word in _initialisms_joined(text, tokens(text)):
        while q < len(quoted) and quoted[q][1] <= word.start:
            q += 1
        if q < len(quoted) and quoted[q][0] <= word.start:
            runs.append([])
            continue
        if runs[-1] and not _SPACES.fullmatch(text, runs[-1][-1].end, word.start):
            runs.append([])
        runs[-1].append(word)
    return [run for run in runs if run]


def _initialisms_joined(text: str, words: list[Token]) -> list[Token]:
    """ "U.S." as one word "US" (so that it compares equal to "US")."""
    joined: list[Token] = []
    for word in words:
        previous = joined[-1] if joined else None
        if (previous and len(word.text) == 1 and word.text.isupper() and text[previous.end:word.start] == "."
                and previous.text.replace(".", "").isupper() and len(previous.text.replace(".", "")) < 4):
            joined[-1] = Token(previous.text.replace(".", "") + word.text, previous.start, word.end)
        else:
            joined.append(word)
    return joined


def _telling(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Each side of an anchor holds a word that is not a bare function word, and one of them a telling
    word: "Department of … Affairs", not "of the … in"."""
    sides = [side for side in (left, right) if side]
    return (all(any(zipf(w) < 5.5 for w in side) for side in sides)
            and any(zipf(w) < 5.0 and w.isalpha() for w in left + right))


FUNCTION_KEYS = frozenset(
    "the a an of in on at to for with from by and or but nor is was are were be been being has have had do does "
    "did it its that this these those which who whom he she they we i you him her them his their our as not no "
    "so than then there here will would can could may might shall should must also".split()
)


def _content(words: tuple[str, ...]) -> bool:
    """Whether some word is more than a function word ("US" counts: in news it is the country)."""
    return any(w not in FUNCTION_KEYS and re.search(r"[a-z]", w) for w in words)


def _wording_departures(texts: dict[str, str], runs: dict[str, list[list[Token]]]) -> list[dict]:
    index: dict[tuple, dict[str, dict[tuple, tuple[int, int]]]] = {}
    for source, source_runs in runs.items():
        for words in source_runs:
            keys = [normalise_word(w.text) for w in words]
            for (before, after), most in DEPARTURE_ANCHORS:
                for i in range(before, len(words)):
                    for m in range(1, most + 1):
                        if i + m + after > len(words):
                            break
                        anchor = (before, after, tuple(keys[i - before:i]), tuple(keys[i + m:i + m + after]))
                        if _telling(anchor[2], anchor[3]):
                            index.setdefault(anchor, {}).setdefault(source, {}).setdefault(
                                tuple(keys[i:i + m]), (words[i].start, words[i + m - 1].end))
    rows = []
    for anchor, by_source in index.items():
        one_sided = not (anchor[2] and anchor[3])
        for source, middle, span, usual, others in _lone_variants(by_source):
            if not _replacement(middle, usual) or (one_sided and not _variant_spelling(middle, usual)):
                continue
            text = texts[source]
            start, end = by_source[others[0]][usual]
            rows.append({"source": source, **row(span[0], span[1], "departure",
                         f"‘{text[span[0]:span[1]]}’: the {len(others)} other reports that print the words "
                         f"around it print ‘{texts[others[0]][start:end]}’ here")})
    return rows


def _replacement(middle: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """Words replaced (not added, dropped or shuffled), neither side a date word, ends differing."""
    if abs(len(middle) - len(usual)) > 1 or middle[0] == usual[0] or middle[-1] == usual[-1]:
        return False
    if set(middle) & set(usual) or (set(middle) | set(usual)) & SHIFTING_WORDS:
        return False
    return _content(middle) and _content(usual)


def _variant_spelling(middle: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """One word against one word of the same stem ("Korea's" for "Korean"): a one-sided anchor is weak
    evidence, so only such near-spellings count there."""
    from rapidfuzz.fuzz import ratio

    return len(middle) == len(usual) == 1 and ratio(middle[0], usual[0]) >= 70


def _lone_variants(by_source: dict[str, dict[tuple, tuple[int, int]]]):
    """(source, middle, span, usual middle, other sources) where one source departs from all the others."""
    if len(by_source) < DEPARTURE_MIN_OTHERS + 1:
        return
    for source, middles in by_source.items():
        others = [s for s in by_source if s != source]
        usual = {m for s in others for m in by_source[s]}
        if len(usual) != 1 or usual & set(middles):
            continue
        [common] = usual
        for middle, span in middles.items():
            yield source, middle, span, common, others


def _capital_departures(texts: dict[str, str], runs: dict[str, list[list[Token]]], n: int = 4) -> list[dict]:
    """The same words of a name with other capitals ("Korean Central news Agency")."""
    forms: dict[tuple, dict[str, dict[tuple, tuple[int, int]]]] = {}
    for source, source_runs in runs.items():
        for words in source_runs:
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if not all(w.text.isalpha() for w in gram) or sum(w.text[0].isupper() for w in gram) < n - 1:
                    continue
                forms.setdefault(tuple(w.text.lower() for w in gram), {}).setdefault(source, {}).setdefault(
                    tuple(w.text for w in gram[1:]), (gram[0].start, gram[-1].end))
    rows = []
    for by_source in forms.values():
        for source, form, span, usual, others in _lone_variants(by_source):
            text = texts[source]
            rows.append({"source": source, **row(span[0], span[1], "departure",
                         f"‘{text[span[0]:span[1]]}’: the {len(others)} other reports write "
                         f"‘{' '.join(usual)}’ with other capitals"), "severity": 1})
    return rows


def _merge_departures(rows: list[dict]) -> list[dict]:
    """Per source, of overlapping departures keep the shortest (the words that differ, no more)."""
    merged: list[dict] = []
    for source in sorted({r["source"] for r in rows}):
        kept: list[dict] = []
        for r in sorted((r for r in rows if r["source"] == source), key=lambda r: (r["end"] - r["start"], r["start"])):
            if not any(r["start"] < k["end"] and k["start"] < r["end"] for k in kept):
                kept.append(r)
        merged += sorted(kept, key=lambda r: r["start"])
    return merged


# ---------------------------------------------------------------------------------------------- assembly

TEXT_DETECTORS: tuple[Callable[..., list[dict]], ...] = (
    repeated_words, glued_words, broken_sentences, untranslated_text,
)


def text_garbles(text: str) -> list[dict]:
    """Every text detector on one article, one tokenisation shared."""
    words = tokens(text)
    rows = [found for detector in TEXT_DETECTORS for found in detector(text, words)]
    rows += midsentence_capitals(text) + mojibake(text) + name_inconsistencies(text)
    return rows


def boilerplate_rows(boilerplate: pd.DataFrame) -> list[dict]:
    """The corpus loader's page chrome and repeated lines, as garble rows."""
    return [{"source": b.source, **row(int(b.start), int(b.end), b.kind, b.detail)}
            for b in boilerplate.itertuples() if b.kind in LOADER_KINDS]


def quote_repair_rows(quotes: pd.DataFrame) -> list[dict]:
    """The quotation extractor's repairs (a mark without its partner, a quotation split by a paragraph)."""
    if quotes is None or quotes.empty or "repair" not in quotes:
        return []
    repaired = quotes[quotes["repair"].isin(QUOTE_REPAIRS)]
    return [{"source": q.source, **row(int(q.repair_start), int(q.repair_end), q.repair, str(q.repair_detail))}
            for q in repaired.itertuples()]


def find_garbles(corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``garbles`` table of a corpus: text detectors on English articles, boilerplate on all,
    quotation repairs from ``quotes``. Sorted by (source, start, kind)."""
    in_scope = set(corpus.articles.loc[corpus.articles["in_scope"].astype(bool), "source"])
    rows = boilerplate_rows(corpus.boilerplate)
    rows += [r for r in quote_repair_rows(quotes) if r["source"] in in_scope]
    sources = sorted(in_scope)
    word_zipf(), foreign_zipf()  # load the word lists once, before any worker process starts
    for source, found in zip(sources, ordered_map(text_garbles, [corpus.texts[s] for s in sources])):
        rows += [{"source": source, **r} for r in found]
    return garble_table(corpus.texts, rows)


def garble_table(texts: dict[str, str], rows: Iterable[dict]) -> pd.DataFrame:
    """Rows as the ``garbles`` table: evidence text filled in, exact duplicates dropped, sorted."""
    table = pd.DataFrame(list(rows), columns=[c for c in COLUMNS if c != "text"])
    if table.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    table["start"] = table["start"].astype(int)
    table["end"] = table["end"].astype(int)
    table["text"] = [texts[s][a:b] for s, a, b in zip(table["source"], table["start"], table["end"])]
    table = table.drop_duplicates(["source", "start", "end", "kind"])
    table = table.sort_values(["source", "start", "kind", "end"], kind="stable").reset_index(drop=True)
    return table[list(COLUMNS)]


def _merge_overlaps(rows: list[dict]) -> list[dict]:
    """Of overlapping rows of one detector, keep the first and longest."""
    kept: list[dict] = []
    for r in sorted(rows, key=lambda r: (r["start"], -r["end"])):
        if kept and r["start"] < kept[-1]["end"]:
            continue
        kept.append(r)
    return kept
