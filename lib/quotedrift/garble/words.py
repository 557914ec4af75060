"""Word knowledge the detectors share: wordfreq's word lists as Zipf frequencies, loaded once per process."""

from __future__ import annotations

import functools

from ..text import normalise_word
from ..wordcache import load_all, shared_zipf_table



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
    return shared_zipf_table(language, wordlist)


@functools.lru_cache(maxsize=1 << 19)
def zipf(word: str, language: str = "en") -> float:
    """Zipf frequency of a word (0 when the list does not have it): 7 is "the", 3 a word seen now and then.

    Memoised: news text repeats its words, and every detector asks about the same ones."""
    lists = word_zipf(language) if language == "en" else word_zipf(language, "small")
    return lists.get(normalise_word(word), 0.0)


def known(word: str, floor: float = 2.5) -> bool:
    """Whether a word is an ordinary English word (frequent enough in wordfreq's list)."""
    return zipf(word) >= floor




def prepare() -> None:
    """Load every word list the detectors use, whole (before worker processes fork, so they share one copy;
    a single process reads only the shards its look-ups need, see :class:`quotedrift.wordcache.ShardedTable`)."""
    from .foreign import foreign_zipf

    load_all(word_zipf())
    load_all(foreign_zipf())
