"""Who the whole corpus names: full names, the single names that stand for them, the titles printed with them.

An outlet often prints only "Doe said", "Ms Doe" or "the league president" where another outlet of the same
story prints the full name and its title. :func:`build_roster` reads every article once (names and titles as
printed), so that resolution within one article can fall back on the corpus (issue 10: "resolve to the full
name in the article or, failing that, in the corpus"). Built in one pass, linear in the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import names as spk
from .titles import title_near

# A single name stands for a full name of the corpus when that full name takes at least this share of the
# articles printing any full name with that surname ("Doe": Jane Doe in 20 articles, John Doe in 2).
SURNAME_SHARE = 0.75
# A single name stands for a corpus full name only when at least this many articles print that full name: a
# run of capitals one page prints ("Says Will Find New") must not turn every "New" into a person.
SINGLE_MIN_ARTICLES = 2
TITLE_REACH = 120  # characters before a name searched for its title (as ``ArticleResolver`` does)


@dataclass(frozen=True)
class Roster:
    """The people a corpus names.

    ``full``: canonical full name → number of articles printing it (any spelling of that person);
    ``spelling``: full name as printed → canonical full name; ``single``: lower-case surname (or the given
    name a family-first name is also called by, "Wei") → canonical full name, only where one person owns it;
    ``titles``: canonical full name → lower-case words of the titles printed with it anywhere in the corpus;
    ``printed_titles``: canonical full name → those titles as printed, commonest first."""

    full: dict[str, int] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)
    single: dict[str, str] = field(default_factory=dict)
    titles: dict[str, frozenset[str]] = field(default_factory=dict)
    printed_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        """The corpus's full name for ``name`` (a full name as printed, or a single name), '' when unknown."""
        words = spk._words(name)
        if len(words) >= 2:
            return self.spelling.get(" ".join(words), "")
        return self.single.get(words[0].lower(), "") if words else ""

    def known_singles(self) -> frozenset[str]:
        return frozenset(self.single)


EMPTY = Roster()


def article_people(text: str) -> list[tuple[str, str]]:
    """(full name, title printed with it) for each full-name mention of one article, in text order."""
    found = []
    for name in spk.find_person_names(text):
        if len(name[2].split()) >= 2:
            found.append((" ".join(spk._words(name[2])), title_near(text, max(0, name[0] - TITLE_REACH), name[1], name)))
    return found


def build_roster(per_article: list[list[tuple[str, str]]]) -> Roster:
    """The corpus roster from each article's :func:`article_people` (see :class:`Roster`).

    Spellings of one person are clustered with :func:`names.same_person`; the canonical spelling is the one most
    articles print. A printed run that holds a better-attested full name ("Chief Dreamer Jane Doe", a headline's
    "Jane Doe Issues Ultimatum") is that name."""
    documents: Counter = Counter()
    for people in per_article:
        documents.update({name for name, _ in people if name})
    spellings = sorted(documents)
    spelling = {name: _attested_part(name, documents) for name in spellings}
    kept = sorted({s for s in spelling.values()})
    full: dict[str, int] = {}
    owner: dict[str, str] = {}
    blocks: dict[str, list[str]] = {}
    for name in kept:  # spellings of one person share the block (see _block): cluster within blocks only
        blocks.setdefault(_block(name), []).append(name)
    clusters = [c for key in sorted(blocks) for c in spk.cluster_names(blocks[key])]
    for cluster in clusters:
        # most articles first; on a tie the spelling with its own letters ("Röttgen", not the ASCII "Roettgen")
        best = sorted(cluster, key=lambda n: (-documents[n], n.isascii(), -len(n), n))[0]
        full[best] = sum(documents[n] for n in cluster)
        for name in cluster:
            owner[name] = best
    spelling = {printed: owner.get(part, part) for printed, part in spelling.items()}
    singles: dict[str, Counter] = {}
    for name, count in full.items():
        if count < SINGLE_MIN_ARTICLES:
            continue
        for word in _single_names(name):
            singles.setdefault(word, Counter())[name] += count
    single = {}
    for word, owners in singles.items():
        name, count = owners.most_common(1)[0]
        if count >= SURNAME_SHARE * sum(owners.values()):
            single[word] = name
    for printed, name in spelling.items():
        words = printed.split()
        owner_of_surname = single.get(words[-1].lower(), "")
        if (full.get(name, 0) < SINGLE_MIN_ARTICLES and owner_of_surname and owner_of_surname != name
                and everyday_word(words[0])):
            spelling[printed] = owner_of_surname  # "Given Doe" at a sentence start: Doe
    titles: dict[str, set[str]] = {}
    printed: dict[str, Counter] = {}
    for people in per_article:
        for name, title in people:
            if title and name in spelling:
                titles.setdefault(spelling[name], set()).update(re.findall(r"[a-z]+", title.lower()))
                printed.setdefault(spelling[name], Counter())[title] += 1
    return Roster(full=full, spelling=spelling, single=single,
                  titles={name: frozenset(words) for name, words in titles.items()},
                  printed_titles={name: tuple(t for t, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
                                  for name, c in printed.items()})


EVERYDAY_ZIPF = 5.0  # wordfreq Zipf frequency from which a capitalised word is an everyday word ("Given" 5.4, "Says" 5.5; "Joe" 4.8)


def everyday_word(word: str) -> bool:
    """An everyday English word that is no first name ("Given", "Says"; not "Will" or "Mark")."""
    from .. import lexicon

    lower = word.lower()
    return lower not in lexicon.first_name_genders() and english_zipf(lower) >= EVERYDAY_ZIPF


def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case word, as ``zipf_frequency(word, "en")`` gives it (rounded to two
    decimals). A plain ASCII word is read from the word-list cache (importing wordfreq and reading its English
    list cost about 0.6 s per process); anything wordfreq would tokenise first is asked of wordfreq itself."""
    if word.isascii() and word.isalpha() and word.islower():
        from ..wordcache import shared_zipf_table

        return round(shared_zipf_table("en").get(word, 0.0), 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _block(name: str) -> str:
    """A key that every spelling :func:`names.same_person` may link to ``name`` shares: the family name's
    romanisation key for a family-first name, else the surname's first letter (a surname must be 75 % alike)."""
    words = spk._words(name)
    if not words:
        return ""
    scheme = spk.scheme_of(words)
    if scheme:
        return f"{scheme}:{spk.FAMILY_FIRST_SCHEMES[scheme].get(words[0].lower(), words[0].lower())}"
    return spk._surname(name)[:1].lower()


def _single_names(name: str) -> list[str]:
    """The single words a person is called by: the surname, and for a family-first name its last given name
    too ("Lin Wei" → lin, wei)."""
    words = spk._words(name)
    if not words:
        return []
    result = [spk._surname(name).lower()]
    if spk.scheme_of(words) and len(words) == 2:
        result.append(words[-1].lower())
    return result


def _attested_part(name: str, documents: Counter) -> str:
    """A printed run of three or more words becomes the two- or three-word name inside it that more articles
    print on its own ("Dreamer Jane Doe" → "Jane Doe"); other names stay as they are."""
    words = name.split()
    best = name
    for size in range(len(words) - 1, 1, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start:start + size])
            if documents.get(part, 0) > documents.get(best, 0):
                best = part
    return best
