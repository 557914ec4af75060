"""copy_rewording: a few words of a copied passage that the other copies of it print another way.

Spinners, machine translation and careless rewrites leave most of a copied sentence alone and change a few
words: "France's Air Pressure One" where the copies of the same passage print "Air Force One", "were on the
spotlight" for "have been in the spotlight", "an internal email received by the billionaire" for "sent by",
"it has chaotic two weeks" with "been" dropped. What the other copies print at the same place is the
evidence: this copy and at least ``MIN_AGREEING`` other copies print the same ``SHINGLE`` words before and
after the stretch (anchors), those copies agree on one wording of it, no copy prints this copy's wording,
and the stretch is short (at most ``MAX_GAP`` words on either side). Not flagged: another grammatical form
of the same words ("says" / "said"), house style ("labour" / "labor", "per cent" / "percent"), numbers
written another way, and changes of function words alone ("the" / "a").

Cost: each article's words are read as overlapping ``SHINGLE``-word keys, indexed once; each article is
compared with at most ``MAX_PARTNERS`` copies (those sharing most keys, counted over at most
``PARTNER_SAMPLE`` printers of each key): linear in the corpus's length.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..text import Token, normalise_word, tokens
from .copies import _grammatical_form, _house_style
from .departure import FUNCTION_KEYS
from .registry import register, row
from .util import in_scope_sources, report_sources

SHINGLE = 4  # words on each side that must read the same in the other copies (3 let "in the capital of" match anywhere)
MAX_GAP = 4  # most words a rewording may span on either side (longer: another sentence, not a rewording)
MIN_AGREEING = 2  # other copies that must print the same other wording (one other copy: either may be wrong)
AGREEMENT = 0.8  # share of the copies with another wording there that must print this one
MIN_SHARED = 8  # keys a copy must share with this article to count as a copy of it
MAX_LENGTH_CHANGE = 0  # a spinner swaps words one for one; an editor's rewrite changes the length (measured:
# one word more or less let two rewrites of a faithful copy through, "being used" for "intended")
MIN_PER_ARTICLE = 2  # rewordings an article must show: one departure may be an editor's, several a spinner's
MAX_REPEATS = 4  # positions of one key kept per article (a key printed more often is no anchor after that)
MAX_PARTNERS = 12  # copies each article is compared with (a story printed by thousands stays linear)
PARTNER_SAMPLE = 24  # printers of one key looked at when counting an article's copies
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


@register("copy_rewording", severity=2, colour="#ffd6a5", scope="corpus",
          explanation="‘{text}’: words of a copied passage that the other copies of it print another way",
          confirmed_by=("spinner", "rewrite", "reworded", "translation", "dropped", "synonym", "misquote",
                        "mistranslat", "garbled", "word"))
def copy_rewordings(corpus, quotes=None) -> list[dict]:
    """Short stretches of a copied passage where the other copies agree on other words."""
    partners_of = in_scope_sources(corpus)
    flagged_in = report_sources(corpus)
    if len(partners_of) <= MIN_AGREEING:
        return []
    words = {s: tokens(corpus.texts[s]) for s in partners_of}
    keys = {s: [normalise_word(w.text) for w in found] for s, found in words.items()}
    shingles = {s: _shingles(k) for s, k in keys.items()}
    index = _index(shingles)
    rows = []
    for source in flagged_in:
        partners = _partners(source, shingles[source], index)
        rows += _rewordings(source, corpus.texts[source], words[source], keys, shingles, index, partners,
                            corpus.texts, words)
    return rows


def _shingles(keys: list[str]) -> list[int]:
    """The hash of each run of ``SHINGLE`` word keys (by its first word)."""
    return [hash(tuple(keys[i:i + SHINGLE])) for i in range(len(keys) - SHINGLE + 1)]


def _index(shingles: dict[str, list[int]]) -> dict[int, dict[str, list[int]]]:
    """Each key -> source -> its first ``MAX_REPEATS`` positions there (a headline repeated as the first line
    still anchors the second time)."""
    index: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for source, found in shingles.items():
        for at, key in enumerate(found):
            positions = index[key].setdefault(source, [])
            if len(positions) < MAX_REPEATS:
                positions.append(at)
    return index


def _partners(source: str, shingles: list[int], index: dict[int, dict[str, int]]) -> list[str]:
    """The copies that share most keys with ``source`` (at least ``MIN_SHARED``), at most ``MAX_PARTNERS``."""
    shared: Counter = Counter()
    for key in set(shingles):
        printers = index[key]
        for n, other in enumerate(printers):
            if n >= PARTNER_SAMPLE:
                break
            if other != source:
                shared[other] += 1
    ranked = sorted((s for s, n in shared.items() if n >= MIN_SHARED), key=lambda s: (-shared[s], s))
    return ranked[:MAX_PARTNERS]


def _gaps(partner: str, shingles: list[int], index: dict[int, dict[str, list[int]]]):
    """(first word, end word) of this article and (first word, end word) of the partner for each short stretch
    between two anchors both print in the same order; last, (None, the article's positions whose key the
    partner prints in a run of the same words: the partner agrees there)."""
    agreeing: set[int] = set()
    last = None  # (position here, position in the partner) of the last key both print
    for at, key in enumerate(shingles):
        positions = index[key].get(partner)
        if not positions:
            continue
        there = _next_position(positions, last)
        if last and at == last[0] + 1 and there == last[1] + 1:
            agreeing.update((last[0], at))  # a run of keys in the same order: the partner prints these words
        elif last:
            mine, theirs = (last[0] + SHINGLE, at), (last[1] + SHINGLE, there)
            if 0 <= mine[1] - mine[0] <= MAX_GAP and 0 <= theirs[1] - theirs[0] <= MAX_GAP \
                    and (mine[1] - mine[0]) + (theirs[1] - theirs[0]) > 0:
                yield mine, theirs
        last = (at, there)
    yield None, agreeing


def _next_position(positions: list[int], last: tuple[int, int] | None) -> int:
    """The partner's position of a key: the one that continues the last anchor's run or closes a short
    stretch after it, else its first (a new run starts)."""
    if last:
        for p in positions:
            if last[1] < p <= last[1] + SHINGLE + MAX_GAP:
                return p
    return positions[0]


def _rewordings(source, text, words, keys, shingles, index, partners, texts, all_words) -> list[dict]:
    alternatives: dict[tuple[int, int], dict[tuple, list]] = defaultdict(dict)
    supported: list[set[int]] = []
    for partner in partners:
        for mine, theirs in _gaps(partner, shingles[source], index):
            if mine is None:
                supported.append(theirs)
                continue
            wording = tuple(keys[partner][theirs[0]:theirs[1]])
            found = alternatives[mine].setdefault(wording, [0, partner, theirs])
            found[0] += 1
    rows = []
    for (first, end), wordings in sorted(alternatives.items()):
        mine = tuple(keys[source][first:end])
        if any(any(at in agreeing for at in range(first - SHINGLE + 1, max(end, first + 1))) for agreeing in supported):
            continue  # a copy prints this article's words here: the wording has a witness
        usual = max(sorted(wordings), key=lambda w: wordings[w][0])
        agreeing, partner, theirs = wordings[usual]
        if agreeing < MIN_AGREEING or agreeing < AGREEMENT * sum(w[0] for w in wordings.values()):
            continue
        if not usual or abs(len(mine) - len(usual)) > MAX_LENGTH_CHANGE or not _telling(mine, usual):
            continue  # words added, or rewritten at another length: an editor's choice as often as damage
        span = (first, end) if end > first else (first - 1, first + 1)
        start, stop = words[span[0]].start, words[span[1] - 1].end
        printed = _printed(texts[partner], all_words[partner], theirs)
        if _SENTENCE_BREAK.search(text, start, stop) or _SENTENCE_BREAK.search(printed):
            continue  # the stretch runs over a sentence's end: sentences joined or split, not words changed
        how = "print" if end > first else "print words left out here:"
        rows.append({"source": source, **row(start, stop, "copy_rewording",
                     f"‘{text[start:stop]}’: the {agreeing} other copies that print the same words around it "
                     f"{how} ‘{printed}’" + ("" if end > first else " between these words"))})
    return rows if len(rows) >= MIN_PER_ARTICLE else []


def _printed(text: str, words: list[Token], span: tuple[int, int]) -> str:
    first, end = span
    return text[words[first].start:words[end - 1].end] if end > first else ""


_CONTRACTIONS = (("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"), ("'d", "would"))


def _spelled_out(words: tuple[str, ...]) -> str:
    """The words' letters with contractions spelled out and spaces and hyphens dropped ("aren't" is "are not",
    "per cent" is "percent")."""
    joined = "".join(words).replace("-", "")
    for short, long in _CONTRACTIONS:
        joined = joined.replace(short, long)
    return joined


def _telling(mine: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """Whether two wordings differ in more than form: not the same letters spaced or punctuated otherwise
    ("per cent" / "percent"), not numbers alone, not one word's grammatical forms or house spellings, and
    a content word on one side (a dropped word may be a function word: "it has [been] chaotic")."""
    if _spelled_out(mine) == _spelled_out(usual):
        return False
    if all(w.replace(",", "").replace(".", "").isdigit() for w in mine + usual):
        return False
    if len(mine) == len(usual) and all(a == b or _grammatical_form(a, b) or _house_style(a, b)
                                       for a, b in zip(mine, usual)):
        return False
    if mine and usual and not any(w not in FUNCTION_KEYS for w in mine + usual):
        return False
    return True
