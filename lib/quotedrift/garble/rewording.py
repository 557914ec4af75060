"""copy_rewording: a few words of a copied passage that the other copies of it print another way.

Spinners, machine translation and careless rewrites leave most of a copied sentence alone and change a few
words: "France's Air Pressure One" where the copies of the same passage print "Air Force One", "the good
danger" for "the great risk", "an internal email received by the billionaire" for "sent by". What the
other copies print at the same place is the
evidence: this copy and at least ``MIN_AGREEING`` other copies print the same ``SHINGLE`` words before and
after the stretch (anchors), those copies agree on one wording of it, no copy prints this copy's wording,
and the stretch is short (at most ``MAX_GAP`` words on either side) and swaps words one for one. An article
needs ``MIN_PER_ARTICLE`` such places; once it has them, a place where one other copy alone prints the same
words around it counts too (the article is shown to be reworded; between two copies alone, either may be).
Not flagged: words added or dropped and rewrites of another length (an editor's choice as often as damage),
another grammatical form of the same words ("says" / "said"), house style ("labour" / "labor", "aren't" /
"are not"), numbers written another way, and changes of function words alone ("the" / "a").

Cost: each article's words are read as overlapping ``SHINGLE``-word keys, indexed once; each article is
compared with at most ``MAX_PARTNERS`` copies (those sharing most keys, counted over at most
``PARTNER_SAMPLE`` printers of each key): linear in the corpus's length.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..text import Token
from .copies import _grammatical_form, _house_style
from .departure import FUNCTION_KEYS
from .registry import register, row
from .util import article_keys, article_words, in_scope_sources, report_sources

SHINGLE = 4  # words on each side that must read the same in the other copies (3 let "in the capital of" match anywhere)
MAX_GAP = 4  # most words a rewording may span on either side (longer: another sentence, not a rewording)
MIN_AGREEING = 2  # other copies that must print the same other wording (one other copy: either may be wrong) …
MIN_PER_ARTICLE = 2  # … in at least this many places of an article; then a departure from one copy counts too
# (the article is shown to be reworded: a faithful copy of the stories showed none, a spinner's up to eight)
AGREEMENT = 0.8  # share of the copies with another wording there that must print this one
MIN_SHARED = 8  # keys a copy must share with this article to count as a copy of it
MAX_LENGTH_CHANGE = 0  # a spinner swaps words one for one; an editor's rewrite changes the length (measured:
# one word more or less let two rewrites of a faithful copy through, "being used" for "intended")
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
    words = {s: article_words(corpus.texts[s]) for s in partners_of}
    keys = {s: article_keys(corpus.texts[s]) for s in partners_of}
    shingles = _numbered_shingles(keys)
    index = _index(shingles)
    rows = []
    for source in flagged_in:
        partners = _partners(source, shingles[source], index)
        printers = [index[key] for key in shingles[source]]
        rows += _rewordings(source, corpus.texts[source], words[source], keys, printers, partners,
                            corpus.texts, words)
    return rows


Shingle = int  # the number of a run of SHINGLE consecutive word keys (see _numbered_shingles)


def _numbered_shingles(keys: dict[str, list[str]]) -> dict[str, list[Shingle]]:
    """Per source, each run of ``SHINGLE`` word keys (by its first word) as a number, the same for the same run
    in every source: runs numbered in the order they first appear (sources in the order given), so each run
    is hashed once, not at every look-up, and never by its ``hash()``, which Python seeds anew in every process
    (a collision would differ from run to run)."""
    numbers: dict[tuple[str, ...], int] = {}
    return {source: [numbers.setdefault(tuple(found[i:i + SHINGLE]), len(numbers))
                     for i in range(len(found) - SHINGLE + 1)]
            for source, found in keys.items()}


def _index(shingles: dict[str, list[Shingle]]) -> dict[Shingle, dict[str, list[int]]]:
    """Each key -> source -> its first ``MAX_REPEATS`` positions there (a headline repeated as the first line
    still anchors the second time)."""
    index: dict[Shingle, dict[str, list[int]]] = defaultdict(dict)
    for source, found in shingles.items():
        for at, key in enumerate(found):
            positions = index[key].setdefault(source, [])
            if len(positions) < MAX_REPEATS:
                positions.append(at)
    return index


def _partners(source: str, shingles: list[Shingle], index: dict[Shingle, dict[str, list[int]]]) -> list[str]:
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


def _gaps(partner: str, printers: list[dict[str, list[int]]]):
    """(first word, end word) of this article and (first word, end word) of the partner for each short stretch
    between two anchors both print in the same order; last, (None, the article's positions whose key the
    partner prints in a run of the same words: the partner agrees there). ``printers``: for each key of this
    article, its entry of the index (source -> positions)."""
    agreeing: set[int] = set()
    last = None  # (position here, position in the partner) of the last key both print
    for at, printed in enumerate(printers):
        positions = printed.get(partner)
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


def _rewordings(source, text, words, keys, printers, partners, texts, all_words) -> list[dict]:
    """One article's rows: its stretches between anchors, the partners' wordings of each, judged."""
    alternatives: dict[tuple[int, int], dict[tuple, list]] = defaultdict(dict)
    supported: list[set[int]] = []
    for partner in partners:
        for mine, theirs in _gaps(partner, printers):
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
        if agreeing < AGREEMENT * sum(w[0] for w in wordings.values()):
            continue
        if not mine or not usual or abs(len(mine) - len(usual)) > MAX_LENGTH_CHANGE or not _telling(mine, usual):
            continue  # words added or dropped, or rewritten at another length: an editor's choice as often
        start, stop = words[first].start, words[end - 1].end
        printed = _printed(texts[partner], all_words[partner], theirs)
        if _SENTENCE_BREAK.search(text, start, stop) or _SENTENCE_BREAK.search(printed):
            continue  # the stretch runs over a sentence's end: sentences joined or split, not words changed
        rows.append((agreeing, {"source": source, **row(start, stop, "copy_rewording",
                     _detail(text[start:stop], agreeing, printed))}))
    if sum(agreeing >= MIN_AGREEING for agreeing, _ in rows) < MIN_PER_ARTICLE:
        return []  # too few departures that several copies witness: an editor's choices, or no copies
    return [found for _, found in rows]


def _detail(mine: str, agreeing: int, printed: str) -> str:
    """The evidence in words: what the other copies print where this one departs."""
    verb = "prints" if agreeing == 1 else "print"
    witnesses = "the other copy" if agreeing == 1 else f"the {agreeing} other copies"
    return f"‘{mine}’: {witnesses} that {verb} the same words around it {verb} ‘{printed}’ here"


def _printed(text: str, words: list[Token], span: tuple[int, int]) -> str:
    """The partner's words of a stretch, as it prints them."""
    first, end = span
    return text[words[first].start:words[end - 1].end]


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
    a content word on one side."""
    if _spelled_out(mine) == _spelled_out(usual):
        return False
    if all(w.replace(",", "").replace(".", "").isdigit() for w in mine + usual):
        return False
    if len(mine) == len(usual) and all(a == b or _grammatical_form(a, b) or _house_style(a, b)
                                       for a, b in zip(mine, usual)):
        return False
    if not any(w not in FUNCTION_KEYS for w in mine + usual):
        return False
    return True
